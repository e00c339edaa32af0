/**
 * The overview map's join: the boundaries (features keyed by the register's official code) and the
 * overview's rows (communes of a province, or provinces of the nation). Every row and every boundary is
 * accounted for: a row with no boundary and a boundary with no row are returned, to be listed under the
 * map, never dropped. Pure.
 */
import type { UnitEvaluationState } from './evaluation';
import type { OverviewColour } from './overview-filter';

/**
 * What a region is painted as: the ranking's colour when the unit is scored, else why it is not
 * (a report waiting for review, or nothing to judge yet), or `filtered_out` when the page's filter hides it.
 */
export const MAP_CATEGORIES = [
  'green',
  'yellow',
  'red',
  'pending_review',
  'not_evaluated',
  'filtered_out',
] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];

/** The fields of an overview row the map reads. */
export type MapRow = {
  localityId: string;
  code: string;
  name: string;
  colour: OverviewColour;
  evaluation: UnitEvaluationState;
  score: number | null;
};

/** The two properties every boundary feature carries. */
export type BoundaryProperties = { code: string; name: string };

export type MapRegion<R extends MapRow> = {
  code: string;
  /** The row's name (the register's), else the boundary's own. */
  name: string;
  row: R;
  category: MapCategory;
};

export type MapJoin<R extends MapRow> = {
  /** Boundaries with their row, in the boundaries' order. */
  regions: MapRegion<R>[];
  /** Rows whose code has no boundary (a locality entered by hand, a unit formed after the map was drawn). */
  withoutBoundary: R[];
  /** Boundaries whose code is no row of the overview (a unit merged away, or not in this database). */
  withoutUnit: BoundaryProperties[];
};

/**
 * The category a row is painted as: its colour when scored, else its evaluation state.
 *
 * @param row - the overview row
 * @param shown - whether the page's filter keeps it
 */
export const mapCategory = (row: Pick<MapRow, 'colour' | 'evaluation'>, shown: boolean): MapCategory => {
  if (!shown) return 'filtered_out';
  if (row.evaluation === 'scored' && row.colour !== 'none') return row.colour;
  return row.evaluation === 'pending_review' ? 'pending_review' : 'not_evaluated';
};

/**
 * Joins boundaries and rows on the official code.
 *
 * @param boundaries - each feature's properties (code, name)
 * @param rows - every row of the overview (not only the filtered ones)
 * @param shownIds - the rows the page's filter keeps (localityId); absent: all of them
 * @returns the regions, and what could not be joined on either side
 */
export const joinBoundaries = <R extends MapRow>(
  boundaries: readonly BoundaryProperties[],
  rows: readonly R[],
  shownIds?: ReadonlySet<string>,
): MapJoin<R> => {
  const byCode = new Map<string, R>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, row);
  const joined = new Set<string>();
  const regions: MapRegion<R>[] = [];
  const withoutUnit: BoundaryProperties[] = [];
  for (const boundary of boundaries) {
    const row = byCode.get(boundary.code);
    if (!row || joined.has(boundary.code)) {
      if (!row) withoutUnit.push(boundary);
      continue;
    }
    joined.add(boundary.code);
    regions.push({
      code: boundary.code,
      name: row.name,
      row,
      category: mapCategory(row, shownIds ? shownIds.has(row.localityId) : true),
    });
  }
  // Two rows with one code: the second cannot be drawn, so it is listed too.
  const withoutBoundary = rows.filter((row) => !joined.has(row.code) || byCode.get(row.code) !== row);
  return { regions, withoutBoundary, withoutUnit };
};

/** How many regions of each category: the legend's counts. */
export const countCategories = (regions: readonly MapRegion<MapRow>[]): Record<MapCategory, number> => {
  const counts = Object.fromEntries(MAP_CATEGORIES.map((category) => [category, 0])) as Record<
    MapCategory,
    number
  >;
  for (const region of regions) counts[region.category] += 1;
  return counts;
};
