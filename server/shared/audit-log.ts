/**
 * Writing the audit trail (the `audit_event` table), which every module that changes data does inside its
 * own transaction. It lives here, not in the audit module (which only reads the trail), so modules need not
 * import each other to record a change.
 */
import type { AUDIT_ENTITY_TYPES } from '@core/schemas/auth.schemas';
import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvent } from '../db/schema';
import type { RequestContext } from '../http/request-context';
import { actorName, actorUserId } from '../modules/auth/access';

export type AuditEntry = {
  entityType: (typeof AUDIT_ENTITY_TYPES)[number];
  entityId: string;
  /** The entity this one belongs to (the indicator of a target). */
  parentEntityId?: string | null;
  planId?: string | null;
  localityId?: string | null;
  action: 'create' | 'update' | 'delete';
  before?: unknown;
  after?: unknown;
  /** Done by no one known (a failed sign-in): no person is named, whoever the context's actor is. */
  anonymous?: boolean;
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
 * @param context - who and from where
 * @param at - when (from the injected clock)
 * @param entry - what changed, before and after
 */
export const recordAudit = async (
  executor: Executor,
  context: RequestContext,
  at: Date,
  entry: AuditEntry,
): Promise<void> => {
  await executor.insert(auditEvent).values({
    at,
    actorUserId: entry.anonymous ? null : actorUserId(context.actor),
    actorName: entry.anonymous ? null : actorName(context.actor),
    ip: context.ip,
    userAgent: context.userAgent?.slice(0, 500) ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId,
    parentEntityId: entry.parentEntityId ?? null,
    planId: entry.planId ?? null,
    localityId: entry.localityId ?? null,
    action: entry.action,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  });
};

/**
 * Records a change to something that belongs to a plan (an indicator, a target, a task), filing it under
 * the plan and its locality so the plan's history and the locality's trail find it.
 */
export const recordPlanAudit = (
  executor: Executor,
  context: RequestContext,
  at: Date,
  plan: { id: string; localityId: string },
  entry: Omit<AuditEntry, 'planId' | 'localityId'>,
): Promise<void> =>
  recordAudit(executor, context, at, { ...entry, planId: plan.id, localityId: plan.localityId });

/**
 * Counts one more held-back sign-in attempt into the account's latest "throttled" row begun since
 * `since` (a burst is one row with a count, not one row an attempt). The account is the user's id, or,
 * for a name no account has, the masked name the row shows.
 *
 * @returns true when counted into an existing row; false when there is none (record a new one)
 */
export const countIntoThrottledSignIn = async (
  executor: Executor,
  account: { userId: string | null; username: string },
  since: Date,
  at: Date,
): Promise<boolean> => {
  const [latest] = await executor
    .select({ seq: auditEvent.seq })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.entityType, 'sign_in'),
        eq(auditEvent.action, 'create'),
        gte(auditEvent.at, since),
        sql`${auditEvent.after}->>'outcome' = 'throttled'`,
        account.userId
          ? eq(auditEvent.parentEntityId, account.userId)
          : and(
              isNull(auditEvent.parentEntityId),
              sql`${auditEvent.after}->>'username' = ${account.username}`,
            ),
      ),
    )
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  if (!latest) return false;
  // One statement, so attempts counted at the same moment each add one.
  await executor
    .update(auditEvent)
    .set({
      after: sql`jsonb_set(jsonb_set(${auditEvent.after}, '{count}', to_jsonb(coalesce((${auditEvent.after}->>'count')::int, 1) + 1)), '{lastAt}', to_jsonb(${at.toISOString()}::text))`,
    })
    .where(eq(auditEvent.seq, latest.seq));
  return true;
};
