/**
 * Builds a layout's two tables from what a layout states once: the columns in order with their header
 * labels (one list, not a column list and a label map that repeat each other), and the row style that both
 * tables share unless the task table says otherwise.
 */
import type {
  GroupRow,
  IndicatorColumn,
  IndicatorTableLayout,
  Layout,
  Numbering,
  TaskBodyLayout,
  TaskColumn,
  TaskTableLayout,
} from './layout-types';

/** How a table numbers its rows and group headings and prints its cells. */
export type RowStyle = {
  /** A row "(1) (2) (3)…" under the header. */
  numberRow: boolean;
  numbering: Numbering;
  groupRow: GroupRow;
  /** Between coordinating units in one cell. */
  coordSep: '; ' | '\n';
};

/**
 * A table's columns in order, each with its header label; a bare name is a column without a label of its
 * own (the year columns, labelled by `yearLabel`).
 */
type Columns<C extends string> = ReadonlyArray<C | readonly [C, string]>;

const columnsOf = <C extends string>(columns: Columns<C>) => ({
  columns: columns.map((column) => (typeof column === 'string' ? column : column[0])),
  labels: Object.fromEntries(columns.filter((column) => typeof column !== 'string')) as Partial<
    Record<C, string>
  >,
});

type IndicatorTable = Omit<IndicatorTableLayout, 'columns' | 'labels' | keyof RowStyle> & {
  columns: Columns<IndicatorColumn>;
};
type TaskTable = Omit<TaskTableLayout, 'mode' | 'columns' | 'labels' | keyof RowStyle> &
  Partial<RowStyle> & { columns: Columns<TaskColumn> };

/** A layout's indicator table and its task table (or its tasks as body text), in the row style given. */
export const tables = ({
  rows,
  indicators,
  tasks,
}: {
  rows: RowStyle;
  indicators: IndicatorTable;
  tasks: TaskTable | TaskBodyLayout;
}): Pick<Layout, 'indicators' | 'tasks'> => ({
  indicators: { ...indicators, ...columnsOf(indicators.columns), ...rows },
  tasks:
    'mode' in tasks ? tasks : { mode: 'table', ...rows, ...tasks, ...columnsOf<TaskColumn>(tasks.columns) },
});
