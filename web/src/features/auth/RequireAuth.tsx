/**
 * The gate in front of every page but the sign-in: waits for GET /auth/me, sends an anonymous visitor
 * to /login (coming back afterwards), and keeps a user who must change the password on that page.
 */
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { OfflineState } from '../../components/ui/OfflineState';
import { loginPathFor } from './nextPath';
import { authQueries } from './queries';
import { useCurrentUser } from './useCurrentUser';

/** The pages that open without a network: a unit's report, from the form last seen (seenReports.ts). */
const OFFLINE_PAGES = [/^\/reporting-periods\/[^/]+\/units\/[^/]+\/?$/];

export const RequireAuth = () => {
  const me = useQuery(authQueries.me());
  const { isOffline } = useCurrentUser();
  const { pathname, search } = useLocation();

  // Opened without a network (the app itself comes from the service worker): who is signed in is asked
  // once the connection returns. A report seen online opens meanwhile, under the user last signed in here,
  // and stays open while the server is asked.
  if (isOffline && me.isPending && OFFLINE_PAGES.some((page) => page.test(pathname))) return <Outlet />;
  if (me.isLoading) return <LoadingState />;
  if (me.isPending && me.fetchStatus === 'paused') return <OfflineState />;
  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to={loginPathFor(pathname, search)} replace />;
  }
  if (me.isError || !me.data) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.user.mustChangePassword && pathname !== '/change-password') {
    return <Navigate to={`/change-password?next=${encodeURIComponent(`${pathname}${search}`)}`} replace />;
  }
  return <Outlet />;
};
