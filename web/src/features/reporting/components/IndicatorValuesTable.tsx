import {
  formatVietnameseNumber,
  parseVietnameseNumber,
  valueFromFraction,
} from '@core/domain/indicator-values';
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Flex, Input, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../../components/ui/ResponsiveTable';
import {
  EMPTY_VALUE_DRAFT,
  figuresOf,
  isPercentUnit,
  missingReasonText,
  type RowErrors,
  type ValueDraft,
} from '../reportDraft';
import { MissingInput, PreviousFigure, TargetCheck } from './FigureHints';
import { RowError } from './RowError';
import { TargetCell } from './TargetCell';

type IndicatorRow = TUnitReport['indicators'][number];

type IndicatorValuesTableProps = {
  report: TUnitReport;
  values: Record<string, ValueDraft>;
  errors: RowErrors;
  isEditable: boolean;
  onChange: (indicatorId: string, patch: Partial<ValueDraft>) => void;
  /** A field was left: its own check may now be shown ("values.<indicatorId>.<field>"). */
  onBlur: (key: string) => void;
  renderEvidence: (row: IndicatorRow) => ReactNode;
};

const formatNumber = (value: number | null | undefined) =>
  value == null ? '—' : formatVietnameseNumber(value);

/**
 * One row per indicator the unit leads: the printed target of the year, then the value (or, for a %
 * indicator, numerator and denominator with the rate computed), the assessment of a qualitative one,
 * a note and the row's evidence.
 */
