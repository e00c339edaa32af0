/**
 * The figures of indicators, one set of rules for the report form, the server, the Excel template and
 * the roll-ups:
 *
 * (a) Numbers as Vietnamese officers type them: "." groups thousands, "," marks decimals ("1.710" is
 *     1710, "1.234,5" is 1234.5, "12,5" is 12.5). Spaces (also no-break spaces) may group thousands too,
 *     and a trailing "%" is allowed. A form that could be read two ways is refused with a message, never
 *     guessed: "12.5" (a dot not followed by exactly three digits) asks for "12,5".
 * (b) The value a numerator and a denominator stand for (× 100 for a % indicator), rounded to 2 decimals.
 * (c) The range a value may take: 0–100 for %, never negative (counts, ranks, rates), at most
 *     {@link MAX_DIGITS} digits so a double keeps it exactly.
 *
 * Nothing here changes a figure: every function either returns the number that was meant or says why not.
 */

/** Digits a figure may have in all (integer and decimal parts): what a double holds exactly. */
export const MAX_DIGITS = 15;
/** Decimal places a typed figure may have. */
export const MAX_FRACTION_DIGITS = 4;
/** The largest magnitude a figure may have (15 nines). */
export const MAX_MAGNITUDE = 10 ** MAX_DIGITS - 1;

export type NumberParse = { ok: true; value: number | null } | { ok: false; message: string };

const GROUP_SPACES = /[\s\u00a0\u202f\u2007]+/g;
const MINUS = /^[-\u2212\u2013]/;

/**
 * Reads a number typed the Vietnamese way.
 *
 * @param raw - what was typed (or the text of a spreadsheet cell)
 * @param options.allowPercent - whether a trailing "%" may follow the number (default true)
 * @returns the number (null for an empty text), or a message in Vietnamese saying how to write it
 */
export const parseVietnameseNumber = (
  raw: string | null | undefined,
  options: { allowPercent?: boolean } = {},
): NumberParse => {
  const allowPercent = options.allowPercent ?? true;
  let text = (raw ?? '').normalize('NFC').trim();
  if (text === '') return { ok: true, value: null };
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const refuse = (message: string): NumberParse => ({ ok: false, message });
  if (allowPercent && text.endsWith('%')) text = text.slice(0, -1).trim();
  let negative = false;
  if (MINUS.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) text = text.slice(1).trim();
  // Group separators: spaces between digit groups are written as dots from here on.
  const spaced = text.replace(GROUP_SPACES, ' ');
  if (/\s/.test(spaced) && /\./.test(spaced))
    return refuse(
      `"${shown}" trộn dấu cách và dấu chấm để phân cách hàng nghìn. Hãy viết ví dụ "1.234.567".`,
    );
  text = spaced.replace(/ /g, '.');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text))
    return refuse(`"${shown}" không phải là một số. Hãy nhập chữ số, ví dụ "1.710" hoặc "12,5".`);
  const commas = text.split(',').length - 1;
  if (commas > 1)
    return refuse(
      `"${shown}" có nhiều dấu phẩy. Dấu phẩy chỉ dùng cho phần thập phân (ví dụ "1.234,5"); hàng nghìn phân cách bằng dấu chấm.`,
    );
  const [integerPart = '', fractionPart] = text.split(',');
  if (fractionPart !== undefined && !/^\d+$/.test(fractionPart))
    return refuse(`"${shown}": sau dấu phẩy thập phân phải là chữ số, ví dụ "1.234,5".`);
  if (integerPart === '') return refuse(`"${shown}": hãy viết số 0 trước dấu phẩy, ví dụ "0,5".`);
  let digits: string;
  if (integerPart.includes('.')) {
    const groups = integerPart.split('.');
    const wellGrouped =
      /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
    if (!wellGrouped) {
      if (
        fractionPart === undefined &&
        groups.length === 2 &&
        /^\d+$/.test(groups[0]!) &&
        /^\d+$/.test(groups[1]!)
      )
        return refuse(
          `"${shown}": dấu chấm dùng để phân cách hàng nghìn. Số thập phân viết bằng dấu phẩy, ví dụ "${groups[0]},${groups[1]}".`,
        );
      return refuse(
        `"${shown}": hàng nghìn phân cách bằng dấu chấm theo từng nhóm 3 chữ số (ví dụ "1.234.567"), phần thập phân sau dấu phẩy.`,
      );
    }
    digits = groups.join('');
  } else digits = integerPart;
  const fraction = fractionPart ?? '';
  if (fraction.length > MAX_FRACTION_DIGITS)
    return refuse(
      `"${shown}" có quá nhiều chữ số thập phân: tối đa ${MAX_FRACTION_DIGITS} chữ số sau dấu phẩy.`,
    );
  const significant = digits.replace(/^0+(?=\d)/, '');
  if (significant.length + fraction.length > MAX_DIGITS)
    return refuse(`"${shown}" có quá nhiều chữ số: tối đa ${MAX_DIGITS} chữ số.`);
  const value = Number(`${digits}${fraction ? `.${fraction}` : ''}`);
  return { ok: true, value: negative && value !== 0 ? -value : value };
};

