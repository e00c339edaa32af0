/**
 * Review rules for rows whose words were recognised from an image (a scan, a photo) and read on a real
 * table grid. The grid keeps the cells apart, but every word went through OCR, and OCR damages words in
 * ways that leave a valid-looking row: a letter lost ("phi đ a giới"), a mark changed ("Dan số"), a
 * comparator misread ("= 80%" for "≥ 80%"). A row is certain only when every cell passed these checks:
 * - every lower-case word of the name and of the lead is a Vietnamese syllable, and no word is a rare
 *   spelling of one the document prints beside the same neighbours (`word-context.ts`), and no lone dash
 *   stands between two words printed side by side ("kỹ - năng");
 * - an indicator's name is spelt as the catalog indicator it matched, beside the same neighbours;
 * - every target's comparator is one OCR reads reliably: "=" before a figure is most often a "≥" whose
 *   lower stroke was lost, and a plan rarely prints "=" before a target.
 * The rules only add reasons and flags: no word is changed (the likely spelling is only offered), except
 * a lead's spacing when OCR broke it and other rows print the same letters spaced as words (the row stays
 * flagged).
 */
import type { TImportedIndicator, TImportedTask } from '@core/schemas/import.schemas';
import { catalogTexts } from './catalog-matcher';
import { isVietnameseSyllable } from './ocr-evidence';
import { BIGRAMS, WORDS } from './ocr-vocabulary';
import { foldOcr } from './structure';
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
  let out = vocabulary ? suspectWords(text, vocabulary) : [];
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}]+/u)) {
    if (!word || !/^\p{Ll}/u.test(word) || out.some((suspect) => suspect.word === word)) continue;
    if (!isVietnameseSyllable(word)) out.push({ word, likely: null });
  }
  for (const mark of strayMarks(text, vocabulary)) if (!out.includes(mark)) out.push(mark);
  // A sign no plan prints in a name or an agency ("… được số hóa ¡", "©)"): OCR's reading of a speck.
  for (const token of text.normalize('NFC').split(/\s+/))
    if (ODD_SIGN.test(token) && !out.some((suspect) => suspect.word === token))
      out.push({ word: token, likely: null });
  // A capital letter alone with a mark on it ("… trực tuyến Ể"): no abbreviation, numeral or word is
  // printed so; OCR's reading of a speck or a stroke.
  for (const word of text.normalize('NFC').split(/[^\p{L}\p{M}]+/u))
    if (/^\p{Lu}$/u.test(word) && /\p{M}/u.test(word.normalize('NFD')))
      if (!out.some((suspect) => suspect.word === word)) out.push({ word, likely: null });
  // A word broken by a lost vowel is reported once, at its first piece, with the likely reading.
  for (const lost of lostVowels(text, vocabulary)) {
    const [first = ''] = lost.parts;
    const at = out.findIndex((suspect) => suspect.word === first);
    const broken: SuspectWord = { word: first, likely: null, maybe: lost.reading };
    out = out.flatMap((suspect, index) =>
      index === at ? [broken] : lost.parts.includes(suspect.word) ? [] : [suspect],
    );
    if (at < 0) out.push(broken);
  }
  return out;
};

/**
 * A character outside what names and agencies are printed with (letters, digits, the usual punctuation,
 * brackets, quotes, comparators, %, &, /, +, #, *).
 */
const ODD_SIGN = /[^\p{L}\p{M}\d\s.,;:!?()[\]"'“”‘’«»%&/+\-–—≥≤<>=#*_]/u;

/** A mark a rule, a cell edge or a speck leaves when OCR reads it alone: a dash, a bar, an underscore. */
const STRAY_MARK = /^[-–—_|~]+$/u;

/** Document pairs seen this often (the row's own text counts once or twice) are the document's wording. */
const PRINTED_PAIR = 3;

/**
 * The lone marks between two lower-case words that the document or the shared wording of plans prints
 * side by side ("kỹ - năng" where "kỹ năng" is printed): a rule or a speck read as a dash inside a name.
 */
const strayMarks = (text: string, vocabulary: Vocabulary | null): SuspectWord[] => {
  const tokens = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const out: SuspectWord[] = [];
  tokens.forEach((token, i) => {
    const before = tokens[i - 1] ?? '';
    const after = tokens[i + 1] ?? '';
    if (!STRAY_MARK.test(token) || !/^\p{Ll}+$/u.test(before) || !/^\p{Ll}+$/u.test(after)) return;
    const printed =
      (vocabulary?.pairs.get(`${before} ${after}`) ?? 0) >= PRINTED_PAIR ||
      BIGRAMS.has(foldOcr(`${before} ${after}`));
    if (printed) out.push({ word: token, likely: null });
  });
  return out;
};

/** Every vowel letter with every tone (NFC): what OCR may lose between two letters. */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'].flatMap((vowel) =>
  ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((tone) => `${vowel}${tone}`.normalize('NFC')),
);

