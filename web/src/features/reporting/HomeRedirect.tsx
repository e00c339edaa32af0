import { Navigate } from 'react-router';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';

/**
 * The landing page, by what each person comes to do: unit officers file their reports, the standing
 * agency reviews them and leaders approve the consolidated report — all three start from "Việc của tôi";
 * inspectors start from the dashboard (a province's overview, or the plan's dashboard); administrators,
 * who set plans up, from the plans.
 */
export const HomeRedirect = () => {
  const { user } = useCurrentUser();
  const isAdmin = hasAnyRole(user, ['system_admin', 'locality_admin']);
  if (!isAdmin && hasAnyRole(user, ['unit_officer', 'standing_officer', 'leader']))
    return <Navigate to="/my-work" replace />;
  if (!isAdmin && hasAnyRole(user, ['inspector'])) return <Navigate to="/dashboard" replace />;
  return <Navigate to="/plans" replace />;
};
