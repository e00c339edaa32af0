/**
 * The app outlives a restart of its PostgreSQL server: connection losses are logged, readiness answers
 * 503 while the database is away, and requests succeed again once it is back. PostgreSQL only by
 * nature (PGlite lives inside the process), so only `npm run test:pg` includes it (`*.pg.test.ts`, see
 * vitest.config.ts); it runs on its own throwaway cluster,
 * since the shared test cluster must not be stopped under the other test files.
 */
import { inspect } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type PgCluster, startThrowawayCluster } from '../test/pg-cluster';
import { buildTestApp, createTestFileStore, fixedClock, TEST_CONFIG } from '../test/test-app';
import { type DatabaseHandle, openPostgres, pingDatabase } from './client';
import { isDatabaseUnavailable } from './errors';
import { runMigrations } from './migrate';

describe('a PostgreSQL restart under a running app', () => {
  let cluster: PgCluster;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  const logged: string[] = [];
  const requestErrors: unknown[] = [];
  const storage = createTestFileStore();

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    handle = await openPostgres(cluster.url, {
      log: (error, where) => logged.push(`${where}: ${error.message}`),
    });
    await runMigrations(handle);
    app = await createApp({
      db: handle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage,
    });
    app.addHook('onError', async (_request, _reply, error) => {
      requestErrors.push(error);
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close().catch(() => undefined);
    cluster?.destroy();
    storage.removeFolder();
  });

  const login = () =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'sai-mat-khau' },
    });

  it('should answer 503 while the database is stopped, stay alive, and answer 200 once it is back', async () => {
    expect((await app.inject('/api/v1/health/ready')).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(401);
    // A connection checked out and idle when the server goes: it emits 'error' on its client.
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    const held = await pool.connect();

    requestErrors.length = 0;
    cluster.stop();
    // Let the disconnections arrive: unhandled, they would end this process here.
    await new Promise((resolve) => setTimeout(resolve, 500));
    held.release(true);
    expect(logged.length).toBeGreaterThan(0);

    const ready = await app.inject('/api/v1/health/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      ok: false,
      error: 'database_unavailable',
      message: expect.stringContaining('không kết nối được cơ sở dữ liệu'),
    });
    expect(await pingDatabase(handle.db, 1000)).toBe(false);
    const during = await login();
    expect(during.statusCode).toBe(503);
    expect(during.headers['retry-after']).toBeDefined();
    expect(during.json().message).toContain('không kết nối được cơ sở dữ liệu');
    // The error a request meets is recognised as the database being away.
    expect(requestErrors.length).toBeGreaterThan(0);
    expect(
      requestErrors
        .filter((error) => !isDatabaseUnavailable(error))
        .map((error) => inspect(error, { depth: 4 })),
    ).toEqual([]);

    cluster.start();
    expect((await app.inject('/api/v1/health/ready')).statusCode).toBe(200);
    expect((await login()).statusCode).toBe(401);
    expect((await app.inject('/api/v1/health')).statusCode).toBe(200);
  });
});

describe('GET /api/v1/health/ready', () => {
  it('should answer 200 while the database answers and a Vietnamese 503 once it is gone', async () => {
    const t = await buildTestApp();
    try {
      expect((await t.app.inject('/api/v1/health/ready')).json()).toEqual({ ok: true });
      await t.handle.close();
      const gone = await t.app.inject('/api/v1/health/ready');
      expect(gone.statusCode).toBe(503);
      expect(gone.json().message).toContain('Máy chủ tạm thời không kết nối được cơ sở dữ liệu');
      // Liveness does not depend on the database.
      expect((await t.app.inject('/api/v1/health')).statusCode).toBe(200);
    } finally {
      await t.app.close();
    }
  });
});

describe('isDatabaseUnavailable', () => {
  it('should recognise connection failures and not query errors', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: { code: '57P01' } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('syntax error'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
