/**
 * The pages a visit starts on (each role's landing page and links people keep), shared by firstScreen.ts
 * (which asks for the page's chunk and reads as the entry starts) and the build (web/vite.config.ts writes
 * web/pwa/boot.js into a tiny script that index.html runs before the entry arrives: it asks for these
 * pages' chunks as `modulepreload` and for the reads below, so neither waits for the entry's 200 KB).
 * No imports: the build reads this file in Node.
 */
export type FirstScreenRoute = {
  /** A React Router path (`:param` for one segment). */
  path: string;
  /** The page's module under web/src. */
  page: string;
  /**
   * GET requests the page makes first, started by the boot script: exactly the URL the API client builds
   * (web/src/api/client.ts takes the answer for the first request of that URL, within seconds).
   */
  reads: string[];
  /** The page it most often goes on to at once (a commune's leader: /dashboard → the one plan's dashboard). */
  next?: string;
  /**
   * When the list read (one of `reads`) holds a single plan, the read of that plan's page (`{id}` its id)
   * is started as soon as the list arrives, before the list is handed to the app.
   */
  onePlan?: { list: string; read: string };
};

/** The sign-in page: without the frame. */
export const SIGN_IN_PAGE = 'features/auth/LoginPage.tsx';

export const FIRST_SCREEN_ROUTES = [
  { path: '/login', page: SIGN_IN_PAGE, reads: [] },
  { path: '/my-work', page: 'features/reporting/MyWorkPage.tsx', reads: ['/api/v1/my-work'] },
  {
    path: '/summary',
    page: 'features/home/LocalitySummaryPage.tsx',
    reads: ['/api/v1/plans?limit=200', '/api/v1/my-work'],
  },
  {
    path: '/dashboard',
    page: 'features/dashboard/DashboardIndexPage.tsx',
    next: 'features/dashboard/DashboardPage.tsx',
    onePlan: { list: '/api/v1/plans?limit=50', read: '/api/v1/plans/{id}/dashboard' },
    reads: [
      '/api/v1/plans?limit=50',
      '/api/v1/localities?level=nation&limit=200',
      '/api/v1/localities?level=province&limit=200',
    ],
  },
  { path: '/plans/:planId/dashboard', page: 'features/dashboard/DashboardPage.tsx', reads: [] },
  {
    path: '/reporting-periods/:periodId/units/:unitId',
    page: 'features/reporting/UnitReportPage.tsx',
    reads: [],
  },
  { path: '/plans', page: 'features/plan/PlanListPage.tsx', reads: [] },
] as const satisfies readonly FirstScreenRoute[];

export type FirstScreenPath = (typeof FIRST_SCREEN_ROUTES)[number]['path'];

/** Every signed-in page's frame (menu, drawer, notifications); not on /login. */
export const FRAME_PAGE = 'components/layout/AppLayout.tsx';

/** Who is signed in: every page asks first, the sign-in page too. */
export const ME_READ = '/api/v1/auth/me';
