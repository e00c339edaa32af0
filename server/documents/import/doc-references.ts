/**
 * Document numbers, dates and references as a plan prints them: "54/KH-UBND", "ngày 30 tháng 8 năm
 * 2025", "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị". Used by the header extractor.
 */
import { normalizeText } from '@core/domain/text';
import { foldOcr } from './structure';

export const pad = (n: number | string) => String(n).padStart(2, '0');

/** An ISO date from day, month, year, or null when it is not a real date. */
export const isoDate = (
  day: string | number,
  month: string | number,
  year: string | number,
): string | null => {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1990 && y <= 2100)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/** Document number/symbol: "54/KH-UBND", "30-KH/ĐU", "193/2025/QH15", "02/2025/TT-BGDĐT". */
export const DOC_NUMBER = String.raw`\d{1,4}(?:\/\d{4})?\s?[-/]\s?[A-ZĐ][A-Za-zĐđ&\d]*(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐđ&\d]*)*`;

/**
 * Normalises a printed document number: no inner spaces, OCR "P" for "Đ" in the symbol.
 *
 * @param raw - as printed, e.g. "95 /KH-UBND", "71/NQ- CP", "30-KH/PU"
 * @returns the normalised number
 */
export const normalizeDocNumber = (raw: string): string =>
  raw
    .replace(/\s+/g, '')
    .replace(/([-/])P(?=[A-Z]*(?:[-/]|$))(?!H)/g, '$1Đ')
    .replace(/([-/])D(?=U$|U[-/])/g, '$1Đ');

/** Reads "…, ngày 30 tháng 8 năm 2025" (also OCR'd: "ngay 23hang 11 nam 2025") or "ngày 30/8/2025". */
export const readIssuedDate = (text: string): string | null => {
  const folded = foldOcr(text);
  const long = /\bngay\s*(\d{1,2})\s*(?:[a-z]{1,6}\s*)?(\d{1,2})\s*(?:nam|narn|nim)\s*(\d{4})\b/.exec(folded);
  if (long) return isoDate(long[1] ?? '', long[2] ?? '', long[3] ?? '');
  const short = /\bngay\s*(\d{1,2})\s+(\d{1,2})\s+(\d{4})\b/.exec(folded);
  return short ? isoDate(short[1] ?? '', short[2] ?? '', short[3] ?? '') : null;
};

/** A document reference found in running text. */
export type DocRef = { number: string | null; date: string | null; issuer: string | null; index: number };

const DOC_REF = new RegExp(
  String.raw`(?:số|so|s6|sé|sô)?\s*(${DOC_NUMBER})(?:\s*,?\s*(?:ngày|ngay)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))?(?:\s*(?:của|cua|ciia|cta|ctia)\s+([^,;.()]+?)(?=\s+(?:về|ve|vé|và|thực hiện|sửa đổi|tại|đã|là)(?:\s|$)|[,;.()]|$))?`,
  'g',
);

/**
 * Finds the documents cited in a paragraph, in order.
 *
 * @param text - one paragraph (wrapped lines already joined)
 * @returns the references with number, date and issuer (each null when not printed)
 */
export const findDocRefs = (text: string): DocRef[] => {
  const glued = text.replace(/([A-ZĐ]-)\s+(?=[A-ZĐ])/g, '$1').replace(/(\d-)\s+(?=[A-ZĐ])/g, '$1');
  const refs: DocRef[] = [];
  for (const match of glued.matchAll(DOC_REF)) {
    const number = normalizeDocNumber(match[1] ?? '');
    if (!/[A-ZĐ]/.test(number) || /^\d+\/\d{4}$/.test(number)) continue;
    const date = match[2] ? isoDate(match[2], match[3] ?? '', match[4] ?? '') : null;
    const issuer = match[5] ? normalizeText(match[5]).replace(/\s+(và|va)$/, '') : null;
    refs.push({ number, date, issuer: issuer || null, index: match.index ?? 0 });
  }
  return refs;
};

/** Words that show a "ngày …" belongs to a cited document, not to the plan's own date line. */
export const CITATION_WORDS =
  /\b(so|nghi quyet|ke hoach|quyet dinh|chi thi|ket luan|cong van|thong tu|nghi dinh|chuong trinh|cua|theo|can cu|thuc hien|ban hanh|tai|den|tu)\b/;

/**
 * Reads the plan's own date from its date line ("Dân Tiến, ngày 30 tháng 8 năm 2025", also beside
 * "Số: …" on the same line). A date that follows a document number or a citation ("Nghị quyết số
 * 57-NQ/TW ngày 22/12/2024") is never taken: what comes before "ngày" must be a place name.
 *
 * @param line - one line of the header
 * @returns the ISO date, or null when the line is not a date line
 */
export const readDateLine = (line: string): string | null => {
  for (const part of line.split(/\t+/)) {
    const folded = foldOcr(part);
    const at = folded.search(/\bngay\s*\d/);
    if (at < 0) continue;
    // What comes before "ngày", less a leading "Số: 54/KH-UBND": a place name, or nothing.
    const before = foldOcr(part.replace(new RegExp(String.raw`^\s*\S{0,3}\s*:?\s*${DOC_NUMBER}`, 'u'), ''))
      .replace(/\bngay\s*\d.*$/, '')
      .trim();
    if (before.split(' ').filter(Boolean).length > 5 || /\d/.test(before) || CITATION_WORDS.test(before))
      continue;
    const date = readIssuedDate(folded.slice(at));
    if (date) return date;
  }
  return null;
};
