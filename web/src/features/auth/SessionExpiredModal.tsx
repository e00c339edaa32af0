/**
 * "Phiên đăng nhập đã hết hạn": when a request of an open page finds the session gone, this modal asks
 * the same user's password, signs in again (a new session and CSRF token) and lets the API client send
 * the request once more — the page stays as it was, and nothing typed is lost. Giving up goes to /login.
 * Only the waiting is here; the dialog (a form) is a chunk of its own, fetched the first time it is needed.
 */
import type { TMe } from '@core/schemas/auth.schemas';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { setReauthenticateHandler } from '../../api/client';
import { authQueries } from './queries';
import type { PendingSignIn } from './SessionExpiredDialog';

const SessionExpiredDialog = lazy(() => import('./SessionExpiredDialog'));

export const SessionExpiredModal = () => {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingSignIn | null>(null);
  const pendingRef = useRef<PendingSignIn | null>(null);

  useEffect(() => {
    setReauthenticateHandler(() => {
      const me = queryClient.getQueryData<TMe>(authQueries.me().queryKey);
      // Without knowing who was signed in, only the sign-in page can help.
      if (!me) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const next = { username: me.user.username, displayName: me.user.displayName, resolve };
        pendingRef.current = next;
        setPending(next);
      });
    });
    return () => setReauthenticateHandler(null);
  }, [queryClient]);

  const finish = (signedIn: boolean) => {
    pendingRef.current?.resolve(signedIn);
    pendingRef.current = null;
    setPending(null);
  };

  if (!pending) return null;
  return (
    <Suspense fallback={null}>
      <SessionExpiredDialog pending={pending} onFinish={finish} />
    </Suspense>
  );
};
