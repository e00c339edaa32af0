/**
 * Review rules for rows known only from text (a plain or OCR text, a table rebuilt from lines): such a
 * row can be wrong in ways a real table cannot — a word damaged by recognition, a cell lost when the
 * table was flattened, a field never found — so the row is flagged whenever one of these shows:
 * - a word of the name is damaged (`word-context.ts`): the likely spelling from the rest of the
 *   document is put back and the row flagged, saying which word was changed;
 * - an indicator row has fewer filled year cells than the header has years (a cell lost or merged);
 * - an indicator or task row has no lead unit; a task has no deadline it could read;
 * - a lead that runs on into another field ("Văn phòng Đảng ủy. Đơn vị phối hợp: …") or is cut short
 *   or runs on compared with the other rows' leads;
 * - an indicator whose year cells mix figures and words;
 * - a partner that runs on into another field ("Văn phòng UBND. Thời gian hoàn thành: …");
 * - an indicator name with a word spelt unlike the catalog indicator it matched, beside the same
 *   neighbours ("Dan số" where the catalog prints "Dân số"): the catalog's spelling is only offered.
 * The rules only add reasons and flags (and the respelling they name); they never drop a row.
 */

import { foldText } from '@core/domain/text';
import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { catalogTexts } from './catalog-matcher';
import { catalogSuspects, respell, type SuspectWord, suspectWords, type Vocabulary } from './word-context';

type Reviewed = { review?: { confident: boolean; reasons: string[] } | null };

const flag = (row: Reviewed, reason: string): void => {
  const reasons = row.review?.reasons ?? [];
  if (!reasons.includes(reason)) reasons.push(reason);
  row.review = { confident: false, reasons };
};

/** The suspect words of a text, listed for a reason ("tai" (có thể là "tài"), "eông"). */
const listSuspects = (suspects: readonly SuspectWord[]): string =>
  suspects
    .slice(0, 4)
    .map((s) =>
      s.likely
        ? `"${s.word}" (đã sửa thành "${s.likely}")`
        : s.maybe
          ? `"${s.word}" (có thể là "${s.maybe}")`
          : `"${s.word}"`,
    )
    .join(', ');

/** Respells the damaged words of a name from the document's vocabulary and flags the row. */
const reviewName = <T extends Reviewed & { name: string }>(row: T, vocabulary: Vocabulary, what: string) => {
  const suspects = suspectWords(row.name, vocabulary);
  if (!suspects.length) return;
  row.name = respell(row.name, suspects);
  const listed = listSuspects(suspects);
  // Damage found in a name is a sign of more that no rule sees ("tai" for "tài"): the row stays unsure
  // even when every word found was put back.
  flag(row, `${what} có chữ nghi bị lỗi nhận dạng: ${listed}, cần kiểm tra lại`);
};

/** A lead that runs on into another labelled field or sentence. */
const runsOn = (lead: string): boolean =>
  /[.:]\s+\p{Lu}/u.test(lead) || /\b(phoi hop|thoi gian|thoi han|chu tri)\b/.test(foldText(lead));

const words = (text: string): string[] =>
  foldText(text)
    .split(/[^a-z0-9&]+/)
    .filter(Boolean);

/**
 * Tells whether a lead is cut short or runs on into the next cell, compared with the leads the other
 * rows print more often: a lead that is the start of a commoner one ("Phòng Văn" beside "Phòng Văn hóa
 * - Xã hội"), or a commoner lead followed by more words ("Văn phòng HĐND&UBND MTTQ và các đoàn" beside
 * "Văn phòng HĐND&UBND"). The commoner spelling is the unit; the rarer is the damaged reading.
 *
 * @param lead - the row's lead
 * @param leads - the leads of every row of the draft
 * @returns true when the lead does not stand as a unit of its own
 */
