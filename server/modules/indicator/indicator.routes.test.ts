import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, indicator, indicatorTarget } from '../../db/schema';
import { buildIndicator, buildLocality, buildPlan, buildUnit, countAllRows } from '../../test/factories';
import { buildTestApp, FIXED_NOW, type TestApp } from '../../test/test-app';

describe('indicator routes', () => {
  let t: TestApp;
  let planId: string;
  let unitId: string;
  let otherLocalityUnitId: string;
  let indicatorId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const locality = await buildLocality(t);
    const otherLocality = await buildLocality(t);
    unitId = (await buildUnit(t, locality.id, 'Phòng Văn hóa - Xã hội')).id;
    otherLocalityUnitId = (await buildUnit(t, otherLocality.id, 'Phòng Kinh tế')).id;
    planId = (await buildPlan(t, locality.id)).id;
    indicatorId = (await buildIndicator(t, planId, { leadUnitId: unitId })).id;
  });
  afterAll(() => t.close());

  describe('POST /api/v1/plans/:id/indicators', () => {
    it('should create an indicator with its group, units, catalog code and targets', async () => {
      const response = await t.call('POST', `/api/v1/plans/${planId}/indicators`, {
        groupName: 'Chính quyền số',
        code: 'V.1',
        name: 'Hồ sơ thủ tục hành chính xử lý trực tuyến',
        unit: '%',
        measure: 'period',
        catalogCode: 'CDS.TTHC.HO_SO_TRUC_TUYEN',
        leadUnitId: unitId,
        coordinatingUnitIds: [unitId],
        baselineYear: 2025,
        targets: [
          { year: 2025, op: '>=', value: 80, rawText: '≥ 80%', isBaseline: true },
          { year: 2030, op: 'range', value: 80, valueHigh: 90, rawText: '80% - 90%' },
          { year: 2035, op: 'qualitative', rawText: 'Mở rộng ứng dụng' },
        ],
      });
      expect(response.status).toBe(201);
      const created = response.body.data;
      expect(created).toMatchObject({
        planId,
        groupName: 'Chính quyền số',
        code: 'V.1',
        measure: 'period',
        direction: 'increase',
        catalogCode: 'CDS.TTHC.HO_SO_TRUC_TUYEN',
        leadUnitId: unitId,
        coordinatingUnitIds: [unitId],
        baselineYear: 2025,
      });
      expect(
        created.targets.map(
          (target: { year: number; op: string; value: number | null; valueHigh: number | null }) => [
            target.year,
            target.op,
            target.value,
            target.valueHigh,
          ],
        ),
      ).toEqual([
        [2025, '>=', 80, null],
        [2030, 'range', 80, 90],
        [2035, 'qualitative', null, null],
      ]);
      const [row] = await t.handle.db.select().from(indicator).where(eq(indicator.id, created.id));
      expect(row?.searchText).toBe(' v 1 ho so thu tuc hanh chinh xu ly truc tuyen ');
      const audit = await t.handle.db.select().from(auditEvent).where(eq(auditEvent.entityId, created.id));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'create', entityType: 'indicator', planId, at: FIXED_NOW });
    });

    it('should fail with 404 for a plan that does not exist', async () => {
      const response = await t.call('POST', '/api/v1/plans/00000000-0000-4000-8000-000000000000/indicators', {
        name: 'X',
      });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        ok: false,
        error: 'plan_not_found',
        status: 404,
        message: 'Không tìm thấy kế hoạch.',
      });
    });

    it.each([
      ['an empty name', { name: '   ' }, 'name', 'Tên chỉ tiêu không được để trống'],
      [
        'a target year 1890',
        { name: 'A', targets: [{ year: 1890, op: '>=', value: 5 }] },
        'targets.0.year',
        'Năm phải từ năm 2000 trở đi',
      ],
      [
        'a range with low > high',
        { name: 'A', targets: [{ year: 2026, op: 'range', value: 90, valueHigh: 80 }] },
        'targets.0.valueHigh',
        'Cận dưới của khoảng lớn hơn cận trên',
      ],
      [
        'a numeric target without a value',
        { name: 'A', targets: [{ year: 2026, op: '>=' }] },
        'targets.0.value',
        'Chỉ tiêu định lượng phải có giá trị',
      ],
      [
        'two targets for one year',
        {
          name: 'A',
          targets: [
            { year: 2026, op: '>=', value: 1 },
            { year: 2026, op: '>=', value: 2 },
          ],
        },
        'targets',
        'Mỗi năm chỉ có một chỉ tiêu',
      ],
      [
        'a text in a number field',
        { name: 'A', targets: [{ year: 2026, op: '>=', value: '85%' }] },
        'targets.0.value',
        'Giá trị phải là một số',
      ],
      [
        'an unknown operator',
        { name: 'A', targets: [{ year: 2026, op: '>>', value: 1 }] },
        'targets.0.op',
        'Phép so sánh phải là',
      ],
      ['a 1 MB name', { name: 'x'.repeat(1_000_000) }, 'name', 'Tên chỉ tiêu dài quá 2.000 ký tự'],
      [
        'an unknown unit id',
        { name: 'A', leadUnitId: '00000000-0000-4000-8000-000000000000' },
        'leadUnitId',
        'không tồn tại',
      ],
      [
        'a malformed unit id',
        { name: 'A', leadUnitId: 'phong-vh' },
        'leadUnitId',
        'Đơn vị chủ trì: chưa được chọn hoặc lựa chọn không có trong danh sách',
      ],
      [
        'an unknown catalog code',
        { name: 'A', catalogCode: 'KHONG.CO' },
        'catalogCode',
        'không có trong danh mục',
      ],
    ])(
      'should refuse %s with a 400 naming the field and write nothing',
      async (_case, body, field, message) => {
        const before = await countAllRows(t);
        const response = await t.call('POST', `/api/v1/plans/${planId}/indicators`, body);
        expect(response.status).toBe(400);
        expect(response.body.ok).toBe(false);
        // The message names the field by its label; the path is for programs, in details.
        expect(response.body.message).not.toContain(`${field}:`);
        expect(response.body.message).toContain(message);
        expect(response.body.details).toContainEqual(expect.objectContaining({ field }));
        expect(await countAllRows(t)).toEqual(before);
      },
    );

    it('should refuse a unit of another locality', async () => {
      const before = await countAllRows(t);
      const response = await t.call('POST', `/api/v1/plans/${planId}/indicators`, {
        name: 'A',
        coordinatingUnitIds: [otherLocalityUnitId],
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('unit_of_other_locality');
      expect(response.body.message).toContain(
        'Đơn vị phối hợp: Đơn vị "Phòng Kinh tế" thuộc địa phương khác',
      );
      expect(await countAllRows(t)).toEqual(before);
    });

    it('should refuse a malformed JSON body with a Vietnamese message', async () => {
      const before = await countAllRows(t);
      const response = await t.call('POST', `/api/v1/plans/${planId}/indicators`, '{"name": "A",');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        ok: false,
        error: 'invalid_json',
        status: 400,
        message: 'Nội dung gửi lên không phải JSON hợp lệ.',
      });
      expect(await countAllRows(t)).toEqual(before);
    });
  });

  describe('PATCH /api/v1/indicators/:id', () => {
    it('should update fields, move the indicator to another group and keep the audit before/after', async () => {
      const response = await t.call('PATCH', `/api/v1/indicators/${indicatorId}`, {
        name: 'Tỷ lệ phủ sóng 5G',
        groupName: 'Hạ tầng số',
        direction: 'decrease',
      });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        name: 'Tỷ lệ phủ sóng 5G',
        groupName: 'Hạ tầng số',
        direction: 'decrease',
        leadUnitId: unitId,
      });
      const audit = await t.handle.db.select().from(auditEvent).where(eq(auditEvent.entityId, indicatorId));
      const update = audit.find((event) => event.action === 'update');
      expect(update?.before).toMatchObject({
        name: 'Tỷ lệ phủ sóng 5G trên địa bàn',
        groupName: 'Phát triển hạ tầng',
      });
      expect(update?.after).toMatchObject({ name: 'Tỷ lệ phủ sóng 5G', groupName: 'Hạ tầng số' });
    });

    it('should leave omitted fields untouched (no defaults on update)', async () => {
      const { id } = await buildIndicator(t, planId, {
        coordinatingUnitIds: [unitId],
        measure: 'period',
        direction: 'decrease',
      });
      const response = await t.call('PATCH', `/api/v1/indicators/${id}`, { name: 'Tên mới' });
      expect(response.body.data).toMatchObject({
        name: 'Tên mới',
        coordinatingUnitIds: [unitId],
        measure: 'period',
        direction: 'decrease',
      });
    });

    it('should fail with 404 for a missing indicator and 400 for a malformed id', async () => {
      expect(
        (await t.call('PATCH', '/api/v1/indicators/00000000-0000-4000-8000-000000000000', { name: 'X' }))
          .status,
      ).toBe(404);
      const malformed = await t.call('PATCH', '/api/v1/indicators/abc', { name: 'X' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toBe(
        'Đường dẫn không hợp lệ: không tìm thấy chỉ tiêu này (mã trong đường dẫn bị sai hoặc thiếu).',
      );
    });
  });

  describe('PUT/DELETE /api/v1/indicators/:id/targets/:year', () => {
    it('should replace a target, keep the printed text and record before/after', async () => {
      const response = await t.call('PUT', `/api/v1/indicators/${indicatorId}/targets/2026`, {
        op: '>=',
        value: 75,
        rawText: '75%',
      });
      expect(response.status).toBe(200);
      const target = response.body.data.targets.find((row: { year: number }) => row.year === 2026);
      expect(target).toMatchObject({ op: '>=', value: 75, rawText: '75%', isBaseline: false });
      const [stored] = await t.handle.db
        .select()
        .from(indicatorTarget)
        .where(eq(indicatorTarget.id, target.id));
      expect(stored).toMatchObject({ value: 75, rawText: '75%' });
      const [event] = await t.handle.db.select().from(auditEvent).where(eq(auditEvent.entityId, target.id));
      expect(event?.before).toMatchObject({ value: 70, rawText: '70%' });
      expect(event?.after).toMatchObject({ value: 75, rawText: '75%' });
    });

    it('should add a target for a new stage year', async () => {
      const response = await t.call('PUT', `/api/v1/indicators/${indicatorId}/targets/2045`, {
        op: 'qualitative',
        rawText: 'Duy trì',
      });
      expect(response.status).toBe(200);
      expect(response.body.data.targets.map((row: { year: number }) => row.year)).toEqual([2025, 2026, 2045]);
    });

    it.each([
      ['a year 1890', '1890', { op: '>=', value: 1 }, 'Đường dẫn không hợp lệ: Năm phải từ năm 2000 trở đi'],
      [
        'a year that is not a number',
        'abc',
        { op: '>=', value: 1 },
        'Đường dẫn không hợp lệ: Năm phải là một số',
      ],
      [
        'a range with low > high',
        '2027',
        { op: 'range', value: 90, valueHigh: 80 },
        'Cận dưới của khoảng lớn hơn cận trên',
      ],
      [
        'a qualitative target with a value',
        '2027',
        { op: 'qualitative', value: 3 },
        'Chỉ tiêu định tính không có giá trị số',
      ],
    ])('should refuse %s', async (_case, year, body, message) => {
      const before = await countAllRows(t);
      const response = await t.call('PUT', `/api/v1/indicators/${indicatorId}/targets/${year}`, body);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
      expect(await countAllRows(t)).toEqual(before);
    });

    it('should delete a target and answer 404 when the year has none', async () => {
      expect((await t.call('DELETE', `/api/v1/indicators/${indicatorId}/targets/2045`)).status).toBe(204);
      const again = await t.call('DELETE', `/api/v1/indicators/${indicatorId}/targets/2045`);
      expect(again.status).toBe(404);
      expect(again.body.error).toBe('target_not_found');
    });
  });

  describe('DELETE /api/v1/indicators/:id', () => {
    it('should delete the indicator with its targets', async () => {
      const doomed = await buildIndicator(t, planId);
      expect((await t.call('DELETE', `/api/v1/indicators/${doomed.id}`)).status).toBe(204);
      expect(
        await t.handle.db.select().from(indicatorTarget).where(eq(indicatorTarget.indicatorId, doomed.id)),
      ).toEqual([]);
      expect((await t.call('DELETE', `/api/v1/indicators/${doomed.id}`)).status).toBe(404);
    });
  });
});
