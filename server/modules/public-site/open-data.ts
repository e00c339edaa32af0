/**
 * The open data files (docs/open-data.md): each published figure as CSV (UTF-8 with a byte order mark,
 * so LibreOffice and Excel read Vietnamese as it is) and as JSON, with the same fields in the same order.
 */
import { CATALOG_VERSION } from '@core/catalog/standard-catalog';
import type { OpenDataRecord } from './public.service';

/** The fields of a record, in the order of the CSV columns. */
export const OPEN_DATA_FIELDS = [
  'locality_code',
  'locality_name',
  'locality_level',
  'parent_code',
  'year',
  'period',
  'period_label',
  'period_from',
  'period_to',
  'indicator_code',
  'code_source',
  'catalog_version',
  'plan_indicator_code',
  'indicator_name',
  'unit',
  'value',
  'status',
  'target',
  'expected',
  'report_version',
  'approved_on',
  'document_number',
  'published_on',
  'plan_number',
  'report_url',
] as const satisfies ReadonlyArray<keyof OpenDataRecord>;

const csvCell = (value: unknown): string => {
  if (value == null) return '';
  const text = String(value);
  return /[",\r\n;]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The records as CSV: a BOM, a header line, one line per record, CRLF line ends (RFC 4180). */
export const toCsv = (records: readonly OpenDataRecord[]): Buffer =>
  Buffer.from(
    `\uFEFF${[OPEN_DATA_FIELDS.join(','), ...records.map((record) => OPEN_DATA_FIELDS.map((field) => csvCell(record[field])).join(','))].join('\r\n')}\r\n`,
    'utf8',
  );

/** The records as JSON, with the catalog version and the scope they cover. */
export const toJson = (records: readonly OpenDataRecord[], scope: string): Buffer =>
  Buffer.from(
    JSON.stringify({
      scope,
      catalogVersion: CATALOG_VERSION,
      fields: OPEN_DATA_FIELDS,
      count: records.length,
      records: records.map((record) =>
        Object.fromEntries(OPEN_DATA_FIELDS.map((field) => [field, record[field]])),
      ),
    }),
    'utf8',
  );