/**
 * Writes a number the Vietnamese way ("1.234,5"), as {@link parseVietnameseNumber} reads it back.
 *
 * @param value - the number; null gives ""
 * @param maxFractionDigits - decimal places kept at most (trailing zeros are dropped)
 */
export const formatVietnameseNumber = (
  value: number | null | undefined,
  maxFractionDigits: number = MAX_FRACTION_DIGITS,
): string => {
  if (value == null || !Number.isFinite(value)) return '';
  // A double holds 15 digits exactly: decimals beyond them would be noise of the binary form.
  const integerDigits = Math.trunc(Math.abs(value)).toFixed(0).length;
  const fixed = Math.abs(value).toFixed(Math.max(0, Math.min(maxFractionDigits, MAX_DIGITS - integerDigits)));
  const [integer = '0', fraction = ''] = fixed.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = fraction.replace(/0+$/, '');
  const text = decimals ? `${grouped},${decimals}` : grouped;
  return value < 0 && text !== '0' ? `-${text}` : text;
};

/** Whether an indicator's unit is a percentage ("%", with spaces around or not). */
export const isPercentUnit = (unit: string | null | undefined): boolean =>
  (unit ?? '').replace(/\s+/g, '') === '%';

/**
 * The rate a numerator and a denominator stand for: a percentage for a % indicator, a plain quotient
 * otherwise; null unless both are there and the denominator is above 0. Not rounded (roll-ups sum first).
 */
export const rateOf = (
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  isPercent: boolean,
): number | null => {
  if (numerator == null || denominator == null || !(denominator > 0)) return null;
  return isPercent ? (numerator / denominator) * 100 : numerator / denominator;
};

/** Rounds to 2 decimals, as reports show a computed rate. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The value a numerator and a denominator give, rounded to 2 decimals (null when they give none). */
export const valueFromFraction = (
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  isPercent: boolean,
): number | null => {
  const rate = rateOf(numerator, denominator, isPercent);
  return rate == null ? null : round2(rate);
};

/** Whether a typed value agrees with the value its numerator and denominator give (within rounding). */
export const valueMatchesFraction = (value: number, computed: number, isPercent: boolean): boolean =>
  Math.abs(value - computed) <= 0.05 * (isPercent ? 1 : Math.abs(computed) || 1);

export type ValueField = 'value' | 'numerator' | 'denominator';

/** Why a figure cannot be kept as it is, or null when it can. */
const checkMagnitude = (value: number): string | null =>
  !Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE
    ? `Số quá lớn: tối đa ${MAX_DIGITS} chữ số`
    : null;

/**
 * Checks one figure of an indicator against the range its unit allows. Never clamps: the figure is
 * kept or refused.
 *
 * @param field - which figure: the value, or the numerator or denominator it is computed from
 * @returns a message (Vietnamese) or null when the figure is allowed
 */
