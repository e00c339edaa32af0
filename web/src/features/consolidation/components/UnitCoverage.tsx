import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REPORT_STATUS_COLOURS, type ReportStatusKey } from '../../reporting/reportStatus';

type DashboardUnit = TConsolidatedReport['dashboard']['units'][number];

const REPORT_STATUS_KEYS: readonly ReportStatusKey[] = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'accepted',
  'superseded',
];
const statusKeyOf = (status: string | null): ReportStatusKey =>
  REPORT_STATUS_KEYS.find((key) => key === status) ?? 'not_started';

/**
 * Which units' reports the consolidated report includes: only the accepted ones. Units still drafting,
 * waiting for review or returned are named, so the standing agency knows what is missing.
 */
export const UnitCoverage = ({ report }: { report: TConsolidatedReport }) => {
  const { t } = useTranslation();
  const periodId = report.periodId;
  const units = report.dashboard.units;
  const missing = units.filter((unit) => unit.reportStatus !== 'accepted');

  return (
    <Flex vertical gap={8}>
      <Alert
        type={missing.length > 0 ? 'warning' : 'success'}
        showIcon
        title={t('consolidation.units.onlyAccepted')}
        description={
          missing.length > 0
            ? t('consolidation.units.missing', {
                count: missing.length,
                names: missing.map((unit) => unit.unitName).join(', '),
              })
            : t('consolidation.units.allAccepted')
        }
        data-testid="consolidated-coverage"
      />
      <Table<DashboardUnit>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={units}
        columns={[
          {
            title: t('consolidation.units.unit'),
            dataIndex: 'unitName',
            render: (name: string, row) => (
              <Link
                to={`/reporting-periods/${periodId}/units/${row.unitId}`}
                title={t('consolidation.units.open', { unit: name })}
              >
                {name}
              </Link>
            ),
          },
          {
            title: t('consolidation.units.reportStatus'),
            dataIndex: 'reportStatus',
            width: 180,
            render: (status: string | null) => {
              const key = statusKeyOf(status);
              return <Tag color={REPORT_STATUS_COLOURS[key]}>{t(`reporting.statuses.${key}`)}</Tag>;
            },
          },
          {
            title: t('consolidation.units.included'),
            key: 'included',
            width: 160,
            render: (_, row) =>
              row.reportStatus === 'accepted' ? (
                <Typography.Text type="success">{t('consolidation.units.includedYes')}</Typography.Text>
              ) : (
                <Typography.Text type="warning">{t('consolidation.units.includedNo')}</Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
};
