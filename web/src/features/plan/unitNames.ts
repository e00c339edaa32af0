import type { TUnit } from '@core/schemas/locality.schemas';

/** Looks up unit names by id for the plan's tables. */
export const makeUnitNamer = (units: TUnit[]) => {
  const byId = new Map(units.map((unit) => [unit.id, unit.name]));
  return {
    name: (id: string | null | undefined) => (id ? (byId.get(id) ?? null) : null),
    names: (ids: string[]) => ids.map((id) => byId.get(id)).filter((name): name is string => Boolean(name)),
  };
};

export const unitOptions = (units: TUnit[]) =>
  units
    .map((unit) => ({ value: unit.id, label: unit.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
