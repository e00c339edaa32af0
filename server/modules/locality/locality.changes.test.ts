/**
 * Dated changes of the locality tree (POST /locality-changes), on the real database (PGlite, and
 * PostgreSQL through scripts/with-postgres.ts). Test clock: 25/11/2026. A small province of communes in
 * force since 1/7/2025: renames and a change of kind (a xã becoming a phường, as in Quảng Ninh in 2026),
 * a merger into a new commune, a split, the refusals, a re-run, and the reads "as of" a date.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { settleScheduledNames } from '../../shared/locality-history';
import { buildPlan, buildUser } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { systemActor } from '../auth/access';
import { createLocalityChangeService } from './locality.changes';

type Row = {
  id: string;
  code: string;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
};
type OverviewRow = { localityId: string; code: string; name: string; kind: string; planCount: number };

describe('dated changes of localities', () => {
  let t: TestApp;
  let province: string;
  let otherProvince: string;
  const ids: Record<string, string> = {};

  const post = (changes: unknown[], client: Pick<TestApp, 'call'> = t) =>
    client.call('POST', '/api/v1/locality-changes', { changes });
  const children = async (parentId: string, asOf: string): Promise<Row[]> =>
    (await t.call('GET', `/api/v1/localities?parentId=${parentId}&asOf=${asOf}&limit=100`)).body.data;
  const names = (rows: Array<{ kind: string; name: string }>) => rows.map((row) => `${row.kind} ${row.name}`);
  const overview = async (asOf: string): Promise<OverviewRow[]> =>
    (await t.call('GET', `/api/v1/localities/${province}/overview?asOf=${asOf}`)).body.data.localities;
  const rowCounts = async () => {
    const db = t.handle.db;
    return {
      changes: (await db.select({ n: count() }).from(schema.localityChange))[0]!.n,
      names: (await db.select({ n: count() }).from(schema.localityName))[0]!.n,
      scheduled: (await db.select({ n: count() }).from(schema.localityNameScheduled))[0]!.n,
      successions: (await db.select({ n: count() }).from(schema.localitySuccession))[0]!.n,
      localities: (await db.select({ n: count() }).from(schema.locality))[0]!.n,
      audit: (await db.select({ n: count() }).from(schema.auditEvent))[0]!.n,
    };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const create = async (body: Record<string, unknown>) => {
      const response = await t.call('POST', '/api/v1/localities', body);
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return response.body.data.id as string;
    };
    province = await create({
      code: '22',
      name: 'Quảng Ninh',
      level: 'province',
      kind: 'tỉnh',
      parentId: t.rootLocalityId,
    });
    otherProvince = await create({
      code: '19',
      name: 'Thái Nguyên',
      level: 'province',
      kind: 'tỉnh',
      parentId: t.rootLocalityId,
    });
    const commune = async (code: string, name: string, parentId = province) => {
      ids[code] = await create({
        code,
        name,
        level: 'commune',
        kind: 'xã',
        parentId,
        validFrom: '2025-07-01',
      });
    };
    await commune('06862', 'Tiên Yên');
    await commune('06724', 'Hải Sơn');
    await commune('06733', 'Hải Ninh');
    await commune('06757', 'Vĩnh Thực');
    await commune('06799', 'Hải Hòa');
    await commune('06838', 'Bình Liêu');
    await commune('05755', 'Dân Tiến', otherProvince);
  }, 120_000);
  afterAll(() => t.handle.close());

  it('should change a xã into a phường from a date, the old kind and name shown before that date', async () => {
    const response = await post([
      {
        type: 'change-kind',
        effectiveDate: '2026-01-01',
        decision: 'Nghị quyết số 1/NQ-UBTVQH15',
        code: '06862',
        kind: 'phường',
      },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.data.changes).toEqual([
      expect.objectContaining({ type: 'change-kind', applied: true, consequences: [] }),
    ]);
    expect(response.body.data.changes[0].summary).toContain('là phường Tiên Yên');
    expect(names(await children(province, '2025-12-31'))).toContain('xã Tiên Yên');
    expect(names(await children(province, '2026-01-01'))).toContain('phường Tiên Yên');
    // The same row: its code and id stay, so its plans, users and history stay its own.
    const now = (await t.call('GET', `/api/v1/localities/${ids['06862']}`)).body.data;
    expect(now).toMatchObject({ code: '06862', kind: 'phường', name: 'Tiên Yên', validTo: null });
  });

  it('should rename from a date: the list and the overview "as of" an earlier date show the old name', async () => {
    const response = await post([
      { type: 'rename', effectiveDate: '2026-03-01', code: '06724', name: 'Hải Sơn Mới' },
    ]);
    expect(response.status).toBe(200);
    expect(names(await children(province, '2026-02-28'))).toContain('xã Hải Sơn');
    expect(names(await children(province, '2026-03-01'))).toContain('xã Hải Sơn Mới');
    expect((await overview('2026-02-28')).find((row) => row.code === '06724')?.name).toBe('Hải Sơn');
    expect((await overview('2026-11-25')).find((row) => row.code === '06724')?.name).toBe('Hải Sơn Mới');
    // Searching today finds the locality by its present name.
    const found = await t.call('GET', '/api/v1/localities?q=hai son moi');
    expect(found.body.data.map((row: Row) => row.code)).toEqual(['06724']);
  });

  it('should merge communes into a new one: the former end the day before, their plans roll up under the successor from the date', async () => {
    const plan = await buildPlan(t, ids['06733']!, { issuer: 'UBND xã Hải Ninh' });
    await buildUser(t, { role: 'standing_officer', localityId: ids['06733']! });
    const response = await post([
      {
        type: 'merge',
        effectiveDate: '2026-07-01',
        from: ['06733', '06757'],
        into: { code: '06999', create: true, name: 'Hải Vĩnh', kind: 'xã' },
      },
    ]);
    expect(response.status).toBe(200);
    const [applied] = response.body.data.changes;
    // What moves is said: the plans count under the new commune; the officer's role is not moved.
    expect(applied.consequences).toEqual([
      {
        from: { code: '06733', name: 'xã Hải Ninh' },
        to: { code: '06999', name: 'xã Hải Vĩnh' },
        plans: 1,
        activePlans: 1,
        users: 1,
        roles: [expect.objectContaining({ role: 'standing_officer' })],
      },
      {
        from: { code: '06757', name: 'xã Vĩnh Thực' },
        to: { code: '06999', name: 'xã Hải Vĩnh' },
        plans: 0,
        activePlans: 0,
        users: 0,
        roles: [],
      },
    ]);
    const former = (await t.call('GET', `/api/v1/localities/${ids['06733']}`)).body.data;
    expect(former.validTo).toBe('2026-06-30');
    expect(former.successors).toEqual([
      expect.objectContaining({ code: '06999', share: 'whole', effectiveDate: '2026-07-01' }),
    ]);
    const merged = (await children(province, '2026-07-01')).find((row) => row.code === '06999')!;
    expect(merged.validFrom).toBe('2026-07-01');
    expect(names(await children(province, '2026-06-30'))).toEqual(
      expect.arrayContaining(['xã Hải Ninh', 'xã Vĩnh Thực']),
    );
    expect(names(await children(province, '2026-07-01'))).not.toContain('xã Hải Ninh');

    const before = await overview('2026-06-30');
    expect(before.find((row) => row.code === '06733')?.planCount).toBe(1);
    expect(before.some((row) => row.code === '06999')).toBe(false);
    const after = await overview('2026-07-01');
    expect(after.find((row) => row.code === '06999')?.planCount).toBe(1);
    expect(after.some((row) => row.code === '06733')).toBe(false);
    // The plan stays the former commune's own.
    expect((await t.call('GET', `/api/v1/plans/${plan.id}`)).body.data.localityId).toBe(ids['06733']);
  });

  it('should split a commune into an existing one and a new one, each taking a part', async () => {
    const response = await post([
      {
        type: 'split',
        effectiveDate: '2026-09-01',
        code: '06799',
        into: [{ code: '06838' }, { code: '06998', create: true, name: 'Hải Hòa', kind: 'xã' }],
      },
    ]);
    expect(response.status).toBe(200);
    const [applied] = response.body.data.changes;
    // The plans count once, in the namesake (docs/locality-history.md).
    expect(applied.consequences).toEqual([
      expect.objectContaining({ to: { code: '06998', name: 'xã Hải Hòa' } }),
    ]);
    const former = (await t.call('GET', `/api/v1/localities/${ids['06799']}`)).body.data;
    expect(former.validTo).toBe('2026-08-31');
    expect(former.successors.map((row: { code: string; share: string }) => [row.code, row.share])).toEqual([
      ['06838', 'part'],
      ['06998', 'part'],
    ]);
  });

  it.each([
    [
      'a date not after the locality start',
      [{ type: 'rename', effectiveDate: '2025-07-01', code: '06838', name: 'Bình Liêu Mới' }],
      400,
      'phải sau ngày xã Bình Liêu (mã 06838) bắt đầu có hiệu lực (01/07/2025)',
    ],
    [
      'a date not after an earlier change',
      [{ type: 'rename', effectiveDate: '2026-02-01', code: '06724', name: 'Hải Sơn Khác' }],
      400,
      'đã có thay đổi có hiệu lực từ 01/03/2026',
    ],
    [
      'an ended locality',
      [{ type: 'rename', effectiveDate: '2026-10-01', code: '06733', name: 'Hải Ninh Mới' }],
      400,
      'Xã Hải Ninh (mã 06733) đã hết hiệu lực (đến ngày 30/06/2026)',
    ],
    [
      'communes of two provinces',
      [{ type: 'merge', effectiveDate: '2026-10-01', from: ['06838', '05755'], into: { code: '06862' } }],
      400,
      'phải cùng một tỉnh, thành phố',
    ],
    [
      'a province merged as a commune',
      [{ type: 'merge', effectiveDate: '2026-10-01', from: ['19'], into: { code: '06862' } }],
      400,
      'không phải cấp xã',
    ],
    [
      'a new code already used by a locality in force',
      [
        {
          type: 'merge',
          effectiveDate: '2026-10-01',
          from: ['06838', '06862'],
          into: { code: '06724', create: true, name: 'X', kind: 'xã' },
        },
      ],
      409,
      'Mã 06724 đã là mã của xã Hải Sơn Mới (đang có hiệu lực)',
    ],
    [
      'a new code already used by a former locality',
      [
        {
          type: 'merge',
          effectiveDate: '2026-10-01',
          from: ['06838', '06862'],
          into: { code: '06733', create: true, name: 'X', kind: 'xã' },
        },
      ],
      409,
      'đơn vị cũ, đến 30/06/2026',
    ],
    [
      'a target code that does not exist without "create"',
      [{ type: 'merge', effectiveDate: '2026-10-01', from: ['06838'], into: { code: '07777' } }],
      400,
      'ghi "create": true',
    ],
    [
      'a kind foreign to the level',
      [{ type: 'change-kind', effectiveDate: '2026-10-01', code: '06838', kind: 'tỉnh' }],
      400,
      'không dùng cho cấp này (chỉ: xã, phường, đặc khu)',
    ],
  ])('should refuse %s, in Vietnamese, writing nothing', async (_case, changes, status, message) => {
    const before = await rowCounts();
    const response = await post(changes);
    expect(response.status).toBe(status);
    expect(response.body.message).toContain(message);
    expect(await rowCounts()).toEqual(before);
  });

  it('should apply a list all or nothing: a refused change undoes those before it', async () => {
    const before = await rowCounts();
    const response = await post([
      { type: 'rename', effectiveDate: '2026-10-01', code: '06838', name: 'Bình Liêu Mới' },
      { type: 'rename', effectiveDate: '2026-10-01', code: 'KHONGCO', name: 'X' },
    ]);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('Thay đổi thứ 2: Không có địa phương mã "KHONGCO"');
    expect(await rowCounts()).toEqual(before);
    expect(names(await children(province, '2026-11-25'))).toContain('xã Bình Liêu');
  });

  it('should write nothing when the same list is applied again', async () => {
    const list = [
      { type: 'rename', effectiveDate: '2026-10-01', code: '06838', name: 'Bình Liêu Mới' },
      {
        type: 'merge',
        effectiveDate: '2026-11-01',
        from: ['06862'],
        into: { code: '06838', name: 'Tiên Liêu' },
      },
    ];
    const first = await post(list);
    expect(first.status).toBe(200);
    expect(first.body.data.changes.map((row: { applied: boolean }) => row.applied)).toEqual([true, true]);
    // Merged into an existing commune that takes a new name the same day: its names, as of each date.
    expect(names(await children(province, '2026-09-30')).filter((name) => name.includes('Liêu'))).toEqual([
      'xã Bình Liêu',
    ]);
    expect(names(await children(province, '2026-10-31')).filter((name) => name.includes('Liêu'))).toEqual([
      'xã Bình Liêu Mới',
    ]);
    expect(names(await children(province, '2026-11-01')).filter((name) => name.includes('Liêu'))).toEqual([
      'xã Tiên Liêu',
    ]);
    const before = await rowCounts();
    const second = await post(list);
    expect(second.status).toBe(200);
    expect(second.body.data.changes.map((row: { applied: boolean }) => row.applied)).toEqual([false, false]);
    expect(await rowCounts()).toEqual(before);
  });

  it('should let a province administrator change its own communes only', async () => {
    const own = await buildUser(t, { role: 'locality_admin', localityId: province });
    const other = await buildUser(t, { role: 'locality_admin', localityId: otherProvince });
    const leader = await buildUser(t, { role: 'leader', localityId: province });
    const change = [{ type: 'rename', effectiveDate: '2026-11-20', code: '06998', name: 'Hải Hòa Mới' }];
    // Another province's administrator does not even learn the commune exists.
    const refused = await post(change, other.client);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('Không có địa phương mã "06998"');
    expect((await post(change, leader.client)).status).toBe(403);
    // A province's administrator may not rename the province itself: that is the nation's.
    const province22 = await post(
      [{ type: 'rename', effectiveDate: '2026-11-20', code: '22', name: 'Quảng Ninh Mới' }],
      own.client,
    );
    expect(province22.status).toBe(403);
    expect(province22.body.message).toContain('cấp quốc gia');
    expect((await post(change, own.client)).status).toBe(200);
  });

  it('should keep showing the name in force today for a rename dated ahead, and the new one from its day', async () => {
    const created = await t.call('POST', '/api/v1/localities', {
      code: '06950',
      name: 'Quảng Tân',
      level: 'commune',
      kind: 'xã',
      parentId: province,
      validFrom: '2025-07-01',
    });
    const id = created.body.data.id as string;
    const plan = await buildPlan(t, id, { issuer: 'UBND xã Quảng Tân' });
    // Today is 25/11/2026: the change takes effect on 1/12/2026.
    const response = await post([
      {
        type: 'change-kind',
        effectiveDate: '2026-12-01',
        code: '06950',
        kind: 'phường',
        name: 'Quảng Tân Mới',
      },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.data.preview).toBe(false);
    // Reads without a date (the page header, the plan list, the search) show today's name and kind.
    expect((await t.call('GET', `/api/v1/localities/${id}`)).body.data).toMatchObject({
      name: 'Quảng Tân',
      kind: 'xã',
      formerNames: [],
    });
    const plans = (await t.call('GET', '/api/v1/plans?limit=200')).body.data as Array<{
      id: string;
      localityName: string;
    }>;
    expect(plans.find((row) => row.id === plan.id)?.localityName).toBe('Quảng Tân');
    expect((await t.call('GET', '/api/v1/localities?q=quang tan moi')).body.data).toEqual([]);
    expect(names(await children(province, '2026-11-30'))).toContain('xã Quảng Tân');
    expect(names(await children(province, '2026-12-01'))).toContain('phường Quảng Tân Mới');
    // A later change must come after the one scheduled.
    const early = await post([{ type: 'rename', effectiveDate: '2026-11-28', code: '06950', name: 'X' }]);
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('đã có thay đổi có hiệu lực từ 01/12/2026');

    // On 2/12/2026 (another clock), a change applied first settles the name that came into force.
    const later = createLocalityChangeService({
      db: t.handle.db,
      clock: { now: () => new Date('2026-12-02T03:00:00Z') },
    });
    const context = { actor: systemActor('test'), ip: null, userAgent: null };
    await later.apply(context, {
      changes: [
        { type: 'rename', effectiveDate: '2027-01-01', code: '06950', name: 'Quảng Tân Hai', decision: null },
      ],
    });
    const detail = (await t.call('GET', `/api/v1/localities/${id}`)).body.data;
    expect(detail).toMatchObject({ name: 'Quảng Tân Mới', kind: 'phường' });
    expect(detail.formerNames).toEqual([{ name: 'Quảng Tân', kind: 'xã', validTo: '2026-11-30' }]);
    expect(names(await children(province, '2026-11-30'))).toContain('xã Quảng Tân');
    expect(names(await children(province, '2026-12-31'))).toContain('phường Quảng Tân Mới');
    expect(names(await children(province, '2027-01-01'))).toContain('phường Quảng Tân Hai');
    // The background job settles the next one on its day, once.
    const settledAt = new Date('2027-01-01T00:01:00+07:00');
    expect(await settleScheduledNames(t.handle.db, '2026-12-31', settledAt)).toBe(0);
    expect(await settleScheduledNames(t.handle.db, '2027-01-01', settledAt)).toBe(1);
    expect(await settleScheduledNames(t.handle.db, '2027-01-01', settledAt)).toBe(0);
    // Settling is written to the audit trail once, by the schedule, with the names before and after.
    const settledEntries = await t.handle.db
      .select()
      .from(schema.auditEvent)
      .where(and(eq(schema.auditEvent.entityId, id), eq(schema.auditEvent.at, settledAt)));
    expect(settledEntries).toHaveLength(1);
    expect(settledEntries[0]).toMatchObject({
      actorUserId: null,
      actorName: 'Lịch đổi tên đã định',
      action: 'update',
      before: { name: 'Quảng Tân Mới', kind: 'phường' },
      after: { name: 'Quảng Tân Hai', kind: 'phường', effectiveDate: '2027-01-01' },
    });
    expect((await t.call('GET', `/api/v1/localities/${id}`)).body.data.formerNames).toEqual([
      { name: 'Quảng Tân', kind: 'xã', validTo: '2026-11-30' },
      { name: 'Quảng Tân Mới', kind: 'phường', validTo: '2026-12-31' },
    ]);
  });

  it('should preview a list with the same checks and consequences, writing nothing', async () => {
    const user = await buildUser(
      t,
      { role: 'standing_officer', localityId: ids['06838']! },
      'canbo.binhlieu',
    );
    expect(user.id).toBeTruthy();
    const before = await rowCounts();
    const list = [
      {
        type: 'merge',
        effectiveDate: '2026-12-15',
        from: ['06838', '06998'],
        into: { code: '06997', create: true, name: 'Liêu Hòa', kind: 'xã' },
      },
    ];
    const preview = await t.call('POST', '/api/v1/locality-changes/preview', { changes: list });
    expect(preview.status).toBe(200);
    expect(preview.body.data.preview).toBe(true);
    expect(preview.body.data.changes[0]).toMatchObject({ type: 'merge', applied: true });
    expect(preview.body.data.changes[0].consequences[0]).toMatchObject({
      from: { code: '06838' },
      to: { code: '06997', name: 'xã Liêu Hòa' },
      users: 1,
      roles: [
        { userName: 'Người dùng canbo.binhlieu', username: 'canbo.binhlieu', role: 'standing_officer' },
      ],
    });
    expect(await rowCounts()).toEqual(before);
    // Refusals are the same as applying, naming the change in a list.
    const refused = await t.call('POST', '/api/v1/locality-changes/preview', {
      changes: [...list, { type: 'rename', effectiveDate: '2026-12-20', code: 'KHONGCO', name: 'X' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('Thay đổi thứ 2: Không có địa phương mã "KHONGCO"');
    expect(await rowCounts()).toEqual(before);
  });
});
