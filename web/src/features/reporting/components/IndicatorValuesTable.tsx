import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Flex, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { computeFraction, isPercentUnit, type RowErrors, type ValueDraft } from '../reportDraft';
import { RowError } from './RowError';
import { TargetCell } from './TargetCell';

type IndicatorRow = TUnitReport['indicators'][number];

type IndicatorValuesTableProps = {
  report: TUnitReport;
  values: Record<string, ValueDraft>;
  errors: RowErrors;
  isEditable: boolean;
  onChange: (indicatorId: string, patch: Partial<ValueDraft>) => void;
  renderEvidence: (row: IndicatorRow) => ReactNode;
};

const formatNumber = (value: number | null | undefined) =>
  value == null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

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
  renderEvidence,
}: IndicatorValuesTableProps) => {
  const { t } = useTranslation();
  const year = report.period.dataTo.slice(0, 4);
  const errorOf = (row: IndicatorRow, field: string) => errors[`values.${row.indicatorId}.${field}`];

  const renderValue = (row: IndicatorRow) => {
    const entry = values[row.indicatorId];
    if (row.isQualitative) {
      return (
        <>
          <Select
            aria-label={t('reporting.report.assessmentOf', { name: row.name })}
            value={entry?.assessment ?? undefined}
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
        </>
      );
    }
    const isPercent = isPercentUnit(row.unit);
    const computed = computeFraction(entry?.numerator ?? null, entry?.denominator ?? null, isPercent);
    return (
      <Flex vertical gap={4}>
        <InputNumber
          aria-label={t('reporting.report.valueOf', { name: row.name })}
          value={computed ?? entry?.value ?? null}
          disabled={!isEditable || computed !== null}
          min={isPercent ? 0 : undefined}
          max={isPercent ? 100 : undefined}
          decimalSeparator=","
          suffix={row.unit ?? undefined}
          style={{ width: 140 }}
          status={errorOf(row, 'value') ? 'error' : undefined}
          onChange={(value) => onChange(row.indicatorId, { value: typeof value === 'number' ? value : null })}
        />
        <RowError message={errorOf(row, 'value')} />
        {isPercent && (isEditable || entry?.numerator != null) && (
          <Flex gap={4} align="center" wrap title={t('reporting.report.fractionHint')}>
            <InputNumber
              aria-label={t('reporting.report.numeratorOf', { name: row.name })}
              placeholder={t('reporting.report.numerator')}
              value={entry?.numerator ?? null}
              disabled={!isEditable}
              min={0}
              size="small"
              style={{ width: 88 }}
              status={errorOf(row, 'numerator') ? 'error' : undefined}
              onChange={(value) =>
                onChange(row.indicatorId, { numerator: typeof value === 'number' ? value : null })
              }
            />
            <span>/</span>
            <InputNumber
              aria-label={t('reporting.report.denominatorOf', { name: row.name })}
              placeholder={t('reporting.report.denominator')}
              value={entry?.denominator ?? null}
              disabled={!isEditable}
              min={0}
              size="small"
              style={{ width: 88 }}
              status={errorOf(row, 'denominator') ? 'error' : undefined}
              onChange={(value) =>
                onChange(row.indicatorId, { denominator: typeof value === 'number' ? value : null })
              }
            />
          </Flex>
        )}
        <RowError message={errorOf(row, 'numerator') ?? errorOf(row, 'denominator')} />
      </Flex>
    );
  };

  return (
    <Table<IndicatorRow>
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
          render: (_, row) =>
            isEditable ? renderValue(row) : <ReadOnlyValue row={row} entry={values[row.indicatorId]} />,
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

/** A value as the reviewer reads it: the number with its unit, the fraction behind it, or the assessment. */
const ReadOnlyValue = ({ row, entry }: { row: IndicatorRow; entry: ValueDraft | undefined }) => {
  const { t } = useTranslation();
  if (row.isQualitative) {
    return entry?.assessment ? t(`reporting.report.assessments.${entry.assessment}`) : '—';
  }
  return (
    <Flex vertical>
      <Typography.Text strong>
        {formatNumber(entry?.value)}
        {entry?.value != null && row.unit ? ` ${row.unit}` : ''}
      </Typography.Text>
      {entry?.numerator != null && entry.denominator != null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatNumber(entry.numerator)} / {formatNumber(entry.denominator)}
        </Typography.Text>
      )}
    </Flex>
  );
};
