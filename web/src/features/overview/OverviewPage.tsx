import { filterOverviewRows } from '@core/domain/overview-filter';
import type { TReceivedPackage } from '@core/schemas/exchange.schemas';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Result,
  Select,
  Tooltip,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { DATE_FORMAT_VI, dayjsToIso, isoToDayjs } from '../../components/ui/dates';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ReceivedPackages, receivedPackagesQuery } from '../exchange/ReceivedPackages';
import { formatDay } from '../reporting/reportStatus';
import { LocalityRanking } from './components/LocalityRanking';
import { OverviewFilters, useOverviewFilter } from './components/OverviewFilters';
import { RollupChart } from './components/RollupChart';
import { RollupTable, useCatalogName } from './components/RollupTable';
import { formatNumber } from './format';
import { overviewQueries } from './queries';

/** The map and ECharts' map code come in their own chunk, after the page's first screen. */
const LocalityMap = lazy(() => import('./components/LocalityMap'));

/** Each commune's latest received package of the year: the period it covers. */
const receivedOfYear = (packages: TReceivedPackage[] | undefined, year: number): Map<string, string> => {
  const latest = new Map<string, TReceivedPackage>();
  for (const row of packages ?? []) {
    if (Number(row.figures.period.periodEnd.slice(0, 4)) !== year) continue;
    const kept = latest.get(row.localityId);
    if (!kept || kept.figures.period.periodEnd < row.figures.period.periodEnd)
      latest.set(row.localityId, row);
  }
  return new Map([...latest].map(([id, row]) => [id, row.periodLabel]));
};

/** How many years back the year selector offers. */
const YEARS_BACK = 4;

/**
 * /localities/:localityId/overview — "Tổng quan địa bàn" of a province: its communes and wards ranked
 * (reports, indicators behind their path, overdue tasks, score and colour), and the standard indicators
 * rolled up with a chart of the communes' values. For the nation: the provinces ranked, each over its
 * own communes, each row leading to the province's overview. A search box filters the rows by name,
 * with or without diacritics. The year lives in the URL (?year=2026).
 */
const OverviewPage = () => {
  const { localityId = '' } = useParams();
  // A fresh page (search, chosen indicator) when going from the nation to a province.
  return <LocalityOverview key={localityId} localityId={localityId} />;
};

