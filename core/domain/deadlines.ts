/**
 * The meaning of a printed task deadline ("Trong Quý IV/2025", "Tháng 10/2025", "Hằng năm",
 * "Thường xuyên", "Theo yêu cầu", "Theo lộ trình tại Phụ lục I"). The printed text is always kept
 * beside the meaning; this module only reads it.
 */
import { foldText, normalizeText } from './text';

/**
 * Whole days from one calendar day to another ("YYYY-MM-DD"): negative when `to` is earlier. The one
 * date difference of the app (days left to a due date, the position on a target path).
 */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const DEADLINE_KINDS = ['by', 'recurring', 'ongoing', 'onRequest', 'schedule'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const RECURRENCES = ['year', 'half', 'quarter', 'month'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export type ParsedDeadline =
  | { kind: 'by'; date: string }
  | { kind: 'recurring'; every: Recurrence; date?: string }
  | { kind: 'ongoing' }
  | { kind: 'onRequest' }
  | { kind: 'schedule' };

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The last day of a month as an ISO date.
 *
 * @param year - four-digit year
 * @param month - 1…12
 * @returns "YYYY-MM-DD"
 */
export const endOfMonth = (year: number, month: number): string => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
};

/**
 * Tells whether an ISO date string names a real calendar day (no 31/02).
 *
 * @param iso - "YYYY-MM-DD"
 * @returns true for a real day
 */
export const isRealDate = (iso: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const isYear = (n: number) => n >= 1990 && n <= 2100;

/**
 * Reads the meaning of a printed deadline.
 *
 * Quarters end on 31/3, 30/6, 30/9 and 31/12 (SCHEMA.md); a month or a year means its last day.
 * "12/2025 và các năm tiếp theo" is a yearly task whose first deadline is 31/12/2025.
 *
 * @param raw - the deadline as printed, or null
 * @returns the meaning, or null when the text names no deadline that can be read
 */
export const parseDeadline = (raw: string | null | undefined): ParsedDeadline | null => {
  if (raw == null) return null;
  const text = normalizeText(raw);
  const folded = foldText(text);
  if (!folded) return null;

  const recurringNext = /(cac nam tiep theo|hang nam tiep theo|cac nam sau)/.test(folded);
  const firstDate = readDate(folded);
  if (firstDate && recurringNext) return { kind: 'recurring', every: 'year', date: firstDate };
  if (firstDate) return { kind: 'by', date: firstDate };

  if (/\b(hang|hng|moi) nam\b|\bdinh ky (hang )?nam\b|\bhang nam\b/.test(folded))
    return { kind: 'recurring', every: 'year' };
  if (/\b(hang|moi) quy\b|\bdinh ky (hang )?quy\b/.test(folded))
    return { kind: 'recurring', every: 'quarter' };
  if (/\b(hang|moi) thang\b|\bdinh ky (hang )?thang\b/.test(folded))
    return { kind: 'recurring', every: 'month' };
  if (/\b(6 thang|sau thang) (mot lan|1 lan)\b|\bhang nua nam\b/.test(folded))
    return { kind: 'recurring', every: 'half' };
  if (/\bthuong xuyen\b|\blien tuc\b/.test(folded)) return { kind: 'ongoing' };
  if (/\btheo yeu cau\b|\bkhi co yeu cau\b|\bdot xuat\b/.test(folded)) return { kind: 'onRequest' };
  if (/\btheo lo trinh\b|\bphu luc\b|\btheo tien do\b|\btheo ke hoach\b/.test(folded))
    return { kind: 'schedule' };
  return null;
};

/** Finds the first date the folded text names: a day, a quarter, a half, a month or a year. */
const readDate = (folded: string): string | null => {
  const day = /\b(\d{1,2}) (\d{1,2}) (\d{4})\b/.exec(folded);
  if (day) {
    const iso = `${day[3]}-${pad(Number(day[2]))}-${pad(Number(day[1]))}`;
    if (isRealDate(iso)) return iso;
  }
  const quarter = /\bquy (iv|iii|ii|i|[1-4])(?: nam)? (\d{4})\b/.exec(folded);
  if (quarter?.[1] && quarter[2] && isYear(Number(quarter[2]))) {
    return endOfMonth(Number(quarter[2]), (ROMAN_QUARTERS[quarter[1]] ?? 4) * 3);
  }
  const half = /\b(6 thang (dau|cuoi)|nua dau|nua cuoi)(?: nam)? (\d{4})\b/.exec(folded);
  if (half?.[3] && isYear(Number(half[3]))) {
    return endOfMonth(Number(half[3]), /dau/.test(half[1] ?? '') ? 6 : 12);
  }
  const month = /\b(?:thang )?(\d{1,2})(?: nam)? (\d{4})\b/.exec(folded);
  if (month?.[1] && month[2] && Number(month[1]) >= 1 && Number(month[1]) <= 12 && isYear(Number(month[2]))) {
    return endOfMonth(Number(month[2]), Number(month[1]));
  }
  const year = /\bnam (\d{4})\b|^(?:truoc |den |trong )?(\d{4})$/.exec(folded);
  const yearNumber = Number(year?.[1] ?? year?.[2]);
  if (year && isYear(yearNumber)) return `${yearNumber}-12-31`;
  return null;
};

/**
 * A short Vietnamese reading of a deadline for display when no printed text is kept.
 *
 * @param deadline - the meaning
 * @returns e.g. "31/12/2025", "Hằng năm", "Thường xuyên"
 */
export const describeDeadline = (deadline: ParsedDeadline | null): string => {
  if (!deadline) return '';
  switch (deadline.kind) {
    case 'by':
      return formatDateVi(deadline.date);
    case 'recurring':
      return { year: 'Hằng năm', half: '6 tháng một lần', quarter: 'Hằng quý', month: 'Hằng tháng' }[
        deadline.every
      ];
    case 'ongoing':
      return 'Thường xuyên';
    case 'onRequest':
      return 'Theo yêu cầu';
    case 'schedule':
      return 'Theo lộ trình';
  }
};

/**
 * Formats an ISO date as Vietnamese users write it.
 *
 * @param iso - "YYYY-MM-DD" (a longer ISO timestamp is cut to its date)
 * @returns "dd/mm/yyyy", or "" for a missing date
 */
export const formatDateVi = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
};

/**
 * The calendar day in Vietnam (UTC+7, no daylight saving) at an instant: what "submitted on time"
 * and "overdue" are judged on.
 *
 * @param instant - a moment
 * @returns "YYYY-MM-DD"
 */
export const vietnamDateOf = (instant: Date): string =>
  new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
