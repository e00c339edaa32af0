/**
 * /localities/:localityId/units (and /units to pick a locality first): the agencies and outside partners
 * of a commune or ward. Create, rename, mark as external, delete; a unit still named by an indicator or
 * task cannot be deleted and the server says why (409 unit_in_use).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type TUnit, ZCreateUnitRequest, ZUpdateUnitRequest } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormErrorAlert } from '../../components/ui/FormErrorAlert';
import { PageTitle } from '../../components/ui/PageTitle';
import { useListParams } from '../../components/ui/useListParams';
import { useSchemaForm } from '../../components/ui/useSchemaForm';
import { ADMIN_ROLES, hasRoleCovering, UNIT_EDITOR_ROLES } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ApiKeysCard } from '../exchange/ApiKeysCard';
import { SigningKeysCard } from '../exchange/SigningKeysCard';
import { LocalityHistoryCard } from '../locality/LocalityHistoryCard';
import { LocalitySelect } from '../locality/LocalitySelect';
import { LocalitySettingsCard } from '../locality/LocalitySettingsCard';
import { localityQueries } from '../locality/queries';
import { localityLabel, useLocalityChain } from '../locality/useLocalityChain';
import { useCreateUnitMutation, useDeleteUnitMutation, useUpdateUnitMutation } from './mutations';
import { unitQueries } from './queries';

type UnitFormValues = { name?: string; kind?: string | null; isExternal: boolean };
const FIELDS = ['name', 'kind', 'isExternal'] as const;

const CreateUnitForm = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const { submit, generalErrors, saving } = useSchemaForm(form, FIELDS);
  const createUnit = useCreateUnitMutation(localityId);

  const handleSubmit = async () => {
    const values = form.getFieldsValue(true);
    await submit(ZCreateUnitRequest, { ...values, name: values.name ?? '' }, async (request) => {
      await createUnit.mutateAsync(request);
      message.success(t('unit.createdMessage'));
      form.resetFields();
    });
  };

  return (
    <Form<UnitFormValues>
      form={form}
      layout="inline"
      name="createUnit"
      colon={false}
      initialValues={{ isExternal: false }}
      onFinish={() => void handleSubmit()}
      aria-label={t('unit.add')}
    >
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <FormErrorAlert messages={generalErrors} />
        <Flex wrap gap={8} align="flex-start">
          <Form.Item name="name" label={t('unit.name')} style={{ minWidth: 360 }}>
            <Input placeholder={t('examples.unitName')} />
          </Form.Item>
          <Form.Item name="kind" label={t('unit.kind')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="isExternal" valuePropName="checked">
            <Checkbox>{t('unit.isExternal')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving}>
            {t('unit.add')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
};

const RenameUnitModal = ({
  unit,
  localityId,
  onClose,
}: {
  unit: TUnit;
  localityId: string;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const { submit, generalErrors, saving } = useSchemaForm(form, FIELDS);
  const updateUnit = useUpdateUnitMutation(localityId);

  const handleSave = async () => {
    await submit(ZUpdateUnitRequest, { name: form.getFieldValue('name') ?? '' }, async (request) => {
      await updateUnit.mutateAsync({ unitId: unit.id, body: request });
      onClose();
    });
  };

  return (
    <Modal
      open
      title={t('unit.renameTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void handleSave()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="renameUnit"
        layout="vertical"
        initialValues={{ name: unit.name }}
        onFinish={() => void handleSave()}
      >
        <FormErrorAlert messages={generalErrors} />
        <Form.Item name="name" label={t('unit.name')}>
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const UnitsTable = ({ localityId, canEdit }: { localityId: string; canEdit: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useQuery(unitQueries.byLocality(localityId));
  const updateUnit = useUpdateUnitMutation(localityId);
  const deleteUnit = useDeleteUnitMutation(localityId);
  const [renaming, setRenaming] = useState<TUnit | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  if (units.isError) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;

  const handleDelete = async (unit: TUnit) => {
    setDeleteError(null);
    try {
      await deleteUnit.mutateAsync(unit.id);
      message.success(t('common.deleted'));
    } catch (error) {
      // 409 unit_in_use: the server names what still refers to the unit.
      setDeleteError(errorMessage(error));
    }
  };

  const handleToggleExternal = async (unit: TUnit, isExternal: boolean) => {
    try {
      await updateUnit.mutateAsync({ unitId: unit.id, body: { isExternal } });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const actionsColumn: TableColumnsType<TUnit>[number] = {
    key: 'actions',
    title: t('common.actions'),
    width: 120,
    render: (_value, unit) => (
      <Space size={0}>
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('unit.renameLabel', { name: unit.name })}
          onClick={() => setRenaming(unit)}
        />
        <Popconfirm
          title={t('unit.deleteConfirm', { name: unit.name })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => handleDelete(unit)}
        >
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('unit.deleteLabel', { name: unit.name })}
          />
        </Popconfirm>
      </Space>
    ),
  };

  return (
    <>
      {deleteError && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setDeleteError(null) }}
          title={deleteError}
          role="alert"
        />
      )}
      <Table<TUnit>
        rowKey="id"
        size="small"
        bordered
        loading={units.isLoading}
        dataSource={[...(units.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'))}
        pagination={false}
        locale={{ emptyText: t('unit.empty') }}
        columns={[
          { key: 'name', title: t('unit.name'), dataIndex: 'name' },
          { key: 'kind', title: t('unit.kind'), dataIndex: 'kind', width: 220 },
          {
            key: 'isExternal',
            title: t('unit.isExternal'),
            width: 150,
            align: 'center',
            render: (_value, unit) => (
              <Switch
                size="small"
                disabled={!canEdit}
                checked={unit.isExternal}
                aria-label={t('unit.externalLabel', { name: unit.name })}
                onChange={(checked) => void handleToggleExternal(unit, checked)}
              />
            ),
          },
          ...(canEdit ? [actionsColumn] : []),
        ]}
      />
      {renaming && (
        <RenameUnitModal unit={renaming} localityId={localityId} onClose={() => setRenaming(null)} />
      )}
    </>
  );
};

/** Localities per page of the list shown before one is chosen. */
const LOCALITIES_PAGE_SIZE = 20;

