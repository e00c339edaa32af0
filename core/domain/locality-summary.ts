/**
 * A locality judged as one unit from its plan dashboard, as the province overview judges a commune
 * (server/modules/overview/overview.service.ts): over the units that can be scored, their indicators,
 * tasks and report timeliness together; while none can, the locality waits (for review, or for the due
 * date). Pure, so the leader's first screen shows the same score and colour as the overview.
 */
import {
  type Colour,
  evaluateUnit,
  type IndicatorStatus,
  type TaskStatus,
  type Thresholds,
  type Timeliness,
  type UnitEvaluationState,
} from './evaluation';

/** What the summary reads of a plan dashboard (TPlanDashboard has all of it). */
export type SummaryInput = {
  units: ReadonlyArray<{ unitId: string; evaluation: UnitEvaluationState; timeliness: Timeliness }>;
  indicators: ReadonlyArray<{ leadUnitId: string | null; status: IndicatorStatus }>;
  tasks: ReadonlyArray<{ leadUnitId: string | null; status: TaskStatus }>;
  thresholds: Thresholds;
};

/**
 * The locality's state, score and colour for the dashboard's period.
 *
 * @returns `scored` with score and colour when at least one unit is scored; else `pending_review` when a
 *   unit's report waits for review, else `not_evaluated` (no score, colour `none`)
 */
export const judgeLocality = (
  input: SummaryInput,
): { state: UnitEvaluationState; score: number | null; colour: Colour } => {
  const scored = new Set(
    input.units.filter((unit) => unit.evaluation === 'scored').map((unit) => unit.unitId),
  );
  const state: UnitEvaluationState =
    scored.size > 0
      ? 'scored'
      : input.units.some((unit) => unit.evaluation === 'pending_review')
        ? 'pending_review'
        : 'not_evaluated';
  const ledByScored = (row: { leadUnitId: string | null }) =>
    row.leadUnitId != null && scored.has(row.leadUnitId);
  const result = evaluateUnit({
    state,
    indicators: input.indicators.filter(ledByScored).map((row) => row.status),
    tasks: input.tasks.filter(ledByScored).map((row) => row.status),
    reports: input.units.filter((unit) => scored.has(unit.unitId)).map((unit) => unit.timeliness),
    thresholds: input.thresholds,
  });
  return { state: result.state, score: result.score, colour: result.colour };
};
