import type { TLocality } from '@core/schemas/locality.schemas';
import type { LocalityRow } from '../../shared/localities';

export const presentLocality = (row: LocalityRow): TLocality => ({
  id: row.id,
  code: row.code,
  name: row.name,
  level: row.level,
  kind: row.kind,
  parentId: row.parentId,
  validFrom: row.validFrom,
  validTo: row.validTo,
  nameEn: row.nameEn,
  formedFrom: row.formedFrom,
});
