/**
 * The national benchmark (issue #13): the synthetic country of `scripts/bench/nation-data.ts`
 * (3,321 communes in 34 provinces by default) on PostgreSQL, and one province of 170 communes on PGlite
 * (in a data folder, on a worker thread, as the server opens it).
 * Over real HTTP on loopback it prints, per endpoint, p50/p95 and — on PostgreSQL — the raw-SQL time
 * beside it: the very statements one request sent, replayed on a connection of their own (so the
 * ratio is what the app adds: HTTP, JSON, checks, evaluation in JavaScript). Then the event-loop delay
 * while measuring, 16 users at once for a while (p95, requests a second, errors), and on PGlite the
 * longest wait of a health check sent every 20 ms while heavy requests and a reminder scan run.
 *
 *   npm run bench:nation                                   # both parts (PostgreSQL via a throwaway cluster)
 *   BENCH_NATION_COMMUNES=500 npm run bench:nation         # a smaller country
 *   BENCH_PART=pglite npm run bench:nation                 # one part only (pglite | postgres)
 *
 * Goals (2-core machine): PostgreSQL — commune dashboard p95 ≤ 50 ms, province overview p95 ≤ 300 ms,
 * nation overview p95 ≤ 1 s, "Việc của tôi" ≤ 30 ms, every read ≤ 3× its raw SQL, 16 users p95 ≤ 500 ms
 * with 0 errors; PGlite — the same commune and province figures, no health check waiting > 100 ms.
 * The overviews are timed cold (every plan's stored evaluation summary dropped before each request: the
 * worst case, after every plan changed), the first look of a day (the summaries stored the day before,
 * those still valid today reused: overview.summary.ts) and warm (the summaries stored, no plan changed).
 * The raw SQL replays a request's statements as the app sent them, its transactions included (a
 * statement's `set_config(…, true)` holds only inside its transaction).
 * A benchmark, not a test: it prints the load average beside the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createApp, createServices } from '../server/app';
import type { Clock } from '../server/clock';
import { openMigratedDatabase } from '../server/db/migrate';
import { planEvaluationSummary } from '../server/db/schema';
import { SESSION_COOKIE } from '../server/http/route';
import { createReminderScan } from '../server/jobs/reminders';
import { createTestFileStore, TEST_CONFIG } from '../server/test/test-app';
import { createTestDatabase, type TestDatabase } from '../server/test/test-db';
import { BENCH_PASSWORD, type BenchNation, buildNation, spread } from './bench/nation-data';
import { healthWhile, measuringDelay } from './bench/probes';

const NATION_COMMUNES = Number(process.env.BENCH_NATION_COMMUNES ?? 3321);
const PROVINCES = Number(process.env.BENCH_PROVINCES ?? 34);
const PROVINCE_COMMUNES = Number(process.env.BENCH_PROVINCE_COMMUNES ?? 170);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const USERS = 16;
/** After the 2026 due date (30/11): the officers' units have an overdue report, so reminders are due. */
const TODAY = new Date('2026-12-05T02:00:00.000Z');
/** The server's clock: today, except while the day before is looked at (`nextDay`). */
let now = TODAY;
const clock: Clock = { now: () => now };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const load = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`;

// ---- The statements a request sends (PostgreSQL): recorded from every pg client of this process. ----
type Captured = { text: string; values?: unknown[] };
let capturing: Captured[] | null = null;
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
  if (capturing) {
    // pg takes (text, values) or (config, values); drizzle sends the latter.
    const text = typeof first === 'string' ? first : first?.text;
    const values =
      (typeof first === 'object' ? first?.values : undefined) ?? (Array.isArray(second) ? second : undefined);
    if (text) capturing.push({ text, values });
  }
  return (originalQuery as (...rest: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** A signed-in user over HTTP. */
type User = { get: (path: string) => Promise<number> };

const signIn = async (base: string, username: string): Promise<User> => {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  return {
    get: async (path) => {
      const answer = await fetch(`${base}${path}`, { headers: { cookie } });
      await answer.arrayBuffer();
      return answer.status;
    },
  };
};

type Endpoint = {
  name: string;
  goalP95?: number;
  paths: string[];
  user: (i: number) => User;
  /** An overview: also measured cold, every plan's stored evaluation summary dropped before each request. */
  overview?: boolean;
};

/** Before each request (not timed): what makes it cold. */
type Before = () => Promise<unknown>;

const timeEndpoint = async (endpoint: Endpoint, count: number, before?: Before) => {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const path = endpoint.paths[(i * 37) % endpoint.paths.length]!;
    await before?.();
    const started = performance.now();
    const status = await endpoint.user(i).get(path);
    times.push(performance.now() - started);
    if (status !== 200) throw new Error(`${endpoint.name} ${path} answered ${status}`);
  }
  return summary(times);
};

/** Every path of an endpoint once (an overview's summaries stored for each). */
const visitAll = async (endpoint: Endpoint) => {
  for (const [i, path] of endpoint.paths.entries()) {
    const status = await endpoint.user(i).get(path);
    if (status !== 200) throw new Error(`${endpoint.name} ${path} answered ${status}`);
  }
};

/**
 * Before a request (not timed): no summary stored today, those of yesterday stored (every path looked
 * at the day before, its summaries' writes waited for): the first look of a day.
 */
const dayAfterALook =
  (endpoint: Endpoint, dropAll: () => Promise<unknown>, app: () => FastifyInstance): Before =>
  async () => {
    await dropAll();
    now = new Date(TODAY.getTime() - 86_400_000);
    try {
      await visitAll(endpoint);
      // Absent from a server that stores its summaries within the request.
      await app().summariesStored?.();
    } finally {
      now = TODAY;
    }
  };

/** The same statements as one request of the endpoint, replayed on a connection of their own. */
const rawSql = async (
  url: string,
  endpoint: Endpoint,
  count: number,
  before?: Before,
  settle?: () => Promise<unknown>,
) => {
  await before?.();
  capturing = [];
  await endpoint.user(0).get(endpoint.paths[0]!);
  // With the writes the request queued after answering (the summaries it evaluated), as before they moved.
  await settle?.();
  // BEGIN and COMMIT kept: settings made for a transaction (`set_config(…, true)`) hold in the replay too.
  const statements = capturing;
  capturing = null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await before?.();
    const started = performance.now();
    for (const statement of statements)
      await client.query({ text: statement.text, values: statement.values });
    times.push(performance.now() - started);
  }
  await client.end();
  return { ...summary(times), statements: statements.length };
};

/** The endpoint whose share of the weights holds `at` (0 ≤ at < the total weight). */
const pickFrom = (mix: Array<{ weight: number; endpoint: Endpoint }>, at: number): Endpoint => {
  let left = at;
  for (const item of mix) {
    if (left < item.weight) return item.endpoint;
    left -= item.weight;
  }
  return mix[mix.length - 1]!.endpoint;
};

/** USERS virtual users, each requesting the mix one after the other for LOAD_SECONDS. */
const underLoad = async (mix: Array<{ weight: number; endpoint: Endpoint }>) => {
  const total = mix.reduce((sum, item) => sum + item.weight, 0);
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + LOAD_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      let i = user * 7919;
      while (performance.now() < until) {
        i++;
        const chosen = pickFrom(mix, (i * 2654435761) % total);
        const started = performance.now();
        const status = await chosen
          .user(i)
          .get(chosen.paths[i % chosen.paths.length]!)
          .catch(() => 0);
        times.push(performance.now() - started);
        if (status !== 200) errors++;
      }
    }),
  );
  return { ...summary(times), perSecond: times.length / LOAD_SECONDS, errors, requests: times.length };
};

const startServer = async (handle: TestDatabase) => {
  const storage = createTestFileStore();
  const app: FastifyInstance = await createApp({ db: handle.db, config: TEST_CONFIG, clock, storage });
  // The evidence folder goes with the server, as a test app's does.
  app.addHook('onClose', async () => storage.removeFolder());
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, storage, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
};

/** The endpoints of the list, with the users who ask them. */
const endpointsOf = async (base: string, nation: BenchNation) => {
  const admin = await signIn(base, 'admin');
  const officers = await Promise.all(
    nation.officers
      .filter((_, i) => i % Math.max(1, Math.floor(nation.officers.length / 20)) === 0)
      .map((name) => signIn(base, name)),
  );
  const asAdmin = () => admin;
  const planIds = nation.provinces.flatMap((province) => province.planIds);
  const endpoints: Endpoint[] = [
    {
      name: 'commune dashboard',
      goalP95: 50,
      paths: planIds.map((id) => `/api/v1/plans/${id}/dashboard`),
      user: asAdmin,
    },
    {
      name: 'Việc của tôi',
      goalP95: 30,
      paths: ['/api/v1/my-work'],
      user: (i) => officers[i % officers.length]!,
    },
    {
      name: 'province overview',
      goalP95: 300,
      paths: nation.provinces.map((province) => `/api/v1/localities/${province.id}/overview`),
      user: asAdmin,
      overview: true,
    },
    {
      name: 'communes of a province',
      paths: nation.provinces.map((province) => `/api/v1/localities?parentId=${province.id}`),
      user: asAdmin,
    },
    {
      name: 'plans of a commune',
      paths: nation.provinces.map((province) => `/api/v1/plans?localityId=${province.communeIds[0]}`),
      user: asAdmin,
    },
  ];
  if (nation.provinces.length > 1)
    endpoints.push({
      name: 'nation overview',
      goalP95: 1000,
      paths: [`/api/v1/localities/${nation.nationId}/overview`],
      user: asAdmin,
      overview: true,
    });
  return endpoints;
};

/**
 * @param floor - p50 of a request that reads nothing (GET /api/v1/health, same client): what HTTP on
 *   loopback, the client's fetch and the server's routing cost whatever the endpoint; printed beside
 *   the ratio for a read whose SQL takes a few milliseconds, where that floor alone exceeds 3× its SQL
 */
const printEndpoint = (
  endpoint: Endpoint,
  api: { p50: number; p95: number },
  raw?: { p50: number; statements: number },
  floor?: number,
) => {
  const goal = endpoint.goalP95
    ? ` (goal p95 ≤ ${endpoint.goalP95} ms${api.p95 <= endpoint.goalP95 ? ', met' : ', NOT met'})`
    : '';
  const beyondFloor =
    raw && floor != null && raw.p50 < 10
      ? `; (p50 − HTTP floor ${ms(floor)}) / raw SQL ${((api.p50 - floor) / raw.p50).toFixed(1)}×`
      : '';
  const rawPart = raw
    ? ` | raw SQL p50 ${ms(raw.p50)} in ${raw.statements} statements, ratio ${(api.p50 / raw.p50).toFixed(1)}× (goal ≤ 3×)${beyondFloor}`
    : '';
  console.log(`  ${endpoint.name.padEnd(24)} p50 ${ms(api.p50)}, p95 ${ms(api.p95)}${goal}${rawPart}`);
};

const postgresPart = async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: skipped (run through `npm run bench:nation`, which starts a throwaway cluster)');
    return;
  }
  const handle = await createTestDatabase();
  try {
    await measurePostgres(handle);
  } catch (error) {
    console.error(error);
    process.exit(1);
  } finally {
    await handle.close();
  }
};

const measurePostgres = async (handle: TestDatabase) => {
  {
    const started = performance.now();
    const nation = await buildNation(handle.db, spread(NATION_COMMUNES, PROVINCES), (done, total) => {
      if (done % 5 === 0 || done === total) process.stdout.write(`  built ${done}/${total} provinces\r`);
    });
    await handle.db.execute(sql`analyze`);
    console.log(
      `PostgreSQL: a nation of ${PROVINCES} provinces, ${NATION_COMMUNES} communes built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    console.log(`  ${load()} (before measuring)`);
    const { app, base } = await startServer(handle);
    const endpoints = await endpointsOf(base, nation);
    const databaseUrl = handle.url!;
    // The warm timings' event-loop delay, one monitor per endpoint (a monitor switched off and on again
    // counts the time it was off as its first delay): the worst p99 and max over them.
    const delay = { p99: 0, max: 0 };
    // The summaries' writes queued after a previous answer done first, so none lands after the drop.
    const settle = async () => app.summariesStored?.();
    const cold = async () => {
      await settle();
      await handle.db.delete(planEvaluationSummary);
    };
    // What any request costs here (HTTP on loopback, fetch, routing, JSON): a read that sends no SQL.
    const health = {
      ...endpoints[0]!,
      name: 'HTTP floor (health)',
      goalP95: undefined,
      paths: ['/api/v1/health'],
    };
    await timeEndpoint(health, 10);
    const floorTimes = await timeEndpoint(health, 40);
    const floor = floorTimes.p50;
    printEndpoint(health, floorTimes);
    for (const endpoint of endpoints) {
      if (endpoint.overview) {
        // Cold: no stored summary (the first look of the day, or after every plan changed).
        await timeEndpoint(endpoint, 1, cold); // warm-up of the statements' plans
        let coldApi = { p50: 0, p95: 0 };
        // Whether the server still answers others while it evaluates every plan.
        const longest = await healthWhile(base, async () => {
          coldApi = await timeEndpoint(
            endpoint,
            endpoint.name === 'nation overview' ? Math.ceil(REQUESTS / 8) : Math.ceil(REQUESTS / 4),
            cold,
          );
        });
        printEndpoint(
          { ...endpoint, name: `${endpoint.name} cold` },
          coldApi,
          await rawSql(databaseUrl, endpoint, 3, cold, settle),
        );
        console.log(`  ${''.padEnd(24)} longest health check meanwhile ${ms(longest)}`);
        const firstOfDay = dayAfterALook(endpoint, cold, () => app);
        printEndpoint(
          { ...endpoint, name: `${endpoint.name} 1st of day` },
          await timeEndpoint(
            endpoint,
            endpoint.name === 'nation overview' ? 1 : Math.ceil(REQUESTS / 4),
            firstOfDay,
          ),
          await rawSql(databaseUrl, endpoint, 3, firstOfDay, settle),
        );
      }
      // Warm-up: plans compiled, caches filled; an overview's summaries stored for every one of its paths.
      await (endpoint.overview ? visitAll(endpoint) : timeEndpoint(endpoint, 3));
      await app.summariesStored?.();
      const api = await measuringDelay(delay, () =>
        timeEndpoint(endpoint, endpoint.name === 'nation overview' ? Math.ceil(REQUESTS / 4) : REQUESTS),
      );
      printEndpoint(
        endpoint.overview ? { ...endpoint, name: `${endpoint.name} warm` } : endpoint,
        api,
        await rawSql(databaseUrl, endpoint, 10),
        floor,
      );
    }
    console.log(
      `  event-loop delay while measuring: p99 ${ms(delay.p99)} (the worst endpoint's), max ${ms(delay.max)}`,
    );
    const byName = new Map(endpoints.map((endpoint) => [endpoint.name, endpoint]));
    const loaded = await underLoad([
      { weight: 6, endpoint: byName.get('commune dashboard')! },
      { weight: 3, endpoint: byName.get('Việc của tôi')! },
      { weight: 1, endpoint: byName.get('province overview')! },
    ]);
    console.log(
      `  ${USERS} users for ${LOAD_SECONDS} s (dashboard 6 : my work 3 : province 1): p50 ${ms(loaded.p50)}, p95 ${ms(loaded.p95)} (goal ≤ 500 ms), ${loaded.perSecond.toFixed(1)} requests/s, ${loaded.errors} errors of ${loaded.requests}`,
    );
    console.log(`  ${load()}`);
    await app.close();
  }
};

