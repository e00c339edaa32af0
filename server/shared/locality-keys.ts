/**
 * What a locality's keys share, whatever they are for: the API keys it issues to integrations (api-key) and
 * the signing keys of its communes' instances it registers (exchange). Each names who added it and who
 * revoked it, and is revoked at once, in the change log.
 */
import type { Clock } from '../clock';
import type { Database, Executor } from '../db/client';
import { AppError } from '../errors';
import type { RequestContext } from '../http/request-context';
import { type Actor, actorUserId } from '../modules/auth/access';
import { namesOfUsers } from './accounts';
import { type AuditEntry, recordAudit } from './audit-log';
import { findLocalityChain } from './localities';

type KeyRow = {
  id: string;
  localityId: string;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
};

/** When a key was added and revoked and by whom, as the API shows it. */
export type KeyHistory = {
  createdAt: string;
  createdByName: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
};

/** @returns for each of `rows`, its history: the names of those who added and revoked it read at once */
export const keyHistories = async <R extends KeyRow>(executor: Executor, rows: R[]) => {
  const names = await namesOfUsers(
    executor,
    rows.flatMap((row) => [row.createdBy, row.revokedBy]),
  );
  return (row: R): KeyHistory => ({
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedByName: row.revokedBy ? (names.get(row.revokedBy) ?? null) : null,
  });
};

/**
 * Revokes a key at once, audited; revoking a revoked key changes nothing.
 *
 * @returns the key as it now is
 * @throws AppError NOT_FOUND with `notFound` (also outside the actor's reach)
 */
export const revokeLocalityKey = async <R extends KeyRow>(
  { db, clock }: { db: Database; clock: Clock },
  context: RequestContext,
  keyId: string,
  kind: {
    find: (executor: Executor, id: string) => Promise<R | undefined>;
    canManage: (actor: Actor, chain: string[]) => boolean;
    notFound: string;
    revoke: (
      executor: Executor,
      id: string,
      changes: { revokedAt: Date; revokedBy: string | null },
    ) => Promise<R>;
    entityType: AuditEntry['entityType'];
    /** What the audit entry shows of the key beside its revocation. */
    audited?: (row: R) => Record<string, unknown>;
  },
): Promise<R> => {
  const row = await kind.find(db, keyId);
  const chain = row ? await findLocalityChain(db, row.localityId) : [];
  if (!row || !kind.canManage(context.actor, chain))
    throw new AppError('NOT_FOUND', { message: kind.notFound });
  if (row.revokedAt) return row;
  const now = clock.now();
  const shown = kind.audited?.(row) ?? {};
  return db.transaction(async (tx) => {
    const revoked = await kind.revoke(tx, keyId, { revokedAt: now, revokedBy: actorUserId(context.actor) });
    await recordAudit(tx, context, now, {
      entityType: kind.entityType,
      entityId: keyId,
      localityId: row.localityId,
      action: 'update',
      before: { ...shown, revokedAt: null },
      after: { ...shown, revokedAt: now },
    });
    return revoked;
  });
};
