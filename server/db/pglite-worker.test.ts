/**
 * PGlite on a worker thread (what the server runs on its data folder): the same rows, errors,
 * transactions and dumps as PGlite on the main thread, and a main thread that stays free while a long
 * statement runs. Compared against PGlite on this thread (the test databases). Runs the same under
 * test:pg: both sides are PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, type SQL, sql } from 'drizzle-orm';
import { bigint, date, interval, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestFileStore, FAKE_PDF_CONVERTER, fixedClock, TEST_CONFIG } from '../test/test-app';
import { type Database, type DatabaseHandle, openPglite, pingDatabase } from './client';
import { DataDirLockedError } from './data-dir-lock';
import { databaseErrorOf, isDatabaseUnavailable, isUniqueViolation } from './errors';
import { runMigrations } from './migrate';
import type { PgliteWorker } from './pglite-worker-client';

const root = mkdtempSync(join(tmpdir(), 'lotrinh-pglite-worker-'));
const folder = join(root, 'pglite');

/** A table of every kind of value whose parsing matters, made the same way on both databases. */
const typed = pgTable('worker_typed', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique('worker_typed_name_key'),
  day: date('day'),
  dayAsDate: date('day_as_date', { mode: 'date' }),
  at: timestamp('at', { withTimezone: true }),
  atText: timestamp('at_text', { withTimezone: true, mode: 'string' }),
  local: timestamp('local'),
  amount: numeric('amount'),
  data: jsonb('data'),
  tags: text('tags').array(),
  days: date('days').array(),
  amounts: numeric('amounts').array(),
  big: bigint('big', { mode: 'bigint' }),
  span: interval('span'),
});

const CREATE = sql`create table worker_typed (
  id uuid primary key default gen_random_uuid(), name text not null constraint worker_typed_name_key unique,
  day date, day_as_date date, at timestamptz, at_text timestamptz, local timestamp, amount numeric, data jsonb,
  tags text[], days date[], amounts numeric[], big bigint, span interval)`;

const ROW = {
  name: 'Xã An Bình',
  day: '2026-11-30',
  dayAsDate: new Date('2026-12-01T00:00:00.000Z'),
  at: new Date('2026-12-05T02:00:00.123Z'),
  atText: '2026-12-05 09:00:00+07',
  local: new Date('2026-06-15T08:30:00.000Z'),
  amount: '12345.6789',
  data: { tỉ_lệ: 0.95, danh_sách: ['một', 'hai'], lồng: { có: true, không: null } },
  tags: ['đất đai', 'y "tế"', 'a,b'],
  days: ['2026-01-01', '2026-12-31'],
  amounts: ['1.50', '-2'],
  big: 9007199254740993n,
  span: '1 day 02:00:00',
};

type Rows = Array<Record<string, unknown>>;
/** The rows of a raw statement. */
const rowsOf = async (db: Database, query: SQL): Promise<Rows> =>
  ((await db.execute(query)) as unknown as { rows: Rows }).rows;

/** Every column of every kind of read drizzle and our code make. */
const readAll = async (db: Database) => ({
  selected: await db.select().from(typed).orderBy(typed.name),
  partial: await db.select({ day: typed.day, at: typed.at, data: typed.data, days: typed.days }).from(typed),
  executed: await rowsOf(
    db,
    sql`select *, now() - now() as zero, array[${ROW.at}::timestamptz] as ats, 1::int8 as one from worker_typed order by name`,
  ),
  literals: await rowsOf(
    db,
    sql`select '2026-02-03'::date as d, '2026-02-03 04:05:06'::timestamp as ts, 1.5::numeric as n, '{"a":[1]}'::json as j, true as b, null::date as nothing, array[[1,2],[3,4]] as grid, 'a'::text as dup, 'b'::text as dup`,
  ),
});

let worker: DatabaseHandle;
let direct: DatabaseHandle;

beforeAll(async () => {
  worker = await openPglite(folder, { purpose: 'test' });
  await runMigrations(worker);
  direct = await openPglite();
  await runMigrations(direct);
  for (const handle of [worker, direct]) {
    await handle.db.execute(CREATE);
    await handle.db.insert(typed).values([ROW, { name: 'Trống' }]);
  }
});

