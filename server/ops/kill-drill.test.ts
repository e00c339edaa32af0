/**
 * The kill -9 drill: the real server (a child process, as in production) takes writes from 8 concurrent
 * clients, is killed with SIGKILL in the middle, and is started again on the same data. Every write it
 * acknowledged (2xx) must be there. On PGlite by default (the restart also takes over the dead
 * process's lock); on PostgreSQL under test:pg.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZCreateLocalityRequest } from '@core/schemas/locality.schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../db/migrate';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/route';
import { systemActor } from '../modules/auth/access';
import { createLocalityService } from '../modules/locality/locality.service';
import { createUserService } from '../modules/user/user.service';
import { freePort } from '../test/pg-cluster';
import { fixedClock, TEST_PASSWORD } from '../test/test-app';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase, testDatabaseKind } from '../test/test-db';

const WRITERS = 8;
/** The kill comes once this many writes were acknowledged, or after WRITE_MS at the latest. */
const KILL_AFTER_WRITES = 40;
const WRITE_MS = 15_000;
const STARTUP_MS = 60_000;

const kind = testDatabaseKind();

describe(`kill -9 under concurrent writes (${kind})`, () => {
  const root = mkdtempSync(join(tmpdir(), 'lotrinh-kill-'));
  const dataDir = join(root, 'data');
  let database: EmptyPostgresDatabase | null = null;
  let rootLocalityId = '';
  let server: ChildProcess | null = null;

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (kind === 'postgres' && adminUrl)
      database = await createEmptyPostgresDatabase(adminUrl, 'lotrinh_kill');
    // An administrator to write with, set up before the server holds the data.
    const handle = await openMigratedDatabase(
      { databaseUrl: database?.url ?? null, dataDir },
      { purpose: 'test' },
    );
    try {
      const context = { actor: systemActor('kill drill'), ip: null, userAgent: null };
      const nation = await createLocalityService({ db: handle.db, clock: fixedClock }).create(
        context,
        ZCreateLocalityRequest.parse({ code: 'VN', name: 'Việt Nam', level: 'nation', kind: 'quốc gia' }),
      );
      rootLocalityId = nation.id;
      await createUserService({ db: handle.db, clock: fixedClock }).create(
        context,
        {
          username: 'admin',
          displayName: 'Quản trị',
          password: TEST_PASSWORD,
          roles: [{ role: 'system_admin', localityId: nation.id }],
        },
        { mustChangePassword: false },
      );
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    server?.kill('SIGKILL');
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  /** Starts `node --import tsx server/main.ts` on the drill's data and waits until it answers. */
  const startServer = async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: database?.url ?? '',
        DEMO_DATA: 'false',
        NODE_ENV: 'test',
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server = child;
    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + STARTUP_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
      const ready = await fetch(`${baseUrl}/api/v1/health/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) return { child, baseUrl };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the server did not start within ${STARTUP_MS} ms:\n${output}`);
  };

  const signIn = async (baseUrl: string) => {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
    const token = /lotrinh_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    const body = (await response.json()) as { data: { csrfToken: string } };
    return { cookie: `${SESSION_COOKIE}=${token}`, [CSRF_HEADER]: body.data.csrfToken };
  };

  it('should keep every acknowledged write after SIGKILL and a restart', async () => {
    const first = await startServer();
    const headers = { ...(await signIn(first.baseUrl)), 'content-type': 'application/json' };
    const acknowledged: string[] = [];
    let refused = 0;
    const writer = async (n: number) => {
      for (let i = 0; ; i++) {
        const code = `K${n}-${i}`;
        try {
          const response = await fetch(`${first.baseUrl}/api/v1/localities`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              code,
              name: `Tỉnh ${code}`,
              level: 'province',
              kind: 'tỉnh',
              parentId: rootLocalityId,
            }),
          });
          if (response.status >= 200 && response.status < 300) acknowledged.push(code);
          else refused++;
          await response.arrayBuffer();
        } catch {
          return; // The server is gone: this write was never acknowledged.
        }
      }
    };
    const writing = Array.from({ length: WRITERS }, (_, n) => writer(n));
    const killAt = Date.now() + WRITE_MS;
    while (acknowledged.length < KILL_AFTER_WRITES && Date.now() < killAt)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    await Promise.all(writing);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(refused).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(0);

    // The restart finds the dead server's lock (PGlite) and takes it over.
    const second = await startServer();
    const again = await signIn(second.baseUrl);
    // Every province whose code starts with K (the ones written above), page by page.
    const stored = new Set<string>();
    for (let offset = 0; ; offset += 200) {
      const response = await fetch(
        `${second.baseUrl}/api/v1/localities?level=province&q=K&limit=200&offset=${offset}`,
        { headers: again },
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        data: Array<{ code: string }>;
        pagination: { total: number };
      };
      for (const row of page.data) stored.add(row.code);
      if (offset + 200 >= page.pagination.total) break;
    }
    expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);

    const stopped = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await stopped;
    expect(second.child.exitCode).toBe(0);
    server = null;
  }, 150_000);
});
