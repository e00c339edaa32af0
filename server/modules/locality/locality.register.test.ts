/**
 * The national register loaded into the locality tree, on the real database: every unit with its
 * official code, kind and formation; a second load changes nothing; a row that differs from the
 * register is corrected and reported; localities outside the register are left alone.
 */
import { parseFormedFrom } from '@core/domain/formed-from';
import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, locality, localitySuccession } from '../../db/schema';
import { findLocalityByCode } from '../../shared/localities';
import { fixedClock } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { systemActor } from '../auth/access';
import { formerUnitCode, formerUnitsOf, loadRegister, readRegister, shortNameOf } from './locality.register';
import { createLocalityService } from './locality.service';

const context = { actor: systemActor('test'), ip: null, userAgent: null };

describe('the national register', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it('should hold 34 provinces and 3,321 communes whose names all start with their kind', () => {
    const register = readRegister();
    expect(register.provinces).toHaveLength(34);
    const communes = register.provinces.flatMap((province) => province.communes);
    expect(communes).toHaveLength(3321);
    for (const unit of [...register.provinces, ...communes]) {
      expect(shortNameOf(unit.name, unit.kind)).not.toBe(unit.name);
    }
    expect(shortNameOf('Phường Thành Đông', 'phường')).toBe('Thành Đông');
    expect(shortNameOf('Đặc khu Phú Quốc', 'đặc khu')).toBe('Phú Quốc');
    expect(shortNameOf('Hà Nội', 'thành phố')).toBe('Hà Nội');
  });

  it('should read every formedFrom of the register: units, "giữ nguyên", or pieces reported unread', () => {
    const communes = readRegister().provinces.flatMap((province) => province.communes);
    const counts = {
      units: 0,
      parts: 0,
      inheritedKinds: 0,
      kept: 0,
      unknown: 0,
      withUnread: 0,
      unread: [] as string[],
    };
    for (const commune of communes) {
      const reading = parseFormedFrom(commune.formedFrom);
      if (commune.formedFrom === null) counts.unknown++;
      if (reading.kept) counts.kept++;
      counts.units += reading.units.length;
      counts.parts += reading.units.filter((unit) => unit.share === 'part').length;
      counts.inheritedKinds += reading.units.filter((unit) => unit.kindInherited).length;
      if (reading.unread.length > 0) counts.withUnread++;
      counts.unread.push(...reading.unread);
      // Every text is accounted for: kept, unknown, or at least one unit or unread piece.
      expect(
        reading.kept || commune.formedFrom === null || reading.units.length + reading.unread.length > 0,
      ).toBe(true);
      // Every unread piece is text of the line, as printed.
      for (const piece of reading.unread) {
        expect(commune.formedFrom!.normalize('NFC').replace(/\s+/g, ' ')).toContain(piece);
      }
    }
    console.info(`formedFrom of ${communes.length} communes: ${JSON.stringify(counts)}`);
    // What the register holds today (a change of the register or of the reader shows here).
    expect(counts.unknown).toBe(1);
    expect(counts.kept).toBe(125);
    expect(counts.units).toBe(10438);
    expect(counts.unread.sort()).toEqual(
      [
        'Krông Na',
        'Thôn Mịch A',
        'Thôn Nà Lừa',
        'Trường bắn TB1',
        'Xóm Tổng Dùn',
        'và khu vực bãi bồi ven biển (do huyện Kim Sơn quản lý)',
      ].sort(),
    );
  });

  it('should load the nation, the provinces and the communes, then change nothing on a second load', async () => {
    const first = await handle.db.transaction((tx) => loadRegister(tx, fixedClock, context));
    const expected = formerUnitsOf(readRegister());
    const formerTotal = expected.units.length;
    const successions = expected.successions.length;
    expect(first).toEqual({
      total: 3356,
      inserted: 3356,
      updated: [],
      unchanged: 0,
      former: { total: formerTotal, inserted: formerTotal, successions, successionsWritten: successions },
    });

    const levels = await handle.db
      .select({ level: locality.level, n: count() })
      .from(locality)
      .where(isNull(locality.validTo))
      .groupBy(locality.level)
      .orderBy(locality.level);
    expect(levels.map((row) => [row.level, Number(row.n)])).toEqual([
      ['commune', 3321],
      ['nation', 1],
      ['province', 34],
    ]);
    const [former] = await handle.db
      .select({ n: count() })
      .from(locality)
      .where(and(eq(locality.level, 'commune'), eq(locality.validTo, '2025-06-30')));
    expect(Number(former!.n)).toBe(formerTotal);
    const [rows] = await handle.db.select({ n: count() }).from(localitySuccession);
    expect(Number(rows!.n)).toBe(successions);
    const haiPhong = (await findLocalityByCode(handle.db, '31'))!;
    const thanhDong = (await findLocalityByCode(handle.db, '10507'))!;
    expect(haiPhong).toMatchObject({ name: 'Hải Phòng', kind: 'thành phố', level: 'province' });
    expect(thanhDong).toMatchObject({
      name: 'Thành Đông',
      kind: 'phường',
      level: 'commune',
      parentId: haiPhong.id,
      nameEn: 'Thanh Dong Ward',
      formedFrom: 'Phường Cẩm Thượng, Phường Bình Hàn, Phường Nguyễn Trãi, Xã An Thượng',
      searchText: ' thanh dong ',
    });
    expect((await findLocalityByCode(handle.db, '05755'))!.name).toBe('Dân Tiến');

    const audit = () =>
      handle.db
        .select({ n: count() })
        .from(auditEvent)
        .where(eq(auditEvent.entityType, 'locality'))
        .then((rows) => Number(rows[0]!.n));
    expect(await audit()).toBe(1);
    const second = await handle.db.transaction((tx) => loadRegister(tx, fixedClock, context));
    expect(second).toEqual({
      total: 3356,
      inserted: 0,
      updated: [],
      unchanged: 3356,
      former: { total: formerTotal, inserted: 0, successions, successionsWritten: 0 },
    });
    expect(await audit()).toBe(1);
  });

  it('should make the former units of a commune localities valid until 30/6/2025 under its province', async () => {
    const thaiNguyen = (await findLocalityByCode(handle.db, '19'))!;
    const danTien = (await findLocalityByCode(handle.db, '05755'))!;
    expect(danTien.validFrom).toBe('2025-07-01');
    const predecessors = await handle.db
      .select({
        code: locality.code,
        name: locality.name,
        kind: locality.kind,
        parentId: locality.parentId,
        validTo: locality.validTo,
        share: localitySuccession.share,
        effectiveDate: localitySuccession.effectiveDate,
      })
      .from(localitySuccession)
      .innerJoin(locality, eq(locality.id, localitySuccession.predecessorId))
      .where(eq(localitySuccession.successorId, danTien.id))
      .orderBy(locality.name);
    expect(predecessors.map((row) => row.name)).toEqual(['Bình Long', 'Dân Tiến', 'Phương Giao']);
    for (const row of predecessors) {
      expect(row).toMatchObject({
        kind: 'xã',
        parentId: thaiNguyen.id,
        validTo: '2025-06-30',
        share: 'whole',
        effectiveDate: '2025-07-01',
      });
      expect(row.code).toMatch(/^19-xa-[a-z0-9-]+-[0-9a-f]{6}$/);
    }
    // A commune that kept its territory existed before the reform: no start of validity.
    const kept = readRegister()
      .provinces.flatMap((province) => province.communes)
      .find((commune) => parseFormedFrom(commune.formedFrom).kept)!;
    expect((await findLocalityByCode(handle.db, kept.code))!.validFrom).toBeNull();
  });

  it('should make a unit split between several communes one locality with a succession row for each', async () => {
    // Hà Nội: "Phường Kim Mã (phần còn lại sau khi sáp nhập vào phường Ba Đình, phường Ngọc Hà)".
    const kimMa = (await findLocalityByCode(
      handle.db,
      formerUnitCode('01', { kind: 'phường', name: 'Kim Mã', qualifier: null }),
    ))!;
    const successors = await handle.db
      .select({ code: locality.code, share: localitySuccession.share })
      .from(localitySuccession)
      .innerJoin(locality, eq(locality.id, localitySuccession.successorId))
      .where(eq(localitySuccession.predecessorId, kimMa.id))
      .orderBy(locality.code);
    expect(successors.length).toBeGreaterThanOrEqual(3);
    expect(successors).toContainEqual({ code: '00004', share: 'part' });
    expect(successors.some((row) => row.share === 'part')).toBe(true);
    // Old and new tone placement name one ward ("Trung Hòa" and "Trung Hoà" in Hà Nội's lines).
    expect(formerUnitCode('01', { kind: 'phường', name: 'Trung Hòa', qualifier: null })).toBe(
      formerUnitCode('01', { kind: 'phường', name: 'Trung Hoà', qualifier: null }),
    );
    expect(formerUnitCode('01', { kind: 'xã', name: 'Phú Đông', qualifier: null })).not.toBe(
      formerUnitCode('01', { kind: 'xã', name: 'Phù Đổng', qualifier: null }),
    );
    const [official] = await handle.db
      .select({ n: count() })
      .from(locality)
      .where(and(isNotNull(locality.validTo), sql`${locality.code} ~ '^[0-9]+$'`));
    expect(Number(official!.n)).toBe(0);
  });

  it('should correct a unit that differs from the register, report it, and leave others alone', async () => {
    await handle.db.update(locality).set({ name: 'Thanh Dong' }).where(eq(locality.code, '10507'));
    const nation = (await findLocalityByCode(handle.db, 'VN'))!;
    await handle.db
      .update(locality)
      .set({ name: 'Cộng hòa xã hội chủ nghĩa Việt Nam' })
      .where(eq(locality.id, nation.id));
    await handle.db.insert(locality).values({
      code: '31.demo',
      name: 'Xã thử',
      level: 'commune',
      kind: 'xã',
      parentId: (await findLocalityByCode(handle.db, '31'))!.id,
    });

    const result = await handle.db.transaction((tx) => loadRegister(tx, fixedClock, context));
    expect(result).toMatchObject({ total: 3356, inserted: 0, updated: ['10507'], unchanged: 3355 });
    expect(result.former.inserted).toBe(0);
    expect((await findLocalityByCode(handle.db, '10507'))!.name).toBe('Thành Đông');
    // The nation keeps the installation's name; a locality outside the register stays.
    expect((await findLocalityByCode(handle.db, 'VN'))!.name).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(await findLocalityByCode(handle.db, '31.demo')).toBeDefined();
    const [entry] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'locality'), eq(auditEvent.action, 'update')));
    expect(entry!.after).toEqual({
      register: 'vn-localities-2025',
      inserted: 0,
      updated: ['10507'],
      formerInserted: 0,
      successionsWritten: 0,
    });
  });

  it('should keep an English name an administrator set in the settings, and restore one changed otherwise', async () => {
    const thanhDong = (await findLocalityByCode(handle.db, '10507'))!;
    const danTien = (await findLocalityByCode(handle.db, '05755'))!;
    const service = createLocalityService({ db: handle.db, clock: fixedClock });
    await service.updateSettings(context, thanhDong.id, { nameEn: 'Thanh Dong Ward (Hai Phong)' });
    // A value written around the settings (by hand in the database) is not an administrator's edit.
    await handle.db.update(locality).set({ nameEn: 'Dan Tien' }).where(eq(locality.id, danTien.id));

    const result = await handle.db.transaction((tx) => loadRegister(tx, fixedClock, context));
    expect(result.updated).toEqual(['05755']);
    expect((await findLocalityByCode(handle.db, '10507'))!).toMatchObject({
      nameEn: 'Thanh Dong Ward (Hai Phong)',
      nameEnEdited: true,
    });
    expect((await findLocalityByCode(handle.db, '05755'))!.nameEn).toBe('Dan Tien Commune');
    // Settings saved again with the same English name do not mark it as edited where it was not.
    await service.updateSettings(context, danTien.id, { nameEn: 'Dan Tien Commune', scoreGreen: 85 });
    expect((await findLocalityByCode(handle.db, '05755'))!.nameEnEdited).toBe(false);
  });

  it('should write in a bounded number of statements, fast', async () => {
    const fresh = await createTestDatabase();
    try {
      let statements = 0;
      const started = performance.now();
      await fresh.db.transaction(async (tx) => {
        const counting = new Proxy(tx, {
          get: (target, key, receiver) =>
            key === 'execute'
              ? (...args: Parameters<typeof tx.execute>) => {
                  statements++;
                  return target.execute(...args);
                }
              : Reflect.get(target, key, receiver),
        });
        await loadRegister(counting, fixedClock, context);
      });
      // nation, provinces, communes, former units, successions, the nation's id, analyze (the audit
      // entry is one insert besides)
      expect(statements).toBeLessThanOrEqual(7);
      const elapsed = performance.now() - started;
      console.info(`register loaded in ${Math.round(elapsed)} ms`);
      expect(elapsed).toBeLessThan(10_000);
      const [row] = await fresh.db.select({ n: count() }).from(locality).where(isNull(locality.validTo));
      expect(Number(row!.n)).toBe(3356);
    } finally {
      await fresh.close();
    }
  });
});
