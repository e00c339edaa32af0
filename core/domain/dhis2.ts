/**
 * DHIS2 notation for the exchange with the levels above (docs/open-data.md, "DHIS2"): a reporting
 * period in DHIS2's period syntax, and a consolidated report's figures as a `dataValueSets` payload
 * (catalog codes as data elements, register codes as organisation units). Pure functions.
 */

/** A month as DHIS2 writes it: two digits. */
const pad = (n: number) => String(n).padStart(2, '0');

const FULL_RANGES = (year: number): Array<{ from: string; to: string; dhis2: string }> => {
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  const range = (first: number, last: number) => ({
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(last))}`,
  });
  return [
    { ...range(1, 12), dhis2: `${year}` },
    { ...range(1, 6), dhis2: `${year}S1` },
    { ...range(7, 12), dhis2: `${year}S2` },
    ...[1, 2, 3, 4].map((q) => ({ ...range(q * 3 - 2, q * 3), dhis2: `${year}Q${q}` })),
    ...Array.from({ length: 12 }, (_, i) => ({ ...range(i + 1, i + 1), dhis2: `${year}${pad(i + 1)}` })),
  ];
};

/**
 * A reporting period in DHIS2 notation: "2026" → "2026", "2026-Q3" → "2026Q3", "2026-H1" → "2026S1",
 * "2026-M05" → "202605". An ad hoc period ("adhoc-…") has a DHIS2 period only when its dates are exactly
 * a calendar year, half, quarter or month; otherwise null (DHIS2 has no period for an arbitrary range).
 *
 * @param period - the period's key and the dates it covers (periodStart/periodEnd, YYYY-MM-DD)
 */
export const dhis2PeriodOf = (period: {
  key: string;
  periodStart: string;
  periodEnd: string;
}): string | null => {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])))?$/.exec(period.key);
  if (match) {
    const [, year, part, month] = match;
    if (!part) return year!;
    if (part.startsWith('Q')) return `${year}${part}`;
    if (part.startsWith('H')) return `${year}S${part.slice(1)}`;
    return `${year}${month}`;
  }
  const year = Number(period.periodStart.slice(0, 4));
  if (!Number.isInteger(year) || period.periodEnd.slice(0, 4) !== period.periodStart.slice(0, 4)) return null;
  return (
    FULL_RANGES(year).find((range) => range.from === period.periodStart && range.to === period.periodEnd)
      ?.dhis2 ?? null
  );
};

/** One figure as the data value set needs it. */
export type Dhis2Figure = {
  code: string;
  catalogMapped: boolean;
  planCode: string | null;
  name: string;
  value: number | null;
};

export type Dhis2DataValue = {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  comment?: string;
};

export type Dhis2DataValueSet = {
  period: string;
  orgUnit: string;
  completeDate: string;
  dataValues: Dhis2DataValue[];
};

/** A number as DHIS2 reads it: a plain decimal with a dot, no grouping, no exponent for ordinary sizes. */
export const dhis2Value = (value: number): string =>
  Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toPrecision(15)));

/**
 * The figures as a DHIS2 `dataValueSets` payload. Indicators without a numeric value (no data yet, or a
 * qualitative judgement) have no data value: DHIS2 has no "empty" value, and the figures.json of the
 * package keeps them with their status. An indicator mapped to no catalog code carries the plan's code
 * and says so in its comment.
 *
 * @returns the payload, or `duplicates`: the data elements two indicators with values would both fill
 *   (DHIS2 would keep only the last one), for the caller to refuse with their names
 */
export const toDataValueSet = (input: {
  period: string;
  orgUnit: string;
  completeDate: string;
  figures: readonly Dhis2Figure[];
}): { set: Dhis2DataValueSet; duplicates: string[] } => {
  const withValue = input.figures.filter((figure) => figure.value != null && Number.isFinite(figure.value));
  const seen = new Map<string, number>();
  for (const figure of withValue) seen.set(figure.code, (seen.get(figure.code) ?? 0) + 1);
  const duplicates = [...seen].filter(([, n]) => n > 1).map(([code]) => code);
  return {
    duplicates,
    set: {
      period: input.period,
      orgUnit: input.orgUnit,
      completeDate: input.completeDate,
      dataValues: withValue.map((figure) => ({
        dataElement: figure.code,
        period: input.period,
        orgUnit: input.orgUnit,
        value: dhis2Value(figure.value!),
        ...(figure.catalogMapped
          ? {}
          : { comment: `Mã riêng của kế hoạch (không có trong danh mục chuẩn): ${figure.name}` }),
      })),
    },
  };
};
