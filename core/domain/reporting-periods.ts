/**
 * Reporting periods generated from a plan's reporting regime (the Nghị định 09/2019/NĐ-CP pattern):
 * how often units report, by when, and which days of data a report covers.
 *
 * Dates are ISO "YYYY-MM-DD" strings throughout: a reporting date is a calendar day in Vietnam, not
 * an instant, so no time zone enters the calculation.
 */
import { endOfMonth, isRealDate } from './deadlines';

export const FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual', 'adhoc'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * When a period's report is due.
 * - `fixedDates`: one "MM-DD" per period of the year, in order ("before 30/11" → ["11-30"];
 *   "before 10/6 and 10/12" → ["06-10", "12-10"]). A date is in the period's year, or the next year when
 *   it falls before the period ends in a way that cannot be meant (e.g. "01-10" for the 4th quarter).
 * - `afterPeriodEnd`: N days (or working days, Monday–Friday) after the last day of the period.
 */
export type DueRule =
  | { kind: 'fixedDates'; dates: string[] }
  | { kind: 'afterPeriodEnd'; days: number; workingDays: boolean };

export type Regime = {
  frequency: Frequency;
  dueRule: DueRule | null;
  /** Data close on this day of the month (default 14: the window runs from the 15th to the 14th). */
  closingDay: number;
};

export type Period = {
  /** Stable key: "2026", "2026-H1", "2026-Q3", "2026-M03". */
  key: string;
  /** Vietnamese label: "Năm 2026", "6 tháng đầu năm 2026", "Quý III/2026", "Tháng 3/2026". */
  label: string;
  start: string;
  end: string;
  /** The data window the report covers. */
  dataFrom: string;
  dataTo: string;
  dueDate: string;
};

export const DEFAULT_CLOSING_DAY = 14;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const parts = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
};

/** Adds days to an ISO date. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = parts(date);
  const value = new Date(Date.UTC(y, m - 1, d + days));
  return iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
};

/** Adds working days (Monday–Friday; public holidays are not known here) to an ISO date. */
export const addWorkingDays = (date: string, days: number): string => {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const [y, m, d] = parts(current);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return current;
};

/** The closing day of a month, clamped to the month's length (a closing day 31 in February is the 28th/29th). */
const closingDate = (year: number, month: number, closingDay: number) => {
  const last = Number(endOfMonth(year, month).slice(8));
  return iso(year, month, Math.min(closingDay, last));
};

const previousMonth = (year: number, month: number): [number, number] =>
  month === 1 ? [year - 1, 12] : [year, month - 1];

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The periods of one year for a frequency: start month, month count, key and label. */
const periodShapes = (frequency: Exclude<Frequency, 'adhoc'>, year: number) => {
  switch (frequency) {
    case 'annual':
      return [{ startMonth: 1, months: 12, key: `${year}`, label: `Năm ${year}` }];
    case 'semiannual':
      return [
        { startMonth: 1, months: 6, key: `${year}-H1`, label: `6 tháng đầu năm ${year}` },
        { startMonth: 7, months: 6, key: `${year}-H2`, label: `6 tháng cuối năm ${year}` },
      ];
    case 'quarterly':
      return [0, 1, 2, 3].map((q) => ({
        startMonth: q * 3 + 1,
        months: 3,
        key: `${year}-Q${q + 1}`,
        label: `Quý ${ROMAN[q]}/${year}`,
      }));
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => ({
        startMonth: i + 1,
        months: 1,
        key: `${year}-M${pad(i + 1)}`,
        label: `Tháng ${i + 1}/${year}`,
      }));
  }
};

/**
 * The due date of a period under a rule.
 *
 * @param rule - the regime's due rule; null means "at the end of the period"
 * @param index - the period's position in its year (0 for the first)
 * @param end - the period's last day
 */
