/**
 * The rules every dated change of the locality tree shares (locality.changes.ts): the kinds of each
 * level, refusals naming the field, how a locality is named in messages, and the fingerprint that makes a
 * re-run of the same change write nothing.
 */
import { createHash } from 'node:crypto';
import type { TLocalityChange } from '@core/schemas/locality-change.schemas';
import { AppError } from '../../errors';
import type { LocalityRow } from '../../shared/localities';

/** The kinds each level takes. */
export const KINDS: Record<LocalityRow['level'], readonly string[]> = {
  nation: ['quốc gia'],
  province: ['tỉnh', 'thành phố'],
  commune: ['xã', 'phường', 'đặc khu'],
};

export const refuse = (field: string, message: string): never => {
  throw new AppError('VALIDATION_FAILED', { message, details: [{ field, message }] });
};

export const labelOf = (row: Pick<LocalityRow, 'kind' | 'name' | 'code'>) =>
  `${row.kind} ${row.name} (mã ${row.code})`;
/** The label at the start of a sentence ("Xã Hải Ninh (mã 06733) …"). */
export const sentenceLabelOf = (row: Pick<LocalityRow, 'kind' | 'name' | 'code'>) => {
  const label = labelOf(row);
  return label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
};

/** The change with its keys in one order: the same change always gives the same fingerprint. */
export const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
export const changeFingerprint = (change: TLocalityChange): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(change)))
    .digest('hex');

export const assertKind = (level: LocalityRow['level'], kind: string, field: string) => {
  if (!KINDS[level].includes(kind)) {
    refuse(field, `Loại "${kind}" không dùng cho cấp này (chỉ: ${KINDS[level].join(', ')}).`);
  }
};
