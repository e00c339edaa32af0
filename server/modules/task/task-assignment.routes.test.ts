/**
 * POST /api/v1/plans/:id/tasks/assign: the standing agency hands many tasks to a lead unit at once, and
 * from then on the unit must report on them (test clock: 25/11/2026).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, task, taskUnit } from '../../db/schema';
import { buildLocality, buildPlan, buildTask, buildUnit, buildUser } from '../../test/factories';
import { buildTestApp, type Client, type TestApp } from '../../test/test-app';

describe('POST /api/v1/plans/:id/tasks/assign', () => {
  let t: TestApp;
  let localityId: string;
  let planId: string;
  let otherPlanId: string;
  let leadId: string;
  let partnerId: string;
  let foreignUnitId: string;
  let taskIds: string[];
  let unitOfficer: Client;
  let standingOfficer: Client;
  let foreignOfficer: Client;

  beforeAll(async () => {
    t = await buildTestApp();
    const locality = await buildLocality(t);
    localityId = locality.id;
    const foreign = await buildLocality(t);
    leadId = (await buildUnit(t, localityId, 'Phòng Kinh tế')).id;
    partnerId = (await buildUnit(t, localityId, 'Công an xã')).id;
    foreignUnitId = (await buildUnit(t, foreign.id, 'Phòng Kinh tế xã khác')).id;
    planId = (await buildPlan(t, localityId)).id;
    otherPlanId = (await buildPlan(t, localityId)).id;
    taskIds = [];
    for (let index = 0; index < 4; index++) {
      taskIds.push(
        (
          await buildTask(t, planId, {
            name: `Nhiệm vụ không có đơn vị ${index + 1}`,
            deadlineText: index % 2 ? 'Hằng năm' : 'Thường xuyên',
          })
        ).id,
      );
    }
    unitOfficer = (await buildUser(t, { role: 'unit_officer', localityId, unitId: leadId })).client;
    standingOfficer = (await buildUser(t, { role: 'standing_officer', localityId })).client;
    foreignOfficer = (await buildUser(t, { role: 'standing_officer', localityId: foreign.id })).client;
  });
  afterAll(() => t.close());

  const url = () => `/api/v1/plans/${planId}/tasks/assign`;

  it('should fail with 401 without a session', async () => {
    const response = await t.anonymous.call('POST', url(), { taskIds, leadUnitId: leadId });
    expect(response.status).toBe(401);
  });

  it.each([
    [{ taskIds: [], leadUnitId: 'x' }, 'taskIds', 'Chọn ít nhất một nhiệm vụ để giao'],
    [{ taskIds: ['abc'] }, 'taskIds.0', 'Nhiệm vụ: chưa được chọn hoặc lựa chọn không có trong danh sách'],
    [
      { leadUnitId: 'x' },
      'leadUnitId',
      'Đơn vị chủ trì: chưa được chọn hoặc lựa chọn không có trong danh sách',
    ],
  ])('should fail with 400 in Vietnamese for %j', async (body, field, message) => {
    const response = await standingOfficer.call('POST', url(), { taskIds, leadUnitId: leadId, ...body });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual({ field, message });
  });

  it('should refuse a lead unit that is also coordinating', async () => {
    const response = await standingOfficer.call('POST', url(), {
      taskIds,
      leadUnitId: leadId,
      coordinatingUnitIds: [partnerId, leadId],
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual({
      field: 'coordinatingUnitIds',
      message: 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp',
    });
  });

  it('should refuse a unit of another locality and write nothing', async () => {
    const response = await standingOfficer.call('POST', url(), { taskIds, leadUnitId: foreignUnitId });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('unit_of_other_locality');
    expect(response.body.details[0].message).toBe('Đơn vị "Phòng Kinh tế xã khác" thuộc địa phương khác');
    const rows = await t.handle.db.select().from(task).where(inArray(task.id, taskIds));
    expect(rows.every((row) => row.leadUnitId === null)).toBe(true);
  });

  it('should refuse a task of another plan and write nothing', async () => {
    const stray = (await buildTask(t, otherPlanId, { name: 'Nhiệm vụ của kế hoạch khác' })).id;
    const response = await standingOfficer.call('POST', url(), {
      taskIds: [taskIds[0], stray],
      leadUnitId: leadId,
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'taskIds.1', message: 'Nhiệm vụ không thuộc kế hoạch này' },
    ]);
    const [row] = await t.handle.db.select().from(task).where(eq(task.id, taskIds[0]!));
    expect(row?.leadUnitId).toBeNull();
  });

  it('should fail with 403 for a unit officer and 404 for a user of another locality', async () => {
    expect((await unitOfficer.call('POST', url(), { taskIds, leadUnitId: leadId })).status).toBe(403);
    expect((await foreignOfficer.call('POST', url(), { taskIds, leadUnitId: leadId })).status).toBe(404);
  });

  let pastPeriodId: string;

  it('should show the unit officer no task obligation before the assignment', async () => {
    // A period already due before the assignment: not held against the unit afterwards.
    pastPeriodId = (
      await t.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
        label: 'Báo cáo 6 tháng đầu năm 2026',
        dataFrom: '2026-01-01',
        dataTo: '2026-06-14',
        dueDate: '2026-06-30',
      })
    ).body.data.id;
    await t.call('POST', `/api/v1/plans/${planId}/reporting-periods`, {
      label: 'Báo cáo năm 2026',
      dataFrom: '2026-01-01',
      dataTo: '2026-11-14',
      dueDate: '2026-12-15',
    });
    const work = (await unitOfficer.call('GET', '/api/v1/my-work')).body.data;
    expect(work.obligations.filter((row: { plan: { id: string } }) => row.plan.id === planId)).toEqual([]);
  });

  it('should assign every task in one transaction, audit each, and make them the unit’s to report', async () => {
    const response = await standingOfficer.call('POST', url(), {
      taskIds: taskIds.slice(0, 3),
      leadUnitId: leadId,
      coordinatingUnitIds: [partnerId],
    });
    expect(response.status).toBe(200);
    expect(response.body.data.changed).toBe(3);
    expect(response.body.data.tasks).toHaveLength(3);
    for (const row of response.body.data.tasks)
      expect(row).toMatchObject({ leadUnitId: leadId, coordinatingUnitIds: [partnerId] });

    const rows = await t.handle.db.select().from(task).where(inArray(task.id, taskIds));
    expect(rows.filter((row) => row.leadUnitId === leadId)).toHaveLength(3);
    const links = await t.handle.db.select().from(taskUnit).where(inArray(taskUnit.taskId, taskIds));
    expect(links.map((link) => link.unitId)).toEqual([partnerId, partnerId, partnerId]);
    const audits = await t.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.entityType, 'task'),
          eq(auditEvent.action, 'update'),
          inArray(auditEvent.entityId, taskIds),
        ),
      );
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({
      planId,
      before: expect.objectContaining({ leadUnitId: null }),
      after: expect.objectContaining({ leadUnitId: leadId, coordinatingUnitIds: [partnerId] }),
    });

    // From then on: the open period, not the one already due before the assignment.
    const work = (await unitOfficer.call('GET', '/api/v1/my-work')).body.data;
    const owed = work.obligations.filter((row: { plan: { id: string } }) => row.plan.id === planId);
    expect(owed).toHaveLength(1);
    const obligation = owed[0];
    expect(obligation).toMatchObject({ unitId: leadId, report: null, timeliness: 'not_due' });
    expect(obligation.period.id).not.toBe(pastPeriodId);
    const past = (await standingOfficer.call('GET', `/api/v1/reporting-periods/${pastPeriodId}`)).body.data;
    expect(past.obligations).toEqual([]);
    const [row] = await t.handle.db.select().from(task).where(eq(task.id, taskIds[0]!));
    expect(row?.leadAssignedAt).toBeInstanceOf(Date);
    const form = (
      await unitOfficer.call(
        'GET',
        `${obligation.link.replace('/reporting-periods', '/api/v1/reporting-periods')}/report`,
      )
    ).body.data;
    expect(form.tasks.map((row: { taskId: string }) => row.taskId).sort()).toEqual(
      taskIds.slice(0, 3).sort(),
    );
  });

  it('should leave a task already so assigned untouched and unaudited', async () => {
    const response = await standingOfficer.call('POST', url(), {
      taskIds: taskIds.slice(0, 2),
      leadUnitId: leadId,
    });
    expect(response.status).toBe(200);
    expect(response.body.data.changed).toBe(0);
    const audits = await t.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityType, 'task'), inArray(auditEvent.entityId, taskIds.slice(0, 2))));
    expect(audits.filter((row) => row.action === 'update')).toHaveLength(2);
  });
});