export const leadCutOrRunOn = (lead: string, leads: readonly string[]): boolean => {
  const own = words(lead);
  const counts = new Map<string, number>();
  for (const other of leads) {
    const key = words(other).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ownCount = counts.get(own.join(' ')) ?? 0;
  for (const [key, count] of counts) {
    const theirs = key.split(' ');
    if (theirs.length === own.length || count < 2 || count <= ownCount) continue;
    const [short, long] = theirs.length < own.length ? [theirs, own] : [own, theirs];
    if (short.length > 0 && short.every((word, index) => long[index] === word)) return true;
  }
  return false;
};

/**
 * The spelling the other rows print more often for the same letters, when a lead is spelt otherwise
 * ("Phòng Văn hoa - Xã hội" beside "Phòng Văn hóa - Xã hội" three times): the rarer spelling lost or
 * changed a mark. Null when the lead is the commonest spelling of its letters.
 */
export const commonerSpelling = (lead: string, leads: readonly string[]): string | null => {
  const key = foldText(lead);
  const spellings = new Map<string, number>();
  for (const other of leads)
    if (foldText(other) === key) {
      const printed = other.normalize('NFC').replace(/\s+/g, ' ').trim();
      spellings.set(printed, (spellings.get(printed) ?? 0) + 1);
    }
  const own = spellings.get(lead.normalize('NFC').replace(/\s+/g, ' ').trim()) ?? 0;
  const [best, count] = [...spellings].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return best && count > own ? best : null;
};

/**
 * Flags a row without a lead, or whose lead runs on, is cut, is spelt unlike the other rows or holds a
 * damaged word ("Trung tâm phục vụ hành chính eông"; a word the context shows is put back, as in names).
 */
const reviewLead = (
  row: Reviewed & { lead: string | null },
  leads: readonly string[],
  vocabulary: Vocabulary,
): void => {
  if (!row.lead) flag(row, 'Không đọc được đơn vị chủ trì');
  else if (runsOn(row.lead) || leadCutOrRunOn(row.lead, leads))
    flag(row, 'Đơn vị chủ trì có vẻ bị cắt hoặc lẫn ô khác, cần kiểm tra lại');
  else {
    const commoner = commonerSpelling(row.lead, leads);
    if (commoner)
      flag(
        row,
        `Đơn vị chủ trì "${row.lead}" có chữ nghi bị lỗi nhận dạng (các dòng khác in "${commoner}"), cần kiểm tra lại`,
      );
    else {
      const suspects = suspectWords(row.lead, vocabulary);
      if (suspects.length) {
        row.lead = respell(row.lead, suspects);
        flag(row, `Đơn vị chủ trì có chữ nghi bị lỗi nhận dạng: ${listSuspects(suspects)}, cần kiểm tra lại`);
      }
    }
  }
};

/** Flags a row one of whose partners runs on into another field ("Văn phòng HĐND&UBND. Thời gian: …"). */
const reviewPartners = (row: Reviewed & { coordinating: readonly string[] }): void => {
  if (row.coordinating.some(runsOn)) flag(row, 'Đơn vị phối hợp có vẻ lẫn ô hoặc mục khác, cần kiểm tra lại');
};

/** The leads of a draft's rows, to compare each lead with the others. */
const leadsOf = (rows: ReadonlyArray<{ lead: string | null }>): string[] =>
  rows.flatMap((row) => (row.lead ? [row.lead] : []));

/**
 * Flags (and respells) the indicator rows of a text-only table that need a person's eye.
 *
 * @param indicators - the indicators, changed in place
 * @param vocabulary - the document's vocabulary
 * @param leads - the leads of every row of the draft (indicators and tasks)
 */
export const reviewTextIndicators = (
  indicators: TImportedIndicator[],
  vocabulary: Vocabulary,
  leads: readonly string[] = leadsOf(indicators),
): void => {
  for (const indicator of indicators) {
    reviewName(indicator, vocabulary, 'Tên chỉ tiêu');
    const unlikeCatalog = indicator.catalogCode
      ? catalogSuspects(indicator.name, catalogTexts(indicator.catalogCode))
      : [];
    if (unlikeCatalog.length)
      flag(
        indicator,
        `Tên chỉ tiêu có chữ viết khác danh mục chỉ tiêu chuẩn: ${listSuspects(unlikeCatalog)}, cần kiểm tra lại`,
      );
    if (/\s%$/.test(indicator.name)) flag(indicator, 'Tên chỉ tiêu lẫn đơn vị tính, cần kiểm tra lại');
    reviewLead(indicator, leads, vocabulary);
    reviewPartners(indicator);
    // Figures in some year cells and words in others: from flattened text, a cell of another column
    // (a unit, an agency) or a figure lost from its "Duy trì" most often.
    const numeric = indicator.targets.filter((target) => target.value != null).length;
    if (numeric > 0 && numeric < indicator.targets.length)
      flag(indicator, 'Các mốc vừa có số vừa có chữ, cần kiểm tra lại giá trị từng năm');
  }
};

/**
 * Flags (and respells) the tasks read from a text-only table or from bullets of a text.
 *
 * @param tasks - the tasks, changed in place
 * @param vocabulary - the document's vocabulary
 * @param leads - the leads of every row of the draft (indicators and tasks)
 */
export const reviewTextTasks = (
  tasks: TImportedTask[],
  vocabulary: Vocabulary,
  leads: readonly string[] = leadsOf(tasks),
): void => {
  for (const task of tasks) {
    reviewName(task, vocabulary, 'Tên nhiệm vụ');
    if (!task.deadline) flag(task, 'Không đọc được thời hạn');
    reviewLead(task, leads, vocabulary);
    reviewPartners(task);
  }
};
