import { CATALOG_VERSION, STANDARD_CATALOG } from '@core/catalog/standard-catalog';
import { describe, expect, it } from 'vitest';
import { createCatalogService } from './catalog.service';

describe('catalog service', () => {
  it('should expose the version of the catalog it serves', () => {
    expect(createCatalogService().version).toBe(CATALOG_VERSION);
  });

  it('should find an entry by a name written without diacritics, and refuse an unknown code', () => {
    const service = createCatalogService();
    const first = STANDARD_CATALOG[0];
    if (!first) throw new Error('the standard catalog is empty');
    const folded = first.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
    expect(service.list(folded).map((entry) => entry.code)).toContain(first.code);
    expect(service.get(first.code)).toEqual(first);
    expect(service.has('KHONG-CO')).toBe(false);
    expect(() => service.get('KHONG-CO')).toThrow();
  });
});
