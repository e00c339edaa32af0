import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, REPORT_STATUS_COLOURS, type ReportStatusKey } from '../reportStatus';

type Props = {
  report: TUnitReport;
  /** The current version's id: its row leads back to the current report. */
  currentReportId: string | null;
  onShow: (reportId: string | null) => void;
};

/** "Các phiên bản": every version of the report, each viewable. */
export const VersionsCard = ({ report, currentReportId, onShow }: Props) => {
  const { t } = useTranslation();
  if (report.versions.length === 0) return null;
  return (
    <Card size="small" title={t('reporting.report.versions')}>
      <Typography.Paragraph type="secondary">{t('reporting.report.versionsHint')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...report.versions, ...(report.report ? [report.report] : [])].sort(
          (a, b) => b.version - a.version,
        )}
        columns={[
          {
            title: t('reporting.version'),
            dataIndex: 'version',
            render: (version: number) => t('reporting.versionN', { version }),
          },
          {
            title: t('reporting.status'),
            dataIndex: 'status',
            render: (value: ReportStatusKey) => (
              <Tag color={REPORT_STATUS_COLOURS[value]}>{t(`reporting.statuses.${value}`)}</Tag>
            ),
          },
          { title: t('reporting.submittedAt'), dataIndex: 'submittedAt', render: formatDateTime },
          { title: t('reporting.report.reviewedAt'), dataIndex: 'reviewedAt', render: formatDateTime },
          {
            title: t('reporting.report.returnReason'),
            dataIndex: 'returnReason',
            render: (text) => text ?? '—',
          },
          {
            title: t('common.actions'),
            key: 'view',
            width: 190,
            render: (_, row) => {
              if (row.id === report.report?.id) return <Tag>{t('reporting.report.viewing')}</Tag>;
              const isLatest = row.id === currentReportId;
              return (
                <Button size="small" onClick={() => onShow(isLatest ? null : row.id)}>
                  {isLatest ? t('reporting.report.viewCurrent') : t('reporting.report.viewEarlier')}
                </Button>
              );
            },
          },
        ]}
      />
    </Card>
  );
};
