/**
 * The overview's reads scoped in SQL by the tree and the judged period (overview.scope.ts,
 * `evaluatePlansOfArea`) against the reference over lists of ids (`landOfLocalities`,
 * `evaluatePlansOfLocalities`, which reads every period and picks the judged one in JavaScript), on a
 * generated country of three provinces (scripts/bench/nation-data.ts) where, on 1/7/2026, two communes
 * of the first province merged into a new one and a commune of the second was split between that new
 * commune and a neighbour — asked as of a date before the merger and after it, for two years, for
 * each province and for the nation.
 */
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchNation, buildNation } from '../../../scripts/bench/nation-data';
import { createServices } from '../../app';
import { locality, localitySuccession, reportingPeriod, reportingRegime, unitReport } from '../../db/schema';
import { landOfLocalities } from '../../shared/locality-history';
import { createTestFileStore, TEST_CONFIG } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { evaluatePlansOfArea, evaluatePlansOfLocalities, type PlanEvaluation } from './overview.evaluation';
import { listChildLocalities, listGrandchildLocalities } from './overview.repository';
import { landOfArea, type OverviewArea } from './overview.scope';

const BEFORE = '2026-03-31';
const AFTER = '2026-12-05';

/** What an evaluation says, as plain data. */
const plain = (rows: PlanEvaluation[]) =>
  rows.map((row) => ({
    plan: row.plan.id,
    period: row.period?.id ?? null,
    indicatorStatuses: row.indicatorStatuses,
    taskStatuses: row.taskStatuses,
    obligations: row.obligations,
    current: [...row.current].map(([id, item]) => [id, item.reportId, item.value]).sort(),
    indicators: row.indicators.map((item) => item.id),
    stableUntil: row.stableUntil,
  }));