export const IndicatorValuesTable = ({
  report,
  values,
  errors,
  isEditable,
  onChange,
  onBlur,
  renderEvidence,
}: IndicatorValuesTableProps) => {
  const { t } = useTranslation();
  const year = report.period.dataTo.slice(0, 4);
  const errorOf = (row: IndicatorRow, field: string) => errors[`values.${row.indicatorId}.${field}`];

  const renderValue = (row: IndicatorRow) => {
    const entry = values[row.indicatorId] ?? EMPTY_VALUE_DRAFT;
    if (row.isQualitative) {
      return (
        <Flex vertical gap={4}>
          <Select
            aria-label={t('reporting.report.assessmentOf', { name: row.name })}
            value={entry.assessment ?? undefined}
            disabled={!isEditable}
            allowClear
            placeholder={t('common.selectPlaceholder')}
            style={{ width: 140 }}
            status={errorOf(row, 'assessment') ? 'error' : undefined}
            onChange={(value) => onChange(row.indicatorId, { assessment: value ?? null })}
            options={[
              { value: 'achieved', label: t('reporting.report.assessments.achieved') },
              { value: 'not_achieved', label: t('reporting.report.assessments.not_achieved') },
            ]}
          />
          <RowError message={errorOf(row, 'assessment')} />
          {entry.assessment == null && (
            <MissingInput
              row={row}
              entry={entry}
              error={errorOf(row, 'missingReason')}
              onChange={onChange}
              onBlur={onBlur}
            />
          )}
          <PreviousFigure row={row} />
        </Flex>
      );
    }
    const isPercent = isPercentUnit(row.unit);
    const figures = figuresOf(entry, row.unit);
    const computed = valueFromFraction(figures.numerator, figures.denominator, isPercent);
    const shown = computed ?? figures.value;
    /** A text field for one figure: what is typed stays as typed; on leaving it, a readable figure is written the Vietnamese way. */
    const figureInput = (
      field: 'value' | 'numerator' | 'denominator',
      props: { label: string; placeholder?: string; width: number; size?: 'small' },
    ) => (
      <Input
        aria-label={props.label}
        placeholder={props.placeholder}
        inputMode="decimal"
        autoComplete="off"
        value={entry[field]}
        disabled={!isEditable}
        size={props.size}
        suffix={field === 'value' && row.unit ? row.unit : undefined}
        style={{ width: props.width }}
        status={errorOf(row, field) ? 'error' : undefined}
        onChange={(event) => onChange(row.indicatorId, { [field]: event.target.value })}
        onBlur={() => {
          const parsed = parseVietnameseNumber(entry[field], {
            allowPercent: field === 'value' && isPercent,
          });
          if (parsed.ok && parsed.value != null && formatVietnameseNumber(parsed.value) !== entry[field])
            onChange(row.indicatorId, { [field]: formatVietnameseNumber(parsed.value) });
          onBlur(`values.${row.indicatorId}.${field}`);
        }}
      />
    );
    return (
      <Flex vertical gap={4}>
        {computed !== null ? (
          // The value computed from the fraction, shown in the value's place and not typed.
          <Input
            aria-label={t('reporting.report.valueOf', { name: row.name })}
            value={formatVietnameseNumber(computed)}
            disabled
            suffix={row.unit ?? undefined}
            style={{ width: 160 }}
            title={t('figures.computedFrom', { value: formatVietnameseNumber(computed) })}
          />
        ) : (
          figureInput('value', {
            label: t('reporting.report.valueOf', { name: row.name }),
            placeholder: t('figures.valuePlaceholder'),
            width: 160,
          })
        )}
        <RowError message={errorOf(row, 'value')} />
        {isPercent && (
          <Flex gap={4} align="center" wrap title={t('reporting.report.fractionHint')}>
            {figureInput('numerator', {
              label: t('reporting.report.numeratorOf', { name: row.name }),
              placeholder: t('reporting.report.numerator'),
              width: 96,
              size: 'small',
            })}
            <span>/</span>
            {figureInput('denominator', {
              label: t('reporting.report.denominatorOf', { name: row.name }),
              placeholder: t('reporting.report.denominator'),
              width: 96,
              size: 'small',
            })}
          </Flex>
        )}
        <RowError message={errorOf(row, 'numerator') ?? errorOf(row, 'denominator')} />
        {shown == null &&
          entry.value.trim() === '' &&
          entry.numerator.trim() === '' &&
          entry.denominator.trim() === '' && (
            <MissingInput
              row={row}
              entry={entry}
              error={errorOf(row, 'missingReason')}
              onChange={onChange}
              onBlur={onBlur}
            />
          )}
        <TargetCheck row={row} value={shown} />
        <PreviousFigure row={row} />
      </Flex>
    );
  };

  return (
    <ResponsiveTable<IndicatorRow>
      rowKey="indicatorId"
      size="small"
      pagination={false}
      dataSource={report.indicators}
      locale={{ emptyText: t('reporting.report.noIndicators') }}
      scroll={{ x: 1100 }}
      columns={[
        { title: t('reporting.report.code'), dataIndex: 'code', width: 70, render: (code) => code ?? '—' },
        {
          title: t('reporting.report.name'),
          dataIndex: 'name',
          render: (name: string, row) => (
            <>
              <Typography.Text>{name}</Typography.Text>
              <RowError message={errorOf(row, 'indicatorId')} />
            </>
          ),
        },
        {
          title: t('reporting.report.indicatorUnit'),
          dataIndex: 'unit',
          width: 90,
          render: (unit) => unit ?? '—',
        },
        {
          title: t('reporting.report.target', { year }),
          key: 'target',
          width: 130,
          render: (_, row) => <TargetCell milestone={row.milestone} year={Number(year)} />,
        },
        {
          title: t('reporting.report.value'),
          key: 'value',
          width: 220,
          render: (_, row) => (isEditable ? renderValue(row) : <ReadOnlyValue row={row} />),
        },
        {
          title: t('reporting.report.note'),
          key: 'note',
          width: 220,
          render: (_, row) =>
            isEditable ? (
              <Input.TextArea
                aria-label={t('reporting.report.noteOf', { name: row.name })}
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={values[row.indicatorId]?.note ?? ''}
                onChange={(event) => onChange(row.indicatorId, { note: event.target.value })}
              />
            ) : (
              (values[row.indicatorId]?.note ?? '') || '—'
            ),
        },
        {
          title: t('reporting.report.evidence'),
          key: 'evidence',
          width: 200,
          render: (_, row) => renderEvidence(row),
        },
      ]}
    />
  );
};

/**
 * A value as the reviewer reads it: the number with its unit, the fraction behind it, or the assessment;
 * an empty one with the unit's reason ("Chưa có số liệu: …").
 */
const ReadOnlyValue = ({ row }: { row: IndicatorRow }) => {
  const { t } = useTranslation();
  const missing = row.missingReason ? (
    <Typography.Text type="warning" data-testid="missing-reason">
      {missingReasonText(row.missingReason, t('figures.missing'), (reason) =>
        t('figures.missingShown', { reason }),
      )}
    </Typography.Text>
  ) : null;
  if (row.isQualitative) {
    return (
      <Flex vertical>
        {row.assessment ? t(`reporting.report.assessments.${row.assessment}`) : '—'}
        {missing}
        <PreviousFigure row={row} />
      </Flex>
    );
  }
  return (
    <Flex vertical>
      <Typography.Text strong>
        {formatNumber(row.value)}
        {row.value != null && row.unit ? ` ${row.unit}` : ''}
      </Typography.Text>
      {row.numerator != null && row.denominator != null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatNumber(row.numerator)} / {formatNumber(row.denominator)}
        </Typography.Text>
      )}
      {missing}
      <TargetCheck row={row} value={row.value} />
      <PreviousFigure row={row} />
    </Flex>
  );
};