afterAll(async () => {
  await worker?.close();
  await direct?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('PGlite on a worker thread', () => {
  it('should read every type exactly as PGlite on the main thread does', async () => {
    const [fromWorker, fromDirect] = [await readAll(worker.db), await readAll(direct.db)];
    const { id: _workerId, ...first } = fromWorker.selected[1]!;
    const { id: _directId, ...expected } = fromDirect.selected[1]!;
    expect(first).toEqual(expected);
    expect(first).toEqual({ ...ROW, atText: '2026-12-05 02:00:00+00' });
    expect(fromWorker.partial).toEqual(fromDirect.partial);
    expect(fromWorker.literals).toEqual(fromDirect.literals);
    expect(fromWorker.literals[0]).toMatchObject({ d: '2026-02-03', n: '1.5', j: { a: [1] }, dup: 'b' });
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...rest }) => rest);
    expect(strip(fromWorker.executed)).toEqual(strip(fromDirect.executed));
    expect(fromWorker.executed[1]).toMatchObject({ one: 1, big: 9007199254740993n, zero: '00:00:00' });
    expect(fromWorker.selected.map((row) => row.big)).toEqual([null, 9007199254740993n]);
  });

  it('should have run the migrations, and bring rows with a Date and a Buffer across', async () => {
    const count = sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const applied = await rowsOf(worker.db, count);
    expect(applied).toEqual(await rowsOf(direct.db, count));
    expect(Number(applied[0]!.n)).toBeGreaterThan(0);
    const bytes = Buffer.from([0, 1, 2, 254, 255]);
    const [echoed] = await rowsOf(
      worker.db,
      sql`select ${bytes}::bytea as b, ${new Date(0)}::timestamptz as t`,
    );
    expect(Buffer.from(echoed!.b as Uint8Array)).toEqual(bytes);
    expect(echoed!.t).toEqual((await rowsOf(direct.db, sql`select ${new Date(0)}::timestamptz as t`))[0]!.t);
  });

  it('should roll a transaction back when its callback throws, and a savepoint when the inner one does', async () => {
    const failed = await worker.db
      .transaction(async (tx) => {
        await tx.insert(typed).values({ name: 'Hoàn tác' });
        throw new Error('thôi');
      })
      .catch((error: Error) => error);
    expect((failed as Error).message).toBe('thôi');
    await worker.db.transaction(async (tx) => {
      await tx.insert(typed).values({ name: 'Giữ lại' });
      await tx
        .transaction(async (inner) => {
          await inner.insert(typed).values({ name: 'Điểm lưu' });
          inner.rollback();
        })
        .catch(() => {});
    });
    const names = (await worker.db.select({ name: typed.name }).from(typed)).map((row) => row.name);
    expect(names).toContain('Giữ lại');
    expect(names).not.toContain('Hoàn tác');
    expect(names).not.toContain('Điểm lưu');
    await worker.db.delete(typed).where(eq(typed.name, 'Giữ lại'));
  });

  it('should keep other statements out of an open transaction until it ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    let outsideDone = false;
    const transaction = worker.db.transaction(async (tx) => {
      await tx.insert(typed).values({ name: 'Trong giao dịch' });
      inserted();
      await held;
      // Round trips of its own while the read outside waits in the worker: it must not slip in between.
      for (let i = 0; i < 5; i++) await tx.execute(sql`select 1`);
      const doneMeanwhile = outsideDone;
      return { doneMeanwhile, rows: (await tx.select({ name: typed.name }).from(typed)).length };
    });
    await didInsert;
    const outside = worker.db
      .select({ name: typed.name })
      .from(typed)
      .then((rows) => {
        outsideDone = true;
        return rows.map((row) => row.name);
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outsideDone).toBe(false);
    release();
    expect(await transaction).toEqual({ doneMeanwhile: false, rows: 3 });
    // It ran after the commit: it sees the row, and never a half-done transaction.
    expect(await outside).toContain('Trong giao dịch');
    await worker.db.delete(typed).where(eq(typed.name, 'Trong giao dịch'));
  });

  it('should bring a database error across with its code, constraint and detail', async () => {
    const errorOn = (db: Database) =>
      db
        .insert(typed)
        .values({ name: 'Trống' })
        .catch((error: unknown) => error);
    const [fromWorker, fromDirect] = [await errorOn(worker.db), await errorOn(direct.db)];
    expect(isUniqueViolation(fromWorker)).toBe(true);
    expect(databaseErrorOf(fromWorker)).toEqual(databaseErrorOf(fromDirect));
    expect(databaseErrorOf(fromWorker)).toMatchObject({
      code: '23505',
      constraint: 'worker_typed_name_key',
      detail: 'Key (name)=(Trống) already exists.',
      table: 'worker_typed',
    });
    expect(isDatabaseUnavailable(fromWorker)).toBe(false);
  });

  it('should keep the main thread running other callbacks during a long statement', async () => {
    let ticks = 0;
    let pending = true;
    const statement = rowsOf(
      worker.db,
      sql`select count(*) from generate_series(1, 3000000) as s(n) where n % 7 = 3`,
    ).finally(() => {
      pending = false;
    });
    // Counts the turns of the event loop the main thread gets while the statement runs in the worker.
    while (pending) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      ticks++;
    }
    expect((await statement)[0]).toEqual({ count: 428572 });
    // On the main thread the statement is one synchronous stretch of WebAssembly: no turn at all.
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('should dump its folder into a copy that PGlite on the main thread opens', async () => {
    const dump = await (worker.pglite as PgliteWorker).dumpDataDir('gzip');
    const copy = await openPglite(undefined, { loadDataDir: dump });
    try {
      const names = (await copy.db.select({ name: typed.name }).from(typed)).map((row) => row.name);
      expect(names.sort()).toEqual(['Trống', 'Xã An Bình']);
    } finally {
      await copy.close();
    }
  });

  it('should keep the data folder locked in this process while the worker has it open', async () => {
    const refusal = await openPglite(folder, { purpose: 'test' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
  });
});

describe('PGlite worker that stops', () => {
  it('should fail the waiting and later calls, and the server then answers "not ready" (503)', async () => {
    const dump = await (worker.pglite as PgliteWorker).dumpDataDir('none');
    const handle = await openPglite(undefined, { worker: true, loadDataDir: dump });
    const storage = createTestFileStore();
    const app = await createApp({
      db: handle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage,
      pdf: FAKE_PDF_CONVERTER,
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health/ready' })).statusCode).toBe(200);
      const waiting = handle.db
        .execute(sql`select count(*) from generate_series(1, 50000000)`)
        .catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await (handle.pglite as PgliteWorker).terminate();
      const error = await waiting;
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(String((error as { cause?: Error }).cause?.message ?? error)).toMatch(/database worker stopped/);
      await expect(handle.db.select().from(typed)).rejects.toThrow();
      expect(await pingDatabase(handle.db)).toBe(false);
      const ready = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ error: 'database_unavailable' });
      // The process itself still answers, and a request that needs the database gets a 503, not a 500.
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: 'sai-mat-khau' },
      });
      expect(signIn.statusCode).toBe(503);
    } finally {
      await app.close();
      await handle.close();
      storage.removeFolder();
    }
  });

  it('should tell whoever opened it when the worker ends by a crash, and not when it is closed', async () => {
    const dump = await (worker.pglite as PgliteWorker).dumpDataDir('none');
    const crashes: Error[] = [];
    const crashing = await openPglite(undefined, {
      worker: true,
      loadDataDir: dump,
      onStopped: (error) => crashes.push(error),
    });
    await (crashing.pglite as PgliteWorker).terminate();
    await expect.poll(() => crashes.length).toBe(1);
    expect(crashes[0]!.message).toMatch(/database worker stopped/);
    await crashing.close();

    const closed: Error[] = [];
    const closing = await openPglite(undefined, {
      worker: true,
      loadDataDir: dump,
      onStopped: (error) => closed.push(error),
    });
    await closing.db.execute(sql`select 1`);
    await closing.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toEqual([]);
  });

  it('should close: later calls fail as with PGlite closed, and the folder can be opened again', async () => {
    await worker.close();
    const error = await worker.db.execute(sql`select 1`).catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(error)).toBe(true);
    worker = await openPglite(folder, { purpose: 'test' });
    expect((await worker.db.select({ name: typed.name }).from(typed)).length).toBe(2);
  });
});
