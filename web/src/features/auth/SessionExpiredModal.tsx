/**
 * "Phiên đăng nhập đã hết hạn": when a request of an open page finds the session gone, this modal asks
 * the same user's password, signs in again (a new session and CSRF token) and lets the API client send
 * the request once more — the page stays as it was, and nothing typed is lost. Giving up goes to /login.
 */
import type { TMe } from '@core/schemas/auth.schemas';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, setCsrfToken, setReauthenticateHandler } from '../../api/client';
import { authQueries } from './queries';

type Pending = { username: string; displayName: string; resolve: (signedIn: boolean) => void };

export const SessionExpiredModal = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSigningIn, setIsSigningIn] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const pendingRef = useRef<Pending | null>(null);

  useEffect(() => {
    setReauthenticateHandler(() => {
      const me = queryClient.getQueryData<TMe>(authQueries.me().queryKey);
      // Without knowing who was signed in, only the sign-in page can help.
      if (!me) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const next = { username: me.user.username, displayName: me.user.displayName, resolve };
        pendingRef.current = next;
        setError(null);
        setPending(next);
      });
    });
    return () => setReauthenticateHandler(null);
  }, [queryClient]);

  const finish = (signedIn: boolean) => {
    pendingRef.current?.resolve(signedIn);
    pendingRef.current = null;
    setPending(null);
    form.resetFields();
  };

  const handleSignIn = async ({ password }: { password: string }) => {
    if (!pending) return;
    setIsSigningIn(true);
    setError(null);
    try {
      const me = await api.post<TMe>('/api/v1/auth/login', { username: pending.username, password });
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authQueries.me().queryKey, me);
      finish(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSigningIn(false);
    }
  };

  return (
    <Modal
      open={pending !== null}
      title={t('session.expiredTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={[
        <Button key="other" onClick={() => finish(false)}>
          {t('session.otherUser')}
        </Button>,
        <Button key="continue" type="primary" loading={isSigningIn} onClick={() => form.submit()}>
          {t('session.continue')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('session.expiredText')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('session.keptHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={handleSignIn}>
        <Form.Item label={t('auth.username')}>
          <Input value={pending?.username ?? ''} readOnly autoComplete="username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('session.password')}
          rules={[{ required: true, message: t('session.passwordRequired') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
      </Form>
    </Modal>
  );
};
