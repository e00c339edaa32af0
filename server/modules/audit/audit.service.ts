import { ROLE_LABELS } from '@core/domain/user-import';
import type { TAuditEvent, TListAuditEventsQuery, TRole } from '@core/schemas/auth.schemas';
import { and, count, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appUser, auditEvent, indicator, plan, reportingPeriod, roleAssignment, unit } from '../../db/schema';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (text: string) => UUID.test(text);

const ADMIN_ROLES: readonly Role[] = ['system_admin', 'locality_admin'];

/**
 * A short, readable name for what an event changed ("Tỷ lệ phủ sóng 5G – mục tiêu năm 2026"), from its
 * snapshot and, for a target or a role, the indicator or person it belongs to.
 */
const labelOf = (
  row: typeof auditEvent.$inferSelect,
  snapshot: Snapshot,
  parent: string | null,
  subject: { unit?: string; period?: string } = {},
): string | null => {
  switch (row.entityType) {
    case 'indicator_target':
      return `${parent ?? 'Chỉ tiêu đã xóa'} – mục tiêu năm ${field(snapshot, 'year') ?? '?'}`;
    case 'role_assignment':
      return `${parent ?? 'Người dùng'} – ${ROLE_LABELS[(field(snapshot, 'role') ?? '') as TRole] ?? field(snapshot, 'role') ?? 'vai trò'}`;
    case 'plan':
      return [field(snapshot, 'number'), field(snapshot, 'title')].filter(Boolean).join(' – ') || null;
    case 'user':
      return field(snapshot, 'displayName') ?? field(snapshot, 'username');
    case 'sign_in':
      return parent ?? field(snapshot, 'username');
    case 'attachment':
      return field(snapshot, 'fileName');
    case 'reporting_period':
      return field(snapshot, 'label');
    case 'unit_report':
      return [
        'Báo cáo',
        subject.period,
        subject.unit ? `của ${subject.unit}` : 'của đơn vị',
        `(phiên bản ${field(snapshot, 'version') ?? '1'})`,
      ]
        .filter(Boolean)
        .join(' ');
    case 'consolidated_report':
      return subject.period ? `Báo cáo tổng hợp ${subject.period}` : 'Báo cáo tổng hợp';
    default:
      return field(snapshot, 'name');
  }
};

