/**
 * The layouts of the corpus: how real offices print the same plan. Each layout fixes the letterhead
 * (government or Party), the document title and signature, the appendix titles, and for the indicator and
 * task tables the columns, their order and wording, multi-row and merged headers, a column-numbering row,
 * the numbering of rows and groups, and how an OCR-like text flattens the tables. None of them is shaped
 * after what the importer reads today.
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

/** The corpus layouts. */
export const LAYOUTS: readonly Layout[] = [
  {
    id: 'ubnd-classic',
    summary:
      'UBND, year columns "Năm 2025 (cơ sở)", groups I/II with rows 1,2,3, task table with Chủ trì/Phối hợp/Thời gian hoàn thành',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'TM',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: false, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'executor', 'coordinating'],
      labels: {
        stt: 'STT',
        name: 'Chỉ tiêu',
        unit: 'Đơn vị tính',
        lead: 'Cơ quan chủ trì',
        executor: 'Người thực hiện',
        coordinating: 'Cơ quan phối hợp',
      },
      yearLabel: 'nam',
      baselineMark: ' (cơ sở)',
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      empty: '',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'lead', 'coordinating', 'deadline'],
      labels: {
        stt: 'STT',
        name: 'Nhiệm vụ',
        lead: 'Chủ trì',
        coordinating: 'Phối hợp',
        deadline: 'Thời gian hoàn thành',
      },
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      coordSep: '; ',
    },
    enrichTasks: true,
    text: 'grid',
  },
  {
    id: 'merged-headers',
    summary:
      '"Mục tiêu theo năm" over bare years, "Đơn vị thực hiện" over Chủ trì/Phối hợp, numbering row (1)(2)…, rows 1.1…2.10, KT. CHỦ TỊCH, "Phụ lục số 01" with a date',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'KT',
    letterhead: 'table',
    appendix: { label: 'mixed-number', withDate: true, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'coordinating'],
      labels: {
        stt: 'TT',
        name: 'Nội dung chỉ tiêu',
        unit: 'ĐVT',
        lead: 'Chủ trì',
        coordinating: 'Phối hợp',
      },
      yearLabel: 'bare',
      yearsGroup: 'Mục tiêu theo năm',
      unitsGroup: 'Đơn vị thực hiện',
      numberRow: true,
      numbering: 'dotted',
      groupRow: 'split',
      empty: '-',
      coordSep: '\n',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'lead', 'coordinating', 'output', 'deadline'],
      labels: {
        stt: 'TT',
        name: 'Nội dung nhiệm vụ',
        lead: 'Chủ trì',
        coordinating: 'Phối hợp',
        output: 'Sản phẩm',
        deadline: 'Tiến độ',
      },
      unitsGroup: 'Đơn vị thực hiện',
      numberRow: true,
      numbering: 'dotted',
      groupRow: 'split',
      coordSep: '\n',
    },
    enrichTasks: true,
    text: 'cells-per-line',
  },
  {
    id: 'dang-uy-action',
    summary:
      'Party letterhead, KẾ HOẠCH HÀNH ĐỘNG, T/M BAN THƯỜNG VỤ / BÍ THƯ, groups A/B with rows 1,2, "Cơ quan chủ trì theo dõi, đánh giá", tasks as body text bullets',
    issuer: 'party',
    title: 'KẾ HOẠCH HÀNH ĐỘNG',
    signer: 'TM',
    letterhead: 'lines',
    appendix: { label: 'upper-roman', withDate: true, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'coordinating'],
      labels: {
        stt: 'STT',
        name: 'Tên chỉ tiêu',
        unit: 'Đơn vị',
        lead: 'Cơ quan chủ trì theo dõi, đánh giá',
        coordinating: 'Phối hợp',
      },
      yearLabel: 'nam',
      numberRow: false,
      numbering: 'letters',
      groupRow: 'merged',
      empty: '',
      coordSep: '; ',
    },
    tasks: { mode: 'body', details: 'next-line', numbering: 'arabic' },
    enrichTasks: true,
    text: 'spaces',
  },
  {
    id: 'running-numbers',
    summary:
      'CHƯƠNG TRÌNH HÀNH ĐỘNG, rows numbered on across groups, merged group rows, "Kết quả đầu ra"/"Thời hạn hoàn thành", task appendix first',
    issuer: 'government',
    title: 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
    signer: 'TM',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: false, landscape: true, tasksFirst: true },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'coordinating'],
      labels: {
        stt: 'STT',
        name: 'Chỉ tiêu chủ yếu',
        unit: 'ĐVT',
        lead: 'Đơn vị chủ trì',
        coordinating: 'Đơn vị phối hợp',
      },
      yearLabel: 'nam',
      numberRow: false,
      numbering: 'running',
      groupRow: 'merged',
      empty: '',
      coordSep: '\n',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'lead', 'coordinating', 'output', 'deadline'],
      labels: {
        stt: 'STT',
        name: 'Nội dung công việc',
        lead: 'Đơn vị chủ trì',
        coordinating: 'Đơn vị phối hợp',
        output: 'Kết quả đầu ra',
        deadline: 'Thời hạn hoàn thành',
      },
      numberRow: false,
      numbering: 'running',
      groupRow: 'merged',
      coordSep: '\n',
    },
    enrichTasks: true,
    text: 'pipes',
  },
  {
    id: 'person-columns',
    summary:
      'a person column ("Lãnh đạo phụ trách", "Công chức thực hiện") beside the agency column in both tables, "Kết quả" column in the task table',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'KT',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: true, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'leader', 'lead', 'executor', 'coordinating'],
      labels: {
        stt: 'STT',
        name: 'Chỉ tiêu',
        unit: 'Đơn vị tính',
        leader: 'Lãnh đạo phụ trách',
        lead: 'Đơn vị chủ trì',
        executor: 'Công chức thực hiện',
        coordinating: 'Đơn vị phối hợp',
      },
      yearLabel: 'nam',
      baselineMark: ' (cơ sở)',
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      empty: '',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'leader', 'lead', 'coordinating', 'output', 'deadline'],
      labels: {
        stt: 'STT',
        name: 'Nhiệm vụ',
        leader: 'Lãnh đạo phụ trách',
        lead: 'Cơ quan chủ trì',
        coordinating: 'Cơ quan phối hợp',
        output: 'Kết quả',
        deadline: 'Thời gian',
      },
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      coordSep: '; ',
    },
    enrichTasks: true,
    text: 'grid',
  },
  {
    id: 'column-order',
    summary:
      'Party, units before unit and years ("Nội dung", "Chủ trì", "Phối hợp", "Đơn vị tính", "Đến năm …"), task deadline before units, PHÓ BÍ THƯ',
    issuer: 'party',
    title: 'KẾ HOẠCH',
    signer: 'KT',
    letterhead: 'table',
    appendix: { label: 'upper-arabic', withDate: false, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'lead', 'coordinating', 'unit', 'years'],
      labels: {
        stt: 'STT',
        name: 'Nội dung',
        lead: 'Chủ trì',
        coordinating: 'Phối hợp',
        unit: 'Đơn vị tính',
      },
      yearLabel: 'den-nam',
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      empty: '—',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'deadline', 'lead', 'coordinating', 'output'],
      labels: {
        stt: 'STT',
        name: 'Nhiệm vụ',
        deadline: 'Thời gian',
        lead: 'Đơn vị chủ trì',
        coordinating: 'Đơn vị phối hợp',
        output: 'Sản phẩm',
      },
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      coordSep: '; ',
    },
    enrichTasks: true,
    text: 'cells-per-line',
  },
  {
    id: 'unnumbered-groups',
    summary:
      'group headings without numbers, rows numbered on, "Lộ trình thực hiện" over bare years, "-" for no target, tasks as bullets with inline units and deadline',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'TM',
    letterhead: 'lines',
    appendix: { label: 'mixed-number', withDate: false, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'coordinating'],
      labels: {
        stt: 'Số TT',
        name: 'Chỉ tiêu',
        unit: 'Đơn vị tính',
        lead: 'Cơ quan chủ trì',
        coordinating: 'Cơ quan phối hợp',
      },
      yearLabel: 'bare',
      yearsGroup: 'Lộ trình thực hiện',
      numberRow: false,
      numbering: 'unnumbered',
      groupRow: 'merged',
      empty: '-',
      coordSep: '; ',
    },
    tasks: { mode: 'body', details: 'inline', numbering: 'letters' },
    enrichTasks: true,
    text: 'grid',
  },
  {
    id: 'stage-rows',
    summary:
      'one row per stage and indicator under "Mục tiêu đến năm …" headings with one "Kết quả" column (rows merged by name), "Cơ quan chủ trì theo dõi, đánh giá", tasks as bullets',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'KT',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: true, landscape: false, tasksFirst: false },
    indicators: {
      shape: 'stage-rows',
      columns: ['stt', 'name', 'unit', 'years', 'lead'],
      labels: {
        stt: 'TT',
        name: 'Chỉ tiêu',
        unit: 'Đơn vị tính',
        years: 'Kết quả',
        lead: 'Cơ quan chủ trì theo dõi, đánh giá',
      },
      yearLabel: 'stage',
      numberRow: false,
      numbering: 'running',
      groupRow: 'merged',
      empty: '',
      coordSep: '; ',
    },
    tasks: { mode: 'body', details: 'inline', numbering: 'arabic' },
    enrichTasks: false,
    text: 'spaces',
  },
  {
    id: 'three-row-header',
    summary:
      'three header rows ("Chỉ tiêu phấn đấu" over years, "Tổ chức thực hiện" over units, numbering row), groups I/II with rows a, b, c, "—" for no target',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'TM',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: true, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'executor', 'coordinating'],
      labels: {
        stt: 'STT',
        name: 'Tên chỉ tiêu',
        unit: 'Đơn vị tính',
        lead: 'Cơ quan chủ trì',
        executor: 'Bộ phận thực hiện',
        coordinating: 'Cơ quan phối hợp',
      },
      yearLabel: 'nam',
      baselineMark: ' (cơ sở)',
      yearsGroup: 'Chỉ tiêu phấn đấu',
      unitsGroup: 'Tổ chức thực hiện',
      numberRow: true,
      numbering: 'roman-letters',
      groupRow: 'split',
      empty: '—',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'lead', 'coordinating', 'output', 'deadline'],
      labels: {
        stt: 'STT',
        name: 'Tên nhiệm vụ',
        lead: 'Cơ quan chủ trì',
        coordinating: 'Cơ quan phối hợp',
        output: 'Sản phẩm đầu ra',
        deadline: 'Thời hạn hoàn thành',
      },
      unitsGroup: 'Tổ chức thực hiện',
      numberRow: true,
      numbering: 'roman-letters',
      groupRow: 'split',
      coordSep: '; ',
    },
    enrichTasks: true,
    text: 'grid',
  },
  {
    id: 'dang-uy-dotted',
    summary:
      'Party, groups 1, 2 with rows 1.1…2.10, "Đồng chí phụ trách" beside "Cơ quan chủ trì", "Tiến độ thực hiện" and "Kết quả/sản phẩm"',
    issuer: 'party',
    title: 'KẾ HOẠCH',
    signer: 'TM',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: false, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead'],
      labels: { stt: 'STT', name: 'Chỉ tiêu', unit: 'ĐVT', lead: 'Đơn vị chủ trì' },
      yearLabel: 'nam',
      numberRow: false,
      numbering: 'dotted',
      groupRow: 'split',
      empty: '',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'leader', 'lead', 'deadline', 'output'],
      labels: {
        stt: 'STT',
        name: 'Nội dung nhiệm vụ',
        leader: 'Đồng chí phụ trách',
        lead: 'Cơ quan chủ trì',
        deadline: 'Tiến độ thực hiện',
        output: 'Kết quả/sản phẩm',
      },
      numberRow: false,
      numbering: 'dotted',
      groupRow: 'split',
      coordSep: '; ',
    },
    enrichTasks: true,
    text: 'pipes',
  },
  {
    id: 'compact',
    summary:
      'few columns (no unit, no coordinating), "Đến năm …" stage labels, sparse task table (empty cells where the plan names nobody), portrait appendices',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'KT',
    letterhead: 'lines',
    appendix: { label: 'upper-arabic', withDate: true, landscape: false, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'years', 'lead'],
      labels: { stt: 'TT', name: 'Chỉ tiêu', lead: 'Đơn vị chủ trì' },
      yearLabel: 'stage',
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'merged',
      empty: '',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'lead', 'deadline'],
      labels: { stt: 'TT', name: 'Nhiệm vụ', lead: 'Đơn vị chủ trì', deadline: 'Thời gian thực hiện' },
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'merged',
      coordSep: '; ',
    },
    enrichTasks: false,
    text: 'cells-per-line',
  },
  {
    id: 'tasks-first',
    summary:
      'task appendix as Phụ lục I before the indicators, "Tên nhiệm vụ"/"Thời gian thực hiện", indicator "Chủ trì theo dõi, đánh giá" and "Năm 2025 (cơ sở)", evidence column "Sản phẩm/minh chứng"',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'KT',
    letterhead: 'table',
    appendix: { label: 'mixed-number', withDate: true, landscape: true, tasksFirst: true },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'evidence', 'lead', 'coordinating'],
      labels: {
        stt: 'STT',
        name: 'Nội dung chỉ tiêu',
        unit: 'Đơn vị tính',
        evidence: 'Sản phẩm/minh chứng',
        lead: 'Chủ trì theo dõi, đánh giá',
        coordinating: 'Phối hợp',
      },
      yearLabel: 'nam',
      baselineMark: ' (cơ sở)',
      numberRow: false,
      numbering: 'roman-restart',
      groupRow: 'split',
      empty: '',
      coordSep: '; ',
    },
    tasks: {
      mode: 'table',
      columns: ['stt', 'name', 'lead', 'coordinating', 'deadline', 'output'],
      labels: {
        stt: 'STT',
        name: 'Tên nhiệm vụ',
        lead: 'Cơ quan chủ trì',
        coordinating: 'Cơ quan phối hợp',
        deadline: 'Thời gian thực hiện',
        output: 'Kết quả',
      },
      numberRow: false,
      numbering: 'letters',
      groupRow: 'merged',
      coordSep: '; ',
    },
    enrichTasks: true,
    text: 'grid',
  },
  {
    id: 'dang-uy-ctr',
    summary:
      'Party CHƯƠNG TRÌNH HÀNH ĐỘNG, "Lộ trình" over "Đến năm …" stage columns, "Tên chỉ tiêu"/"Đơn vị tính"/"Cơ quan chủ trì", tasks as bullets with units inline, numbering row',
    issuer: 'party',
    title: 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
    signer: 'KT',
    letterhead: 'lines',
    appendix: { label: 'mixed-number', withDate: true, landscape: true, tasksFirst: false },
    indicators: {
      shape: 'year-columns',
      columns: ['stt', 'name', 'unit', 'years', 'lead', 'coordinating'],
      labels: {
        stt: 'TT',
        name: 'Tên chỉ tiêu',
        unit: 'Đơn vị tính',
        lead: 'Cơ quan chủ trì',
        coordinating: 'Cơ quan phối hợp',
      },
      yearLabel: 'den-nam',
      yearsGroup: 'Lộ trình',
      numberRow: true,
      numbering: 'running',
      groupRow: 'split',
      empty: '-',
      coordSep: '\n',
    },
    tasks: { mode: 'body', details: 'next-line', numbering: 'arabic' },
    enrichTasks: true,
    text: 'spaces',
  },
];

/** The layout with this id. */
export const layoutById = (id: string): Layout => {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new Error(`unknown layout ${id}; known: ${LAYOUTS.map((l) => l.id).join(', ')}`);
  return layout;
};