describe('the overview scoped in SQL by the tree and the judged period', () => {
  let handle: TestDatabase;
  let nation: BenchNation;
  let merged: string;
  let reporting: ReturnType<typeof createServices>['reporting'];
  const storage = createTestFileStore();

  beforeAll(async () => {
    handle = await createTestDatabase();
    nation = await buildNation(handle.db, [4, 3, 2]);
    const [first, second] = nation.provinces as [
      BenchNation['provinces'][number],
      BenchNation['provinces'][number],
    ];
    // 1/7/2026: the first two communes of the first province merge into a new one; the first commune of
    // the second province is split between the new commune and its neighbour (whose code is lower, so
    // its plans roll up there, outside the first province).
    merged = (
      await handle.db
        .insert(locality)
        .values({
          code: 'M0',
          name: 'Xã Hợp Nhất',
          level: 'commune',
          kind: 'xã',
          parentId: first.id,
          validFrom: '2026-07-01',
        })
        .returning({ id: locality.id })
    )[0]!.id;
    const ended = [first.communeIds[0]!, first.communeIds[1]!, second.communeIds[0]!];
    await handle.db.update(locality).set({ validTo: '2026-06-30' }).where(inArray(locality.id, ended));
    await handle.db.insert(localitySuccession).values([
      {
        predecessorId: first.communeIds[0]!,
        successorId: merged,
        effectiveDate: '2026-07-01',
        share: 'whole',
      },
      {
        predecessorId: first.communeIds[1]!,
        successorId: merged,
        effectiveDate: '2026-07-01',
        share: 'whole',
      },
      {
        predecessorId: second.communeIds[0]!,
        successorId: merged,
        effectiveDate: '2026-07-01',
        share: 'part',
      },
      {
        predecessorId: second.communeIds[0]!,
        successorId: second.communeIds[1]!,
        effectiveDate: '2026-07-01',
        share: 'part',
      },
    ]);
    // Two plans also report quarterly: the judged period is the latest of a regime whose data has
    // started (as of 31/3: the year; as of 5/12: the fourth quarter, which ends with the year and comes
    // after it by key).
    for (const planId of [first.planIds[0]!, first.planIds[2]!]) {
      const regimeId = (
        await handle.db
          .insert(reportingRegime)
          .values({ planId, position: 1, frequency: 'quarterly', dueDaysAfter: 15 })
          .returning({ id: reportingRegime.id })
      )[0]!.id;
      await handle.db.insert(reportingPeriod).values(
        [1, 2, 3, 4].map((q) => {
          const start = `2026-${String(3 * q - 2).padStart(2, '0')}-01`;
          const end = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'][q - 1]!;
          return {
            planId,
            regimeId,
            key: `2026-Q${q}`,
            label: `Quý ${q}/2026`,
            periodStart: start,
            periodEnd: end,
            dataFrom: start,
            dataTo: end,
            dueDate: end,
          };
        }),
      );
    }
    // Not every report accepted: some wait for review, some were never sent.
    const reports = await handle.db.select({ id: unitReport.id }).from(unitReport).orderBy(unitReport.id);
    await handle.db
      .update(unitReport)
      .set({ status: 'submitted' })
      .where(
        inArray(
          unitReport.id,
          reports.filter((_, i) => i % 7 === 0).map((row) => row.id),
        ),
      );
    await handle.db.execute(
      sql`delete from indicator_value where report_id in (${sql.join(
        reports.filter((_, i) => i % 11 === 1).map((row) => sql`${row.id}::uuid`),
        sql`, `,
      )})`,
    );
    await handle.db.execute(
      sql`delete from task_update where report_id in (${sql.join(
        reports.filter((_, i) => i % 11 === 1).map((row) => sql`${row.id}::uuid`),
        sql`, `,
      )})`,
    );
    await handle.db.delete(unitReport).where(
      inArray(
        unitReport.id,
        reports.filter((_, i) => i % 11 === 1).map((row) => row.id),
      ),
    );
    const clock = { now: () => new Date(`${AFTER}T02:00:00.000Z`) };
    reporting = createServices({
      db: handle.db,
      clock,
      config: TEST_CONFIG,
      storage,
    }).reporting;
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    storage.removeFolder();
  });

  /** The area's localities in force and their land, both ways. */
  const lands = async (area: OverviewArea) => {
    const given =
      area.depth === 1
        ? await listChildLocalities(handle.db, area.rootId, area.asOf)
        : await listGrandchildLocalities(handle.db, area.rootId, area.asOf);
    return {
      reference: await landOfLocalities(
        handle.db,
        given.map((row) => row.id),
        area.asOf,
      ),
      scoped: await landOfArea(handle.db, area),
    };
  };

  it('should give each area the same land as the reference, before and after the merger', async () => {
    const first = nation.provinces[0]!;
    const second = nation.provinces[1]!;
    for (const asOf of [BEFORE, AFTER]) {
      for (const area of [
        ...nation.provinces.map((row) => ({ rootId: row.id, depth: 1 as const, asOf })),
        { rootId: nation.nationId, depth: 2 as const, asOf },
      ]) {
        const { reference, scoped } = await lands(area);
        expect(new Map([...scoped].sort()), `${area.rootId} ${asOf}`).toEqual(new Map([...reference].sort()));
      }
    }
    const before = (await lands({ rootId: first.id, depth: 1, asOf: BEFORE })).scoped;
    const after = (await lands({ rootId: first.id, depth: 1, asOf: AFTER })).scoped;
    expect(before.get(first.communeIds[0]!)).toBe(first.communeIds[0]);
    expect(before.has(merged)).toBe(false);
    expect(after.get(first.communeIds[0]!)).toBe(merged);
    expect(after.get(first.communeIds[1]!)).toBe(merged);
    // The split commune rolls up to its neighbour in the second province, not to the merged commune.
    expect(after.has(second.communeIds[0]!)).toBe(false);
    const secondAfter = (await lands({ rootId: second.id, depth: 1, asOf: AFTER })).scoped;
    expect(secondAfter.get(second.communeIds[0]!)).toBe(second.communeIds[1]);
  });

  it('should evaluate the same plans with the same results as the reference over ids', async () => {
    let compared = 0;
    let scoredObligations = 0;
    for (const asOf of [BEFORE, AFTER]) {
      for (const year of [2025, 2026]) {
        for (const area of [
          ...nation.provinces.map((row) => ({ rootId: row.id, depth: 1 as const, asOf })),
          { rootId: nation.nationId, depth: 2 as const, asOf },
        ]) {
          const { reference: land } = await lands(area);
          const expected = await evaluatePlansOfLocalities(
            { db: handle.db, reporting },
            [...land.keys()],
            year,
            asOf,
          );
          const actual = await evaluatePlansOfArea({ db: handle.db, reporting }, area, land, year);
          expect(plain(actual), `${area.rootId} ${asOf} ${year}`).toEqual(plain(expected));
          compared += actual.length;
          scoredObligations += actual
            .flatMap((row) => row.obligations)
            .filter((row) => row.state === 'scored').length;
        }
      }
    }
    // Every plan counted in its province and in the nation, for both dates and years; a check that sees
    // scored units, units waiting for review and missing reports.
    expect(compared).toBe(2 * 2 * 2 * 9);
    expect(scoredObligations).toBeGreaterThan(0);
    const nationAfter = await evaluatePlansOfArea(
      { db: handle.db, reporting },
      { rootId: nation.nationId, depth: 2, asOf: AFTER },
      (await lands({ rootId: nation.nationId, depth: 2, asOf: AFTER })).reference,
      2026,
    );
    const quarterly = nationAfter.find((row) => row.plan.id === nation.provinces[0]!.planIds[2]);
    expect(quarterly?.period?.key).toBe('2026-Q4');
    const states = new Set(nationAfter.flatMap((row) => row.obligations.map((item) => item.timeliness)));
    expect(states.has('missing')).toBe(true);
  });
});
