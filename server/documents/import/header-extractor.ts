/**
 * Reads the plan header: number, issuer, locality, date, title, signer, cited and replaced documents,
 * standing agency and reporting regime. Works from document structure only (the national header,
 * "Số:", "…, ngày … tháng … năm …", "KẾ HOẠCH", "Căn cứ", "thay thế", "Nơi nhận", "TM./KT." blocks).
 */
import { foldText, normalizeText } from '@core/domain/text';
import type { TImportedPlanHeader } from '@core/schemas/import.schemas';
import { type DocumentStructure, foldOcr, isSignatureStart } from './structure';
import { joinWrapped } from './text-reader';
import { cleanUnit } from './units';

type Header = TImportedPlanHeader;
type Level = NonNullable<Header['locality']['level']>;

const pad = (n: number | string) => String(n).padStart(2, '0');

/** An ISO date from day, month, year, or null when it is not a real date. */
const isoDate = (day: string | number, month: string | number, year: string | number): string | null => {
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 1990 && y <= 2100)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/** Document number/symbol: "54/KH-UBND", "30-KH/ĐU", "193/2025/QH15", "02/2025/TT-BGDĐT". */
const DOC_NUMBER = String.raw`\d{1,4}(?:\/\d{4})?\s?[-/]\s?[A-ZĐ][A-Za-zĐđ&\d]*(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐđ&\d]*)*`;

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

const LEVEL_WORD = /\b(xa|phuong|dac khu)\b/;

const levelOf = (folded: string): Level | null => {
  const match = LEVEL_WORD.exec(folded)?.[1];
  return match === 'xa' ? 'xã' : match === 'phuong' ? 'phường' : match === 'dac khu' ? 'đặc khu' : null;
};

const titleCase = (text: string): string =>
  text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    .join(' ');

/** Capitalised words after a level word: "phường Thành Đông", "xã Dân Tiến", "PHƯỜNG THÀNH ĐÔNG". */
const LOCALITY_MENTION =
  /(?:^|[^\p{L}])(xã|phường|đặc khu|XÃ|PHƯỜNG|ĐẶC KHU|Xã|Phường|xa|phuong|XA|PHUONG)\s+((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){0,2})/gu;

/** Words that end a locality name when they follow it in a merged header line. */
const NAME_STOP = /^(doc|cong|so|ngay|dang|uy|ubnd|ve|thuc|xay|ban|tm|kt|co|chu|hdnd|viet|nam)$/;

type LocalityGuess = { name: string; folded: string; level: Level; accented: boolean };

const localityMentions = (texts: readonly string[]): LocalityGuess[] => {
  const out: LocalityGuess[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(LOCALITY_MENTION)) {
      const level = levelOf(foldText(match[1] ?? ''));
      if (!level || !match[2]) continue;
      const words: string[] = [];
      for (const word of match[2].split(/\s+/)) {
        if (NAME_STOP.test(foldOcr(word)) || words.length >= 3) break;
        words.push(word);
      }
      if (!words.length) continue;
      const name = words.join(' ');
      // "xã hội" (society) is not a commune.
      if (level === 'xã' && /^hoi\b/.test(foldOcr(name))) continue;
      out.push({
        name,
        folded: foldOcr(name),
        level,
        accented: foldText(name) !== name.toLowerCase().replace(/\s+/g, ' '),
      });
    }
  }
  return out;
};

