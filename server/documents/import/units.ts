/**
 * Names of agencies and units as plans print them ("Phòng Văn hóa - Xã hội", "Trung tâm HCC",
 * "Công an xã", "MTTQ và các đoàn thể"). Used to find where a unit column starts in a flattened table
 * row and to split coordinating lists.
 */
import { foldText } from '@core/domain/text';

/**
 * Folded words a unit name starts with. Generic administrative vocabulary of commune-level government
 * (Nghị định 30/2020, the 2025 two-level structure), not names from any particular plan.
 */
const UNIT_HEADS = [
  'phong',
  'van phong',
  'trung tam',
  'cong an',
  'cong chuc',
  'vien chuc',
  'can bo',
  'ban',
  'mttq',
  'mat tran',
  'uy ban',
  'ubnd',
  'ubmttq',
  'hdnd',
  'doanh nghiep',
  'cac phong',
  'cac co quan',
  'cac don vi',
  'cac to',
  'cac truong',
  'cac doan the',
  'tram y te',
  'tram',
  'truong',
  'doan thanh nien',
  'hoi',
  'to cong nghe',
  'to dan pho',
  'to cns',
  'thon',
  'xom',
  'ca nhan',
  'dong chi',
  'chu tich',
  'pho chu tich',
  'bi thu',
  'pho bi thu',
  'quan su',
  'ban chi huy',
  'buu dien',
  'vien thong',
  'nha mang',
];

/**
 * Tells whether a piece of text starts like a unit name.
 *
 * @param text - the text (any case, accents or not)
 * @returns true for "Phòng Kinh tế…", "Trung tâm HCC", "Công an phường", "MTTQ và…"
 */
export const startsWithUnit = (text: string): boolean => {
  const folded = `${foldText(text)} `;
  return UNIT_HEADS.some((head) => folded.startsWith(head.endsWith(' ') ? head : `${head} `));
};

/**
 * Cleans a unit name: single spaces, first letter upper-case, no trailing punctuation.
 *
 * @param text - the unit as printed
 * @returns the cleaned name, or null when nothing is left
 */
export const cleanUnit = (text: string | null | undefined): string | null => {
  if (text == null) return null;
  const cleaned = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;.])/g, '$1')
    .replace(/^[\s\-–+*•,;:.]+|[\s,;:.]+$/g, '')
    .trim();
  if (!cleaned) return null;
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
};

/**
 * Splits a coordinating-units cell into units: on ";" always, and on "," only when each piece starts
 * like a unit name (so "Phòng Kinh tế, Hạ tầng và Đô thị" stays whole).
 *
 * @param text - the cell as printed
 * @returns the units in printed order
 */
export const splitUnits = (text: string | null | undefined): string[] => {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(/\s*;\s*/)) {
    const pieces = part.split(/\s*,\s*/);
    if (pieces.length > 1 && pieces.every((piece) => startsWithUnit(piece))) {
      for (const piece of pieces) {
        const unit = cleanUnit(piece);
        if (unit) out.push(unit);
      }
    } else {
      const unit = cleanUnit(part);
      if (unit) out.push(unit);
    }
  }
  return out;
};
