/**
 * Finds the commune, ward or special zone a plan names ("UBND xã Dân Tiến", "Đảng ủy phường Thành
 * Đông", "Dân Tiến, ngày …") in the national register of 2025 (34 provinces, 3,321 communes). The
 * match ignores accents and case (OCR copies lose them), respects the kind (xã / phường / đặc khu),
 * uses the province when the document names one (many communes share a name), and also looks through
 * the units merged in the 2025 reform: a plan written by a former commune is proposed to the unit it
 * became part of, and the proposal says so. Pure: reads the register file shipped with the product.
 */
import { readFileSync } from 'node:fs';
import { foldText } from '@core/domain/text';

const REGISTER_FILE = new URL('../../modules/locality/register/vn-localities-2025.json', import.meta.url);

type RegisterUnit = { code: string; name: string; kind: string; formedFrom: string | null };
type RegisterFile = { provinces: Array<RegisterUnit & { communes: RegisterUnit[] }> };

/** A commune of the register, prepared for matching. */
type Commune = {
  code: string;
  /** Name without its kind ("Dân Tiến"). */
  name: string;
  kind: string;
  folded: string;
  /** The units it was formed from, folded, with their kinds ("xa dan tien"). */
  former: Array<{ kind: string; folded: string; printed: string }>;
  province: { code: string; name: string; folded: string; formerFolded: string[] };
};

/** How sure the proposal is: `high` one current unit of that name (in the province named); `medium` a
 * former unit merged into one current unit; `low` several candidates, or a name read from a damaged text. */
export type LocalityConfidence = 'high' | 'medium' | 'low';

/** The locality proposed for a plan, from its header. */
export type LocalityProposal = {
  /** Official code of the commune (mã đơn vị hành chính). */
  code: string;
  /** Name without its kind ("Thành Đông"). */
  name: string;
  /** xã, phường or đặc khu. */
  kind: string;
  /** The province it belongs to ("Hải Phòng"), and its code. */
  province: string;
  provinceCode: string;
  confidence: LocalityConfidence;
  /** The former unit the document names, when the match went through the 2025 merger ("xã Dân Tiến"). */
  formerName: string | null;
  /** How many units of the register fit the document's words (1 when unambiguous). */
  candidates: number;
  /** Why this unit, in Vietnamese, for the review screen. */
  note: string;
};

const KINDS = ['xã', 'phường', 'đặc khu', 'thị trấn'] as const;
const KIND_FOLDED: Record<string, string> = {
  xa: 'xã',
  phuong: 'phường',
  'dac khu': 'đặc khu',
  'thi tran': 'thị trấn',
};

const shortName = (name: string, kind: string): string =>
  name.toLocaleLowerCase('vi').startsWith(`${kind} `) ? name.slice(kind.length + 1).trim() : name;

/**
 * A locality as a sentence names it: "phường Thành Đông" (also for a name stored with its kind,
 * "Phường Thử Nghiệm" → "phường Thử Nghiệm").
 *
 * @param name - the stored name
 * @param kind - xã, phường, đặc khu
 * @returns the kind, then the name
 */
export const localityLabel = (name: string, kind: string): string => `${kind} ${shortName(name, kind)}`;

/** "Tỉnh Thái Nguyên" / "Thành phố Hà Nội" → "Thái Nguyên" / "Hà Nội". */
const provinceShortName = (name: string): string => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');

/**
 * The units a "formed from" text names, with their kinds: "Xã Bình Long, Xã Phương Giao, Xã Dân Tiến",
 * "các phường Cửa Nam, Điện Biên", "Xã Đồng Tiến (huyện Khoái Châu)". A name after a list word keeps
 * the kind of the list.
 */
export const formerUnits = (
  text: string | null,
): Array<{ kind: string; folded: string; printed: string }> => {
  if (!text) return [];
  const out: Array<{ kind: string; folded: string; printed: string }> = [];
  let kind: string | null = null;
  for (const raw of text.replace(/\([^)]*\)/g, '').split(/,|;|\svà\s/u)) {
    const piece = raw.trim();
    const withKind = /(?:^|\s)(xã|phường|đặc khu|thị trấn)\s+(.+)$/iu.exec(piece);
    let name: string | null = null;
    if (withKind?.[1] && withKind[2]) {
      kind = withKind[1].toLocaleLowerCase('vi');
      name = withKind[2];
    } else if (kind && /^\p{Lu}/u.test(piece) && piece.split(/\s+/).length <= 4) name = piece;
    if (!name || !kind) continue;
    name = name
      .replace(/\s*\(.*$/, '')
      .replace(/\s+(sau khi|còn lại|phần).*$/u, '')
      .trim();
    if (!/^\p{Lu}/u.test(name) || name.split(/\s+/).length > 4) continue;
    out.push({ kind, folded: foldText(name), printed: `${kind} ${name}` });
  }
  return out;
};

let communes: Commune[] | null = null;

