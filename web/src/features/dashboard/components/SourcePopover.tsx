import { InfoCircleOutlined } from '@ant-design/icons';
import type { TValueSource } from '@core/schemas/dashboard.schemas';
import { Button, Descriptions, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../reporting/reportStatus';

type SourcePopoverProps = {
  source: TValueSource | null;
  subject: string;
};

/** The unit report a number comes from, at the version that was accepted. */
export const sourceReportPath = (source: TValueSource): string =>
  `/reporting-periods/${source.periodId}/units/${source.unitId}?report=${source.reportId}`;

/** "Nguồn số liệu": the accepted report behind a number, who submitted and accepted it, and its evidence. */
export const SourcePopover = ({ source, subject }: SourcePopoverProps) => {
  const { t } = useTranslation();
  if (!source) {
    return <Typography.Text type="secondary">{t('dashboard.sourceNone')}</Typography.Text>;
  }
  const content = (
    <div style={{ maxWidth: 420 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'unit', label: t('dashboard.sourceUnit'), children: source.unitName },
          {
            key: 'version',
            label: t('reporting.version'),
            children: t('dashboard.sourceVersion', { version: source.version }),
          },
          {
            key: 'submitted',
            label: t('dashboard.sourceSubmitted'),
            children: t('dashboard.sourceAt', {
              name: source.submittedByName ?? '—',
              at: formatDateTime(source.submittedAt),
            }),
          },
          {
            key: 'accepted',
            label: t('dashboard.sourceAccepted'),
            children: t('dashboard.sourceAt', {
              name: source.reviewedByName ?? '—',
              at: formatDateTime(source.reviewedAt),
            }),
          },
          { key: 'evidence', label: t('dashboard.sourceEvidence'), children: source.attachmentCount },
        ]}
      />
      <Link to={sourceReportPath(source)}>{t('dashboard.sourceOpen')}</Link>
    </div>
  );
  return (
    <Popover title={t('dashboard.sourceTitle')} content={content} trigger="click">
      <Button
        size="small"
        type="link"
        icon={<InfoCircleOutlined />}
        aria-label={`${t('dashboard.source')}: ${subject}`}
        onClick={(event) => event.stopPropagation()}
      >
        {t('dashboard.sourceVersion', { version: source.version })}
      </Button>
    </Popover>
  );
};
