import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TImportedPlanDraft, TImportJob } from '@core/schemas/import.schemas';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Progress, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ImportReview } from './components/ImportReview';
import { useCancelImportMutation } from './mutations';
import { importQueries } from './queries';

/** Reading in progress: "Trang n/N" for a scan, a spinner otherwise, and a working cancel. */
const ReadingProgress = ({ job }: { job: TImportJob }) => {
  const { t } = useTranslation();
  const cancel = useCancelImportMutation(job.id);
  const { total, done } = job.progress;
  const page = Math.min(done + 1, total);
  return (
    <Card>
      <Flex vertical gap={16} align="center" style={{ padding: '24px 0' }}>
        <Spin size="large" />
        <Typography.Title level={4} style={{ margin: 0 }} role="status">
          {job.status === 'queued' ? t('importPlan.queued') : t('importPlan.reading')}
          {total > 0 ? ` ${t('importPlan.ocrPage', { page, total })}` : ''}
        </Typography.Title>
        {total > 0 && (
          <>
            <Progress
              percent={Math.round((done / total) * 100)}
              style={{ maxWidth: 480 }}
              aria-label={t('importPlan.ocrPage', { page, total })}
            />
            <Typography.Text type="secondary">{t('importPlan.ocrHint')}</Typography.Text>
          </>
        )}
        <Button danger loading={cancel.isPending} onClick={() => cancel.mutate()}>
          {cancel.isPending ? t('importPlan.cancelling') : t('importPlan.cancel')}
        </Button>
        {cancel.isError && <Typography.Text type="danger">{String(cancel.error.message)}</Typography.Text>}
      </Flex>
    </Card>
  );
};

/** /imports/:jobId: the reading of an uploaded document, then the review of its draft. */
const ImportJobPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { jobId = '' } = useParams();
  const job = useQuery(importQueries.job(jobId));

  if (job.isLoading) return <LoadingState />;
  if (job.isError || !job.data) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const data = job.data;

  if (data.status === 'done' && data.draft) {
    // Keyed by job: a different job starts a fresh review.
    return <ImportReview key={data.id} job={data as TImportJob & { draft: TImportedPlanDraft }} />;
  }

  const back = (
    <Link to="/plans">
      <ArrowLeftOutlined /> {t('importPlan.backToPlans')}
    </Link>
  );
  if (data.status === 'failed' || data.status === 'cancelled') {
    return (
      <Flex vertical gap={12}>
        {back}
        <Result
          status={data.status === 'failed' ? 'error' : 'info'}
          title={data.status === 'failed' ? t('importPlan.failedTitle') : t('importPlan.cancelledTitle')}
          subTitle={<span role="alert">{data.message}</span>}
          extra={[
            <Button type="primary" key="again" onClick={() => navigate('/imports/new')}>
              {t('importPlan.uploadAnother')}
            </Button>,
            <Button key="plans" onClick={() => navigate('/plans')}>
              {t('importPlan.backToPlans')}
            </Button>,
          ]}
        />
      </Flex>
    );
  }
  return (
    <Flex vertical gap={12}>
      {back}
      <PageTitle>{t('importPlan.jobTitle', { fileName: data.fileName })}</PageTitle>
      <ReadingProgress job={data} />
    </Flex>
  );
};

export default ImportJobPage;
