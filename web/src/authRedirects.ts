/**
 * What happens when any request finds the session gone (401: back to the sign-in, then to this page)
 * or a password change pending (403 password_change_required: to the change-password page), or a
 * stale CSRF token (403 csrf_failed: fetch the current one).
 */
import type { QueryClient } from '@tanstack/react-query';
import { setAuthFailureHandler, setCsrfToken } from './api/client';
import { loginPathFor } from './features/auth/nextPath';
import { authQueries } from './features/auth/queries';
import { router } from './routes';

export const installAuthRedirects = (queryClient: QueryClient): void => {
  setAuthFailureHandler((failure) => {
    const { pathname, search } = window.location;
    if (failure === 'unauthenticated') {
      if (pathname.startsWith('/login')) return;
      setCsrfToken(null);
      queryClient.clear();
      void router.navigate(loginPathFor(pathname, search), { replace: true });
      return;
    }
    if (failure === 'csrf_failed') {
      // The server's message asks to try again; by then GET /auth/me has brought the current token.
      void queryClient.invalidateQueries({ queryKey: authQueries.me().queryKey });
      return;
    }
    if (pathname.startsWith('/change-password')) return;
    // The session is fine but the user must change the password first: refresh who they are.
    void queryClient.invalidateQueries({ queryKey: authQueries.me().queryKey });
    void router.navigate(`/change-password?next=${encodeURIComponent(`${pathname}${search}`)}`);
  });
};