/** The localities the user may see, a page at a time, searched on the server (name, kind or code). */
const LocalityList = () => {
  const { t } = useTranslation();
  const { q, page, goToPage, searchProps } = useListParams();
  const localities = useQuery(
    localityQueries.page({
      q: q || undefined,
      limit: LOCALITIES_PAGE_SIZE,
      offset: (page - 1) * LOCALITIES_PAGE_SIZE,
    }),
  );
  if (localities.isError)
    return <ErrorState error={localities.error} onRetry={() => void localities.refetch()} />;
  return (
    <Flex vertical gap={8} style={{ maxWidth: 560 }}>
      <Input.Search
        aria-label={t('unit.searchLocality')}
        placeholder={t('unit.searchLocalityPlaceholder')}
        allowClear
        {...searchProps}
      />
      <List
        bordered
        loading={localities.isFetching}
        dataSource={localities.data?.data ?? []}
        locale={{ emptyText: q ? t('locality.noMatch') : t('unit.noLocalities') }}
        style={{ background: '#fff' }}
        pagination={{
          current: page,
          pageSize: LOCALITIES_PAGE_SIZE,
          total: localities.data?.pagination.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total, [from, to]) => t('common.rangeOfTotal', { from, to, total }),
          onChange: goToPage,
        }}
        renderItem={(locality) => (
          <List.Item key={locality.id}>
            <Link to={`/localities/${locality.id}/units`}>{localityLabel(locality)}</Link>
            <Typography.Text type="secondary">{locality.code}</Typography.Text>
          </List.Item>
        )}
      />
    </Flex>
  );
};

const UnitsPage = () => {
  const { localityId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { chainOf } = useLocalityChain();
  const locality = useQuery({ ...localityQueries.detail(localityId ?? ''), enabled: Boolean(localityId) });
  const { user } = useCurrentUser();
  const chain = locality.data ? chainOf(locality.data) : localityId ? [localityId] : [];
  const canEdit = localityId ? hasRoleCovering(user, chain, UNIT_EDITOR_ROLES) : false;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <PageTitle>
          {localityId
            ? t('unit.title', { locality: locality.data ? localityLabel(locality.data) : '' })
            : t('unit.titlePlain')}
        </PageTitle>
        <LocalitySelect
          aria-label={t('unit.chooseLocality')}
          placeholder={t('unit.chooseLocality')}
          value={localityId}
          onChange={(value) => value && navigate(`/localities/${value}/units`)}
          style={{ minWidth: 260 }}
        />
      </Flex>
      {localityId ? (
        <>
          {locality.data && <LocalityHistoryCard key={`${localityId}-history`} locality={locality.data} />}
          {canEdit ? (
            <CreateUnitForm key={localityId} localityId={localityId} />
          ) : (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('unit.readOnlyHint')}
            </Typography.Paragraph>
          )}
          <UnitsTable localityId={localityId} canEdit={canEdit} />
          {hasRoleCovering(user, chain, ADMIN_ROLES) && locality.data && (
            <LocalitySettingsCard key={`${localityId}-settings`} locality={locality.data} />
          )}
          {hasRoleCovering(user, chain, ADMIN_ROLES) && (
            <ApiKeysCard key={localityId} localityId={localityId} />
          )}
          {/* A commune's packages are vouched for by the province above it, not by the commune itself. */}
          {locality.data?.level === 'commune' && hasRoleCovering(user, chain.slice(1), ADMIN_ROLES) && (
            <SigningKeysCard key={`${localityId}-signing`} localityId={localityId} />
          )}
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('unit.chooseLocalityHint')}
          </Typography.Paragraph>
          <LocalityList />
        </>
      )}
    </Flex>
  );
};

export default UnitsPage;
