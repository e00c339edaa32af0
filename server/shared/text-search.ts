/** The search condition every module's list filter shares (see docs/architecture.md, "Search"). */
import { foldTokens } from '@core/domain/text';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';

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

/** A table whose rows carry a `search_text` column made of some of their fields. */
type SearchableTable = PgTable & { id: AnyPgColumn; searchText: AnyPgColumn };

/** Inserts a row with its search text, and returns it. */
export const insertSearchable = async <Row>(
  executor: Executor,
  table: SearchableTable,
  values: object,
  searchText: string,
): Promise<Row> =>
  (
    await executor
      .insert(table)
      .values({ ...values, searchText } as never)
      .returning()
  )[0] as Row;

/**
 * The insert and the update of a table with a `search_text` column: both write it, from the fields it is
 * made of (on an update, the changed ones and the others as they were), so no write leaves it stale.
 *
 * @param table - the table (with `id`, `search_text` and `updated_at`)
 * @param fields - the fields the search text is made of
 * @param searchTextOf - the search text of those fields
 */
export const searchableWrites = <
  Row extends { id: string },
  Values extends object,
  Key extends keyof Values & keyof Row,
>(
  table: SearchableTable,
  fields: readonly Key[],
  searchTextOf: (values: Pick<Values, Key>) => string,
) => {
  const insert = (executor: Executor, values: Values): Promise<Row> =>
    insertSearchable<Row>(executor, table, values, searchTextOf(values));

  const update = async (executor: Executor, before: Row, values: Partial<Values>, at: Date): Promise<Row> => {
    const after = Object.fromEntries(
      fields.map((key) => [key, values[key] !== undefined ? values[key] : before[key]]),
    ) as Pick<Values, Key>;
    return (
      await executor
        .update(table)
        .set({ ...values, searchText: searchTextOf(after), updatedAt: at } as never)
        .where(eq(table.id, before.id))
        .returning()
    )[0] as Row;
  };

  return { insert, update };
};
