import { formatVietnameseNumber, meetsTarget } from '@core/domain/indicator-values';
import { parseTarget } from '@core/domain/targets';
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Checkbox, Flex, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValueDraft } from '../reportDraft';
import { RowError } from './RowError';

type IndicatorRow = TUnitReport['indicators'][number];

/** "Chưa có số liệu" beside an empty value: ticked, it asks why (required to submit an empty value). */
export const MissingInput = ({
  row,
  entry,
  error,
  onChange,
  onBlur,
}: {
  row: IndicatorRow;
  entry: ValueDraft;
  error: string | undefined;
  onChange: (indicatorId: string, patch: Partial<ValueDraft>) => void;
  onBlur: (key: string) => void;
}) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <Checkbox
        aria-label={t('figures.missingOf', { name: row.name })}
        checked={entry.isMissing}
        onChange={(event) => onChange(row.indicatorId, { isMissing: event.target.checked })}
      >
        {t('figures.missing')}
      </Checkbox>
      {entry.isMissing && (
        <Input.TextArea
          aria-label={t('figures.missingReasonOf', { name: row.name })}
          placeholder={t('figures.missingReasonPlaceholder')}
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={entry.missingReason}
          status={error ? 'error' : undefined}
          onChange={(event) => onChange(row.indicatorId, { missingReason: event.target.value })}
          onBlur={() => onBlur(`values.${row.indicatorId}.missingReason`)}
        />
      )}
      <RowError message={error} />
    </Flex>
  );
};

/** Whether the value meets the target shown for the period (nothing when it cannot be told). */
export const TargetCheck = ({ row, value }: { row: IndicatorRow; value: number | null }) => {
  const { t } = useTranslation();
  if (!row.milestone) return null;
  const meets = meetsTarget(value, parseTarget(row.milestone.text));
  if (meets == null) return null;
  return (
    <Tag color={meets ? 'success' : 'warning'} style={{ width: 'fit-content' }} data-testid="target-check">
      {meets ? t('figures.meets') : t('figures.misses')}
    </Tag>
  );
};

/** The unit's accepted figure of the previous period, for reference. */
export const PreviousFigure = ({ row }: { row: IndicatorRow }) => {
  const { t } = useTranslation();
  if (!row.previous) return null;
  const value =
    row.previous.value != null
      ? `${formatVietnameseNumber(row.previous.value)}${row.unit ? ` ${row.unit}` : ''}`
      : row.previous.assessment
        ? t(`reporting.report.assessments.${row.previous.assessment}`)
        : '—';
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="previous-figure">
      {t('figures.previous', { period: row.previous.periodLabel, value })}
    </Typography.Text>
  );
};