/** Picks the document's own locality: the most mentioned name, spelled with its accents when any copy has them. */
const pickLocality = (
  headerLines: readonly string[],
  bodyLines: readonly string[],
  stamps: readonly string[],
): { name: string | null; level: Level | null } => {
  const fromHeader = localityMentions(headerLines);
  const fromBody = localityMentions(bodyLines);
  const all = [...fromHeader, ...fromBody, ...localityMentions(stamps)];
  if (!all.length) return { name: null, level: null };
  const counts = new Map<string, number>();
  for (const guess of [...fromBody, ...fromHeader, ...fromHeader]) {
    counts.set(guess.folded, (counts.get(guess.folded) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? all[0]?.folded;
  const variants = all.filter((guess) => guess.folded === best);
  const accented = variants.find((guess) => guess.accented && guess.name !== guess.name.toUpperCase());
  const accentedUpper = variants.find((guess) => guess.accented);
  const chosen = accented ?? accentedUpper ?? variants[0];
  if (!chosen) return { name: null, level: null };
  const name = accented ? chosen.name : accentedUpper ? titleCase(chosen.name) : titleCase(chosen.folded);
  return { name, level: chosen.level };
};

const PROVINCE_MENTION =
  /(?:^|[^\p{L}])(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ)\s+((?:\p{Lu}[\p{Ll}]*|\p{Lu}+)(?: (?:\p{Lu}[\p{Ll}]*|\p{Lu}+)){0,2})(?=$|[^\p{L}])/gu;

const pickProvince = (texts: readonly string[]): string | null => {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(PROVINCE_MENTION)) {
      const printed = match[1]?.trim();
      if (!printed || /^(Ủy|Uỷ|UBND|Trung|ỦY|UỶ)/.test(printed)) continue;
      const name = printed === printed.toUpperCase() ? titleCase(printed) : printed;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
};

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

/** Groups lines into paragraphs: a new one starts at a bullet, a numbered item or a sentence end. */
export const paragraphs = (lines: readonly string[]): string[] => {
  const out: string[][] = [];
  for (const line of lines) {
    const startsItem = /^\s*([-+•*]|\d{1,2}[.)]|[a-zđ]\)|[IVX]+\.)\s/.test(line);
    const last = out.at(-1);
    const previousEnded = last ? /[.:;!?]$/.test((last.at(-1) ?? '').trim()) : true;
    if (!last || startsItem || previousEnded) out.push([line]);
    else last.push(line);
  }
  return out.map((parts) => joinWrapped(parts));
};

/** Positions a signer holds, folded → as written in the draft. Longest first. */
const POSITION_LABELS: Record<string, string> = {
  'pho chu tich': 'Phó Chủ tịch',
  'chu tich': 'Chủ tịch',
  'pho bi thu': 'Phó Bí thư',
  'bi thu': 'Bí thư',
  'pho truong ban': 'Phó Trưởng ban',
  'truong ban': 'Trưởng ban',
};
const POSITION = /\b(pho chu tich|chu tich|pho bi thu|bi thu|pho truong ban|truong ban)\b/g;

/** Words that are never part of a signer's name (titles, organs, the "Nơi nhận" list). */
const NOT_A_NAME =
  /\b(chu tich|bi thu|truong ban|uy ban|ubnd|dang uy|dang bo|ban thuong vu|noi nhan|luu|phu luc|ke hoach|da ky|ky|dong dau|thuong truc|nhu tren|hanh dong)\b/;

/** The signer's name when the line is one ("Trần Thị Mai", also in capitals "TRẦN THỊ MAI"), else null. */
const personName = (line: string): string | null => {
  const text = line.replace(/\t/g, ' ').trim();
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 5 || NOT_A_NAME.test(foldOcr(text))) return null;
  if (words.every((word) => /^\p{Lu}\p{Ll}*$/u.test(word))) return text;
  if (
    words.every((word) => /^\p{Lu}+$/u.test(word)) &&
    /[\u0300-\u0323ĐđƠơƯưĂăÂâÊêÔô]/.test(text.normalize('NFD'))
  )
    return titleCase(text);
  return null;
};

/** Pieces of the lines after the body, in reading order: a signature set beside "Nơi nhận" is its own piece. */
const signaturePieces = (lines: readonly string[], from: number, to: number): string[] =>
  lines
    .slice(from, to)
    .flatMap((line) => line.split(/\t+/))
    // "Nơi nhận: TM. ỦY BAN NHÂN DÂN" printed on one line: the signature starts its own piece.
    .flatMap((piece) => piece.split(/\s+(?=(?:TM\.?|T\/M|T\.M|KT\.?|K\.T|Q\.)\s)/u))
    .map((piece) => piece.trim())
    .filter((piece) => piece && !/^[-+•*]/.test(piece) && !/^(noi nhan|luu)\b/.test(foldOcr(piece)));

/**
 * Reads the signature block: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (the
 * signer is the deputy), "Q. CHỦ TỊCH" (acting), "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ", or a position set
 * alone ("BÍ THƯ"), then the name.
 */
