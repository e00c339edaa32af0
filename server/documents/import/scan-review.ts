/**
 * Review rules for rows whose words were recognised from an image (a scan, a photo) and read on a real
 * table grid. The grid keeps the cells apart, but every word went through OCR, and OCR damages words in
 * ways that leave a valid-looking row: a letter lost ("phi đ a giới"), a mark changed ("Dan số"), a
 * comparator misread ("= 80%" for "≥ 80%"). A row is certain only when every cell passed these checks:
 * - every lower-case word of the name and of the lead is a Vietnamese syllable, and no word is a rare
 *   spelling of one the document prints beside the same neighbours (`word-context.ts`);
 * - an indicator's name is spelt as the catalog indicator it matched, beside the same neighbours;
 * - every target's comparator is one OCR reads reliably: "=" before a figure is most often a "≥" whose
 *   lower stroke was lost, and a plan rarely prints "=" before a target.
 * The rules only add reasons and flags: no word is changed (the likely spelling is only offered).
 */
import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { catalogTexts } from './catalog-matcher';
import { isVietnameseSyllable } from './ocr-evidence';
import { catalogSuspects, type SuspectWord, suspectWords, type Vocabulary } from './word-context';

type Reviewed = { review?: { confident: boolean; reasons: string[] } | null };

const flag = (row: Reviewed, reason: string): void => {
  const reasons = row.review?.reasons ?? [];
  if (!reasons.includes(reason)) reasons.push(reason);
  row.review = { confident: false, reasons };
};

/**
 * The words of a text that cannot be right as recognised: a lower-case word that is no Vietnamese
 * syllable (a lone "đ" left of "địa", "tiéu"), or a word the document's context shows damaged.
 *
 * @param text - a cell's text (a name, a unit)
 * @param vocabulary - the document's vocabulary; null when the text review already compared the words
 *   with their context (then only the words that are no syllable are looked for)
 * @returns the suspect words, each with the spelling the context offers (if any)
 */
export const recognisedSuspects = (text: string, vocabulary: Vocabulary | null): SuspectWord[] => {
  const out = vocabulary ? suspectWords(text, vocabulary) : [];
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
    if (!word || !/^\p{Ll}/u.test(word) || out.some((suspect) => suspect.word === word)) continue;
    if (!isVietnameseSyllable(word)) out.push({ word, likely: null });
  }
  return out;
};

const listed = (suspects: readonly SuspectWord[]): string =>
  suspects
    .slice(0, 4)
    .map((s) => (s.likely || s.maybe ? `"${s.word}" (có thể là "${s.likely ?? s.maybe}")` : `"${s.word}"`))
    .join(', ');

/** A comparator OCR misreads: "=" before a figure (a "≥" that lost its lower stroke). */
const DOUBTFUL_COMPARATOR = /^=\s*\d/;

const reviewCell = (
  row: Reviewed,
  text: string | null,
  vocabulary: Vocabulary | null,
  what: string,
): void => {
  if (!text) return;
  const suspects = recognisedSuspects(text, vocabulary);
  if (suspects.length)
    flag(row, `${what} có chữ đọc từ ảnh quét không chắc: ${listed(suspects)}, cần đối chiếu bản gốc`);
};

/**
 * Flags the indicator and task rows of a recognised document whose cells did not pass the checks above.
 *
 * @param indicators - the indicators, changed in place (flags and reasons only)
 * @param tasks - the tasks, changed in place (flags and reasons only)
 * @param vocabulary - the document's vocabulary; null when the rows had the text review
 *   (`text-review.ts`), which already compared their words with the context and the catalog
 */
export const reviewRecognisedRows = (
  indicators: TImportedIndicator[],
  tasks: TImportedTask[],
  vocabulary: Vocabulary | null,
): void => {
  for (const indicator of indicators) {
    reviewCell(indicator, indicator.name, vocabulary, 'Tên chỉ tiêu');
    reviewCell(indicator, indicator.lead, vocabulary, 'Đơn vị chủ trì');
    const unlikeCatalog =
      vocabulary && indicator.catalogCode
        ? catalogSuspects(indicator.name, catalogTexts(indicator.catalogCode))
        : [];
    if (unlikeCatalog.length)
      flag(
        indicator,
        `Tên chỉ tiêu có chữ viết khác danh mục chỉ tiêu chuẩn: ${listed(unlikeCatalog)}, cần đối chiếu bản gốc`,
      );
    for (const target of indicator.targets)
      if (target.raw && DOUBTFUL_COMPARATOR.test(target.raw.trim()))
        flag(
          indicator,
          `Dấu so sánh của giá trị năm ${target.year} ("${target.raw}") đọc từ ảnh quét không chắc (có thể là "≥"), cần đối chiếu bản gốc`,
        );
  }
  for (const task of tasks) {
    reviewCell(task, task.name, vocabulary, 'Tên nhiệm vụ');
    reviewCell(task, task.lead, vocabulary, 'Đơn vị chủ trì');
  }
};
