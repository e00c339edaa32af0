/** What each unit name printed in the draft becomes on save: an existing unit of the locality, or a new one. */

import type { TUnitMappingEntry } from '@core/schemas/import.schemas';
import { EXTERNAL_UNIT_NAME, suggestUnit } from '@core/schemas/import-draft';
import type { TUnit } from '@core/schemas/locality.schemas';
import { TextLimits } from '@core/validations';

export type UnitChoice =
  | { kind: 'unit'; unitId: string; suggested: boolean }
  | { kind: 'create'; name: string; isExternal: boolean };

/** A new unit named as printed (cut to the longest unit name); telecom companies and businesses are outside partners. */
export const createChoice = (name: string): UnitChoice => ({
  kind: 'create',
  name: name.slice(0, TextLimits.short),
  isExternal: EXTERNAL_UNIT_NAME.test(name),
});

/** The choice offered before the officer picks: the unit of the same name (or close), else a new unit. */
export const defaultChoice = (name: string, units: readonly TUnit[]): UnitChoice => {
  const match = suggestUnit(name, units);
  return match ? { kind: 'unit', unitId: match.id, suggested: true } : createChoice(name);
};

/** The choice for every printed name: the officer's where made, the default otherwise. */
export const choicesFor = (
  names: readonly string[],
  picked: Readonly<Record<string, UnitChoice>>,
  units: readonly TUnit[],
): Map<string, UnitChoice> =>
  new Map(names.map((name) => [name, picked[name] ?? defaultChoice(name, units)]));

/** The `unitMapping` of POST /plans/from-draft. */
export const unitMappingOf = (choices: ReadonlyMap<string, UnitChoice>): Record<string, TUnitMappingEntry> =>
  Object.fromEntries(
    [...choices].map(([name, choice]) => [
      name,
      choice.kind === 'unit'
        ? { unitId: choice.unitId }
        : { create: { name: choice.name.trim(), kind: null, isExternal: choice.isExternal } },
    ]),
  );
