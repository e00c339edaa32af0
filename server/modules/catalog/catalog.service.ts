/**
 * The standard indicator catalog (`core/catalog`), served from memory: it changes only with a release.
 */

import { CATALOG_VERSION, STANDARD_CATALOG } from '@core/catalog/standard-catalog';
import { foldText, matchesFolded } from '@core/domain/text';
import type { TCatalogIndicator } from '@core/schemas/catalog.schemas';
import { AppError } from '../../errors';

export const createCatalogService = (entries: TCatalogIndicator[] = STANDARD_CATALOG) => {
  const byCode = new Map(entries.map((entry) => [entry.code, entry]));
  const haystacks = new Map(
    entries.map((entry) => [entry.code, [entry.code, entry.name, entry.nameEn, ...entry.aliases].join(' ')]),
  );

  /** Lists the catalog, filtered accent-insensitively by code, name or alias when a query is given. */
  const list = (query?: string): TCatalogIndicator[] =>
    query && foldText(query)
      ? entries.filter((entry) => matchesFolded(haystacks.get(entry.code) ?? '', query))
      : entries;

  /** @throws AppError CATALOG_ENTRY_NOT_FOUND */
  const get = (code: string): TCatalogIndicator => {
    const entry = byCode.get(code);
    if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
    return entry;
  };

  const has = (code: string): boolean => byCode.has(code);

  return { list, get, has, version: CATALOG_VERSION };
};

export type CatalogService = ReturnType<typeof createCatalogService>;
