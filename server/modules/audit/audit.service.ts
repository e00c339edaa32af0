import type { TAuditEvent, TListAuditEventsQuery } from '@core/schemas/auth.schemas';
import { and, count, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appUser, auditEvent, indicator } from '../../db/schema';
import type { RequestContext } from '../../http/request-context';
import type { Actor, Role } from '../auth/access';
import { readableLocalityIds } from '../auth/scope';

/** The first instant of a calendar day in Vietnam (UTC+7): date filters are days as users mean them. */
const startOfVietnamDay = (iso: string) => new Date(`${iso}T00:00:00.000+07:00`);
const nextVietnamDay = (iso: string) => new Date(startOfVietnamDay(iso).getTime() + 86_400_000);

type Snapshot = Record<string, unknown> | null;
const field = (snapshot: Snapshot, key: string): string | null => {
  const value = snapshot?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

const ADMIN_ROLES: readonly Role[] = ['system_admin', 'locality_admin'];

const ROLE_NAMES: Record<string, string> = {
  system_admin: 'Quản trị hệ thống',
  locality_admin: 'Quản trị địa phương',
  leader: 'Lãnh đạo',
  standing_officer: 'Cán bộ cơ quan thường trực',
  unit_officer: 'Cán bộ đơn vị',
  inspector: 'Thanh tra / giám sát',
};

export const createAuditService = ({ db }: { db: Database }) => {
  /**
   * A short, readable name for what an event changed ("Tỷ lệ phủ sóng 5G – mục tiêu năm 2026"), from
   * its snapshots and, for a target or a role, the indicator or person it belongs to.
   */
  const labelEvents = async (rows: Array<typeof auditEvent.$inferSelect>) => {
    const parentIds = [
      ...new Set(rows.map((row) => row.parentEntityId).filter((id): id is string => id != null)),
    ];
    const indicators = parentIds.length
      ? await db
          .select({ id: indicator.id, name: indicator.name })
          .from(indicator)
          .where(inArray(indicator.id, parentIds))
      : [];
    const users = parentIds.length
      ? await db
          .select({ id: appUser.id, name: appUser.displayName })
          .from(appUser)
          .where(inArray(appUser.id, parentIds))
      : [];
    const names = new Map([...indicators, ...users].map((row) => [row.id, row.name]));
    return (row: typeof auditEvent.$inferSelect): string | null => {
      const snapshot = ((row.after ?? row.before) as Snapshot) ?? null;
      const parent = row.parentEntityId ? (names.get(row.parentEntityId) ?? null) : null;
      switch (row.entityType) {
        case 'indicator_target':
          return `${parent ?? 'Chỉ tiêu đã xóa'} – mục tiêu năm ${field(snapshot, 'year') ?? '?'}`;
        case 'role_assignment':
          return `${parent ?? 'Người dùng'} – ${ROLE_NAMES[field(snapshot, 'role') ?? ''] ?? field(snapshot, 'role') ?? 'vai trò'}`;
        case 'plan':
          return [field(snapshot, 'number'), field(snapshot, 'title')].filter(Boolean).join(' – ') || null;
        case 'user':
          return field(snapshot, 'displayName') ?? field(snapshot, 'username');
        case 'attachment':
          return field(snapshot, 'fileName');
        case 'reporting_period':
          return field(snapshot, 'label');
        case 'unit_report':
          return `Báo cáo của đơn vị, phiên bản ${field(snapshot, 'version') ?? '1'}`;
        case 'consolidated_report':
          return 'Báo cáo tổng hợp';
        default:
          return field(snapshot, 'name');
      }
    };
  };

  /**
   * Who sees where a change came from (address and browser): administrators only, that is the system
   * administrators and the locality administrators of the event's locality (or an ancestor). An event
   * filed under no locality (a user account) shows it to administrators at the root of the tree only.
   */
  const originVisibility = async (actor: Actor): Promise<(localityId: string | null) => boolean> => {
    if (actor.kind === 'system') return () => true;
    const administered = await readableLocalityIds(db, {
      ...actor,
      assignments: actor.assignments.filter((assignment) => ADMIN_ROLES.includes(assignment.role)),
    });
    if (administered === null) return () => true;
    const ids = new Set(administered);
    return (localityId) => localityId !== null && ids.has(localityId);
  };

  /**
   * Lists changes in the actor's scope, newest first: by person, entity type, entity (with what belongs
   * to it, e.g. an indicator's targets), plan and date range (both days included, Vietnam time). The
   * address and browser of each event are left out except for its administrators (`originVisibility`).
   *
   * @returns one page of events and how many match in all
   */
  const list = async (
    context: RequestContext,
    query: TListAuditEventsQuery,
  ): Promise<{ events: TAuditEvent[]; total: number }> => {
    const readable = await readableLocalityIds(db, context.actor);
    if (readable?.length === 0) return { events: [], total: 0 };
    const where = and(
      ...([
        readable ? inArray(auditEvent.localityId, readable) : undefined,
        query.actorUserId ? eq(auditEvent.actorUserId, query.actorUserId) : undefined,
        query.entityType ? eq(auditEvent.entityType, query.entityType) : undefined,
        query.entityId
          ? or(eq(auditEvent.entityId, query.entityId), eq(auditEvent.parentEntityId, query.entityId))
          : undefined,
        query.planId ? eq(auditEvent.planId, query.planId) : undefined,
        query.from ? gte(auditEvent.at, startOfVietnamDay(query.from)) : undefined,
        query.to ? lt(auditEvent.at, nextVietnamDay(query.to)) : undefined,
      ] satisfies Array<SQL | undefined>),
    );
    const rows = await db
      .select()
      .from(auditEvent)
      .where(where)
      .orderBy(desc(auditEvent.seq))
      .limit(query.limit)
      .offset(query.offset);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(auditEvent).where(where);
    const labelOf = await labelEvents(rows);
    const showsOrigin = await originVisibility(context.actor);
    return {
      events: rows.map(({ seq: _seq, ip, userAgent, ...row }) => ({
        ...row,
        ...(showsOrigin(row.localityId) ? { ip, userAgent } : {}),
        at: row.at.toISOString(),
        entityLabel: labelOf({ seq: 0, ip, userAgent, ...row }),
      })),
      total: Number(total),
    };
  };

  return { list };
};

export type AuditService = ReturnType<typeof createAuditService>;
