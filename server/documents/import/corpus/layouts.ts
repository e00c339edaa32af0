/**
 * The layouts of the corpus: how real offices print the same plan. Each layout fixes the letterhead
 * (government or Party), the document title and signature, the appendix titles, and for the indicator and
 * task tables the columns, their order and wording, multi-row and merged headers, a column-numbering row,
 * the numbering of rows and groups, and how an OCR-like text flattens the tables. None of them is shaped
 * after what the importer reads today.
 * The layouts are defined in layouts-government.ts and layouts-party.ts, their shape in layout-types.ts.
 */
import type { Layout } from './layout-types';
import { GOVERNMENT_LAYOUTS } from './layouts-government';
import { PARTY_LAYOUTS } from './layouts-party';

export type {
  GroupRow,
  IndicatorColumn,
  IndicatorTableLayout,
  Layout,
  Numbering,
  TaskBodyLayout,
  TaskColumn,
  TaskTableLayout,
  TextTables,
} from './layout-types';

/** The order the corpus generates and reports the layouts in: every layout once. */
const ORDER = [
  'ubnd-classic',
  'merged-headers',
  'dang-uy-action',
  'running-numbers',
  'person-columns',
  'column-order',
  'unnumbered-groups',
  'stage-rows',
  'three-row-header',
  'dang-uy-dotted',
  'compact',
  'tasks-first',
  'dang-uy-ctr',
];

const BY_ID = new Map([...GOVERNMENT_LAYOUTS, ...PARTY_LAYOUTS].map((layout) => [layout.id, layout]));

/** The corpus layouts. */
export const LAYOUTS: readonly Layout[] = ORDER.map((id) => {
  const layout = BY_ID.get(id);
  if (!layout) throw new Error(`layout ${id} is not defined`);
  return layout;
});
if (BY_ID.size !== LAYOUTS.length)
  throw new Error('a corpus layout is defined but missing from ORDER, or two share an id');

/** The layout with this id. */
export const layoutById = (id: string): Layout => {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new Error(`unknown layout ${id}; known: ${LAYOUTS.map((l) => l.id).join(', ')}`);
  return layout;
};
