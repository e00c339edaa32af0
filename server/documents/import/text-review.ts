/**
 * Review rules for rows known only from text (a plain or OCR text, a table rebuilt from lines): such a
 * row can be wrong in ways a real table cannot — a word damaged by recognition, a cell lost when the
 * table was flattened, a field never found — so the row is flagged whenever one of these shows:
 * - a word of the name is damaged (`word-context.ts`): the likely spelling from the rest of the
 *   document is put back and the row flagged, saying which word was changed;
 * - an indicator row has fewer filled year cells than the header has years (a cell lost or merged);
 * - an indicator or task row has no lead unit; a task has no deadline it could read;
 * - a lead that runs on into another field ("Văn phòng Đảng ủy. Đơn vị phối hợp: …").
 * The rules only add reasons and flags (and the respelling they name); they never drop a row.
 */

import { foldText } from '@core/domain/text';
import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { respell, suspectWords, type Vocabulary } from './word-context';

type Reviewed = { review?: { confident: boolean; reasons: string[] } | null };

const flag = (row: Reviewed, reason: string): void => {
  const reasons = row.review?.reasons ?? [];
  if (!reasons.includes(reason)) reasons.push(reason);
  row.review = { confident: false, reasons };
};

/** Respells the damaged words of a name from the document's vocabulary and flags the row. */
const reviewName = <T extends Reviewed & { name: string }>(row: T, vocabulary: Vocabulary, what: string) => {
  const suspects = suspectWords(row.name, vocabulary);
  if (!suspects.length) return;
  row.name = respell(row.name, suspects);
  const listed = suspects
    .slice(0, 4)
    .map((s) => (s.likely ? `"${s.word}" (đã sửa thành "${s.likely}")` : `"${s.word}"`))
    .join(', ');
  // Damage found in a name is a sign of more that no rule sees ("tai" for "tài"): the row stays unsure
  // even when every word found was put back.
  flag(row, `${what} có chữ nghi bị lỗi nhận dạng: ${listed}, cần kiểm tra lại`);
};

/** A lead that runs on into another labelled field or sentence. */
const runsOn = (lead: string): boolean =>
  /[.:]\s+\p{Lu}/u.test(lead) || /\b(phoi hop|thoi gian|thoi han|chu tri)\b/.test(foldText(lead));

/**
 * Flags (and respells) the indicator rows of a text-only table that need a person's eye.
 *
 * @param indicators - the indicators, changed in place
 * @param vocabulary - the document's vocabulary
 */
export const reviewTextIndicators = (indicators: TImportedIndicator[], vocabulary: Vocabulary): void => {
  for (const indicator of indicators) {
    reviewName(indicator, vocabulary, 'Tên chỉ tiêu');
    if (/\s%$/.test(indicator.name)) flag(indicator, 'Tên chỉ tiêu lẫn đơn vị tính, cần kiểm tra lại');
    if (!indicator.lead) flag(indicator, 'Không đọc được đơn vị chủ trì');
    else if (runsOn(indicator.lead)) flag(indicator, 'Đơn vị chủ trì lẫn nội dung khác, cần kiểm tra lại');
  }
};

/**
 * Flags (and respells) the tasks read from a text-only table or from bullets of a text.
 *
 * @param tasks - the tasks, changed in place
 * @param vocabulary - the document's vocabulary
 */
export const reviewTextTasks = (tasks: TImportedTask[], vocabulary: Vocabulary): void => {
  for (const task of tasks) {
    reviewName(task, vocabulary, 'Tên nhiệm vụ');
    if (!task.deadline) flag(task, 'Không đọc được thời hạn');
    if (!task.lead) flag(task, 'Không đọc được đơn vị chủ trì');
    else if (runsOn(task.lead)) flag(task, 'Đơn vị chủ trì lẫn nội dung khác, cần kiểm tra lại');
  }
};
