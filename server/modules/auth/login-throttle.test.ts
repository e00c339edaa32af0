/**
 * Sign-in throttling by user name with growing waits, the coarse flood guard per address, and which
 * client address is believed (issue #10, item 4).
 */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import type { Clock } from '../../clock';
import { auditEvent, loginAttempt } from '../../db/schema';
import { buildLocality } from '../../test/factories';
import {
  buildTestApp,
  FIXED_NOW,
  fixedClock,
  signInTo,
  TEST_CONFIG,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app';
import { FREE_FAILURES_PER_USERNAME, MAX_FAILURES_PER_IP } from './login-throttle';

/** A clock the test moves forward. */
const movableClock = () => {
  let now = FIXED_NOW.getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

const login = (t: TestApp, username: string, password: string, forwardedFor?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

const createUser = async (t: TestApp, username: string, password = 'mat-khau-dung-1') => {
  const locality = await buildLocality(t);
  const response = await t.call('POST', '/api/v1/users', {
    username,
    displayName: 'Người thử đăng nhập',
    password,
    roles: [{ role: 'inspector', localityId: locality.id }],
  });
  expect(response.status).toBe(201);
  return response.body.data.id as string;
};

/** Renames a user with a forged X-Forwarded-For header; returns the address the audit trail kept. */
const auditedAddressOfRename = async (t: TestApp, userId: string, forwardedFor: string) => {
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/users/${userId}`,
    payload: { displayName: `Tên ${forwardedFor}` },
    headers: { ...t.headers, 'x-forwarded-for': forwardedFor },
    cookies: t.cookies,
  });
  expect(response.statusCode).toBe(200);
  const events = await t.handle.db.select().from(auditEvent).where(eq(auditEvent.entityId, userId));
  return events.find((event) => (event.after as { displayName?: string }).displayName?.endsWith(forwardedFor))
    ?.ip;
};

const attemptsOf = (t: TestApp, usernameKey: string) =>
  t.handle.db.select().from(loginAttempt).where(eq(loginAttempt.usernameKey, usernameKey));

describe('sign-in throttling by user name', () => {
  let t: TestApp;
  const time = movableClock();

  beforeAll(async () => {
    t = await buildTestApp({ clock: time.clock });
  });
  afterAll(() => t.close());

  it('should make a user name wait 1 s, 2 s, 4 s … after five failures, and start again after a success', async () => {
    await createUser(t, 'cho.doi');
    for (let attempt = 1; attempt <= FREE_FAILURES_PER_USERNAME; attempt++)
      expect((await login(t, 'cho.doi', `sai-${attempt}`)).statusCode, `attempt ${attempt}`).toBe(401);

    const waits: Array<[number, string | undefined, string]> = [];
    for (const seconds of [1, 2, 4]) {
      const refused = await login(t, 'cho.doi', 'mat-khau-dung-1');
      waits.push([refused.statusCode, refused.headers['retry-after'] as string, refused.json().message]);
      time.advance(seconds * 1000 - 1);
      expect((await login(t, 'cho.doi', 'sai')).statusCode, `${seconds} s not over yet`).toBe(429);
      time.advance(1);
      expect((await login(t, 'cho.doi', 'sai')).statusCode, `after ${seconds} s`).toBe(401);
    }
    expect(waits).toEqual([
      [429, '1', 'Đăng nhập sai quá nhiều lần. Vui lòng đợi 1 giây rồi thử lại.'],
      [429, '2', 'Đăng nhập sai quá nhiều lần. Vui lòng đợi 2 giây rồi thử lại.'],
      [429, '4', 'Đăng nhập sai quá nhiều lần. Vui lòng đợi 4 giây rồi thử lại.'],
    ]);
    // Refused attempts checked no password and are not counted.
    expect((await attemptsOf(t, 'cho doi')).filter((row) => !row.succeeded)).toHaveLength(8);

    time.advance(8000);
    expect((await login(t, 'cho.doi', 'mat-khau-dung-1')).statusCode).toBe(200);
    for (let attempt = 1; attempt <= FREE_FAILURES_PER_USERNAME; attempt++)
      expect((await login(t, 'cho.doi', 'sai')).statusCode, `after the success, attempt ${attempt}`).toBe(
        401,
      );
    const again = await login(t, 'cho.doi', 'sai');
    expect([again.statusCode, again.headers['retry-after']]).toEqual([429, '1']);
  });

  it('should cap the wait at 15 minutes, in minutes in the message', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      await login(t, 'khong.ai.ca', 'sai');
      time.advance(16 * 60 * 1000);
    }
    time.advance(-16 * 60 * 1000);
    const refused = await login(t, 'khong.ai.ca', 'sai');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.json()).toMatchObject({
      error: 'login_throttled',
      message: 'Đăng nhập sai quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại.',
    });
  });

  it("should not stop another user at the same address because of one user name's failures", async () => {
    await createUser(t, 'dong.nghiep');
    for (let attempt = 0; attempt < 40; attempt++) await login(t, 'ten.bi.do', `sai-${attempt}`);
    expect((await login(t, 'ten.bi.do', 'sai')).statusCode).toBe(429);
    expect((await login(t, 'admin', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(t, 'dong.nghiep', 'mat-khau-dung-1')).statusCode).toBe(200);
  });

  it('should hold back a flood from one address only for names that never signed in from it', async () => {
    await createUser(t, 'nguoi.moi.den');
    const now = time.clock.now();
    await t.handle.db.insert(loginAttempt).values(
      Array.from({ length: MAX_FAILURES_PER_IP }, (_, index) => ({
        usernameKey: `ten ${index}`,
        ip: '127.0.0.1',
        at: new Date(now.getTime() - index),
        succeeded: false,
      })),
    );
    expect((await login(t, 'admin', TEST_PASSWORD)).statusCode).toBe(200);
    const stranger = await login(t, 'nguoi.moi.den', 'mat-khau-dung-1');
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);
    time.advance(15 * 60 * 1000);
    expect((await login(t, 'nguoi.moi.den', 'mat-khau-dung-1')).statusCode).toBe(200);
  });
});

describe('client address behind proxies', () => {
  let t: TestApp;
  const apps: FastifyInstance[] = [];

  /** Another app process on the same database, with its own TRUST_PROXY. */
  const appTrusting = async (trustProxy: number | string[] | false) => {
    const app = await createApp({
      db: t.handle.db,
      config: { ...TEST_CONFIG, trustProxy },
      clock: fixedClock,
      storage: t.storage,
    });
    apps.push(app);
    const admin = await signInTo(app, 'admin');
    return { ...t, app, cookies: admin.cookies, headers: admin.headers };
  };

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await t.close();
  });

  it('should ignore a forged X-Forwarded-For by default: throttle and audit trail use the connection address', async () => {
    const userId = await createUser(t, 'gia.mao');
    for (let attempt = 0; attempt < FREE_FAILURES_PER_USERNAME; attempt++)
      await login(t, 'gia.mao', 'sai', `198.51.100.${attempt}`);
    // A new forged address does not escape the wait of the name.
    expect((await login(t, 'gia.mao', 'mat-khau-dung-1', '198.51.100.99')).statusCode).toBe(429);
    expect(new Set((await attemptsOf(t, 'gia mao')).map((row) => row.ip))).toEqual(new Set(['127.0.0.1']));
    expect(await auditedAddressOfRename(t, userId, '203.0.113.7')).toBe('127.0.0.1');
  });

  it('should use the first hop with TRUST_PROXY=1', async () => {
    const behindProxy = await appTrusting(1);
    const userId = await createUser(t, 'sau.proxy');
    await login(behindProxy, 'sau.proxy', 'sai', '198.51.100.1, 203.0.113.7');
    expect((await attemptsOf(t, 'sau proxy')).map((row) => row.ip)).toEqual(['203.0.113.7']);
    expect(await auditedAddressOfRename(behindProxy, userId, '198.51.100.1, 203.0.113.8')).toBe(
      '203.0.113.8',
    );
  });

  it('should use the address a listed proxy reports, and only from that proxy', async () => {
    const listed = await appTrusting(['127.0.0.1']);
    const other = await appTrusting(['10.0.0.5']);
    await login(listed, 'qua.proxy.mot', 'sai', '203.0.113.9');
    await login(other, 'qua.proxy.hai', 'sai', '203.0.113.9');
    expect((await attemptsOf(t, 'qua proxy mot')).map((row) => row.ip)).toEqual(['203.0.113.9']);
    expect((await attemptsOf(t, 'qua proxy hai')).map((row) => row.ip)).toEqual(['127.0.0.1']);
  });
});
