import type { TOverviewLocality } from '@core/schemas/overview.schemas';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import { UNIT_COLOURS } from '../../dashboard/dashboardStatus';
import { formerUnitsText } from '../../locality/formerUnits';
import { formatDateTime, formatDay } from '../../reporting/reportStatus';
import { dashboardPath, formatNumber } from '../format';

/** A number that only matters when it is not zero: red when it is. */
const Alarm = ({ value }: { value: number }) =>
  value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : <span>0</span>;

/**
 * Communes and wards by score (Xanh / Vàng / Đỏ on each one's own thresholds), with where their reports,
 * indicators and tasks stand. The name opens the commune plan's dashboard on the period used here; in
 * the nation's overview (`provinces`) the rows are provinces and the name opens the province's overview.
 */
/** "Đã nhận gói: Năm 2026": the commune sent its approved figures up as a submission package. */
const ReceivedTag = ({ period }: { period: string | undefined }) => {
  const { t } = useTranslation();
  return period ? (
    <div>
      <Tag color="blue">{t('exchange.receivedTag', { period })}</Tag>
    </div>
  ) : null;
};

/** A province's overview from the nation's, with the page's year and "as of" date. */
const provinceOverviewPath = (localityId: string, year?: number, asOf?: string): string => {
  const params = new URLSearchParams();
  if (year) params.set('year', String(year));
  if (asOf) params.set('asOf', asOf);
  const query = params.toString();
  return `/localities/${localityId}/overview${query ? `?${query}` : ''}`;
};

export const LocalityRanking = ({
  localities,
  provinces = false,
  year,
  asOf,
  previous,
  previousYear,
  received,
}: {
  localities: TOverviewLocality[];
  /** Communes whose submission package for the year this instance received: the period it covers. */
  received?: ReadonlyMap<string, string>;
  provinces?: boolean;
  year?: number;
  /** "Tính đến ngày" of the page ('YYYY-MM-DD'), kept when opening a province from the nation. */
  asOf?: string;
  /** The same localities the year before, for the comparison column (absent while it loads). */
  previous?: TOverviewLocality[];
  previousYear?: number;
}) => {
  const { t } = useTranslation();
  const before = new Map((previous ?? []).map((row) => [row.localityId, row]));
  // One card per locality on a phone (as the received packages): the ranking never scrolls sideways.
  return (
    <ResponsiveTable<TOverviewLocality>
      rowKey="localityId"
      size="small"
      pagination={false}
      scroll={{ x: 1110 }}
      dataSource={localities}
      columns={[
        {
          title: t('overview.rank'),
          dataIndex: 'rank',
          width: 64,
          render: (rank) => rank ?? '—',
          sorter: (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER),
        },
        {
          title: provinces ? t('overview.province') : t('overview.locality'),
          dataIndex: 'name',
          render: (name: string, row) => {
            if (provinces) {
              return (
                <>
                  <Link to={provinceOverviewPath(row.localityId, year, asOf)}>{name}</Link>
                  {row.communes && (
                    <div>
                      <Typography.Text type="secondary">
                        {t('overview.communesWithPlans', {
                          withPlans: row.communes.withPlans,
                          total: row.communes.total,
                        })}
                      </Typography.Text>
                    </div>
                  )}
                  <FormedFrom row={row} />
                </>
              );
            }
            const plan = row.plans[0];
            if (!plan) {
              return (
                <>
                  <div>{name}</div>
                  <Typography.Text type="secondary">
                    {row.received
                      ? t('overview.fromPackage', {
                          period: row.received.periodLabel,
                          approvedOn: formatDay(row.received.approvedOn),
                          receivedAt: formatDateTime(row.received.receivedAt),
                        })
                      : t('overview.noPlan')}
                  </Typography.Text>
                  {row.received?.otherCatalogVersion && (
                    <div>
                      <Typography.Text type="warning">
                        {t('overview.otherCatalogVersion', {
                          version: row.received.otherCatalogVersion,
                          current: row.received.catalogVersion,
                        })}
                      </Typography.Text>
                    </div>
                  )}
                  {row.received && row.received.localPlans > 0 && (
                    <div>
                      <Typography.Text type="secondary">
                        {t('overview.localPlansSetAside', { count: row.received.localPlans })}
                      </Typography.Text>
                    </div>
                  )}
                  <ReceivedTag period={received?.get(row.localityId)} />
                  <FormedFrom row={row} />
                </>
              );
            }
            return (
              <>
                <Link to={dashboardPath(plan.planId, plan.period?.id)}>{name}</Link>
                <div>
                  <Typography.Text type="secondary">
                    {plan.number ? `${plan.number} · ` : ''}
                    {plan.period?.label ?? t('overview.noPeriod')}
                  </Typography.Text>
                </div>
                <ReceivedTag period={received?.get(row.localityId)} />
                <FormedFrom row={row} />
              </>
            );
          },
        },
        {
          title: t('overview.colour'),
          dataIndex: 'colour',
          width: 140,
          render: (colour: TOverviewLocality['colour'], row) =>
            row.evaluation === 'scored' ? (
              <Tag color={UNIT_COLOURS[colour]}>{t(`dashboard.colours.${colour}`)}</Tag>
            ) : (
              <Tooltip title={t(`overview.stateHints.${row.evaluation}`)}>
                <Tag color={row.evaluation === 'pending_review' ? 'blue' : 'default'}>
                  {t(`overview.states.${row.evaluation}`)}
                </Tag>
              </Tooltip>
            ),
        },
        {
          title: t('overview.score'),
          dataIndex: 'score',
          width: 80,
          align: 'right',
          render: (score: number | null) => (score == null ? '—' : formatNumber(score, 1)),
          sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
        },
        {
          title: t('overview.reported'),
          key: 'reported',
          width: 120,
          align: 'right',
          render: (_, row) => (
            <Tooltip
              title={t('overview.reportedHint', {
                accepted: row.reports.accepted,
                pending: row.reports.pendingReview,
                expected: row.reports.expected,
              })}
            >
              <span data-testid="overview-reported">{`${row.reports.submitted}/${row.reports.expected}`}</span>
            </Tooltip>
          ),
        },
        {
          title: t('overview.late'),
          key: 'late',
          width: 90,
          align: 'right',
          render: (_, row) => <Alarm value={row.reports.late} />,
          sorter: (a, b) => a.reports.late - b.reports.late,
        },
        {
          title: t('overview.missing'),
          key: 'missing',
          width: 110,
          align: 'right',
          render: (_, row) => <Alarm value={row.reports.missing} />,
          sorter: (a, b) => a.reports.missing - b.reports.missing,
        },
        {
          title: t('overview.behind'),
          key: 'behind',
          width: 110,
          align: 'right',
          render: (_, row) => (
            <Tooltip
              title={t('overview.behindHint', {
                behind: row.indicators.behind,
                atRisk: row.indicators.at_risk,
                total: row.indicatorCount,
              })}
            >
              <span>
                <Alarm value={row.indicators.behind} />
              </span>
            </Tooltip>
          ),
        },
        {
          title: t('overview.overdueTasks'),
          dataIndex: 'overdueTasks',
          width: 120,
          align: 'right',
          render: (value: number) => <Alarm value={value} />,
          sorter: (a, b) => a.overdueTasks - b.overdueTasks,
        },
        {
          title: t('overview.comparedWith', { year: previousYear ?? '' }),
          key: 'previous',
          width: 130,
          render: (_, row) => (
            <Compared now={row} before={before.get(row.localityId)} loaded={previous != null} />
          ),
        },
      ]}
    />
  );
};

