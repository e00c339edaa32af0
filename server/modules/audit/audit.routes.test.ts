/**
 * The audit trail shows where a change came from (address, browser) to administrators only: system
 * administrators and the locality administrators of the event's locality (issue #10, item 9).
 * Demo data: Thành Đông is a ward of Hải Phòng (haiphong.admin); Thái Nguyên is another province.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localityIdsByName } from '../../test/factories';
import { buildTestApp, type Client, fixedClock, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { systemActor } from '../auth/access';
import { createUserService } from '../user/user.service';

describe('origin of changes in the audit trail', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const localityIds = await localityIdsByName(t, ['Thái Nguyên', 'Thành Đông']);
    const idOf = (name: string) => localityIds.get(name)!;
    // Administers another province and inspects Thành Đông: reads its trail, but is not its administrator.
    await createUserService({ db: t.handle.db, clock: fixedClock }).create(
      { actor: systemActor('test setup'), ip: null, userAgent: null },
      {
        username: 'thainguyen.admin.thanhtra',
        displayName: 'Quản trị Thái Nguyên, thanh tra Thành Đông',
        password: TEST_PASSWORD,
        roles: [
          { role: 'locality_admin', localityId: idOf('Thái Nguyên') },
          { role: 'inspector', localityId: idOf('Thành Đông') },
        ],
      },
      { mustChangePassword: false },
    );
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/localities/${idOf('Thành Đông')}/units`,
      payload: { name: 'Phòng có nhật ký' },
      headers: { ...t.headers, 'user-agent': 'Trình duyệt thử 1.0' },
      cookies: t.cookies,
    });
    expect(created.statusCode).toBe(201);
    unitId = created.json().data.id;
  });
  afterAll(() => t.close());

  const eventsSeenBy = async (client: Client) => {
    const response = await client.call('GET', `/api/v1/audit-events?entityId=${unitId}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    return response.body.data[0] as Record<string, unknown>;
  };

  it('should show the address and browser to the system administrator and the locality administrator', async () => {
    for (const client of [t, await t.signIn('haiphong.admin')]) {
      expect(await eventsSeenBy(client)).toMatchObject({
        ip: '127.0.0.1',
        userAgent: 'Trình duyệt thử 1.0',
        entityLabel: 'Phòng có nhật ký',
      });
    }
  });

  it('should leave them out for every other role, including an administrator of another locality', async () => {
    for (const username of [
      'haiphong.thanhtra',
      'thanhdong.lanhdao',
      'thanhdong.vhxh',
      'thanhdong.hcc',
      'thainguyen.admin.thanhtra',
    ]) {
      const event = await eventsSeenBy(await t.signIn(username));
      expect(event, username).not.toHaveProperty('ip');
      expect(event, username).not.toHaveProperty('userAgent');
      expect(event, username).toMatchObject({ entityLabel: 'Phòng có nhật ký', action: 'create' });
    }
  });
});

/**
 * The trail names things instead of ids (issue #14): the unit and period of a unit report, the unit the
 * actor works in, the plan; the web app builds its sentence from them ("… trả lại báo cáo 2026 của
 * Trung tâm HCC, lý do: …").
 */
describe('names in the audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('should name the report, its unit, its period and the unit of the person who returned it', async () => {
    const hcc = await t.signIn('thanhdong.hcc');
    const standing = await t.signIn('thanhdong.vhxh');
    const plans: Array<{ id: string; localityName: string; number: string; title: string }> = (
      await t.call('GET', '/api/v1/plans')
    ).body.data;
    const plan = plans.find((row) => row.localityName === 'Thành Đông')!;
    const periods: Array<{ id: string; key: string; label: string }> = (
      await t.call('GET', `/api/v1/plans/${plan.id}/reporting-periods`)
    ).body.data;
    const period = periods.find((row) => row.key === '2026')!;
    const me = (await hcc.call('GET', '/api/v1/auth/me')).body.data;
    const unitId: string = me.user.roles[0].unitId;
    const formUrl = `/api/v1/reporting-periods/${period.id}/units/${unitId}/report`;
    let form = (await hcc.call('GET', formUrl)).body.data;
    const saved = await hcc.call('PUT', formUrl, {
      revision: form.report?.revision ?? 0,
      values: form.indicators.map((row: { indicatorId: string }) => ({
        indicatorId: row.indicatorId,
        value: null,
        missingReason: 'Chưa có số liệu của kỳ này',
      })),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    form = saved.body.data;
    const submitted = await hcc.call('POST', `/api/v1/unit-reports/${form.report.id}/submit`, {
      revision: form.report.revision,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const returned = await standing.call('POST', `/api/v1/unit-reports/${form.report.id}/return`, {
      revision: submitted.body.data.report.revision,
      reason: 'Thiếu minh chứng',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);

    const events = (await t.call('GET', `/api/v1/audit-events?entityType=unit_report&planId=${plan.id}`)).body
      .data as Array<Record<string, unknown> & { after: { status?: string } }>;
    const returnEvent = events.find((event) => event.after?.status === 'returned')!;
    expect(returnEvent).toMatchObject({
      actorName: expect.any(String),
      actorUnitName: 'Phòng Văn hóa - Xã hội',
      subject: { unit: 'Trung tâm HCC', period: period.label, plan: expect.stringContaining(plan.number) },
      entityLabel: `Báo cáo ${period.label} của Trung tâm HCC (phiên bản 1)`,
    });
    const submitEvent = events.find((event) => event.after?.status === 'submitted')!;
    expect(submitEvent).toMatchObject({ actorUnitName: 'Trung tâm HCC' });
    // No id is shown where a name was found.
    expect(JSON.stringify(returnEvent.subject)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
