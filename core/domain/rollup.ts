/**
 * Roll-up of one standard (catalog) indicator across localities: the province value rebuilt from the
 * communes' accepted figures, how many communes it covers, and each commune's value beside it. Pure;
 * the method is written down for users in docs/evaluation.md ("Tổng quan địa bàn") — keep the two in step.
 *
 * - A rate (%, %GRDP, people per 10,000, firms per 1,000) is rebuilt from the summed numerators and
 *   denominators, never averaged: Σ tử số / Σ mẫu số (× 100 for %). A commune that gave only the rate,
 *   without its numerator and denominator, is shown but left out of the province value.
 * - A count (số lượng) is summed.
 * - A rank (thứ bậc) or a qualitative milestone (định tính) does not add up: only the communes' values.
 * - A commune whose indicator is measured in another unit than the catalog's is shown but left out.
 */
import { isPercentUnit, rateOf, round2 } from './indicator-values';

export const ROLLUP_METHODS = ['ratio', 'sum', 'none'] as const;
export type RollupMethod = (typeof ROLLUP_METHODS)[number];

export const ROLLUP_EXCLUSIONS = ['no_value', 'unit_mismatch', 'missing_denominator'] as const;
export type RollupExclusion = (typeof ROLLUP_EXCLUSIONS)[number];

/** What the catalog says about the indicator. */
export type RollupEntry = { unit: string; direction: 'increase' | 'decrease' };

/** One locality's accepted figure for the indicator in the period looked at. */
export type RollupInput = {
  localityId: string;
  /** The unit the locality's own indicator is measured in (null: not stated, taken as the catalog's). */
  unit: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
};

export type RollupContribution = RollupInput & {
  /** Whether the figure went into the province value. */
  included: boolean;
  /** Why it did not, when it did not. */
  excluded: RollupExclusion | null;
};

export type Rollup = {
  method: RollupMethod;
  /** The province value; null when nothing could go into it (or the method adds nothing up). */
  value: number | null;
  /** Σ numerators and Σ denominators behind a ratio (null otherwise). */
  numerator: number | null;
  denominator: number | null;
  /** Localities that reported a value. */
  reporting: number;
  /** Localities whose figure went into the province value. */
  included: number;
  /** The best and worst reported values (by the indicator's direction), among those in the catalog's unit. */
  best: { localityId: string; value: number } | null;
  worst: { localityId: string; value: number } | null;
  contributions: RollupContribution[];
};

const normalisedUnits = new Map<string, string>();
/** "Người / vạn dân" and "người/vạn dân" are one unit (cached: a province rolls up thousands of figures). */
const normaliseUnit = (unit: string) => {
  let key = normalisedUnits.get(unit);
  if (key === undefined) {
    key = unit.normalize('NFC').replace(/\s+/g, '').toLowerCase();
    normalisedUnits.set(unit, key);
  }
  return key;
};

/**
 * Whether a locality's unit is the catalog's: not stated, or the same once spaces and case are set aside.
 *
 * @param unit - the unit the locality's own indicator is measured in
 * @param catalogUnit - the catalog entry's unit
 */
export const inCatalogUnit = (unit: string | null, catalogUnit: string): boolean =>
  unit == null || unit.trim() === '' || normaliseUnit(unit) === normaliseUnit(catalogUnit);

/**
 * How the catalog's unit adds up across localities.
 *
 * @param unit - the catalog entry's unit (`%`, `%GRDP`, `số lượng`, `thứ bậc`, `định tính`, `người/vạn dân`, …)
 */
export const rollupMethodOf = (unit: string): RollupMethod => {
  const key = normaliseUnit(unit);
  if (key === 'sốlượng') return 'sum';
  if (key === 'thứbậc' || key === 'địnhtính') return 'none';
  return 'ratio';
};

/** The rate a numerator and denominator stand for, by the reports' rule (core/domain/indicator-values.ts). */
const rateIn = (numerator: number, denominator: number, unit: string) =>
  rateOf(numerator, denominator, isPercentUnit(unit))!;

/**
 * Rolls one catalog indicator up across localities.
 *
 * @param entry - the catalog entry's unit and direction
 * @param inputs - one figure per locality (localities without a figure may be passed with `value: null`)
 * @returns the province value, coverage, best/worst and each locality's contribution, in input order
 */
export const rollUp = (entry: RollupEntry, inputs: RollupInput[]): Rollup => {
  const method = rollupMethodOf(entry.unit);
  const contributions: RollupContribution[] = inputs.map((input) => {
    const hasFraction = input.numerator != null && input.denominator != null && input.denominator > 0;
    if (input.value == null && !hasFraction) return { ...input, included: false, excluded: 'no_value' };
    if (!inCatalogUnit(input.unit, entry.unit))
      return { ...input, included: false, excluded: 'unit_mismatch' };
    // The value a locality shows: as reported, else rebuilt from its own numerator and denominator.
    const value =
      input.value ?? (hasFraction ? round2(rateIn(input.numerator!, input.denominator!, entry.unit)) : null);
    if (method === 'ratio' && !hasFraction)
      return { ...input, value, included: false, excluded: 'missing_denominator' };
    if (method === 'none') return { ...input, value, included: false, excluded: null };
    return { ...input, value, included: true, excluded: null };
  });

  const included = contributions.filter((row) => row.included);
  let value: number | null = null;
  let numerator: number | null = null;
  let denominator: number | null = null;
  if (method === 'ratio' && included.length > 0) {
    numerator = included.reduce((sum, row) => sum + row.numerator!, 0);
    denominator = included.reduce((sum, row) => sum + row.denominator!, 0);
    value = round2(rateIn(numerator, denominator, entry.unit));
  } else if (method === 'sum' && included.length > 0) {
    value = round2(included.reduce((sum, row) => sum + row.value!, 0));
  }

  const comparable = contributions
    .filter((row) => row.value != null && row.excluded !== 'unit_mismatch' && row.excluded !== 'no_value')
    .map((row) => ({ localityId: row.localityId, value: row.value! }));
  const better = (a: number, b: number) => (entry.direction === 'increase' ? a > b : a < b);
  const best = comparable.reduce<Rollup['best']>(
    (top, row) => (top == null || better(row.value, top.value) ? row : top),
    null,
  );
  const worst = comparable.reduce<Rollup['worst']>(
    (bottom, row) => (bottom == null || better(bottom.value, row.value) ? row : bottom),
    null,
  );

  return {
    method,
    value,
    numerator,
    denominator,
    reporting: contributions.filter((row) => row.excluded !== 'no_value').length,
    included: included.length,
    best,
    worst,
    contributions,
  };
};
