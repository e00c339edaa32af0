import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { apiKey } from '../../db/schema';

export type ApiKeyRow = typeof apiKey.$inferSelect;

export const insertApiKey = async (executor: Executor, row: typeof apiKey.$inferInsert): Promise<ApiKeyRow> =>
  (await executor.insert(apiKey).values(row).returning())[0]!;

export const findApiKeyById = async (executor: Executor, id: string): Promise<ApiKeyRow | undefined> =>
  (await executor.select().from(apiKey).where(eq(apiKey.id, id)))[0];

export const findApiKeyByHash = async (executor: Executor, keyHash: string): Promise<ApiKeyRow | undefined> =>
  (await executor.select().from(apiKey).where(eq(apiKey.keyHash, keyHash)))[0];

export const listApiKeysOfLocality = (executor: Executor, localityId: string): Promise<ApiKeyRow[]> =>
  executor.select().from(apiKey).where(eq(apiKey.localityId, localityId)).orderBy(desc(apiKey.createdAt));

export const updateApiKey = async (
  executor: Executor,
  id: string,
  changes: Partial<Pick<ApiKeyRow, 'revokedAt' | 'revokedBy' | 'lastUsedAt'>>,
): Promise<ApiKeyRow | undefined> =>
  (await executor.update(apiKey).set(changes).where(eq(apiKey.id, id)).returning())[0];