const readSigner = (
  lines: readonly string[],
  structure: DocumentStructure,
  stamps: readonly string[],
): Header['signer'] => {
  let position: string | null = null;
  let name: string | null = null;
  const pieces = signaturePieces(lines, structure.bodyEnd, structure.appendixStart);
  const blockStart = pieces.findIndex((piece) => isSignatureStart(piece));
  if (blockStart >= 0) {
    const head = foldOcr(pieces[blockStart] ?? '');
    const prefix = /^(tm|t m|kt|k t|q|tl|tuq|t l)\s/.exec(head)?.[1]?.replace(' ', '') ?? '';
    const found = [...head.matchAll(POSITION)].map((match) => match[1] ?? '');
    const headPosition = prefix && prefix !== 'tm' ? (found[0] ?? null) : null;
    for (let j = blockStart + 1; j < Math.min(blockStart + 8, pieces.length) && !name; j++) {
      const piece = pieces[j] ?? '';
      const folded = foldOcr(piece);
      const positions = [...folded.matchAll(POSITION)].map((match) => match[1] ?? '');
      if (
        positions.length &&
        folded
          .replace(POSITION, '')
          .replace(/\b(tm|kt|q|t m)\b/g, '')
          .trim() === ''
      )
        found.push(...positions);
      else name = personName(piece);
    }
    const last = found.at(-1) ?? null;
    if (last && headPosition && last === headPosition && found.length === 1) {
      // "KT. CHỦ TỊCH" with no deputy line: the signer signs for the chair, so is a deputy.
      position =
        prefix === 'kt'
          ? (POSITION_LABELS[`pho ${last}`] ?? null)
          : prefix === 'q'
            ? `Quyền ${POSITION_LABELS[last] ?? ''}`
            : (POSITION_LABELS[last] ?? null);
    } else if (last) position = POSITION_LABELS[last] ?? null;
    else
      position = /\b(uy ban|ubnd)/.test(head)
        ? 'Chủ tịch'
        : /dang uy|dang bo|ban thuong vu|ban chap hanh/.test(head)
          ? 'Bí thư'
          : null;
  }
  if (!name) {
    for (const stamp of stamps) {
      const who = /^(.+?)\s*<[^>]*>\s*đã ký/i.exec(stamp)?.[1]?.trim();
      if (who && who !== who.toUpperCase() && personName(who)) {
        name = who;
        break;
      }
    }
  }
  if (!name && !position) return null;
  return { name, position };
};

/** Reads the title: the lines after "KẾ HOẠCH" up to the first paragraph of the body. */
const readTitle = (lines: readonly string[], structure: DocumentStructure): string | null => {
  if (structure.titleIndex < 0) return null;
  const parts: string[] = [];
  const stopAt = structure.sections[0]?.start ?? structure.bodyEnd;
  for (let i = structure.titleIndex + 1; i < Math.min(stopAt, structure.titleIndex + 9); i++) {
    const line = (lines[i] ?? '').replace(/\t/g, ' ').trim();
    if (/^[-_=*]{3,}$/.test(line)) continue;
    const folded = foldOcr(line);
    const previous = parts.at(-1) ?? '';
    const continues = /(\s(của|cua|về|ve|và|va|ngày|ngay|thực hiện|thuc hien)|[,–-])$/iu.test(previous);
    if (
      parts.length &&
      !continues &&
      /^(can cu|cin|can ctr|thuc hien|de |nham|theo|uy ban|ubnd|dang uy|ban thuong vu)/.test(folded)
    ) {
      break;
    }
    if (parts.length && /[.;]$/.test(previous)) break;
    parts.push(line);
  }
  const title = joinWrapped(parts).replace(/[.;]$/, '');
  return title ? title.charAt(0).toLocaleUpperCase('vi') + title.slice(1) : null;
};

/** Words that show a "ngày …" belongs to a cited document, not to the plan's own date line. */
const CITATION_WORDS =
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

const readNumberAndDate = (
  lines: readonly string[],
  structure: DocumentStructure,
): { number: string | null; issuedDate: string | null } => {
  const headerEnd = structure.titleIndex >= 0 ? structure.titleIndex + 1 : Math.min(lines.length, 12);
  let number: string | null = null;
  let issuedDate: string | null = null;
  const numberPattern = new RegExp(DOC_NUMBER);
  for (let i = 0; i < headerEnd; i++) {
    const line = lines[i] ?? '';
    // Without a title line the header ends where the body starts.
    if (structure.titleIndex < 0 && /^(can cu|thuc hien|de |nham)/.test(foldOcr(line))) break;
    if (!number) {
      const match = numberPattern.exec(line.replace(/\t/g, ' '));
      if (
        match &&
        !/\b(ngày|ngay)\s*$/.test(line.slice(0, match.index)) &&
        !CITATION_WORDS.test(foldOcr(line.slice(0, match.index)).replace(/\bso\b/g, ''))
      )
        number = normalizeDocNumber(match[0]);
    }
    issuedDate ??= readDateLine(line);
  }
  if (!number || !issuedDate) {
    // The appendix repeats them: "(Ban hành kèm theo Kế hoạch số 54/KH-UBND ngày 30/8/2025 …)", but
    // only the plan's own number counts (an appendix may cite another document).
    for (const start of structure.appendices) {
      const text = joinWrapped(lines.slice(start, start + 5));
      const match = new RegExp(
        String.raw`(?:kèm theo|kem theo)\s+(?:Kế hoạch|Ke hoach|Chương trình|Chuong trinh)[^()]*?(?:số|so)\s*(${DOC_NUMBER})(?:\s*(?:,\s*)?ngày\s*(\d{1,2})\/(\d{1,2})\/(\d{4}))?`,
        'i',
      ).exec(text);
      if (match?.[1]) {
        const own = normalizeDocNumber(match[1]);
        if (number && own !== number) continue;
        number ??= own;
        if (match[2]) issuedDate ??= isoDate(match[2], match[3] ?? '', match[4] ?? '');
        break;
      }
    }
  }
  return { number, issuedDate };
};

