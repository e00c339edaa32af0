import { type TRole, type TUser, ZAddRoleRequest } from '@core/schemas/auth.schemas';
import { App, Flex, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/ui/FormErrorAlert';
import { applyServerError, clearFieldErrors, validateWithSchema } from '../../../components/ui/formErrors';
import { useAddRoleMutation } from '../mutations';
import { missingUnitError, RoleFields } from './RoleFields';

type RoleValues = { role?: TRole; localityId?: string; unitId?: string | null };
const FIELDS = ['role', 'localityId', 'unitId'] as const;

/** Grants one more role to a user. */
export const AddRoleModal = ({
  user,
  defaultLocalityId,
  onClose,
}: {
  user: TUser;
  defaultLocalityId?: string;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleValues>();
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const addRole = useAddRoleMutation();

  const handleSave = async () => {
    clearFieldErrors(form);
    setGeneralErrors([]);
    const values = form.getFieldsValue(true) as RoleValues;
    const body = { ...values, unitId: values.unitId ?? null };
    const parsed = validateWithSchema(form, ZAddRoleRequest, body);
    if (missingUnitError(body)) form.setFields([{ name: ['unitId'], errors: [t('user.unitRequired')] }]);
    if (!parsed.data) return setGeneralErrors(parsed.general);
    if (missingUnitError(body)) return;
    try {
      await addRole.mutateAsync({ userId: user.id, body: parsed.data });
      message.success(t('user.roleAdded'));
      onClose();
    } catch (error) {
      setGeneralErrors(applyServerError(form, error, FIELDS));
    }
  };

  return (
    <Modal
      open
      title={t('user.addRoleTitle', { name: user.displayName })}
      okText={t('user.addRole')}
      cancelText={t('common.cancel')}
      confirmLoading={addRole.isPending}
      onOk={() => void handleSave()}
      onCancel={onClose}
      width={620}
    >
      <Form<RoleValues>
        form={form}
        name="addRole"
        layout="vertical"
        initialValues={{ localityId: defaultLocalityId }}
        onFinish={() => void handleSave()}
      >
        <FormErrorAlert messages={generalErrors} />
        <Flex wrap gap={12}>
          <RoleFields form={form} path={[]} watchPath={[]} />
        </Flex>
      </Form>
    </Modal>
  );
};
