import { readFileSync } from 'node:fs';
import type { TImportedPlanDraft } from '@core/schemas/import.schemas';
import { describe, expect, it } from 'vitest';
import { type DocCell, type DocTable, cell as docCell } from './document-model';
import { parseDocumentXml, readDocxDocument } from './docx-reader';
import { UnreadableDocumentError } from './errors';
import { importPlanDocument } from './import-document';
import { importPlanFromDocument } from './import-plan';
import { MAX_DRAFT_ROWS } from './plan-extractor';
import { buildDocx, type TestCell } from './table-docx';
import { MAX_TABLE_ROWS } from './table-interpreter';
import { readRowNumber } from './table-row-numbers';
import { planDocumentOf } from './test-documents';

const SEEDS = new URL('../../test/fixtures/seeds/', import.meta.url);
const gold = (name: string): TImportedPlanDraft =>
  JSON.parse(readFileSync(new URL(`${name}.gold.json`, SEEDS), 'utf8')) as TImportedPlanDraft;

const PREAMBLE = [
  'ĐẢNG BỘ XÃ TÂN LẬP',
  'Số: 30-KH/ĐU',
  'Tân Lập, ngày 20 tháng 10 năm 2025',
  'KẾ HOẠCH HÀNH ĐỘNG',
  'Thực hiện Nghị quyết số 57-NQ/TW',
];

const M = (text: string): TestCell => ({ text, merge: 'restart' });
const C: TestCell = { merge: 'continue' };

