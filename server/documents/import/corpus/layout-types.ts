/**
 * The shape of a corpus layout: the columns of the indicator and task tables and their labels, the
 * numbering of rows and groups, the letterhead, title, signature and appendices, and how an OCR-like text
 * flattens the tables. The layouts themselves are in layouts-government.ts and layouts-party.ts.
 */

/** What a column of the indicator table holds. */
export type IndicatorColumn =
  | 'stt'
  | 'name'
  | 'unit'
  | 'years'
  | 'lead'
  | 'executor'
  | 'coordinating'
  | 'leader'
  | 'evidence';
/** What a column of the task table holds. */
export type TaskColumn = 'stt' | 'name' | 'lead' | 'coordinating' | 'leader' | 'output' | 'deadline';

/**
 * How rows and group headings are numbered:
 * - roman-restart: groups I, II…; rows 1, 2, 3 restarting in each group
 * - dotted: groups 1, 2…; rows 1.1, 1.2 … 2.10
 * - running: groups I, II…; rows numbered on across groups
 * - letters: groups A, B…; rows 1, 2 restarting
 * - roman-letters: groups I, II…; rows a, b, c
 * - unnumbered: group headings without a number; rows numbered on across groups
 */
export type Numbering = 'roman-restart' | 'dotted' | 'running' | 'letters' | 'roman-letters' | 'unnumbered';

/** How the group heading row is printed: number and heading in two cells, or one merged cell. */
export type GroupRow = 'split' | 'merged';

/**
 * How the OCR-like text lays out a table row:
 * - grid: cells wrapped to their column width, side by side, vertically centred (like `pdftotext -layout`)
 * - cells-per-line: one cell per line
 * - spaces: the cells of a row on one line, separated by one or more spaces
 * - pipes: the cells of a row on one line, the table rules read as "|"
 */
export type TextTables = 'grid' | 'cells-per-line' | 'spaces' | 'pipes';

export type IndicatorTableLayout = {
  /** One column per year (the usual), or one row per stage and indicator with a single result column. */
  shape: 'year-columns' | 'stage-rows';
  columns: IndicatorColumn[];
  labels: Partial<Record<IndicatorColumn, string>>;
  /** The label of a year column. */
  yearLabel: 'nam' | 'bare' | 'den-nam' | 'stage';
  /** Appended to the baseline year's label (" (cơ sở)"); the column is then the baseline. */
  baselineMark?: string;
  /** A merged header over the year columns ("Mục tiêu theo năm"). */
  yearsGroup?: string;
  /** A merged header over the lead/coordinating/executor columns ("Đơn vị thực hiện"). */
  unitsGroup?: string;
  /** A row "(1) (2) (3)…" under the header. */
  numberRow: boolean;
  numbering: Numbering;
  groupRow: GroupRow;
  /** What an empty target cell shows. */
  empty: '' | '-' | '—';
  /** Between coordinating units in one cell. */
  coordSep: '; ' | '\n';
};

export type TaskTableLayout = {
  mode: 'table';
  columns: TaskColumn[];
  labels: Partial<Record<TaskColumn, string>>;
  unitsGroup?: string;
  numberRow: boolean;
  numbering: Numbering;
  groupRow: GroupRow;
  coordSep: '; ' | '\n';
};

export type TaskBodyLayout = {
  mode: 'body';
  /** Unit and deadline on the bullet's own line after its text, or on the next line. */
  details: 'inline' | 'next-line';
  numbering: 'arabic' | 'letters';
};

export type Layout = {
  id: string;
  /** What the layout varies, in a few words (for the report and the docs). */
  summary: string;
  issuer: 'government' | 'party';
  title: 'KẾ HOẠCH' | 'KẾ HOẠCH HÀNH ĐỘNG' | 'CHƯƠNG TRÌNH HÀNH ĐỘNG';
  /** Government: TM (Chủ tịch) or KT (Phó Chủ tịch); Party: TM (Bí thư) or KT (Phó Bí thư). */
  signer: 'TM' | 'KT';
  /** The letterhead as a borderless two-column table, or as centred lines. */
  letterhead: 'table' | 'lines';
  appendix: {
    /** "PHỤ LỤC I", "Phụ lục số 01", "PHỤ LỤC 1". */
    label: 'upper-roman' | 'mixed-number' | 'upper-arabic';
    /** "(Kèm theo Kế hoạch số … ngày dd/mm/yyyy …)" under the appendix title. */
    withDate: boolean;
    landscape: boolean;
    /** Which appendix comes first. */
    tasksFirst: boolean;
  };
  indicators: IndicatorTableLayout;
  tasks: TaskTableLayout | TaskBodyLayout;
  /** Fill the task cells a body text leaves empty (lead, deadline, output, leader) as a task table would. */
  enrichTasks: boolean;
  text: TextTables;
};
