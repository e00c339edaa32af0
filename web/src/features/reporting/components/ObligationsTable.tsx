import type { TPeriodObligation } from '@core/schemas/reporting.schemas';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { clickableRow } from '../../../components/ui/clickableRow';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import { formatDateTime, REPORT_STATUS_COLOURS, reportStatusOf, TIMELINESS_COLOURS } from '../reportStatus';
import { OnBehalfButton } from './OnBehalfPanel';

type ObligationsTableProps = {
  periodId: string;
  obligations: TPeriodObligation[];
  isLoading?: boolean;
  /** The standing agency may enter the report of a unit that has none ("Nhập thay"). */
  canEnterOnBehalf?: boolean;
};

/** Who must report in a period and where each unit stands; a row opens the unit's report. */
export const ObligationsTable = ({
  periodId,
  obligations,
  isLoading,
  canEnterOnBehalf = false,
}: ObligationsTableProps) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reportPath = (unitId: string) => `/reporting-periods/${periodId}/units/${unitId}`;

  return (
    <ResponsiveTable<TPeriodObligation>
      rowKey="unitId"
      size="middle"
      loading={isLoading}
      dataSource={obligations}
      pagination={false}
      onRow={(row) =>
        clickableRow(() => navigate(reportPath(row.unitId)), t('common.openRow', { name: row.unitName }))
      }
      columns={[
        {
          title: t('reporting.unit'),
          dataIndex: 'unitName',
          render: (name: string, row) => (
            <Flex vertical>
              <Link to={reportPath(row.unitId)} onClick={(event) => event.stopPropagation()}>
                {name}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('reporting.scopeCounts', { indicators: row.indicatorCount, tasks: row.taskCount })}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('reporting.status'),
          key: 'status',
          width: 190,
          render: (_, row) => {
            const status = reportStatusOf(row.report);
            return (
              <Flex gap={4} wrap>
                <Tag color={REPORT_STATUS_COLOURS[status]}>{t(`reporting.statuses.${status}`)}</Tag>
                {row.report && row.report.version > 1 && (
                  <Typography.Text type="secondary">
                    {t('reporting.versionN', { version: row.report.version })}
                  </Typography.Text>
                )}
              </Flex>
            );
          },
        },
        {
          title: t('reporting.submittedAt'),
          key: 'submittedAt',
          width: 200,
          render: (_, row) => (
            <Flex gap={4} wrap align="center">
              <span>{formatDateTime(row.report?.submittedAt)}</span>
              {row.report?.isLate && <Tag color="warning">{t('reporting.lateTag')}</Tag>}
            </Flex>
          ),
        },
        {
          title: t('reporting.timeliness'),
          dataIndex: 'timeliness',
          width: 170,
          render: (value: TPeriodObligation['timeliness']) => (
            <Tag color={TIMELINESS_COLOURS[value]}>{t(`reporting.timelinessLabels.${value}`)}</Tag>
          ),
        },
        {
          title: t('common.actions'),
          key: 'open',
          width: 200,
          render: (_, row) => (
            <Flex gap={8} wrap>
              <Button
                size="small"
                onClick={(event) => {
                  event.stopPropagation();
                  navigate(reportPath(row.unitId));
                }}
              >
                {t('reporting.open')}
              </Button>
              {canEnterOnBehalf && !row.report && (
                <OnBehalfButton
                  periodId={periodId}
                  unitId={row.unitId}
                  unitName={row.unitName}
                  onStarted={() => navigate(reportPath(row.unitId))}
                />
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
};
