import type { TLocality, TLocalityDetail, TLocalityLink } from '@core/schemas/locality.schemas';
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
  scoreGreen: row.scoreGreen,
  scoreYellow: row.scoreYellow,
});

/** The locality with its predecessors and successors (GET /localities/:id). */
export const presentLocalityDetail = (
  row: LocalityRow & {
    predecessors: TLocalityLink[];
    successors: TLocalityLink[];
    formerNames: TLocalityDetail['formerNames'];
  },
): TLocalityDetail => ({
  ...presentLocality(row),
  predecessors: row.predecessors,
  successors: row.successors,
  formerNames: row.formerNames,
});
