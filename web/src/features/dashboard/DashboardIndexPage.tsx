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

/**
 * /dashboard — straight to the plan's dashboard when the user sees one plan and looks after no province,
 * else the province overview(s) ("Tổng quan địa bàn") and a choice of plans.
 */
const DashboardIndexPage = () => {
  const { t } = useTranslation();
  const plans = useQuery(planQueries.list({}));
  const overview = useOverviewLocalities();
  if (plans.isLoading || overview.isLoading) return <LoadingState />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />;
  const list = plans.data ?? [];
  if (list.length === 1 && list[0] && overview.localities.length === 0)
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
      </Card>
    </Flex>
  );
};

export default DashboardIndexPage;