export const createAuditService = ({ db }: { db: Database }) => {
  /**
   * The names an event's sentence needs, looked up in one query per table for a page of events: the
   * actor's unit, the unit and period of a report, the indicator or person an entry belongs to, the plan.
   */
  const subjectsOf = async (rows: Array<typeof auditEvent.$inferSelect>) => {
    const snapshotOf = (row: typeof auditEvent.$inferSelect) =>
      ((row.after ?? row.before) as Snapshot) ?? null;
    const ids = (pick: (row: typeof auditEvent.$inferSelect) => string | null | undefined) => [
      ...new Set(rows.map(pick).filter((id): id is string => typeof id === 'string' && isUuid(id))),
    ];
    const periodIdOf = (row: typeof auditEvent.$inferSelect) => {
      const snapshot = snapshotOf(row);
      if (row.entityType === 'unit_report' || row.entityType === 'consolidated_report') {
        return field(snapshot, 'periodId') ?? (row.entityType === 'unit_report' ? row.parentEntityId : null);
      }
      return row.entityType === 'report_publication' || row.entityType === 'attachment'
        ? field(snapshot, 'periodId')
        : null;
    };
    const unitIdOf = (row: typeof auditEvent.$inferSelect) =>
      row.entityType === 'unit_report' ? field(snapshotOf(row), 'unitId') : null;
    const periodIds = ids(periodIdOf);
    const unitIds = ids(unitIdOf);
    const planIds = ids((row) => row.planId);
    const actorIds = ids((row) => row.actorUserId);
    const parentIds = ids((row) => row.parentEntityId);
    const [periods, units, plans, actorUnits, indicators, users] = await Promise.all([
      periodIds.length
        ? db
            .select({ id: reportingPeriod.id, name: reportingPeriod.label })
            .from(reportingPeriod)
            .where(inArray(reportingPeriod.id, periodIds))
        : [],
      unitIds.length
        ? db.select({ id: unit.id, name: unit.name }).from(unit).where(inArray(unit.id, unitIds))
        : [],
      planIds.length
        ? db
            .select({
              id: plan.id,
              number: plan.number,
              title: plan.title,
              standingAgency: unit.name,
            })
            .from(plan)
            .leftJoin(unit, eq(unit.id, plan.standingAgencyUnitId))
            .where(inArray(plan.id, planIds))
        : [],
      actorIds.length
        ? db
            .select({ userId: roleAssignment.userId, role: roleAssignment.role, name: unit.name })
            .from(roleAssignment)
            .leftJoin(unit, eq(unit.id, roleAssignment.unitId))
            .where(inArray(roleAssignment.userId, actorIds))
            .orderBy(roleAssignment.createdAt)
        : [],
      parentIds.length
        ? db
            .select({ id: indicator.id, name: indicator.name })
            .from(indicator)
            .where(inArray(indicator.id, parentIds))
        : [],
      parentIds.length
        ? db
            .select({ id: appUser.id, name: appUser.displayName })
            .from(appUser)
            .where(inArray(appUser.id, parentIds))
        : [],
    ]);
    const periodNames = new Map(periods.map((row) => [row.id, row.name]));
    const unitNames = new Map(units.map((row) => [row.id, row.name]));
    const planNames = new Map(
      plans.map((row) => [row.id, [row.number, row.title].filter(Boolean).join(' – ')]),
    );
    // The unit a person works in: the unit of their role, or, for an officer of the standing agency
    // (a role without a unit), the standing agency of the plan the change belongs to.
    const actorUnitNames = new Map<string, string>();
    const standingOfficers = new Set<string>();
    for (const row of actorUnits) {
      if (row.name && !actorUnitNames.has(row.userId)) actorUnitNames.set(row.userId, row.name);
      if (row.role === 'standing_officer') standingOfficers.add(row.userId);
    }
    const standingAgencies = new Map(
      plans.flatMap((row) => (row.standingAgency ? [[row.id, row.standingAgency] as const] : [])),
    );
    const actorUnitOf = (row: typeof auditEvent.$inferSelect): string | null => {
      if (!row.actorUserId) return null;
      const own = actorUnitNames.get(row.actorUserId);
      if (own) return own;
      return standingOfficers.has(row.actorUserId) && row.planId
        ? (standingAgencies.get(row.planId) ?? null)
        : null;
    };
    const parentNames = new Map([...indicators, ...users].map((row) => [row.id, row.name]));
    const named = (map: Map<string, string>, id: string | null | undefined) =>
      id ? map.get(id) || undefined : undefined;
    return (row: typeof auditEvent.$inferSelect) => {
      const parent = named(parentNames, row.parentEntityId);
      const subject = {
        unit: named(unitNames, unitIdOf(row)),
        period: named(periodNames, periodIdOf(row)),
        parent,
        plan: named(planNames, row.planId),
      };
      return {
        entityLabel: labelOf(row, snapshotOf(row), parent ?? null, subject),
        actorUnitName: actorUnitOf(row),
        subject: Object.fromEntries(Object.entries(subject).filter(([, value]) => value !== undefined)),
      };
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
    const subjectOf = await subjectsOf(rows);
    const showsOrigin = await originVisibility(context.actor);
    return {
      events: rows.map(({ seq: _seq, ip, userAgent, ...row }) => ({
        ...row,
        ...(showsOrigin(row.localityId) ? { ip, userAgent } : {}),
        at: row.at.toISOString(),
        ...subjectOf({ seq: 0, ip, userAgent, ...row }),
      })),
      total: Number(total),
    };
  };

  return { list };
};

export type AuditService = ReturnType<typeof createAuditService>;
