/**
 * Who issues and signs the plan: the signature block ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", then the name)
 * and whether the issuer is a Party committee or a People's Committee. Used by the header extractor.
 */
import type { TImportedPlanHeader } from '@core/schemas/import.schemas';
import { titleCase } from './header-locality';
import { type DocumentStructure, foldOcr, isSignatureStart } from './structure';

type Header = TImportedPlanHeader;

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
export const readSigner = (
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
