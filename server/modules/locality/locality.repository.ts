import { foldTokens, toSearchText } from '@core/domain/text';
import type { TPageRequest } from '@core/schemas/common.schemas';
import { and, asc, count, eq, getTableColumns, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { locality } from '../../db/schema';
import type { LocalityRow } from '../../shared/localities';
import { inForceOn, kindOn, nameOn } from '../../shared/locality-history';
import { escapeLike, insertSearchable, likeToken } from '../../shared/text-search';

export type LocalityFilter = {
  /** Name (and kind) words without diacritics, or the start of an official code. */
  query?: string;
  parentId?: string;
  level?: LocalityRow['level'];
  kind?: string;
  /** Only the localities in force on that date ('YYYY-MM-DD'). */
  asOf?: string;
  /** The localities the reader may see; null: every one. */
  visibleIds: string[] | null;
};

/** The kinds stored (xã, phường, tỉnh, …): few, so a query word is matched against them here. */
const storedKinds = async (executor: Executor): Promise<string[]> =>
  (await executor.selectDistinct({ kind: locality.kind }).from(locality)).map((row) => row.kind);

/**
 * The search condition: every folded word of the query starts a word of the name or of the kind
 * ("phuong thanh dong" finds Phường Thành Đông), or the query starts the official code ("10507").
 */
const searchCondition = async (executor: Executor, query: string): Promise<SQL | undefined> => {
  const tokens = foldTokens(query);
  const code = query.trim().toLowerCase();
  if (tokens.length === 0 && !code) return undefined;
  const kinds = tokens.length > 0 ? await storedKinds(executor) : [];
  const byWords = tokens.length
    ? and(
        ...tokens.map((token) => {
          const kindsWithWord = kinds.filter((kind) => toSearchText(kind).includes(` ${token}`));
          return kindsWithWord.length
            ? or(likeToken(locality.searchText, token), inArray(locality.kind, kindsWithWord))
            : likeToken(locality.searchText, token);
        }),
      )
    : undefined;
  const byCode = code ? sql`lower(${locality.code}) like ${`${escapeLike(code)}%`}` : undefined;
  return or(byWords, byCode);
};

/** Nation, provinces, communes: the levels in the order lists show them. */
const levelRank = sql`case ${locality.level} when 'nation' then 0 when 'province' then 1 else 2 end`;

/**
 * One page of the localities matching the filter, level by level, then by (current) name without diacritics
 * (then name, then id: a stable order), with how many match in all. Filtering, counting and paging
 * are done by the database.
 */
export const listLocalities = async (
  executor: Executor,
  filter: LocalityFilter,
  page: TPageRequest,
): Promise<{ rows: LocalityRow[]; total: number }> => {
  if (filter.visibleIds?.length === 0) return { rows: [], total: 0 };
  const conditions: Array<SQL | undefined> = [];
  if (filter.visibleIds) conditions.push(inArray(locality.id, filter.visibleIds));
  if (filter.parentId) conditions.push(eq(locality.parentId, filter.parentId));
  if (filter.level) conditions.push(eq(locality.level, filter.level));
  if (filter.kind) conditions.push(eq(locality.kind, filter.kind));
  if (filter.asOf) conditions.push(inForceOn(filter.asOf));
  if (filter.query) conditions.push(await searchCondition(executor, filter.query));
  const where = and(...conditions);
  // "As of" a date, a renamed locality shows the name (and kind) it bore then.
  const columns = filter.asOf
    ? { ...getTableColumns(locality), name: nameOn(filter.asOf), kind: kindOn(filter.asOf) }
    : getTableColumns(locality);
  const rows = await executor
    .select(columns)
    .from(locality)
    .where(where)
    .orderBy(levelRank, asc(locality.searchText), asc(locality.name), asc(locality.id))
    .limit(page.limit)
    .offset(page.offset);
  // A page that is not full (and not past the end) gives the total: no second statement to count.
  if (rows.length > 0 ? rows.length < page.limit : page.offset === 0) {
    return { rows, total: page.offset + rows.length };
  }
  const [counted] = await executor.select({ total: count() }).from(locality).where(where);
  return { rows, total: Number(counted?.total ?? 0) };
};

export const insertLocality = (
  executor: Executor,
  values: Omit<typeof locality.$inferInsert, 'searchText'>,
): Promise<LocalityRow> =>
  insertSearchable<LocalityRow>(executor, locality, values, toSearchText(values.name));

/** Writes a locality's settings (the fields given) and returns the row as it now is. */
export const updateLocalitySettings = async (
  executor: Executor,
  id: string,
  values: Partial<
    Pick<typeof locality.$inferInsert, 'nameEn' | 'nameEnEdited' | 'scoreGreen' | 'scoreYellow'>
  >,
): Promise<LocalityRow> =>
  (await executor.update(locality).set(values).where(eq(locality.id, id)).returning())[0]!;
