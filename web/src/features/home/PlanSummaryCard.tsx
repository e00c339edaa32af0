import { judgeLocality } from '@core/domain/locality-summary';
import type { TPlanSummary } from '@core/schemas/plan.schemas';
import type { TConsolidatedWorkItem } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { LoadingState } from '../../components/ui/LoadingState';
import { UNIT_COLOURS } from '../dashboard/dashboardStatus';
import { dashboardQueries } from '../dashboard/queries';
import { formatNumber } from '../overview/format';
import { formatDay } from '../reporting/reportStatus';

/** The names of the units in a list, joined for a sentence. */
const namesOf = (units: ReadonlyArray<{ unitName: string }>) => units.map((unit) => unit.unitName).join(', ');

/**
 * One plan on the leader's first screen: the locality's colour and score for the dashboard's period (judged
 * as the province overview judges it), what is late (units not reported or reported late, overdue tasks,
 * indicators behind), what waits (unit reports for review, consolidated reports for the leader's approval)
 * and one link to the plan's dashboard. Reads the plan dashboard only (GET /plans/:id/dashboard).
 */
export const PlanSummaryCard = ({
  plan,
  toApprove,
}: {
  plan: TPlanSummary;
  toApprove: readonly TConsolidatedWorkItem[];
}) => {
  const { t } = useTranslation();
  const dashboard = useQuery(dashboardQueries.plan(plan.id, null));
  const title = plan.number ? `${plan.number} · ${plan.title}` : plan.title;
  if (dashboard.isLoading)
    return (
      <Card title={title} size="small">
        <LoadingState />
      </Card>
    );
  if (dashboard.isError || !dashboard.data)
    return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  const judged = judgeLocality(data);
  const missing = data.units.filter((unit) => unit.timeliness === 'missing');
  const late = data.units.filter((unit) => unit.timeliness === 'late');
  const submitted = data.units.filter(
    (unit) => unit.reportStatus === 'submitted' || unit.reportStatus === 'accepted',
  ).length;
  const overdueTasks = data.counts.tasks.in_progress_late ?? 0;
  const behind = (data.counts.indicators.behind ?? 0) + (data.counts.indicators.at_risk ?? 0);
  const dashboardLink = `/plans/${plan.id}/dashboard${data.period ? `?period=${data.period.id}` : ''}`;

  const attention = [
    missing.length > 0 && t('summary.missing', { units: namesOf(missing) }),
    late.length > 0 && t('summary.late', { units: namesOf(late) }),
    data.counts.pendingReview > 0 && t('summary.pendingReview', { count: data.counts.pendingReview }),
    overdueTasks > 0 && t('summary.overdueTasks', { count: overdueTasks }),
    behind > 0 && t('summary.behindIndicators', { count: behind }),
  ].filter((line): line is string => Boolean(line));

  return (
    <Card title={title} size="small" data-testid="plan-summary">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {data.period
            ? t('summary.period', { period: data.period.label, due: formatDay(data.period.dueDate) })
            : t('summary.noPeriod')}
        </Typography.Text>
        <Flex gap={12} align="center" wrap data-testid="plan-summary-rating">
          {judged.state === 'scored' ? (
            <>
              <Tag color={UNIT_COLOURS[judged.colour]} className="summary-colour">
                {t(`dashboard.colours.${judged.colour}`)}
              </Tag>
              <Typography.Text strong style={{ fontSize: 20 }}>
                {t('summary.score', { score: judged.score == null ? '—' : formatNumber(judged.score, 1) })}
              </Typography.Text>
            </>
          ) : (
            <>
              <Tag className="summary-colour">{t(`dashboard.unitStates.${judged.state}`)}</Tag>
              <Typography.Text type="secondary">
                {judged.state === 'pending_review' ? t('summary.waitingReview') : t('summary.notEvaluated')}
              </Typography.Text>
            </>
          )}
        </Flex>
        {data.units.length > 0 && (
          <Typography.Text>
            {t('summary.reported', { submitted, expected: data.units.length })}
          </Typography.Text>
        )}
        <section aria-label={t('summary.attention')}>
          <Typography.Title level={2} className="summary-section-title">
            {t('summary.attention')}
          </Typography.Title>
          <ul className="summary-list" data-testid="plan-summary-attention">
            {attention.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {toApprove.map((item) => (
              <li key={item.period.id}>
                {t('summary.toApprove', { period: item.period.label })} —{' '}
                <Link to={item.link}>{t('summary.approve')}</Link>
              </li>
            ))}
            {attention.length === 0 && toApprove.length === 0 && <li>{t('summary.nothing')}</li>}
          </ul>
        </section>
        <div>
          <Link to={dashboardLink} className="summary-dashboard-link">
            {t('summary.openDashboard')}
          </Link>
        </div>
      </Flex>
    </Card>
  );
};
