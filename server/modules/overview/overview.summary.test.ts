/**
 * The stored summaries of the plans' evaluations (overview.summary.ts, migration 0019): what the
 * overview reads from them is what a full evaluation gives (on a generated country and on the demo,
 * before the summaries are stored and after), a stored summary is used while its plan's revision is
 * the same and never after a change, the triggers move the revision on every table the evaluation
 * reads, and after each kind of write (a report accepted, a report returned, a target or a task's
 * deadline edited, an indicator deleted) and for another date, the overview shows what a fresh
 * evaluation shows.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchNation, buildNation } from '../../../scripts/bench/nation-data';
import { createServices } from '../../app';
import type { Database } from '../../db/client';
import { indicator, planEvaluationSummary, task } from '../../db/schema';
import { buildCommunePlan, buildIndicator } from '../../test/factories';
import {
  buildTestApp,
  createTestFileStore,
  FIXED_NOW,
  fixedClock,
  TEST_CONFIG,
  type TestApp,
} from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { evaluatePlansOfArea } from './overview.evaluation';
import { landOfArea, type OverviewArea } from './overview.scope';
import { type PlanFigures, summarisePlansOfArea, summaryOf } from './overview.summary';

type Reporting = ReturnType<typeof createServices>['reporting'];

/** The summaries as plain data, each with its plan's id. */
const plain = (rows: PlanFigures[]) => rows.map(({ plan, ...summary }) => ({ plan: plan.id, ...summary }));

const revisionOf = async (db: Database, planId: string): Promise<number> => {
  const result = (await db.execute(
    sql`select revision from plan_evaluation_revision where plan_id = ${planId}`,
  )) as unknown as { rows: Array<{ revision: string | number }> };
  return Number(result.rows[0]?.revision ?? 0);
};

const clearSummaries = (db: Database) => db.delete(planEvaluationSummary);

/** The reference (every plan evaluated from its rows), the summaries before any is stored, and after. */
const compareArea = async (db: Database, reporting: Reporting, area: OverviewArea, year: number) => {
  const land = await landOfArea(db, area);
  const expected = (await evaluatePlansOfArea({ db, reporting }, area, land, year)).map((row) => ({
    plan: row.plan.id,
    ...summaryOf(row),
  }));
  await clearSummaries(db);
  const cold = await summarisePlansOfArea({ db, reporting }, area, land, year);
  const warm = await summarisePlansOfArea({ db, reporting }, area, land, year);
  const lean = await summarisePlansOfArea({ db, reporting }, area, land, year, { withDetail: false });
  return { expected, cold: plain(cold), warm: plain(warm), lean: plain(lean) };
};

/** A summary as read without its detail: no period, no indicator, code or report ids. */
const withoutDetail = <T extends Pick<PlanFigures, 'period' | 'catalog'>>(summary: T): T => ({
  ...summary,
  period: null,
  catalog: summary.catalog.map((row) => ({
    ...row,
    id: null,
    code: null,
    current: row.current ? { ...row.current, reportId: null } : null,
  })),
});

