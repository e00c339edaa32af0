import { KeyOutlined } from '@ant-design/icons';
import type { TApiKey, TCreateApiKeyRequest } from '@core/schemas/exchange.schemas';
import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../reporting/reportStatus';
import { keyColumns, LocalityKeysCard, useLocalityKeys } from './LocalityKeysCard';

/**
 * "Khóa API" of a locality for its administrators (docs/open-data.md): issue a read-only or submit-only
 * key for an integration (the key is shown once, to copy), see who issued it and when it was last used,
 * revoke it.
 */
export const ApiKeysCard = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<TCreateApiKeyRequest>();
  const [shown, setShown] = useState<string | null>(null);
  const keys = useLocalityKeys<TApiKey, TCreateApiKeyRequest, { key: TApiKey; token: string }>({
    kind: { path: 'api-keys', ns: 'apiKeys' },
    localityId,
    onAdded: (created) => {
      setShown(created.token);
      form.resetFields();
    },
  });
  const { name, created, state } = keyColumns(t, keys);

  return (
    <LocalityKeysCard<TApiKey>
      keys={keys}
      columns={[
        name,
        { title: t('apiKeys.scope'), key: 'scope', render: (_, row) => t(`apiKeys.scopes.${row.scope}`) },
        { title: t('apiKeys.prefix'), key: 'prefix', render: (_, row) => <code>{row.prefix}…</code> },
        created,
        {
          title: t('apiKeys.lastUsed'),
          key: 'lastUsed',
          render: (_, row) => (row.lastUsedAt ? formatDateTime(row.lastUsedAt) : '—'),
        },
        state,
      ]}
    >
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
        onFinish={keys.submit}
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
        <Button htmlType="submit" icon={<KeyOutlined />} loading={keys.add.isPending}>
          {t('apiKeys.create')}
        </Button>
      </Form>
    </LocalityKeysCard>
  );
};