const LocalityOverview = ({ localityId }: { localityId: string }) => {
  const { t } = useTranslation();
  const nameOf = useCatalogName();
  const [searchParams] = useSearchParams();
  const { filter, update } = useOverviewFilter();
  const yearParam = Number(searchParams.get('year')) || null;
  // "Tính đến ngày" (?asOf=2025-06-30): the map of that date; absent, today.
  const asOfParam = /^\d{4}-\d{2}-\d{2}$/.test(searchParams.get('asOf') ?? '')
    ? searchParams.get('asOf')
    : null;
  const [selected, setSelected] = useState<string | null>(null);
  const overview = useQuery({
    ...overviewQueries.locality(localityId, yearParam, asOfParam),
    placeholderData: keepPreviousData,
  });
  // The year before, for the comparison column (loaded once the page's year is known).
  const lastYear = useQuery({
    ...overviewQueries.locality(localityId, overview.data ? overview.data.year - 1 : null),
    enabled: overview.data != null,
  });

  // The communes' submission packages this instance received (shown in the ranking and below it).
  const packages = useQuery(receivedPackagesQuery(localityId));

  if (overview.isLoading) return <LoadingState />;
  if (overview.error instanceof ApiError && overview.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('overview.notFoundTitle')}
        subTitle={t('overview.notFoundHint')}
        extra={
          <Link to="/dashboard">
            <Button type="primary">{t('overview.backToDashboards')}</Button>
          </Link>
        }
      />
    );
  }
  if (overview.isError || !overview.data)
    return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const isNation = data.locality.level === 'nation';
  const shown = filterOverviewRows(data.localities, filter);
  const previous = lastYear.data?.year === data.year - 1 ? lastYear.data.localities : undefined;
  const { localities: coverage, communes } = data.summary;
  const summary = communes
    ? t('overview.summaryNation', {
        withPlans: formatNumber(coverage.withPlans),
        total: formatNumber(coverage.total),
        communesWithPlans: formatNumber(communes.withPlans),
        communes: formatNumber(communes.total),
        late: formatNumber(communes.lateReporting),
      })
    : t('overview.summaryProvince', {
        withPlans: formatNumber(coverage.withPlans),
        total: formatNumber(coverage.total),
        late: formatNumber(coverage.lateReporting),
      });
  const thisYear = Number(data.asOf.slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  const chartRollup = data.rollups.find((row) => row.catalogCode === selected) ?? data.rollups[0] ?? null;
  // A roll-up's localities' figures come with the overview for its first roll-up only: the others' are
  // asked for with the overview's own year and date when their chart or row is opened.
  const source = { localityId, year: data.year, asOf: asOfParam };
  const periodOfPlan = new Map(
    data.localities.flatMap((row) =>
      row.plans.map((plan) => [plan.planId, plan.period?.id ?? null] as const),
    ),
  );

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/dashboard">{t('dashboard.title')}</Link> },
          { title: t('overview.title') },
        ]}
      />
      <Flex justify="space-between" align="flex-end" wrap gap={12}>
        <div>
          <PageTitle>{t('overview.heading', { locality: data.locality.name })}</PageTitle>
          <Typography.Text type="secondary">
            {t('overview.asOf', { date: formatDay(data.asOf) })}
          </Typography.Text>
        </div>
        <Flex gap={8} align="center" wrap>
          <Tooltip title={t('localityHistory.asOfHint')}>
            <label htmlFor="overview-as-of">{t('localityHistory.asOf')}</label>
          </Tooltip>
          <DatePicker
            id="overview-as-of"
            data-testid="overview-as-of"
            format={DATE_FORMAT_VI}
            placeholder={t('localityHistory.asOfPlaceholder')}
            value={isoToDayjs(asOfParam)}
            onChange={(value) => {
              setSelected(null);
              // A new date picks its own year (the year of that date) unless one is chosen after it.
              update({ asOf: dayjsToIso(value) ?? undefined, year: undefined });
            }}
          />
          <label htmlFor="overview-year">{t('overview.year')}</label>
          <Select
            id="overview-year"
            style={{ minWidth: 110 }}
            value={data.year}
            loading={overview.isFetching}
            onChange={(value: number) => {
              setSelected(null);
              update({ year: String(value) });
            }}
            options={years.map((year) => ({ value: year, label: String(year) }))}
          />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {isNation ? t('overview.nationIntro') : t('overview.intro')}
      </Typography.Paragraph>
      <Tooltip title={t('overview.summaryHint')} placement="bottomLeft">
        <Typography.Text strong data-testid="overview-summary" style={{ alignSelf: 'flex-start' }}>
          {summary}
        </Typography.Text>
      </Tooltip>

      {(isNation || data.locality.level === 'province') && data.localities.length > 0 && (
        <Card size="small" title={t('localityMap.title')}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {isNation ? t('localityMap.hintNation') : t('localityMap.hintProvince')}
          </Typography.Paragraph>
          <Suspense fallback={<div style={{ minHeight: 360 }} />}>
            <LocalityMap
              localities={data.localities}
              shown={shown}
              provinces={isNation}
              provinceCode={data.locality.code}
              localityName={data.locality.name}
              year={yearParam ?? undefined}
            />
          </Suspense>
        </Card>
      )}

      <Card size="small" title={isNation ? t('overview.nationRanking') : t('overview.ranking')}>
        {data.localities.length === 0 ? (
          <Empty description={t('overview.empty')} />
        ) : (
          <Flex vertical gap={8}>
            {data.localities.length === 1 && <Alert type="info" showIcon title={t('overview.oneLocality')} />}
            <OverviewFilters
              localityId={localityId}
              year={data.year}
              asOf={asOfParam ?? undefined}
              rows={data.localities}
              isProvince={data.locality.level === 'province'}
              filter={filter}
              onChange={update}
            />
            <Typography.Text type="secondary" data-testid="overview-shown">
              {t('overview.shown', { shown: shown.length, total: data.localities.length })}
            </Typography.Text>
            {shown.length === 0 ? (
              <Empty description={t('overview.filterEmpty')} />
            ) : (
              <LocalityRanking
                localities={shown}
                received={receivedOfYear(packages.data, data.year)}
                provinces={isNation}
                year={yearParam ?? undefined}
                asOf={asOfParam ?? undefined}
                previous={previous}
                previousYear={data.year - 1}
              />
            )}
          </Flex>
        )}
      </Card>

      <Card size="small" title={t('overview.rollups')}>
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('overview.rollupsHint')}</Typography.Text>
          {data.rollups.length === 0 ? (
            <Empty description={t('overview.rollupsEmpty')} />
          ) : (
            <>
              {chartRollup && (
                <div>
                  <Typography.Text strong>{nameOf(chartRollup)}</Typography.Text>
                  <RollupChart rollup={chartRollup} source={source} />
                </div>
              )}
              <RollupTable
                rollups={data.rollups}
                source={source}
                total={communes ? communes.total : data.localities.length}
                selected={chartRollup?.catalogCode ?? null}
                onSelect={setSelected}
                periodOf={(planId) => periodOfPlan.get(planId) ?? null}
              />
            </>
          )}
        </Flex>
      </Card>

      <ReceivedPackages localityId={localityId} />
    </Flex>
  );
};

export default OverviewPage;
