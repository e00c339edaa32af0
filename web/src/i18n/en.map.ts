import type { viLocalityMap } from './vi.map';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English strings of the overview's map. */
export const enLocalityMap: Widen<typeof viLocalityMap> = {
  localityMap: {
    title: 'Rating map',
    hintProvince:
      'Each commune or ward is painted with its rating in the ranking. Hover or tap to see its name, rating and score; click a commune with a plan to open its dashboard.',
    hintNation:
      "Each province is painted with the rating computed over its communes. Click a province to open that province's overview.",
    loading: 'Loading the map…',
    legend: 'Map legend',
    categories: {
      green: 'Green',
      yellow: 'Yellow',
      red: 'Red',
      pending_review: 'Awaiting review',
      not_evaluated: 'Not evaluated',
      filtered_out: 'Outside the filter',
      no_unit: 'Not in the list',
    },
    aria: 'Rating map of {{count}} localities of {{locality}}: {{counts}}. The ranking below lists the same localities and opens each one from the keyboard.',
    score: 'Score {{score}}',
    openCommune: 'Click to open the dashboard',
    openProvince: "Click to open the province's overview",
    noPlan: 'No plan in effect',
    provinceWord: 'Provinces',
    communeWord: 'Communes and wards',
    withoutBoundary: 'No boundary, so not drawn on the map ({{count}}): {{names}}',
    withoutUnit: 'Boundary with no locality in the list ({{count}}): {{names}}',
    loadError: 'The boundaries for the map could not be loaded: {{message}} The ranking below is complete.',
    source:
      'Simplified boundaries from the 2025 administrative reorganisation map (vietnamese-provinces-database dataset, MIT licence); for illustration only, not a legal boundary.',
  },
};
