import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { OverviewEntry } from '../overview/OverviewEntry';
import { useOverviewLocalities } from '../overview/useOverviewLocalities';
import { planQueries } from '../plan/queries';
import { DASHBOARD_PLANS } from './queries';

/**
 * /dashboard — straight to the plan's dashboard when the user sees one plan and looks after no province,
 * else the province overview(s) ("Tổng quan địa bàn") and a choice of plans.
 */
const DashboardIndexPage = () => {
  const { t } = useTranslation();
  // The first page of the plans (newest first); the whole list, searchable, is on /plans.
  const plans = useQuery(planQueries.list({ limit: DASHBOARD_PLANS }));
  const overview = useOverviewLocalities();
  if (plans.isLoading || overview.isLoading) return <LoadingState />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  const list = plans.data?.data ?? [];
  const total = plans.data?.pagination.total ?? 0;
  if (total === 1 && list[0] && overview.localities.length === 0)
    return <Navigate to={`/plans/${list[0].id}/dashboard`} replace />;
  return (
    <Flex vertical gap={12}>
      <PageTitle>{t('dashboard.title')}</PageTitle>
      {overview.localities.length > 0 && <OverviewEntry localities={overview.localities} />}
      <Card size="small">
        {list.length === 0 ? (
          <Empty description={t('plan.empty')} />
        ) : (
          <List
            dataSource={list}
            renderItem={(plan) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link
                      to={`/plans/${plan.id}/dashboard`}
                    >{`${plan.number ?? ''} · ${plan.localityName}`}</Link>
                  }
                  description={plan.title}
                />
              </List.Item>
            )}
          />
        )}
        {total > list.length && (
          <Link to="/plans">{t('dashboard.allPlans', { shown: list.length, total })}</Link>
        )}
      </Card>
    </Flex>
  );
};

export default DashboardIndexPage;
