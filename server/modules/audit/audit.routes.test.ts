/**
 * The audit trail shows where a change came from (address, browser) to administrators only: system
 * administrators and the locality administrators of the event's locality (issue #10, item 9).
 * Demo data: Thành Đông is a ward of Hải Phòng (haiphong.admin); Thái Nguyên is another province.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, fixedClock, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { systemActor } from '../auth/access';
import { createUserService } from '../user/user.service';

describe('origin of changes in the audit trail', () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const localities: Array<{ id: string; name: string }> = (await t.call('GET', '/api/v1/localities')).body
      .data;
    const idOf = (name: string) => localities.find((row) => row.name === name)!.id;
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
