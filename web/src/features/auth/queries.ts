/** The signed-in user and the session's CSRF token (GET /auth/me). */
import type { TMe } from '@core/schemas/auth.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client';

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: async ({ signal }) => {
        const me = await api.get<TMe>('/api/v1/auth/me', undefined, signal);
        // Every write of this session must send the token back (X-CSRF-Token).
        setCsrfToken(me.csrfToken);
        return me;
      },
      staleTime: 5 * 60_000,
      retry: false,
      // Asked for as the app starts (firstScreen.ts): its answer, a 401 to an anonymous visitor included,
      // is the page's answer, not asked for a second time when the sign-in page or the guard mounts.
      retryOnMount: false,
    }),
};
