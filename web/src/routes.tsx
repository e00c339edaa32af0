/**
 * The whole route table. Pages are lazy-loaded so the first screen stays light; the page a visit opens on
 * is asked for early by firstScreen.ts.
 */
import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoadingState } from './components/ui/LoadingState';
import { RequireAuth } from './features/auth/RequireAuth';
import { HomeRedirect } from './features/home/HomeRedirect';
import { loadAppLayout } from './firstScreen';

/**
 * The frame of the signed-in pages (menu, drawer, notifications) is a chunk of its own, so the sign-in page
 * does not load it; firstScreen.ts asks for it (and for the page a visit opens on) as the app starts.
 */
const AppLayout = lazy(() => loadAppLayout().then((module) => ({ default: module.AppLayout })));
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage'));
const PlanListPage = lazy(() => import('./features/plan/PlanListPage'));
const PlanDetailPage = lazy(() => import('./features/plan/PlanDetailPage'));
const UnitsPage = lazy(() => import('./features/unit/UnitsPage'));
const CatalogPage = lazy(() => import('./features/catalog/CatalogPage'));
const SearchPage = lazy(() => import('./features/search/SearchPage'));
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
const UsersPage = lazy(() => import('./features/user/UsersPage'));
const UserImportPage = lazy(() => import('./features/user/UserImportPage'));
const LocalityChangesPage = lazy(() => import('./features/locality/LocalityChangesPage'));
const LocalitySummaryPage = lazy(() => import('./features/home/LocalitySummaryPage'));
const MyWorkPage = lazy(() => import('./features/reporting/MyWorkPage'));
const UnitReportPage = lazy(() => import('./features/reporting/UnitReportPage'));
const ConsolidatedReportPage = lazy(() => import('./features/consolidation/ConsolidatedReportPage'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const DashboardIndexPage = lazy(() => import('./features/dashboard/DashboardIndexPage'));
const OverviewPage = lazy(() => import('./features/overview/OverviewPage'));
const ImportStartPage = lazy(() => import('./features/import/ImportStartPage'));
const ImportJobPage = lazy(() => import('./features/import/ImportJobPage'));
const NotFoundPage = lazy(() => import('./components/layout/NotFoundPage'));

const page = (element: React.ReactNode) => <Suspense fallback={<LoadingState />}>{element}</Suspense>;

export const router = createBrowserRouter([
  { path: 'login', element: page(<LoginPage />) },
  {
    element: <RequireAuth />,
    children: [
      {
        element: page(<AppLayout />),
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'change-password', element: page(<ChangePasswordPage />) },
          { path: 'plans', element: page(<PlanListPage />) },
          { path: 'plans/:planId', element: page(<PlanDetailPage />) },
          { path: 'plans/:planId/dashboard', element: page(<DashboardPage />) },
          { path: 'imports/new', element: page(<ImportStartPage />) },
          { path: 'imports/:jobId', element: page(<ImportJobPage />) },
          { path: 'dashboard', element: page(<DashboardIndexPage />) },
          { path: 'my-work', element: page(<MyWorkPage />) },
          { path: 'summary', element: page(<LocalitySummaryPage />) },
          { path: 'reporting-periods/:periodId/units/:unitId', element: page(<UnitReportPage />) },
          { path: 'reporting-periods/:periodId/consolidated', element: page(<ConsolidatedReportPage />) },
          { path: 'units', element: page(<UnitsPage />) },
          { path: 'localities/:localityId/units', element: page(<UnitsPage />) },
          { path: 'localities/:localityId/overview', element: page(<OverviewPage />) },
          { path: 'catalog', element: page(<CatalogPage />) },
          { path: 'search', element: page(<SearchPage />) },
          { path: 'audit', element: page(<AuditPage />) },
          { path: 'admin/users', element: page(<UsersPage />) },
          { path: 'admin/users/import', element: page(<UserImportPage />) },
          { path: 'admin/locality-changes', element: page(<LocalityChangesPage />) },
          { path: '*', element: page(<NotFoundPage />) },
        ],
      },
    ],
  },
]);
