import type { TPlanDetail, TPlanSummary } from '@core/schemas/plan.schemas';
import type { LocalityRow } from '../../shared/localities';
import type {
  IndicatorGroupRow,
  IndicatorWithChildren,
  TaskGroupRow,
  TaskWithChildren,
} from '../../shared/plan-contents';
import type { UnitRow } from '../../shared/units';
import { presentIndicator } from '../indicator/indicator.presenter';
import { presentLocality } from '../locality/locality.presenter';
import { presentTask } from '../task/task.presenter';
import { presentUnit } from '../unit/unit.presenter';
import type { PlanReferenceRow, PlanSummaryRow, ReportingRegimeRow } from './plan.repository';

export type PlanDetailData = {
  plan: PlanSummaryRow;
  locality: LocalityRow;
  units: UnitRow[];
  references: PlanReferenceRow[];
  reporting: ReportingRegimeRow[];
  indicatorGroups: IndicatorGroupRow[];
  taskGroups: TaskGroupRow[];
  indicators: IndicatorWithChildren[];
  tasks: TaskWithChildren[];
  can: { edit: boolean; editUnits: boolean; editLedBy: (leadUnitId: string | null) => boolean };
};

export const presentPlanSummary = (row: PlanSummaryRow): TPlanSummary => ({
  id: row.id,
  localityId: row.localityId,
  localityName: row.localityName,
  issuerKind: row.issuerKind,
  issuer: row.issuer,
  number: row.number,
  issuedDate: row.issuedDate,
  title: row.title,
  status: row.status,
  indicatorCount: row.indicatorCount,
  taskCount: row.taskCount,
  updatedAt: row.updatedAt.toISOString(),
});

const presentGroup = (group: { id: string; name: string; position: number }) => ({
  id: group.id,
  name: group.name,
  position: group.position,
});

export const presentPlanDetail = (data: PlanDetailData): TPlanDetail => ({
  ...presentPlanSummary(data.plan),
  can: { edit: data.can.edit, editUnits: data.can.editUnits },
  signerName: data.plan.signerName,
  signerPosition: data.plan.signerPosition,
  standingAgencyUnitId: data.plan.standingAgencyUnitId,
  references: data.references.map((reference) => ({
    kind: reference.kind,
    number: reference.number,
    date: reference.date,
    issuer: reference.issuer,
    referencedPlanId: reference.referencedPlanId,
  })),
  reporting: data.reporting.map((regime) => ({
    frequency: regime.frequency,
    due: regime.due,
    receiver: regime.receiver,
  })),
  locality: presentLocality(data.locality),
  units: data.units.map(presentUnit),
  indicatorGroups: data.indicatorGroups.map(presentGroup),
  taskGroups: data.taskGroups.map(presentGroup),
  indicators: data.indicators.map((row) =>
    presentIndicator(row, { edit: data.can.editLedBy(row.leadUnitId) }),
  ),
  tasks: data.tasks.map((row) => presentTask(row, { edit: data.can.editLedBy(row.leadUnitId) })),
});
