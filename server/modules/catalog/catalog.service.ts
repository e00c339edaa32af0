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

/**
 * The version of the standard catalog that ships with this release; every export (open data, the public
 * site) names it beside the codes. Change it with any change to standard-indicators.json: a test holds
 * the file's digest for the version, so an edit without a new version fails.
 */
export const CATALOG_VERSION = '2026.1';

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

  return { list, get, has, version: CATALOG_VERSION };
};

export type CatalogService = ReturnType<typeof createCatalogService>;
