import type { TTargetMilestone } from '@core/schemas/reporting.schemas';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The target beside a value: the year's printed target, or — when the plan prints none for the year —
 * the value on the straight path to the next milestone ("Theo lộ trình (nội suy): ≥ 92,5%"), or the
 * milestone itself ("Mốc 2027: ≥ 80%") when no path can be drawn: what the evaluation compares with.
 */
export const TargetCell = ({
  milestone,
  year,
}: {
  milestone: TTargetMilestone | null;
  /** The year of the period's data. */
  year: number;
}) => {
  const { t } = useTranslation();
  if (!milestone) return <>—</>;
  if (milestone.kind === 'year') return <>{milestone.text}</>;
  if (milestone.kind === 'path') {
    return (
      <Tooltip
        title={t('reporting.milestoneHints.path', { year, milestone: milestone.year, text: milestone.text })}
      >
        <Typography.Text data-milestone-year={milestone.year} data-testid="path-target">
          {t('reporting.pathTarget', { text: milestone.interpolated })}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t(`reporting.milestoneHints.${milestone.kind}`, { year, milestone: milestone.year })}>
      <Typography.Text data-milestone-year={milestone.year}>
        {t('reporting.milestoneTarget', { year: milestone.year, text: milestone.text })}
      </Typography.Text>
    </Tooltip>
  );
};
