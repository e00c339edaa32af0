import { Navigate } from 'react-router';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';

/** The landing page: unit officers start from their own work, everyone else from the plans. */
export const HomeRedirect = () => {
  const { user } = useCurrentUser();
  const isUnitOfficerOnly =
    hasAnyRole(user, ['unit_officer']) &&
    !hasAnyRole(user, ['system_admin', 'locality_admin', 'standing_officer', 'leader']);
  return <Navigate to={isUnitOfficerOnly ? '/my-work' : '/plans'} replace />;
};