describe('DOCX tables read on their grid', () => {
  it('reads a stage table up to 2045 with labels above the year row, a column-numbering row, 1.1 numbering under numbered groups, a tall number cell, "-" cells and a person beside an agency', async () => {
    const bytes = await buildDocx([
      ...PREAMBLE,
      { list: 'roman', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { list: 'roman', text: 'NHIỆM VỤ, GIẢI PHÁP' },
      'PHỤ LỤC 01',
      'CHỈ TIÊU (Kèm theo Kế hoạch số 30-KH/ĐU ngày 20/10/2025)',
      {
        table: [
          [
            M('STT'),
            M('Nội dung chỉ tiêu'),
            M('Đơn vị tính'),
            { text: 'Lộ trình thực hiện', span: 5 },
            M('Đồng chí chủ trì'),
            M('Cơ quan chủ trì'),
            M('Ghi chú'),
          ],
          [C, C, C, 'Năm 2025', 'Đến năm 2030', 'Đến năm 2035', 'Đến năm 2040', 'Đến năm 2045', C, C, C],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)'],
          ['1', { text: 'Hạ tầng số', span: 10 }],
          [
            '1.1',
            'Tỷ lệ phủ sóng 5G trên địa bàn',
            '%',
            '≥ 60%',
            '100%',
            '-',
            '—',
            '–',
            'Đồng chí Phó Bí thư Đảng ủy',
            'Phòng Văn hóa - Xã hội',
            '',
          ],
          ['2', { text: 'Chính quyền số', span: 10 }],
          [
            M('2.1'),
            'Tỷ lệ hồ sơ trực tuyến',
            '%',
            '50%',
            '80%',
            '90%',
            '95%',
            '100%',
            'Phó Chủ tịch UBND xã',
            'Văn phòng HĐND và UBND xã',
            '',
          ],
          [C, 'toàn trình', '', '', '', '', '', '', '', '', ''],
          [
            '2.10',
            'Số cuộc họp trực tuyến',
            'cuộc',
            '12',
            '24',
            'x',
            '',
            '-',
            'Đồng chí Chủ tịch UBND xã',
            'Văn phòng HĐND và UBND xã',
            '',
          ],
        ],
      },
    ]);
    const draft = await importPlanDocument(bytes);
    expect(draft.indicators.map((i) => [i.code, i.group, i.name])).toEqual([
      ['1.1', 'Hạ tầng số', 'Tỷ lệ phủ sóng 5G trên địa bàn'],
      ['2.1', 'Chính quyền số', 'Tỷ lệ hồ sơ trực tuyến toàn trình'],
      ['2.10', 'Chính quyền số', 'Số cuộc họp trực tuyến'],
    ]);
    const [first, second, third] = draft.indicators;
    expect(first?.targets.map((t) => [t.year, t.op, t.value])).toEqual([
      [2025, '>=', 60],
      [2030, '>=', 100],
    ]);
    expect(second?.targets.map((t) => t.year)).toEqual([2025, 2030, 2035, 2040, 2045]);
    expect(third?.targets.map((t) => t.year)).toEqual([2025, 2030]);
    expect(first).toMatchObject({
      lead: 'Phòng Văn hóa - Xã hội',
      leader: 'Đồng chí Phó Bí thư Đảng ủy',
      unit: '%',
    });
    expect(second).toMatchObject({ lead: 'Văn phòng HĐND và UBND xã', leader: 'Phó Chủ tịch UBND xã' });
    expect(third?.unit).toBe('cuộc');
    // The date in the appendix title is not a year column; no row is a "-" qualitative target.
    expect(draft.indicators.flatMap((i) => i.targets).every((t) => t.op !== 'qualitative')).toBe(true);
    expect(draft.indicators.every((i) => i.review?.confident)).toBe(true);
  });

  it('reads a task table with "Kết quả" and "Tiến độ thực hiện", roman groups, running numbers, an unnumbered group heading and a nested table', async () => {
    const bytes = await buildDocx([
      ...PREAMBLE,
      { list: 'roman', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { list: 'roman', text: 'NHIỆM VỤ, GIẢI PHÁP' },
      'PHỤ LỤC 02',
      {
        table: [
          ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Tiến độ thực hiện'],
          ['I', { text: 'Nâng cao nhận thức', span: 5 }],
          [
            '1',
            'Tuyên truyền Nghị quyết 57',
            'Phòng Văn hóa - Xã hội',
            'Các đoàn thể',
            'Kế hoạch',
            'Quý IV/2025',
          ],
          ['2', 'Tổ chức hội nghị quán triệt', 'Văn phòng Đảng ủy', '', 'Hội nghị', 'Hằng năm'],
          ['II', { text: 'Hạ tầng', span: 5 }],
          [
            '3',
            { paragraphs: ['Rà soát hạ tầng viễn thông', 'trên địa bàn'] },
            'Phòng Kinh tế',
            { text: '', nested: [['Doanh nghiệp viễn thông'], ['Công an xã']] },
            'Báo cáo',
            'Thường xuyên',
          ],
          ['', { text: 'Chuyển đổi số trong trường học', span: 5 }],
          ['4', 'Số hóa hồ sơ học sinh', 'Trường THCS xã', '', 'Dữ liệu', 'Tháng 12/2026'],
        ],
      },
    ]);
    const draft = await importPlanDocument(bytes);
    expect(draft.indicators).toEqual([]);
    expect(draft.tasks.map((t) => [t.code, t.group, t.name, t.lead, t.output, t.deadlineRaw])).toEqual([
      [
        'I.1',
        'Nâng cao nhận thức',
        'Tuyên truyền Nghị quyết 57',
        'Phòng Văn hóa - Xã hội',
        'Kế hoạch',
        'Quý IV/2025',
      ],
      [
        'I.2',
        'Nâng cao nhận thức',
        'Tổ chức hội nghị quán triệt',
        'Văn phòng Đảng ủy',
        'Hội nghị',
        'Hằng năm',
      ],
      [
        'II.3',
        'Hạ tầng',
        'Rà soát hạ tầng viễn thông trên địa bàn',
        'Phòng Kinh tế',
        'Báo cáo',
        'Thường xuyên',
      ],
      [
        'II.4',
        'Chuyển đổi số trong trường học',
        'Số hóa hồ sơ học sinh',
        'Trường THCS xã',
        'Dữ liệu',
        'Tháng 12/2026',
      ],
    ]);
    expect(draft.tasks[2]?.coordinating).toEqual(['Doanh nghiệp viễn thông', 'Công an xã']);
    expect(draft.tasks.map((t) => t.deadline?.kind)).toEqual(['by', 'recurring', 'ongoing', 'by']);
    expect(draft.tasks.every((t) => t.review?.confident)).toBe(true);
  });

  it('writes automatic list numbers, keeps text boxes and soft breaks, skips deleted and hidden text, and lays out gridBefore', () => {
    const xml = `<w:document><w:body>
      <w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t xml:space="preserve">dòng hai </w:t></w:r><w:del><w:r><w:delText>đã xóa</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>
      <w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Trong hộp chữ</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>Trong hộp chữ</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>C &amp; D</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
    </w:body></w:document>`;
    const blocks = parseDocumentXml(xml);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Dòng một\ndòng hai' },
      { kind: 'paragraph', text: 'Trong hộp chữ' },
      {
        kind: 'table',
        rows: [
          [docCell('A'), docCell('B')],
          [docCell(''), docCell('C & D')],
        ],
      },
    ]);
  });

  it('prints Word list numbers as the document shows them', async () => {
    const doc = await readDocxDocument(
      await buildDocx([
        'KẾ HOẠCH',
        { list: 'roman', text: 'MỤC TIÊU' },
        { list: 'decimal', text: 'Mục tiêu chung' },
        { list: 'decimal', text: 'Mục tiêu cụ thể' },
        { list: 'letter', text: 'Hạ tầng' },
        { list: 'bullet', text: 'Phủ sóng 5G' },
        { list: 'roman', text: 'NHIỆM VỤ' },
      ]),
    );
    expect(doc.blocks.map((block) => (block.kind === 'paragraph' ? block.text : ''))).toEqual([
      'KẾ HOẠCH',
      'I. MỤC TIÊU',
      '1. Mục tiêu chung',
      '2. Mục tiêu cụ thể',
      'a) Hạ tầng',
      '- Phủ sóng 5G',
      'II. NHIỆM VỤ',
    ]);
  });

  it('refuses a document with more table rows than a plan can have, before extracting anything', () => {
    const row = '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>';
    const xml = `<w:document><w:body><w:tbl>${row.repeat(5_001)}</w:tbl></w:body></w:document>`;
    let error: unknown;
    try {
      parseDocumentXml(xml);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnreadableDocumentError);
    expect((error as Error).message).toMatch(/quá nhiều dòng trong bảng/);
  });
});

describe('readRowNumber', () => {
  it('reads numbering styles and damaged numbers', () => {
    expect(readRowNumber('2.10')).toEqual({ kind: 'number', number: '2.10', damaged: false });
    expect(readRowNumber('12.')).toEqual({ kind: 'number', number: '12', damaged: false });
    expect(readRowNumber('1O')).toEqual({ kind: 'number', number: '10', damaged: true });
    expect(readRowNumber('l,2')).toEqual({ kind: 'number', number: '1.2', damaged: true });
    expect(readRowNumber('IV.')).toEqual({ kind: 'roman', roman: 'IV' });
    expect(readRowNumber('B')).toEqual({ kind: 'letter', letter: 'B' });
    expect(readRowNumber('-')).toEqual({ kind: 'dash' });
    expect(readRowNumber('')).toEqual({ kind: 'none' });
  });
});