describe('stored summaries on a generated country', () => {
  let handle: TestDatabase;
  let nation: BenchNation;
  let reporting: Reporting;

  beforeAll(async () => {
    handle = await createTestDatabase();
    nation = await buildNation(handle.db, [4, 3, 2]);
    reporting = createServices({
      db: handle.db,
      clock: { now: () => new Date('2026-12-05T02:00:00.000Z') },
      config: TEST_CONFIG,
      storage: createTestFileStore(),
    }).reporting;
  }, 120_000);
  afterAll(() => handle?.close());

  it('should give what the full evaluation gives, before the summaries are stored and after', async () => {
    let compared = 0;
    let scored = 0;
    for (const asOf of ['2026-03-31', '2026-12-05']) {
      for (const year of [2025, 2026]) {
        for (const area of [
          ...nation.provinces.map((row) => ({ rootId: row.id, depth: 1 as const, asOf })),
          { rootId: nation.nationId, depth: 2 as const, asOf },
        ]) {
          const { expected, cold, warm, lean } = await compareArea(handle.db, reporting, area, year);
          expect(cold, `${area.rootId} ${asOf} ${year} cold`).toEqual(expected);
          expect(warm, `${area.rootId} ${asOf} ${year} warm`).toEqual(expected);
          expect(lean, `${area.rootId} ${asOf} ${year} without detail`).toEqual(expected.map(withoutDetail));
          compared += warm.length;
          scored += warm.flatMap((row) => row.obligations).filter((row) => row.state === 'scored').length;
        }
      }
    }
    expect(compared).toBe(2 * 2 * 2 * 9);
    expect(scored).toBeGreaterThan(0);
  });

  it('should reuse the summaries of an earlier day while valid, and give what a fresh evaluation gives', async () => {
    const { db } = handle;
    const area = (asOf: string) => ({ rootId: nation.nationId, depth: 2 as const, asOf });
    await clearSummaries(db);
    const first = '2026-01-15';
    await summarisePlansOfArea({ db, reporting }, area(first), await landOfArea(db, area(first)), 2026);
    const storedOn = async () =>
      (
        await db
          .select({ asOf: planEvaluationSummary.asOf })
          .from(planEvaluationSummary)
          .where(eq(planEvaluationSummary.year, 2026))
      ).map((row) => row.asOf);
    let reused = 0;
    let renewed = 0;
    // Each date stores only the plans whose summary no longer holds (a deadline or due date passed, a
    // period opened); what the overview gives is the fresh evaluation of that date.
    for (const asOf of ['2026-01-16', '2026-02-01', '2026-04-10', '2026-04-11', '2026-07-20', '2026-12-05']) {
      const land = await landOfArea(db, area(asOf));
      const before = await storedOn();
      const read = plain(await summarisePlansOfArea({ db, reporting }, area(asOf), land, 2026));
      const fresh = (await evaluatePlansOfArea({ db, reporting }, area(asOf), land, 2026)).map((row) => ({
        plan: row.plan.id,
        ...summaryOf(row),
      }));
      expect(read, asOf).toEqual(fresh);
      const added = (await storedOn()).filter((date) => date === asOf).length;
      expect(before.filter((date) => date === asOf)).toHaveLength(0);
      reused += fresh.length - added;
      renewed += added;
    }
    expect(reused).toBeGreaterThan(0);
    expect(renewed).toBeGreaterThan(0);
  });

  it('should use a stored summary while its plan is unchanged, and never once the plan changed', async () => {
    const area = { rootId: nation.provinces[0]!.id, depth: 1 as const, asOf: '2026-12-05' };
    const land = await landOfArea(handle.db, area);
    const planId = nation.provinces[0]!.planIds[0]!;
    const read = async () =>
      plain(await summarisePlansOfArea({ db: handle.db, reporting }, area, land, 2026)).find(
        (row) => row.plan === planId,
      )!;
    const truth = await read();
    // A summary altered in place (no trigger on the summaries) is what the overview then reads: it is used.
    await handle.db.execute(sql`update plan_evaluation_summary set detail = jsonb_set(detail::jsonb, '{period}',
      'null')::json where plan_id = ${planId} and year = 2026 and as_of = '2026-12-05'`);
    expect(truth.period).not.toBeNull();
    expect((await read()).period).toBeNull();
    // Any change to the plan's rows (even one that changes no figure) makes it unusable.
    await handle.db
      .update(indicator)
      .set({ name: sql`${indicator.name}` })
      .where(eq(indicator.planId, planId));
    expect(await read()).toEqual(truth);
    // A later date inside the summary's range (up to the day before `valid_until`) reads it; a date
    // from `valid_until` on, another year: their own summaries.
    await handle.db.execute(sql`update plan_evaluation_summary set detail = jsonb_set(detail::jsonb, '{period}',
      'null')::json, valid_until = '2026-12-07' where plan_id = ${planId} and year = 2026 and as_of = '2026-12-05'`);
    const onDec6 = async () =>
      plain(
        await summarisePlansOfArea(
          { db: handle.db, reporting },
          { ...area, asOf: '2026-12-06' },
          await landOfArea(handle.db, { ...area, asOf: '2026-12-06' }),
          2026,
        ),
      ).find((row) => row.plan === planId)!;
    expect((await onDec6()).period).toBeNull();
    await handle.db.execute(sql`update plan_evaluation_summary set valid_until = '2026-12-06'
      where plan_id = ${planId} and year = 2026 and as_of = '2026-12-05'`);
    const otherDate = await onDec6();
    expect(otherDate.period).toEqual(truth.period);
  });

  it("should warm today's summaries off the request, then only the plans that changed, and prune other days'", async () => {
    const { db } = handle;
    const { overview } = createServices({
      db,
      clock: { now: () => new Date('2026-12-05T02:00:00.000Z') },
      config: TEST_CONFIG,
      storage: createTestFileStore(),
    });
    const area = { rootId: nation.nationId, depth: 2 as const, asOf: '2026-12-05' };
    const land = await landOfArea(db, area);
    const expected = (await evaluatePlansOfArea({ db, reporting }, area, land, 2026)).map((row) => ({
      plan: row.plan.id,
      ...summaryOf(row),
    }));
    const storedToday = async () =>
      (
        await db
          .select({ planId: planEvaluationSummary.planId })
          .from(planEvaluationSummary)
          .where(sql`${planEvaluationSummary.year} = 2026 and ${planEvaluationSummary.asOf} = '2026-12-05'`)
      ).length;
    await clearSummaries(db);

    expect(await overview.keepSummariesWarm()).toEqual({ evaluated: expected.length, pruned: 0 });
    expect(await storedToday()).toBe(expected.length);
    // What was warmed is what the overview then reads, and nothing is left to evaluate.
    expect(plain(await summarisePlansOfArea({ db, reporting }, area, land, 2026))).toEqual(expected);
    expect(await overview.keepSummariesWarm()).toEqual({ evaluated: 0, pruned: 0 });

    // A plan changed: only it is evaluated again.
    const changed = nation.provinces[2]!.planIds[0]!;
    await db
      .update(indicator)
      .set({ name: sql`${indicator.name}` })
      .where(eq(indicator.planId, changed));
    expect(await overview.keepSummariesWarm()).toEqual({ evaluated: 1, pruned: 0 });

    // A summary of another day stored two days ago is pruned; one of another day stored today is kept.
    const [older, recent] = nation.provinces[0]!.planIds as [string, string];
    await db.execute(sql`update plan_evaluation_summary set as_of = '2026-12-03', valid_until = '2026-12-04',
      created_at = now() - interval '2 days' where plan_id = ${older} and year = 2026`);
    await db.execute(
      sql`update plan_evaluation_summary set as_of = '2026-12-04', valid_until = '2026-12-05'
        where plan_id = ${recent} and year = 2026`,
    );
    expect(await overview.keepSummariesWarm()).toEqual({ evaluated: 2, pruned: 1 });
    expect(await storedToday()).toBe(expected.length);
  });

  it('should move the revision of the plan whose rows change, on every table the evaluation reads', async () => {
    const [planId, otherId] = nation.provinces[1]!.planIds as [string, string];
    const db = handle.db;
    const first = (table: string) =>
      sql.raw(`(select x.id from ${table} x where x.plan_id = '${planId}' order by x.id limit 1)`);
    const changes: Array<[string, ReturnType<typeof sql>]> = [
      ['plan', sql`update plan set title = title where id = ${planId}`],
      ['reporting_period', sql`update reporting_period set due_date = due_date where plan_id = ${planId}`],
      ['indicator', sql`update indicator set unit = unit where id = ${first('indicator')}`],
      [
        'indicator_target',
        sql`update indicator_target set value = value where indicator_id = ${first('indicator')}`,
      ],
      ['task', sql`update task set deadline_date = deadline_date where id = ${first('task')}`],
      [
        'unit_report',
        sql`update unit_report set status = status where period_id in (select id from reporting_period where plan_id = ${planId})`,
      ],
      [
        'indicator_value',
        sql`update indicator_value set value = value where indicator_id in (select id from indicator where plan_id = ${planId})`,
      ],
      [
        'task_update',
        sql`update task_update set status = status where task_id in (select id from task where plan_id = ${planId})`,
      ],
      [
        'indicator_value (delete)',
        sql`delete from indicator_value where id = (select v.id from indicator_value v join indicator i on i.id = v.indicator_id where i.plan_id = ${planId} order by v.id limit 1)`,
      ],
      [
        'task_update (delete)',
        sql`delete from task_update where id = (select u.id from task_update u join task t on t.id = u.task_id where t.plan_id = ${planId} order by u.id limit 1)`,
      ],
      [
        'unit_report (delete)',
        sql`delete from unit_report where id = (select r.id from unit_report r join reporting_period p on p.id = r.period_id where p.plan_id = ${planId} order by r.id limit 1)`,
      ],
      [
        'indicator_target (insert)',
        sql`insert into indicator_target (indicator_id, year, op, value) values (${first('indicator')}, 2099, '>=', 1)`,
      ],
      ['task (delete)', sql`delete from task where id = ${first('task')}`],
      ['indicator (delete)', sql`delete from indicator where id = ${first('indicator')}`],
    ];
    // The plan has rows of every kind, so each change below touches some.
    const counts = (await db.execute(sql`select
        (select count(*) from indicator_value v join indicator i on i.id = v.indicator_id where i.plan_id = ${planId}) as values,
        (select count(*) from task_update u join task t on t.id = u.task_id where t.plan_id = ${planId}) as updates,
        (select count(*) from indicator_target g join indicator i on i.id = g.indicator_id where i.plan_id = ${planId}) as targets`)) as unknown as {
      rows: Array<Record<string, string | number>>;
    };
    for (const value of Object.values(counts.rows[0]!)) expect(Number(value)).toBeGreaterThan(1);
    for (const [name, change] of changes) {
      const before = await revisionOf(db, planId);
      const other = await revisionOf(db, otherId);
      await db.execute(change);
      expect(await revisionOf(db, planId), name).toBeGreaterThan(before);
      expect(await revisionOf(db, otherId), `${name}: another plan`).toBe(other);
    }
  });
});

