/**
 * A new account: user name, full name, a first password (the person must change it at the first
 * sign-in) and one or more roles. The shared schema checks the fields first; the server's message is
 * shown as it is (a user name already taken, a weak password, a role outside the admin's scope).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type TRole, ZCreateUserRequest } from '@core/schemas/auth.schemas';
import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/ui/FormErrorAlert';
import { useSchemaForm } from '../../../components/ui/useSchemaForm';
import { useCreateUserMutation } from '../mutations';
import { missingUnitError, RoleFields } from './RoleFields';

type RoleValues = { role?: TRole; localityId?: string; unitId?: string | null };
type CreateUserValues = {
  username?: string;
  displayName?: string;
  password?: string;
  roles: RoleValues[];
};

const FIELDS = ['username', 'displayName', 'password', 'roles'] as const;

export const CreateUserForm = ({
  defaultLocalityId,
  onDone,
  onCancel,
}: {
  defaultLocalityId?: string;
  onDone: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserValues>();
  const { submit, generalErrors, saving } = useSchemaForm(form, FIELDS);
  const createUser = useCreateUserMutation();

  const handleSubmit = async () => {
    const values = form.getFieldsValue(true) as CreateUserValues;
    const roles = (values.roles ?? []).map((role) => ({ ...role, unitId: role.unitId ?? null }));
    const body = {
      username: values.username ?? '',
      displayName: values.displayName ?? '',
      password: values.password ?? '',
      roles,
    };
    // A role on a unit needs its unit: a rule of the form (the schema takes a role without one).
    const unitsChosen = () => {
      const unitErrors: Parameters<typeof form.setFields>[0] = roles.flatMap((role, index) =>
        missingUnitError(role)
          ? [{ name: ['roles', index, 'unitId'], errors: [t('user.unitRequired')] }]
          : [],
      );
      if (unitErrors.length > 0) form.setFields(unitErrors);
      return unitErrors.length === 0;
    };
    await submit(
      ZCreateUserRequest,
      body,
      async (request) => {
        const created = await createUser.mutateAsync(request);
        message.success(t('user.createdMessage', { name: created.displayName }));
        onDone();
      },
      unitsChosen,
    );
  };

  return (
    <Form<CreateUserValues>
      form={form}
      name="createUser"
      layout="vertical"
      initialValues={{ roles: [{ localityId: defaultLocalityId }] }}
      onFinish={() => void handleSubmit()}
      aria-label={t('user.createTitle')}
    >
      <FormErrorAlert messages={generalErrors} />
      <Form.Item name="username" label={t('user.username')} extra={t('user.usernameHint')} required>
        <Input autoComplete="off" placeholder={t('examples.username')} />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} required>
        <Input placeholder={t('examples.displayName')} />
      </Form.Item>
      <Form.Item name="password" label={t('user.firstPassword')} extra={t('user.firstPasswordHint')} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.List name="roles">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('user.roleNumber', { number: index + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      aria-label={t('user.removeRoleRow', { number: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  ) : null
                }
              >
                <Flex wrap gap={12}>
                  <RoleFields form={form} path={[field.name]} watchPath={['roles', field.name]} />
                </Flex>
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
              {t('user.addRoleRow')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex justify="flex-end" gap={8} style={{ marginTop: 24 }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('user.create')}
        </Button>
      </Flex>
    </Form>
  );
};
