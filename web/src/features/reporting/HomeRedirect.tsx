import { Navigate } from 'react-router';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';

/**
 * The landing page: unit officers and leaders start from their own work (the reports to file, the
 * consolidated reports to approve), everyone else — who sets plans up or oversees them — from the plans.
 */
export const HomeRedirect = () => {
  const { user } = useCurrentUser();
  const startsFromOwnWork =
    hasAnyRole(user, ['unit_officer', 'leader']) &&
    !hasAnyRole(user, ['system_admin', 'locality_admin', 'standing_officer']);
  return <Navigate to={startsFromOwnWork ? '/my-work' : '/plans'} replace />;
};
