import type { TUser } from '@core/schemas/auth.schemas';
import { useQuery } from '@tanstack/react-query';
import { authQueries } from './queries';

/**
 * The signed-in user, from GET /auth/me. Inside the signed-in part of the app (below `RequireAuth`) the
 * user is always loaded, so `user` is only null on the sign-in page or while the session is checked.
 */
export const useCurrentUser = (): { user: TUser | null; isLoading: boolean; error: unknown } => {
  const me = useQuery(authQueries.me());
  return { user: me.data?.user ?? null, isLoading: me.isLoading, error: me.error };
};
