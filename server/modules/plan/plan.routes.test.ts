import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, indicator, plan, planReference } from '../../db/schema';
import {
  buildIndicator,
  buildLocality,
  buildPlan,
  buildTask,
  buildUnit,
  buildUser,
  countAllRows,
} from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';

describe('plan routes', () => {
  let t: TestApp;
  let localityId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    localityId = (await buildLocality(t)).id;
    unitId = (await buildUnit(t, localityId, 'Phòng Văn hóa - Xã hội')).id;
  });
  afterAll(() => t.close());

  describe('POST /api/v1/plans', () => {
    it('should create a plan with its references and reporting regime', async () => {
      const response = await t.call('POST', '/api/v1/plans', {
        localityId,
        issuerKind: 'party',
        issuer: 'Đảng ủy xã Thử',
        number: '12-KH/ĐU',
        issuedDate: '2025-10-24',
        title: '  Kế hoạch hành động thực hiện Nghị quyết 57-NQ/TW  ',
        signerName: 'Nguyễn Văn A',
        signerPosition: 'Bí thư',
        standingAgencyUnitId: unitId,
        references: [
          { kind: 'basis', number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị' },
          { kind: 'replaces', number: '3-KH/ĐU', date: '2025-03-01' },
        ],
        reporting: [{ frequency: 'annual', due: '11-30', receiver: 'Ban Thường vụ Đảng ủy' }],
      });
      expect(response.status).toBe(201);
      const created = response.body.data;
      expect(created).toMatchObject({
        localityId,
        issuerKind: 'party',
        number: '12-KH/ĐU',
        issuedDate: '2025-10-24',
        title: 'Kế hoạch hành động thực hiện Nghị quyết 57-NQ/TW',
        standingAgencyUnitId: unitId,
        status: 'active',
        indicatorCount: 0,
        taskCount: 0,
        references: [
          {
            kind: 'basis',
            number: '57-NQ/TW',
            date: '2024-12-22',
            issuer: 'Bộ Chính trị',
            referencedPlanId: null,
          },
          { kind: 'replaces', number: '3-KH/ĐU', date: '2025-03-01', issuer: null, referencedPlanId: null },
        ],
        reporting: [{ frequency: 'annual', due: '11-30', receiver: 'Ban Thường vụ Đảng ủy' }],
      });
      expect(created.units.map((unit: { name: string }) => unit.name)).toEqual(['Phòng Văn hóa - Xã hội']);
      const [row] = await t.handle.db.select().from(plan).where(eq(plan.id, created.id));
      expect(row?.searchText).toBe(
        ' 12 kh du dang uy xa thu ke hoach hanh dong thuc hien nghi quyet 57 nq tw ',
      );
      expect(
        await t.handle.db.select().from(planReference).where(eq(planReference.planId, created.id)),
      ).toHaveLength(2);
    });

    it.each([
      ['a missing title', { title: undefined }, 'title', 'Trích yếu'],
      ['a 1 MB title', { title: 'x'.repeat(1_000_000) }, 'title', 'Trích yếu'],
      ['a date that does not exist', { issuedDate: '2025-02-30' }, 'issuedDate', 'Ngày ban hành'],
      ['a date written dd/mm/yyyy', { issuedDate: '30/08/2025' }, 'issuedDate', 'Ngày ban hành'],
      ['an unknown issuer kind', { issuerKind: 'ubnd' }, 'issuerKind', 'Loại cơ quan ban hành'],
      [
        'a due date not in MM-DD',
        { reporting: [{ frequency: 'annual', due: '30/11' }] },
        'reporting.0.due',
        'Hạn báo cáo',
      ],
      [
        'an unknown standing agency',
        { standingAgencyUnitId: '00000000-0000-4000-8000-000000000000' },
        'standingAgencyUnitId',
        'Cơ quan thường trực',
      ],
      [
        'an unknown locality',
        { localityId: '00000000-0000-4000-8000-000000000000' },
        'localityId',
        'Địa phương',
      ],
      [
        'a link to a plan that does not exist',
        { references: [{ kind: 'basis', referencedPlanId: '00000000-0000-4000-8000-000000000000' }] },
        'references.0.referencedPlanId',
        'Kế hoạch được liên kết',
      ],
    ])(
      'should refuse %s with a 400 naming the field and write nothing',
      async (_case, overrides, field, label) => {
        const before = await countAllRows(t);
        const response = await t.call('POST', '/api/v1/plans', {
          localityId,
          issuerKind: 'government',
          issuer: 'UBND xã Thử',
          title: 'Kế hoạch',
          ...overrides,
        });
        expect(response.status).toBe(400);
        // Named by its label for people; the path is for programs, in details.
        expect(response.body.message).toContain(label);
        expect(response.body.message).not.toContain(`${field}: `);
        expect(response.body.message).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
        expect(await countAllRows(t)).toEqual(before);
      },
    );
  });

  describe('GET /api/v1/plans', () => {
    it('should list plans with counts and filter them without diacritics', async () => {
      const planId = (await buildPlan(t, localityId, { title: 'Kế hoạch chuyển đổi số năm 2026' })).id;
      await buildIndicator(t, planId);
      await buildTask(t, planId);
      const all = await t.call('GET', '/api/v1/plans');
      expect(all.status).toBe(200);
      const summary = all.body.data.find((row: { id: string }) => row.id === planId);
      expect(summary).toMatchObject({
        indicatorCount: 1,
        taskCount: 1,
        localityName: expect.stringContaining('Xã Thử'),
      });
      const found = await t.call('GET', `/api/v1/plans?q=${encodeURIComponent('chuyen doi so')}`);
      expect(found.body.data.map((row: { id: string }) => row.id)).toEqual([planId]);
      const none = await t.call('GET', `/api/v1/plans?q=${encodeURIComponent('khong co gi')}`);
      expect(none.body.data).toEqual([]);
      const byLocality = await t.call('GET', `/api/v1/plans?localityId=${localityId}`);
      expect(byLocality.body.data.every((row: { localityId: string }) => row.localityId === localityId)).toBe(
        true,
      );
    });

    it('should refuse a malformed locality filter', async () => {
      const response = await t.call('GET', '/api/v1/plans?localityId=xyz');
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('Địa phương: chưa được chọn hoặc lựa chọn không có trong danh sách');
    });
  });

  describe('GET /api/v1/plans, a page at a time', () => {
    let own: string;
    let ownPlans: string[];
    const idsOf = (body: { data: Array<{ id: string }> }) => body.data.map((row) => row.id);

    beforeAll(async () => {
      own = (await buildLocality(t)).id;
      ownPlans = [];
      for (const word of ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy'])
        ownPlans.push((await buildPlan(t, own, { title: `Kế hoạch phân trang ${word}` })).id);
    });

    it('should page through the plans in a stable order and say how many there are', async () => {
      const pages: string[][] = [];
      for (const offset of [0, 3, 6]) {
        const response = await t.call('GET', `/api/v1/plans?localityId=${own}&limit=3&offset=${offset}`);
        expect(response.status).toBe(200);
        expect(response.body.pagination).toEqual({ total: 7, limit: 3, offset });
        pages.push(idsOf(response.body));
      }
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(new Set(pages.flat()).size).toBe(7);
      expect([...pages.flat()].sort()).toEqual([...ownPlans].sort());
      const whole = await t.call('GET', `/api/v1/plans?localityId=${own}&limit=200`);
      expect(idsOf(whole.body)).toEqual(pages.flat());
      const beyond = await t.call('GET', `/api/v1/plans?localityId=${own}&offset=7`);
      expect(beyond.body).toEqual({ data: [], pagination: { total: 7, limit: 50, offset: 7 } });
    });

    it('should search without diacritics and count only what it finds', async () => {
      const found = await t.call('GET', `/api/v1/plans?q=${encodeURIComponent('PHAN TRANG Bon')}`);
      expect(idsOf(found.body)).toEqual([ownPlans[3]]);
      expect(found.body.pagination.total).toBe(1);
      const all = await t.call('GET', `/api/v1/plans?q=${encodeURIComponent('phân trang')}&limit=2`);
      expect(all.body.data).toHaveLength(2);
      expect(all.body.pagination.total).toBe(7);
      // A % typed is searched for as such, not as a LIKE wildcard that would match every plan.
      for (const typed of ['%', 'phân trang %', '100%'])
        expect(
          (await t.call('GET', `/api/v1/plans?q=${encodeURIComponent(typed)}`)).body.pagination.total,
        ).toBe(0);
    });

    it('should refuse a page size above 200, or one that is not a number, in Vietnamese', async () => {
      const cases = [
        ['limit=201', 'Số dòng mỗi trang từ 1 đến 200'],
        ['limit=0', 'Số dòng mỗi trang từ 1 đến 200'],
        ['limit=abc', 'Số dòng mỗi trang phải là một số'],
        ['limit=2.5', 'Số dòng mỗi trang phải là số nguyên'],
        ['offset=-1', 'Vị trí bắt đầu không được âm'],
      ];
      for (const [query, message] of cases) {
        const response = await t.call('GET', `/api/v1/plans?${query}`);
        expect(response.status, query).toBe(400);
        expect(response.body.message, query).toBe(message);
      }
    });

    it('should show a user of another locality neither those plans nor their count, through search either', async () => {
      const other = (await buildLocality(t)).id;
      const otherPlan = (await buildPlan(t, other, { title: 'Kế hoạch phân trang của xã khác' })).id;
      const { client } = await buildUser(t, { role: 'leader', localityId: other });
      const searched = await client.call('GET', `/api/v1/plans?q=${encodeURIComponent('phan trang')}`);
      expect(idsOf(searched.body)).toEqual([otherPlan]);
      expect(searched.body.pagination.total).toBe(1);
      const asked = await client.call('GET', `/api/v1/plans?localityId=${own}`);
      expect(asked.body).toEqual({ data: [], pagination: { total: 0, limit: 50, offset: 0 } });
      const everything = await client.call('GET', '/api/v1/plans?limit=200');
      expect(idsOf(everything.body)).toEqual([otherPlan]);
      expect(everything.body.pagination.total).toBe(1);
    });
  });

  describe('GET /api/v1/plans/:id', () => {
    it('should fail with 404 for a missing plan', async () => {
      const response = await t.call('GET', '/api/v1/plans/00000000-0000-4000-8000-000000000000');
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Không tìm thấy kế hoạch.');
    });
  });

  describe('PATCH /api/v1/plans/:id', () => {
    it('should update the header, replace references and audit the change', async () => {
      const planId = (await buildPlan(t, localityId, { references: [{ kind: 'basis', number: '1/KH' }] })).id;
      const response = await t.call('PATCH', `/api/v1/plans/${planId}`, {
        signerName: 'Trần Thị B',
        references: [{ kind: 'basis', number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị' }],
      });
      expect(response.status).toBe(200);
      expect(response.body.data.signerName).toBe('Trần Thị B');
      expect(response.body.data.references).toEqual([
        {
          kind: 'basis',
          number: '57-NQ/TW',
          date: '2024-12-22',
          issuer: 'Bộ Chính trị',
          referencedPlanId: null,
        },
      ]);
      const [event] = await t.handle.db
        .select()
        .from(auditEvent)
        .where(eq(auditEvent.entityId, planId))
        .then((rows) => rows.filter((row) => row.action === 'update'));
      expect(event?.before).toMatchObject({
        signerName: null,
        references: [expect.objectContaining({ number: '1/KH' })],
      });
      expect(event?.after).toMatchObject({ signerName: 'Trần Thị B' });
    });

    it('should leave untouched fields as they were', async () => {
      const planId = (
        await buildPlan(t, localityId, {
          signerName: 'Lê Văn C',
          reporting: [{ frequency: 'annual', due: '11-30' }],
        })
      ).id;
      const response = await t.call('PATCH', `/api/v1/plans/${planId}`, { status: 'closed' });
      expect(response.body.data).toMatchObject({
        status: 'closed',
        signerName: 'Lê Văn C',
        reporting: [{ frequency: 'annual', due: '11-30', receiver: null }],
      });
    });
  });

  describe('DELETE /api/v1/plans/:id', () => {
    it('should delete the plan with its indicators and tasks', async () => {
      const planId = (await buildPlan(t, localityId)).id;
      await buildIndicator(t, planId);
      expect((await t.call('DELETE', `/api/v1/plans/${planId}`)).status).toBe(204);
      expect(await t.handle.db.select().from(indicator).where(eq(indicator.planId, planId))).toEqual([]);
      expect((await t.call('GET', `/api/v1/plans/${planId}`)).status).toBe(404);
      expect((await t.call('DELETE', `/api/v1/plans/${planId}`)).status).toBe(404);
    });
  });
});
