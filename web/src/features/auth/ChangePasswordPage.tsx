/**
 * /change-password: the officer's own password. When an administrator has just created the account or
 * reset the password, the server refuses everything else until it is changed (403
 * password_change_required), so this page is then the only one reachable, with a way to sign out.
 */
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../components/ui/FormErrorAlert';
import { applyServerError, clearFieldErrors } from '../../components/ui/formErrors';
import { PageTitle } from '../../components/ui/PageTitle';
import { useChangePasswordMutation } from './mutations';
import { safeNextPath } from './nextPath';
import { useCurrentUser } from './useCurrentUser';
import { useSignOut } from './useSignOut';

type PasswordValues = { currentPassword?: string; newPassword?: string; confirmPassword?: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

const ChangePasswordPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [form] = Form.useForm<PasswordValues>();
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const { user } = useCurrentUser();
  const changePassword = useChangePasswordMutation();
  // Signing out asks first when report drafts kept on this device were never sent (as in the header).
  const { signOut, isPending: isSigningOut } = useSignOut();
  const isForced = Boolean(user?.mustChangePassword);

  const handleFinish = async (values: PasswordValues) => {
    clearFieldErrors(form);
    setGeneralErrors([]);
    try {
      await changePassword.mutateAsync({
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      });
      message.success(t('auth.passwordChanged'));
      navigate(safeNextPath(searchParams.get('next')), { replace: true });
    } catch (error) {
      setGeneralErrors(applyServerError(form, error, FIELDS));
    }
  };

  return (
    <Flex justify="center">
      <Card style={{ width: '100%', maxWidth: 460 }}>
        <PageTitle>{t('auth.changePasswordTitle')}</PageTitle>
        {isForced && (
          <Alert type="warning" showIcon title={t('auth.mustChangeHint')} style={{ marginBottom: 16 }} />
        )}
        <Form<PasswordValues>
          form={form}
          name="changePassword"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void handleFinish(values)}
          aria-label={t('auth.changePasswordTitle')}
        >
          <FormErrorAlert messages={generalErrors} />
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            extra={t('auth.newPasswordHint')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex justify="space-between" gap={8}>
            {isForced ? (
              <Button onClick={signOut} loading={isSigningOut}>
                {t('auth.logout')}
              </Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            )}
            <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
              {t('auth.changePasswordButton')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
};

export default ChangePasswordPage;
