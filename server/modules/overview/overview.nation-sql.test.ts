/**
 * The nation's overview summed in SQL (overview.nation.ts) against the same overview evaluated in
 * JavaScript from every plan's summary (the way before, `nationInSql: false`), on a generated nation of
 * several provinces with what makes the sums differ: a unit spelt two ways, another unit, figures
 * without a fraction, fractional numerators, a count and a rank of the catalog, a commune with a second
 * (newer) plan, an empty province; before the due date and after, cold and warm, for several codes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchNation, buildNation } from '../../../scripts/bench/nation-data';
import { createServices } from '../../app';
import type { RequestContext } from '../../http/request-context';
import { createTestFileStore, TEST_CONFIG } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { systemActor } from '../auth/access';
import { groupBy } from './overview.evaluation';
import { aggregateNation } from './overview.nation';
import { listChildLocalities, listGrandchildLocalities } from './overview.repository';
import { landOfArea } from './overview.scope';
import { createOverviewService, type OverviewService } from './overview.service';

const context: RequestContext = { actor: systemActor('test'), ip: null, userAgent: null };
const COUNT = 'CDS.CQS.DO_THI_THONG_MINH';
const RANK = 'CDS.CQS.XEP_HANG_DTI';

describe('the nation summed in SQL', () => {
  let handle: TestDatabase;
  let nation: BenchNation;
  let inSql: OverviewService;
  let inJs: OverviewService;
  let catalog: ReturnType<typeof createServices>['catalog'];
  const storage = createTestFileStore();
  const codeOf: Record<string, string> = {};

  const run = (statement: ReturnType<typeof sql>) => handle.db.execute(statement);

  beforeAll(async () => {
    handle = await createTestDatabase();
    nation = await buildNation(handle.db, [4, 3, 3, 0]);
    const services = createServices({
      db: handle.db,
      clock: { now: () => new Date('2026-12-05T02:00:00.000Z') },
      config: TEST_CONFIG,
      storage,
    });
    catalog = services.catalog;
    const deps = {
      db: handle.db,
      clock: { now: () => new Date('2026-12-05T02:00:00.000Z') },
      catalog: services.catalog,
      reporting: services.reporting,
      notifications: services.notification,
    };
    inSql = createOverviewService(deps);
    inJs = createOverviewService({ ...deps, nationInSql: false });
    const [p0, p1, p2] = nation.provinces;
    const codes = (await run(
      sql`select code, catalog_code from indicator where plan_id = ${p0!.planIds[0]}`,
    )) as unknown as {
      rows: Array<{ code: string; catalog_code: string }>;
    };
    for (const row of codes.rows) codeOf[row.code] = row.catalog_code;
    const plansOf = (ids: string[]) =>
      sql`(${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
    // The catalog's unit spelt another way (counts as it), and another unit (left out).
    await run(sql`update indicator set unit = ' % ' where code = 'I.1' and plan_id = ${p0!.planIds[0]}`);
    await run(sql`update indicator set unit = 'người' where code = 'I.2' and plan_id = ${p0!.planIds[0]}`);
    // Figures without their fraction (a rate left out of the value), fractional numerators.
    await run(sql`update indicator_value set numerator = null, denominator = null where indicator_id in
      (select id from indicator where code = 'I.3' and plan_id = ${p0!.planIds[1]})`);
    await run(sql`update indicator_value set numerator = numerator + 0.1 where indicator_id in
      (select id from indicator where code = 'I.6' and plan_id in ${plansOf(p2!.planIds)})`);
    // A count (summed) and a rank (not added up) of the catalog, value only.
    await run(sql`update indicator set catalog_code = ${COUNT}, unit = 'số lượng' where code = 'I.4'
      and plan_id in ${plansOf(p1!.planIds)}`);
    await run(sql`update indicator_value set numerator = null, denominator = null, value = value / 7
      where indicator_id in (select id from indicator where code = 'I.4' and plan_id in ${plansOf(p1!.planIds)})`);
    await run(sql`update indicator set catalog_code = ${RANK}, unit = 'thứ bậc' where code = 'I.5'
      and plan_id in ${plansOf(p1!.planIds)}`);
    await run(sql`update indicator_value set numerator = null, denominator = null where indicator_id in
      (select id from indicator where code = 'I.5' and plan_id in ${plansOf(p1!.planIds)})`);
    // A province whose communes all state another unit.
    await run(
      sql`update indicator set unit = 'điểm' where code = 'I.7' and plan_id in ${plansOf(p1!.planIds)}`,
    );
    // A newer plan in a commune, mapping some codes, with no report yet.
    await run(sql`insert into plan (id, locality_id, issuer_kind, issuer, number, issued_date, title)
      select gen_random_uuid(), locality_id, 'government', issuer, '9/KH-UBND', '2026-01-10', 'Kế hoạch mới'
      from plan where id = ${p0!.planIds[2]}`);
    await run(sql`insert into indicator (id, plan_id, position, code, name, unit, catalog_code, lead_unit_id, measure)
      select gen_random_uuid(), n.id, i.position, i.code, i.name, i.unit, i.catalog_code, i.lead_unit_id, i.measure
      from indicator i join plan n on n.number = '9/KH-UBND' where i.plan_id = ${p0!.planIds[2]} and i.position < 5`);
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    await storage.removeFolder();
  });

  it('should give the figures of the evaluation in JavaScript', async () => {
    const queries = [
      {},
      { valuesOf: codeOf['I.1'] },
      { valuesOf: codeOf['I.3'] },
      { valuesOf: codeOf['I.6'] },
      { valuesOf: codeOf['I.7'] },
      { valuesOf: COUNT },
      { valuesOf: RANK },
      { catalogCode: codeOf['I.2'] },
    ];
    for (const asOf of ['2026-11-25', '2026-12-05']) {
      await run(sql`delete from plan_evaluation_summary`);
      for (const [index, query] of queries.entries()) {
        const summed = await inSql.getLocalityOverview(context, nation.nationId, { asOf, ...query });
        const evaluated = await inJs.getLocalityOverview(context, nation.nationId, { asOf, ...query });
        expect(summed, `${asOf} ${JSON.stringify(query)}${index === 0 ? ' cold' : ''}`).toEqual(evaluated);
      }
    }
    const overview = await inSql.getLocalityOverview(context, nation.nationId, {});
    // Not a trivial comparison: scored provinces, an empty one, roll-ups of every kind.
    expect(overview.localities.filter((row) => row.score != null)).toHaveLength(3);
    expect(overview.localities.find((row) => row.planCount === 0)?.communes?.total).toBe(0);
    const methods = new Set(overview.rollups.map((row) => row.method));
    expect([...methods].sort()).toEqual(['none', 'ratio', 'sum']);
    expect(overview.summary.communes).toEqual({ total: 10, withPlans: 10, lateReporting: 10, received: 0 });
  }, 180_000);

  it('should answer from SQL, and leave to JavaScript a value it would have to rebuild', async () => {
    const asOf = '2026-12-05';
    const area = { rootId: nation.nationId, depth: 2 as const, asOf };
    const provinces = await listChildLocalities(handle.db, nation.nationId, asOf);
    const communes = await listGrandchildLocalities(handle.db, nation.nationId, asOf);
    const aggregate = async () =>
      aggregateNation({
        db: handle.db,
        area,
        land: await landOfArea(handle.db, area),
        year: 2026,
        provinces,
        communesByProvince: groupBy(communes, (row) => row.parentId),
        entries: catalog.list(),
        catalogCode: undefined,
        valuesOf: undefined,
      });
    await inSql.getLocalityOverview(context, nation.nationId, { asOf });
    expect(await aggregate()).not.toBeNull();
    // A rate stored without its value (its fraction only): the value shown is rebuilt, as JavaScript does.
    await run(sql`update indicator_value set value = null where indicator_id in
      (select id from indicator where code = 'I.8' and plan_id = ${nation.provinces[2]!.planIds[0]})`);
    await inSql.getLocalityOverview(context, nation.nationId, { asOf });
    expect(await aggregate()).toBeNull();
    expect(await inSql.getLocalityOverview(context, nation.nationId, { asOf })).toEqual(
      await inJs.getLocalityOverview(context, nation.nationId, { asOf }),
    );
  }, 180_000);
});
