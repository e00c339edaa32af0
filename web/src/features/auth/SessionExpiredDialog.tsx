/**
 * The dialog of SessionExpiredModal: the user's name (read only) and password; signing in again resolves
 * the waiting request with true, "another user" with false.
 */
import type { TMe } from '@core/schemas/auth.schemas';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, setCsrfToken } from '../../api/client';
import { authQueries } from './queries';

/** A request that found its session gone and waits for the answer of the dialog. */
export type PendingSignIn = { username: string; displayName: string; resolve: (signedIn: boolean) => void };

const SessionExpiredDialog = ({
  pending,
  onFinish,
}: {
  pending: PendingSignIn;
  onFinish: (signedIn: boolean) => void;
}) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [isSigningIn, setIsSigningIn] = useState(false);
  const [form] = Form.useForm<{ password: string }>();

  const handleSignIn = async ({ password }: { password: string }) => {
    setIsSigningIn(true);
    setError(null);
    try {
      const me = await api.post<TMe>('/api/v1/auth/login', { username: pending.username, password });
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authQueries.me().queryKey, me);
      onFinish(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSigningIn(false);
    }
  };

  return (
    <Modal
      open
      title={t('session.expiredTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={[
        <Button key="other" onClick={() => onFinish(false)}>
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
          <Input value={pending.username} readOnly autoComplete="username" />
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

export default SessionExpiredDialog;
