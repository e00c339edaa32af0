import { Navigate } from 'react-router';
import { LoadingState } from '../../components/ui/LoadingState';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useOverviewLocalities } from '../overview/useOverviewLocalities';

/**
 * The landing page, by what each person comes to do: a leader to the summary of the locality (colour,
 * score, what is late, what waits for approval); the standing agency to "Việc của tôi", which opens on the
 * reports waiting for review; a unit officer to "Việc của tôi", their reports; a province (or national)
 * user other than the system administrator to the overview of their province; an inspector of a commune
 * to the dashboard; administrators, who set plans up, to the plans.
 */
export const HomeRedirect = () => {
  const { user } = useCurrentUser();
  const overview = useOverviewLocalities();
  if (hasAnyRole(user, ['leader'])) return <Navigate to="/summary" replace />;
  if (hasAnyRole(user, ['standing_officer', 'unit_officer'])) return <Navigate to="/my-work" replace />;
  if (hasAnyRole(user, ['system_admin'])) return <Navigate to="/plans" replace />;
  if (overview.isLoading) return <LoadingState />;
  const province = overview.localities[0];
  if (province) return <Navigate to={`/localities/${province.id}/overview`} replace />;
  if (hasAnyRole(user, ['inspector'])) return <Navigate to="/dashboard" replace />;
  return <Navigate to="/plans" replace />;
};
