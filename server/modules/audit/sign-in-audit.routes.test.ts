/**
 * Signing in and out, failed and held-back attempts and password changes are in the audit trail (issue
 * #14), filed under the account's locality: its readers see them, another locality's administrator does
 * not, and a failed attempt keeps the user name typed but never the password. A burst of held-back
 * attempts is one row per account and window, with its count. The account's other events (created,
 * locked, its password reset by an administrator) are filed under its locality too.
 * Demo data: Thành Đông is a ward of Hải Phòng (haiphong.admin); Thái Nguyên is another province.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localityIdsByName } from '../../test/factories';
import { buildTestApp, type Client, fixedClock, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { systemActor } from '../auth/access';
import { THROTTLED_AUDIT_WINDOW_MS } from '../auth/auth.service';
import { FREE_FAILURES_PER_USERNAME } from '../auth/login-throttle';
import { createUserService } from '../user/user.service';

type Event = {
  action: string;
  actorName: string | null;
  actorUserId: string | null;
  parentEntityId: string | null;
  localityId: string | null;
  entityType: string;
  entityLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

const WRONG_PASSWORD = 'mat-khau-sai-hoan-toan';
const NEW_PASSWORD = 'Mật khẩu mới của Lan 2026';

describe('sign-ins in the audit trail', () => {
  let t: TestApp;
  let userId: string;
  let thanhDongId: string;

  const login = (username: string, password: string) =>
    t.anonymous.call('POST', '/api/v1/auth/login', { username, password });

  const signInEvents = async (client: Client, query = '') => {
    const response = await client.call('GET', `/api/v1/audit-events?entityType=sign_in&limit=500${query}`);
    expect(response.status).toBe(200);
    return response.body.data as Event[];
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const localityIds = await localityIdsByName(t, ['Thái Nguyên', 'Thành Đông']);
    thanhDongId = localityIds.get('Thành Đông')!;
    const users = createUserService({ db: t.handle.db, clock: fixedClock });
    const context = { actor: systemActor('test setup'), ip: null, userAgent: null };
    userId = (
      await users.create(
        context,
        {
          username: 'lan.thanhdong',
          displayName: 'Nguyễn Thị Lan',
          password: TEST_PASSWORD,
          roles: [{ role: 'leader', localityId: thanhDongId }],
        },
        { mustChangePassword: false },
      )
    ).id;
    await users.create(
      context,
      {
        username: 'thainguyen.quantri',
        displayName: 'Quản trị Thái Nguyên',
        password: TEST_PASSWORD,
        roles: [{ role: 'locality_admin', localityId: localityIds.get('Thái Nguyên')! }],
      },
      { mustChangePassword: false },
    );

    // Failures until the name is held back (the test clock stands still, so the next try waits).
    for (let attempt = 0; attempt < FREE_FAILURES_PER_USERNAME; attempt++) {
      expect((await login('lan.thanhdong', WRONG_PASSWORD)).status).toBe(401);
    }
    expect((await login('Lan.ThanhDong', TEST_PASSWORD)).status).toBe(429);
    expect((await login('khong.co.ai', WRONG_PASSWORD)).status).toBe(401);
  });
  afterAll(() => t.close());

  it('should record each failed and held-back attempt by user name, with no actor and no password', async () => {
    const events = (await signInEvents(t, `&entityId=${userId}`)).filter(
      (event) => event.action === 'create',
    );
    const outcomes = events.map((event) => event.after?.outcome);
    expect(outcomes.filter((outcome) => outcome === 'wrong_password')).toHaveLength(
      FREE_FAILURES_PER_USERNAME,
    );
    expect(outcomes).toContain('throttled');
    for (const event of events) {
      expect(event).toMatchObject({
        entityType: 'sign_in',
        actorName: null,
        actorUserId: null,
        parentEntityId: userId,
        localityId: thanhDongId,
        entityLabel: 'Nguyễn Thị Lan',
      });
      expect(event.after).toEqual({
        username: 'lan.thanhdong',
        outcome: event.after?.outcome,
        ...(event.after?.outcome === 'throttled'
          ? { count: expect.any(Number), lastAt: expect.any(String) }
          : {}),
      });
    }
    const everything = JSON.stringify(await signInEvents(t));
    expect(everything).not.toContain(WRONG_PASSWORD);
    expect(everything).not.toContain(TEST_PASSWORD);
  });

  it('should count a burst of held-back attempts into one row per account, with the count', async () => {
    const throttledRows = async () =>
      (await signInEvents(t, `&entityId=${userId}`)).filter((event) => event.after?.outcome === 'throttled');
    const before = await throttledRows();
    expect(before).toHaveLength(1);
    const from = Number(before[0]!.after?.count);
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await login('lan.thanhdong', TEST_PASSWORD)).status).toBe(429);
    }
    const after = await throttledRows();
    expect(after).toHaveLength(1);
    expect(after[0]!.after).toMatchObject({ outcome: 'throttled', count: from + 4 });
    // The other accounts' attempts are not counted into it.
    expect((await login('thainguyen.quantri', WRONG_PASSWORD)).status).toBe(401);
    expect((await throttledRows())[0]!.after?.count).toBe(from + 4);
    expect(THROTTLED_AUDIT_WINDOW_MS).toBe(15 * 60 * 1000);
  });

  it('should show an attempt on a name no account has to the system administrators only, the name masked', async () => {
    // Only the start of a name no account has is kept: a password typed into the name field stays out.
    const unknown = (await signInEvents(t)).filter((event) => event.after?.username === 'kho********');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({
      localityId: null,
      parentEntityId: null,
      after: { outcome: 'unknown_user' },
    });
    const seenByProvince = await signInEvents(await t.signIn('haiphong.admin'));
    expect(seenByProvince.some((event) => event.after?.username === 'kho********')).toBe(false);
    expect(JSON.stringify(unknown)).not.toContain('khong.co.ai');
  });

  it('should record the sign-in, the password change and the sign-out under the account and its locality', async () => {
    const lan = await t.signIn('thanhdong.lanhdao');
    const changed = await lan.call('POST', '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(204);
    expect((await lan.call('POST', '/api/v1/auth/logout')).status).toBe(204);

    const province = await t.signIn('haiphong.admin');
    const events = await signInEvents(province, `&entityId=${lan.userId}`);
    expect(events.map((event) => event.action).sort()).toEqual(['create', 'delete']);
    for (const event of events) {
      expect(event).toMatchObject({
        actorUserId: lan.userId,
        actorName: 'Lãnh đạo UBND phường Thành Đông',
        localityId: thanhDongId,
      });
    }
    expect(events.find((event) => event.action === 'create')?.after).toEqual({
      username: 'thanhdong.lanhdao',
      outcome: 'succeeded',
    });
    expect(events.find((event) => event.action === 'delete')?.before).toEqual({
      username: 'thanhdong.lanhdao',
    });

    // The account's creation (the demo's) is there too, under its locality; the change is the update.
    const accountEvents = (
      await province.call('GET', `/api/v1/audit-events?entityType=user&entityId=${lan.userId}`)
    ).body.data as Event[];
    expect(accountEvents.map((event) => event.action)).toEqual(['update', 'create']);
    const passwordChanges = accountEvents.filter((event) => event.action === 'update');
    expect(passwordChanges).toHaveLength(1);
    expect(passwordChanges[0]).toMatchObject({ localityId: thanhDongId, after: { passwordChanged: true } });
    expect(JSON.stringify(passwordChanges)).not.toContain(NEW_PASSWORD);
  });

  it("should hide an account's sign-ins from another province's administrator and from another commune", async () => {
    const readersOfThanhDong = [t, await t.signIn('haiphong.admin'), await t.signIn('thanhdong.vhxh')];
    for (const client of readersOfThanhDong) {
      expect((await signInEvents(client, `&entityId=${userId}`)).length).toBeGreaterThan(0);
    }
    for (const username of ['thainguyen.quantri', 'dantien.lanhdao']) {
      const events = await signInEvents(await t.signIn(username));
      expect(
        events.some((event) => event.parentEntityId === userId),
        username,
      ).toBe(false);
      expect(
        events.some((event) => event.localityId === thanhDongId),
        username,
      ).toBe(false);
      // They still see their own sign-in.
      expect(
        events.some((event) => event.after?.outcome === 'succeeded'),
        username,
      ).toBe(true);
    }
  });

  it("should file the account's creation, locking and password reset under its locality: its administrator sees them, another province's does not", async () => {
    const admin = await t.signIn('haiphong.admin');
    const created = await admin.call('POST', '/api/v1/users', {
      username: 'minh.thanhdong',
      displayName: 'Trần Văn Minh',
      password: TEST_PASSWORD,
      roles: [{ role: 'leader', localityId: thanhDongId }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const minh = created.body.data.id as string;
    expect((await admin.call('PATCH', `/api/v1/users/${minh}`, { isDisabled: true })).status).toBe(200);
    const reset = await admin.call('POST', `/api/v1/users/${minh}/password-reset`, {
      password: 'Mật khẩu đặt lại 2026',
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);

    const accountEvents = async (client: Client) => {
      const response = await client.call('GET', `/api/v1/audit-events?entityType=user&entityId=${minh}`);
      expect(response.status).toBe(200);
      return response.body.data as Event[];
    };
    const seen = await accountEvents(admin);
    expect(seen.map((event) => event.action)).toEqual(['update', 'update', 'create']);
    for (const event of seen) expect(event.localityId).toBe(thanhDongId);
    expect(seen[1]!.after).toMatchObject({ isDisabled: true });
    expect(await accountEvents(t)).toHaveLength(3);
    expect(await accountEvents(await t.signIn('thainguyen.quantri'))).toEqual([]);
  });
});
