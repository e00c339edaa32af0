import { describe, expect, it } from 'vitest';
import { selectedNavKey } from './navigation';

describe('selectedNavKey', () => {
  it.each([
    ['/plans', '/plans'],
    ['/plans/7f1c/dashboard', '/dashboard'],
    ['/imports/new', '/plans'],
    ['/imports/12', '/plans'],
    ['/my-work', '/my-work'],
    ['/reporting-periods/1/units/2', '/my-work'],
    ['/reporting-periods/1/consolidated', '/dashboard'],
    ['/localities/9/overview', '/dashboard'],
    ['/localities/9/units', '/units'],
    ['/admin/users/import', '/admin/users'],
    ['/audit', '/audit'],
  ])('marks the entry of %s', (path, key) => {
    expect(selectedNavKey(path)).toBe(key);
  });

  it.each(['/change-password', '/no-such-page', '/auditing', '/plansx'])('marks no entry for %s', (path) => {
    expect(selectedNavKey(path)).toBeUndefined();
  });
});
