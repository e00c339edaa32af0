import type { TAuditEvent, TListAuditEventsQuery } from '@core/schemas/auth.schemas';
import { and, desc, eq, gte, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { auditEvent } from '../../db/schema';
import type { RequestContext } from '../../http/route';
import { readableLocalityIds } from '../auth/scope';

const nextDay = (iso: string) => {
  const date = new Date(`${iso}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
};

export const createAuditService = ({ db }: { db: Database }) => {
  /**
   * Lists changes in the actor's scope, newest first: by person, entity type, entity (with what belongs
   * to it, e.g. an indicator's targets), plan and date range (both days included, UTC).
   */
  const list = async (context: RequestContext, query: TListAuditEventsQuery): Promise<TAuditEvent[]> => {
    const readable = await readableLocalityIds(db, context.actor);
    if (readable?.length === 0) return [];
    const conditions: Array<SQL | undefined> = [
      readable ? inArray(auditEvent.localityId, readable) : undefined,
      query.actorUserId ? eq(auditEvent.actorUserId, query.actorUserId) : undefined,
      query.entityType ? eq(auditEvent.entityType, query.entityType) : undefined,
      query.entityId
        ? or(eq(auditEvent.entityId, query.entityId), eq(auditEvent.parentEntityId, query.entityId))
        : undefined,
      query.planId ? eq(auditEvent.planId, query.planId) : undefined,
      query.from ? gte(auditEvent.at, new Date(`${query.from}T00:00:00.000Z`)) : undefined,
      query.to ? lt(auditEvent.at, nextDay(query.to)) : undefined,
    ];
    const rows = await db
      .select()
      .from(auditEvent)
      .where(and(...conditions))
      .orderBy(desc(auditEvent.seq))
      .limit(query.limit)
      .offset(query.offset);
    return rows.map(({ seq: _seq, ...row }) => ({ ...row, at: row.at.toISOString() }));
  };

  return { list };
};

export type AuditService = ReturnType<typeof createAuditService>;