/** A small deterministic random source, so every generated layout can be replayed. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const SYNONYMS = {
  number: ['STT', 'TT', 'Số TT'],
  name: ['Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', 'Nội dung'],
  unit: ['Đơn vị tính', 'ĐVT', 'Đơn vị đo'],
  lead: [
    'Đơn vị chủ trì',
    'Cơ quan chủ trì',
    'Cơ quan chủ trì theo dõi, đánh giá',
    'Đơn vị chủ trì thực hiện',
  ],
  leader: ['Lãnh đạo chỉ đạo', 'Đồng chí phụ trách', 'Lãnh đạo chủ trì'],
  coordinating: ['Đơn vị phối hợp', 'Cơ quan phối hợp', 'Đơn vị phối hợp thực hiện'],
  band: ['Mục tiêu theo năm', 'Lộ trình thực hiện', 'Chỉ tiêu phấn đấu'],
  taskName: ['Nhiệm vụ', 'Nội dung nhiệm vụ', 'Tên nhiệm vụ', 'Nội dung công việc'],
  taskLead: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Đơn vị thực hiện'],
  output: ['Kết quả', 'Sản phẩm', 'Kết quả/sản phẩm', 'Sản phẩm đầu ra'],
  deadline: ['Thời gian hoàn thành', 'Tiến độ thực hiện', 'Thời hạn', 'Thời gian thực hiện'],
};
const PEOPLE = [
  'Đồng chí Chủ tịch UBND xã',
  'Phó Chủ tịch UBND xã phụ trách văn hóa',
  'Đồng chí Phó Bí thư Đảng ủy',
];
const EMPTY = ['', '-', '—', '–', 'x'];

type Field = { key: string; label: string; value: (index: number) => string };

/**
 * Lays out gold rows as a table in a random layout: header wording and order, one or two header rows
 * (the band over the years printed on the STT row or above it), an optional column-numbering row, and
 * one numbering style (roman groups with 1, 2, 3; numbered groups with 1.1; running numbers under letter
 * groups; unnumbered group headings).
 */
