/**
 * The corpus layouts of plans a People's Committee (UBND) issues: national letterhead, KẾ HOẠCH or
 * CHƯƠNG TRÌNH HÀNH ĐỘNG signed for the committee, each with its own indicator and task tables. Listed
 * with the Party's in layouts.ts.
 */
import { tables } from './layout-tables';
import type { Layout } from './layout-types';

/** The government layouts of the corpus. */
export const GOVERNMENT_LAYOUTS: readonly Layout[] = [
  {
    id: 'ubnd-classic',
    summary:
      'UBND, year columns "Năm 2025 (cơ sở)", groups I/II with rows 1,2,3, task table with Chủ trì/Phối hợp/Thời gian hoàn thành',
    issuer: 'government',
    title: 'KẾ HOẠCH',
    signer: 'TM',
    letterhead: 'table',
    appendix: { label: 'upper-roman', withDate: false, landscape: true, tasksFirst: false },
    ...tables({
      rows: { numberRow: false, numbering: 'roman-restart', groupRow: 'split', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          'years',
          ['lead', 'Cơ quan chủ trì'],
          ['executor', 'Người thực hiện'],
          ['coordinating', 'Cơ quan phối hợp'],
        ],
        yearLabel: 'nam',
        baselineMark: ' (cơ sở)',
        empty: '',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Nhiệm vụ'],
          ['lead', 'Chủ trì'],
          ['coordinating', 'Phối hợp'],
          ['deadline', 'Thời gian hoàn thành'],
        ],
      },
    }),
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
    ...tables({
      rows: { numberRow: true, numbering: 'dotted', groupRow: 'split', coordSep: '\n' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'TT'],
          ['name', 'Nội dung chỉ tiêu'],
          ['unit', 'ĐVT'],
          'years',
          ['lead', 'Chủ trì'],
          ['coordinating', 'Phối hợp'],
        ],
        yearLabel: 'bare',
        yearsGroup: 'Mục tiêu theo năm',
        unitsGroup: 'Đơn vị thực hiện',
        empty: '-',
      },
      tasks: {
        columns: [
          ['stt', 'TT'],
          ['name', 'Nội dung nhiệm vụ'],
          ['lead', 'Chủ trì'],
          ['coordinating', 'Phối hợp'],
          ['output', 'Sản phẩm'],
          ['deadline', 'Tiến độ'],
        ],
        unitsGroup: 'Đơn vị thực hiện',
      },
    }),
    enrichTasks: true,
    text: 'cells-per-line',
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
    ...tables({
      rows: { numberRow: false, numbering: 'running', groupRow: 'merged', coordSep: '\n' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Chỉ tiêu chủ yếu'],
          ['unit', 'ĐVT'],
          'years',
          ['lead', 'Đơn vị chủ trì'],
          ['coordinating', 'Đơn vị phối hợp'],
        ],
        yearLabel: 'nam',
        empty: '',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Nội dung công việc'],
          ['lead', 'Đơn vị chủ trì'],
          ['coordinating', 'Đơn vị phối hợp'],
          ['output', 'Kết quả đầu ra'],
          ['deadline', 'Thời hạn hoàn thành'],
        ],
      },
    }),
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
    ...tables({
      rows: { numberRow: false, numbering: 'roman-restart', groupRow: 'split', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          'years',
          ['leader', 'Lãnh đạo phụ trách'],
          ['lead', 'Đơn vị chủ trì'],
          ['executor', 'Công chức thực hiện'],
          ['coordinating', 'Đơn vị phối hợp'],
        ],
        yearLabel: 'nam',
        baselineMark: ' (cơ sở)',
        empty: '',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Nhiệm vụ'],
          ['leader', 'Lãnh đạo phụ trách'],
          ['lead', 'Cơ quan chủ trì'],
          ['coordinating', 'Cơ quan phối hợp'],
          ['output', 'Kết quả'],
          ['deadline', 'Thời gian'],
        ],
      },
    }),
    enrichTasks: true,
    text: 'grid',
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
    ...tables({
      rows: { numberRow: false, numbering: 'unnumbered', groupRow: 'merged', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'Số TT'],
          ['name', 'Chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          'years',
          ['lead', 'Cơ quan chủ trì'],
          ['coordinating', 'Cơ quan phối hợp'],
        ],
        yearLabel: 'bare',
        yearsGroup: 'Lộ trình thực hiện',
        empty: '-',
      },
      tasks: { mode: 'body', details: 'inline', numbering: 'letters' },
    }),
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
    ...tables({
      rows: { numberRow: false, numbering: 'running', groupRow: 'merged', coordSep: '; ' },
      indicators: {
        shape: 'stage-rows',
        columns: [
          ['stt', 'TT'],
          ['name', 'Chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          ['years', 'Kết quả'],
          ['lead', 'Cơ quan chủ trì theo dõi, đánh giá'],
        ],
        yearLabel: 'stage',
        empty: '',
      },
      tasks: { mode: 'body', details: 'inline', numbering: 'arabic' },
    }),
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
    ...tables({
      rows: { numberRow: true, numbering: 'roman-letters', groupRow: 'split', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Tên chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          'years',
          ['lead', 'Cơ quan chủ trì'],
          ['executor', 'Bộ phận thực hiện'],
          ['coordinating', 'Cơ quan phối hợp'],
        ],
        yearLabel: 'nam',
        baselineMark: ' (cơ sở)',
        yearsGroup: 'Chỉ tiêu phấn đấu',
        unitsGroup: 'Tổ chức thực hiện',
        empty: '—',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Tên nhiệm vụ'],
          ['lead', 'Cơ quan chủ trì'],
          ['coordinating', 'Cơ quan phối hợp'],
          ['output', 'Sản phẩm đầu ra'],
          ['deadline', 'Thời hạn hoàn thành'],
        ],
        unitsGroup: 'Tổ chức thực hiện',
      },
    }),
    enrichTasks: true,
    text: 'grid',
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
    ...tables({
      rows: { numberRow: false, numbering: 'roman-restart', groupRow: 'merged', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [['stt', 'TT'], ['name', 'Chỉ tiêu'], 'years', ['lead', 'Đơn vị chủ trì']],
        yearLabel: 'stage',
        empty: '',
      },
      tasks: {
        columns: [
          ['stt', 'TT'],
          ['name', 'Nhiệm vụ'],
          ['lead', 'Đơn vị chủ trì'],
          ['deadline', 'Thời gian thực hiện'],
        ],
      },
    }),
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
    ...tables({
      rows: { numberRow: false, numbering: 'roman-restart', groupRow: 'split', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Nội dung chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          'years',
          ['evidence', 'Sản phẩm/minh chứng'],
          ['lead', 'Chủ trì theo dõi, đánh giá'],
          ['coordinating', 'Phối hợp'],
        ],
        yearLabel: 'nam',
        baselineMark: ' (cơ sở)',
        empty: '',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Tên nhiệm vụ'],
          ['lead', 'Cơ quan chủ trì'],
          ['coordinating', 'Cơ quan phối hợp'],
          ['deadline', 'Thời gian thực hiện'],
          ['output', 'Kết quả'],
        ],
        numbering: 'letters',
        groupRow: 'merged',
      },
    }),
    enrichTasks: true,
    text: 'grid',
  },
];
