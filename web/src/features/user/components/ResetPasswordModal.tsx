import { type TUser, ZResetPasswordRequest } from '@core/schemas/auth.schemas';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/ui/FormErrorAlert';
import { applyServerError, clearFieldErrors, validateWithSchema } from '../../../components/ui/formErrors';
import { useResetPasswordMutation } from '../mutations';

/** Sets a new password that the person must change at the next sign-in. */
export const ResetPasswordModal = ({ user, onClose }: { user: TUser; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string }>();
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const resetPassword = useResetPasswordMutation();

  const handleSave = async () => {
    clearFieldErrors(form);
    setGeneralErrors([]);
    const parsed = validateWithSchema(form, ZResetPasswordRequest, {
      password: form.getFieldValue('password') ?? '',
    });
    if (!parsed.data) return setGeneralErrors(parsed.general);
    try {
      await resetPassword.mutateAsync({ userId: user.id, password: parsed.data.password });
      message.success(t('user.passwordReset', { name: user.displayName }));
      onClose();
    } catch (error) {
      setGeneralErrors(applyServerError(form, error, ['password']));
    }
  };

  return (
    <Modal
      open
      title={t('user.resetPasswordTitle', { name: user.displayName })}
      okText={t('user.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={resetPassword.isPending}
      onOk={() => void handleSave()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('user.resetPasswordHint')}</Typography.Paragraph>
      <Form form={form} name="resetPassword" layout="vertical" onFinish={() => void handleSave()}>
        <FormErrorAlert messages={generalErrors} />
        <Form.Item name="password" label={t('user.newPassword')} extra={t('user.firstPasswordHint')}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
};
