/**
 * The corpus layouts of plans a Party committee (Đảng ủy) issues: Party letterhead, signed for the standing
 * committee by the secretary or a deputy, each with its own indicator and task tables. Listed with the
 * government's in layouts.ts.
 */
import { tables } from './layout-tables';
import type { Layout } from './layout-types';

/** The party layouts of the corpus. */
export const PARTY_LAYOUTS: readonly Layout[] = [
  {
    id: 'dang-uy-action',
    summary:
      'Party letterhead, KẾ HOẠCH HÀNH ĐỘNG, T/M BAN THƯỜNG VỤ / BÍ THƯ, groups A/B with rows 1,2, "Cơ quan chủ trì theo dõi, đánh giá", tasks as body text bullets',
    issuer: 'party',
    title: 'KẾ HOẠCH HÀNH ĐỘNG',
    signer: 'TM',
    letterhead: 'lines',
    appendix: { label: 'upper-roman', withDate: true, landscape: true, tasksFirst: false },
    ...tables({
      rows: { numberRow: false, numbering: 'letters', groupRow: 'merged', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Tên chỉ tiêu'],
          ['unit', 'Đơn vị'],
          'years',
          ['lead', 'Cơ quan chủ trì theo dõi, đánh giá'],
          ['coordinating', 'Phối hợp'],
        ],
        yearLabel: 'nam',
        empty: '',
      },
      tasks: { mode: 'body', details: 'next-line', numbering: 'arabic' },
    }),
    enrichTasks: true,
    text: 'spaces',
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
    ...tables({
      rows: { numberRow: false, numbering: 'roman-restart', groupRow: 'split', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'STT'],
          ['name', 'Nội dung'],
          ['lead', 'Chủ trì'],
          ['coordinating', 'Phối hợp'],
          ['unit', 'Đơn vị tính'],
          'years',
        ],
        yearLabel: 'den-nam',
        empty: '—',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Nhiệm vụ'],
          ['deadline', 'Thời gian'],
          ['lead', 'Đơn vị chủ trì'],
          ['coordinating', 'Đơn vị phối hợp'],
          ['output', 'Sản phẩm'],
        ],
      },
    }),
    enrichTasks: true,
    text: 'cells-per-line',
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
    ...tables({
      rows: { numberRow: false, numbering: 'dotted', groupRow: 'split', coordSep: '; ' },
      indicators: {
        shape: 'year-columns',
        columns: [['stt', 'STT'], ['name', 'Chỉ tiêu'], ['unit', 'ĐVT'], 'years', ['lead', 'Đơn vị chủ trì']],
        yearLabel: 'nam',
        empty: '',
      },
      tasks: {
        columns: [
          ['stt', 'STT'],
          ['name', 'Nội dung nhiệm vụ'],
          ['leader', 'Đồng chí phụ trách'],
          ['lead', 'Cơ quan chủ trì'],
          ['deadline', 'Tiến độ thực hiện'],
          ['output', 'Kết quả/sản phẩm'],
        ],
      },
    }),
    enrichTasks: true,
    text: 'pipes',
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
    ...tables({
      rows: { numberRow: true, numbering: 'running', groupRow: 'split', coordSep: '\n' },
      indicators: {
        shape: 'year-columns',
        columns: [
          ['stt', 'TT'],
          ['name', 'Tên chỉ tiêu'],
          ['unit', 'Đơn vị tính'],
          'years',
          ['lead', 'Cơ quan chủ trì'],
          ['coordinating', 'Cơ quan phối hợp'],
        ],
        yearLabel: 'den-nam',
        yearsGroup: 'Lộ trình',
        empty: '-',
      },
      tasks: { mode: 'body', details: 'next-line', numbering: 'arabic' },
    }),
    enrichTasks: true,
    text: 'spaces',
  },
];
