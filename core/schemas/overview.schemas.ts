/**
 * The overview of a locality with child localities (a province and its communes and wards; the nation
 * and its provinces, each aggregated over its own communes): each child's plans in effect, reports, indicators, overdue tasks, score, colour and rank, and the roll-up
 * of every standard (catalog) indicator the children report. Every row names the plan whose dashboard
 * holds the numbers behind it.
 */
import { z } from 'zod';
import { INDICATOR_STATUSES, UNIT_EVALUATION_STATES } from '../domain/evaluation';
import { OVERVIEW_COLOURS, OVERVIEW_PROBLEMS } from '../domain/overview-filter';
import { ROLLUP_EXCLUSIONS, ROLLUP_METHODS } from '../domain/rollup';
import { zIsoDate, zYear } from './common.schemas';
import { ZReportingPeriod } from './reporting.schemas';

/** A catalog indicator's code in a query string. */
const zCatalogCode = (label: string) =>
  z
    .string()
    .max(100, { error: `${label} dài quá 100 ký tự` })
    .regex(/^[A-Z0-9_.]+$/, { error: `${label} chỉ gồm chữ in hoa, số, dấu chấm và gạch dưới` });

export const ZOverviewQuery = z.object({
  /** The year looked at (each plan's latest period of that year whose data window has opened); default: this year. */
  year: z.coerce.number({ error: 'Năm phải là một số năm' }).pipe(zYear('Năm')).optional(),
  /**
   * "Tính đến ngày": the map of that date (the localities then in force, former units before a merger)
   * and the period judged on that date; default: today.
   */
  asOf: zIsoDate('Tính đến ngày').optional(),
  /** Only the roll-up of this catalog indicator (with its values, as `valuesOf`). */
  catalogCode: zCatalogCode('Mã chỉ tiêu chuẩn').optional(),
  /**
   * The roll-up whose per-locality `values` are sent (the one charted or opened); the others carry their
   * totals only. Default: the first roll-up.
   */
  valuesOf: zCatalogCode('Chỉ tiêu xem chi tiết').optional(),
});
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

const ZColour = z.enum(OVERVIEW_COLOURS);

/** A plan of the child locality in effect, with the period its numbers come from. */
export const ZOverviewPlan = z.object({
  planId: z.uuid(),
  number: z.string().nullable(),
  title: z.string(),
  /** Null when the plan has no reporting period in the year. */
  period: ZReportingPeriod.nullable(),
});

/** How many localities there are, how many have a plan in effect, how many are behind with reports. */
export const ZOverviewCoverage = z.object({
  total: z.number().int(),
  withPlans: z.number().int(),
  /** With at least one unit report late (Nộp muộn) or missing past its due date (Chưa nộp). */
  lateReporting: z.number().int(),
  /** Whose figures come from the submission packages their own instance sent (overview row `received`). */
  received: z.number().int(),
});
export type TOverviewCoverage = z.infer<typeof ZOverviewCoverage>;

export const ZOverviewLocality = z.object({
  localityId: z.uuid(),
  /** The official code of the national register ("10507"), or the code given to a locality entered by hand. */
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  /** The former units it was formed from on 1/7/2025, as the register prints them ("Xã A, Xã B, Xã C"). */
  formedFrom: z.string().nullable(),
  /** For a former unit (an "as of" date before a merger): its last day in force ('2025-06-30'). */
  validTo: z.string().nullable().optional(),
  /**
   * The locality's own plans in effect (a commune's), newest first. Empty for a province in the
   * nation's overview: its figures come from its communes' plans, counted in `planCount`.
   */
  plans: z.array(ZOverviewPlan),
  /** Plans in effect behind the row's figures (the commune's own, or all its communes' for a province). */
  planCount: z.number().int(),
  /** For a province in the nation's overview: its communes; null for a commune. */
  communes: ZOverviewCoverage.nullable(),
  /** Units that must report (they lead an indicator or a task) and where their reports stand. */
  reports: z.object({
    expected: z.number().int(),
    /** Submitted at least once (waiting for review, or accepted). */
    submitted: z.number().int(),
    accepted: z.number().int(),
    pendingReview: z.number().int(),
    late: z.number().int(),
    /** Past the due date and not submitted. */
    missing: z.number().int(),
  }),
  indicators: z.record(z.enum(INDICATOR_STATUSES), z.number().int()),
  indicatorCount: z.number().int(),
  taskCount: z.number().int(),
  /** Tasks past their deadline and not done (Đang thực hiện quá hạn). */
  overdueTasks: z.number().int(),
  /**
   * `scored` when at least one unit is scored (an accepted report, or overdue with nothing to review);
   * else `pending_review` when a report waits for review, else `not_evaluated`.
   */
  evaluation: z.enum(UNIT_EVALUATION_STATES),
  /** The locality scored as one unit over its scored units' indicators, tasks and reports. */
  score: z.number().nullable(),
  colour: ZColour,
  rank: z.number().int().nullable(),
  thresholds: z.object({ green: z.number(), yellow: z.number() }),
  /**
   * Set when the row's figures come from submission packages the commune's own instance sent (it has no
   * plan in effect here): the approved report the figures are from. Null for figures computed here.
   */
  received: z
    .object({
      /** Packages behind the row: the newest approved version of each plan's latest period in the year. */
      packages: z.number().int(),
      periodLabel: z.string(),
      approvedOn: z.string(),
      reportVersion: z.number().int(),
      receivedAt: z.string(),
      /**
       * Plans of the commune in effect in this instance that the packages were preferred to: the approved
       * figures the commune sent are what its leader signed, so they count, once, in the row and roll-ups.
       */
      localPlans: z.number().int(),
      /**
       * The standard catalog version a package behind the row was made with, when it is not this
       * instance's (its figures are counted by code all the same); null when they agree.
       */
      otherCatalogVersion: z.string().nullable(),
      /** This instance's catalog version, to say what the other one differs from. */
      catalogVersion: z.string(),
    })
    .nullable(),
});
export type TOverviewLocality = z.infer<typeof ZOverviewLocality>;

