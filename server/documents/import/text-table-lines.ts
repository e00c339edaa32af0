/**
 * The lines of a text table: header starts, rule junk, page numbers, and what ends a table.
 */
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
