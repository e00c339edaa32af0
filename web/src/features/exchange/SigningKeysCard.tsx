import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { TRegisteredSigningKey, TRegisterSigningKeyRequest } from '@core/schemas/exchange.schemas';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { keyColumns, LocalityKeysCard, useLocalityKeys } from './LocalityKeysCard';

/** The shape of a PEM public key (a technical format, the same in every language). */
const PEM_SHAPE = ['-----BEGIN PUBLIC KEY-----', '…', '-----END PUBLIC KEY-----'].join('\n');

/** A fingerprint as people compare it over the phone: groups of four hex digits. */
export const groupedFingerprint = (fingerprint: string): string => fingerprint.replace(/(.{4})(?!$)/g, '$1 ');

/**
 * "Khóa ký gói của hệ thống xã" (docs/open-data.md, "Chữ ký số của gói"): the province's administrators
 * register the public key a commune's instance shows beside its package download; packages of the
 * commune signed by another key are refused. A key can be revoked.
 */
export const SigningKeysCard = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TRegisterSigningKeyRequest>();
  const keys = useLocalityKeys<TRegisteredSigningKey, TRegisterSigningKeyRequest, TRegisteredSigningKey>({
    kind: { path: 'signing-keys', ns: 'signingKeys' },
    localityId,
    onAdded: () => {
      message.success(t('signingKeys.registered'));
      form.resetFields();
    },
  });
  const { name, created, state } = keyColumns(t, keys);

  return (
    <LocalityKeysCard<TRegisteredSigningKey>
      keys={keys}
      table={{ locale: { emptyText: t('signingKeys.empty') }, scroll: { x: true } }}
      columns={[
        name,
        {
          title: t('signingKeys.fingerprint'),
          key: 'fingerprint',
          render: (_, row) => <code>{groupedFingerprint(row.fingerprint)}</code>,
        },
        created,
        state,
      ]}
    >
      <Form<TRegisterSigningKeyRequest>
        form={form}
        layout="vertical"
        name="registerSigningKey"
        onFinish={keys.submit}
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
        <Button htmlType="submit" icon={<SafetyCertificateOutlined />} loading={keys.add.isPending}>
          {t('signingKeys.register')}
        </Button>
      </Form>
    </LocalityKeysCard>
  );
};
