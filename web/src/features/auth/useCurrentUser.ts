import type { TUser } from '@core/schemas/auth.schemas';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { readKeptIdentity } from './keptIdentity';
import { authQueries } from './queries';

/** This page load found no network when it first asked who is signed in. */
let openedOffline = false;

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
  if (me.data == null && me.isPending && me.fetchStatus === 'paused') openedOffline = true;
  // Opened offline: the kept user stands in until the server answers (also while it is being asked, so
  // the page open meanwhile stays as it is); a refusal (session over) ends it.
  const isOffline = openedOffline && me.data == null && me.isPending;
  const kept = useMemo(() => (isOffline ? readKeptIdentity() : null), [isOffline]);
  return {
    user: me.data?.user ?? kept,
    isLoading: me.isLoading,
    error: me.error,
    isOffline: isOffline && kept != null,
  };
};
