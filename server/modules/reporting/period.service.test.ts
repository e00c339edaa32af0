/**
 * The period service on the real database, without HTTP (the "medium" tier): built only with the deps it
 * is given — the database, a clock and a directory narrowed to the plan scope and the audit trail — on a
 * locality and a plan made for the test, not the demo data.
 */
import { ZCreateLocalityRequest } from '@core/schemas/locality.schemas';
import { ZCreatePlanRequest } from '@core/schemas/plan.schemas';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, reportingPeriod } from '../../db/schema';
import { recordAudit } from '../../shared/audit-log';
import { fixedClock } from '../../test/test-app';
import { createTestDatabase, type TestDatabase } from '../../test/test-db';
import { systemActor } from '../auth/access';
import { createLocalityService } from '../locality/locality.service';
import { createPlanService, loadPlanInScope } from '../plan/plan.service';
import { createPeriodService } from './period.service';

const context = { actor: systemActor('test'), ip: null, userAgent: null };

describe('period service (medium tier: real database, no HTTP)', () => {
  let handle: TestDatabase;
  let planId: string;
  let periods: ReturnType<typeof createPeriodService>;
  const periodCount = async () =>
    Number(
      (
        await handle.db.select({ n: count() }).from(reportingPeriod).where(eq(reportingPeriod.planId, planId))
      )[0]!.n,
    );

  beforeAll(async () => {
    handle = await createTestDatabase();
    const localities = createLocalityService({ db: handle.db, clock: fixedClock });
    const nation = await localities.create(
      context,
      ZCreateLocalityRequest.parse({ code: 'VN', name: 'Việt Nam', level: 'nation', kind: 'quốc gia' }),
    );
    const province = await localities.create(
      context,
      ZCreateLocalityRequest.parse({
        code: '99',
        name: 'Tỉnh Thử Nghiệm',
        level: 'province',
        kind: 'tỉnh',
        parentId: nation.id,
      }),
    );
    const commune = await localities.create(
      context,
      ZCreateLocalityRequest.parse({
        code: '99901',
        name: 'Thử Nghiệm',
        level: 'commune',
        kind: 'xã',
        parentId: province.id,
      }),
    );
    const plan = await createPlanService({ db: handle.db, clock: fixedClock }).create(
      context,
      ZCreatePlanRequest.parse({
        localityId: commune.id,
        issuerKind: 'government',
        issuer: 'UBND xã Thử Nghiệm',
        number: '1/KH-UBND',
        issuedDate: '2025-03-01',
        title: 'Kế hoạch thử chuyển đổi số',
        reporting: [{ frequency: 'annual', due: '11-30' }],
      }),
    );
    planId = plan.plan.id;
    periods = createPeriodService({
      db: handle.db,
      clock: fixedClock,
      directory: { loadPlanInScope, recordAudit },
    });
  }, 120_000);
  afterAll(() => handle.close());

  it('should create the annual periods from the plan’s year to this year once, and keep them on a second call', async () => {
    expect(await periodCount()).toBe(0);
    const listed = await periods.listPeriods(context, planId);
    // The test clock is 25/11/2026: 2025 and 2026, each due on the printed 30/11.
    expect(listed.map((row) => [row.key, row.dueDate])).toEqual([
      ['2025', '2025-11-30'],
      ['2026', '2026-11-30'],
    ]);
    const again = await periods.listPeriods(context, planId);
    expect(again.map((row) => row.id)).toEqual(listed.map((row) => row.id));
    expect(await periodCount()).toBe(2);
  });

  it('should open an ad hoc period with its audit entry, and show nobody owing a report in a plan without lead units', async () => {
    const auditsBefore = Number((await handle.db.select({ n: count() }).from(auditEvent))[0]!.n);
    const adhoc = await periods.createAdhocPeriod(context, planId, {
      label: 'Báo cáo đột xuất về chữ ký số',
      dataFrom: '2026-01-01',
      dataTo: '2026-10-31',
      dueDate: '2026-11-20',
    });
    expect(adhoc).toMatchObject({ regimeId: null, key: expect.stringMatching(/^adhoc-/) });
    const audits = await handle.db.select().from(auditEvent).where(eq(auditEvent.entityId, adhoc.id));
    expect(audits).toMatchObject([{ entityType: 'reporting_period', action: 'create', planId }]);
    expect(Number((await handle.db.select({ n: count() }).from(auditEvent))[0]!.n)).toBe(auditsBefore + 1);
    const period = await periods.getPeriod(context, adhoc.id);
    expect(period).toMatchObject({ period: { id: adhoc.id }, obligations: [], canEnterOnBehalf: true });
  });

  it('should answer PERIOD_NOT_FOUND for an unknown period and REPORT_NOT_FOUND for an unknown report', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(periods.getPeriod(context, unknown)).rejects.toMatchObject({ code: 'PERIOD_NOT_FOUND' });
    await expect(periods.loadReportInScope(handle.db, context.actor, unknown)).rejects.toMatchObject({
      code: 'REPORT_NOT_FOUND',
    });
  });
});
