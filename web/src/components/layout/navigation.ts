/** The main menu's entries, and which of them a page belongs to. */

/** The menu, in its order; `adminOnly` and `leaderOnly` entries are shown to those roles only. */
export const NAV_ITEMS = [
  { key: '/summary', labelKey: 'nav.summary', adminOnly: false, leaderOnly: true },
  { key: '/my-work', labelKey: 'nav.myWork', adminOnly: false },
  { key: '/plans', labelKey: 'nav.plans', adminOnly: false },
  { key: '/dashboard', labelKey: 'nav.dashboard', adminOnly: false },
  { key: '/catalog', labelKey: 'nav.catalog', adminOnly: false },
  { key: '/search', labelKey: 'nav.search', adminOnly: false },
  { key: '/units', labelKey: 'nav.units', adminOnly: false },
  { key: '/audit', labelKey: 'nav.audit', adminOnly: false },
  { key: '/admin/users', labelKey: 'nav.users', adminOnly: true },
  { key: '/admin/locality-changes', labelKey: 'nav.localityChanges', adminOnly: true },
] as const;

/**
 * Which menu entry a path belongs to: unit pages live under /localities/…/units, imports under the plans.
 * A page of no entry (password change, an unknown path) marks none.
 */
export const selectedNavKey = (pathname: string): string | undefined => {
  if (pathname.startsWith('/localities/') && pathname.endsWith('/overview')) return '/dashboard';
  if (pathname.startsWith('/localities/') || pathname.startsWith('/units')) return '/units';
  if (pathname.endsWith('/dashboard')) return '/dashboard';
  if (pathname.startsWith('/reporting-periods/') && pathname.endsWith('/consolidated')) return '/dashboard';
  if (pathname.startsWith('/reporting-periods/')) return '/my-work';
  if (pathname.startsWith('/imports/')) return '/plans';
  return NAV_ITEMS.find((item) => pathname === item.key || pathname.startsWith(`${item.key}/`))?.key;
};