describe('stored summaries of the overview on the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('should give what the full evaluation gives, and the same overviews before and after storing', async () => {
    const db = t.handle.db;
    const reporting = createServices({
      db,
      clock: fixedClock,
      config: TEST_CONFIG,
      storage: t.storage,
    }).reporting;
    const asOf = FIXED_NOW.toISOString().slice(0, 10);
    const { expected, cold, warm } = await compareArea(
      db,
      reporting,
      { rootId: t.rootLocalityId, depth: 2, asOf },
      2026,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(cold).toEqual(expected);
    expect(warm).toEqual(expected);

    const overview = async (id: string) =>
      (await t.call('GET', `/api/v1/localities/${id}/overview`)).body.data;
    await clearSummaries(db);
    const nationCold = await overview(t.rootLocalityId);
    const nationWarm = await overview(t.rootLocalityId);
    expect(nationWarm).toEqual(nationCold);
    const withPlans = (nationWarm.localities as Array<{ localityId: string; planCount: number }>).filter(
      (row) => row.planCount > 0,
    );
    expect(withPlans.length).toBeGreaterThan(0);
    for (const province of withPlans) {
      await clearSummaries(db);
      const provinceCold = await overview(province.localityId);
      expect(await overview(province.localityId)).toEqual(provinceCold);
    }
  });

  it('should answer from the fresh evaluation when its summaries cannot be stored', async () => {
    const db = t.handle.db;
    const provinceId = (
      (await t.call('GET', `/api/v1/localities/${t.rootLocalityId}/overview`)).body.data.localities as Array<{
        localityId: string;
        planCount: number;
      }>
    ).find((row) => row.planCount > 0)!.localityId;
    await clearSummaries(db);
    const stored = async () =>
      Number(
        (
          (await db.execute(sql`select count(*) as n from plan_evaluation_summary`)) as unknown as {
            rows: Array<{ n: number | string }>;
          }
        ).rows[0]!.n,
      );
    // The database refuses every new summary (existing rows untouched: NOT VALID).
    await db.execute(
      sql`alter table plan_evaluation_summary add constraint refuse_all check (false) not valid`,
    );
    try {
      for (const id of [provinceId, t.rootLocalityId]) {
        const refused = await t.call('GET', `/api/v1/localities/${id}/overview`);
        expect(refused.status, id).toBe(200);
        // The province's overview stores its summaries after answering.
        await t.app.summariesStored();
        expect(await stored()).toBe(0);
        await db.execute(sql`alter table plan_evaluation_summary drop constraint refuse_all`);
        // What a request answers once it can store them again: the same.
        expect(refused.body.data, id).toEqual(
          (await t.call('GET', `/api/v1/localities/${id}/overview`)).body.data,
        );
        await t.app.summariesStored();
        expect(await stored()).toBeGreaterThan(0);
        await clearSummaries(db);
        await db.execute(
          sql`alter table plan_evaluation_summary add constraint refuse_all check (false) not valid`,
        );
      }
    } finally {
      await db.execute(sql`alter table plan_evaluation_summary drop constraint if exists refuse_all`);
    }
  });
});

