/**
 * Stage headings of a stage table ("Mục tiêu đến năm 2030", "Giai đoạn 2026 – 2030", "Đến năm 2035"), as
 * printed and as OCR damages them: any case, words reordered or separated by specks ("đến năm 2030 i Mục
 * tiêu"), a year printed with letters ("2O30"). No wording of a particular plan: only the words a stage
 * heading is made of.
 */

import { readDamagedYears } from './text-row-markers';
import { foldKeepingPositions } from './text-table-labels';

/** The words a stage heading is made of (folded), besides its years. */
const HEADING_WORDS = new Set([
  'muc',
  'tieu',
  'chi',
  'den',
  'het',
  'nam',
  'giai',
  'doan',
  'tu',
  'tam',
  'nhin',
  'va',
]);

const YEAR_WORD = /^20[2-6]\d$/;

/** Folded text of one character per printed character (positions kept), damaged years read. */
const foldedOf = (text: string): string => foldKeepingPositions(readDamagedYears(text));

/**
 * The year of a line that is only a stage heading, whatever its case and word order, with at most two
 * specks of OCR noise (a token of one or two letters); null when the line says anything else.
 *
 * @param text - a line or cell as printed
 * @returns the heading's (last) year, or null
 */
export const stageHeadingYear = (text: string): number | null => {
  const tokens = foldedOf(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const years = tokens.filter((token) => YEAR_WORD.test(token));
  if (!years.length || years.length > 2) return null;
  const words = new Set(tokens);
  const anchored = words.has('den') || (words.has('giai') && words.has('doan')) || words.has('nam');
  if (!anchored) return null;
  const unknown = tokens.filter((token) => !YEAR_WORD.test(token) && !HEADING_WORDS.has(token));
  if (unknown.length > 2 || unknown.some((token) => token.length > 2 || /\d/.test(token))) return null;
  return Number(years.at(-1));
};

/** "(mục tiêu) đến (hết) năm 2030", "giai đoạn 2026 - 2030", folded. */
const HEADING_IN_TEXT =
  /(?:^|[^a-z0-9])((?:muc tieu |chi tieu )?(?:den (?:het )?nam|giai doan(?: nam)?) (20[2-6]\d)(?:\s*[-–]\s*(20[2-6]\d))?)(?![a-z0-9])/g;

/**
 * Where a stage heading stands inside a longer text (a row's name into which a heading was glued when
 * the table rule between them was not seen).
 *
 * @param text - a cell as printed
 * @returns the first such heading's start (in `text`), its year, and whether all the text from there on
 *   is only that heading (then the text can be cut there); null when there is none after the text's start
 */
export const stageHeadingInside = (
  text: string,
): { index: number; year: number; tailOnly: boolean } | null => {
  const folded = foldedOf(text);
  for (const match of folded.matchAll(HEADING_IN_TEXT)) {
    const start = (match.index ?? 0) + folded.slice(match.index ?? 0).indexOf(match[1] ?? '');
    if (start === 0) continue; // the text is a heading itself, not a heading inside a text
    const year = Number(match[3] ?? match[2]);
    return { index: start, year, tailOnly: stageHeadingYear(text.slice(start)) !== null };
  }
  return null;
};

/**
 * What the stage headings seen and the stage rows read say against each other, over all stage tables of
 * a document. A stage whose heading was not read puts its rows into the stage above, so:
 * - an indicator with two rows in one stage (`duplicated`) makes every value of that stage doubtful (any
 *   of them may be the next stage's);
 * - a stage missing from an even run of headings (2025, 2035, 2040 … where every other step is 5 years)
 *   makes the values of the stage before the gap doubtful; the last step is left alone (a far vision
 *   year, "2030, 2045", is common);
 * - a heading seen twice, or one going back in time, makes both its stages doubtful.
 *
 * @param headingYears - the stage years in the order their headings were read
 * @param duplicated - the stage years in which some indicator had two rows
 * @returns the doubtful stage years, each with the reason to show
 */
export const stageDoubts = (
  headingYears: readonly number[],
  duplicated: ReadonlySet<number>,
): Map<number, string> => {
  const doubts = new Map<number, string>();
  for (const year of duplicated)
    doubts.set(
      year,
      `Giai đoạn năm ${year} có chỉ tiêu hai dòng: có thể một tiêu đề giai đoạn không đọc được và giá trị này thuộc giai đoạn sau, cần kiểm tra lại`,
    );
  headingYears.forEach((year, i) => {
    const before = headingYears[i - 1];
    if (before !== undefined && year <= before)
      for (const y of [before, year])
        if (!doubts.has(y))
          doubts.set(y, `Tiêu đề giai đoạn năm ${y} không theo thứ tự các giai đoạn, cần kiểm tra lại`);
  });
  const years = [...new Set(headingYears)].sort((a, b) => a - b);
  if (years.length >= 3) {
    const steps = years.slice(1).map((year, i) => year - (years[i] as number));
    const step = Math.min(...steps);
    steps.slice(0, -1).forEach((gap, i) => {
      const year = years[i] as number;
      if (step > 0 && gap > step && gap % step === 0 && !doubts.has(year))
        doubts.set(
          year,
          `Không thấy tiêu đề giai đoạn năm ${year + step} (giữa ${year} và ${year + gap}): các dòng của giai đoạn đó có thể đã bị tính vào năm ${year}, cần kiểm tra lại`,
        );
    });
  }
  return doubts;
};
