/**
 * /admin/users "Người dùng" (system and locality administrators): the accounts with roles in a
 * locality, a new account with its first password and roles, lock/unlock, password reset, and roles
 * granted or revoked one by one. The server checks every change against the administrator's scope
 * and its messages are shown as they are.
 */
import {
  KeyOutlined,
  LockOutlined,
  PlusOutlined,
  UnlockOutlined,
  UploadOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { TRole, TRoleAssignment, TUser } from '@core/schemas/auth.schemas';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormDrawer } from '../../components/ui/FormDrawer';
import { ListSearch } from '../../components/ui/ListSearch';
import { PageTitle } from '../../components/ui/PageTitle';
import { useListParams } from '../../components/ui/useListParams';
import { ADMIN_ROLES, describeAssignment, hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LocalitySelect } from '../locality/LocalitySelect';
import { AddRoleModal } from './components/AddRoleModal';
import { CreateUserForm } from './components/CreateUserForm';
import { ResetPasswordModal } from './components/ResetPasswordModal';
import { useRemoveRoleMutation, useUpdateUserMutation } from './mutations';
import { userQueries } from './queries';
import { useRoleChoices } from './useRoleChoices';

/** Accounts per page of the list (the server pages: a national administrator never downloads them all). */
const USERS_PAGE_SIZE = 50;

