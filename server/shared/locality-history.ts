/**
 * The history of the locality tree (docs/locality-history.md): which localities are in force on a date,
 * which former localities a locality succeeds, and where a former locality's land went.
 *
 * A locality is in force on a date d when `valid_from` is null or ≤ d and `valid_to` is null or ≥ d.
 * `locality_succession` ties a former locality (predecessor) to each locality that took its land
 * (successor) from `effective_date`, the whole of it or a part.
 */
import { toSearchText } from '@core/domain/text';
import { and, asc, eq, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { locality, localityName, localityNameScheduled } from '../db/schema';
import type { RequestContext } from '../http/request-context';
import { systemActor } from '../modules/auth/access';
import { recordAudit } from './audit-log';

/** Who the audit trail names for a name that came into force on its own day. */
const SCHEDULE_CONTEXT: RequestContext = {
  actor: systemActor('Lịch đổi tên đã định'),
  ip: null,
  userAgent: null,
};

/** The condition "this locality is in force on that date" (a date 'YYYY-MM-DD'). */
export const inForceOn = (asOf: string): SQL =>
  sql`(${locality.validFrom} is null or ${locality.validFrom} <= ${asOf}::date) and (${locality.validTo} is null or ${locality.validTo} >= ${asOf}::date)`;

/**
 * The name a locality bears on a date: the last name scheduled from that date or before (a rename
 * decided ahead, `locality_name_scheduled`), else the first former name (`locality_name`) used until
 * that date or later, else the row's name (the one in force today). For a select over `locality`
 * (unaliased).
 */
export const nameOn = (asOf: string): SQL<string> =>
  sql<string>`coalesce((select s.name from locality_name_scheduled s where s.locality_id = ${locality.id} and s.valid_from <= ${asOf}::date order by s.valid_from desc limit 1), (select n.name from locality_name n where n.locality_id = ${locality.id} and n.valid_to >= ${asOf}::date order by n.valid_to limit 1), ${locality.name})`;

/** The kind a locality has on a date (xã before it became a phường), as `nameOn`. */
export const kindOn = (asOf: string): SQL<string> =>
  sql<string>`coalesce((select s.kind from locality_name_scheduled s where s.locality_id = ${locality.id} and s.valid_from <= ${asOf}::date order by s.valid_from desc limit 1), (select n.kind from locality_name n where n.locality_id = ${locality.id} and n.valid_to >= ${asOf}::date order by n.valid_to limit 1), ${locality.kind})`;

/**
 * Settles the names scheduled to take effect by `today` (a 'YYYY-MM-DD' Vietnam date): each becomes the
 * row's name and kind, and the name it replaces is kept in `locality_name` until the day before. Run by
 * the background jobs (every minute) and before changes are applied; safe in several processes (a
 * scheduled name is claimed by deleting it). Idempotent: nothing is due, nothing is written. Each settled
 * name is written to the audit trail (the decision itself was audited when it was scheduled).
 *
 * @param at - now, for the audit entry
 * @returns how many names were settled
 */
export const settleScheduledNames = async (executor: Executor, today: string, at: Date): Promise<number> => {
  const due = await executor
    .select()
    .from(localityNameScheduled)
    .where(lte(localityNameScheduled.validFrom, today))
    .orderBy(asc(localityNameScheduled.validFrom));
  let settled = 0;
  for (const next of due) {
    const claimed = await executor
      .delete(localityNameScheduled)
      .where(
        and(
          eq(localityNameScheduled.localityId, next.localityId),
          eq(localityNameScheduled.validFrom, next.validFrom),
        ),
      )
      .returning();
    if (claimed.length === 0) continue;
    const [before] = await executor
      .select({ name: locality.name, kind: locality.kind })
      .from(locality)
      .where(eq(locality.id, next.localityId));
    await executor.execute(sql`
      insert into locality_name (locality_id, name, kind, valid_to)
      select id, name, kind, ${next.validFrom}::date - 1 from locality where id = ${next.localityId}
      on conflict do nothing`);
    await executor
      .update(locality)
      .set({ name: next.name, kind: next.kind, searchText: toSearchText(next.name) })
      .where(eq(locality.id, next.localityId));
    await recordAudit(executor, SCHEDULE_CONTEXT, at, {
      entityType: 'locality',
      entityId: next.localityId,
      localityId: next.localityId,
      action: 'update',
      before,
      after: { name: next.name, kind: next.kind, effectiveDate: next.validFrom },
    });
    settled++;
  }
  return settled;
};

export type FormerName = { name: string; kind: string; validTo: string };

/** The names a locality bore before (oldest first), each with its last day. */
export const findFormerNames = async (executor: Executor, id: string): Promise<FormerName[]> =>
  executor
    .select({ name: localityName.name, kind: localityName.kind, validTo: localityName.validTo })
    .from(localityName)
    .where(eq(localityName.localityId, id))
    .orderBy(asc(localityName.validTo));

/** The rows of a raw statement (PGlite and node-postgres both answer `{ rows }`). */
const rowsOf = async <T>(executor: Executor, query: SQL): Promise<T[]> =>
  ((await executor.execute(query)) as unknown as { rows: T[] }).rows;

export type SuccessionLink = {
  id: string;
  code: string;
  name: string;
  kind: string;
  share: 'whole' | 'part';
  effectiveDate: string | null;
};

/**
 * The localities a locality was formed from (predecessors) and those its land went to (successors),
 * direct ones only, by name.
 */
export const findSuccessions = async (
  executor: Executor,
  id: string,
): Promise<{ predecessors: SuccessionLink[]; successors: SuccessionLink[] }> => {
  const rows = await rowsOf<
    SuccessionLink & { side: 'predecessor' | 'successor'; effective_date: string | null }
  >(
    executor,
    sql`
    select 'predecessor' as side, l.id, l.code, l.name, l.kind, s.share, s.effective_date::text as effective_date
    from locality_succession s join locality l on l.id = s.predecessor_id
    where s.successor_id = ${id}
    union all
    select 'successor' as side, l.id, l.code, l.name, l.kind, s.share, s.effective_date::text as effective_date
    from locality_succession s join locality l on l.id = s.successor_id
    where s.predecessor_id = ${id}
    order by name, code`,
  );
  const link = (row: (typeof rows)[number]): SuccessionLink => ({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    share: row.share,
    effectiveDate: row.effective_date,
  });
  return {
    predecessors: rows.filter((row) => row.side === 'predecessor').map(link),
    successors: rows.filter((row) => row.side === 'successor').map(link),
  };
};

/**
 * The successors of a locality, theirs in turn, and all their ancestors (one query): what a former
 * locality's scope chain adds, so that a role over the land now also covers its past.
 */
export const findSuccessorChainIds = async (executor: Executor, id: string): Promise<string[]> =>
  (
    await rowsOf<{ id: string }>(
      executor,
      sql`
      with recursive successor(id) as (
        select successor_id from locality_succession where predecessor_id = ${id}
        union
        select s.successor_id from locality_succession s join successor on s.predecessor_id = successor.id
      ), upward(id) as (
        select id from successor
        union
        select l.parent_id from locality l join upward on l.id = upward.id where l.parent_id is not null
      )
      select id from upward`,
    )
  ).map((row) => row.id);

/**
 * The former localities of several localities (theirs in turn), with no end: what a role over those
 * localities may also read (their history). One query.
 */
export const findPredecessorIds = async (executor: Executor, ids: string[]): Promise<string[]> => {
  if (ids.length === 0) return [];
  return (
    await rowsOf<{ id: string }>(
      executor,
      sql`
      with recursive predecessor(id) as (
        select s.predecessor_id from locality_succession s
        where s.successor_id in (select unnest(${`{${ids.join(',')}}`}::uuid[]))
        union
        select s.predecessor_id from locality_succession s join predecessor on s.successor_id = predecessor.id
      )
      select id from predecessor`,
    )
  ).map((row) => row.id);
};

export type SuccessionEdge = {
  predecessor_id: string;
  successor_id: string;
  share: 'whole' | 'part';
  predecessor_name: string;
  predecessor_kind: string;
  successor_name: string;
  successor_kind: string;
  successor_code: string;
};

/**
 * Which successor a former locality's plans roll up to when its land went to several: among those that
 * took it whole (the register prints some split wards as whole in several, e.g. Phường Xuân La), else
 * among all, the one of the same kind and name ("Phường Ngọc Hà (phần còn lại …)" → Ngọc Hà), else the
 * one with the lowest code. One successor, whatever the order the edges come in, so that a plan counts
 * once, always in the same row.
 */
export const primarySuccessorOf = (edges: SuccessionEdge[]): string => {
  const wholes = edges.filter((edge) => edge.share === 'whole');
  const candidates = [...(wholes.length > 0 ? wholes : edges)].sort(
    (a, b) =>
      a.successor_code.localeCompare(b.successor_code) || a.successor_id.localeCompare(b.successor_id),
  );
  const namesake = candidates.find(
    (edge) =>
      edge.successor_kind === edge.predecessor_kind &&
      edge.predecessor_name.startsWith(edge.successor_name) &&
      (edge.predecessor_name === edge.successor_name ||
        edge.predecessor_name.slice(edge.successor_name.length).startsWith(' (')),
  );
  return (namesake ?? candidates[0]!).successor_id;
};

/**
 * The land of each locality on a date: the locality itself and every former locality whose land came
 * to it by then (through successions effective on or before that date, over several changes). A former
 * locality split between several is counted with one (`primarySuccessorOf`). Two queries.
 *
 * @param ids - localities in force on `asOf` (a province's communes)
 * @returns for every locality of that land (the given ones included), the given locality it rolls up to
 */
export const landOfLocalities = async (
  executor: Executor,
  ids: string[],
  asOf: string,
): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  // Every succession edge reachable backwards from the given localities, effective by then.
  const edges = await rowsOf<SuccessionEdge>(
    executor,
    sql`
    with recursive reached(id) as (
      select unnest(${`{${ids.join(',')}}`}::uuid[])
      union
      select s.predecessor_id from locality_succession s join reached on s.successor_id = reached.id
      where s.effective_date is null or s.effective_date <= ${asOf}::date
    )
    select s.predecessor_id, s.successor_id, s.share,
      p.name as predecessor_name, p.kind as predecessor_kind,
      c.name as successor_name, c.kind as successor_kind, c.code as successor_code
    from locality_succession s
    join locality p on p.id = s.predecessor_id
    join locality c on c.id = s.successor_id
    where s.predecessor_id in (select id from reached)
      and (s.effective_date is null or s.effective_date <= ${asOf}::date)`,
  );
  return ownersOf(ids, edges);
};

