/**
 * Where to go after signing in: the `next` parameter when it is a path of this app, else the landing
 * page (which sends unit officers to their own work and everyone else to the plans).
 * Only same-site paths are followed, so a crafted link cannot send the officer elsewhere.
 */
export const safeNextPath = (next: string | null | undefined): string => {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/change-password')) return '/';
  return next;
};

/** "/login?next=%2Fplans%2F…": the sign-in address that comes back to the given page. */
export const loginPathFor = (pathname: string, search = ''): string =>
  pathname === '/' || pathname.startsWith('/login')
    ? '/login'
    : `/login?next=${encodeURIComponent(`${pathname}${search}`)}`;
