/**
 * Signing in and out and changing one's own password. Signing in or out starts from an empty cache, so
 * nothing read under one account is ever shown under another; signing out also removes the report drafts
 * kept on this device (the sign-out button asks first when some were never sent), the report forms kept
 * for opening offline (seenReports.ts) and who was signed in (keptIdentity.ts).
 */
import type { TMe } from '@core/schemas/auth.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client';
import { browserStorage, clearKeptDrafts } from '../reporting/keptDrafts';
import { clearSeenReports } from '../reporting/seenReports';
import { keepIdentity } from './keptIdentity';
import { authQueries } from './queries';

export const useLoginMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<TMe>('/api/v1/auth/login', body),
    onSuccess: (me) => {
      // Everything but the session itself: the mounted sign-in page keeps observing that query.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authQueries.all()[0] });
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authQueries.me().queryKey, me);
      // The report forms another user saw on this device are not theirs to open offline.
      const storage = browserStorage();
      if (storage) clearSeenReports(storage, me.user.id);
      keepIdentity(me.user);
    },
  });
};

export const useLogoutMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    // Offline, signing out does not wait for the network: it fails at once and signs out here.
    networkMode: 'always',
    mutationFn: () => api.post<void>('/api/v1/auth/logout'),
    // Signed out locally even when the server could not be reached: the cookie dies with the session.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      const storage = browserStorage();
      if (storage) {
        clearKeptDrafts(storage);
        clearSeenReports(storage);
      }
      keepIdentity(null);
    },
  });
};

export const useChangePasswordMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/v1/auth/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authQueries.me().queryKey }),
  });
};
