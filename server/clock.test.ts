import { describe, expect, it } from 'vitest';
import { clockStartingAt } from './clock';

describe('clockStartingAt', () => {
  it('should start at the given instant and run at the real pace', () => {
    let real = Date.parse('2026-12-03T10:00:00Z');
    const clock = clockStartingAt(new Date('2026-11-25T08:00:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2026-11-25T08:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-11-25T08:01:30.000Z');
  });
});