const layOut = (
  pick: <T>(items: readonly T[]) => T,
  chance: () => number,
  items: ReadonlyArray<{ group: string | null }>,
  fields: Field[],
  years: Array<{ label: string; value: (index: number) => string }>,
): DocTable => {
  const order = [...fields];
  for (let i = order.length - 1; i > 1; i--) {
    const j = 1 + Math.floor(chance() * i);
    [order[i], order[j]] = [order[j] as Field, order[i] as Field];
  }
  // The year block goes after a random column (never before the number column).
  const yearAt = years.length ? 1 + Math.floor(chance() * (order.length - 1)) : order.length;
  const width = order.length + years.length;
  const rows: DocCell[][] = [];
  const headerStyle = pick(['one row', 'band on STT row', 'band above STT row'] as const);
  const before = order.slice(0, yearAt);
  const after = order.slice(yearAt);
  if (headerStyle === 'one row' || !years.length) {
    rows.push([...before, ...years, ...after].map((f) => docCell(f.label)));
  } else if (headerStyle === 'band on STT row') {
    rows.push([
      ...before.map((f) => docCell(f.label, 1, 2)),
      docCell(pick(SYNONYMS.band), years.length),
      ...after.map((f) => docCell(f.label, 1, 2)),
    ]);
    rows.push(years.map((y) => docCell(y.label)));
  } else {
    rows.push([
      docCell('', before.length),
      docCell(pick(SYNONYMS.band), years.length),
      docCell('', after.length || 1),
    ]);
    rows.push([...before, ...years, ...after].map((f) => docCell(f.label)));
  }
  if (chance() < 0.5) rows.push(Array.from({ length: width }, (_, i) => docCell(`(${i + 1})`)));
  const numbering = pick(['roman', 'dotted', 'running', 'unnumbered'] as const);
  let group: string | null | undefined;
  let groupIndex = 0;
  let inGroup = 0;
  let running = 0;
  items.forEach((item, index) => {
    if (item.group !== group) {
      group = item.group;
      groupIndex++;
      inGroup = 0;
      const heading = item.group ?? '';
      if (heading) {
        const mark =
          numbering === 'roman'
            ? (['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][groupIndex - 1] ?? 'X')
            : numbering === 'dotted'
              ? String(groupIndex)
              : numbering === 'running'
                ? String.fromCharCode(64 + groupIndex)
                : '';
        rows.push([docCell(mark), docCell(heading, width - 1)]);
      }
    }
    inGroup++;
    running++;
    const number =
      numbering === 'dotted'
        ? `${groupIndex}.${inGroup}`
        : numbering === 'running'
          ? String(running)
          : String(inGroup);
    const values = (f: Field | (typeof years)[number]) => docCell(f.value(index));
    rows.push([docCell(number), ...before.slice(1).map(values), ...years.map(values), ...after.map(values)]);
  });
  return { kind: 'table', rows };
};

const documentOf = (table: DocTable) => planDocumentOf('docx', [table], PREAMBLE);

describe('tables in generated layouts (header wordings, column orders, header shapes, numbering styles)', () => {
  for (const seed of ['000_bd3d5bbc84b55fc1', '004_f65c0da7dbd96e8d']) {
    const plan = gold(seed);
    const years = [...new Set(plan.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort();

    it(`reads every indicator of ${seed} field by field in 24 layouts`, () => {
      for (let layout = 0; layout < 24; layout++) {
        const chance = random(layout * 7919 + seed.length);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(chance() * items.length)] as T;
        const people = plan.indicators.map(() => pick(PEOPLE));
        const withLeader = chance() < 0.6;
        const fields: Field[] = [
          { key: 'number', label: pick(SYNONYMS.number), value: () => '' },
          { key: 'name', label: pick(SYNONYMS.name), value: (i) => plan.indicators[i]?.name ?? '' },
          { key: 'unit', label: pick(SYNONYMS.unit), value: (i) => plan.indicators[i]?.unit ?? '' },
          { key: 'lead', label: pick(SYNONYMS.lead), value: (i) => plan.indicators[i]?.lead ?? '' },
          {
            key: 'coordinating',
            label: pick(SYNONYMS.coordinating),
            value: (i) => (plan.indicators[i]?.coordinating ?? []).join('; '),
          },
          ...(withLeader
            ? [{ key: 'leader', label: pick(SYNONYMS.leader), value: (i: number) => people[i] ?? '' }]
            : []),
        ];
        const yearFields = years.map((year) => ({
          label: `${pick(['Năm ', '', 'Đến năm '])}${year}${plan.indicators[0]?.baselineYear === year ? ' (Cơ sở)' : ''}`,
          value: (i: number) =>
            // A gold target without a printed value is an empty cell, which gives no target.
            plan.indicators[i]?.targets.find((t) => t.year === year)?.raw ?? pick(EMPTY),
        }));
        const table = layOut(pick, chance, plan.indicators, fields, yearFields);
        const draft = importPlanFromDocument(documentOf(table));
        const context = `layout ${layout}: ${JSON.stringify(table.rows.slice(0, 3).map((r) => r.map((c) => c.text)))}`;
        expect(
          draft.indicators.map((i) => i.name),
          context,
        ).toEqual(plan.indicators.map((i) => i.name));
        draft.indicators.forEach((indicator, i) => {
          const expected = plan.indicators[i];
          expect(indicator.name, context).toBe(expected?.name);
          expect(indicator.group, context).toBe(expected?.group);
          expect(indicator.unit, context).toBe(expected?.unit);
          expect(indicator.lead, context).toBe(expected?.lead);
          expect(indicator.coordinating, context).toEqual(expected?.coordinating);
          expect(indicator.leader, context).toBe(withLeader ? people[i] : null);
          expect(indicator.baselineYear, context).toBe(expected?.baselineYear);
          expect(
            indicator.targets.map((t) => [t.year, t.op, t.value]),
            context,
          ).toEqual(expected?.targets.filter((t) => t.raw !== null).map((t) => [t.year, t.op, t.value]));
        });
        expect(draft.tasks, context).toEqual([]);
      }
    });

    it(`reads every task of ${seed} in 24 layouts, "Kết quả" as the output and the deadline from "Tiến độ"`, () => {
      const deadlines = ['Quý IV/2025', 'Hằng năm', 'Thường xuyên', 'Tháng 6/2026', 'Năm 2027'];
      for (let layout = 0; layout < 24; layout++) {
        const chance = random(layout * 104729 + seed.length);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(chance() * items.length)] as T;
        const tasks = plan.tasks.map((task, i) => ({
          ...task,
          deadlineRaw: task.deadlineRaw ?? deadlines[i % deadlines.length] ?? null,
          lead: task.lead ?? pick(['Phòng Văn hóa - Xã hội', 'Văn phòng HĐND và UBND xã', 'Công an xã']),
          output: task.output ?? pick(['Kế hoạch', 'Báo cáo', 'Văn bản triển khai']),
        }));
        const fields: Field[] = [
          { key: 'number', label: pick(SYNONYMS.number), value: () => '' },
          { key: 'name', label: pick(SYNONYMS.taskName), value: (i) => tasks[i]?.name ?? '' },
          { key: 'lead', label: pick(SYNONYMS.taskLead), value: (i) => tasks[i]?.lead ?? '' },
          {
            key: 'coordinating',
            label: pick(SYNONYMS.coordinating),
            value: (i) => (tasks[i]?.coordinating ?? []).join('; '),
          },
          { key: 'output', label: pick(SYNONYMS.output), value: (i) => tasks[i]?.output ?? '' },
          { key: 'deadline', label: pick(SYNONYMS.deadline), value: (i) => tasks[i]?.deadlineRaw ?? '' },
        ];
        const table = layOut(pick, chance, tasks, fields, []);
        const draft = importPlanFromDocument(documentOf(table));
        const context = `layout ${layout}: ${JSON.stringify(table.rows[0]?.map((c) => c.text))}`;
        expect(draft.indicators, context).toEqual([]);
        expect(
          draft.tasks.map((t) => t.name),
          context,
        ).toEqual(tasks.map((t) => t.name));
        draft.tasks.forEach((task, i) => {
          const expected = tasks[i];
          expect([task.name, task.group, task.lead, task.output, task.deadlineRaw], context).toEqual([
            expected?.name,
            expected?.group,
            expected?.lead,
            expected?.output,
            expected?.deadlineRaw,
          ]);
          expect(task.coordinating, context).toEqual(expected?.coordinating);
          expect(task.deadline, context).not.toBeNull();
        });
      }
    });
  }
});

describe('tables split over pages', () => {
  const table = (rows: string[][]): DocTable => ({
    kind: 'table',
    rows: rows.map((row) => row.map((text) => docCell(text))),
  });
  const header = ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian hoàn thành'];

  it('joins a table continued under a repeated header, without a header, and a row broken over the page', () => {
    const doc = documentOf(
      table([
        header,
        ['I', 'Hạ tầng số', '', ''],
        ['1', 'Lắp đặt cáp quang', 'Phòng Kinh tế', 'Quý IV/2025'],
      ]),
    );
    doc.blocks.push(
      table([
        header,
        ['2', 'Phủ sóng 5G đến các thôn', 'Phòng Kinh tế', 'Năm 2026'],
        ['', 'vùng sâu, vùng xa', '', ''],
        header,
        ['3', 'Số hóa hồ sơ', 'Văn phòng HĐND và UBND xã', 'Hằng năm'],
      ]),
      table([['4', 'Tập huấn kỹ năng số', 'Phòng Văn hóa - Xã hội', 'Thường xuyên']]),
    );
    const draft = importPlanFromDocument(doc);
    expect(draft.tasks.map((t) => [t.code, t.group, t.name, t.deadline?.kind])).toEqual([
      ['I.1', 'Hạ tầng số', 'Lắp đặt cáp quang', 'by'],
      ['I.2', 'Hạ tầng số', 'Phủ sóng 5G đến các thôn vùng sâu, vùng xa', 'by'],
      ['I.3', 'Hạ tầng số', 'Số hóa hồ sơ', 'recurring'],
      ['I.4', 'Hạ tầng số', 'Tập huấn kỹ năng số', 'ongoing'],
    ]);
  });
});

describe('tables split over pages: the last row and the columns', () => {
  const table = (rows: DocCell[][]): DocTable => ({ kind: 'table', rows });
  const cells = (...texts: string[]): DocCell[] => texts.map((text) => docCell(text));
  const header = cells('STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành');

  it('finishes the last row of a page with the unnumbered lower-case row at the top of the next', () => {
    const doc = documentOf(
      table([header, cells('1', 'Bố trí cán bộ có chuyên môn về khoa', 'Công an xã', 'Hằng năm')]),
    );
    doc.blocks.push(
      table([
        header,
        cells('', 'học kỹ thuật trong đội ngũ lãnh đạo', '', ''),
        cells('2', 'Rà soát quy định', 'Phòng Kinh tế', 'Năm 2027'),
      ]),
    );
    const draft = importPlanFromDocument(doc);
    expect(draft.tasks.map((t) => [t.code, t.name, t.lead])).toEqual([
      ['1', 'Bố trí cán bộ có chuyên môn về khoa học kỹ thuật trong đội ngũ lãnh đạo', 'Công an xã'],
      ['2', 'Rà soát quy định', 'Phòng Kinh tế'],
    ]);
  });

  it('reads a page whose grid places the same labels in other columns with its own header', () => {
    // Each page's grid has one column edge more than its table: the task spans two grid columns on
    // the first page, the partner on the second.
    const doc = documentOf(
      table([
        [
          docCell('STT'),
          docCell('Nhiệm vụ', 2),
          docCell('Chủ trì'),
          docCell('Phối hợp'),
          docCell('Thời hạn'),
        ],
        [
          docCell('1'),
          docCell('Lắp đặt cáp quang', 2),
          docCell('Phòng Kinh tế'),
          docCell('Công an xã'),
          docCell('Năm 2026'),
        ],
      ]),
    );
    doc.blocks.push(
      table([
        [
          docCell('STT'),
          docCell('Nhiệm vụ'),
          docCell('Chủ trì'),
          docCell('Phối hợp', 2),
          docCell('Thời hạn'),
        ],
        [
          docCell('2'),
          docCell('Số hóa hồ sơ'),
          docCell('Công an xã'),
          docCell('Phòng Kinh tế', 2),
          docCell('Hằng năm'),
        ],
      ]),
    );
    const draft = importPlanFromDocument(doc);
    expect(draft.tasks.map((t) => [t.code, t.name, t.lead, t.coordinating, t.deadlineRaw])).toEqual([
      ['1', 'Lắp đặt cáp quang', 'Phòng Kinh tế', ['Công an xã'], 'Năm 2026'],
      ['2', 'Số hóa hồ sơ', 'Công an xã', ['Phòng Kinh tế'], 'Hằng năm'],
    ]);
  });
});

describe('a stage table over pages whose header OCR damaged on one page', () => {
  it('joins the stages of an indicator across the tables, the stage going on into the next table', () => {
    const header = (number: string, name: string) =>
      [number, name, 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì'].map((text) => docCell(text));
    const stage = (text: string) => [docCell(text, 5)];
    const row = (...texts: string[]) => texts.map((text) => docCell(text));
    const doc = documentOf({
      kind: 'table',
      rows: [
        header('TT', 'Chỉ tiêu'),
        stage('Mục tiêu đến năm 2025'),
        row('1', 'Tỷ lệ phủ sóng 5G trên địa bàn', '%', '60%', 'Phòng Văn hóa - Xã hội'),
        stage('Mục tiêu đến năm 2026'),
        row('2', 'Tỷ lệ phủ sóng 5G trên địa bàn', '%', '70%', 'Phòng Văn hóa - Xã hội'),
      ],
    });
    // The next page: its header read otherwise ("Số TT"), so not taken for the same table reprinted,
    // and no stage heading at its top.
    doc.blocks.push({
      kind: 'table',
      rows: [
        header('Số TT', 'Chỉ tiêu'),
        row('3', 'Cán bộ, công chức làm chủ kỹ năng số', '%', '90%', 'Văn phòng HĐND&UBND'),
        stage('Mục tiêu đến năm 2027'),
        row('4', 'Tỷ lệ phủ sóng 5G trên địa bàn', '%', '80%', 'Phòng Văn hóa - Xã hội'),
        row('5', 'Cán bộ, công chức làm chủ kỹ năng số', '%', '95%', 'Văn phòng HĐND&UBND'),
      ],
    });
    const draft = importPlanFromDocument(doc);
    expect(draft.indicators.map((i) => [i.name, i.targets.map((t) => [t.year, t.value])])).toEqual([
      [
        'Tỷ lệ phủ sóng 5G trên địa bàn',
        [
          [2025, 60],
          [2026, 70],
          [2027, 80],
        ],
      ],
      [
        'Cán bộ, công chức làm chủ kỹ năng số',
        [
          [2026, 90],
          [2027, 95],
        ],
      ],
    ]);
  });
});

describe('a recognised stage table: a name OCR damaged otherwise in another stage', () => {
  it('joins the rows of one indicator whose names differ by a letter, not those that differ by a digit', () => {
    const row = (...texts: string[]) => texts.map((text) => docCell(text));
    const stage = (text: string) => [docCell(text, 5)];
    const doc = {
      ...documentOf({
        kind: 'table',
        rows: [
          row('TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì'),
          stage('Mục tiêu đến năm 2025'),
          row('1', 'Hồ sơ thủ tục hành chính xử lý trực tuyến', '%', '92%', 'Trung tâm HCC'),
          row('2', 'Cơ sở giáo dục đạt mức 2 trở lên', '%', '70%', 'Phòng Văn hóa - Xã hội'),
          stage('Mục tiêu đến năm 2030'),
          row('3', 'Hồ sơ thủ tự hành chính xử lý trực tuyến', '%', '95%', 'Trung tâm HCC'),
          row('4', 'Cơ sở giáo dục đạt mức 3 trở lên', '%', '40%', 'Phòng Văn hóa - Xã hội'),
        ],
      }),
      origin: 'ocr' as const,
    };
    const draft = importPlanFromDocument(doc);
    expect(draft.indicators.map((i) => [i.name, i.targets.map((t) => [t.year, t.value])])).toEqual([
      [
        'Hồ sơ thủ tục hành chính xử lý trực tuyến',
        [
          [2025, 92],
          [2030, 95],
        ],
      ],
      ['Cơ sở giáo dục đạt mức 2 trở lên', [[2025, 70]]],
      ['Cơ sở giáo dục đạt mức 3 trở lên', [[2030, 40]]],
    ]);
  });
});

describe('tables recognised from a scan (OCR damage in labels, numerals and deadlines)', () => {
  const row = (...texts: string[]): DocCell[] => texts.map((text) => docCell(text));
  const heading = (numeral: string, text: string, width: number): DocCell[] => [
    docCell(numeral),
    docCell(text, width - 1),
  ];
  const scanned = (...tables: DocTable[]) => ({
    ...documentOf(tables[0] as DocTable),
    origin: 'ocr' as const,
  });

  it('reads damaged labels, misread roman numerals by their order, a header reprinted with other damage, and "Cuý 1/2030" as a quarter', () => {
    const first: DocTable = {
      kind: 'table',
      rows: [
        row('ST T', 'Nhi ìm vụ.', 'Chủ trì', 'Thời gian hoàn thành'),
        heading('1', 'Hạ tầng số', 4),
        row('1', 'Lắp đặt cáp quang đến các thôn', 'Phòng Kinh tế', 'Cuý 1/2030'),
        heading('H', 'Phát triển nguồn lực', 4),
        row('1', 'Tập huấn kỹ năng số cho cán bộ', 'Văn phòng HĐND và UBND xã', 'Trong Qu;; IV/2025'),
      ],
    };
    const second: DocTable = {
      kind: 'table',
      rows: [
        row('STT', 'Nhiệm vụ', 'Chủ trì Ị', 'Thời gian hoàn thành'),
        row('2', 'Bồi dưỡng kỹ năng số cho người dân', 'Phòng Văn hóa - Xã hội', 'Hằng năm'),
        heading('III', 'Khoa học, công nghệ', 4),
        row('1', 'Ứng dụng camera thông minh', 'Công an xã', 'Năm 2027'),
        heading('m', 'Chuyển đổi số', 4),
        row('1', 'Số hóa hồ sơ thủ tục hành chính', 'Công an xã', 'Thường xuyên'),
      ],
    };
    const doc = scanned(first);
    doc.blocks.push(second);
    const draft = importPlanFromDocument(doc);

    expect(draft.tasks.map((t) => [t.code, t.group, t.deadline])).toEqual([
      ['I.1', 'Hạ tầng số', { kind: 'by', date: '2030-03-31' }],
      ['II.1', 'Phát triển nguồn lực', { kind: 'by', date: '2025-12-31' }],
      ['II.2', 'Phát triển nguồn lực', { kind: 'recurring', every: 'year' }],
      ['III.1', 'Khoa học, công nghệ', { kind: 'by', date: '2027-12-31' }],
      ['IV.1', 'Chuyển đổi số', { kind: 'ongoing' }],
    ]);
    // A numeral read from the order of the sections is said on every row under it; "1" before II is I.
    expect(draft.tasks[0]?.review?.reasons.join(' ')).not.toContain('La Mã');
    expect(draft.tasks[1]?.review?.reasons.join(' ')).toContain(
      'Số mục La Mã in không rõ ("H"), đã đọc là II',
    );
    expect(draft.tasks[4]?.review?.reasons.join(' ')).toContain('đã đọc là IV');
  });

  it('finds a header whose "STT" OCR damaged by its name, its run of years and its lead, and keeps its rows', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        row('EEiN', 'Chỉ tiêu', 'Năm 2025', 'Năm 2026', 'Năm 2027', 'Đơn vị chủ trì'),
        heading('I', 'Phát triển hạ tầng số', 6),
        row('1', 'Tỷ lệ phủ sóng 5G trên địa bàn', '60%', '70%', '80%', 'Phòng Văn hóa - Xã hội'),
        row('2', 'Hồ sơ thủ tục hành chính được số hóa', '80%', '90%', '95%', 'Trung tâm HCC'),
        row('3', 'Người dân có tài khoản định danh điện tử', '70%', '75%', '80%', 'Công an xã'),
      ],
    };
    const draft = importPlanFromDocument(scanned(table));
    expect(draft.indicators).toHaveLength(3);
    expect(
      draft.indicators.slice(0, 2).map((i) => [i.code, i.name, i.targets.map((t) => [t.year, t.value])]),
    ).toEqual([
      [
        'I.1',
        'Tỷ lệ phủ sóng 5G trên địa bàn',
        [
          [2025, 60],
          [2026, 70],
          [2027, 80],
        ],
      ],
      [
        'I.2',
        'Hồ sơ thủ tục hành chính được số hóa',
        [
          [2025, 80],
          [2026, 90],
          [2027, 95],
        ],
      ],
    ]);
  });

  it('tags a recognised row certain only when every word and comparator passed: a lost letter ("phi đ a giới") or "= 80%" is flagged', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        row('STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2025', 'Năm 2030', 'Đơn vị chủ trì'),
        row('1', 'Hồ sơ thủ tục hành chính được số hóa', '%', '≥ 80%', '100%', 'Trung tâm HCC'),
        row(
          '2',
          'Thủ tục hành chính giải quyết phi đ a giới hành chính',
          '%',
          '≥ 70%',
          '100%',
          'Trung tâm HCC',
        ),
        row('3', 'Cán bộ, công chức bồi dưỡng kỹ năng số cơ bản', '%', '= 80%', '100%', 'Văn phòng UBND'),
      ],
    };
    const draft = importPlanFromDocument(scanned(table));
    expect(draft.indicators.map((indicator) => indicator.review?.confident)).toEqual([true, false, false]);
    expect(draft.indicators[1]?.review?.reasons.join(' ')).toContain('"đ"');
    expect(draft.indicators[2]?.review?.reasons.join(' ')).toContain('("= 80%")');
    // Nothing is changed: the row keeps what the scan printed.
    expect(draft.indicators[1]?.name).toBe('Thủ tục hành chính giải quyết phi đ a giới hành chính');
    expect(draft.indicators[2]?.targets[0]?.raw).toBe('= 80%');
  });

  it('leaves misread numerals as printed, and flags their rows, in a table where no heading reads as a roman numeral', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        row('STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành'),
        heading('H', 'Phát triển nguồn lực', 4),
        row('1', 'Tập huấn kỹ năng số cho cán bộ', 'Công an xã', 'Hằng năm'),
      ],
    };
    const draft = importPlanFromDocument(scanned(table));
    expect(draft.tasks.map((t) => t.code)).toEqual(['H.1']);
    expect(draft.tasks[0]?.review?.reasons.join(' ')).toContain('Số mục "H" in không rõ');
  });

  it('keeps headings as printed when the numerals do not run (a numbered group under a section stays a group)', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        row('STT', 'Nhiệm vụ', 'Chủ trì', 'Thời gian hoàn thành'),
        heading('I', 'Hạ tầng số', 4),
        heading('1', 'Cáp quang', 4),
        row('1.1', 'Lắp đặt cáp quang đến các thôn', 'Phòng Kinh tế', 'Quý IV/2025'),
        heading('a', 'Trạm phát sóng', 4),
        row('1.2', 'Phủ sóng 5G', 'Phòng Kinh tế', 'Năm 2026'),
        heading('II', 'Chuyển đổi số', 4),
        row('1', 'Số hóa hồ sơ thủ tục hành chính', 'Công an xã', 'Thường xuyên'),
      ],
    };
    const draft = importPlanFromDocument(scanned(table));
    expect(draft.tasks.map((t) => [t.code, t.group])).toEqual([
      ['I.1.1', 'Cáp quang'],
      ['I.1.2', 'Trạm phát sóng'],
      ['II.1', 'Chuyển đổi số'],
    ]);
  });

  it('reads ">" as "≥" in a scan\'s targets but keeps an indicator\'s name as printed, not a catalog name', () => {
    const table: DocTable = {
      kind: 'table',
      rows: [
        row('STT', 'Chỉ tiêu', 'Đơ nv tín h', 'Năm 2025', 'Năm 2030'),
        row('1', 'Số doanh nghiệp công nghệ số', 'Doanh nghiệp', '> 5', '10'),
      ],
    };
    const draft = importPlanFromDocument(scanned(table));
    expect(draft.indicators.map((i) => [i.name, i.unit, i.targets.map((t) => [t.raw, t.op])])).toEqual([
      [
        'Số doanh nghiệp công nghệ số',
        'Doanh nghiệp',
        [
          ['≥ 5', '>='],
          ['10', '>='],
        ],
      ],
    ]);
  });
});

