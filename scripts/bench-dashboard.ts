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
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createApp } from '../server/app';
import type { Database } from '../server/db/client';
import {
  appUser,
  indicator,
  indicatorTarget,
  indicatorValue,
  locality,
  plan,
  reportingPeriod,
  reportingRegime,
  roleAssignment,
  task,
  taskUpdate,
  unit,
  unitReport,
} from '../server/db/schema';
import { hashPassword } from '../server/modules/auth/password';
import { loadCatalog } from '../server/modules/catalog/catalog.service';
import { createTestFileStore, fixedClock, signInTo, TEST_CONFIG } from '../server/test/test-app';
import { createTestDatabase, type TestDatabase } from '../server/test/test-db';

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
const UNITS = 10;
const INDICATORS = 25;
const TASKS = 40;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const OVERVIEW_REQUESTS = Number(process.env.BENCH_OVERVIEW_REQUESTS ?? 20);
/** Percentage indicators of the catalog: each plan maps its indicators to them, as imported plans do. */
const PERCENT_CODES = loadCatalog()
  .filter((entry) => entry.unit === '%')
  .map((entry) => entry.code);

const chunks = <T>(rows: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
const insertAll = async <T>(db: Database, table: Parameters<Database['insert']>[0], rows: T[]) => {
  for (const part of chunks(rows)) await db.insert(table).values(part as never);
};

/** Builds the province with plain inserts (the services would take minutes for this volume). */
const buildProvince = async (db: Database): Promise<{ provinceId: string; planIds: string[] }> => {
  const nationId = randomUUID();
  const provinceId = randomUUID();
  await db.insert(locality).values([
    { id: nationId, code: 'VN', name: 'Việt Nam', level: 'nation', kind: 'quốc gia' },
    { id: provinceId, code: 'P', name: 'Tỉnh Thử', level: 'province', kind: 'tỉnh', parentId: nationId },
  ]);
  const adminId = randomUUID();
  await db.insert(appUser).values({
    id: adminId,
    username: 'admin',
    displayName: 'Quản trị',
    passwordHash: await hashPassword('lotrinh-bench'),
    mustChangePassword: false,
  });
  await db.insert(roleAssignment).values({ userId: adminId, role: 'system_admin', localityId: nationId });

  const planIds: string[] = [];
  const rows = {
    localities: [] as unknown[],
    units: [] as unknown[],
    plans: [] as unknown[],
    regimes: [] as unknown[],
    periods: [] as unknown[],
    indicators: [] as unknown[],
    targets: [] as unknown[],
    tasks: [] as unknown[],
    reports: [] as unknown[],
    values: [] as unknown[],
    updates: [] as unknown[],
  };
  for (let c = 0; c < COMMUNES; c++) {
    const communeId = randomUUID();
    rows.localities.push({
      id: communeId,
      code: `C${c}`,
      name: `Xã ${c}`,
      level: 'commune',
      kind: 'xã',
      parentId: provinceId,
    });
    const unitIds = Array.from({ length: UNITS }, () => randomUUID());
    for (const [u, id] of unitIds.entries())
      rows.units.push({ id, localityId: communeId, name: `Đơn vị ${u}` });
    const planId = randomUUID();
    planIds.push(planId);
    rows.plans.push({
      id: planId,
      localityId: communeId,
      issuerKind: 'government',
      issuer: `UBND xã ${c}`,
      number: `${c}/KH-UBND`,
      issuedDate: '2025-03-01',
      title: 'Kế hoạch chuyển đổi số',
    });
    const regimeId = randomUUID();
    rows.regimes.push({ id: regimeId, planId, position: 0, frequency: 'annual', due: '11-30' });
    const periodIds = ['2025', '2026'].map((year) => {
      const id = randomUUID();
      rows.periods.push({
        id,
        planId,
        regimeId,
        key: year,
        label: `Năm ${year}`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        dataFrom: `${Number(year) - 1}-12-15`,
        dataTo: `${year}-11-14`,
        dueDate: `${year}-11-30`,
      });
      return id;
    });
    const indicatorIds = Array.from({ length: INDICATORS }, (_, i) => {
      const id = randomUUID();
      rows.indicators.push({
        id,
        planId,
        position: i,
        code: `I.${i + 1}`,
        name: `Chỉ tiêu ${i + 1}`,
        unit: '%',
        catalogCode: PERCENT_CODES[i % PERCENT_CODES.length],
        leadUnitId: unitIds[i % UNITS],
        measure: i % 2 ? 'period' : 'cumulative',
      });
      for (let year = 2025; year <= 2030; year++)
        rows.targets.push({
          indicatorId: id,
          year,
          op: '>=',
          value: 50 + (year - 2025) * 8,
          rawText: `${50 + (year - 2025) * 8}%`,
        });
      return id;
    });
    const taskIds = Array.from({ length: TASKS }, (_, i) => {
      const id = randomUUID();
      rows.tasks.push({
        id,
        planId,
        position: i,
        name: `Nhiệm vụ ${i + 1}`,
        leadUnitId: unitIds[i % UNITS],
        deadlineKind: i % 4 === 0 ? 'recurring' : 'by',
        recurrence: i % 4 === 0 ? 'year' : null,
        deadlineDate: i % 4 === 0 ? null : `202${5 + (i % 3)}-12-31`,
        deadlineText: 'Quý IV',
      });
      return id;
    });
    periodIds.forEach((periodId, p) => {
      unitIds.forEach((unitId, u) => {
        const reportId = randomUUID();
        rows.reports.push({
          id: reportId,
          periodId,
          unitId,
          status: 'accepted',
          submittedAt: new Date(`202${5 + p}-11-20T03:00:00Z`),
          reviewedAt: new Date(`202${5 + p}-11-25T03:00:00Z`),
          submittedBy: adminId,
          reviewedBy: adminId,
        });
        indicatorIds.forEach((indicatorId, i) => {
          if (i % UNITS !== u) return;
          // Rates come with their numerator and denominator (dossiers, people), as units report them.
          const denominator = 1000 + c * 10;
          const numerator = Math.round((denominator * (45 + ((i * 7 + c) % 30))) / 100);
          rows.values.push({
            reportId,
            indicatorId,
            value: Math.round((numerator / denominator) * 10000) / 100,
            numerator,
            denominator,
          });
        });
        taskIds.forEach((taskId, i) => {
          if (i % UNITS === u)
            rows.updates.push({
              reportId,
              taskId,
              status: (i + c) % 3 === 0 ? 'done' : 'in_progress',
              progress: 60,
              completedOn: (i + c) % 3 === 0 ? `202${5 + p}-10-01` : null,
            });
        });
      });
    });
  }
  await insertAll(db, locality, rows.localities);
  await insertAll(db, unit, rows.units);
  await insertAll(db, plan, rows.plans);
  await insertAll(db, reportingRegime, rows.regimes);
  await insertAll(db, reportingPeriod, rows.periods);
  await insertAll(db, indicator, rows.indicators);
  await insertAll(db, indicatorTarget, rows.targets);
  await insertAll(db, task, rows.tasks);
  await insertAll(db, unitReport, rows.reports);
  await insertAll(db, indicatorValue, rows.values);
  await insertAll(db, taskUpdate, rows.updates);
  return { provinceId, planIds };
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
  const app = await createApp({
    db: handle.db,
    config: TEST_CONFIG,
    clock: fixedClock,
    storage: createTestFileStore(),
  });
  await app.ready();
  const admin = await signInTo(app, 'admin', 'lotrinh-bench');
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
