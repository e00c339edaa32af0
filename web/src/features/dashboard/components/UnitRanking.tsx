import type { TPlanDashboard } from '@core/schemas/dashboard.schemas';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import {
  REPORT_STATUS_COLOURS,
  type ReportStatusKey,
  TIMELINESS_COLOURS,
} from '../../reporting/reportStatus';
import { UNIT_COLOURS } from '../dashboardStatus';

type DashboardUnit = TPlanDashboard['units'][number];

/** Units by score, with their colour (Xanh / Vàng / Đỏ), and how their report of the period stands. */
export const UnitRanking = ({ units, periodId }: { units: DashboardUnit[]; periodId: string | null }) => {
  const { t } = useTranslation();
  return (
    <ResponsiveTable<DashboardUnit>
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={units}
      columns={[
        { title: t('dashboard.rank'), dataIndex: 'rank', width: 70, render: (rank) => rank ?? '—' },
        {
          title: t('reporting.unit'),
          dataIndex: 'unitName',
          render: (name: string, row) =>
            periodId ? <Link to={`/reporting-periods/${periodId}/units/${row.unitId}`}>{name}</Link> : name,
        },
        {
          title: t('dashboard.colour'),
          dataIndex: 'colour',
          width: 150,
          render: (colour: DashboardUnit['colour'], row) =>
            row.evaluation === 'scored' ? (
              <Tag color={UNIT_COLOURS[colour]}>{t(`dashboard.colours.${colour}`)}</Tag>
            ) : (
              <Tooltip title={t(`dashboard.unitStateHints.${row.evaluation}`)}>
                <Tag
                  color={row.evaluation === 'pending_review' ? 'blue' : 'default'}
                  data-unit-state={row.evaluation}
                >
                  {t(`dashboard.unitStates.${row.evaluation}`)}
                </Tag>
              </Tooltip>
            ),
        },
        {
          title: t('dashboard.score'),
          dataIndex: 'score',
          width: 90,
          align: 'right',
          render: (score: number | null) =>
            score == null ? '—' : score.toLocaleString('vi-VN', { maximumFractionDigits: 1 }),
        },
        {
          title: t('reporting.scope'),
          key: 'scope',
          width: 180,
          render: (_, row) =>
            t('reporting.scopeCounts', { indicators: row.indicatorCount, tasks: row.taskCount }),
        },
        {
          title: t('dashboard.reportStatus'),
          key: 'report',
          width: 260,
          render: (_, row) => {
            const status = (row.reportStatus ?? 'not_started') as ReportStatusKey;
            return (
              <>
                <Tag color={REPORT_STATUS_COLOURS[status] ?? 'default'}>
                  {t(`reporting.statuses.${status}`)}
                </Tag>
                <Tag color={TIMELINESS_COLOURS[row.timeliness]}>
                  {t(`reporting.timelinessLabels.${row.timeliness}`)}
                </Tag>
              </>
            );
          },
        },
      ]}
    />
  );
};
