/**
 * History that follows the land, on the real register and database (test clock: 25/11/2026): Xã Dân
 * Tiến (05755, Thái Nguyên) was formed on 1/7/2025 from Xã Bình Long, Xã Phương Giao and Xã Dân Tiến.
 * A plan made by the former Bình Long stays attached to it, counts in Dân Tiến's row after the merger
 * and is Bình Long's own row before it; the localities and the overview read "as of" a date; the
 * officers of Dân Tiến read Bình Long's history, those of another province do not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalityByCode } from '../../shared/localities';
import { buildPlan, buildUser } from '../../test/factories';
import { buildTestApp, fixedClock, type TestApp } from '../../test/test-app';
import { systemActor } from '../auth/access';
import { formerUnitCode, loadRegister } from './locality.register';

type OverviewRow = {
  localityId: string;
  code: string;
  name: string;
  planCount: number;
  plans: Array<{ planId: string }>;
};

describe('locality history: former units, "as of" reads and scope over the land', () => {
  let t: TestApp;
  let thaiNguyen: string;
  let danTien: string;
  let binhLong: string;
  let formerDanTien: string;
  let planOfBinhLong: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.handle.db.transaction((tx) =>
      loadRegister(tx, fixedClock, { actor: systemActor('test'), ip: null, userAgent: null }),
    );
    const id = async (code: string) => (await findLocalityByCode(t.handle.db, code))!.id;
    thaiNguyen = await id('19');
    danTien = await id('05755');
    binhLong = await id(formerUnitCode('19', { kind: 'xã', name: 'Bình Long', qualifier: null }));
    formerDanTien = await id(formerUnitCode('19', { kind: 'xã', name: 'Dân Tiến', qualifier: null }));
    planOfBinhLong = (await buildPlan(t, binhLong, { issuer: 'UBND xã Bình Long', issuedDate: '2025-03-10' }))
      .id;
  }, 120_000);
  afterAll(() => t.handle.close());

  const overview = async (client: Pick<TestApp, 'call'>, query = '') =>
    client.call('GET', `/api/v1/localities/${thaiNguyen}/overview${query}`);

  it('should show a commune with the former units it was formed from, and a former unit with its successor', async () => {
    const response = await t.call('GET', `/api/v1/localities/${danTien}`);
    expect(response.status).toBe(200);
    expect(response.body.data.validFrom).toBe('2025-07-01');
    expect(
      response.body.data.predecessors.map((row: { name: string; kind: string; share: string }) => [
        row.kind,
        row.name,
        row.share,
      ]),
    ).toEqual([
      ['xã', 'Bình Long', 'whole'],
      ['xã', 'Dân Tiến', 'whole'],
      ['xã', 'Phương Giao', 'whole'],
    ]);
    const former = await t.call('GET', `/api/v1/localities/${binhLong}`);
    expect(former.body.data).toMatchObject({ validTo: '2025-06-30', parentId: thaiNguyen });
    expect(former.body.data.successors).toEqual([
      expect.objectContaining({ id: danTien, name: 'Dân Tiến', share: 'whole', effectiveDate: '2025-07-01' }),
    ]);
  });

  it('should list the localities in force on a date: today the new commune, before 1/7/2025 the former ones', async () => {
    /** Every page of the province's children. */
    const children = async (query: string) => {
      const data: Array<{ id: string }> = [];
      for (let offset = 0; ; offset += 100) {
        const body = (
          await t.call('GET', `/api/v1/localities?parentId=${thaiNguyen}&limit=100&offset=${offset}${query}`)
        ).body;
        data.push(...body.data);
        if (data.length >= body.pagination.total) return { data, pagination: body.pagination };
      }
    };
    const today = await children('');
    expect(today.pagination.total).toBe(92);
    const ids = today.data.map((row: { id: string }) => row.id);
    expect(ids).toContain(danTien);
    expect(ids).not.toContain(binhLong);

    const before = await children('&asOf=2025-06-30');
    const beforeIds = before.data.map((row: { id: string }) => row.id);
    expect(beforeIds).toEqual(expect.arrayContaining([binhLong, formerDanTien]));
    expect(beforeIds).not.toContain(danTien);
    expect(before.pagination.total).toBeGreaterThan(92);
    // The first day of the new map.
    const first = await children('&asOf=2025-07-01');
    expect(first.pagination.total).toBe(92);
  });

  it("should roll a former unit's plan up to its successor after the merger, and show it as its own row before", async () => {
    const after = await overview(t);
    expect(after.status).toBe(200);
    const rows: OverviewRow[] = after.body.data.localities;
    expect(rows).toHaveLength(92);
    const danTienRow = rows.find((row) => row.localityId === danTien)!;
    expect(danTienRow.planCount).toBe(1);
    expect(danTienRow.plans.map((plan) => plan.planId)).toEqual([planOfBinhLong]);
    expect(rows.some((row) => row.localityId === binhLong)).toBe(false);

    const before = await overview(t, '?asOf=2025-06-15');
    expect(before.status).toBe(200);
    expect(before.body.data.asOf).toBe('2025-06-15');
    expect(before.body.data.year).toBe(2025);
    const beforeRows: OverviewRow[] = before.body.data.localities;
    expect(beforeRows.some((row) => row.localityId === danTien)).toBe(false);
    const binhLongRow = beforeRows.find((row) => row.localityId === binhLong)!;
    expect(binhLongRow.name).toBe('Bình Long');
    expect(binhLongRow.plans.map((plan) => plan.planId)).toEqual([planOfBinhLong]);
    expect(beforeRows.find((row) => row.localityId === formerDanTien)!.planCount).toBe(0);
    // The plan counts once in the province's figures, as of either date.
    const total = (list: OverviewRow[]) => list.reduce((sum, row) => sum + row.planCount, 0);
    expect(total(rows)).toBe(1);
    expect(total(beforeRows)).toBe(1);
  });

  it('should refuse an "as of" date that is not a real day, in Vietnamese', async () => {
    const response = await overview(t, '?asOf=2025-02-30');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('Tính đến ngày');
    const list = await t.call('GET', `/api/v1/localities?asOf=30/06/2025`);
    expect(list.status).toBe(400);
  });

  it("should let the successor's officers read the former unit and its plan, and not another province's", async () => {
    const own = await buildUser(t, { role: 'standing_officer', localityId: danTien });
    expect((await own.client.call('GET', `/api/v1/localities/${binhLong}`)).status).toBe(200);
    expect((await own.client.call('GET', `/api/v1/plans/${planOfBinhLong}`)).status).toBe(200);
    const mine = await own.client.call('GET', `/api/v1/localities/${danTien}`);
    expect(mine.body.data.predecessors).toHaveLength(3);
    // The other communes of the province stay hidden, as before.
    expect((await own.client.call('GET', `/api/v1/localities/${formerDanTien}`)).status).toBe(200);
    const neighbour = (await findLocalityByCode(t.handle.db, '01840'))!;
    expect((await own.client.call('GET', `/api/v1/localities/${neighbour.id}`)).status).toBe(404);

    const haiPhong = (await findLocalityByCode(t.handle.db, '31'))!.id;
    const other = await buildUser(t, { role: 'leader', localityId: haiPhong });
    expect((await other.client.call('GET', `/api/v1/localities/${binhLong}`)).status).toBe(404);
    expect((await other.client.call('GET', `/api/v1/plans/${planOfBinhLong}`)).status).toBe(404);
    expect((await overview(other.client, '?asOf=2025-06-15')).status).toBe(404);
    const listed = await other.client.call(
      'GET',
      `/api/v1/localities?parentId=${thaiNguyen}&asOf=2025-06-15`,
    );
    expect(listed.body.pagination.total).toBe(0);

    // The province's own officers see every former unit of it.
    const province = await buildUser(t, { role: 'leader', localityId: thaiNguyen });
    const rows: OverviewRow[] = (await overview(province.client, '?asOf=2025-06-15')).body.data.localities;
    expect(rows.some((row) => row.localityId === binhLong)).toBe(true);
  });

  it('should roll a 2025 former unit up over a 2026 merger, and keep the dated change when the register is loaded again', async () => {
    // Dân Tiến merged into Phường Đức Xuân on 1/7/2026 (a made-up change), which also becomes Phường Đức Xuân Mới.
    const ducXuan = (await findLocalityByCode(t.handle.db, '01840'))!.id;
    const applied = await t.call('POST', '/api/v1/locality-changes', {
      changes: [
        {
          type: 'merge',
          effectiveDate: '2026-07-01',
          from: ['05755'],
          into: { code: '01840', name: 'Đức Xuân Mới' },
        },
      ],
    });
    expect(applied.status).toBe(200);
    const row = async (asOf: string, id: string) =>
      ((await overview(t, `?asOf=${asOf}`)).body.data.localities as OverviewRow[]).find(
        (r) => r.localityId === id,
      );
    // Before the merger Bình Long's plan is Dân Tiến's; after it, Đức Xuân's (over both changes).
    expect((await row('2026-06-30', danTien))?.plans.map((plan) => plan.planId)).toEqual([planOfBinhLong]);
    expect((await row('2026-06-30', ducXuan))?.name).toBe('Đức Xuân');
    const after = await row('2026-07-01', ducXuan);
    expect(after?.name).toBe('Đức Xuân Mới');
    expect(after?.plans.map((plan) => plan.planId)).toEqual([planOfBinhLong]);
    expect(await row('2026-07-01', danTien)).toBeUndefined();
    // Đức Xuân's officers read the plan of the former Bình Long, over both changes (scope follows the land).
    const own = await buildUser(t, { role: 'standing_officer', localityId: ducXuan });
    expect((await own.client.call('GET', `/api/v1/plans/${planOfBinhLong}`)).status).toBe(200);

    const again = await t.handle.db.transaction((tx) =>
      loadRegister(tx, fixedClock, { actor: systemActor('test'), ip: null, userAgent: null }),
    );
    expect(again.updated).toEqual([]);
    expect(again.inserted).toBe(0);
    const kept = (await findLocalityByCode(t.handle.db, '01840'))!;
    expect(kept).toMatchObject({ name: 'Đức Xuân Mới', kind: 'phường', validTo: null });
    expect((await findLocalityByCode(t.handle.db, '05755'))!.validTo).toBe('2026-06-30');
  });
});
