/**
 * The first screen without a waterfall. main.tsx imports this module first, so it runs before the rest of
 * the entry (i18n, Ant Design, the route table) is evaluated, and asks at once for who is signed in
 * (GET /auth/me), the frame's chunk, the page's chunk and the page's first API reads, instead of each after
 * the one before it (entry → frame → /auth/me → page chunk → the page's reads), every step crossing a slow
 * link (a commune office on 3G: 150 ms each way). The reads go into the query cache under the keys the
 * pages use, so the pages find them there; a failure is left for the page's own query to show.
 *
 * routes.tsx stays the route table; firstScreenRoutes.ts names the pages a visit starts on (the landing
 * page of each role, and links people keep), FIRST_SCREENS their lazy imports (the same chunks). Before
 * all this, the boot script (web/pwa/boot.js, run by index.html before the entry arrives) has already
 * asked for the same chunks and for /auth/me and the simplest reads, which the API client takes.
 */
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { matchPath, type Params } from 'react-router';
import { ApiError } from './api/client';
import { firstReads, type Reads } from './firstReads';
import { FIRST_SCREEN_ROUTES, type FirstScreenPath } from './firstScreenRoutes';

/** The query cache of the app, handed to the providers by main.tsx. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

// The query cache assumes a network until told otherwise: a page opened offline (the service worker gives
// the app) then waits for the connection and loads by itself, instead of failing.
onlineManager.setOnline(navigator.onLine);

/** The frame of the signed-in pages (menu, drawer, notifications): a chunk of its own, not on /login. */
export const loadAppLayout = () => import('./components/layout/AppLayout');

type FirstScreen = { load: () => Promise<unknown>; reads?: Reads };

/** The chunk and the reads of each page of FIRST_SCREEN_ROUTES (the same lazy imports as routes.tsx). */
const FIRST_SCREENS: Record<FirstScreenPath, FirstScreen> = {
  '/login': { load: () => import('./features/auth/LoginPage') },
  '/my-work': { load: () => import('./features/reporting/MyWorkPage'), reads: firstReads.myWork },
  '/summary': { load: () => import('./features/home/LocalitySummaryPage'), reads: firstReads.summary },
  '/dashboard': {
    load: () => import('./features/dashboard/DashboardIndexPage'),
    reads: firstReads.dashboard,
  },
  '/plans/:planId/dashboard': {
    load: () => import('./features/dashboard/DashboardPage'),
    reads: firstReads.planDashboard,
  },
  '/reporting-periods/:periodId/units/:unitId': {
    load: () => import('./features/reporting/UnitReportPage'),
    reads: firstReads.unitReport,
  },
  '/plans': { load: () => import('./features/plan/PlanListPage') },
};

const preloadFirstScreen = (): void => {
  const { pathname, search } = window.location;
  firstReads.me(queryClient);
  if (!pathname.startsWith('/login')) void loadAppLayout();
  for (const route of FIRST_SCREEN_ROUTES) {
    const match = matchPath(route.path, pathname);
    if (!match) continue;
    const screen = FIRST_SCREENS[route.path];
    // The reads first: the server takes a moment to answer, the chunks come from the same link anyway.
    screen.reads?.(queryClient, match.params as Params, new URLSearchParams(search));
    void screen.load();
    return;
  }
};

preloadFirstScreen();