describe('the overview after each kind of write', () => {
  let t: TestApp;
  let provinceId: string;
  let commune: {
    id: string;
    planId: string;
    centre: string;
    office: string;
    rate: string;
    count: string;
    task: string;
  };

  const overviewOf = async (id: string, query = '') => {
    const response = await t.call('GET', `/api/v1/localities/${id}/overview${query}`);
    expect(response.status).toBe(200);
    return response.body.data;
  };
  /** The overview from a fresh evaluation of every plan. */
  const freshOverviewOf = async (id: string, query = '') => {
    await clearSummaries(t.handle.db);
    return overviewOf(id, query);
  };
  const rowOf = (overview: { localities: Array<{ localityId: string }> }, id: string) =>
    overview.localities.find((row) => row.localityId === id)! as { localityId: string; overdueTasks: number };
  /** After a write: the province's and the nation's overviews are those of a fresh evaluation, and changed. */
  const expectNewFigures = async (before: { province: unknown; nation: unknown }, what: string) => {
    const province = await overviewOf(provinceId);
    const nation = await overviewOf(t.rootLocalityId);
    expect(province, what).toEqual(await freshOverviewOf(provinceId));
    expect(nation, what).toEqual(await freshOverviewOf(t.rootLocalityId));
    expect(rowOf(province, commune.id), `${what}: the commune's row changed`).not.toEqual(before.province);
    expect(rowOf(nation, provinceId), `${what}: the province's row changed`).not.toEqual(before.nation);
    // Stored again at the new revision: the next reads use them.
    return { province: rowOf(province, commune.id), nation: rowOf(nation, provinceId) };
  };
  const current = async () => ({
    province: rowOf(await overviewOf(provinceId), commune.id),
    nation: rowOf(await overviewOf(t.rootLocalityId), provinceId),
  });

  const periodOf = async (planId: string) => {
    const periods: Array<{ id: string; key: string }> = (
      await t.call('GET', `/api/v1/plans/${planId}/reporting-periods`)
    ).body.data;
    return periods.find((period) => period.key === '2026')!.id;
  };
  const submit = async (unitId: string, content: { values?: unknown[]; taskUpdates?: unknown[] }) => {
    const saved = await t.call(
      'PUT',
      `/api/v1/reporting-periods/${await periodOf(commune.planId)}/units/${unitId}/report`,
      { revision: 0, ...content },
    );
    expect(saved.status).toBe(200);
    const submitted = await t.call('POST', `/api/v1/unit-reports/${saved.body.data.report.id}/submit`, {
      revision: saved.body.data.report.revision,
    });
    expect(submitted.status).toBe(200);
    return submitted.body.data.report as { id: string; revision: number };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const create = async (code: string, name: string, level: string, kind: string, parentId: string) =>
      (await t.call('POST', '/api/v1/localities', { code, name, level, kind, parentId })).body.data
        .id as string;
    provinceId = await create('01', 'Tỉnh Một', 'province', 'tỉnh', t.rootLocalityId);
    const id = await create('X-An', 'Xã An', 'commune', 'xã', provinceId);
    commune = { id, ...(await buildCommunePlan(t, id, { taskLead: 'office' })) };
  });
  afterAll(() => t.close());

  it('should show the new figures after each write, never a stored summary of before', async () => {
    let before = await current();
    const revisions = [await revisionOf(t.handle.db, commune.planId)];

    // A report accepted: the centre's rate, 900 of 1,000.
    const report = await submit(commune.centre, {
      values: [{ indicatorId: commune.rate, numerator: 900, denominator: 1000 }],
    });
    expect(
      (await t.call('POST', `/api/v1/unit-reports/${report.id}/accept`, { revision: report.revision }))
        .status,
    ).toBe(200);
    before = await expectNewFigures(before, 'a report accepted');
    expect(before.province).toMatchObject({ reports: { accepted: 1 } });

    // A report submitted, then returned: waiting for review, then not.
    const office = await submit(commune.office, { values: [{ indicatorId: commune.count, value: 2 }] });
    before = await expectNewFigures(before, 'a report submitted');
    expect(before.province).toMatchObject({ reports: { pendingReview: 1 } });
    const returned = await t.call('POST', `/api/v1/unit-reports/${office.id}/return`, {
      revision: office.revision,
      reason: 'Thiếu minh chứng',
    });
    expect(returned.status).toBe(200);
    before = await expectNewFigures(before, 'a report returned');
    expect(before.province).toMatchObject({ reports: { pendingReview: 0 } });

    // A target edited: 90% is no longer reached by 900 of 1,000.
    expect(
      (await t.call('PUT', `/api/v1/indicators/${commune.rate}/targets/2026`, { op: '>=', value: 95 }))
        .status,
    ).toBe(200);
    before = await expectNewFigures(before, 'a target edited');

    // A task's deadline moved past today (25/11/2026): no longer overdue.
    const overdue = before.province.overdueTasks;
    expect(
      (await t.call('PATCH', `/api/v1/tasks/${commune.task}`, { deadlineText: 'Trong Quý IV/2026' })).status,
    ).toBe(200);
    expect((await t.handle.db.select().from(task).where(eq(task.id, commune.task)))[0]?.deadlineDate).toBe(
      '2026-12-31',
    );
    before = await expectNewFigures(before, 'a task deadline edited');
    expect(before.province.overdueTasks).toBeLessThan(overdue);

    // An indicator added (no report gave it a value yet), then deleted.
    const spare = await buildIndicator(t, commune.planId, {
      code: 'I.3',
      name: 'Số điểm truy cập Internet công cộng',
      unit: 'điểm',
      leadUnitId: commune.office,
      targets: [{ year: 2026, op: '>=', value: 2, rawText: '02' }],
    });
    before = await expectNewFigures(before, 'an indicator added');
    expect(before.province).toMatchObject({ indicatorCount: 3 });
    expect((await t.call('DELETE', `/api/v1/indicators/${spare.id}`)).status).toBe(204);
    before = await expectNewFigures(before, 'an indicator deleted');
    expect(before.province).toMatchObject({ indicatorCount: 2 });

    revisions.push(await revisionOf(t.handle.db, commune.planId));
    expect(revisions[1]).toBeGreaterThan(revisions[0]!);

    // Another date: its own evaluation (on 5/12 the office's returned report is past its due date, 30/11).
    const december = await overviewOf(provinceId, '?asOf=2026-12-05');
    expect(december).toEqual(await freshOverviewOf(provinceId, '?asOf=2026-12-05'));
    expect(rowOf(december, commune.id)).not.toEqual(before.province);
    expect(rowOf(december, commune.id)).toMatchObject({ reports: { missing: 1 } });
    expect(before.province).toMatchObject({ reports: { missing: 0 } });
    expect(rowOf(await overviewOf(provinceId), commune.id)).toEqual(before.province);
  });
});
