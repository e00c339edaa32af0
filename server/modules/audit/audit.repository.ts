import type { Executor } from '../../db/client';
import { auditEvent } from '../../db/schema';
import type { RequestMeta } from '../../http/route';

export type AuditEntry = {
  entityType: 'locality' | 'unit' | 'plan' | 'indicator' | 'indicator_target' | 'task';
  entityId: string;
  planId?: string | null;
  localityId?: string | null;
  action: 'create' | 'update' | 'delete';
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy of a row: dates become ISO strings so jsonb stores what the API showed. */
const snapshot = (value: unknown): unknown =>
  value === undefined
    ? null
    : JSON.parse(JSON.stringify(value, (_key, v) => (v instanceof Date ? v.toISOString() : v)));

/**
 * Records one change. Call it with the transaction that makes the change, so the entry commits or
 * rolls back with it.
 *
 * @param executor - the open transaction
 * @param meta - who and from where (request metadata)
 * @param at - when (from the injected clock)
 * @param entry - what changed, before and after
 */
export const recordAudit = async (
  executor: Executor,
  meta: RequestMeta,
  at: Date,
  entry: AuditEntry,
): Promise<void> => {
  await executor.insert(auditEvent).values({
    at,
    actorUserId: null,
    actorName: null,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    planId: entry.planId ?? null,
    localityId: entry.localityId ?? null,
    action: entry.action,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  });
};