const RoleList = ({ user }: { user: TUser }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const removeRole = useRemoveRoleMutation();
  const roleName = (role: TRole) => t(`roles.${role}`);

  const handleRemove = async (assignment: TRoleAssignment) => {
    try {
      await removeRole.mutateAsync({ userId: user.id, roleId: assignment.id });
      message.success(t('user.roleRemoved'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  if (user.roles.length === 0) return <Typography.Text type="secondary">{t('auth.noRole')}</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      {user.roles.map((assignment) => {
        const text = describeAssignment(assignment, roleName);
        return (
          <Flex key={assignment.id} gap={4} align="center" wrap>
            <span>{text}</span>
            <Popconfirm
              title={t('user.removeRoleConfirm', { role: text, name: user.displayName })}
              okText={t('user.removeRole')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => handleRemove(assignment)}
            >
              <Button type="link" size="small" danger aria-label={t('user.removeRoleLabel', { role: text })}>
                {t('user.removeRole')}
              </Button>
            </Popconfirm>
          </Flex>
        );
      })}
    </Flex>
  );
};

const UsersPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { q, page, param, updateParams, goToPage, searchProps } = useListParams();
  const localityId = param('localityId');
  const { user: me } = useCurrentUser();
  const isAdmin = hasAnyRole(me, ADMIN_ROLES);
  const users = useQuery({
    ...userQueries.page({
      localityId,
      q: q || undefined,
      limit: USERS_PAGE_SIZE,
      offset: (page - 1) * USERS_PAGE_SIZE,
    }),
    enabled: isAdmin,
  });
  const { allowLocality, isLoading: localitiesLoading } = useRoleChoices();
  const updateUser = useUpdateUserMutation();
  const [isCreating, setIsCreating] = useState(false);
  const [addingRoleTo, setAddingRoleTo] = useState<TUser | null>(null);
  const [resettingFor, setResettingFor] = useState<TUser | null>(null);

  if (!isAdmin)
    return <Result status="403" title={t('user.notAllowed')} subTitle={t('user.notAllowedHint')} />;

  const handleToggleLock = async (user: TUser) => {
    try {
      await updateUser.mutateAsync({ userId: user.id, body: { isDisabled: !user.isDisabled } });
      message.success(user.isDisabled ? t('user.unlocked') : t('user.locked'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex align="center" justify="space-between" wrap gap={12}>
        <div>
          <PageTitle>{t('user.title')}</PageTitle>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t('user.intro')}
          </Typography.Paragraph>
        </div>
        <Space wrap>
          <Link to="/admin/users/import">
            <Button icon={<UploadOutlined />}>{t('userImport.open')}</Button>
          </Link>
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setIsCreating(true)}>
            {t('user.create')}
          </Button>
        </Space>
      </Flex>
      <Flex gap={12} wrap>
        <ListSearch
          label={t('user.searchLabel')}
          placeholder={t('user.searchPlaceholder')}
          {...searchProps}
        />
        <LocalitySelect
          aria-label={t('user.localityFilter')}
          placeholder={t('user.allLocalities')}
          allowClear
          allow={allowLocality}
          value={localityId}
          loading={localitiesLoading}
          onChange={(value) => updateParams({ localityId: value })}
          style={{ minWidth: 280, maxWidth: 320 }}
        />
      </Flex>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<TUser>
          rowKey="id"
          size="small"
          bordered
          loading={users.isFetching}
          pagination={{
            current: page,
            pageSize: USERS_PAGE_SIZE,
            total: users.data?.pagination.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total, [from, to]) => t('common.rangeOfTotal', { from, to, total }),
            onChange: goToPage,
          }}
          dataSource={users.data?.data ?? []}
          locale={{ emptyText: q ? t('user.emptySearch') : t('user.empty') }}
          columns={[
            {
              key: 'name',
              title: t('user.displayName'),
              width: 300,
              render: (_value, user) => (
                <Flex vertical>
                  <span>{user.displayName}</span>
                  <Typography.Text type="secondary" copyable={{ text: user.username }}>
                    {user.username}
                  </Typography.Text>
                </Flex>
              ),
            },
            { key: 'roles', title: t('user.roles'), render: (_value, user) => <RoleList user={user} /> },
            {
              key: 'status',
              title: t('user.status'),
              width: 170,
              render: (_value, user) => (
                <Flex vertical gap={4} align="flex-start">
                  {user.isDisabled ? (
                    <Tag color="red">{t('user.statusLocked')}</Tag>
                  ) : (
                    <Tag color="green">{t('user.statusActive')}</Tag>
                  )}
                  {user.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
                  {user.isDemo && <Tag>{t('user.demo')}</Tag>}
                </Flex>
              ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 370,
              render: (_value, user) => (
                <Space wrap size={4}>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingRoleTo(user)}>
                    {t('user.addRole')}
                  </Button>
                  <Button size="small" icon={<KeyOutlined />} onClick={() => setResettingFor(user)}>
                    {t('user.resetPassword')}
                  </Button>
                  {user.id !== me?.id && (
                    <Popconfirm
                      title={
                        user.isDisabled
                          ? t('user.unlockConfirm', { name: user.displayName })
                          : t('user.lockConfirm', { name: user.displayName })
                      }
                      description={user.isDisabled ? undefined : t('user.lockHint')}
                      okText={user.isDisabled ? t('user.unlock') : t('user.lock')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: !user.isDisabled }}
                      onConfirm={() => handleToggleLock(user)}
                    >
                      <Button
                        size="small"
                        danger={!user.isDisabled}
                        icon={user.isDisabled ? <UnlockOutlined /> : <LockOutlined />}
                      >
                        {user.isDisabled ? t('user.unlock') : t('user.lock')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <FormDrawer
        title={t('user.createTitle')}
        open={isCreating}
        onClose={() => setIsCreating(false)}
        size={720}
      >
        {isCreating && (
          <CreateUserForm
            defaultLocalityId={localityId}
            onDone={() => setIsCreating(false)}
            onCancel={() => setIsCreating(false)}
          />
        )}
      </FormDrawer>
      {addingRoleTo && (
        <AddRoleModal
          user={addingRoleTo}
          defaultLocalityId={localityId}
          onClose={() => setAddingRoleTo(null)}
        />
      )}
      {resettingFor && <ResetPasswordModal user={resettingFor} onClose={() => setResettingFor(null)} />}
    </Flex>
  );
};

export default UsersPage;
