/**
 * The standard indicator catalog (45 indicators that local plans share, with stable codes). It ships
 * with the product as JSON, is validated once at load, and is served from memory: it changes only
 * with a release, and roll-ups join on its codes, which indicators store in `catalog_code`.
 */
import { foldText, matchesFolded } from '@core/domain/text';
import { type TCatalogIndicator, ZCatalogIndicator } from '@core/schemas/catalog.schemas';
import { z } from 'zod';
import { AppError } from '../../errors';
import catalogJson from './standard-indicators.json' with { type: 'json' };

export const loadCatalog = (): TCatalogIndicator[] => z.array(ZCatalogIndicator).parse(catalogJson);

export const createCatalogService = (entries: TCatalogIndicator[] = loadCatalog()) => {
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

  return { list, get, has };
};

export type CatalogService = ReturnType<typeof createCatalogService>;
