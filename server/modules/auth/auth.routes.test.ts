import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { openPostgres } from '../../db/client';
import { auditEvent, loginAttempt, session } from '../../db/schema';
import { CSRF_HEADER, SESSION_COOKIE } from '../../http/route';
import { buildIndicator, buildLocality, buildPlan, buildUnit, buildUser } from '../../test/factories';
import {
  buildTestApp,
  fixedClock,
  signInTo,
  TEST_CONFIG,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app';

describe('sign-in, sessions and password', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) =>
    t.anonymous.call('POST', '/api/v1/auth/login', { username, password });

  it('should sign in with an httpOnly, SameSite session cookie stored only as a hash', async () => {
    const response = await login('ADMIN ', TEST_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.body.data.user).toMatchObject({ username: 'admin', mustChangePassword: false });
    expect(response.body.data.user.roles).toEqual([
      expect.objectContaining({ role: 'system_admin', localityName: 'Việt Nam' }),
    ]);
    expect(response.body.data.user).not.toHaveProperty('passwordHash');
    const cookie = response.response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const sessions = await t.handle.db.select().from(session);
    expect(sessions.some((row) => row.id === cookie?.value)).toBe(false);
    expect(sessions.every((row) => /^[0-9a-f]{64}$/.test(row.id))).toBe(true);
  });

  it('should answer 401 without a session and give the same answer for an unknown user as for a wrong password', async () => {
    expect((await t.anonymous.call('GET', '/api/v1/plans')).status).toBe(401);
    expect((await t.anonymous.call('GET', '/api/v1/plans')).body.message).toBe('Vui lòng đăng nhập.');
    const wrong = await login('admin', 'sai-mat-khau');
    const unknown = await login('khong-co-ai', 'sai-mat-khau');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it.each([
    ['an existing user', 'throttled.user'],
    ['an unknown user', 'no.such.user'],
  ])('should throttle %s after five wrong passwords, with the same answer', async (_case, username) => {
    if (username === 'throttled.user') {
      const locality = await buildLocality(t);
      await t.call('POST', '/api/v1/users', {
        username,
        displayName: 'Người bị khóa tạm',
        password: 'mat-khau-dung-1',
        roles: [{ role: 'inspector', localityId: locality.id }],
      });
    }
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(username, `sai-${attempt}`)).status, `attempt ${attempt}`).toBe(401);
    }
    const sixth = await login(username, username === 'throttled.user' ? 'mat-khau-dung-1' : 'sai-6');
    expect(sixth.status).toBe(429);
    expect(sixth.body).toEqual({
      ok: false,
      error: 'login_throttled',
      status: 429,
      message: 'Đăng nhập sai quá nhiều lần. Vui lòng đợi 1 giây rồi thử lại.',
    });
    expect(sixth.response.headers['retry-after']).toBe('1');
    const attempts = await t.handle.db
      .select()
      .from(loginAttempt)
      .where(eq(loginAttempt.usernameKey, username.replaceAll('.', ' ')));
    // The refused attempt checked no password: only the five failures are recorded.
    expect(attempts).toHaveLength(5);
  });

  it('should force a new user to change the password before anything else', async () => {
    const locality = await buildLocality(t);
    await t.call('POST', '/api/v1/users', {
      username: 'nguoi.moi',
      displayName: 'Người mới',
      password: 'mat-khau-ban-dau',
      roles: [{ role: 'leader', localityId: locality.id }],
    });
    const fresh = await signInTo(t.app, 'nguoi.moi', 'mat-khau-ban-dau');
    const me = await fresh.call('GET', '/api/v1/auth/me');
    expect(me.body.data.user.mustChangePassword).toBe(true);
    const blocked = await fresh.call('GET', '/api/v1/plans');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error).toBe('password_change_required');

    const weak = await fresh.call('POST', '/api/v1/auth/password', {
      currentPassword: 'mat-khau-ban-dau',
      newPassword: 'ngan',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('ít nhất 10 ký tự');
    const wrongCurrent = await fresh.call('POST', '/api/v1/auth/password', {
      currentPassword: 'sai',
      newPassword: 'mat-khau-moi-123',
    });
    expect(wrongCurrent.body.error).toBe('wrong_current_password');

    const changed = await fresh.call('POST', '/api/v1/auth/password', {
      currentPassword: 'mat-khau-ban-dau',
      newPassword: 'mat-khau-moi-123',
    });
    expect(changed.status).toBe(204);
    expect((await fresh.call('GET', '/api/v1/plans')).status).toBe(200);
    await expect(signInTo(t.app, 'nguoi.moi', 'mat-khau-ban-dau')).rejects.toThrow(
      /sign-in of nguoi.moi failed/,
    );
    const [event] = await t.handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.entityId, fresh.userId!))
      .then((rows) => rows.filter((row) => row.action === 'update'));
    expect(event).toMatchObject({
      actorUserId: fresh.userId,
      after: { mustChangePassword: false, passwordChanged: true },
    });
  });

  it('should refuse a write without the CSRF token of the session', async () => {
    const signIn = await login('admin', TEST_PASSWORD);
    const token = signIn.response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const write = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/localities',
        cookies: { [SESSION_COOKIE]: token },
        headers,
        payload: { code: 'X1', name: 'X', level: 'province', kind: 'tỉnh', parentId: t.rootLocalityId },
      });
    const missing = await write({});
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toBe('csrf_failed');
    expect((await write({ [CSRF_HEADER]: 'gia-mao' })).statusCode).toBe(403);
    expect((await write({ [CSRF_HEADER]: signIn.body.data.csrfToken })).statusCode).toBe(201);
  });

  it('should close the session at logout and refuse a disabled user', async () => {
    const client = await t.signIn('admin');
    expect((await client.call('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await client.call('GET', '/api/v1/auth/me')).status).toBe(401);

    const locality = await buildLocality(t);
    const user = await buildUser(t, { role: 'leader', localityId: locality.id });
    expect((await t.call('PATCH', `/api/v1/users/${user.id}`, { isDisabled: true })).status).toBe(200);
    expect((await user.client.call('GET', '/api/v1/plans')).status).toBe(401);
  });

  it('should send security headers', async () => {
    const response = await t.call('GET', '/api/v1/plans');
    expect(response.response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      // A read is kept by this browser only and asked for again each time (server/http/http-cache.ts).
      'cache-control': 'private, no-cache',
    });
    expect(response.response.headers['content-security-policy']).toContain("script-src 'self'");
    // The session's own answer (with its CSRF token) is never stored.
    expect((await t.call('GET', '/api/v1/auth/me')).response.headers['cache-control']).toBe('no-store');
  });
});