describe('columns read from their labels and contents', () => {
  const table = (rows: string[][]): DocTable => ({
    kind: 'table',
    rows: rows.map((row) => row.map((text) => docCell(text))),
  });

  it('reads a table without a number column, a "Thực hiện năm 2024" value column and an ignored funding column, and keeps its text out of the bullet lists', () => {
    const doc = documentOf(
      table([
        ['Chỉ tiêu', 'Thực hiện năm 2024', 'Năm 2025', 'Năm 2030', 'Cơ quan, đơn vị chủ trì', 'Kinh phí'],
        ['Tỷ lệ phủ sóng 5G trên địa bàn', '40%', '60%', '100%', 'Phòng Văn hóa - Xã hội', 'Ngân sách xã'],
        ['Tỷ lệ hộ gia đình có cáp quang', '50%', '70%', '-', 'Phòng Kinh tế', ''],
      ]),
    );
    const draft = importPlanFromDocument(doc);
    expect(draft.indicators.map((i) => [i.code, i.name, i.unit, i.lead])).toEqual([
      [null, 'Tỷ lệ phủ sóng 5G trên địa bàn', '%', 'Phòng Văn hóa - Xã hội'],
      [null, 'Tỷ lệ hộ gia đình có cáp quang', '%', 'Phòng Kinh tế'],
    ]);
    expect(draft.indicators[1]?.targets.map((t) => t.year)).toEqual([2024, 2025]);
    // The table sits under "II. NHIỆM VỤ": its rows are not read again as bullet tasks.
    expect(draft.tasks).toEqual([]);
  });

  it('tells the leader (people) from the lead (agencies) whatever the labels say', () => {
    for (const [first, second] of [
      ['Chủ trì', 'Chủ trì thực hiện'],
      ['Lãnh đạo chủ trì', 'Cơ quan chủ trì'],
      ['Người chủ trì', 'Đơn vị chủ trì'],
      ['Chủ trì', 'Chủ trì'],
    ]) {
      const draft = importPlanFromDocument(
        documentOf(
          table([
            ['TT', 'Nội dung công việc', first ?? '', second ?? '', 'Thời gian'],
            [
              '1',
              'Xây dựng kế hoạch chuyển đổi số',
              'Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND xã',
              'Văn phòng HĐND và UBND xã',
              '2025',
            ],
            [
              '2',
              'Tập huấn kỹ năng số cho cán bộ',
              'Đồng chí Trần Văn Bình, Chủ tịch UBND xã',
              'Phòng Văn hóa - Xã hội',
              'Hằng quý',
            ],
          ]),
        ),
      );
      expect(
        draft.tasks.map((t) => [t.leader, t.lead]),
        `${first} / ${second}`,
      ).toEqual([
        ['Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND xã', 'Văn phòng HĐND và UBND xã'],
        ['Đồng chí Trần Văn Bình, Chủ tịch UBND xã', 'Phòng Văn hóa - Xã hội'],
      ]);
    }
  });
});

