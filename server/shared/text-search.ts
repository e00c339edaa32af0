/** The search condition every module's list filter shares (see docs/architecture.md, "Search"). */
import { foldTokens } from '@core/domain/text';
import { and, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Every folded token must start a word: `search_text LIKE '% token%'`, which the trigram index serves. */
export const likeAllTokens = (column: AnyPgColumn, query: string): SQL | undefined => {
  const tokens = foldTokens(query);
  if (tokens.length === 0) return undefined;
  return and(...tokens.map((token) => sql`${column} like ${`% ${token}%`}`));
};
