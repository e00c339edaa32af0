import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { TRegisteredSigningKey, TRegisterSigningKeyRequest } from '@core/schemas/exchange.schemas';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api/client';
import { formatDateTime } from '../reporting/reportStatus';
import { useKeyRevocation } from './useKeyRevocation';

/** A fingerprint as people compare it over the phone: groups of four hex digits. */
/** The shape of a PEM public key (a technical format, the same in every language). */
const PEM_SHAPE = ['-----BEGIN PUBLIC KEY-----', '…', '-----END PUBLIC KEY-----'].join('\n');

export const groupedFingerprint = (fingerprint: string): string => fingerprint.replace(/(.{4})(?!$)/g, '$1 ');

const signingKeysQuery = (localityId: string) =>
  queryOptions({
    queryKey: ['signing-keys', localityId] as const,
    queryFn: ({ signal }) =>
      api.get<TRegisteredSigningKey[]>(`/api/v1/localities/${localityId}/signing-keys`, undefined, signal),
  });

/**
 * "Khóa ký gói của hệ thống xã" (docs/open-data.md, "Chữ ký số của gói"): the province's administrators
 * register the public key a commune's instance shows beside its package download; packages of the
 * commune signed by another key are refused. A key can be revoked.
 */
export const SigningKeysCard = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useQuery(signingKeysQuery(localityId));
  const [form] = Form.useForm<TRegisterSigningKeyRequest>();
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['signing-keys', localityId] });
  const register = useMutation({
    mutationFn: (body: TRegisterSigningKeyRequest) =>
      api.post<TRegisteredSigningKey>(`/api/v1/localities/${localityId}/signing-keys`, body),
    onSuccess: async () => {
      message.success(t('signingKeys.registered'));
      form.resetFields();
      await refresh();
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const revoke = useKeyRevocation({
    path: (id) => `/api/v1/signing-keys/${id}/revoke`,
    revokedText: t('signingKeys.revoked'),
    refresh,
    onProblem: setProblem,
  });

  return (
    <Card size="small" title={t('signingKeys.title')}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('signingKeys.hint')}</Typography.Text>
        {problem && (
          <Alert type="error" showIcon message={problem} closable onClose={() => setProblem(null)} />
        )}
        <Form<TRegisterSigningKeyRequest>
          form={form}
          layout="vertical"
          name="registerSigningKey"
          onFinish={(values) => {
            setProblem(null);
            register.mutate(values);
          }}
        >
          <Form.Item
            name="name"
            label={t('signingKeys.name')}
            rules={[{ required: true, message: t('signingKeys.nameRequired') }]}
          >
            <Input maxLength={200} style={{ maxWidth: 400 }} />
          </Form.Item>
          <Form.Item
            name="publicKey"
            label={t('signingKeys.publicKey')}
            extra={t('signingKeys.publicKeyHint')}
            rules={[{ required: true, message: t('signingKeys.publicKeyRequired') }]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              spellCheck={false}
              placeholder={PEM_SHAPE}
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          <Button htmlType="submit" icon={<SafetyCertificateOutlined />} loading={register.isPending}>
            {t('signingKeys.register')}
          </Button>
        </Form>
        <Table<TRegisteredSigningKey>
          size="small"
          rowKey="id"
          loading={keys.isLoading}
          dataSource={keys.data ?? []}
          pagination={false}
          locale={{ emptyText: t('signingKeys.empty') }}
          scroll={{ x: true }}
          columns={[
            { title: t('signingKeys.name'), dataIndex: 'name' },
            {
              title: t('signingKeys.fingerprint'),
              key: 'fingerprint',
              render: (_, row) => <code>{groupedFingerprint(row.fingerprint)}</code>,
            },
            {
              title: t('signingKeys.created'),
              key: 'created',
              render: (_, row) =>
                `${formatDateTime(row.createdAt)}${row.createdByName ? ` — ${row.createdByName}` : ''}`,
            },
            {
              title: t('signingKeys.state'),
              key: 'state',
              render: (_, row) =>
                row.revokedAt ? (
                  <Tag>{t('signingKeys.revokedOn', { at: formatDateTime(row.revokedAt) })}</Tag>
                ) : (
                  <Popconfirm title={t('signingKeys.revokeConfirm')} onConfirm={() => revoke.mutate(row.id)}>
                    <Button size="small" danger>
                      {t('signingKeys.revoke')}
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
