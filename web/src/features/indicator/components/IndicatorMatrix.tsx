/**
 * The indicator matrix as printed in the plan: group header rows, then per indicator its number, name,
 * unit, one column per target year or stage, lead and coordinating units and the standard catalog code.
 * Clicking a target cell opens the editor for that year.
 */
import { formatTarget } from '@core/domain/targets';
import type { TCatalogIndicator } from '@core/schemas/catalog.schemas';
import type { TIndicator, TTarget } from '@core/schemas/indicator.schemas';
import type { TPlanDetail } from '@core/schemas/plan.schemas';
import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GroupedItemTable,
  groupHeaderColumn,
  itemActionsColumn,
  itemColumn,
} from '../../plan/components/GroupedItemTable';
import { type GroupedRow, groupRows } from '../../plan/groupRows';
import { makeUnitNamer } from '../../plan/unitNames';
import styles from './IndicatorMatrix.module.css';

type Row = GroupedRow<TIndicator>;

type IndicatorMatrixProps = {
  plan: TPlanDetail;
  indicators: TIndicator[];
  years: number[];
  catalog: TCatalogIndicator[];
  highlightedId: string | null;
  /** Whether the user may add and delete indicators (plan.can.edit); editing a row follows `canEdit`. */
  canEditPlan: boolean;
  onEditTarget: (indicator: TIndicator, year: number) => void;
  onShowHistory: (indicator: TIndicator) => void;
  onEditIndicator: (indicator: TIndicator) => void;
  onDeleteIndicator: (indicator: TIndicator) => Promise<unknown>;
};

/** The text a cell shows: the printed text, or a reading of the meaning when none was kept. */
export const targetText = (target: TTarget, unit: string | null) =>
  target.rawText ?? formatTarget(target, unit);

const isBaselineCell = (indicator: TIndicator, year: number) =>
  indicator.baselineYear === year ||
  indicator.targets.some((target) => target.year === year && target.isBaseline);

const CODE_WIDTH = 64;
const NAME_WIDTH = 300;
const YEAR_WIDTH = 100;
const ACTIONS_WIDTH = 104;

export const IndicatorMatrix = ({
  plan,
  indicators,
  years,
  catalog,
  highlightedId,
  canEditPlan,
  onEditTarget,
  onShowHistory,
  onEditIndicator,
  onDeleteIndicator,
}: IndicatorMatrixProps) => {
  const { t } = useTranslation();
  const units = useMemo(() => makeUnitNamer(plan.units), [plan.units]);
  const catalogByCode = useMemo(() => new Map(catalog.map((entry) => [entry.code, entry])), [catalog]);
  const rows = useMemo(
    () => groupRows(plan.indicatorGroups, indicators, t('indicator.noGroup')),
    [plan.indicatorGroups, indicators, t],
  );
  const baselineYears = new Set(
    indicators.flatMap((indicator) => years.filter((year) => isBaselineCell(indicator, year))),
  );

  // A group header spans the whole row; the other cells of that row disappear.
  const totalColumns = 3 + years.length + 4;

  const columns: TableColumnsType<Row> = [
    groupHeaderColumn<TIndicator>({
      key: 'code',
      title: t('indicator.code'),
      width: CODE_WIDTH,
      fixed: 'left',
      columnCount: totalColumns,
      render: (indicator) => <span className={styles.code}>{indicator.code ?? ''}</span>,
    }),
    itemColumn<TIndicator>({
      key: 'name',
      title: t('indicator.name'),
      width: NAME_WIDTH,
      fixed: 'left',
      render: (indicator) => indicator.name,
    }),
    itemColumn<TIndicator>({
      key: 'unit',
      title: t('indicator.unit'),
      width: 90,
      align: 'center',
      render: (indicator) => indicator.unit,
    }),
    ...years.map((year): TableColumnsType<Row>[number] => ({
      key: `year-${year}`,
      title: (
        <span className={styles.yearTitle}>
          {year}
          {baselineYears.has(year) && (
            <Tag color="gold" className={styles.baselineTag}>
              {t('indicator.baseline')}
            </Tag>
          )}
        </span>
      ),
      width: YEAR_WIDTH,
      align: 'center',
      onCell: (row) => {
        if (row.kind === 'group') return { colSpan: 0 };
        return isBaselineCell(row.item, year) ? { className: styles.baselineCell } : {};
      },
      render: (_value, row) => {
        if (row.kind === 'group') return null;
        const target = row.item.targets.find((item) => item.year === year);
        const text = target ? targetText(target, row.item.unit) : '';
        const isBaseline = isBaselineCell(row.item, year);
        // Read-only for those who may not change this indicator: a leader, an inspector, another unit.
        if (!row.item.canEdit) {
          return (
            <Tooltip title={isBaseline ? t('indicator.baselineCell') : undefined}>
              <span className={styles.targetText}>
                {text || <span className={styles.emptyTarget}>{t('common.none')}</span>}
              </span>
            </Tooltip>
          );
        }
        return (
          <Tooltip title={isBaseline ? t('indicator.baselineCell') : undefined}>
            <button
              type="button"
              className={styles.targetButton}
              // The name starts with what the cell says of the target, then what is shown (WCAG 2.5.3).
              aria-label={`${t('indicator.targetCellLabel', { year, name: row.item.name })}: ${text || t('common.none')}`}
              onClick={() => onEditTarget(row.item, year)}
            >
              {text || <span className={styles.emptyTarget}>{t('common.none')}</span>}
            </button>
          </Tooltip>
        );
      },
    })),
    itemColumn<TIndicator>({
      key: 'lead',
      title: t('indicator.lead'),
      width: 180,
      render: (indicator) => units.name(indicator.leadUnitId),
    }),
    itemColumn<TIndicator>({
      key: 'coordinating',
      title: t('indicator.coordinating'),
      width: 220,
      render: (indicator) => units.names(indicator.coordinatingUnitIds).join('; '),
    }),
    itemColumn<TIndicator>({
      key: 'catalogCode',
      title: t('indicator.catalogCode'),
      width: 110,
      render: (indicator) =>
        indicator.catalogCode ? (
          <Tooltip title={catalogByCode.get(indicator.catalogCode)?.name}>
            <Typography.Text code className={styles.catalogCode}>
              {indicator.catalogCode}
            </Typography.Text>
          </Tooltip>
        ) : null,
    }),
    itemActionsColumn<TIndicator>(
      t,
      'indicator',
      ACTIONS_WIDTH,
      { deleteRows: canEditPlan },
      {
        history: onShowHistory,
        edit: onEditIndicator,
        delete: onDeleteIndicator,
      },
    ),
  ];

  const scrollWidth =
    CODE_WIDTH + NAME_WIDTH + 90 + years.length * YEAR_WIDTH + 180 + 220 + 110 + ACTIONS_WIDTH;

  return (
    <GroupedItemTable<TIndicator>
      className={styles.matrix}
      rows={rows}
      columns={columns}
      highlightedId={highlightedId}
      emptyText={t('indicator.empty')}
      scrollX={scrollWidth}
    />
  );
};
