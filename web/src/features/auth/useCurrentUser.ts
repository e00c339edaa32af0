import type { TUser } from '@core/schemas/auth.schemas';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { readKeptIdentity } from './keptIdentity';
import { authQueries } from './queries';

/**
 * The signed-in user, from GET /auth/me. Inside the signed-in part of the app (below `RequireAuth`) the
 * user is always loaded, so `user` is only null on the sign-in page or while the session is checked.
 * Opened without a network, the server cannot be asked: the user last signed in on this device stands in
 * (keptIdentity.ts; `isOffline` is then true), so that a report seen online opens again offline.
 */
export const useCurrentUser = (): {
  user: TUser | null;
  isLoading: boolean;
  error: unknown;
  isOffline: boolean;
} => {
  const me = useQuery(authQueries.me());
  const isOffline = me.data == null && me.isPending && me.fetchStatus === 'paused';
  const kept = useMemo(() => (isOffline ? readKeptIdentity() : null), [isOffline]);
  return {
    user: me.data?.user ?? kept,
    isLoading: me.isLoading,
    error: me.error,
    isOffline: isOffline && kept != null,
  };
};
