import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { task } from '../../db/schema';
import { buildLocality, buildPlan, buildTask, buildUnit, countAllRows } from '../../test/factories';
import { buildTestApp, type TestApp } from '../../test/test-app';

describe('task routes', () => {
  let t: TestApp;
  let planId: string;
  let leadId: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const locality = await buildLocality(t);
    leadId = (await buildUnit(t, locality.id, 'Phòng Kinh tế')).id;
    partnerId = (await buildUnit(t, locality.id, 'Doanh nghiệp viễn thông')).id;
    planId = (await buildPlan(t, locality.id)).id;
  });
  afterAll(() => t.close());

  it.each([
    ['Trong Quý IV/2025', { deadlineKind: 'by', deadlineDate: '2025-12-31', recurrence: null }],
    ['Tháng 10/2025', { deadlineKind: 'by', deadlineDate: '2025-10-31', recurrence: null }],
    ['Hằng năm', { deadlineKind: 'recurring', deadlineDate: null, recurrence: 'year' }],
    [
      '12/2025 và các năm tiếp theo',
      { deadlineKind: 'recurring', deadlineDate: '2025-12-31', recurrence: 'year' },
    ],
    ['Thường xuyên', { deadlineKind: 'ongoing', deadlineDate: null, recurrence: null }],
    ['Theo yêu cầu', { deadlineKind: 'onRequest', deadlineDate: null, recurrence: null }],
    ['Theo lộ trình tại Phụ lục I', { deadlineKind: 'schedule', deadlineDate: null, recurrence: null }],
    ['Khi có điều kiện', { deadlineKind: null, deadlineDate: null, recurrence: null }],
  ])(
    'should read the meaning of the printed deadline %j and keep the text',
    async (deadlineText, meaning) => {
      const response = await t.call('POST', `/api/v1/plans/${planId}/tasks`, {
        name: 'Nhiệm vụ',
        deadlineText,
      });
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({ deadlineText, ...meaning });
    },
  );

  it('should create a task with lead, coordinating units, output and group', async () => {
    const response = await t.call('POST', `/api/v1/plans/${planId}/tasks`, {
      groupName: 'Hạ tầng số',
      code: '1',
      name: 'Lắp đặt trạm phát sóng 5G',
      leadUnitId: leadId,
      coordinatingUnitIds: [partnerId, leadId],
      leader: 'Phó Chủ tịch UBND xã',
      output: 'Báo cáo kết quả',
      deadlineText: 'Quý II/2026',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      groupName: 'Hạ tầng số',
      leadUnitId: leadId,
      coordinatingUnitIds: [partnerId, leadId],
      output: 'Báo cáo kết quả',
      deadlineDate: '2026-06-30',
    });
    const [row] = await t.handle.db.select().from(task).where(eq(task.id, response.body.data.id));
    expect(row?.leader).toBe('Phó Chủ tịch UBND xã');
  });

  it('should let an explicit deadline override the printed text', async () => {
    const response = await t.call('POST', `/api/v1/plans/${planId}/tasks`, {
      name: 'Nhiệm vụ',
      deadlineText: 'Cuối năm',
      deadlineKind: 'by',
      deadlineDate: '2026-12-15',
    });
    expect(response.body.data).toMatchObject({
      deadlineText: 'Cuối năm',
      deadlineKind: 'by',
      deadlineDate: '2026-12-15',
    });
  });

  it.each([
    [
      'a "by" deadline without a date',
      { name: 'A', deadlineKind: 'by' },
      'Thời hạn "đến ngày" cần có ngày hoàn thành',
    ],
    [
      'a recurring deadline without a cycle',
      { name: 'A', deadlineKind: 'recurring' },
      'Nhiệm vụ định kỳ cần có chu kỳ (năm, quý, tháng)',
    ],
    [
      'a date that does not exist',
      { name: 'A', deadlineKind: 'by', deadlineDate: '2025-02-29' },
      'Ngày hoàn thành không phải một ngày có thật (định dạng YYYY-MM-DD)',
    ],
    ['an empty name', { name: '' }, 'Tên nhiệm vụ không được để trống'],
  ])('should refuse %s and write nothing', async (_case, body, message) => {
    const before = await countAllRows(t);
    const response = await t.call('POST', `/api/v1/plans/${planId}/tasks`, body);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe(message);
    expect(await countAllRows(t)).toEqual(before);
  });

  it('should re-read the meaning when only the printed deadline changes', async () => {
    const { id } = await buildTask(t, planId, { deadlineText: 'Trong Quý IV/2025' });
    const response = await t.call('PATCH', `/api/v1/tasks/${id}`, { deadlineText: 'Hằng quý' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      deadlineText: 'Hằng quý',
      deadlineKind: 'recurring',
      recurrence: 'quarter',
      deadlineDate: null,
    });
  });

  it('should leave omitted fields untouched and ask for the kind when only a date is sent', async () => {
    const { id } = await buildTask(t, planId, { coordinatingUnitIds: [partnerId], deadlineText: 'Hằng năm' });
    const renamed = await t.call('PATCH', `/api/v1/tasks/${id}`, { name: 'Tên mới' });
    expect(renamed.body.data).toMatchObject({
      name: 'Tên mới',
      coordinatingUnitIds: [partnerId],
      deadlineKind: 'recurring',
      recurrence: 'year',
    });
    const dateOnly = await t.call('PATCH', `/api/v1/tasks/${id}`, { deadlineDate: '2026-03-31' });
    expect(dateOnly.status).toBe(400);
    expect(dateOnly.body.message).toBe('Khi sửa ngày hoặc chu kỳ, cần chọn cả loại thời hạn');
  });

  it('should update units and delete the task', async () => {
    const { id } = await buildTask(t, planId);
    const updated = await t.call('PATCH', `/api/v1/tasks/${id}`, {
      leadUnitId: partnerId,
      coordinatingUnitIds: [],
    });
    expect(updated.body.data).toMatchObject({ leadUnitId: partnerId, coordinatingUnitIds: [] });
    expect((await t.call('DELETE', `/api/v1/tasks/${id}`)).status).toBe(204);
    expect((await t.call('PATCH', `/api/v1/tasks/${id}`, { name: 'X' })).status).toBe(404);
  });
});
