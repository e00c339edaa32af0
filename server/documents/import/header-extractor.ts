/**
 * Reads the plan header: number, issuer, locality, date, title, signer, cited and replaced documents,
 * standing agency and reporting regime. Works from document structure only (the national header,
 * "Số:", "…, ngày … tháng … năm …", "KẾ HOẠCH", "Căn cứ", "thay thế", "Nơi nhận", "TM./KT." blocks).
 * Numbers, dates and cited documents are read in `doc-references.ts`, the locality in
 * `header-locality.ts`, the signer and the issuer's kind in `header-signer.ts`.
 */
import { foldText, normalizeText } from '@core/domain/text';
import type { TImportedPlanHeader } from '@core/schemas/import.schemas';
import {
  CITATION_WORDS,
  DOC_NUMBER,
  findDocRefs,
  isoDate,
  normalizeDocNumber,
  pad,
  readDateLine,
} from './doc-references';
import { pickLocality, pickProvince } from './header-locality';
import { readIssuerKind, readSigner } from './header-signer';
import { type DocumentStructure, foldOcr } from './structure';
import { joinWrapped } from './text-reader';
import { cleanUnit } from './units';

type Header = TImportedPlanHeader;

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
