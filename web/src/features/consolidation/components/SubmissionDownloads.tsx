import { CloudUploadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, errorMessage } from '../../../api/client';

type Props = {
  periodId: string;
  /** The approved version shown; null: the period's current approved version. */
  version: number | null;
  /** Shows why a download was refused (a period DHIS2 cannot name, a report not approved). */
  onError: (message: string) => void;
};

/**
 * The exchange with the levels above (docs/open-data.md): the submission package of the approved report
 * (Word, PDF, the catalog sheet, figures.json, manifest.json) and its figures as DHIS2 dataValueSets.
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
    </>
  );
};
