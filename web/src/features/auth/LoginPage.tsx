/**
 * /login: user name and password. The server's message is shown as it is (wrong password, too many
 * attempts, a locked account). Afterwards the officer lands on the page they asked for (?next=…), or on
 * the forced password change when their password was set by an administrator.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import styles from './AuthPages.module.css';
import { useLoginMutation } from './mutations';
import { safeNextPath } from './nextPath';
import { useCurrentUser } from './useCurrentUser';

type LoginValues = { username: string; password: string };

const LoginPage = () => {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { user, isLoading } = useCurrentUser();
  const login = useLoginMutation();
  const [error, setError] = useState<string | null>(null);

  if (isLoading) return <LoadingState />;
  // Signed in just now (the mutation puts the user into the cache), or already (a second tab, the back
  // button): go on, through the password change when an administrator set the password.
  if (user) {
    const target = user.mustChangePassword ? `/change-password?next=${encodeURIComponent(next)}` : next;
    return <Navigate to={target} replace />;
  }

  const handleFinish = async (values: LoginValues) => {
    setError(null);
    try {
      await login.mutateAsync({ username: values.username.trim(), password: values.password });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <main className={styles.page}>
      <div className={styles.brand}>
        <span className={styles.brandName}>{t('app.name')}</span>
        <span className={styles.tagline}>{t('app.tagline')}</span>
      </div>
      {/* A plain panel, not antd's Card: Card brings Tabs, Dropdown and Menu into the first screen. */}
      <section className={`${styles.card} ${styles.panel}`}>
        <PageTitle className={styles.title}>{t('auth.loginTitle')}</PageTitle>
        <Form<LoginValues>
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void handleFinish(values)}
          aria-label={t('auth.loginTitle')}
        >
          {error && <Alert type="error" showIcon title={error} role="alert" className={styles.alert} />}
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.loginButton')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className={styles.hint}>
          {t('auth.forgotHint')}
        </Typography.Paragraph>
        {/* The public site is plain server pages: a full page load, not a route of the web app. */}
        <Typography.Paragraph className={styles.hint}>
          <a href="/cong-khai">{t('auth.publicSite')}</a>
        </Typography.Paragraph>
      </section>
    </main>
  );
};

export default LoginPage;
