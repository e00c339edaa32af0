import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/ui/PageTitle';
import { planQueries } from '../../plan/queries';
import { reportingQueries } from '../queries';
import { formatDateTime, formatDay, REPORT_STATUS_COLOURS, type ReportStatusKey } from '../reportStatus';

/** The link back to the plan's "Báo cáo" tab on the report's period. */
export const planLinkOf = (report: TUnitReport) =>
  `/plans/${report.period.planId}?tab=reports&period=${report.period.id}`;

/** The report's breadcrumb, title and header: period and its data window, unit, due date, status, version. */
export const ReportHeader = ({ report, status }: { report: TUnitReport; status: ReportStatusKey }) => {
  const { t } = useTranslation();
  const period = useQuery(reportingQueries.period(report.period.id));
  // The plan's number (its detail is usually cached already: the report is opened from the plan page).
  const plan = useQuery(planQueries.detail(report.period.planId));
  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('plan.back')}</Link> },
          {
            title: (
              <Link to={planLinkOf(report)} title={period.data?.planTitle}>
                {plan.data?.number ?? t('reporting.report.plan')}
              </Link>
            ),
          },
          { title: report.period.label },
          { title: report.unitName },
        ]}
      />
      <PageTitle>{t('reporting.report.title', { unit: report.unitName })}</PageTitle>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'period',
            label: t('reporting.report.header.period'),
            children: (
              <>
                {report.period.label}{' '}
                <Typography.Text type="secondary">
                  (
                  {t('reporting.dataWindow', {
                    from: formatDay(report.period.dataFrom),
                    to: formatDay(report.period.dataTo),
                  })}
                  )
                </Typography.Text>
              </>
            ),
          },
          { key: 'unit', label: t('reporting.report.header.unit'), children: report.unitName },
          { key: 'due', label: t('reporting.report.header.due'), children: formatDay(report.period.dueDate) },
          {
            key: 'status',
            label: t('reporting.report.header.status'),
            children: (
              <Flex gap={4}>
                <Tag color={REPORT_STATUS_COLOURS[status]} data-testid="report-status">
                  {t(`reporting.statuses.${status}`)}
                </Tag>
                {report.report?.isLate && <Tag color="warning">{t('reporting.lateTag')}</Tag>}
                {report.report?.lateReason && (
                  <Typography.Text type="secondary" data-testid="late-reason">
                    {t('figures.lateShown', { reason: report.report.lateReason })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            key: 'version',
            label: t('reporting.report.header.version'),
            children: report.report ? t('reporting.versionN', { version: report.report.version }) : '—',
          },
          {
            key: 'submittedAt',
            label: t('reporting.report.header.submittedAt'),
            children: formatDateTime(report.report?.submittedAt),
          },
        ]}
      />
    </>
  );
};
