import { CloudUploadOutlined, FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { TInstanceSigningKey } from '@core/schemas/exchange.schemas';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiDownload, errorMessage } from '../../../api/client';
import { groupedFingerprint } from '../../exchange/SigningKeysCard';

type Props = {
  periodId: string;
  /** The approved version shown; null: the period's current approved version. */
  version: number | null;
  /** Shows why a download was refused (a period DHIS2 cannot name, a report not approved). */
  onError: (message: string) => void;
};

/** This instance's public key and its fingerprint, for the commune to send to its province. */
const InstanceKey = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const key = useQuery({
    queryKey: ['instance-signing-key'],
    queryFn: ({ signal }) => api.get<TInstanceSigningKey>('/api/v1/instance/signing-key', undefined, signal),
    enabled: open,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const content = key.error ? (
    <Alert type="error" showIcon message={t('instanceKey.failed', { error: errorMessage(key.error) })} />
  ) : (
    <Flex vertical gap={8} style={{ maxWidth: 'min(560px, 90vw)' }}>
      <Typography.Text type="secondary">{t('instanceKey.hint')}</Typography.Text>
      <Typography.Text strong>{t('instanceKey.fingerprint')}</Typography.Text>
      <Typography.Text
        code
        copyable={key.data ? { text: key.data.fingerprint } : false}
        data-testid="instance-key-fingerprint"
      >
        {key.data ? groupedFingerprint(key.data.fingerprint) : '…'}
      </Typography.Text>
      <Typography.Text strong>{t('instanceKey.publicKey')}</Typography.Text>
      <Typography.Paragraph
        copyable={key.data ? { text: key.data.publicKey } : false}
        style={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}
      >
        {key.data?.publicKey.trim() ?? '…'}
      </Typography.Paragraph>
    </Flex>
  );
  return (
    <Popover
      title={t('instanceKey.title')}
      content={content}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
    >
      <Button icon={<SafetyCertificateOutlined />}>{t('instanceKey.button')}</Button>
    </Popover>
  );
};

/**
 * The exchange with the levels above (docs/open-data.md): the submission package of the approved report
 * (Word, PDF, the catalog sheet, figures.json, manifest.json, signature.json) and its figures as DHIS2
 * dataValueSets; and this instance's signing key, whose fingerprint the province registers.
 */
export const SubmissionDownloads = ({ periodId, version, onError }: Props) => {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'zip' | 'dhis2' | null>(null);
  const base = `/api/v1/reporting-periods/${periodId}/consolidated-report`;
  const suffix = version ? `?version=${version}` : '';

  const download = async (kind: 'zip' | 'dhis2') => {
    setBusy(kind);
    try {
      await apiDownload(
        kind === 'zip' ? `${base}/submission-package.zip${suffix}` : `${base}/dhis2.json${suffix}`,
        kind === 'zip' ? 'goi-bao-cao.zip' : 'dhis2.json',
      );
    } catch (error) {
      onError(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button
        icon={<CloudUploadOutlined />}
        loading={busy === 'zip'}
        disabled={busy !== null}
        title={t('consolidation.submission.packageHint')}
        onClick={() => void download('zip')}
      >
        {t('consolidation.submission.package')}
      </Button>
      <Button
        icon={<FileTextOutlined />}
        loading={busy === 'dhis2'}
        disabled={busy !== null}
        title={t('consolidation.submission.dhis2Hint')}
        onClick={() => void download('dhis2')}
      >
        {t('consolidation.submission.dhis2')}
      </Button>
      <InstanceKey />
    </>
  );
};