const loadCommunes = (): Commune[] => {
  if (communes) return communes;
  const register = JSON.parse(readFileSync(REGISTER_FILE, 'utf8')) as RegisterFile;
  communes = register.provinces.flatMap((province) => {
    const provinceName = provinceShortName(province.name);
    const provinceInfo = {
      code: province.code,
      name: provinceName,
      folded: foldText(provinceName),
      formerFolded: (province.formedFrom ?? '')
        .split(/,|\svà\s/u)
        .map((part) => foldText(part.replace(/^\s*(tỉnh|thành phố)\s+/iu, '')))
        .filter(Boolean),
    };
    return province.communes.map((commune) => {
      const name = shortName(commune.name, commune.kind);
      return {
        code: commune.code,
        name,
        kind: commune.kind,
        folded: foldText(name),
        former: formerUnits(commune.formedFrom),
        province: provinceInfo,
      };
    });
  });
  return communes;
};

/** The words of the document about its own locality (the draft's `plan.locality`). */
export type LocalityMention = { name: string | null; level: string | null; province: string | null };

const kindOf = (level: string | null): string | null => {
  if (!level) return null;
  const folded = foldText(level);
  return KIND_FOLDED[folded] ?? (KINDS.includes(level as (typeof KINDS)[number]) ? level : null);
};

const inProvince = (commune: Commune, province: string | null): boolean => {
  if (!province) return true;
  const folded = foldText(province);
  return commune.province.folded === folded || commune.province.formerFolded.includes(folded);
};

/**
 * Proposes the register's unit for the locality a plan names.
 *
 * @param mention - the name, kind and province the document prints (any accents, possibly OCR'd)
 * @returns the proposal, or null when the register has no unit of that name (current or former)
 */
export const matchLocality = (mention: LocalityMention): LocalityProposal | null => {
  if (!mention.name) return null;
  const folded = foldText(mention.name);
  const kind = kindOf(mention.level);
  const all = loadCommunes();
  const provinceKnown = mention.province
    ? all.some((commune) => inProvince(commune, mention.province))
    : false;
  // A province the register does not know (misread) does not rule anything out.
  const province = provinceKnown ? mention.province : null;
  const where = province ? ` thuộc ${province}` : '';
  const printed = `${kind ?? ''} ${mention.name}`.trim();

  const current = all.filter(
    (commune) =>
      commune.folded === folded && (!kind || commune.kind === kind) && inProvince(commune, province),
  );
  if (current.length) {
    const [first] = current as [Commune, ...Commune[]];
    const unique = current.length === 1;
    return {
      code: first.code,
      name: first.name,
      kind: first.kind,
      province: first.province.name,
      provinceCode: first.province.code,
      confidence: unique && kind ? 'high' : 'low',
      formerName: null,
      candidates: current.length,
      note: unique
        ? `Văn bản ghi ${printed}${where}: khớp ${first.kind} ${first.name}, ${first.province.name} (mã ${first.code}) trong danh mục đơn vị hành chính.`
        : `Có ${current.length} đơn vị tên ${printed}${where} trong danh mục đơn vị hành chính; văn bản không đủ để phân biệt. Hãy chọn đúng địa phương.`,
    };
  }

  const merged = all.filter(
    (commune) =>
      inProvince(commune, province) &&
      commune.former.some((unit) => unit.folded === folded && (!kind || unit.kind === kind)),
  );
  if (!merged.length) return null;
  const [first] = merged as [Commune, ...Commune[]];
  const unique = merged.length === 1;
  return {
    code: first.code,
    name: first.name,
    kind: first.kind,
    province: first.province.name,
    provinceCode: first.province.code,
    confidence: unique ? 'medium' : 'low',
    formerName: printed,
    candidates: merged.length,
    note: unique
      ? `Văn bản ghi ${printed}${where}, đơn vị đã sắp xếp từ ngày 01/7/2025 vào ${first.kind} ${first.name}, ${first.province.name} (mã ${first.code}). Đề xuất lưu vào ${first.kind} ${first.name}; hãy kiểm tra lại.`
      : `${printed}${where} là tên cũ của ${merged.length} đơn vị đã sắp xếp; văn bản không đủ để phân biệt. Hãy chọn đúng địa phương.`,
  };
};

/** The locality a plan is being saved into, with its province, as the database holds them. */
export type ChosenLocality = {
  name: string;
  kind: string;
  formedFrom: string | null;
  province: { name: string; formedFrom: string | null } | null;
};

/**
 * Compares the locality a document names with the one chosen to save the plan into.
 *
 * @param mention - what the document prints (`plan.locality` of the reviewed draft)
 * @param chosen - the locality chosen, with its province
 * @returns `same` (the document names it), `former` (it names a unit merged into it), `different`, or
 *   `unnamed` (the document names no locality)
 */
export const compareLocality = (
  mention: LocalityMention,
  chosen: ChosenLocality,
): 'same' | 'former' | 'different' | 'unnamed' => {
  if (!mention.name?.trim()) return 'unnamed';
  const folded = foldText(mention.name);
  const kind = kindOf(mention.level);
  if (mention.province && chosen.province) {
    const province = foldText(mention.province);
    const provinceNames = [
      foldText(provinceShortName(chosen.province.name)),
      ...(chosen.province.formedFrom ?? '')
        .split(/,|\svà\s/u)
        .map((part) => foldText(part.replace(/^\s*(tỉnh|thành phố)\s+/iu, ''))),
    ];
    if (!provinceNames.includes(province)) return 'different';
  }
  if (foldText(shortName(chosen.name, chosen.kind)) === folded && (!kind || kind === chosen.kind))
    return 'same';
  if (formerUnits(chosen.formedFrom).some((unit) => unit.folded === folded && (!kind || unit.kind === kind)))
    return 'former';
  return 'different';
};
