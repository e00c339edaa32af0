/** Limits shared by forms and the server, so both refuse the same input with the same words. */
export const TextLimits = {
  /** Names of plans, indicators, tasks, units. Real task names run to ~1,000 characters. */
  name: 2000,
  title: 2000,
  short: 200,
  note: 10000,
  searchQuery: 200,
} as const;

export const YearLimits = { min: 2000, max: 2100 } as const;