export const checkIndicatorFigure = (
  field: ValueField,
  value: number | null | undefined,
  unit: string | null | undefined,
): string | null => {
  if (value == null) return null;
  const tooBig = checkMagnitude(value);
  if (tooBig) return tooBig;
  if (field === 'denominator') return value > 0 ? null : 'Mẫu số phải lớn hơn 0';
  if (field === 'numerator') return value >= 0 ? null : 'Tử số không được âm';
  if (isPercentUnit(unit)) {
    return value < 0 || value > 100 ? 'Chỉ tiêu tính theo %, giá trị phải từ 0 đến 100' : null;
  }
  return value < 0 ? 'Giá trị không được âm' : null;
};

export type FigureProblem = { field: ValueField; message: string };

/** The message of a numerator given without its denominator, or the reverse. */
export const FRACTION_INCOMPLETE_MESSAGE = 'Cần nhập cả tử số và mẫu số (hoặc để trống cả hai)';

/**
 * The figure missing from an incomplete fraction: the denominator of a numerator given alone, or the
 * numerator of a denominator given alone; null when both or neither are given.
 */
export const incompleteFractionField = (
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): 'numerator' | 'denominator' | null =>
  (numerator == null) === (denominator == null) ? null : numerator == null ? 'numerator' : 'denominator';

/**
 * The rule of a numerator and its denominator together: the numerator is a part of the denominator, so
 * it is never above it.
 */
export const checkFraction = (
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): FigureProblem | null =>
  numerator != null && denominator != null && denominator > 0 && numerator > denominator
    ? { field: 'numerator', message: 'Tử số không được lớn hơn mẫu số' }
    : null;

/**
 * Checks the figures of one indicator together: each in its range, the numerator not above the
 * denominator, and a typed value that agrees with its fraction.
 *
 * @returns the value to keep (computed from the fraction when none was typed) and the problems found
 */
export const checkIndicatorFigures = (
  row: { value: number | null; numerator: number | null; denominator: number | null },
  unit: string | null | undefined,
): { value: number | null; problems: FigureProblem[] } => {
  const problems: FigureProblem[] = [];
  for (const field of ['value', 'numerator', 'denominator'] as const) {
    const message = checkIndicatorFigure(field, row[field], unit);
    if (message) problems.push({ field, message });
  }
  const isPercent = isPercentUnit(unit);
  let value = row.value;
  const fraction = checkFraction(row.numerator, row.denominator);
  if (fraction) problems.push(fraction);
  if (row.numerator != null && row.denominator != null && row.denominator > 0) {
    const computed = valueFromFraction(row.numerator, row.denominator, isPercent)!;
    if (value == null) value = computed;
    else if (!valueMatchesFraction(value, computed, isPercent))
      problems.push({
        field: 'value',
        message: `Giá trị ${formatVietnameseNumber(value)} không khớp với tử số/mẫu số (${formatVietnameseNumber(computed)})`,
      });
  }
  return { value, problems };
};

/**
 * Reads a typed figure and checks it in one step, as a form field does.
 *
 * @returns the number (null when empty) or the message to show on the field
 */
export const readIndicatorFigure = (
  field: ValueField,
  text: string,
  unit: string | null | undefined,
): NumberParse => {
  const parsed = parseVietnameseNumber(text, { allowPercent: field === 'value' && isPercentUnit(unit) });
  if (!parsed.ok) return parsed;
  const message = checkIndicatorFigure(field, parsed.value, unit);
  return message ? { ok: false, message } : parsed;
};

/**
 * Whether a value meets a target read by `parseTarget` (core/domain/targets.ts); null when it cannot be
 * told (no value, or a qualitative target).
 */
export const meetsTarget = (
  value: number | null | undefined,
  target: { op: string; value: number | null; valueHigh: number | null },
): boolean | null => {
  if (value == null || target.value == null) return null;
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    case '=':
      return value === target.value;
    case 'range':
      return target.valueHigh == null ? null : value >= target.value && value <= target.valueHigh;
    default:
      return null;
  }
};