const sectionLines = (lines: readonly string[], structure: DocumentStructure, kinds: readonly string[]) =>
  structure.sections
    .filter((section) => kinds.includes(section.kind))
    .flatMap((section) => lines.slice(section.start + 1, section.end));

const readStandingAgency = (texts: readonly string[]): string | null => {
  for (const text of texts) {
    const explicit = /([\p{Lu}][^.;:]*?)\s+(?:là|la)\s+cơ quan thường trực/u.exec(text);
    if (explicit?.[1]) return cleanUnit(explicit[1].replace(/^\d+\.\s*/, ''));
  }
  for (const text of texts) {
    const lead = /^\d+\.\s*((?:Phòng|Văn phòng|Trung tâm)[^,;.]*?(?:,[^,;.]*?)?)\s+chủ trì\b/u.exec(text);
    if (lead?.[1] && /đôn đốc|theo dõi|tổng hợp|kiểm tra/.test(text)) return cleanUnit(lead[1]);
  }
  for (const text of texts) {
    const via = /\(qua\s+((?:phòng|Phòng|văn phòng|Văn phòng)[^)]+)\)/u.exec(text);
    if (via?.[1]) return cleanUnit(via[1]);
  }
  return null;
};

const FREQUENCIES: Array<[RegExp, Header['reporting'][number]['frequency']]> = [
  [/\b(hang|hang|moi) thang\b/, 'monthly'],
  [/\b(hang|moi) quy\b/, 'quarterly'],
  [/\b(6 thang|sau thang|nua nam)\b/, 'semiannual'],
  [/\b(hang|hang|moi) nam\b|\bdinh ky nam\b/, 'annual'],
];

const readReporting = (texts: readonly string[]): Header['reporting'] => {
  const out: Header['reporting'] = [];
  for (const text of texts) {
    const folded = foldOcr(text);
    if (!/\bbao cao\b/.test(folded)) continue;
    const frequency = FREQUENCIES.find(([pattern]) => pattern.test(folded.replace(/\bhang\b/g, 'hang')))?.[1];
    if (!frequency) continue;
    const dueMatch = /(?:trước|truoc)\s+ngày\s*(\d{1,2})\/(\d{1,2})/i.exec(text);
    const due = dueMatch ? `${pad(dueMatch[2] ?? '')}-${pad(dueMatch[1] ?? '')}` : null;
    const toMatch =
      /báo cáo(?:\s+kết quả)?\s+(?:về\s+)?((?:UBND|Ủy ban nhân dân|Đảng ủy|Sở|Ban)[^,.;]*?(?:\([^)]*\))?)(?=\s+(?:kết quả|trước|trong|định kỳ|hoặc)(?:\s|$)|[,.;]|$)/u.exec(
        text,
      );
    const to = toMatch?.[1]
      ? normalizeText(toMatch[1]).replace(
          /\((qua)\s+(\p{Ll})/u,
          (_m, qua: string, first: string) => `(${qua} ${first.toUpperCase()}`,
        )
      : null;
    out.push({ frequency, due, to });
    if (/\bdot xuat\b/.test(folded)) out.push({ frequency: 'adhoc', due: null, to });
  }
  return out;
};

/**
 * Tells a Party committee's document from a People's Committee's one by weighing the signs: the issuer
 * block at the top left ("ĐẢNG BỘ …", "ĐẢNG ỦY …", "BAN THƯỜNG VỤ …" against "ỦY BAN NHÂN DÂN", "UBND"),
 * the national motto at the top right ("ĐẢNG CỘNG SẢN VIỆT NAM" against "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM"), the shape of the number (Party "30-KH/ĐU", "01-CTr/TU"; government "54/KH-UBND") and
 * the signature block ("T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN").
 *
 * @param headerLines - the lines above the title
 * @param number - the plan's own number, when read
 * @param signatureLines - the lines between the body and the appendices
 * @returns "party", "government", or null when nothing tells
 */
