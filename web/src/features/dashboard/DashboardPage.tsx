import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AfterFirstPaint } from '../../components/ui/AfterFirstPaint';
import { DownloadMenu } from '../../components/ui/DownloadMenu';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { formatDay, isAdhocPeriod } from '../reporting/reportStatus';
import { UnassignedTasksAlert } from '../task/components/UnassignedTasksAlert';
import { DashboardIndicatorTable } from './components/DashboardIndicatorTable';
import { IndicatorChart } from './components/IndicatorChart';
import { StatusTiles } from './components/StatusTiles';
import { TasksByUnit } from './components/TasksByUnit';
import { UnitRanking } from './components/UnitRanking';
import type { DashboardFilter } from './dashboardStatus';
import { dashboardQueries } from './queries';

/**
 * /plans/:planId/dashboard — "Bảng điều hành": counts per status (each tile filters the tables), the
 * indicators against their roadmap with the source of every number, overdue tasks by unit, the unit
 * ranking, and a chart of the indicator the user clicks. The period lives in the URL (?period=<id>).
 * The tasks and the ranking, below the first screen, are rendered once the tiles and the indicators are
 * painted (AfterFirstPaint).
 */
const DashboardPage = () => {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const periodParam = searchParams.get('period');
  const [filter, setFilter] = useState<DashboardFilter | null>(null);
  const [chartId, setChartId] = useState<string | null>(null);
  const dashboard = useQuery({
    ...dashboardQueries.plan(planId, periodParam),
    placeholderData: keepPreviousData,
  });

  if (dashboard.isLoading) return <LoadingState />;
  if (dashboard.isError || !dashboard.data)
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  const periodId = data.period?.id ?? null;

  const indicators =
    filter?.kind === 'indicator'
      ? data.indicators.filter((row) => row.status === filter.status)
      : data.indicators;
  const tasks =
    filter?.kind === 'task'
      ? data.tasks.filter((row) => row.status === filter.status)
      : data.tasks.filter((row) => row.status === 'in_progress_late');
  const units =
    filter?.kind === 'report'
      ? data.units.filter((row) => row.timeliness === filter.timeliness)
      : filter?.kind === 'pending'
        ? data.units.filter((row) => row.reportStatus === 'submitted')
        : data.units;
  const chartIndicator = data.indicators.find((row) => row.id === chartId) ?? null;

  const filterLabel = (() => {
    if (!filter) return null;
    if (filter.kind === 'indicator') return t(`dashboard.indicatorStatuses.${filter.status}`);
    if (filter.kind === 'task') return t(`dashboard.taskStatuses.${filter.status}`);
    if (filter.kind === 'report') return t(`dashboard.reportTimeliness.${filter.timeliness}`);
    return t('dashboard.pendingReview');
  })();

  const handleFilter = (next: DashboardFilter | null) => {
    setFilter(next);
    if (!next) return;
    // Bring the table the tile filters into view (after React has rendered the filtered rows).
    const target = next.kind === 'indicator' ? 'indicators' : next.kind === 'task' ? 'tasks' : 'units';
    requestAnimationFrame(() =>
      document.getElementById(`dashboard-${target}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
    );
  };

  const filterBar = filterLabel && (
    <Alert
      type="info"
      showIcon
      title={t('dashboard.filterActive', { label: filterLabel })}
      action={
        <Button size="small" onClick={() => setFilter(null)}>
          {t('dashboard.clearFilter')}
        </Button>
      }
    />
  );

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('plan.back')}</Link> },
          { title: <Link to={`/plans/${planId}`}>{data.planNumber ?? data.planTitle}</Link> },
          { title: t('dashboard.title') },
        ]}
      />
      <Flex justify="space-between" align="flex-end" wrap gap={12}>
        <div>
          <PageTitle>{`${t('dashboard.title')} · ${data.localityName}`}</PageTitle>
          <Typography.Text type="secondary">
            {data.planNumber ? `${t('plan.heading', { number: data.planNumber })} · ` : ''}
            {t('dashboard.asOf', { date: formatDay(data.asOf) })}
          </Typography.Text>
        </div>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="dashboard-period">{t('dashboard.periodSelect')}</label>
          <Select
            id="dashboard-period"
            style={{ width: 220, maxWidth: '100%' }}
            value={periodId ?? undefined}
            loading={dashboard.isFetching}
            onChange={(value: string) => {
              setChartId(null);
              setSearchParams({ period: value }, { replace: true });
            }}
            options={data.periods.map((period) => ({
              value: period.id,
              label: (
                <span>
                  {period.label} {isAdhocPeriod(period) && <Tag color="purple">{t('reporting.adhoc')}</Tag>}
                </span>
              ),
            }))}
          />
          {periodId && (
            <DownloadMenu
              items={[
                {
                  key: 'status-xlsx',
                  label: t('download.statusXlsx'),
                  path: `/api/v1/reporting-periods/${periodId}/status.xlsx`,
                  fileName: 'tinh-hinh-bao-cao.xlsx',
                },
                {
                  key: 'consolidated-docx',
                  label: t('download.consolidatedDocx'),
                  path: `/api/v1/reporting-periods/${periodId}/consolidated-report.docx`,
                  fileName: 'bao-cao-tong-hop.docx',
                },
                {
                  key: 'consolidated-pdf',
                  label: t('download.consolidatedPdf'),
                  path: `/api/v1/reporting-periods/${periodId}/consolidated-report.pdf`,
                  fileName: 'bao-cao-tong-hop.pdf',
                },
              ]}
            />
          )}
        </Flex>
      </Flex>

      <UnassignedTasksAlert planId={planId} count={data.tasks.filter((task) => !task.leadUnitId).length} />
      <StatusTiles counts={data.counts} filter={filter} onFilter={handleFilter} />

      <Card
        id="dashboard-indicators"
        size="small"
        title={t('dashboard.indicatorTable')}
        extra={<Typography.Text type="secondary">{t('dashboard.indicatorTableHint')}</Typography.Text>}
      >
        <Flex vertical gap={8}>
          {filter?.kind === 'indicator' && filterBar}
          {chartIndicator && <IndicatorChart indicator={chartIndicator} onClose={() => setChartId(null)} />}
          <DashboardIndicatorTable
            indicators={indicators}
            year={data.period ? Number(data.period.dataTo.slice(0, 4)) : null}
            selectedId={chartId}
            onSelect={(row) => setChartId(row.id === chartId ? null : row.id)}
          />
        </Flex>
      </Card>

      <Card
        id="dashboard-tasks"
        size="small"
        title={
          filter?.kind === 'task'
            ? t('dashboard.tasksFiltered', { label: filterLabel })
            : t('dashboard.tasksTitle')
        }
      >
        <Flex vertical gap={8}>
          {filter?.kind === 'task' && filterBar}
          <AfterFirstPaint>
            <TasksByUnit tasks={tasks} />
          </AfterFirstPaint>
        </Flex>
      </Card>

      <Card id="dashboard-units" size="small" title={t('dashboard.unitsTitle')}>
        <Flex vertical gap={8}>
          {(filter?.kind === 'report' || filter?.kind === 'pending') && filterBar}
          <Typography.Text type="secondary">
            {t('dashboard.unitsHint', { green: data.thresholds.green, yellow: data.thresholds.yellow })}
          </Typography.Text>
          <AfterFirstPaint>
            <UnitRanking units={units} periodId={periodId} />
          </AfterFirstPaint>
        </Flex>
      </Card>
    </Flex>
  );
};

export default DashboardPage;
