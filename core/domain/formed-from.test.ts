import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FORMER_UNIT_KINDS,
  type FormerUnit,
  formerUnitKey,
  formerUnitLabel,
  parseFormedFrom,
} from './formed-from';

/** kind, name, qualifier, share — the fields a test states. */
const brief = (units: FormerUnit[]) =>
  units.map((unit) => [unit.kind, unit.name, unit.qualifier, unit.share] as const);

describe('parseFormedFrom on lines of the national register', () => {
  it('should read a plain list of whole units', () => {
    const reading = parseFormedFrom('Xã Bình Long, Xã Phương Giao, Xã Dân Tiến');
    expect(reading.kept).toBe(false);
    expect(reading.unread).toEqual([]);
    expect(brief(reading.units)).toEqual([
      ['xã', 'Bình Long', null, 'whole'],
      ['xã', 'Phương Giao', null, 'whole'],
      ['xã', 'Dân Tiến', null, 'whole'],
    ]);
  });

  it('should read "giữ nguyên" as kept and null as unknown, both without former units', () => {
    expect(parseFormedFrom('giữ nguyên')).toEqual({ kept: true, units: [], unread: [] });
    expect(parseFormedFrom(null)).toEqual({ kept: false, units: [], unread: [] });
    expect(parseFormedFrom('   ')).toEqual({ kept: false, units: [], unread: [] });
  });

  it('should share the kind of "các phường" over the list and make the units after a part phrase parts', () => {
    const reading = parseFormedFrom(
      'Phường Quán Thánh, Phường Trúc Bạch, một phần diện tích TN, quy mô dân số của các phường Cửa Nam, Điện Biên, Đội Cấn, Kim Mã, Ngọc Hà, một phần diện tích TN của phường Thụy Khuê, phần còn lại của phường Cửa Đông, Đồng Xuân sau khi sắp Xếp',
    );
    expect(reading.unread).toEqual([]);
    expect(brief(reading.units)).toEqual([
      ['phường', 'Quán Thánh', null, 'whole'],
      ['phường', 'Trúc Bạch', null, 'whole'],
      ['phường', 'Cửa Nam', null, 'part'],
      ['phường', 'Điện Biên', null, 'part'],
      ['phường', 'Đội Cấn', null, 'part'],
      ['phường', 'Kim Mã', null, 'part'],
      ['phường', 'Ngọc Hà', null, 'part'],
      ['phường', 'Thụy Khuê', null, 'part'],
      ['phường', 'Cửa Đông', null, 'part'],
      ['phường', 'Đồng Xuân', null, 'part'],
    ]);
    expect(reading.units.map((unit) => unit.kindInherited)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      false,
      false,
      true,
    ]);
  });

  it('should read qualifiers and part notes in parentheses, and "và" outside them', () => {
    const reading = parseFormedFrom(
      'Phường Giáp Bát, Phường Minh Khai (quận Hai Bà Trưng) (phần còn lại sau khi sáp nhập vào phường Bạch Mai), Phường Đồng Tâm và Xã Phú Hội (phần còn lại sau khi sáp nhập vào xã An Phú và Nhơn Hội)',
    );
    expect(reading.unread).toEqual([]);
    expect(brief(reading.units)).toEqual([
      ['phường', 'Giáp Bát', null, 'whole'],
      ['phường', 'Minh Khai', 'quận Hai Bà Trưng', 'part'],
      ['phường', 'Đồng Tâm', null, 'whole'],
      ['xã', 'Phú Hội', null, 'part'],
    ]);
  });

  it('should read a "toàn bộ" phrase as whole, a kind printed twice once, and typos of the map', () => {
    const reading = parseFormedFrom(
      'Toàn bộ  diện tích TN, quy mô dân số của các phường Phường Giảng Võ và Phường Cát Linh, Phường Kim Mã (phần còn lại sau khi sáp nhập vào phường Ba Đình, phường Ngọc Hà)',
    );
    expect(brief(reading.units)).toEqual([
      ['phường', 'Giảng Võ', null, 'whole'],
      ['phường', 'Cát Linh', null, 'whole'],
      ['phường', 'Kim Mã', null, 'part'],
    ]);
    expect(
      brief(
        parseFormedFrom(
          'Phường Dân Chủ, và phần còn lại của xã  Xã Vầy Nưa sau khi sắp xếp theo quy định tại khoản 99 Điều này',
        ).units,
      ),
    ).toEqual([
      ['phường', 'Dân Chủ', null, 'whole'],
      ['xã', 'Vầy Nưa', null, 'part'],
    ]);
    expect(brief(parseFormedFrom('Xã Đông Anh, và phần còn lại củ Xã Ngọc Thanh').units)).toEqual([
      ['xã', 'Đông Anh', null, 'whole'],
      ['xã', 'Ngọc Thanh', null, 'part'],
    ]);
  });

  it('should read district qualifiers of every kind, units without a kind after one with it, and "(một phần)"', () => {
    expect(
      brief(parseFormedFrom('Phường Trần Hưng Đạo (thành phố Kon Tum), Lê Lợi, Nguyễn Trãi').units),
    ).toEqual([
      ['phường', 'Trần Hưng Đạo', 'thành phố Kon Tum', 'whole'],
      ['phường', 'Lê Lợi', null, 'whole'],
      ['phường', 'Nguyễn Trãi', null, 'whole'],
    ]);
    expect(
      brief(
        parseFormedFrom(
          'Thị trấn Châu Thành (huyện Châu Thành, tỉnh Bến Tre), Xã Đăk Long (thuộc huyện Đăk Hà), Xã Trần Hợi (một phần), Thị trấn Sông Đốc (bao gồm cụm đảo Hòn Chuối), Huyện Lý Sơn, Thị trấn Nông trường Liên Sơn',
        ).units,
      ),
    ).toEqual([
      ['thị trấn', 'Châu Thành', 'huyện Châu Thành, tỉnh Bến Tre', 'whole'],
      ['xã', 'Đăk Long', 'thuộc huyện Đăk Hà', 'whole'],
      ['xã', 'Trần Hợi', null, 'part'],
      ['thị trấn', 'Sông Đốc', null, 'whole'],
      ['huyện', 'Lý Sơn', null, 'whole'],
      ['thị trấn', 'Nông trường Liên Sơn', null, 'whole'],
    ]);
  });

  it('should report what names no unit as unread, keeping the units it can read', () => {
    const reading = parseFormedFrom(
      'Xã Kim Trung, Xã Kim Đông và khu vực bãi bồi ven biển (do huyện Kim Sơn quản lý)',
    );
    expect(brief(reading.units)).toEqual([
      ['xã', 'Kim Trung', null, 'whole'],
      ['xã', 'Kim Đông', null, 'whole'],
    ]);
    expect(reading.unread).toEqual(['và khu vực bãi bồi ven biển (do huyện Kim Sơn quản lý)']);
    expect(parseFormedFrom('Krông Na')).toEqual({ kept: false, units: [], unread: ['Krông Na'] });
    expect(parseFormedFrom('Xã Phong Vân, Trường bắn TB1').unread).toEqual(['Trường bắn TB1']);
    expect(parseFormedFrom('Xã A (chưa rõ)').unread).toEqual(['Xã A (chưa rõ)']);
  });

  it('should keep a unit printed twice once, a part if either says so', () => {
    const reading = parseFormedFrom('Xã Hòa Bình, Xã Hòa Bình (phần còn lại)');
    expect(brief(reading.units)).toEqual([['xã', 'Hòa Bình', null, 'part']]);
  });

  it('should label a unit as printed', () => {
    expect(formerUnitLabel({ kind: 'thị trấn', name: 'Văn Điển', qualifier: null })).toBe(
      'Thị trấn Văn Điển',
    );
    expect(formerUnitLabel({ kind: 'xã', name: 'Đồng Tiến', qualifier: 'huyện Yên Thế' })).toBe(
      'Xã Đồng Tiến (huyện Yên Thế)',
    );
  });
});