describe('bounds', () => {
  it('reads at most MAX_TABLE_ROWS table rows and says what was cut', () => {
    const rows = [['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Thời hạn']];
    for (let i = 1; i <= MAX_TABLE_ROWS + 10; i++)
      rows.push([String(i), `Nhiệm vụ số ${i}`, 'Công an xã', 'Năm 2026']);
    const draft = importPlanFromDocument(
      documentOf({ kind: 'table', rows: rows.map((row) => row.map((text) => docCell(text))) }),
    );
    expect(draft.tasks.length).toBeLessThanOrEqual(MAX_DRAFT_ROWS);
    expect(draft.uncertain.join(' ')).toMatch(/Bảng quá dài/);
    expect(draft.uncertain.join(' ')).toMatch(/chỉ giữ 2\.000 nhiệm vụ đầu/);
  });
});

describe('honest confidence', () => {
  const table = (rows: string[][]): DocTable => ({
    kind: 'table',
    rows: rows.map((row) => row.map((text) => docCell(text))),
  });

  it('flags a row whose target, unit or lead did not read, and trusts a clean one', () => {
    const draft = importPlanFromDocument(
      documentOf(
        table([
          ['STT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Năm 2025', 'Năm 2030', 'Đơn vị chủ trì'],
          ['1', 'Tỷ lệ phủ sóng 5G trên địa bàn', '%', '≥ 60%', '100%', 'Phòng Văn hóa - Xã hội'],
          ['2', 'Tỷ lệ hộ gia đình có', '%', '70%', '90%', 'Phòng Văn hóa - Xã hội'],
          ['3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '', '50%', '80%', 'Trung tâm Phục vụ hành chính công'],
          [
            '4',
            'Số doanh nghiệp công nghệ số',
            'doanh nghiệp',
            '2 hoặc 3 tùy năm',
            '5',
            'Trung tâm Phục vụ hành chính công',
          ],
          ['5', 'Số thôn có điểm truy cập công cộng', 'thôn', '4', '8', 'Nguyễn Văn A'],
        ]),
      ),
    );
    expect(draft.indicators.map((i) => i.review?.confident)).toEqual([true, false, true, false, false]);
    expect(draft.indicators[1]?.review?.reasons.join(' ')).toMatch(/Tên chỉ tiêu/);
    expect(draft.indicators[3]?.review?.reasons.join(' ')).toMatch(/giá trị chỉ tiêu năm 2025/);
    expect(draft.indicators[4]?.review?.reasons.join(' ')).toMatch(/Đơn vị chủ trì/);
    // Without a unit column a "%" target gives the unit; a row with no unit at all would be flagged.
    expect(draft.indicators[2]?.unit).toBe('%');
  });
});