const pglitePart = async () => {
  // Opened as the server opens its data folder (openMigratedDatabase): PGlite on a worker thread.
  const dataDir = mkdtempSync(join(tmpdir(), 'lotrinh-bench-'));
  const handle = {
    ...(await openMigratedDatabase({ dataDir, databaseUrl: null }, { purpose: 'test' })),
    url: null,
  };
  try {
    const started = performance.now();
    const nation = await buildNation(handle.db, [PROVINCE_COMMUNES]);
    await handle.db.execute(sql`analyze`);
    console.log(
      `PGlite: one province of ${PROVINCE_COMMUNES} communes built in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const { app, storage, base } = await startServer(handle);
    const endpoints = await endpointsOf(base, nation);
    for (const endpoint of endpoints) {
      if (endpoint.overview) {
        const cold = async () => {
          await app.summariesStored?.();
          await handle.db.delete(planEvaluationSummary);
        };
        const coldApi = await timeEndpoint(endpoint, Math.ceil(REQUESTS / 4), cold);
        printEndpoint({ ...endpoint, name: `${endpoint.name} cold` }, coldApi);
        const firstOfDay = dayAfterALook(endpoint, cold, () => app);
        printEndpoint(
          { ...endpoint, name: `${endpoint.name} 1st of day` },
          await timeEndpoint(endpoint, Math.ceil(REQUESTS / 4), firstOfDay),
        );
      }
      await (endpoint.overview ? visitAll(endpoint) : timeEndpoint(endpoint, 3));
      await app.summariesStored?.();
      let api = { p50: 0, p95: 0 };
      const longest = await healthWhile(base, async () => {
        api = await timeEndpoint(endpoint, REQUESTS);
      });
      printEndpoint(endpoint.overview ? { ...endpoint, name: `${endpoint.name} warm` } : endpoint, api);
      console.log(`  ${''.padEnd(24)} longest health check meanwhile ${ms(longest)} (goal ≤ 100 ms)`);
    }
    // The scan writes notifications only; no evidence file is stored.
    const services = createServices({ db: handle.db, clock, config: TEST_CONFIG, storage });
    const scan = createReminderScan({
      db: handle.db,
      clock,
      notifications: services.notification,
      reporting: services.reporting,
      daysBefore: 3,
    });
    let sent = 0;
    const scanStarted = performance.now();
    const longest = await healthWhile(base, async () => {
      const result = await scan.run();
      sent = result.dueSoon + result.overdue;
    });
    console.log(
      `  reminder scan: ${sent} reminders in ${((performance.now() - scanStarted) / 1000).toFixed(1)} s, longest health check meanwhile ${ms(longest)} (goal ≤ 100 ms)`,
    );
    console.log(`  ${load()}`);
    await app.close();
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const part = process.env.BENCH_PART;
try {
  if (part !== 'pglite') await postgresPart();
  if (part !== 'postgres') await pglitePart();
} catch (error) {
  // Printed before the database is dropped under the app's connections.
  console.error(error);
  process.exit(1);
}
