import type { TUnit } from '@core/schemas/locality.schemas';
import type { UnitRow } from '../../shared/units';

export const presentUnit = (row: UnitRow): TUnit => ({
  id: row.id,
  localityId: row.localityId,
  name: row.name,
  kind: row.kind,
  isExternal: row.isExternal,
});