/** The score against the year before: "▲ 12,5 (Vàng)", "▼ 3,0", "Năm trước chưa đánh giá". */
const Compared = ({
  now,
  before,
  loaded,
}: {
  now: TOverviewLocality;
  before: TOverviewLocality | undefined;
  loaded: boolean;
}) => {
  const { t } = useTranslation();
  if (!loaded) return <Typography.Text type="secondary">…</Typography.Text>;
  if (!before || before.score == null)
    return <Typography.Text type="secondary">{t('overview.previousNone')}</Typography.Text>;
  const previousColour = t(`dashboard.colours.${before.colour}`);
  if (now.score == null)
    return (
      <Typography.Text type="secondary">
        {t('overview.previousOnly', { score: formatNumber(before.score, 1), colour: previousColour })}
      </Typography.Text>
    );
  const delta = now.score - before.score;
  const arrow = delta > 0.05 ? '▲' : delta < -0.05 ? '▼' : '=';
  return (
    <Tooltip
      title={t('overview.previousHint', { score: formatNumber(before.score, 1), colour: previousColour })}
    >
      <Typography.Text type={delta < -0.05 ? 'danger' : undefined}>
        {arrow === '=' ? t('overview.previousSame') : `${arrow} ${formatNumber(Math.abs(delta), 1)}`}
      </Typography.Text>
    </Tooltip>
  );
};

/**
 * The former units a locality was formed from on 1/7/2025 (parts marked), when it was formed from
 * others; for a former unit (an "as of" date before the change), its last day.
 */
const FormedFrom = ({ row }: { row: TOverviewLocality }) => {
  const { t } = useTranslation();
  const names = formerUnitsText(row.formedFrom, t);
  if (!names && !row.validTo) return null;
  return (
    <div>
      {row.validTo && (
        <Tooltip title={t('localityHistory.formerHint')}>
          <Tag data-testid="former-unit">{t('localityHistory.former', { date: formatDay(row.validTo) })}</Tag>
        </Tooltip>
      )}
      {names && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="formed-from">
          {t('localityHistory.formedFrom', { names })}
        </Typography.Text>
      )}
    </div>
  );
};
