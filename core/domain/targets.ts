/**
 * The meaning of a printed indicator target ("≥ 85%", "Duy trì 100%", "80% - 90%", "Mở rộng ứng dụng").
 *
 * Rules (DOMAIN.md): a plain "70%" means at least 70; "Duy trì 100%" means keep ≥ 100; a range is a
 * range; anything without a single number is a qualitative milestone that a person judges.
 */
import { parseVietnameseNumber } from './indicator-values';
import { foldText, normalizeText } from './text';

export const TARGET_OPS = ['>=', '>', '<=', '<', '=', 'range', 'qualitative'] as const;
export type TargetOp = (typeof TARGET_OPS)[number];

/** First and last year a target may name: plans run from the 2020s to the 2045 vision. */
export const TARGET_YEAR_MIN = 2000;
export const TARGET_YEAR_MAX = 2100;

export type ParsedTarget = {
  op: TargetOp;
  /** The number (for a range, the low end); null for a qualitative target. */
  value: number | null;
  /** The high end of a range; null otherwise. */
  valueHigh: number | null;
};

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;

/**
 * Parses a Vietnamese-printed number: "3,5" and "3.5" are both 3.5, but "1.000" (a dot before exactly three
 * digits) groups thousands, as the figures' rules read it (core/domain/indicator-values.ts).
 */
const toNumber = (text: string): number => {
  if (/^\d{1,3}(?:\.\d{3})+$/.test(text)) {
    const parsed = parseVietnameseNumber(text);
    if (parsed.ok && parsed.value != null) return parsed.value;
  }
  return Number(text.replace(',', '.'));
};

/** Prefix words that do not change the meaning of a lower bound ("Duy trì 100%", "Đạt 100%", "đạt trên"). */
const KEEP_WORDS = /^(duy tri|dat|phan dau|toi thieu|it nhat|tu|tren|hon|khong duoi|tang len|muc)\b\s*/;

const QUALITATIVE: ParsedTarget = { op: 'qualitative', value: null, valueHigh: null };

/**
 * Reads the meaning of a printed target.
 *
 * @param raw - the target as printed in the plan, or null for an empty cell
 * @returns the comparator and value(s); `qualitative` when the text holds no single reading
 *   (e.g. "Mở rộng ứng dụng", "(Chưa có chỉ tiêu 2025)", "100% & 97% CB")
 */
export const parseTarget = (raw: string | null | undefined): ParsedTarget => {
  if (raw == null) return QUALITATIVE;
  const text = normalizeText(raw)
    // Parentheses around a bare figure ("(3%)") do not change its meaning.
    .replace(/^\((.*)\)$/, '$1')
    .replace(/[–—]/g, '-')
    .trim();
  if (!text) return QUALITATIVE;
  // A letter O, l or I glued to digits ("8O%", "1O0", "l00") is a figure misread (OCR): no number is
  // read from it, so a person reads the cell instead of a value ten times too small.
  if (/\d[OoIl|]|(?<!\p{L})[OoIl|]\d/u.test(text)) return QUALITATIVE;
  // Two or more figures joined by "&" / "và" are two measures in one cell: a person judges it.
  const numbers = text.match(/\d+(?:[.,]\d+)?/g) ?? [];
  if (numbers.length === 0) return QUALITATIVE;

  const range = new RegExp(
    String.raw`^(?:từ\s*)?${NUMBER}\s*%?\s*(?:-|đến|tới|~)\s*${NUMBER}\s*%?$`,
    'i',
  ).exec(text);
  if (range?.[1] && range[2]) {
    const low = toNumber(range[1]);
    const high = toNumber(range[2]);
    return { op: 'range', value: Math.min(low, high), valueHigh: Math.max(low, high) };
  }
  if (numbers.length !== 1) return QUALITATIVE;

  const comparator = new RegExp(String.raw`^(≥|>=|≤|<=|>|<|=)?\s*${NUMBER}\s*(%|[^\d\s].{0,24})?$`).exec(
    text,
  );
  if (comparator?.[2]) {
    const symbol = comparator[1];
    const op: TargetOp =
      symbol === '≥' || symbol === '>='
        ? '>='
        : symbol === '≤' || symbol === '<='
          ? '<='
          : (symbol as TargetOp);
    return { op: symbol ? op : '>=', value: toNumber(comparator[2]), valueHigh: null };
  }

  // Word-led forms: "Duy trì 100%", "Đạt 100%", "Dưới 5%", "Tối đa 3%", "Trên 40%".
  const folded = foldText(text);
  const upperWords = /^(duoi|toi da|khong qua|nho hon)\b\s*/;
  const lowerStrict = /^(tren|hon|lon hon)\b\s*/;
  const rest = (pattern: RegExp) => folded.replace(pattern, '');
  const trailingNumber = (s: string) => /^(\d+(?: \d+)?)\s*%?$/.exec(s)?.[1];
  for (const [pattern, op] of [
    [upperWords, '<='],
    [lowerStrict, '>'],
    [KEEP_WORDS, '>='],
  ] as const) {
    if (pattern.test(folded)) {
      const number = trailingNumber(rest(pattern));
      if (number) return { op, value: toNumber(number.replace(' ', '.')), valueHigh: null };
    }
  }
  return QUALITATIVE;
};

/**
 * Tells whether a parsed target is internally consistent (a range must have low ≤ high and both ends).
 *
 * @param target - the op and values to check
 * @returns a problem code, or null when the target is valid
 */
export const checkTargetShape = (target: {
  op: TargetOp;
  value: number | null;
  valueHigh: number | null;
}): 'value_required' | 'range_needs_both_ends' | 'range_low_above_high' | 'qualitative_has_value' | null => {
  if (target.op === 'qualitative')
    return target.value == null && target.valueHigh == null ? null : 'qualitative_has_value';
  if (target.op === 'range') {
    if (target.value == null || target.valueHigh == null) return 'range_needs_both_ends';
    return target.value > target.valueHigh ? 'range_low_above_high' : null;
  }
  return target.value == null ? 'value_required' : null;
};

/**
 * Prints a target for display when no printed text is kept ("≥ 85", "80 - 90").
 *
 * @param target - the op and values
 * @param unit - the indicator's unit, appended when it is "%"
 * @returns a short human reading
 */
export const formatTarget = (
  target: { op: TargetOp; value: number | null; valueHigh: number | null },
  unit?: string | null,
): string => {
  const suffix = unit === '%' ? '%' : '';
  if (target.op === 'qualitative' || target.value == null) return '';
  if (target.op === 'range') return `${target.value}${suffix} - ${target.valueHigh}${suffix}`;
  const symbol = target.op === '>=' ? '≥' : target.op === '<=' ? '≤' : target.op;
  return `${symbol} ${target.value}${suffix}`;
};
