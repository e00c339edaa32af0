/**
 * The printed numbers of a table's rows: reading one number cell, damaged or not (`readRowNumber`), and
 * mending a run of roman section numerals OCR misread (`repairRomanRun`). Used by the table interpreter.
 */
import { readRoman, romanValue, toRoman } from './structure';
import type { TableRow } from './table-reader';

/** A printed row number read from its cell, also when OCR damaged it ("1O", "l.2", "2,1"). */
export type RowNumber =
  | { kind: 'number'; number: string; damaged: boolean }
  | { kind: 'roman'; roman: string }
  | { kind: 'letter'; letter: string }
  | { kind: 'dash' }
  | { kind: 'none' };

/**
 * Reads a number cell.
 *
 * @param text - the cell text
 * @returns what the cell numbers
 */
export const readRowNumber = (text: string): RowNumber => {
  const t = text.trim().replace(/\s+/g, '');
  if (!t) return { kind: 'none' };
  if (/^[-–—+•*]$/.test(t)) return { kind: 'dash' };
  const plain = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/.exec(t);
  if (plain?.[1]) return { kind: 'number', number: plain[1], damaged: false };
  const roman = /^([IVXLC]{1,6})[.)]?$/.exec(t);
  if (roman?.[1] && readRoman(roman[1])) return { kind: 'roman', roman: roman[1] };
  const letter = /^([A-ZĐ])[.)]?$/u.exec(t);
  if (letter?.[1]) return { kind: 'letter', letter: letter[1] };
  const lower = /^([a-zđ])[.)]?$/u.exec(t);
  if (lower?.[1]) return { kind: 'number', number: lower[1], damaged: false };
  // OCR confusions: O/o for 0, l/I/| for 1, "," for ".".
  const repaired = t.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/,/g, '.');
  const damaged = /^(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$/.exec(repaired);
  if (damaged?.[1] && t.length <= 8) return { kind: 'number', number: damaged[1], damaged: true };
  const ocrRoman = readRoman(t.replace(/[.)]$/, ''));
  if (ocrRoman && t.length <= 6) return { kind: 'roman', roman: ocrRoman };
  return { kind: 'none' };
};

/** A numeral OCR makes of "I": "1", "l", "|". */
const ONE = /^[1lI|][.)]?$/;

/**
 * Reads the roman numerals of headings OCR misread, in a table whose headings run in roman numerals:
 * a heading across the table numbered "H", "u", "m", "Em" where section II, III… is due becomes that
 * section, and its rows say so; a "1" before section II is section I. The run must fit: when a heading
 * read this way is followed by a printed numeral that does not come next, nothing is changed. A section
 * numbered with a mark that is no numeral of any run ("H" with no "G" before it) stays as printed, and
 * its rows say the number is in doubt.
 *
 * @param rows - a table's rows, in order; changed in place
 */
export const repairRomanRun = (rows: TableRow[]): void => {
  const romans = rows.some((row) => row.kind === 'section' && readRoman(row.roman));
  const changes = new Map<number, Extract<TableRow, { kind: 'section' }>>();
  // Sections numbered with a mark that fits no run: kept as printed, their rows say so.
  const unread = new Map<number, string>();
  let pending: number[] = [];
  let expected = 1;
  rows.forEach((row, index) => {
    const printed = row.kind === 'group' ? row.numeral : row.kind === 'section' ? row.roman : undefined;
    if (!printed) return;
    const clean = row.kind === 'section' ? readRoman(row.roman) : null;
    if (clean) {
      const value = romanValue(clean);
      // A run that does not fit: the headings read as misprinted numerals stay as printed.
      if (value !== expected) for (const at of pending) changes.delete(at);
      pending = [];
      expected = value + 1;
      return;
    }
    // Letters that run ("A", "B" or "a", "b") number groups of their own.
    const letter = /^([A-ZĐa-zđ])[.)]?$/u.exec(printed)?.[1];
    const before = rows
      .slice(0, index)
      .findLast((other) => other.kind === 'section' || other.kind === 'group');
    const mark =
      before?.kind === 'section' ? before.roman : before?.kind === 'group' ? before.numeral : undefined;
    const inLetters =
      letter !== undefined &&
      (/^[Aa]$/.test(letter) || (mark !== undefined && mark.charCodeAt(0) + 1 === letter.charCodeAt(0)));
    const misprinted =
      printed.length <= 3 && !inLetters && (!/^\d+$/.test(printed) || (expected === 1 && ONE.test(printed)));
    if (!misprinted) return;
    if (row.kind === 'section') unread.set(index, printed);
    if (!romans) return;
    const roman = toRoman(expected);
    const sure = expected === 1 && ONE.test(printed);
    changes.set(index, {
      kind: 'section',
      roman,
      text: row.kind === 'group' || row.kind === 'section' ? row.text : '',
      ...(!sure && {
        doubt: `Số mục La Mã in không rõ ("${printed}"), đã đọc là ${roman} theo thứ tự các mục`,
      }),
    });
    pending.push(index);
    expected++;
  });
  let doubt: string | undefined;
  rows.forEach((row, index) => {
    const changed = changes.get(index);
    const printed = unread.get(index);
    if (changed) rows[index] = changed;
    else if (printed && row.kind === 'section')
      rows[index] = { ...row, doubt: `Số mục "${printed}" in không rõ, cần kiểm tra lại số thứ tự` };
    const current = rows[index];
    if (current?.kind === 'section') doubt = current.doubt;
    else if (current?.kind === 'row' && doubt) current.reasons = [...(current.reasons ?? []), doubt];
  });
};

/** The place of a row number in its run: the last part of "2.3", a letter's place in the alphabet. */
const placeOf = (number: string): number | null => {
  const last = number.split('.').at(-1) ?? '';
  if (/^\d+$/.test(last)) return Number(last);
  return /^[a-z]$/.test(last) ? last.charCodeAt(0) - 96 : null;
};

/**
 * The column of row numbers found by what its cells hold, not by its label (OCR damages "STT" into
 * "ST 4k", which then reads as another label): the first column left of the name column whose filled
 * cells are mostly row markers (1, 2.1, a, I, OCR's "l0") and whose numbers mostly count on (n then
 * n + 1, or a new run from 1). A column of values ("80", "100", "95") reads as numbers but does not count.
 *
 * @param columns - the body cells of each column, top to bottom
 * @param before - the name column (only columns left of it are looked at); -1 when unknown
 * @returns the column's index, or -1
 */
export const numberColumnByContent = (columns: readonly (readonly string[])[], before: number): number =>
  columns.findIndex((cells, c) => {
    if (before >= 0 && c >= before) return false;
    const filled = cells.map((cell) => cell.trim()).filter(Boolean);
    if (filled.length < 3) return false;
    const read = filled.map(readRowNumber);
    const markers = read.filter((number) => number.kind !== 'none' && number.kind !== 'dash');
    if (markers.length / filled.length < 0.6) return false;
    const places = read.flatMap((number) => {
      const place = number.kind === 'number' ? placeOf(number.number) : null;
      return place === null ? [] : [place];
    });
    const pairs = places.slice(1).map((place, i) => place === 1 || place === (places[i] as number) + 1);
    const countsOn = places.slice(1).some((place, i) => place === (places[i] as number) + 1);
    return countsOn && pairs.length >= 2 && pairs.filter(Boolean).length / pairs.length >= 0.6;
  });