describe('unit officers and scopes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('should let a unit officer edit what their unit leads, refuse another unit (403) and hide another commune (404)', async () => {
    const commune = await buildLocality(t);
    const otherCommune = await buildLocality(t);
    const own = await buildUnit(t, commune.id, 'Trạm Y tế');
    const other = await buildUnit(t, commune.id, 'Công an xã');
    const plan = await buildPlan(t, commune.id);
    const otherPlan = await buildPlan(t, otherCommune.id);
    const mine = await buildIndicator(t, plan.id, { name: 'Chỉ tiêu của trạm', leadUnitId: own.id });
    const theirs = await buildIndicator(t, plan.id, { name: 'Chỉ tiêu của công an', leadUnitId: other.id });
    const officer = await buildUser(t, { role: 'unit_officer', localityId: commune.id, unitId: own.id });

    expect((await officer.client.call('PATCH', `/api/v1/indicators/${mine.id}`, { unit: '%' })).status).toBe(
      200,
    );
    expect(
      (
        await officer.client.call('PUT', `/api/v1/indicators/${mine.id}/targets/2026`, {
          op: '>=',
          value: 50,
        })
      ).status,
    ).toBe(200);
    const refused = await officer.client.call('PATCH', `/api/v1/indicators/${theirs.id}`, { unit: '%' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Bạn không có quyền thực hiện việc này.');
    const handOver = await officer.client.call('PATCH', `/api/v1/indicators/${mine.id}`, {
      leadUnitId: other.id,
    });
    expect(handOver.status).toBe(403);
    expect((await officer.client.call('GET', `/api/v1/plans/${otherPlan.id}`)).status).toBe(404);
    expect(
      (await officer.client.call('POST', `/api/v1/plans/${plan.id}/indicators`, { name: 'Mới' })).status,
    ).toBe(403);

    const seen = (await officer.client.call('GET', `/api/v1/plans/${plan.id}`)).body.data;
    expect(seen.can).toEqual({ edit: false, editUnits: false });
    expect(seen.indicators.map((row: { name: string; canEdit: boolean }) => [row.name, row.canEdit])).toEqual(
      [
        ['Chỉ tiêu của trạm', true],
        ['Chỉ tiêu của công an', false],
      ],
    );
    const listed = (await officer.client.call('GET', '/api/v1/plans')).body.data.map(
      (row: { id: string }) => row.id,
    );
    expect(listed).toEqual([plan.id]);
    const found = (await officer.client.call('GET', '/api/v1/search?q=chi%20tieu')).body.data.map(
      (row: { planId: string }) => row.planId,
    );
    expect(new Set(found)).toEqual(new Set([plan.id]));
  });

  it('should show the history of an indicator with its targets, within scope only', async () => {
    const commune = await buildLocality(t);
    const plan = await buildPlan(t, commune.id);
    const indicator = await buildIndicator(t, plan.id, {
      name: 'Tỷ lệ',
      targets: [{ year: 2026, op: '>=', value: 70, rawText: '70%' }],
    });
    await t.call('PUT', `/api/v1/indicators/${indicator.id}/targets/2026`, {
      op: '>=',
      value: 75,
      rawText: '75%',
    });
    const page = (await t.call('GET', `/api/v1/audit-events?entityId=${indicator.id}`)).body;
    expect(page.pagination).toEqual({ total: 2, limit: 100, offset: 0 });
    const history = page.data;
    expect(
      history.map((event: { entityType: string; action: string }) => `${event.entityType}:${event.action}`),
    ).toEqual(['indicator_target:update', 'indicator:create']);
    expect(history.map((event: { entityLabel: string }) => event.entityLabel)).toEqual([
      'Tỷ lệ – mục tiêu năm 2026',
      'Tỷ lệ',
    ]);
    // Days are Vietnam days: 20:00 UTC on 25/11 is already 03:00 on 26/11 in Hà Nội.
    await t.handle.db.insert(auditEvent).values({
      at: new Date('2026-11-25T20:00:00.000Z'),
      entityType: 'indicator',
      entityId: indicator.id,
      planId: plan.id,
      localityId: commune.id,
      action: 'update',
      after: { name: 'Tỷ lệ' },
    });
    const onThe25th = (
      await t.call('GET', `/api/v1/audit-events?entityId=${indicator.id}&from=2026-11-25&to=2026-11-25`)
    ).body;
    expect(onThe25th.pagination.total).toBe(2);
    const onThe26th = (
      await t.call('GET', `/api/v1/audit-events?entityId=${indicator.id}&from=2026-11-26&to=2026-11-26`)
    ).body;
    expect(onThe26th.pagination.total).toBe(1);
    expect(history[0]).toMatchObject({
      actorName: 'Quản trị thử',
      before: { rawText: '70%' },
      after: { rawText: '75%' },
    });

    const outsider = await buildUser(t, { role: 'inspector', localityId: (await buildLocality(t)).id });
    expect(
      (await outsider.client.call('GET', `/api/v1/audit-events?entityId=${indicator.id}`)).body.data,
    ).toEqual([]);
    const bad = await t.call('GET', '/api/v1/audit-events?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('Từ ngày không phải một ngày có thật');
  });
});