export const dueDateOf = (rule: DueRule | null, index: number, end: string): string => {
  if (!rule) return end;
  if (rule.kind === 'afterPeriodEnd')
    return rule.workingDays ? addWorkingDays(end, rule.days) : addDays(end, rule.days);
  const [endYear] = parts(end);
  const monthDay = rule.dates[Math.min(index, rule.dates.length - 1)] ?? '12-31';
  const sameYear = `${endYear}-${monthDay}`;
  // "01-10" for a December period means January of the next year; a date more than 60 days before the
  // period ends cannot be its due date either way.
  const candidate = isRealDate(sameYear) ? sameYear : `${endYear}-${monthDay.slice(0, 3)}28`;
  return candidate < addDays(end, -60) ? `${endYear + 1}-${monthDay}` : candidate;
};

/**
 * The data window of a period: from the day after the closing day of the month before the period, to
 * the closing day of its last month — or of an earlier month when the report is due before that
 * (an annual report due 30/11 covers data to 14/11).
 */
const dataWindow = (startYear: number, startMonth: number, end: string, due: string, closingDay: number) => {
  const [py, pm] = previousMonth(startYear, startMonth);
  const dataFrom = addDays(closingDate(py, pm, closingDay), 1);
  const [endYear, endMonth] = parts(end);
  let dataTo = closingDate(endYear, endMonth, closingDay);
  if (due < dataTo) {
    const [dueYear, dueMonth, dueDay] = parts(due);
    const [cy, cm] = dueDay > closingDay ? [dueYear, dueMonth] : previousMonth(dueYear, dueMonth);
    dataTo = closingDate(cy, cm, closingDay);
    // A due date inside the first month of the period leaves no closed month: count to the day before it.
    if (dataTo < dataFrom) {
      const dayBefore = addDays(due, -1);
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.max would turn them into NaN.
      dataTo = dayBefore < dataFrom ? dataFrom : dayBefore;
    }
  }
  return { dataFrom, dataTo };
};

/**
 * Generates the periods of a regime for a span of years. Ad hoc regimes have no calendar: their
 * periods are created one by one when a report is requested.
 *
 * @param regime - frequency, due rule and closing day
 * @param fromYear - first year (inclusive)
 * @param toYear - last year (inclusive)
 * @returns the periods in order
 */
export const generatePeriods = (regime: Regime, fromYear: number, toYear: number): Period[] => {
  if (regime.frequency === 'adhoc') return [];
  const periods: Period[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    periodShapes(regime.frequency, year).forEach((shape, index) => {
      const start = iso(year, shape.startMonth, 1);
      const endMonth = shape.startMonth + shape.months - 1;
      const end = endOfMonth(year, endMonth);
      const dueDate = dueDateOf(regime.dueRule, index, end);
      periods.push({
        key: shape.key,
        label: shape.label,
        start,
        end,
        dueDate,
        ...dataWindow(year, shape.startMonth, end, dueDate, regime.closingDay),
      });
    });
  }
  return periods;
};

/**
 * Reads a printed due clause: "trước ngày 30/11" → fixed date 11-30; "trong 5 ngày làm việc sau khi
 * kết thúc kỳ" → 5 working days after the period. Used to set a regime up from an imported plan.
 *
 * @returns the rule, or null when the clause names none
 */
export const parseDueRule = (text: string): DueRule | null => {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  const after = /(\d{1,2})\s*ngay\s*(lam viec)?\s*(sau|ke tu)/.exec(folded);
  if (after?.[1]) return { kind: 'afterPeriodEnd', days: Number(after[1]), workingDays: Boolean(after[2]) };
  const dates = [...folded.matchAll(/(?:ngay\s*)?(\d{1,2})\s*\/\s*(\d{1,2})(?!\s*\/\s*\d)/g)]
    .map((match) => `${pad(Number(match[2]))}-${pad(Number(match[1]))}`)
    .filter((monthDay) => isRealDate(`2028-${monthDay}`));
  return dates.length > 0 ? { kind: 'fixedDates', dates } : null;
};
