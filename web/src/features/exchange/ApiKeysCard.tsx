import { KeyOutlined } from '@ant-design/icons';
import type { TApiKey, TCreateApiKeyRequest } from '@core/schemas/exchange.schemas';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import { formatDateTime } from '../reporting/reportStatus';
import { useKeyRevocation } from './useKeyRevocation';

const apiKeysQuery = (localityId: string) =>
  queryOptions({
    queryKey: ['api-keys', localityId] as const,
    queryFn: ({ signal }) =>
      api.get<TApiKey[]>(`/api/v1/localities/${localityId}/api-keys`, undefined, signal),
  });

/**
 * "Khóa API" of a locality for its administrators (docs/open-data.md): issue a read-only or submit-only
 * key for an integration (the key is shown once, to copy), see who issued it and when it was last used,
 * revoke it.
 */
export const ApiKeysCard = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useQuery(apiKeysQuery(localityId));
  const [form] = Form.useForm<TCreateApiKeyRequest>();
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['api-keys', localityId] });
  const create = useMutation({
    mutationFn: (body: TCreateApiKeyRequest) =>
      api.post<{ key: TApiKey; token: string }>(`/api/v1/localities/${localityId}/api-keys`, body),
    onSuccess: async (created) => {
      setShown(created.token);
      form.resetFields();
      await refresh();
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const revoke = useKeyRevocation({
    path: (id) => `/api/v1/api-keys/${id}/revoke`,
    revokedText: t('apiKeys.revoked'),
    refresh,
    onProblem: setProblem,
  });

  return (
    <Card size="small" title={t('apiKeys.title')}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('apiKeys.hint')}</Typography.Text>
        {problem && (
          <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />
        )}
        {shown && (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={() => setShown(null)}
            message={t('apiKeys.shownOnce')}
            description={
              <Typography.Text copyable code>
                {shown}
              </Typography.Text>
            }
          />
        )}
        <Form<TCreateApiKeyRequest>
          form={form}
          layout="inline"
          name="createApiKey"
          initialValues={{ scope: 'read' }}
          onFinish={(values) => {
            setProblem(null);
            create.mutate(values);
          }}
        >
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            rules={[{ required: true, message: t('apiKeys.nameRequired') }]}
          >
            <Input maxLength={200} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="scope" label={t('apiKeys.scope')}>
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'read', label: t('apiKeys.scopes.read') },
                { value: 'submit', label: t('apiKeys.scopes.submit') },
              ]}
            />
          </Form.Item>
          <Button htmlType="submit" icon={<KeyOutlined />} loading={create.isPending}>
            {t('apiKeys.create')}
          </Button>
        </Form>
        <Table<TApiKey>
          size="small"
          rowKey="id"
          loading={keys.isLoading}
          dataSource={keys.data ?? []}
          pagination={false}
          columns={[
            { title: t('apiKeys.name'), dataIndex: 'name' },
            { title: t('apiKeys.scope'), key: 'scope', render: (_, row) => t(`apiKeys.scopes.${row.scope}`) },
            { title: t('apiKeys.prefix'), key: 'prefix', render: (_, row) => <code>{row.prefix}…</code> },
            {
              title: t('apiKeys.created'),
              key: 'created',
              render: (_, row) =>
                `${formatDateTime(row.createdAt)}${row.createdByName ? ` — ${row.createdByName}` : ''}`,
            },
            {
              title: t('apiKeys.lastUsed'),
              key: 'lastUsed',
              render: (_, row) => (row.lastUsedAt ? formatDateTime(row.lastUsedAt) : '—'),
            },
            {
              title: t('apiKeys.state'),
              key: 'state',
              render: (_, row) =>
                row.revokedAt ? (
                  <Tag>{t('apiKeys.revokedOn', { at: formatDateTime(row.revokedAt) })}</Tag>
                ) : (
                  <Popconfirm title={t('apiKeys.revokeConfirm')} onConfirm={() => revoke.mutate(row.id)}>
                    <Button size="small" danger>
                      {t('apiKeys.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
};