/** Letters with no vowel: a syllable's onset or end left when OCR lost its vowel ("d ch", "Ngh"). */
const NO_VOWEL = /^[bcdđghklmnpqrstvx]+$/iu;

/** How often a word is seen in the document and in the wording plans share. */
const seenCount = (word: string, vocabulary: Vocabulary | null): number =>
  (vocabulary?.words.get(word) ?? 0) + (WORDS.get(foldOcr(word))?.get(word) ?? 0);

/** The commonest spelling of a word's letters in the shared wording ("ky" → "kỹ"). */
const commonest = (word: string): string | null => {
  let best: string | null = null;
  let most = 0;
  for (const [spelling, count] of WORDS.get(foldOcr(word)) ?? []) {
    if (count > most) {
      most = count;
      best = spelling;
    }
  }
  return best;
};

/**
 * How often a word stands beside a neighbour, in the document or in the shared wording (whose pairs
 * are kept without marks: there, the word must be the commonest spelling of its letters).
 */
const pairCount = (first: string, second: string, word: string, vocabulary: Vocabulary | null): number =>
  (vocabulary?.pairs.get(`${first} ${second}`) ?? 0) +
  (BIGRAMS.has(foldOcr(`${first} ${second}`)) && commonest(word) === word ? 1 : 0);

/**
 * Finds the words OCR broke by losing a vowel (a letter with a dot below is often dropped): a piece
 * of consonants that is no word ("d ch vụ", "Trang b", "Ngh quyết"), read again with one vowel put
 * back, between it and the next piece ("dịch") or after it ("bị"), the reading the document or the
 * shared wording of plans knows best, beside the same neighbours first. The reading is only offered
 * in the row's reason; the words stay as recognised.
 *
 * @returns each broken word: its pieces as recognised and the likely reading
 */
