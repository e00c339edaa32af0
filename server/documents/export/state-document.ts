/**
 * What a state document says about who issues it, following Nghị định 30/2020/NĐ-CP (People's Committees)
 * and Hướng dẫn 36-HD/VPTW (party committees): the two header lines, the number suffix, the place-and-date
 * line and the signature block. Pure: the exporters and their tests share it.
 */

export type IssuerKind = 'government' | 'party';

/** Who issues the document, as the header and the signature block print it. */
export type DocumentIssuer = {
  kind: IssuerKind;
  /** The level above, in capitals: "UBND TỈNH THÁI NGUYÊN" or "ĐẢNG BỘ TỈNH THÁI NGUYÊN". */
  parentName: string;
  /** The issuing body, in capitals: "ỦY BAN NHÂN DÂN XÃ DÂN TIẾN" or "ĐẢNG ỦY XÃ DÂN TIẾN". */
  name: string;
  /** How the text names it: "UBND xã Dân Tiến". */
  shortName: string;
  /** The place in the date line: "Dân Tiến". */
  placeName: string;
  signer: { name: string | null; position: string | null };
};

const upper = (text: string) => text.toLocaleUpperCase('vi');

/**
 * Describes the issuer of a locality's document from the locality, its province and the plan's issuer kind.
 *
 * @param input - the commune (name and kind: xã, phường, đặc khu), its province (name and kind: tỉnh,
 *   thành phố), the issuer kind and the signer
 * @returns the header texts and the signer
 */
export const describeIssuer = (input: {
  kind: IssuerKind;
  locality: { name: string; kind: string };
  province: { name: string; kind: string } | null;
  signer: { name: string | null; position: string | null };
}): DocumentIssuer => {
  const { locality, province } = input;
  const provinceText = province ? `${province.kind} ${province.name}` : '';
  const localityText = `${locality.kind} ${locality.name}`;
  if (input.kind === 'party') {
    return {
      kind: 'party',
      parentName: province ? upper(`Đảng bộ ${provinceText}`) : '',
      name: upper(`Đảng ủy ${localityText}`),
      shortName: `Đảng ủy ${localityText}`,
      placeName: locality.name,
      signer: input.signer,
    };
  }
  return {
    kind: 'government',
    parentName: province ? upper(`UBND ${provinceText}`) : '',
    name: upper(`Ủy ban nhân dân ${localityText}`),
    shortName: `UBND ${localityText}`,
    placeName: locality.name,
    signer: input.signer,
  };
};

/** Day 1–9 and months 1–2 take a leading zero (NĐ 30/2020, Phụ lục I, mục 4). */
const dayText = (day: number) => (day < 10 ? `0${day}` : String(day));
const monthText = (month: number) => (month < 3 ? `0${month}` : String(month));

/**
 * The place-and-date line: "Dân Tiến, ngày 05 tháng 02 năm 2026".
 *
 * @param placeName - the place
 * @param isoDate - "YYYY-MM-DD"
 */
export const placeAndDate = (placeName: string, isoDate: string): string => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${placeName}, ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
};

/** "30/8/2025" as documents cite dates in their text. */
export const citedDate = (isoDate: string | null): string => {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day}/${month}/${year}`;
};

/**
 * The number line. A registered number is printed as it is; a draft gets a blank for the clerk, with the
 * kind and the issuer's abbreviation: "Số:        /BC-UBND" or, for the party, "Số       -BC/ĐU".
 *
 * @param issuerKind - the format
 * @param kindCode - the document kind's abbreviation: BC (báo cáo), KH (kế hoạch)
 * @param number - the registered number ("54/KH-UBND"), or null for a draft
 */
export const numberLine = (issuerKind: IssuerKind, kindCode: string, number: string | null): string => {
  if (issuerKind === 'party') return number ? `Số ${number}` : `Số       -${kindCode}/ĐU`;
  return number ? `Số: ${number}` : `Số:        /${kindCode}-UBND`;
};

/**
 * The signature block's lines above the signer's name.
 * UBND: "TM. ỦY BAN NHÂN DÂN" then "CHỦ TỊCH", or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" for a deputy.
 * Party: "T/M ĐẢNG ỦY" then "BÍ THƯ", or "PHÓ BÍ THƯ" for a deputy.
 */
export const signatureLines = (issuer: Pick<DocumentIssuer, 'kind' | 'signer'>): string[] => {
  const position = (issuer.signer.position ?? '').trim().toLocaleLowerCase('vi');
  const isDeputy = position.startsWith('phó');
  if (issuer.kind === 'party') return ['T/M ĐẢNG ỦY', isDeputy ? 'PHÓ BÍ THƯ' : 'BÍ THƯ'];
  return isDeputy
    ? ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']
    : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
};

/**
 * The standing committee above a commune's party committee, as "Nơi nhận" names it:
 * "tỉnh Thái Nguyên" → "Ban Thường vụ Tỉnh ủy Thái Nguyên", "thành phố Hải Phòng" → "Ban Thường vụ Thành ủy
 * Hải Phòng".
 *
 * @param provinceText - the province's kind and name, as the documents print it
 */
export const provinceCommitteeOf = (provinceText: string): string => {
  const city = /^thành phố\s+/i.exec(provinceText);
  if (city) return `Ban Thường vụ Thành ủy ${provinceText.slice(city[0].length)}`;
  return `Ban Thường vụ Tỉnh ủy ${provinceText.replace(/^tỉnh\s+/i, '')}`;
};
