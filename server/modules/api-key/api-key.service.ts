/**
 * API keys of integrations (docs/open-data.md, "Khóa API"): issued by a locality's administrator for
 * the locality, read-only or submit-only, shown once and stored as their SHA-256, revocable; every
 * issue and revocation is audited, and what a key does is audited under its name.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TApiKey, TCreateApiKeyRequest } from '@core/schemas/exchange.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityChain } from '../../shared/localities';
import { keyHistories, revokeLocalityKey } from '../../shared/locality-keys';
import { type ApiKeyActor, actorUserId } from '../auth/access';
import { canManageApiKeys } from './api-key.policy';
import {
  type ApiKeyRow,
  findApiKeyByHash,
  findApiKeyById,
  insertApiKey,
  listApiKeysOfLocality,
  updateApiKey,
} from './api-key.repository';

/** Every key starts so, which tells it apart from a session token in logs and secret scanners. */
export const API_KEY_PREFIX = 'ltk_';
const PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
/** Keys are 32 random bytes: no length limit beyond this is needed to reject garbage early. */
const MAX_TOKEN_LENGTH = 200;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const createApiKeyService = ({ db, clock }: { db: Database; clock: Clock }) => {
  /** @throws AppError LOCALITY_NOT_FOUND (also outside the actor's scope), FORBIDDEN */
  const managedLocality = async (context: RequestContext, localityId: string) => {
    const chain = await findLocalityChain(db, localityId);
    if (!chain.length || !canManageApiKeys(context.actor, chain)) throw new AppError('LOCALITY_NOT_FOUND');
    return chain;
  };

  const presentAll = async (rows: ApiKeyRow[]): Promise<TApiKey[]> => {
    const historyOf = await keyHistories(db, rows);
    return rows.map((row) => ({
      id: row.id,
      localityId: row.localityId,
      name: row.name,
      scope: row.scope,
      prefix: row.prefix,
      ...historyOf(row),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    }));
  };

  /**
   * Issues a key for the locality. @returns the key's listing and the key itself, which is never shown again
   * @throws AppError LOCALITY_NOT_FOUND
   */
  const create = async (context: RequestContext, localityId: string, input: TCreateApiKeyRequest) => {
    await managedLocality(context, localityId);
    const token = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = clock.now();
    const row = await db.transaction(async (tx) => {
      const inserted = await insertApiKey(tx, {
        localityId,
        name: input.name,
        scope: input.scope,
        prefix: token.slice(0, PREFIX_LENGTH),
        keyHash: hashOf(token),
        createdAt: now,
        createdBy: actorUserId(context.actor),
      });
      await recordAudit(tx, context, now, {
        entityType: 'api_key',
        entityId: inserted.id,
        localityId,
        action: 'create',
        after: { name: inserted.name, scope: inserted.scope, prefix: inserted.prefix },
      });
      return inserted;
    });
    return { key: (await presentAll([row]))[0]!, token };
  };

  /** @throws AppError LOCALITY_NOT_FOUND */
  const list = async (context: RequestContext, localityId: string): Promise<TApiKey[]> => {
    await managedLocality(context, localityId);
    return presentAll(await listApiKeysOfLocality(db, localityId));
  };

  /**
   * Revokes a key at once: the next request with it is refused. Revoking a revoked key changes nothing.
   * @throws AppError NOT_FOUND (also outside the actor's scope)
   */
  const revoke = async (context: RequestContext, keyId: string): Promise<TApiKey> => {
    const row = await revokeLocalityKey({ db, clock }, context, keyId, {
      find: findApiKeyById,
      canManage: canManageApiKeys,
      notFound: 'Không tìm thấy khóa API.',
      revoke: async (tx, id, changes) => (await updateApiKey(tx, id, changes))!,
      entityType: 'api_key',
    });
    return (await presentAll([row]))[0]!;
  };

  /**
   * The integration behind a bearer token, or null when the token is no key or a revoked one.
   * Notes when the key was last used.
   */
  const authenticate = async (token: string): Promise<ApiKeyActor | null> => {
    if (!token.startsWith(API_KEY_PREFIX) || token.length > MAX_TOKEN_LENGTH) return null;
    const row = await findApiKeyByHash(db, hashOf(token));
    if (!row || row.revokedAt) return null;
    await updateApiKey(db, row.id, { lastUsedAt: clock.now() });
    return {
      kind: 'api_key',
      keyId: row.id,
      name: row.name,
      scope: row.scope,
      localityId: row.localityId,
      // A read key reads as an inspector of its locality; a submit key reads nothing.
      assignments:
        row.scope === 'read'
          ? [{ id: row.id, role: 'inspector', localityId: row.localityId, unitId: null }]
          : [],
    };
  };

  return { create, list, revoke, authenticate };
};

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