/**
 * The land of each given locality from the succession edges reached backwards from them (as
 * `landOfLocalities` reads them): a former locality goes down its primary successors
 * (`primarySuccessorOf`) to a given one; one that never reaches a given locality is left out.
 *
 * @returns for every locality of that land (the given ones included), the given locality it rolls up to
 */
export const ownersOf = (ids: readonly string[], edges: readonly SuccessionEdge[]): Map<string, string> => {
  const owner = new Map(ids.map((id) => [id, id] as const));
  const byPredecessor = new Map<string, SuccessionEdge[]>();
  for (const edge of edges) {
    const list = byPredecessor.get(edge.predecessor_id) ?? [];
    list.push(edge);
    byPredecessor.set(edge.predecessor_id, list);
  }
  const primary = new Map([...byPredecessor].map(([id, list]) => [id, primarySuccessorOf(list)] as const));
  // Follow each former locality down its primary successors to a given one (a bounded walk: cycles stop).
  for (const id of primary.keys()) {
    if (owner.has(id)) continue;
    let current: string | undefined = id;
    for (let step = 0; current && !owner.has(current) && step < 20; step++) current = primary.get(current);
    const reachedOwner = current ? owner.get(current) : undefined;
    if (reachedOwner) owner.set(id, reachedOwner);
  }
  return owner;
};
