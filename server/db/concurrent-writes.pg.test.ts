/**
 * Two people writing at the same moment, on PostgreSQL (PGlite has one connection, so no two transactions
 * ever interleave there):
 * - two transactions writing the same two plans in opposite orders. Every write to a plan's rows moves that
 *   plan's evaluation revision in the same transaction (migration 0019), so they wait on each other's
 *   revision rows even when they touch different indicators, and PostgreSQL ends one of them (a deadlock).
 *   Nothing of that one is saved, and the person gets a Vietnamese "try again", not a 500;
 * - two people adding the first row of a new group at once get the one group, not a "duplicate" error.
 */
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOfDatabase } from '../http/error-handler';
import { findOrCreateGroup } from '../shared/plan-contents';
import { buildIndicator, buildLocality, buildPlan } from '../test/factories';
import { buildTestApp, type TestApp } from '../test/test-app';
import { openPostgres } from './client';
import { isConcurrentWriteConflict } from './errors';
import { indicatorGroup } from './schema';

describe('concurrent writes', () => {
  let t: TestApp;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await t?.close();
  });

  const connect = async () => {
    const client = new pg.Client({ connectionString: t.handle.url! });
    await client.connect();
    clients.push(client);
    return client;
  };

  /** Whether the session of that process waits for a lock. */
  const waitsForLock = async (observer: pg.Client, pid: number) =>
    (
      await observer.query<{ waiting: boolean }>(
        `select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1`,
        [pid],
      )
    ).rows[0]?.waiting === true;

  it('ends one of two transactions writing two plans in opposite orders with a "try again" conflict, saves nothing of it, and commits the other', async () => {
    const locality = await buildLocality(t);
    const planA = await buildPlan(t, locality.id);
    const planB = await buildPlan(t, locality.id);
    const a1 = await buildIndicator(t, planA.id, { code: 'A.1' });
    const a2 = await buildIndicator(t, planA.id, { code: 'A.2' });
    const b1 = await buildIndicator(t, planB.id, { code: 'B.1' });
    const b2 = await buildIndicator(t, planB.id, { code: 'B.2' });
    const [first, second, observer] = [await connect(), await connect(), await connect()];
    const rename = (client: pg.Client, id: string, name: string) =>
      client.query('update indicator set name = $2 where id = $1', [id, name]);

    await first.query('begin');
    await second.query('begin');
    await rename(first, a1.id, 'Đổi bởi phiên thứ nhất');
    await rename(second, b1.id, 'Đổi bởi phiên thứ hai');
    // Different indicators of plan B: only the revision row of plan B, held by the second, stops the first.
    const firstCrosses = rename(first, b2.id, 'Đổi bởi phiên thứ nhất');
    firstCrosses.catch(() => {});
    const firstPid = (first as unknown as { processID: number }).processID;
    await expect.poll(() => waitsForLock(observer, firstPid), { timeout: 15_000 }).toBe(true);
    const secondCrosses = rename(second, a2.id, 'Đổi bởi phiên thứ hai');
    secondCrosses.catch(() => {});

    const outcomes = await Promise.allSettled([firstCrosses, secondCrosses]);
    const failed = outcomes.flatMap((outcome, index) => (outcome.status === 'rejected' ? [index] : []));
    expect(failed).toHaveLength(1);
    const reason = (outcomes[failed[0]!] as PromiseRejectedResult).reason;
    expect(isConcurrentWriteConflict(reason)).toBe(true);
    const shown = appErrorOfDatabase(reason);
    expect(shown?.code).toBe('CONCURRENT_WRITE');
    expect(shown?.status).toBe(409);
    expect(shown?.message).toContain('Vui lòng thử lại');

    const [loser, winner] = failed[0] === 0 ? [first, second] : [second, first];
    await loser.query('rollback');
    await winner.query('commit');
    const names = await observer.query<{ code: string; name: string }>(
      'select code, name from indicator where id = any($1) order by code',
      [[a1.id, a2.id, b1.id, b2.id]],
    );
    const winnerName = winner === first ? 'Đổi bởi phiên thứ nhất' : 'Đổi bởi phiên thứ hai';
    const changed = names.rows.filter((row) => row.name.startsWith('Đổi bởi'));
    expect(changed.map((row) => row.name)).toEqual([winnerName, winnerName]);
  });

  it('gives two people who add the first row of a new group at once the one group', async () => {
    const locality = await buildLocality(t);
    const plan = await buildPlan(t, locality.id);
    const other = await openPostgres(t.handle.url!);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      let firstGroup: { id: string } | undefined;
      // The first creates the group and keeps its transaction open; the second, not seeing it yet, inserts too
      // and waits on the unique name until the first commits.
      const first = t.handle.db.transaction(async (tx) => {
        firstGroup = await findOrCreateGroup(tx, indicatorGroup, plan.id, 'Nhóm mới');
        await released;
      });
      await expect.poll(() => firstGroup, { timeout: 15_000 }).toBeDefined();
      const second = other.db.transaction((tx) => findOrCreateGroup(tx, indicatorGroup, plan.id, 'Nhóm mới'));
      second.catch(() => {});
      const observer = await connect();
      const waiting = async () =>
        (
          await observer.query(
            `select 1 from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`,
          )
        ).rowCount;
      await expect.poll(waiting, { timeout: 15_000 }).toBe(1);
      release();
      await first;

      expect((await second).id).toBe(firstGroup!.id);
      const groups = await t.handle.db
        .select()
        .from(indicatorGroup)
        .where(eq(indicatorGroup.planId, plan.id));
      expect(groups).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
