/**
 * The standard indicator catalog (indicators that local plans share, with stable codes). It ships with the
 * product as JSON and is validated once, here, so that the server, the importer and the scripts read one
 * copy: roll-ups join on its codes, which indicators store in `catalog_code`.
 */
import { type TCatalogIndicator, ZCatalogIndicator } from '@core/schemas/catalog.schemas';
import { z } from 'zod';
import catalogJson from './standard-indicators.json' with { type: 'json' };

/**
 * The version of the catalog that ships with this release; every export (open data, the public site, the
 * packages sent upward) names it beside the codes. Change it with any change to standard-indicators.json:
 * a test holds the file's digest for the version, so an edit without a new version fails.
 */
export const CATALOG_VERSION = '2026.1';

/** The catalog's entries, validated. */
export const STANDARD_CATALOG: TCatalogIndicator[] = z.array(ZCatalogIndicator).parse(catalogJson);
