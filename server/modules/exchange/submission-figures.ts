/**
 * figures.json of a submission package from an approved consolidated report: every indicator by catalog
 * code (the plan's own code, marked `catalogMapped: false`, when it maps to none), with its target, value
 * and status, the task and timeliness summaries, the score and colour, and what identifies the report
 * (the locality's official code, the plan, the period in the app's and DHIS2's notation, the approval).
 */
import { dhis2PeriodOf } from '@core/domain/dhis2';
import { INDICATOR_STATUSES, TASK_STATUSES, TIMELINESS } from '@core/domain/evaluation';
import { countStatuses } from '@core/domain/plan-evaluation';
import { scorePublished, taskCompletion } from '@core/domain/publication';
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import {
  SUBMISSION_FIGURES_SCHEMA,
  SUBMISSION_SCHEMA_VERSION,
  type TSubmissionFigures,
} from '@core/schemas/exchange.schemas';

type LocalityFacts = { code: string; name: string; kind: string; level: 'nation' | 'province' | 'commune' };

/**
 * @param input.report - the approved version of the report (its dashboard is the frozen snapshot's)
 * @param input.locality - the plan's locality and its parent, as this instance's register has them
 * @param input.catalogCodes - the catalog code of each indicator id (null: not mapped)
 * @param input.issuedDate - the plan's date as approved (the document head's, else the plan's)
 * @param input.fractions - the numerator and denominator behind each indicator's approved value, by
 *   indicator id, where the unit reported them (absent: the package carries null)
 */
export const submissionFiguresOf = (input: {
  report: TConsolidatedReport;
  locality: LocalityFacts;
  parent: LocalityFacts | null;
  catalogCodes: ReadonlyMap<string, string | null>;
  fractions?: ReadonlyMap<string, { numerator: number | null; denominator: number | null }>;
  issuedDate: string | null;
  catalogVersion: string;
  approvedOn: string;
}): TSubmissionFigures => {
  const { report, locality, parent } = input;
  const dashboard = report.dashboard;
  const period = dashboard.period!;
  const scored = scorePublished([dashboard], dashboard.thresholds);
  const scoredUnits = dashboard.units.filter((unit) => unit.evaluation === 'scored');
  return {
    schema: SUBMISSION_FIGURES_SCHEMA,
    schemaVersion: SUBMISSION_SCHEMA_VERSION,
    catalogVersion: input.catalogVersion,
    locality: {
      code: locality.code,
      name: locality.name,
      kind: locality.kind,
      level: locality.level,
      parentCode: parent?.code ?? null,
      parentName: parent ? parent.name : null,
    },
    plan: {
      id: dashboard.planId,
      number: dashboard.planNumber,
      title: dashboard.planTitle,
      issuedDate: input.issuedDate,
    },
    period: {
      key: period.key,
      dhis2: dhis2PeriodOf(period),
      label: period.label,
      periodStart: period.periodStart,
      periodEnd: period.periodEnd,
      dataFrom: period.dataFrom,
      dataTo: period.dataTo,
      dueDate: period.dueDate,
    },
    approval: {
      version: report.version,
      approvedAt: report.approval?.approvedAt ?? report.decidedAt ?? '',
      approvedOn: input.approvedOn,
      frozen: !report.approvedBeforeFreezing,
    },
    score: scored.score,
    colour: scored.colour,
    indicators: dashboard.indicators.map((item, index) => {
      const catalogCode = input.catalogCodes.get(item.id) ?? null;
      return {
        // Without a catalog code nor a code in the plan, the indicator's place in the plan names it.
        code: catalogCode ?? item.code ?? `CT-${index + 1}`,
        catalogMapped: catalogCode != null,
        catalogCode,
        planCode: item.code,
        name: item.name,
        unit: item.unit,
        groupName: item.groupName,
        target: item.targetText,
        expected: item.expected,
        value: item.value,
        numerator: input.fractions?.get(item.id)?.numerator ?? null,
        denominator: input.fractions?.get(item.id)?.denominator ?? null,
        assessment: item.assessment,
        status: item.status,
      };
    }),
    indicatorCounts: countStatuses(
      INDICATOR_STATUSES,
      dashboard.indicators.map((item) => item.status),
    ),
    tasks: {
      total: dashboard.tasks.length,
      counts: countStatuses(
        TASK_STATUSES,
        dashboard.tasks.map((item) => item.status),
      ),
      completion: taskCompletion(dashboard.tasks),
    },
    timeliness: {
      units: scoredUnits.length,
      counts: countStatuses(
        TIMELINESS,
        scoredUnits.map((unit) => unit.timeliness),
      ),
    },
  };
};
