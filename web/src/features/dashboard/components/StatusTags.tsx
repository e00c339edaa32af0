/** How every table shows a status word (a coloured tag), a figure with its unit and a reported figure. */
import type { IndicatorStatus, TaskStatus } from '@core/domain/evaluation';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDICATOR_STATUS_COLOURS, TASK_STATUS_COLOURS } from '../dashboardStatus';

/** A number with its unit, Vietnamese style ("78,5 %"). */
export const formatMeasure = (value: number | null, unit: string | null): string =>
  value == null
    ? '—'
    : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}${unit ? ` ${unit}` : ''}`;

export const IndicatorStatusTag = ({ status }: { status: IndicatorStatus }) => {
  const { t } = useTranslation();
  return <Tag color={INDICATOR_STATUS_COLOURS[status]}>{t(`dashboard.indicatorStatuses.${status}`)}</Tag>;
};

export const TaskStatusTag = ({ status }: { status: TaskStatus }) => {
  const { t } = useTranslation();
  return <Tag color={TASK_STATUS_COLOURS[status]}>{t(`dashboard.taskStatuses.${status}`)}</Tag>;
};

/** What was reported: the assessment of an indicator judged in words, else the value with its unit (bold). */
export const ReportedFigure = ({
  row,
}: {
  row: { assessment: 'achieved' | 'not_achieved' | null; value: number | null; unit: string | null };
}) => {
  const { t } = useTranslation();
  if (row.assessment) return t(`reporting.report.assessments.${row.assessment}`);
  return <Typography.Text strong={row.value != null}>{formatMeasure(row.value, row.unit)}</Typography.Text>;
};
