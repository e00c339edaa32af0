/**
 * The national register loaded into the locality tree, on the real database: every unit with its
 * official code, kind and formation; a second load changes nothing; a row that differs from the
 * register is corrected and reported; localities outside the register are left alone.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, locality } from '../../db/schema';
import { findLocalityByCode } from '../../shared/localities';
import { fixedClock } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { systemActor } from '../auth/access';
import { loadRegister, readRegister, shortNameOf } from './locality.register';

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

  it('should load the nation, the provinces and the communes, then change nothing on a second load', async () => {
    const first = await handle.db.transaction((tx) => loadRegister(tx, fixedClock, context));
    expect(first).toEqual({ total: 3356, inserted: 3356, updated: [], unchanged: 0 });

    const levels = await handle.db
      .select({ level: locality.level, n: count() })
      .from(locality)
      .groupBy(locality.level)
      .orderBy(locality.level);
    expect(levels.map((row) => [row.level, Number(row.n)])).toEqual([
      ['commune', 3321],
      ['nation', 1],
      ['province', 34],
    ]);
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
    expect(second).toEqual({ total: 3356, inserted: 0, updated: [], unchanged: 3356 });
    expect(await audit()).toBe(1);
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
    expect(result).toEqual({ total: 3356, inserted: 0, updated: ['10507'], unchanged: 3355 });
    expect((await findLocalityByCode(handle.db, '10507'))!.name).toBe('Thành Đông');
    // The nation keeps the installation's name; a locality outside the register stays.
    expect((await findLocalityByCode(handle.db, 'VN'))!.name).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(await findLocalityByCode(handle.db, '31.demo')).toBeDefined();
    const [entry] = await handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'locality'), eq(auditEvent.action, 'update')));
    expect(entry!.after).toEqual({ register: 'vn-localities-2025', inserted: 0, updated: ['10507'] });
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
      // nation, provinces, communes, the nation's id, analyze (the audit entry is one insert besides)
      expect(statements).toBeLessThanOrEqual(5);
      const elapsed = performance.now() - started;
      console.info(`register loaded in ${Math.round(elapsed)} ms`);
      expect(elapsed).toBeLessThan(10_000);
      const [row] = await fresh.db.select({ n: count() }).from(locality);
      expect(Number(row!.n)).toBe(3356);
    } finally {
      await fresh.close();
    }
  });
});