/** A generated unit name: one to four capitalised syllables or a number, with diacritics. */
const syllable = fc.constantFrom(
  'Bình',
  'Long',
  'Đông',
  'Phú',
  'Hòa',
  'Tân',
  'Ea',
  "K'Nớ",
  'Xuân',
  'Ngọc',
  'Ân',
);
const name = fc.oneof(
  fc.array(syllable, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')),
  fc.integer({ min: 1, max: 20 }).map(String),
);
const qualifier = fc.option(
  fc.tuple(fc.constantFrom('huyện', 'quận', 'thị xã', 'thành phố'), name).map(([k, n]) => `${k} ${n}`),
  { nil: null },
);
const kind = fc.constantFrom(...FORMER_UNIT_KINDS);
const unit = fc.record({ kind, name, qualifier, part: fc.boolean() });
const printed = (u: { kind: string; name: string; qualifier: string | null; part: boolean }) =>
  `${u.kind[0]!.toUpperCase()}${u.kind.slice(1)} ${u.name}${u.qualifier ? ` (${u.qualifier})` : ''}${
    u.part ? ' (phần còn lại sau khi sáp nhập vào xã Khác)' : ''
  }`;
/** Distinct units (by key): a list never prints the same unit twice. */
const units = fc.uniqueArray(unit, {
  minLength: 1,
  maxLength: 12,
  selector: (u) => formerUnitKey(u),
});

describe('parseFormedFrom on generated lists', () => {
  it('should read back every unit of a list joined by commas and "và", in order', () => {
    fc.assert(
      fc.property(
        units,
        fc.array(fc.constantFrom(', ', ' và ', ',', ' , '), { minLength: 12, maxLength: 12 }),
        (list, joins) => {
          const text = list.map(printed).reduce((all, next, i) => `${all}${joins[i - 1]}${next}`);
          const reading = parseFormedFrom(text);
          expect(reading.unread).toEqual([]);
          expect(brief(reading.units)).toEqual(
            list.map((u) => [u.kind, u.name, u.qualifier, u.part ? 'part' : 'whole'] as const),
          );
        },
      ),
    );
  });

  it('should give the kind of "các <kind>" to the names after it and make them parts after a part phrase', () => {
    fc.assert(
      fc.property(kind, fc.uniqueArray(name, { minLength: 1, maxLength: 8 }), (shared, names) => {
        const text = `một phần diện tích TN, quy mô dân số của các ${shared} ${names.join(', ')}`;
        const reading = parseFormedFrom(text);
        expect(reading.unread).toEqual([]);
        expect(brief(reading.units)).toEqual(names.map((n) => [shared, n, null, 'part'] as const));
      }),
    );
  });

  it('should account for every piece of any text: a unit read or a piece reported, never dropped', () => {
    const piece = fc.oneof(
      unit.map(printed),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('khu vực bãi bồi'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.join(', ');
        const reading = parseFormedFrom(text);
        const meaningful = /[\p{L}\d]/u.test(text) && !/^\s*giữ nguyên\.?\s*$/iu.test(text);
        if (meaningful && !reading.kept)
          expect(reading.units.length + reading.unread.length).toBeGreaterThan(0);
        for (const piece of reading.unread)
          expect(text.normalize('NFC').replace(/\s+/g, ' ')).toContain(piece);
      }),
    );
  });
});