const lostVowels = (
  text: string,
  vocabulary: Vocabulary | null,
): Array<{ parts: string[]; reading: string }> => {
  const tokens = text
    .normalize('NFC')
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  const out: Array<{ parts: string[]; reading: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const piece = tokens[i] ?? '';
    // Capitals only are an abbreviation ("UBND", "KT"), not a broken word.
    if (!NO_VOWEL.test(piece) || !/\p{Ll}/u.test(piece)) continue;
    const lower = piece.toLowerCase();
    const previous = tokens[i - 1]?.toLowerCase();
    const next = tokens[i + 1]?.toLowerCase();
    // Seen at all, and seen beside the same neighbours. A reading of one piece alone needs its
    // neighbours' support ("Trang b" could be many words); one that joins two pieces, being seen.
    const score = (word: string, after: string | undefined, joined: boolean): number => {
      if (!isVietnameseSyllable(word)) return 0;
      const seen = seenCount(word, vocabulary);
      const beside =
        (previous ? pairCount(previous, word, word, vocabulary) : 0) +
        (after ? pairCount(word, after, word, vocabulary) : 0);
      if (!beside && !(joined && seen)) return 0;
      return seen + 2 * beside + (joined ? 0.5 : 0);
    };
    let best: { reading: string; joined: boolean; score: number } | null = null;
    for (const vowel of VOWELS) {
      const options: Array<[string, boolean, string | undefined]> = [[`${lower}${vowel}`, false, next]];
      // A reading that explains both pieces counts a little more than one that leaves the next as it is.
      if (next && /^\p{L}+$/u.test(next))
        options.push([`${lower}${vowel}${next}`, true, tokens[i + 2]?.toLowerCase()]);
      for (const [word, joined, after] of options) {
        const value = score(word, after, joined);
        if (value > 0 && (!best || value > best.score)) best = { reading: word, joined, score: value };
      }
    }
    if (!best) continue;
    const reading = /^\p{Lu}/u.test(piece)
      ? `${best.reading[0]?.toUpperCase()}${best.reading.slice(1)}`
      : best.reading;
    out.push({ parts: best.joined ? [piece, tokens[i + 1] ?? ''] : [piece], reading });
    if (best.joined) i++;
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

/**
 * The words of an agency's name OCR damaged in a way the lower-case check does not see: a capitalised
 * word that is no Vietnamese syllable ("Vittt" for "Việt"), or a capital letter left alone at its end
 * ("… xã J", "HĐND&UBN D").
 */
const oddUnitWords = (unit: string): string[] => {
  const words = unit.split(/[^\p{L}\p{M}\d&]+/u).filter(Boolean);
  return words.filter((word, i) =>
    /^\p{Lu}\p{Ll}+$/u.test(word)
      ? !isVietnameseSyllable(word.toLowerCase())
      : i > 0 && /^\p{Lu}$/u.test(word) && i === words.length - 1,
  );
};

/** A unit's letters, spacing aside: "Phòng Văn hóa -Xãhội" has the letters of "Phòng Văn hóa - Xã hội". */
const unitLetters = (unit: string): string =>
  unit.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '');

/** A recognised unit every word of which reads as a word: no piece that is no syllable, no stray capital. */
const readsCleanly = (unit: string): boolean =>
  !recognisedSuspects(unit, null).length && !oddUnitWords(unit).length;

/**
 * The spelling other rows print for the same letters when OCR broke a lead's spacing: a space lost
 * ("Xãhội") or put inside a word ("HĐND&UBN D") leaves pieces that are no words, while the same
 * letters, spaced as another row reads them, are all words. Only spaces differ, never a letter or a mark.
 *
 * @param lead - a row's lead as recognised
 * @param leads - the leads of every row of the document
 * @returns the commonest clean spelling of the same letters; null when the lead reads cleanly or no
 *   other row spells its letters cleanly
 */
export const respacedLead = (lead: string, leads: readonly string[]): string | null => {
  if (readsCleanly(lead)) return null;
  const key = unitLetters(lead);
  const spellings = new Map<string, number>();
  for (const other of leads) {
    const printed = other.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (unitLetters(printed) === key && printed !== lead && readsCleanly(printed))
      spellings.set(printed, (spellings.get(printed) ?? 0) + 1);
  }
  return [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

/**
 * Reads a lead whose spacing OCR broke as the other rows spell the same letters (`respacedLead`); the
 * row is flagged all the same, with the lead as recognised in its reason.
 */
const respaceLead = (row: Reviewed & { lead: string | null }, leads: readonly string[]): void => {
  const respaced = row.lead ? respacedLead(row.lead, leads) : null;
  if (!row.lead || !respaced) return;
  flag(
    row,
    `Đơn vị chủ trì đọc từ ảnh quét là "${row.lead}", đã đọc thành "${respaced}" như các dòng khác in cùng các chữ đó, cần đối chiếu bản gốc`,
  );
  row.lead = respaced;
};

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
  if (what === 'Đơn vị chủ trì') {
    const odd = oddUnitWords(text);
    if (odd.length)
      flag(
        row,
        `${what} có chữ đọc từ ảnh quét không chắc: ${odd.map((w) => `"${w}"`).join(', ')}, cần đối chiếu bản gốc`,
      );
  }
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
  const leads = [...indicators, ...tasks].flatMap((row) => (row.lead ? [row.lead] : []));
  for (const row of [...indicators, ...tasks]) respaceLead(row, leads);
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
    const unread = bareMonthBesideUnread(task.deadlineRaw);
    if (task.deadline?.kind === 'by' && unread.length)
      flag(
        task,
        `Thời hạn "${task.deadlineRaw}" đọc như tháng/năm nhưng bên cạnh có chữ không đọc được: ${unread.map((w) => `"${w}"`).join(', ')} (có thể là "Quý"), cần đối chiếu bản gốc`,
      );
  }
};

/** The words a deadline is written with (folded): "Quý IV/2025", "Trước 31/12/2026", "Hằng năm", … */
const DEADLINE_WORDS = new Set(
  (
    'quy thang nam ngay truoc trong den het cuoi dau nua hang moi dinh ky thuong xuyen lien tuc theo yeu cau ' +
    'khi co dot xuat lo trinh phu luc tien do ke hoach cac tiep sau lan mot giai doan tu va hoan thanh thuc hien ' +
    'nhiem vu i ii iii iv'
  ).split(' '),
);

/**
 * A recognised deadline that reads as a month only from a bare "m/yyyy" (no "tháng", no "quý") beside a
 * word that is no part of how deadlines are written: "Cuý" in "- 1/2030 Cuý" (OCR's "Quý I/2030", its
 * words reordered) would otherwise let "1/2030" read as January.
 *
 * @param raw - the deadline as printed
 * @returns the unread words as printed; none when the deadline says "tháng"/"quý" or has no such word
 */
export const bareMonthBesideUnread = (raw: string | null | undefined): string[] => {
  const text = raw ?? '';
  const words = text.split(/[\s/,.;:()\-–—]+/).filter((word) => /\p{L}/u.test(word));
  if (!/(?<!\d)\d{1,2}\s*\/\s*\d{4}(?!\d)/.test(text) || /\b(thang|quy)\b/.test(foldOcr(text))) return [];
  return words.filter(
    (word) =>
      !foldOcr(word)
        .split(' ')
        .every((part) => DEADLINE_WORDS.has(part)),
  );
};
