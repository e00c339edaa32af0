/**
 * Turns the bytes or text of a plan document into clean lines for the extractors.
 *
 * Text comes from several readers (plain text, DOCX, PDF text layer, OCR), each with its own noise:
 * NFD accents, ligatures, blank lines between every line, page numbers, Markdown emphasis, and
 * digital-signature stamps appended by the signing software. Tables keep their cell separators: a tab,
 * a "|" or a run of three or more spaces all become a tab, so the table reader can split on it.
 */
import { UnreadableDocumentError } from './errors';

/** The cleaned text of a document. */
export type PlanText = {
  /** Non-empty lines in reading order, NFC, with cell separators as tabs. */
  lines: string[];
  /** Digital-signature stamp lines ("Nguyễn Văn A <email> đã ký lên văn bản này!"), kept apart. */
  stamps: string[];
};

const LIGATURES: Record<string, string> = { ﬁ: 'fi', ﬂ: 'fl', ﬀ: 'ff', ﬃ: 'ffi', ﬄ: 'ffl' };

/** Lines the signing software appends: a timestamp, the country, "… đã ký lên văn bản này!". */
const STAMP_LINE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{4}|Z)?|Việt Nam|.*đã ký lên văn bản này!?)$/i;

/** A line that is only a page number: "3", "- 3 -", "Trang 3". */
const PAGE_NUMBER_LINE = /^(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*-)?$/i;

/** An appendix heading; page-number removal stops there because table rows are bare numbers too. */
const APPENDIX_HEADING = /^\s*(PHỤ LỤC|PHU LUC)\b/i;

/**
 * Decodes bytes as UTF-8 and refuses binary content.
 *
 * @param input - the raw bytes or an already decoded string
 * @returns the decoded text
 * @throws UnreadableDocumentError for binary content or invalid UTF-8
 */
export const decodeText = (input: string | Uint8Array): string => {
  if (typeof input === 'string') return input;
  if (input.includes(0)) throw new UnreadableDocumentError('Tệp không phải văn bản (có dữ liệu nhị phân).');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (cause) {
    throw new UnreadableDocumentError('Tệp không đọc được dưới dạng văn bản UTF-8.', { cause });
  }
};

/**
 * Normalises one line: NFC, ligatures, non-breaking spaces, Markdown emphasis, cell separators.
 *
 * @param line - a raw line
 * @returns the cleaned line (may be empty)
 */
export const cleanLine = (line: string): string =>
  line
    .normalize('NFC')
    .replace(/[ﬁﬂﬀﬃﬄ]/g, (ch) => LIGATURES[ch] ?? ch)
    .replace(/[\u00a0\u2007\u202f\u200b]/g, ' ')
    .replace(/\*\*/g, '')
    // Markdown emphasis around parentheses: "KHAI*(Ban" → "KHAI (Ban"; "(*qua …*)" → "(qua …)".
    .replace(/(\S)\*+\(/g, '$1 (')
    .replace(/\(\*+/g, '(')
    .replace(/\*+\)/g, ')')
    .replace(/\)\*+/g, ')')
    // A "|" opening a line is an OCR'd roman "I"; elsewhere it separates cells.
    .replace(/^\s*\|(?=[.\s])/, 'I')
    .replace(/ ?\| ?/g, '\t')
    .replace(/ {3,}/g, '\t')
    .replace(/ {2}/g, ' ')
    .replace(/^ +| +$/g, '');

/** Tells whether text holds control characters other than tab, newline and carriage return (binary). */
const hasControlCharacters = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) return true;
  }
  return false;
};

/**
 * Reads a document's text into clean lines.
 *
 * @param input - bytes (UTF-8) or a string, from any reader
 * @returns the lines and the signature stamps
 * @throws UnreadableDocumentError when the input is empty or binary
 */
export const readPlanText = (input: string | Uint8Array): PlanText => {
  const text = decodeText(input);
  if (hasControlCharacters(text.slice(0, 4000))) {
    throw new UnreadableDocumentError('Tệp không phải văn bản (có ký tự điều khiển).');
  }
  const lines: string[] = [];
  const stamps: string[] = [];
  let inAppendix = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = cleanLine(raw);
    const bare = line.replace(/\t/g, ' ').trim();
    if (!bare) continue;
    if (STAMP_LINE.test(bare)) {
      stamps.push(bare);
      continue;
    }
    if (APPENDIX_HEADING.test(bare)) inAppendix = true;
    if (!inAppendix && PAGE_NUMBER_LINE.test(bare)) continue;
    lines.push(line.startsWith('\t') ? line : line.trim());
  }
  if (lines.length === 0) throw new UnreadableDocumentError('Tệp trống: không có nội dung để nhập.');
  return { lines, stamps };
};

/**
 * Tells whether a wrapped line continues the word the text before it ends with: a symbol broken after
 * its hyphen or slash ("57-" + "NQ/TW", "TT-" + "BGDĐT"), or an abbreviation a narrow cell broke before
 * its last capitals ("HĐND&UBN" + "D"; no Vietnamese word is one to three capitals on a line of its own).
 *
 * @param before - the text so far
 * @param line - the next line, trimmed
 */
export const continuesWord = (before: string, line: string): boolean =>
  (/[\p{L}\d][-/]$/u.test(before) && /^[\p{Lu}\d]/u.test(line) && !/\s[-/]$/.test(before)) ||
  (/\p{Lu}{2,}$/u.test(before) && /^\p{Lu}{1,3}$/u.test(line));

/**
 * Joins wrapped lines of one paragraph: a word broken over the line end (`continuesWord`) is glued
 * back; everything else is joined with one space.
 *
 * @param parts - consecutive lines of the same paragraph or cell
 * @returns one line
 */
export const joinWrapped = (parts: readonly string[]): string => {
  let out = '';
  for (const part of parts) {
    const piece = part.replace(/\t/g, ' ').trim();
    if (!piece) continue;
    if (!out) out = piece;
    else if (continuesWord(out, piece)) out += piece;
    else out += ` ${piece}`;
  }
  return out.replace(/\s+/g, ' ').trim();
};
