/**
 * The lines of a text table: header starts and header lines, table titles, column numberings, rule junk,
 * page numbers, and what ends a table.
 */
import { readMarker } from './text-row-markers';
import { foldKeepingPositions } from './text-table-labels';

export type Line = { text: string; block: number; page?: number };

/** A line that opens a table header: "STT", "TT", "Số TT", possibly after a rule or a "|". */
export const isHeaderStart = (text: string): boolean =>
  /^[\s|[(]*(?:stt|tt|so tt|s[o0] tt)\b/.test(foldKeepingPositions(text));

/** Lines that are only table rules or scanner junk: "|____|", "-----", "===", ". , :". */
export const isRuleJunk = (text: string): boolean => {
  const bare = text.replace(/\s+/g, '');
  if (!bare) return true;
  if (/^[-_=|+.,:;'"`~*•·—–\\/[\]()]+$/.test(bare)) return true;
  return false;
};

/** A page number or a running page header inside a table: "10", "- 3 -", "Trang 3". */
export const isPageNumber = (text: string): boolean =>
  /^\s*(?:-\s*)?(?:trang\s+)?\d{1,3}(?:\s*-)?\s*$/i.test(text);

/** The end of a table: the next appendix, the signature, the list of recipients. */
export const endsTable = (text: string): boolean => {
  const folded = foldKeepingPositions(text).trim();
  if (/^(phu luc|phy luc)\b/.test(folded) && /^\s*P\S*\s+L/u.test(text.trim())) return true;
  // "Phụ lục số 02" alone on a line set in from the margin (centred): the next appendix's heading. A cell
  // wrapped onto "Phụ lục số 01" ("Theo lộ trình tại" / "Phụ lục số 01") starts at the margin.
  if (/^\s{3,}/.test(text) && /^(phu luc|phy luc)(?: so)? [0-9ivx]{1,4}\.?$/.test(folded)) return true;
  if (/^(noi nhan|t\/m|tm\.|kt\.|k\/t|thua lenh|thua uy quyen)/.test(folded)) return true;
  // Digital-signature stamps the signing software appends.
  if (/da ky len van ban nay|^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}/.test(folded)) return true;
  if (/^(chu tich|bi thu|pho chu tich|pho bi thu)$/.test(folded.replace(/[^a-z ]/g, '').trim()))
    return /^\P{Ll}+$/u.test(text.trim());
  // A body heading: "IV. TỔ CHỨC THỰC HIỆN" — a roman numeral with a dot and a heading in capitals.
  const heading = /^\s*([IVX]{1,4})\.\s+(.{6,})$/.exec(text);
  if (heading?.[2]) {
    const letters = heading[2].replace(/[^\p{L}]/gu, '');
    const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
    if (letters.length > 6 && upper / letters.length > 0.9) {
      return /\b(muc tieu|nhiem vu|giai phap|to chuc thuc hien|kinh phi|muc dich|yeu cau|che do bao cao)\b/.test(
        foldKeepingPositions(heading[2]),
      );
    }
  }
  return false;
};

/** Folded words header labels are made of, besides the label keywords themselves. */
const HEADER_WORDS = new Set(
  (
    'stt tt so thu tu chi tieu moc thoi gian muc nam co dich ca nhan quan don vi tinh chu tri phoi hop ' +
    'thuc hien lanh dao phu trach ket qua san pham dau ra du kien hoan thanh han tien do nhiem vu noi dung ' +
    'ten gia tri giai doan ghi chu minh chung theo doi danh gia tham muu bo phan can bo cong chuc nguoi ' +
    'kinh phi nguon von lo trinh phan dau cu the va hoac cap trien khai dvt cq dv'
  ).split(' '),
);

/** A line made only of header words (no short-junk allowance): a header line printed above "STT". */
export const strongHeaderish = (text: string): boolean => {
  const words = foldKeepingPositions(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return (
    words.length > 0 &&
    words.every((word) => HEADER_WORDS.has(word) || /^20[2-6]\d$/.test(word)) &&
    !readMarker(text.trim())
  );
};

/** Tells whether a line can be part of a table header: label words, years, or short scanner junk. */
export const headerish = (text: string): boolean => {
  // A stage label ("Đến năm 2030", "Đến hết năm 2045") counts as its year.
  const folded = foldKeepingPositions(text).replace(/\bden (?:het )?nam (?=20[2-6]\d\b)/g, '');
  // A title above the table names a document ("… Nghị quyết số 57-NQ/TW"): no column is labelled so.
  if (/ban hanh kem|phu luc|ke hoach so|kem theo|nghi quyet|\b\d+\s*[-/]\s*[a-z]{2}/.test(folded))
    return false;
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length) return true;
  const known = words.filter(
    (word) => HEADER_WORDS.has(word) || /^20[2-6]\d$/.test(word) || word.length <= 2,
  );
  if (known.length >= words.length * 0.7) return true;
  const raw = text.trim().split(/\s+/);
  return raw.length <= 3 && raw.every((word) => word.length <= 5) && !/^\p{Lu}\p{Ll}/u.test(text.trim());
};

/**
 * A table's title printed above its header ("DANH MỤC CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW",
 * "BẢNG PHÂN CÔNG NHIỆM VỤ"): a line in capitals that opens with a word naming a list or a table, or
 * cites a document. A label printed above "STT" in a tall header cell is a few words of that label.
 */
export const isTableTitle = (text: string): boolean => {
  const trimmed = text.trim();
  const letters = trimmed.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8 || letters.replace(/[^\p{Lu}]/gu, '').length < letters.length * 0.9) return false;
  const folded = foldKeepingPositions(trimmed).replace(/\s+/g, ' ');
  return (
    /^(?:danh muc|bang|bieu|phu bieu|tong hop)\b/.test(folded) ||
    /\b(?:nghi quyet|ke hoach|quyet dinh)\b|\d+-?[a-z]*\/[a-z]/.test(folded)
  );
};

/** Tells whether a line looks like the numbering row under a header: "1 2 3 4 5", "(1) (2) (3)". */
export const isColumnNumbering = (text: string): boolean => {
  const tokens = text.split(/[\s|]+/).filter(Boolean);
  if (tokens.length < 3 || !tokens.every((token) => /^\(?\d{1,2}\)?$/.test(token))) return false;
  const numbers = tokens.map((token) => Number(token.replace(/[()]/g, '')));
  return numbers.every((value, index) => index === 0 || value === (numbers[index - 1] ?? 0) + 1);
};

/** One number of a column numbering flowed a line each: "(3)". */
export const isNumberingCell = (text: string): boolean => /^\s*\(\d{1,2}\)\s*$/.test(text);
