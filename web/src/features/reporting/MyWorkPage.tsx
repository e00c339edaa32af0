import type { TPlanSummary } from '@core/schemas/plan.schemas';
import type { TPeriodDetail, TPeriodObligation, TReportingPeriod } from '@core/schemas/reporting.schemas';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { hasAnyRole } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { planQueries } from '../plan/queries';
import { reportingQueries } from './queries';
import {
  formatDateTime,
  formatDay,
  REPORT_STATUS_COLOURS,
  reportStatusOf,
  TIMELINESS_COLOURS,
} from './reportStatus';

type WorkRow = {
  key: string;
  plan: TPlanSummary;
  period: TPeriodDetail;
  obligation: TPeriodObligation;
};

/** Still worth showing: the period is open, or the report waits for the unit (draft, returned, missing). */
const isCurrent = (period: TReportingPeriod, obligation: TPeriodObligation, today: string) => {
  const status = reportStatusOf(obligation.report);
  if (status === 'returned' || status === 'draft' || obligation.timeliness === 'missing') return true;
  return period.dataFrom <= today && (period.dueDate >= today || status === 'not_started');
};

/**
 * /my-work — "Việc của tôi": for a unit officer, the reports of their units in the current periods (with
 * the reason of any return); for the standing agency, the reports waiting for review. Built from the plan
 * list, each plan's periods and each period's obligations.
 */
const MyWorkPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const today = dayjs().format('YYYY-MM-DD');
  const plans = useQuery(planQueries.list({}));
  const periodLists = useQueries({
    queries: (plans.data ?? []).map((plan) => reportingQueries.periods(plan.id)),
  });
  const startedPeriods = periodLists.flatMap((result) =>
    (result.data ?? []).filter((period) => period.dataFrom <= today || period.periodStart <= today),
  );
  const details = useQueries({ queries: startedPeriods.map((period) => reportingQueries.period(period.id)) });

  const myUnitIds = new Set(
    (user?.roles ?? [])
      .filter((role) => role.role === 'unit_officer' && role.unitId)
      .map((role) => role.unitId),
  );
  const isReviewer = hasAnyRole(user, ['standing_officer', 'system_admin']);
  const planById = new Map((plans.data ?? []).map((plan) => [plan.id, plan]));
  const rows: WorkRow[] = details.flatMap((result) => {
    const period = result.data;
    const plan = period ? planById.get(period.planId) : undefined;
    if (!period || !plan) return [];
    return period.obligations.map((obligation) => ({
      key: `${period.id}:${obligation.unitId}`,
      plan,
      period,
      obligation,
    }));
  });
  const mine = rows
    .filter((row) => myUnitIds.has(row.obligation.unitId) && isCurrent(row.period, row.obligation, today))
    .sort((a, b) => a.period.dueDate.localeCompare(b.period.dueDate));
  const toReview = rows
    .filter((row) => row.obligation.report?.status === 'submitted')
    .sort((a, b) =>
      (a.obligation.report?.submittedAt ?? '').localeCompare(b.obligation.report?.submittedAt ?? ''),
    );

  const isLoading =
    plans.isLoading || periodLists.some((r) => r.isLoading) || details.some((r) => r.isLoading);
  const failed = [plans, ...periodLists, ...details].find((result) => result.isError);
  const open = (row: WorkRow) =>
    navigate(`/reporting-periods/${row.period.id}/units/${row.obligation.unitId}`);

  const planColumn = {
    title: t('myWork.plan'),
    key: 'plan',
    render: (_: unknown, row: WorkRow) => (
      <Flex vertical>
        <Typography.Text>{row.plan.number ?? row.plan.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.plan.localityName}
        </Typography.Text>
      </Flex>
    ),
  };

  if (failed) return <ErrorState error={failed.error} onRetry={() => void plans.refetch()} />;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('myWork.title')}
      </Typography.Title>
      {isLoading && <LoadingState />}
      {!isLoading && myUnitIds.size > 0 && (
        <Card title={t('myWork.myReports')} size="small">
          <Typography.Paragraph type="secondary">{t('myWork.intro')}</Typography.Paragraph>
          <Table<WorkRow>
            rowKey="key"
            size="middle"
            pagination={false}
            dataSource={mine}
            locale={{ emptyText: <Empty description={t('myWork.nothing')} /> }}
            onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
            columns={[
              planColumn,
              { title: t('reporting.period'), key: 'period', render: (_, row) => row.period.label },
              { title: t('reporting.unit'), key: 'unit', render: (_, row) => row.obligation.unitName },
              {
                title: t('reporting.dueDate'),
                key: 'due',
                width: 120,
                render: (_, row) => formatDay(row.period.dueDate),
              },
              {
                title: t('reporting.status'),
                key: 'status',
                render: (_, row) => {
                  const status = reportStatusOf(row.obligation.report);
                  return (
                    <Flex vertical gap={4}>
                      <Flex gap={4} wrap>
                        <Tag color={REPORT_STATUS_COLOURS[status]}>{t(`reporting.statuses.${status}`)}</Tag>
                        <Tag color={TIMELINESS_COLOURS[row.obligation.timeliness]}>
                          {t(`reporting.timelinessLabels.${row.obligation.timeliness}`)}
                        </Tag>
                      </Flex>
                      {status === 'returned' && row.obligation.report?.returnReason && (
                        <Typography.Text type="danger">
                          {t('myWork.returnedBecause', { reason: row.obligation.report.returnReason })}
                        </Typography.Text>
                      )}
                    </Flex>
                  );
                },
              },
              {
                title: t('common.actions'),
                key: 'open',
                width: 140,
                render: (_, row) => {
                  const status = reportStatusOf(row.obligation.report);
                  const canFill = status === 'not_started' || status === 'draft' || status === 'returned';
                  return (
                    <Button size="small" type={canFill ? 'primary' : 'default'} onClick={() => open(row)}>
                      {canFill ? t('myWork.fill') : t('myWork.open')}
                    </Button>
                  );
                },
              },
            ]}
          />
        </Card>
      )}
      {!isLoading && isReviewer && (
        <Card title={t('myWork.toReview')} size="small">
          <Typography.Paragraph type="secondary">{t('myWork.toReviewHint')}</Typography.Paragraph>
          <Table<WorkRow>
            rowKey="key"
            size="middle"
            pagination={false}
            dataSource={toReview}
            locale={{ emptyText: <Empty description={t('myWork.nothingToReview')} /> }}
            onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
            columns={[
              planColumn,
              { title: t('reporting.period'), key: 'period', render: (_, row) => row.period.label },
              { title: t('reporting.unit'), key: 'unit', render: (_, row) => row.obligation.unitName },
              {
                title: t('reporting.submittedAt'),
                key: 'submittedAt',
                render: (_, row) => (
                  <Flex gap={4}>
                    {formatDateTime(row.obligation.report?.submittedAt)}
                    {row.obligation.report?.isLate && <Tag color="warning">{t('reporting.lateTag')}</Tag>}
                  </Flex>
                ),
              },
              {
                title: t('common.actions'),
                key: 'open',
                width: 140,
                render: (_, row) => (
                  <Button size="small" type="primary" onClick={() => open(row)}>
                    {t('myWork.review')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      {!isLoading && myUnitIds.size === 0 && !isReviewer && <Empty description={t('myWork.noUnit')} />}
    </Flex>
  );
};

export default MyWorkPage;
