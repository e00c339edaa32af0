import type { TPlanDashboard } from '@core/schemas/dashboard.schemas';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clickableRow } from '../../../components/ui/clickableRow';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import { TargetCell } from '../../reporting/components/TargetCell';
import { SourcePopover } from './SourcePopover';
import { formatMeasure, IndicatorStatusTag, ReportedFigure } from './StatusTags';

export type DashboardIndicator = TPlanDashboard['indicators'][number];

type DashboardIndicatorTableProps = {
  indicators: DashboardIndicator[];
  /** The year of the period's data, against which the target column reads. */
  year: number | null;
  selectedId: string | null;
  onSelect: (indicator: DashboardIndicator) => void;
};

/** The indicators with their status, value against the roadmap and the year's target, and their source. */
export const DashboardIndicatorTable = ({
  indicators,
  year,
  selectedId,
  onSelect,
}: DashboardIndicatorTableProps) => {
  const { t } = useTranslation();
  return (
    <ResponsiveTable<DashboardIndicator>
      rowKey="id"
      size="small"
      dataSource={indicators}
      pagination={indicators.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 1100 }}
      rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(row) =>
        clickableRow(
          () => onSelect(row),
          t('common.openRow', { name: [row.code, row.name].filter(Boolean).join(' ') }),
        )
      }
      columns={[
        { title: t('reporting.report.code'), dataIndex: 'code', width: 70, render: (code) => code ?? '—' },
        {
          title: t('reporting.report.name'),
          dataIndex: 'name',
          render: (name: string, row) => (
            <Flex vertical>
              <Typography.Text>{name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.leadUnitName ?? t('dashboard.noLeadUnit')}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('dashboard.status'),
          dataIndex: 'status',
          width: 160,
          render: (status: DashboardIndicator['status']) => <IndicatorStatusTag status={status} />,
        },
        {
          title: t('dashboard.value'),
          key: 'value',
          width: 120,
          align: 'right',
          render: (_, row) => <ReportedFigure row={row} />,
        },
        {
          title: t('dashboard.expected'),
          key: 'expected',
          width: 120,
          align: 'right',
          render: (_, row) => formatMeasure(row.expected, row.unit),
        },
        {
          title: t('dashboard.target'),
          key: 'target',
          width: 140,
          // The year's target, or the milestone the roadmap heads for: the one the status compares with.
          render: (_, row) => (
            <TargetCell milestone={row.milestone} year={year ?? row.milestone?.year ?? 0} />
          ),
        },
        {
          title: t('dashboard.source'),
          key: 'source',
          width: 200,
          render: (_, row) => <SourcePopover source={row.source} subject={row.name} />,
        },
      ]}
    />
  );
};
