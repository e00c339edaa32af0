import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocTable, cell as docCell } from './document-model';
import { importPlanFromDocument } from './import-plan';
import { planDocumentOf } from './test-documents';

// A task table over two pages whose header OCR reprinted with other damage: the row cut at the page
// break goes on, unnumbered and in lower case, under the second header. Generated rows and damage.

const row = (...texts: string[]) => texts.map((text) => docCell(text));
const WORDS = [
  'triển khai',
  'nền tảng số',
  'cho cán bộ',
  'công chức',
  'trên địa bàn',
  'đánh giá',
  'hằng quý',
];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 6 }).map((w) => w.join(' '));
/** The second page's header as OCR may print it: the same labels, damaged. */
const damagedName = fc.constantFrom(
  '- Nui dung nhiìm vụ',
  'Nội dung nhi ệm vụ',
  'N0i dung nhiệm vu',
  'Nội dung nhiệm vụ',
);
const damagedLead = fc.constantFrom('Cơ quan chủ trì', 'Cơ quan chủ tri', 'Co quan chủ trì');

const scanned = (tables: DocTable[]) => planDocumentOf('ocr', tables);

describe('a task table whose row runs on under a header OCR reprinted otherwise', () => {
  it('joins the lower-case unnumbered row to the row above and never calls that row certain', () => {
    fc.assert(
      fc.property(
        phrase,
        phrase,
        phrase,
        damagedName,
        damagedLead,
        (head, tail, other, nameLabel, leadLabel) => {
          const first: DocTable = {
            kind: 'table',
            rows: [
              row('STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'),
              row('1', `Xây dựng ${other}`, 'Phòng Kinh tế', 'Năm 2026'),
              row('2', `Tổ chức ${head}`, 'Phòng Văn hóa - Xã hội', 'Hằng năm'),
            ],
          };
          const second: DocTable = {
            kind: 'table',
            rows: [
              // A rule seen on this page only: one column more, so its header is not the first page's.
              row('STT', nameLabel, leadLabel, 'Thời gian hoàn thành', ''),
              row('', tail, '', '', ''),
              row('3', `Rà soát ${other}`, 'Công an xã', 'Quý IV/2026', ''),
            ],
          };
          const draft = importPlanFromDocument(scanned([first, second]));
          const names = draft.tasks.map((task) => task.name);
          expect(names).toHaveLength(3);
          expect(names[1]).toBe(`Tổ chức ${head} ${tail}`);
          expect(draft.tasks[1]?.review?.confident).toBe(false);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('a table going on under a header that OCR damaged so that it points to no field', () => {
  const first: DocTable = {
    kind: 'table',
    rows: [
      row('STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'),
      row('1', 'Xây dựng kho dữ liệu số', 'Phòng Kinh tế', 'Năm 2026'),
      row('2', 'Tổ chức tập huấn kỹ năng số cho cán bộ,', 'Phòng Văn hóa - Xã hội', 'Hằng năm'),
    ],
  };
  // The next page: one grid column more, the row cut at the break going on with a cell that reads
  // like a unit ("công chức …"), so that the damaged label's column is taken for no field on its own.
  const second = (nameLabel: string): DocTable => ({
    kind: 'table',
    rows: [
      row('STT', nameLabel, 'Cơ quan chủ trì', 'Thời gian hoàn thành', ''),
      row('', 'công chức trên địa bàn', '', '', ''),
      row('3', 'Rà soát thủ tục hành chính', 'Công an xã', 'Quý IV/2026', ''),
    ],
  });
  const read = (nameLabel: string) =>
    importPlanFromDocument(scanned([first, second(nameLabel)])).tasks.map((task) => ({
      name: task.name,
      lead: task.lead,
      deadline: task.deadlineRaw,
      confident: task.review?.confident,
    }));

  it("reads its labels by their letters against the page before's and keeps its rows", () => {
    expect(read('- Nui dung nhiìm vụ')).toEqual([
      { name: 'Xây dựng kho dữ liệu số', lead: 'Phòng Kinh tế', deadline: 'Năm 2026', confident: true },
      {
        name: 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức trên địa bàn',
        lead: 'Phòng Văn hóa - Xã hội',
        deadline: 'Hằng năm',
        confident: false,
      },
      { name: 'Rà soát thủ tục hành chính', lead: 'Công an xã', deadline: 'Quý IV/2026', confident: true },
    ]);
  });

  it('keeps the rows under a label past matching, placed column for column and every one flagged', () => {
    expect(read('N.i d-ng nh..m v.')).toEqual([
      { name: 'Xây dựng kho dữ liệu số', lead: 'Phòng Kinh tế', deadline: 'Năm 2026', confident: true },
      {
        name: 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức trên địa bàn',
        lead: 'Phòng Văn hóa - Xã hội',
        deadline: 'Hằng năm',
        confident: false,
      },
      { name: 'Rà soát thủ tục hành chính', lead: 'Công an xã', deadline: 'Quý IV/2026', confident: false },
    ]);
  });

  it('does not take a table with other labels for the same table going on', () => {
    const other: DocTable = {
      kind: 'table',
      rows: [row('STT', 'Nguồn vốn', 'Kinh phí', 'Ghi chú'), row('1', 'Ngân sách xã', '200 triệu đồng', '')],
    };
    const draft = importPlanFromDocument(scanned([first, other]));
    expect(draft.tasks.map((task) => task.name)).toEqual([
      'Xây dựng kho dữ liệu số',
      'Tổ chức tập huấn kỹ năng số cho cán bộ,',
    ]);
  });
});
