import { describe, expect, it } from 'vitest';
import { pageNumberOf } from './pageNumber';

describe('pageNumberOf', () => {
  it.each([
    [null, 1],
    ['', 1],
    ['1', 1],
    ['3', 3],
    ['0', 1],
    ['-2', 1],
    ['2.5', 1],
    ['abc', 1],
  ])('reads %j as page %i', (value, page) => {
    expect(pageNumberOf(value)).toBe(page);
  });
});
