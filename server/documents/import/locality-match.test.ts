/**
 * The locality match against the whole national register: every commune is found from its name as a
 * header prints it (capitals, no accents), by kind and province; names shared by several communes are
 * told apart by the province or flagged; former units lead to the unit they were merged into.
 */
import { readFileSync } from 'node:fs';
import { foldText } from '@core/domain/text';
import { describe, expect, it } from 'vitest';
import { compareLocality, formerUnits, matchLocality } from './locality-match';

type Unit = { code: string; name: string; kind: string; formedFrom: string | null };
const register = JSON.parse(
  readFileSync(new URL('../../modules/locality/register/vn-localities-2025.json', import.meta.url), 'utf8'),
) as { provinces: Array<Unit & { communes: Unit[] }> };

const short = (name: string, kind: string) =>
  name.toLocaleLowerCase('vi').startsWith(`${kind} `) ? name.slice(kind.length + 1) : name;
const provinceShort = (name: string) => name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
const communes = register.provinces.flatMap((province) =>
  province.communes.map((commune) => ({
    ...commune,
    short: short(commune.name, commune.kind),
    province: provinceShort(province.name),
  })),
);
const sameName = (a: { short: string; kind: string }, b: { short: string; kind: string }) =>
  foldText(a.short) === foldText(b.short) && a.kind === b.kind;

describe('matchLocality over the register', () => {
  // Every 7th commune: a spread over all provinces without running 3,321 cases.
  const sample = communes.filter((_, index) => index % 7 === 0);

  it.each(sample.map((commune) => [commune.code, commune] as const))(
    '%s is found from its name printed in capitals without accents, with its province',
    (_code, commune) => {
      const printed = foldText(commune.short).toUpperCase();
      const found = matchLocality({ name: printed, level: commune.kind, province: commune.province });
      const twins = communes.filter(
        (other) => sameName(other, commune) && other.province === commune.province,
      );
      expect(found?.code).toBe(twins.length === 1 ? commune.code : twins[0]?.code);
      expect(found?.confidence).toBe(twins.length === 1 ? 'high' : 'low');
      expect(found?.formerName).toBeNull();
    },
  );

  it('flags a name several communes share when the document names no province', () => {
    const shared = communes.find(
      (commune) => communes.filter((other) => sameName(other, commune)).length > 1,
    )!;
    const found = matchLocality({ name: shared.short, level: shared.kind, province: null });
    expect(found?.confidence).toBe('low');
    expect(found?.candidates).toBe(communes.filter((other) => sameName(other, shared)).length);
    expect(found?.note).toMatch(/^Có \d+ đơn vị tên/);
  });

  it('tells the kinds apart: a xã is not a phường of the same name', () => {
    const ward = communes.find(
      (commune) =>
        commune.kind === 'phường' &&
        !communes.some((o) => o.kind === 'xã' && foldText(o.short) === foldText(commune.short)),
    )!;
    expect(matchLocality({ name: ward.short, level: 'phường', province: null })?.kind).toBe('phường');
    const asCommune = matchLocality({ name: ward.short, level: 'xã', province: null });
    expect(asCommune?.code === ward.code && asCommune.formerName === null).toBe(false);
  });

  it('proposes the unit a former commune was merged into, and says so', () => {
    const merged = communes.filter((commune) => formerUnits(commune.formedFrom).length > 1);
    let checked = 0;
    for (const commune of merged.filter((_, index) => index % 25 === 0)) {
      const former = formerUnits(commune.formedFrom).find(
        (unit) =>
          !communes.some((other) => foldText(other.short) === unit.folded && other.kind === unit.kind) &&
          communes.filter(
            (other) =>
              other.province === commune.province &&
              formerUnits(other.formedFrom).some((o) => o.folded === unit.folded && o.kind === unit.kind),
          ).length === 1,
      );
      if (!former) continue;
      const name = former.printed.slice(former.kind.length + 1);
      const found = matchLocality({ name, level: former.kind, province: commune.province });
      expect(found, former.printed).toMatchObject({
        code: commune.code,
        confidence: 'medium',
        formerName: former.printed,
      });
      expect(found?.note).toContain('đã sắp xếp từ ngày 01/7/2025');
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('answers null for a name the register does not know', () => {
    expect(matchLocality({ name: 'Không Có Thật', level: 'xã', province: null })).toBeNull();
    expect(matchLocality({ name: null, level: null, province: null })).toBeNull();
  });
});

describe('compareLocality', () => {
  const thanhDong = {
    name: 'Thành Đông',
    kind: 'phường',
    formedFrom: 'Phường Cẩm Thượng, Phường Bình Hàn, Xã An Thượng',
    province: { name: 'Hải Phòng', formedFrom: 'Tỉnh Hải Dương, Thành phố Hải Phòng' },
  };
  it.each([
    [{ name: 'THANH DONG', level: 'phường', province: null }, 'same'],
    [{ name: 'Thành Đông', level: 'phường', province: 'Hải Dương' }, 'same'],
    [{ name: 'Thành Đông', level: 'xã', province: null }, 'different'],
    [{ name: 'Thành Đông', level: 'phường', province: 'Thái Nguyên' }, 'different'],
    [{ name: 'Dân Tiến', level: 'xã', province: null }, 'different'],
    [{ name: 'An Thượng', level: 'xã', province: null }, 'former'],
    [{ name: null, level: null, province: null }, 'unnamed'],
  ] as const)('%j → %s', (mention, expected) => {
    expect(compareLocality(mention, thanhDong)).toBe(expected);
  });
});
