/**
 * The keys that sign submission packages (docs/open-data.md, "Chữ ký số của gói"). This instance's own
 * Ed25519 key pair is made on first need and kept in the database: its public key and fingerprint are
 * shown to whoever makes packages, the private key never leaves the server (no answer holds it, nothing
 * logs it). At the province's instance, its administrators register the public key of each commune's
 * instance; every registration and revocation is audited (`signing_key`).
 */
import type {
  TInstanceSigningKey,
  TRegisteredSigningKey,
  TRegisterSigningKeyRequest,
} from '@core/schemas/exchange.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityById, findLocalityChain } from '../../shared/localities';
import { keyHistories, revokeLocalityKey } from '../../shared/locality-keys';
import { type Actor, actorUserId, hasRoleCovering } from '../auth/access';
import {
  findInstanceSigningKey,
  findRegisteredSigningKey,
  findRegisteredSigningKeyById,
  type InstanceSigningKeyRow,
  insertInstanceSigningKeyOnce,
  insertRegisteredSigningKey,
  listRegisteredSigningKeys,
  type RegisteredSigningKeyRow,
  revokeRegisteredSigningKey,
} from './exchange.repository';
import { generateSigningKeyPair, readPublicKey } from './package-signature';

/**
 * A commune's keys are registered by the administrators of the province (or the nation) above it — not
 * by the commune's own administrator, whose packages the key vouches for.
 *
 * @param chain - the commune's locality id followed by its ancestors' ids
 */
export const canManageSigningKeys = (actor: Actor, chain: readonly string[]): boolean =>
  actor.kind === 'system' || hasRoleCovering(actor, chain.slice(1), ['system_admin', 'locality_admin']);

const dateVi = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);

export const createSigningKeyService = ({ db, clock }: { db: Database; clock: Clock }) => {
  /**
   * This instance's key pair, made and stored the first time it is needed (two processes asking at once
   * keep the one stored first). Server-side only: the private key is never returned by a route.
   */
  const instanceKey = async (): Promise<InstanceSigningKeyRow> => {
    const existing = await findInstanceSigningKey(db);
    if (existing) return existing;
    const pair = generateSigningKeyPair();
    await insertInstanceSigningKeyOnce(db, { algorithm: 'Ed25519', ...pair, createdAt: clock.now() });
    return (await findInstanceSigningKey(db))!;
  };

  /** The public half of this instance's key, to send to the province. */
  const publicInstanceKey = async (): Promise<TInstanceSigningKey> => {
    const key = await instanceKey();
    return {
      algorithm: 'Ed25519',
      publicKey: key.publicKey,
      fingerprint: key.fingerprint,
      createdAt: key.createdAt.toISOString(),
    };
  };

  const presentAll = async (rows: RegisteredSigningKeyRow[]): Promise<TRegisteredSigningKey[]> => {
    const historyOf = await keyHistories(db, rows);
    return rows.map((row) => ({
      id: row.id,
      localityId: row.localityId,
      name: row.name,
      publicKey: row.publicKey,
      fingerprint: row.fingerprint,
      ...historyOf(row),
    }));
  };

  /** @throws AppError LOCALITY_NOT_FOUND (also outside the actor's reach) */
  const managedLocality = async (context: RequestContext, localityId: string) => {
    const chain = await findLocalityChain(db, localityId);
    if (!chain.length || !canManageSigningKeys(context.actor, chain))
      throw new AppError('LOCALITY_NOT_FOUND');
    return (await findLocalityById(db, localityId))!;
  };

  /**
   * Registers the public key of a commune's instance: from then on packages of that commune signed by
   * it are accepted. @throws AppError LOCALITY_NOT_FOUND, VALIDATION_FAILED (not a commune, not an
   * Ed25519 public key), DUPLICATE (already registered for the commune)
   */
  const register = async (
    context: RequestContext,
    localityId: string,
    input: TRegisterSigningKeyRequest,
  ): Promise<TRegisteredSigningKey> => {
    const commune = await managedLocality(context, localityId);
    if (commune.level !== 'commune')
      throw new AppError('VALIDATION_FAILED', {
        message: `Chỉ đăng ký khóa công khai cho hệ thống của một xã, phường, đặc khu; ${commune.kind} ${commune.name} không phải cấp xã.`,
        details: [{ field: 'localityId', message: 'Địa phương phải là một xã, phường, đặc khu' }],
      });
    const { publicKey, fingerprint } = readPublicKey(input.publicKey);
    const duplicate = (existing: RegisteredSigningKeyRow) =>
      new AppError('DUPLICATE', {
        message: existing.revokedAt
          ? `Khóa này (dấu vân tay ${fingerprint.slice(0, 16)}…) đã được đăng ký cho ${commune.kind} ${commune.name} và đã bị thu hồi ngày ${dateVi(existing.revokedAt)}; một khóa đã thu hồi không dùng lại được.`
          : `Khóa này (dấu vân tay ${fingerprint.slice(0, 16)}…) đã được đăng ký cho ${commune.kind} ${commune.name} ngày ${dateVi(existing.createdAt)}.`,
      });
    const existing = await findRegisteredSigningKey(db, localityId, fingerprint);
    if (existing) throw duplicate(existing);
    const now = clock.now();
    const row = await db
      .transaction(async (tx) => {
        const inserted = await insertRegisteredSigningKey(tx, {
          localityId,
          name: input.name,
          publicKey,
          fingerprint,
          createdAt: now,
          createdBy: actorUserId(context.actor),
        });
        await recordAudit(tx, context, now, {
          entityType: 'signing_key',
          entityId: inserted.id,
          localityId,
          action: 'create',
          after: { name: inserted.name, fingerprint, localityName: `${commune.kind} ${commune.name}` },
        });
        return inserted;
      })
      .catch(async (error: unknown) => {
        const raced = isUniqueViolation(error)
          ? await findRegisteredSigningKey(db, localityId, fingerprint)
          : null;
        throw raced ? duplicate(raced) : error;
      });
    return (await presentAll([row]))[0]!;
  };

  /** @throws AppError LOCALITY_NOT_FOUND */
  const list = async (context: RequestContext, localityId: string): Promise<TRegisteredSigningKey[]> => {
    await managedLocality(context, localityId);
    return presentAll(await listRegisteredSigningKeys(db, localityId));
  };

  /**
   * Revokes a registered key: packages signed by it are refused from then on. Revoking twice changes
   * nothing. @throws AppError NOT_FOUND (also outside the actor's reach)
   */
  const revoke = async (context: RequestContext, keyId: string): Promise<TRegisteredSigningKey> => {
    const row = await revokeLocalityKey({ db, clock }, context, keyId, {
      find: findRegisteredSigningKeyById,
      canManage: canManageSigningKeys,
      notFound: 'Không tìm thấy khóa công khai đã đăng ký.',
      revoke: revokeRegisteredSigningKey,
      entityType: 'signing_key',
      audited: (key) => ({ name: key.name, fingerprint: key.fingerprint }),
    });
    return (await presentAll([row]))[0]!;
  };

  return { instanceKey, publicInstanceKey, register, list, revoke };
};

export type SigningKeyService = ReturnType<typeof createSigningKeyService>;