describe('sessions across app processes', () => {
  it('should accept a session opened on one app instance at another one on the same database', async () => {
    const t = await buildTestApp();
    // A second app with its own connection: on PostgreSQL a separate pool, as a second process would have.
    const secondHandle = t.handle.url ? await openPostgres(t.handle.url) : t.handle;
    const second = await createApp({
      db: secondHandle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage: t.storage,
    });
    try {
      const signIn = await t.anonymous.call('POST', '/api/v1/auth/login', {
        username: 'admin',
        password: TEST_PASSWORD,
      });
      const token = signIn.response.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      const elsewhere = await second.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(elsewhere.statusCode).toBe(200);
      expect(elsewhere.json().data.user.username).toBe('admin');
      await second.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookies: { [SESSION_COOKIE]: token },
        headers: { [CSRF_HEADER]: signIn.body.data.csrfToken },
      });
      const back = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        cookies: { [SESSION_COOKIE]: token },
      });
      expect(back.statusCode).toBe(401);
    } finally {
      await second.close();
      if (secondHandle !== t.handle) await secondHandle.close();
      await t.close();
    }
  });
});

describe('demo accounts in production', () => {
  it('should refuse demo accounts when the server runs in production mode', async () => {
    const t = await buildTestApp({ demo: true });
    const production = await createApp({
      db: t.handle.db,
      config: { ...TEST_CONFIG, isProduction: true },
      clock: fixedClock,
      storage: t.storage,
    });
    try {
      const response = await production.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'thanhdong.vhxh', password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().message).toBe(
        'Tài khoản trình diễn không được dùng khi hệ thống chạy chính thức.',
      );
      // The same account works in development mode.
      expect(
        (
          await t.anonymous.call('POST', '/api/v1/auth/login', {
            username: 'thanhdong.vhxh',
            password: TEST_PASSWORD,
          })
        ).status,
      ).toBe(200);
    } finally {
      await production.close();
      await t.close();
    }
  });
});
