import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { PLAN_PAGE_MAX, planQueries } from '../plan/queries';
import { reportingQueries } from '../reporting/queries';
import { PlanSummaryCard } from './PlanSummaryCard';

/**
 * /summary — "Tình hình <địa phương>", the leader's first screen: for each plan in effect of the locality,
 * its colour and score, what is late, what waits for approval, and one link to the dashboard. Built from
 * the reads that exist (the plan list, each plan's dashboard, "Việc của tôi" for the approvals).
 */
const LocalitySummaryPage = () => {
  const { t } = useTranslation();
  // A locality's plans fit one page; past that, the rest is reached through /plans (said below).
  const plans = useQuery(planQueries.list({ limit: PLAN_PAGE_MAX }));
  const work = useQuery(reportingQueries.myWork());
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  // The title names the locality from the plans: not shown before they come, so it never changes under
  // the reader ("Tình hình địa phương" → "Tình hình Dân Tiến").
  if (plans.isLoading) return <LoadingState />;
  const shown = plans.data?.data ?? [];
  const total = plans.data?.pagination.total ?? 0;
  const active = shown.filter((plan) => plan.status === 'active');
  const localities = [...new Set(active.map((plan) => plan.localityName))];
  const title =
    localities.length === 1 ? t('summary.title', { locality: localities[0] }) : t('summary.titlePlain');
  const toApprove = work.data?.consolidatedToApprove ?? [];

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle>{title}</PageTitle>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('summary.intro')}
        </Typography.Paragraph>
      </div>
      {plans.data && active.length === 0 && <Empty description={t('summary.noPlans')} />}
      {active.map((plan) => (
        <PlanSummaryCard
          key={plan.id}
          plan={plan}
          toApprove={toApprove.filter((item) => item.plan.id === plan.id)}
        />
      ))}
      {total > shown.length && (
        <Link to="/plans">{t('dashboard.allPlans', { shown: shown.length, total })}</Link>
      )}
    </Flex>
  );
};

export default LocalitySummaryPage;
