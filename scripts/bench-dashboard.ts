/**
 * Benchmark of the dashboard API: builds a province of 100 communes (each with 10 units, a plan of
 * 25 indicators mapped to the standard catalog and 40 tasks, two years of accepted reports with
 * numerators and denominators), then times GET /plans/:id/dashboard (a commune) and
 * GET /localities/:id/overview (the province: ranking and catalog roll-ups; then the nation, whose one
 * province is aggregated over the same communes).
 * Prints p50/p95 on PGlite and, when a PostgreSQL is available, on PostgreSQL.
 *
 *   npm run bench:dashboard                       # PGlite, plus PostgreSQL via a throwaway cluster
 *   BENCH_COMMUNES=20 npm run bench:dashboard     # a smaller province
 *
 * Goals (issue #4, on the 2-core machine): commune dashboard p95 ≤ 50 ms, province overview p95 ≤ 300 ms.
 * A benchmark, not a test.
 */
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app';
import { createTestFileStore, fixedClock, signInTo, TEST_CONFIG } from '../server/test/test-app';
import { createTestDatabase, type TestDatabase } from '../server/test/test-db';
import { BENCH_PASSWORD, buildNation } from './bench/nation-data';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const OVERVIEW_REQUESTS = Number(process.env.BENCH_OVERVIEW_REQUESTS ?? 20);

/** One province of the synthetic country (scripts/bench/nation-data.ts). */
const buildProvince = async (db: TestDatabase['db']) => {
  const nation = await buildNation(db, [COMMUNES]);
  const province = nation.provinces[0]!;
  return { provinceId: province.id, planIds: province.planIds };
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const timed = async (count: number, call: (i: number) => Promise<{ status: number }>) => {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await call(i);
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
};

const measure = async (handle: TestDatabase, province: { provinceId: string; planIds: string[] }) => {
  const { provinceId, planIds } = province;
  const storage = createTestFileStore();
  const app = await createApp({ db: handle.db, config: TEST_CONFIG, clock: fixedClock, storage });
  app.addHook('onClose', async () => storage.removeFolder());
  await app.ready();
  const admin = await signInTo(app, 'admin', BENCH_PASSWORD);
  // Warm-up: query plans are compiled and caches filled, as on a running server.
  for (const planId of planIds.slice(0, 3)) await admin.call('GET', `/api/v1/plans/${planId}/dashboard`);
  const dashboard = await timed(REQUESTS, (i) =>
    admin.call('GET', `/api/v1/plans/${planIds[(i * 37) % planIds.length]!}/dashboard`),
  );
  const overviewUrl = `/api/v1/localities/${provinceId}/overview`;
  const check = await admin.call('GET', overviewUrl);
  if (check.body.data.localities.length !== COMMUNES || check.body.data.rollups.length === 0) {
    throw new Error('the overview does not cover the province');
  }
  await admin.call('GET', overviewUrl);
  const overview = await timed(OVERVIEW_REQUESTS, () => admin.call('GET', overviewUrl));
  // The nation's overview: the same communes again, aggregated into their province.
  const nationId = (await admin.call('GET', '/api/v1/localities?level=nation')).body.data[0].id;
  const nationUrl = `/api/v1/localities/${nationId}/overview`;
  const nationCheck = await admin.call('GET', nationUrl);
  if (nationCheck.body.data.localities[0]?.planCount !== planIds.length) {
    throw new Error('the nation overview does not cover the province');
  }
  const nation = await timed(OVERVIEW_REQUESTS, () => admin.call('GET', nationUrl));
  await app.close();
  return { dashboard, overview, nation };
};

const run = async (label: string) => {
  const handle = await createTestDatabase();
  try {
    const started = performance.now();
    const province = await buildProvince(handle.db);
    const built = (performance.now() - started) / 1000;
    const { dashboard, overview, nation } = await measure(handle, province);
    console.log(
      `${label.padEnd(10)} province ${COMMUNES} communes built in ${built.toFixed(1)} s | commune dashboard p50 ${dashboard.p50.toFixed(1)} ms, p95 ${dashboard.p95.toFixed(1)} ms (${REQUESTS} requests; goal p95 ≤ 50 ms) | province overview p50 ${overview.p50.toFixed(1)} ms, p95 ${overview.p95.toFixed(1)} ms (${OVERVIEW_REQUESTS} requests; goal p95 ≤ 300 ms) | nation overview p50 ${nation.p50.toFixed(1)} ms, p95 ${nation.p95.toFixed(1)} ms`,
    );
  } finally {
    await handle.close();
  }
};

await run(process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite');
