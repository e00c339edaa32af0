/**
 * Reads the plan header: number, issuer, locality, date, title, signer, cited and replaced documents,
 * standing agency and reporting regime. Works from document structure only (the national header,
 * "Số:", "…, ngày … tháng … năm …", "KẾ HOẠCH", "Căn cứ", "thay thế", "Nơi nhận", "TM./KT." blocks).
 */
import { foldText, normalizeText } from '@core/domain/text';
import type { TImportedPlanHeader } from '@core/schemas/import.schemas';
import { type DocumentStructure, foldOcr } from './structure';
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

const POSITIONS: Array<[RegExp, string]> = [
  [/^pho chu tich\b/, 'Phó Chủ tịch'],
  [/^chu tich\b/, 'Chủ tịch'],
  [/^pho bi thu\b/, 'Phó Bí thư'],
  [/^bi thu\b/, 'Bí thư'],
];

const looksLikePersonName = (line: string): boolean => {
  const words = line.trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((word) => /^\p{Lu}\p{Ll}*$/u.test(word)) &&
    !/^(phu luc|noi nhan|ke hoach)/.test(foldText(line))
  );
};

const readSigner = (
  lines: readonly string[],
  structure: DocumentStructure,
  stamps: readonly string[],
): Header['signer'] => {
  let position: string | null = null;
  let name: string | null = null;
  let blockStart = -1;
  for (let i = structure.bodyEnd; i < structure.appendixStart; i++) {
    const folded = foldOcr(lines[i] ?? '');
    if (/\b(tm|kt|t m)\s+(uy ban|ubnd|dang uy|ban thuong vu|chu tich|bi thu)/.test(folded)) {
      blockStart = i;
      const inline = folded.replace(/^.*?\b(?:tm|kt|t m)\s+/, '');
      for (const [pattern, label] of POSITIONS) if (pattern.test(inline)) position = label;
      for (let j = i + 1; j < Math.min(i + 4, structure.appendixStart); j++) {
        const next = foldOcr(lines[j] ?? '');
        const found = POSITIONS.find(([pattern]) => pattern.test(next));
        if (found) position = found[1];
      }
      if (!position)
        position = /\b(uy ban|ubnd)/.test(inline)
          ? 'Chủ tịch'
          : /dang uy|ban thuong vu/.test(inline)
            ? 'Bí thư'
            : null;
      break;
    }
  }
  if (blockStart >= 0) {
    for (let j = blockStart + 1; j < Math.min(blockStart + 6, structure.appendixStart); j++) {
      const line = (lines[j] ?? '').replace(/\t/g, ' ').trim();
      if (looksLikePersonName(line)) {
        name = line;
        break;
      }
    }
  }
  if (!name) {
    for (const stamp of stamps) {
      const who = /^(.+?)\s*<[^>]*>\s*đã ký/i.exec(stamp)?.[1]?.trim();
      if (who && who !== who.toUpperCase() && looksLikePersonName(who)) {
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

const readNumberAndDate = (
  lines: readonly string[],
  structure: DocumentStructure,
): { number: string | null; issuedDate: string | null } => {
  const headerEnd = structure.titleIndex >= 0 ? structure.titleIndex : Math.min(lines.length, 8);
  let number: string | null = null;
  let issuedDate: string | null = null;
  const numberPattern = new RegExp(DOC_NUMBER);
  for (let i = 0; i < headerEnd; i++) {
    const line = (lines[i] ?? '').replace(/\t/g, ' ');
    if (!number) {
      const match = numberPattern.exec(line);
      if (match && !/\b(ngày|ngay)\s*$/.test(line.slice(0, match.index)))
        number = normalizeDocNumber(match[0]);
    }
    issuedDate ??= readIssuedDate(line);
  }
  if (!number || !issuedDate) {
    // The appendix repeats them: "(Ban hành kèm theo Kế hoạch số 54/KH-UBND ngày 30/8/2025 …)".
    for (const start of structure.appendices) {
      const text = joinWrapped(lines.slice(start, start + 5));
      const match = new RegExp(
        String.raw`(?:kèm theo|kem theo)[^()]*?(?:số|so)\s*(${DOC_NUMBER})(?:\s*ngày\s*(\d{1,2})\/(\d{1,2})\/(\d{4}))?`,
        'i',
      ).exec(text);
      if (match?.[1]) {
        number ??= normalizeDocNumber(match[1]);
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
  const headerFolded = foldOcr(headerLines.join(' '));
  const signerFolded = foldOcr(lines.slice(structure.bodyEnd, structure.appendixStart).join(' '));
  const numberSymbol = number ?? '';
  const partySigns =
    /^(dang uy|dang bo|ban thuong vu|ban chap hanh)\b/.test(headerFolded) ||
    /[-/](ĐU|DU|ĐB|TU|HU)$/.test(numberSymbol) ||
    /\b(tm|t m)\s+(dang uy|ban thuong vu|ban chap hanh)/.test(signerFolded);
  const governmentSigns =
    /\b(uy ban nhan dan|ubnd)\b/.test(headerFolded) ||
    /UBND/.test(numberSymbol) ||
    /\b(tm|kt)\s+(uy ban nhan dan|ubnd|chu tich)/.test(signerFolded);
  const issuerKind =
    partySigns && !governmentSigns ? 'party' : governmentSigns ? 'government' : partySigns ? 'party' : null;
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
