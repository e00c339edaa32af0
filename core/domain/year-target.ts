/**
 * The target of a year as screens and documents print it: the year's own printed target; where the plan
 * prints none for the year, the value on the straight path to the next milestone at the year's end,
 * labelled as interpolated ("Theo lộ trình (nội suy): ≥ 92,5%") — never the later milestone as if it were
 * the year's. Pure; the path is the one `evaluateIndicator` draws (docs/evaluation.md).
 */
import { daysBetween } from './deadlines';
import { type EvaluatedTarget, type Milestone, milestoneOf } from './evaluation';

export type YearTarget<T extends EvaluatedTarget = EvaluatedTarget> =
  | (Milestone<T> & { kind: 'year' | 'next' | 'last'; path: null })
  | {
      kind: 'path';
      /** The next milestone the path heads for. */
      target: T;
      /** The value on the path at the end of the year, and how it compares (as the milestone does). */
      path: { op: '>=' | '<=' | '='; value: number; from: { year: number; value: number } };
    };

const yearEnd = (year: number) => `${year}-12-31`;
const isNumeric = (target: EvaluatedTarget) => target.op !== 'qualitative' && target.value != null;

/** The direction a target implies when the indicator's own is not known: an upper bound means lower is better. */
export const directionOf = (target: Pick<EvaluatedTarget, 'op'>): 'increase' | 'decrease' =>
  target.op === '<=' || target.op === '<' ? 'decrease' : 'increase';

/**
 * The target of `year`.
 *
 * @param targets - the indicator's targets, any order
 * @param year - the year (of the period's data-closing date)
 * @param options.direction - the indicator's direction (default: read from the milestone's comparator)
 * @param options.baseline - a value measured in the baseline year: the path starts there, as in the evaluation
 * @returns `year` (printed), `path` (interpolated), `next` (a later milestone with no point to start a
 *   path from), `last` (past the last milestone), or null without any target
 */
export const yearTargetOf = <T extends EvaluatedTarget>(
  targets: readonly T[],
  year: number,
  options: { direction?: 'increase' | 'decrease'; baseline?: { year: number; value: number } | null } = {},
): YearTarget<T> | null => {
  const milestone = milestoneOf(targets, year);
  if (!milestone) return null;
  if (milestone.kind !== 'next' || !isNumeric(milestone.target)) return { ...milestone, path: null };
  const end = milestone.target;
  const direction = options.direction ?? directionOf(end);
  const endValue =
    end.op === 'range' ? (direction === 'increase' ? end.value! : (end.valueHigh ?? end.value!)) : end.value!;
  const previous = [...targets]
    .filter(isNumeric)
    .sort((a, b) => a.year - b.year)
    .reverse()
    .find((target) => target.year < end.year);
  const baseline = options.baseline;
  const from =
    baseline && baseline.year < end.year
      ? baseline
      : previous
        ? {
            year: previous.year,
            value:
              previous.op === 'range'
                ? direction === 'increase'
                  ? previous.value!
                  : (previous.valueHigh ?? previous.value!)
                : previous.value!,
          }
        : null;
  if (!from || from.year >= year) return { ...milestone, path: null };
  const span = daysBetween(yearEnd(from.year), yearEnd(end.year));
  const elapsed = daysBetween(yearEnd(from.year), yearEnd(year));
  const value = Math.round((from.value + (endValue - from.value) * (elapsed / span)) * 100) / 100;
  const op = end.op === '=' ? '=' : direction === 'increase' ? '>=' : '<=';
  return { kind: 'path', target: end, path: { op, value, from } };
};

/**
 * The value measured in an indicator's baseline year, where its target path starts: the first accepted
 * value whose period's data closes in that year. The dashboard's evaluation and the report form's target
 * both start their path here, so they print the same year target.
 *
 * @param baselineYear - the indicator's baseline year (null: none)
 * @param observations - accepted values with their period, sorted by data-closing day
 */
export const measuredBaselineOf = (
  baselineYear: number | null,
  observations: ReadonlyArray<{ value: { value: number | null }; period: { dataTo: string } }>,
): { year: number; value: number } | null => {
  if (baselineYear == null) return null;
  const measured = observations.find(
    (item) => item.value.value != null && Number(item.period.dataTo.slice(0, 4)) === baselineYear,
  );
  return measured ? { year: baselineYear, value: measured.value.value! } : null;
};

/** "≥ 92,5%": a path value the way Vietnamese documents print numbers. */
export const formatPathValue = (path: { op: '>=' | '<=' | '='; value: number }, unit: string | null) => {
  const symbol = path.op === '>=' ? '≥' : path.op === '<=' ? '≤' : '=';
  const number = path.value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return `${symbol} ${number}${unit === '%' ? '%' : ''}`;
};

/** The label of an interpolated target, the same on screens and in documents. */
export const pathTargetText = (pathText: string, milestoneYear: number, milestoneText: string) =>
  `Theo lộ trình (nội suy): ${pathText} (mốc ${milestoneYear}: ${milestoneText})`;
