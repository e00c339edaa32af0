/** The signed-in user and the session's CSRF token (GET /auth/me). */
import type { TMe } from '@core/schemas/auth.schemas';
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../api/client';
import { keepIdentity } from './keptIdentity';

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: async ({ signal }) => {
        try {
          const me = await api.get<TMe>('/api/v1/auth/me', undefined, signal);
          // Every write of this session must send the token back (X-CSRF-Token).
          setCsrfToken(me.csrfToken);
          // Who is signed in, for opening a report seen online again offline (keptIdentity.ts).
          keepIdentity(me.user);
          return me;
        } catch (error) {
          // The session is over: nothing opens offline under it any more.
          if (error instanceof ApiError && error.status === 401) keepIdentity(null);
          throw error;
        }
      },
      staleTime: 5 * 60_000,
      retry: false,
      // Asked for as the app starts (firstScreen.ts): its answer, a 401 to an anonymous visitor included,
      // is the page's answer, not asked for a second time when the sign-in page or the guard mounts.
      retryOnMount: false,
    }),
};
