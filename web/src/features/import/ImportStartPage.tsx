import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_FILE_EXTENSIONS, MAX_IMPORT_BYTES } from '@core/schemas/import.schemas';
import { Alert, Button, Card, Flex, Form, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { PageTitle } from '../../components/ui/PageTitle';
import { PLAN_EDITOR_ROLES } from '../auth/roles';
import { LocalitySelect } from '../locality/LocalitySelect';
import { useLocalityAllowed } from '../locality/useLocalityChain';
import { useStartImportMutation } from './mutations';

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/**
 * Refuses in the browser what the server would refuse anyway (too large, not a format it reads), so the
 * officer hears at once and in plain words. The server still decides from the bytes.
 *
 * @returns the reason in the user's language, or null when the file may be sent
 */
export const checkImportFile = (
  file: Pick<File, 'name' | 'size'>,
  t: (key: string, options?: Record<string, unknown>) => string,
): string | null => {
  const name = file.name.toLocaleLowerCase('vi');
  if (!IMPORT_FILE_EXTENSIONS.some((extension) => name.endsWith(extension)))
    return t('importPlan.wrongType', { name: file.name });
  if (file.size === 0) return t('importPlan.emptyFile', { name: file.name });
  if (file.size > MAX_IMPORT_BYTES)
    return t('importPlan.tooLarge', {
      name: file.name,
      size: (file.size / 1024 / 1024).toFixed(1).replace('.', ','),
      max: MAX_MB,
    });
  return null;
};

/** /imports/new: pick a plan document (and, if known, its locality); reading starts on the server. */
const ImportStartPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const editable = useLocalityAllowed(PLAN_EDITOR_ROLES);
  const start = useStartImportMutation();
  const [localityId, setLocalityId] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | null>(null);

  const send = (file: File) => {
    const problem = checkImportFile(file, t);
    setRefusal(problem);
    if (problem) return;
    start.mutate(
      { file, localityId },
      {
        onSuccess: (job) => navigate(`/imports/${job.id}`),
        onError: (error) => setRefusal(errorMessage(error)),
      },
    );
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Link to="/plans">
        <ArrowLeftOutlined /> {t('importPlan.backToPlans')}
      </Link>
      <PageTitle>{t('importPlan.startTitle')}</PageTitle>
      <Typography.Paragraph style={{ margin: 0 }}>{t('importPlan.startIntro')}</Typography.Paragraph>
      <Card>
        <Form layout="vertical" component="div">
          <Form.Item label={t('importPlan.localityOptional')} htmlFor="import-start-locality">
            <LocalitySelect
              id="import-start-locality"
              allowClear
              value={localityId}
              onChange={(value) => setLocalityId(value)}
              allow={editable.allow}
              loading={editable.isLoading}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
        </Form>
        <Upload.Dragger
          accept={IMPORT_FILE_EXTENSIONS.join(',')}
          multiple={false}
          showUploadList={false}
          disabled={start.isPending}
          aria-label={t('importPlan.fileInput')}
          beforeUpload={(file) => {
            send(file);
            // The file goes through our own API client, not Ant Design's uploader.
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {start.isPending
              ? t('importPlan.uploading', { name: start.variables?.file.name ?? '' })
              : t('importPlan.dropTitle')}
          </p>
          <p className="ant-upload-hint">{t('importPlan.dropHint', { max: MAX_MB })}</p>
        </Upload.Dragger>
      </Card>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('importPlan.refusedTitle')}
          description={refusal}
        />
      )}
      <div>
        <Button onClick={() => navigate('/plans')}>{t('importPlan.backToPlans')}</Button>
      </div>
    </Flex>
  );
};

export default ImportStartPage;
