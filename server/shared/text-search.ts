/** The search condition every module's list filter shares (see docs/architecture.md, "Search"). */
import { foldTokens } from '@core/domain/text';
import { and, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** A text to put inside a LIKE pattern literally: `%`, `_` and `\` lose their meaning there. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The condition that one folded token starts a word of a `search_text` column: `LIKE '% token%'`. */
export const likeToken = (column: AnyPgColumn, token: string): SQL =>
  sql`${column} like ${`% ${escapeLike(token)}%`}`;

/** Every folded token must start a word: `search_text LIKE '% token%'`, which the trigram index serves. */
export const likeAllTokens = (column: AnyPgColumn, query: string): SQL | undefined => {
  const tokens = foldTokens(query);
  if (tokens.length === 0) return undefined;
  return and(...tokens.map((token) => likeToken(column, token)));
};
