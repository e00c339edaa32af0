import type { TIndicator, TTarget } from '@core/schemas/indicator.schemas';
import type { IndicatorWithChildren, TargetRow } from '../../shared/plan-contents';

export const presentTarget = (row: TargetRow): TTarget => ({
  id: row.id,
  year: row.year,
  op: row.op,
  value: row.value,
  valueHigh: row.valueHigh,
  rawText: row.rawText,
  isBaseline: row.isBaseline,
});

export const presentIndicator = (row: IndicatorWithChildren, can: { edit: boolean }): TIndicator => ({
  id: row.id,
  planId: row.planId,
  groupId: row.groupId,
  groupName: row.groupName,
  position: row.position,
  code: row.code,
  name: row.name,
  unit: row.unit,
  direction: row.direction,
  measure: row.measure,
  catalogCode: row.catalogCode,
  leadUnitId: row.leadUnitId,
  executor: row.executor,
  leader: row.leader,
  evidenceHint: row.evidenceHint,
  baselineYear: row.baselineYear,
  coordinatingUnitIds: row.coordinatingUnitIds,
  targets: row.targets.map(presentTarget),
  canEdit: can.edit,
});