export const ZRollupValue = z.object({
  localityId: z.uuid(),
  localityName: z.string(),
  /** The commune's plan and indicator; null for a province's figure rolled up from its communes. */
  planId: z.uuid().nullable(),
  indicatorId: z.uuid().nullable(),
  indicatorCode: z.string().nullable(),
  /** The unit the commune's indicator is measured in. */
  unit: z.string().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The accepted unit report the figure comes from. */
  reportId: z.uuid().nullable(),
  included: z.boolean(),
  excluded: z.enum(ROLLUP_EXCLUSIONS).nullable(),
  /** For a province's figure: how many of its communes reported, and how many went into it. */
  communes: z.object({ reporting: z.number().int(), included: z.number().int() }).nullable(),
  /** Set when the commune's figure comes from the approved report its own instance sent (no plan, indicator nor report here). */
  received: z
    .object({ periodLabel: z.string(), approvedOn: z.string(), reportVersion: z.number().int() })
    .nullable(),
});

const ZRollupExtreme = z.object({ localityId: z.uuid(), localityName: z.string(), value: z.number() });

export const ZOverviewRollup = z.object({
  catalogCode: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  method: z.enum(ROLLUP_METHODS),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /**
   * Communes that reported a value; `included` of them went into the value (for the nation: over all
   * the communes of its provinces, so the value is Σ numerators / Σ denominators of every commune).
   */
  reporting: z.number().int(),
  included: z.number().int(),
  best: ZRollupExtreme.nullable(),
  worst: ZRollupExtreme.nullable(),
  /**
   * Each locality's figure, only for the roll-up asked for (query `valuesOf` or `catalogCode`; by
   * default the first): null for the others, whose values are asked for when looked at.
   */
  values: z.array(ZRollupValue).nullable(),
});
export type TOverviewRollup = z.infer<typeof ZOverviewRollup>;

export const ZLocalityOverview = z.object({
  locality: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    level: z.string(),
    kind: z.string(),
  }),
  year: z.number().int(),
  asOf: z.string(),
  /** Child localities, best first; unscored ones last. */
  localities: z.array(ZOverviewLocality),
  /** The child localities (provinces for the nation), and for the nation the communes of all of them. */
  summary: z.object({ localities: ZOverviewCoverage, communes: ZOverviewCoverage.nullable() }),
  rollups: z.array(ZOverviewRollup),
});
export type TLocalityOverview = z.infer<typeof ZLocalityOverview>;

/** A list of values in a query string: "red,yellow". */
const commaList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .max(200)
    .transform((text) => text.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, { error: message })));

/** The rows of an overview to export: the same filters as the page. */
export const ZOverviewExportQuery = z.object({
  year: ZOverviewQuery.shape.year,
  asOf: ZOverviewQuery.shape.asOf,
  colours: commaList(OVERVIEW_COLOURS, 'Màu chỉ là green, yellow, red hoặc none').optional(),
  problem: z.enum(OVERVIEW_PROBLEMS, { error: 'Tình trạng lọc không hợp lệ' }).optional(),
  q: z.string().max(200, { error: 'Từ khóa tìm dài quá 200 ký tự' }).optional(),
});
export type TOverviewExportQuery = z.infer<typeof ZOverviewExportQuery>;

/** "Đôn đốc": remind the standing agencies of chosen communes that are late with their reports. */
export const ZOverviewChaseRequest = z.object({
  year: zYear('Năm').optional(),
  localityIds: z
    .array(z.uuid({ error: 'Mã xã, phường không hợp lệ' }), { error: 'Chọn các xã, phường cần đôn đốc' })
    .min(1, { error: 'Chọn ít nhất một xã, phường cần đôn đốc' })
    .max(500, { error: 'Mỗi lần đôn đốc tối đa 500 xã, phường' }),
});
export type TOverviewChaseRequest = z.infer<typeof ZOverviewChaseRequest>;

export const ZOverviewChaseResult = z.object({
  /** Communes reminded (late, with a standing officer to tell). */
  reminded: z.number().int(),
  /** Notifications written (one per standing officer; none again the same day). */
  notifications: z.number().int(),
  /** Communes not reminded, and why. */
  skipped: z.array(
    z.object({
      localityId: z.uuid(),
      name: z.string().nullable(),
      reason: z.enum(['not_late', 'not_a_child', 'no_standing_officer']),
    }),
  ),
});
export type TOverviewChaseResult = z.infer<typeof ZOverviewChaseResult>;
