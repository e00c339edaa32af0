/**
 * The synthetic country of the benchmarks: a nation, its provinces and their communes, each commune
 * with 10 units, a plan of 25 percentage indicators mapped to the standard catalog and 40 tasks, and
 * two years (2025, 2026) of accepted reports with numerators and denominators. One unit officer per
 * commune (unit 0), so "Việc của tôi" can be asked as any of them. Plain inserts, a province at a
 * time: the services would take hours for a country.
 *
 * Shared by `npm run bench:dashboard` (one province) and `npm run bench:nation` (the country).
 */
import { randomUUID } from 'node:crypto';
import { STANDARD_CATALOG } from '../../core/catalog/standard-catalog';
import type { Database } from '../../server/db/client';
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
} from '../../server/db/schema';
import { hashPassword } from '../../server/modules/auth/password';

export const UNITS = 10;
export const INDICATORS = 25;
export const TASKS = 40;
/** The password of every generated account. */
export const BENCH_PASSWORD = 'lotrinh-bench';

/** Percentage indicators of the catalog: each plan maps its indicators to them, as imported plans do. */
const PERCENT_CODES = STANDARD_CATALOG.filter((entry) => entry.unit === '%').map((entry) => entry.code);

const chunks = <T>(rows: T[], size = 500): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
const insertAll = async <T>(db: Database, table: Parameters<Database['insert']>[0], rows: T[]) => {
  for (const part of chunks(rows)) await db.insert(table).values(part as never);
};

export type BenchProvince = { id: string; communeIds: string[]; planIds: string[] };
export type BenchNation = {
  nationId: string;
  provinces: BenchProvince[];
  /** One unit officer per commune, in commune order. */
  officers: string[];
};

/**
 * How `total` communes fall into `provinces` provinces, as evenly as whole numbers allow (the register
 * has 3,321 communes in 34 provinces: 97 or 98 each).
 */
export const spread = (total: number, provinces: number): number[] =>
  Array.from(
    { length: provinces },
    (_, p) => Math.floor(total / provinces) + (p < total % provinces ? 1 : 0),
  );

/**
 * Builds the country.
 *
 * @param db - a migrated, empty database
 * @param communesPerProvince - one entry per province: its number of communes
 * @param onProvince - told after each province is written (progress)
 */
export const buildNation = async (
  db: Database,
  communesPerProvince: number[],
  onProvince: (done: number, total: number) => void = () => {},
): Promise<BenchNation> => {
  const nationId = randomUUID();
  await db
    .insert(locality)
    .values({ id: nationId, code: 'VN', name: 'Việt Nam', level: 'nation', kind: 'quốc gia' });
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const adminId = randomUUID();
  await db.insert(appUser).values({
    id: adminId,
    username: 'admin',
    displayName: 'Quản trị',
    passwordHash,
    mustChangePassword: false,
  });
  await db.insert(roleAssignment).values({ userId: adminId, role: 'system_admin', localityId: nationId });

  const provinces: BenchProvince[] = [];
  const officers: string[] = [];
  for (const [p, communes] of communesPerProvince.entries()) {
    const provinceId = randomUUID();
    await db.insert(locality).values({
      id: provinceId,
      code: `P${p}`,
      name: `Tỉnh Thử ${p + 1}`,
      level: 'province',
      kind: 'tỉnh',
      parentId: nationId,
    });
    const province: BenchProvince = { id: provinceId, communeIds: [], planIds: [] };
    const rows = {
      localities: [] as unknown[],
      units: [] as unknown[],
      users: [] as unknown[],
      roles: [] as unknown[],
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
    for (let c = 0; c < communes; c++) {
      const communeId = randomUUID();
      province.communeIds.push(communeId);
      rows.localities.push({
        id: communeId,
        code: `C${p}-${c}`,
        name: `Xã ${p + 1}.${c + 1}`,
        level: 'commune',
        kind: 'xã',
        parentId: provinceId,
      });
      const unitIds = Array.from({ length: UNITS }, () => randomUUID());
      for (const [u, id] of unitIds.entries())
        rows.units.push({ id, localityId: communeId, name: `Đơn vị ${u}` });
      const officerId = randomUUID();
      const username = `donvi.${p}.${c}`;
      officers.push(username);
      rows.users.push({
        id: officerId,
        username,
        displayName: `Cán bộ ${username}`,
        passwordHash,
        mustChangePassword: false,
      });
      rows.roles.push({ userId: officerId, role: 'unit_officer', localityId: communeId, unitId: unitIds[0] });

      const planId = randomUUID();
      province.planIds.push(planId);
      rows.plans.push({
        id: planId,
        localityId: communeId,
        issuerKind: 'government',
        issuer: `UBND xã ${p + 1}.${c + 1}`,
        number: `${c + 1}/KH-UBND`,
        issuedDate: '2025-03-01',
        title: 'Kế hoạch chuyển đổi số',
        // Entered when it was issued: every period since is the units' to report (and to be reminded of).
        createdAt: new Date('2025-03-15T02:00:00.000Z'),
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
      periodIds.forEach((periodId, period) => {
        unitIds.forEach((unitId, u) => {
          // The officer's unit has not reported 2026 yet: "Việc của tôi" has something to show.
          if (u === 0 && period === 1) return;
          const reportId = randomUUID();
          rows.reports.push({
            id: reportId,
            periodId,
            unitId,
            status: 'accepted',
            submittedAt: new Date(`202${5 + period}-11-20T03:00:00Z`),
            reviewedAt: new Date(`202${5 + period}-11-25T03:00:00Z`),
            submittedBy: adminId,
            reviewedBy: adminId,
          });
          indicatorIds.forEach((indicatorId, i) => {
            if (i % UNITS !== u) return;
            // Rates come with their numerator and denominator (dossiers, people), as units report them.
            const denominator = 1000 + c * 10;
            const numerator = Math.round((denominator * (45 + ((i * 7 + c + p) % 30))) / 100);
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
                completedOn: (i + c) % 3 === 0 ? `202${5 + period}-10-01` : null,
              });
          });
        });
      });
    }
    await insertAll(db, locality, rows.localities);
    await insertAll(db, unit, rows.units);
    await insertAll(db, appUser, rows.users);
    await insertAll(db, roleAssignment, rows.roles);
    await insertAll(db, plan, rows.plans);
    await insertAll(db, reportingRegime, rows.regimes);
    await insertAll(db, reportingPeriod, rows.periods);
    await insertAll(db, indicator, rows.indicators);
    await insertAll(db, indicatorTarget, rows.targets);
    await insertAll(db, task, rows.tasks);
    await insertAll(db, unitReport, rows.reports);
    await insertAll(db, indicatorValue, rows.values);
    await insertAll(db, taskUpdate, rows.updates);
    provinces.push(province);
    onProvince(p + 1, communesPerProvince.length);
  }
  return { nationId, provinces, officers };
};