export const readIssuerKind = (
  headerLines: readonly string[],
  number: string | null,
  signatureLines: readonly string[],
): Header['issuerKind'] => {
  let party = 0;
  let government = 0;
  for (const line of headerLines) {
    for (const [index, part] of line.split(/\t+/).entries()) {
      const folded = foldOcr(part);
      if (
        /^(dang bo|dang uy|ban thuong vu|ban chap hanh|ban thuong truc|tinh uy|huyen uy|thanh uy)\b/.test(
          folded,
        )
      )
        party += index === 0 ? 3 : 2;
      if (/^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\b/.test(folded)) government += index === 0 ? 3 : 2;
      if (/\bdang cong san viet nam\b/.test(folded)) party += 2;
      if (/\bcong hoa xa hoi chu nghia\b/.test(folded)) government += 2;
    }
  }
  if (number) {
    if (/^\d+-[A-Za-z]+\/[A-ZĐ]+$/u.test(number) || /\/(ĐU|DU|ĐB|TU|HU|QU|BTV|BCH)$/u.test(number))
      party += 2;
    if (/^\d+(\/\d{4})?\/[A-Za-z]+-[A-ZĐ]+$/u.test(number) || /UBND/.test(number)) government += 2;
  }
  for (const line of signatureLines) {
    for (const part of line.split(/\t+/)) {
      if (!isSignatureStart(part)) continue;
      const folded = foldOcr(part);
      if (/\b(dang uy|dang bo|ban thuong vu|ban chap hanh|bi thu)\b/.test(folded)) party += 1;
      if (/\b(uy ban|ubnd|chu tich)\b/.test(folded)) government += 1;
    }
  }
  if (party === government) return null;
  return party > government ? 'party' : 'government';
};

/**
 * Reads the plan header.
 *
 * @param lines - cleaned lines of the whole document
 * @param structure - its structure
 * @param stamps - digital-signature stamps, used for the signer and the locality's spelling
 * @returns the header (fields null when not found)
 */
export const extractHeader = (
  lines: readonly string[],
  structure: DocumentStructure,
  stamps: readonly string[] = [],
): Header => {
  const headerEnd = Math.max(structure.titleIndex, 0);
  const headerLines = lines.slice(0, headerEnd);
  const bodyLines = lines.slice(Math.max(structure.titleIndex, 0), structure.bodyEnd);
  const { number, issuedDate } = readNumberAndDate(lines, structure);
  const title = readTitle(lines, structure);

  const appendixHeadings = structure.appendices.flatMap((start) => lines.slice(start, start + 5));
  const locality = pickLocality(headerLines, [...bodyLines, ...appendixHeadings], stamps);
  const issuerKind = readIssuerKind(
    headerLines,
    number,
    lines.slice(structure.bodyEnd, structure.appendixStart),
  );
  const issuer =
    locality.name && locality.level && issuerKind
      ? `${issuerKind === 'party' ? 'Đảng ủy' : 'UBND'} ${locality.level} ${locality.name}`
      : null;

  const preamble = lines.slice(structure.titleIndex + 1, structure.sections[0]?.start ?? structure.bodyEnd);
  const basisTexts = [
    title ?? '',
    ...paragraphs(preamble),
    ...paragraphs(sectionLines(lines, structure, ['purpose'])),
    ...paragraphs(sectionLines(lines, structure, ['organisation'])),
  ];
  const organisation = paragraphs(sectionLines(lines, structure, ['organisation', 'other']));

  const basis: Header['basis'] = [];
  const replaces: Header['replaces'] = [];
  const seen = new Set<string>();
  for (const text of basisTexts) {
    const replaceAt = foldText(text).indexOf('thay the');
    const refs = findDocRefs(text);
    if (replaceAt >= 0) {
      const first = refs.find((ref) => ref.index > 0);
      if (first?.number && !replaces.some((doc) => doc.number === first.number)) {
        replaces.push({ number: first.number, date: first.date });
      }
      continue;
    }
    for (const ref of refs) {
      if (!ref.number || seen.has(ref.number) || ref.number === number) continue;
      if (/\/(TT|NĐ|QĐ|CV)-/.test(ref.number) && text !== title) continue;
      seen.add(ref.number);
      basis.push({ number: ref.number, date: ref.date, issuer: ref.issuer });
    }
  }

  return {
    number,
    issuer,
    issuerKind,
    locality: {
      name: locality.name,
      level: locality.level,
      province: pickProvince([...headerLines, ...bodyLines]),
    },
    issuedDate,
    title,
    signer: readSigner(lines, structure, stamps),
    basis,
    replaces,
    standingAgency: readStandingAgency(organisation),
    reporting: readReporting(organisation),
  };
};
