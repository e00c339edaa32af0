/**
 * Benchmarks the plan importer on the seed documents: imports each, scores the draft against its gold
 * file with `shared/seeds/score.mjs`, and prints a table of document, format, score and seconds. Seed 002
 * also runs as DOCX, digital PDF and scanned PDF (OCR), from `server/test/fixtures/import/`. A generated
 * 30-page plan (96 indicators in an appendix table, 120 tasks) runs as text and as DOCX (built here with
 * `docx`): it has no gold file, so its row counts what was read; the target is under 2 s each.
 * Usage: `npm run bench:import` (add `-- --long-only` for the 30-page plan alone). Reads ../shared (benchmarks may; the importer itself never does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { importPlanDocument } from '../server/documents/import/import-document';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const SCORER = join(SEEDS, 'score.mjs');

const FIXTURES = resolve(import.meta.dirname, '../server/test/fixtures/import');

/** One document to import: a seed text, or a DOCX/PDF/scan made from one (see the fixtures' README). */
type Case = { stem: string; format: string; path: string };

const CASES: Case[] = [
  ...['000_bd3d5bbc84b55fc1', '002_fd7da9144eb7c425', '004_f65c0da7dbd96e8d'].map((stem) => ({
    stem,
    format: 'text',
    path: join(SEEDS, `${stem}.txt`),
  })),
  { stem: '002_fd7da9144eb7c425', format: 'docx', path: join(FIXTURES, 'seed-002.docx') },
  { stem: '002_fd7da9144eb7c425', format: 'pdf', path: join(FIXTURES, 'seed-002.pdf') },
  { stem: '002_fd7da9144eb7c425', format: 'scan (OCR)', path: join(FIXTURES, 'seed-002-scan.pdf') },
];

const scoreOf = (goldPath: string, draftPath: string): number => {
  const output = execFileSync(process.execPath, [SCORER, goldPath, draftPath], { encoding: 'utf8' });
  const last = output.trim().split('\n').at(-1) ?? '';
  return Number(/import score:\s*([\d.]+)/.exec(last)?.[1] ?? Number.NaN);
};

// --- A 30-page plan, generated: the layout of a commune plan, with many indicators and tasks ---------

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const UNITS = [
  'Phòng Văn hóa - Xã hội',
  'Phòng Kinh tế, Hạ tầng và Đô thị',
  'Văn phòng HĐND và UBND',
  'Trung tâm Phục vụ hành chính công',
  'Công an xã',
  'Trạm Y tế xã',
  'Trường THCS Dân Tiến',
  'Ban Chỉ huy Quân sự xã',
];
const FIELDS = [
  'Hạ tầng số',
  'Chính quyền số',
  'Kinh tế số',
  'Xã hội số',
  'Y tế số',
  'Giáo dục số',
  'An toàn thông tin mạng',
  'Nguồn nhân lực số',
];
const SUBJECTS = [
  'hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
  'hộ gia đình có kết nối Internet cáp quang',
  'người dân trưởng thành sử dụng danh tính số VNeID mức 2',
  'cán bộ, công chức được bồi dưỡng kỹ năng số',
  'doanh nghiệp, hộ kinh doanh thanh toán không dùng tiền mặt',
  'trường học triển khai học bạ số',
  'người dân có hồ sơ sức khỏe điện tử',
  'văn bản điện tử có chữ ký số',
  'thôn, tổ dân phố có tổ công nghệ số cộng đồng',
  'camera an ninh kết nối trung tâm giám sát',
];
const ACTIONS = [
  'Rà soát, bổ sung',
  'Tổ chức triển khai',
  'Tuyên truyền, hướng dẫn người dân',
  'Xây dựng kế hoạch',
  'Phối hợp doanh nghiệp viễn thông',
  'Kiểm tra, đánh giá',
  'Bố trí kinh phí',
  'Đào tạo, tập huấn',
];
const DEADLINES = [
  'Quý IV/2025',
  'Trong Quý II/2026',
  'Tháng 10/2026',
  'Hằng năm',
  'Thường xuyên',
  'Năm 2027',
];

const FILLER =
  'Việc triển khai phải bám sát chức năng, nhiệm vụ được giao, bảo đảm rõ người, rõ việc, rõ tiến độ, rõ kết quả, rõ trách nhiệm và rõ thẩm quyền; kết quả được cập nhật định kỳ trên hệ thống theo dõi của xã, làm cơ sở đánh giá, xếp loại thi đua cuối năm của cơ quan, đơn vị và người đứng đầu.';

/** A paragraph of the body, or one row of the appendix table (cells). */
type Block = string | string[];

/** The generated plan: about 30 A4 pages at 13 pt (some 15,000 words), 96 indicators and 120 tasks. */
const longPlan = (): Block[] => {
  const blocks: Block[] = [
    'ỦY BAN NHÂN DÂN XÃ DÂN TIẾN',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 215/KH-UBND',
    'Dân Tiến, ngày 20 tháng 11 năm 2025',
    'KẾ HOẠCH',
    'Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên địa bàn xã Dân Tiến giai đoạn 2025 - 2030',
    'Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ; Kế hoạch số 155/KH-UBND ngày 15/8/2025 của UBND tỉnh Thái Nguyên, UBND xã Dân Tiến ban hành Kế hoạch thực hiện như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
  ];
  for (let i = 0; i < 6; i++) blocks.push(`- ${FILLER}`);
  blocks.push('II. MỤC TIÊU');
  for (let i = 0; i < 6; i++) blocks.push(`- ${FILLER}`);
  blocks.push('III. NHIỆM VỤ VÀ GIẢI PHÁP');
  let task = 0;
  for (const [g, field] of FIELDS.entries()) {
    blocks.push(`${g + 1}. ${field}`);
    for (let i = 0; i < 15; i++, task++) {
      const action = ACTIONS[task % ACTIONS.length];
      const subject = SUBJECTS[(task * 3) % SUBJECTS.length];
      blocks.push(
        `- ${action} để nâng tỷ lệ ${subject} trong lĩnh vực ${field.toLowerCase()} (nhiệm vụ ${task + 1}).${task % 2 === 0 ? ` ${FILLER}` : ''}`,
      );
      blocks.push(
        `Đơn vị chủ trì: ${UNITS[task % UNITS.length]}; phối hợp: ${UNITS[(task + 3) % UNITS.length]}. Thời gian hoàn thành: ${DEADLINES[task % DEADLINES.length]}.`,
      );
    }
  }
  blocks.push('IV. TỔ CHỨC THỰC HIỆN');
  blocks.push(
    '1. Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp kết quả thực hiện.',
  );
  for (const unit of UNITS) blocks.push(`- ${unit}: ${FILLER}`);
  blocks.push(
    '2. Chế độ báo cáo: các cơ quan, đơn vị báo cáo kết quả thực hiện hằng năm trước ngày 30/11 về UBND xã (qua Phòng Văn hóa - Xã hội).',
  );
  blocks.push('Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Văn An');
  blocks.push('PHỤ LỤC I', 'CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW GIAI ĐOẠN 2025 - 2030');
  blocks.push(['STT', 'Chỉ tiêu', 'Đơn vị tính', ...YEARS.map(String), 'Đơn vị chủ trì', 'Đơn vị phối hợp']);
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
  let indicator = 0;
  for (const [g, field] of FIELDS.entries()) {
    blocks.push([roman[g] ?? '', field]);
    for (let i = 0; i < 12; i++, indicator++) {
      const start = 40 + ((indicator * 7) % 40);
      blocks.push([
        String(i + 1),
        `Tỷ lệ ${SUBJECTS[indicator % SUBJECTS.length]} (chỉ tiêu ${indicator + 1})`,
        '%',
        ...YEARS.map((_year, y) => (y === 0 ? `≥ ${start}%` : `${Math.min(100, start + y * 10)}%`)),
        UNITS[indicator % UNITS.length] ?? '',
        UNITS[(indicator + 1) % UNITS.length] ?? '',
      ]);
    }
  }
  return blocks;
};

const longPlanText = (blocks: Block[]): string =>
  blocks.map((block) => (typeof block === 'string' ? block : block.join('\t'))).join('\n');

/** The same plan as a Word file: paragraphs, and the appendix as a real Word table. */
const longPlanDocx = async (blocks: Block[]): Promise<Uint8Array> => {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
  const children: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>> = [];
  let rows: Array<InstanceType<typeof TableRow>> = [];
  const width = YEARS.length + 5;
  const flush = () => {
    if (rows.length > 0) children.push(new Table({ rows }));
    rows = [];
  };
  for (const block of blocks) {
    if (typeof block === 'string') {
      flush();
      children.push(new Paragraph(block));
      continue;
    }
    // A group heading spans the row after its roman numeral.
    const cells =
      block.length === 2
        ? [
            new TableCell({ children: [new Paragraph(block[0] ?? '')] }),
            new TableCell({ children: [new Paragraph(block[1] ?? '')], columnSpan: width - 1 }),
          ]
        : block.map((text) => new TableCell({ children: [new Paragraph(text)] }));
    rows.push(new TableRow({ children: cells }));
  }
  flush();
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
};

const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const rows: string[][] = [];
// `--long-only` runs just the generated 30-page plan (no OCR), for a quick check.
const longOnly = process.argv.includes('--long-only');
for (const { stem, format, path } of longOnly ? [] : CASES) {
  if (!existsSync(path)) continue;
  const started = performance.now();
  try {
    const draft = await importPlanDocument(readFileSync(path), { fileName: basename(path) });
    const seconds = (performance.now() - started) / 1000;
    const draftPath = join(work, `${stem}.${format.replace(/\W+/g, '-')}.json`);
    writeFileSync(draftPath, JSON.stringify(draft));
    const score = scoreOf(join(SEEDS, `${stem}.gold.json`), draftPath);
    rows.push([stem, format, score.toFixed(1), seconds.toFixed(3), '']);
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    rows.push([stem, format, 'lỗi', ((performance.now() - started) / 1000).toFixed(3), note]);
  }
}

// The 30-page plan has no gold file: its row says how much was read instead of a score.
const blocks = longPlan();
const longText = longPlanText(blocks);
const LONG_PLAN_BYTES: Array<[string, Uint8Array]> = [
  ['text', new TextEncoder().encode(longText)],
  ['docx', await longPlanDocx(blocks)],
];
const words = longText.split(/\s+/).length;
for (const [format, bytes] of LONG_PLAN_BYTES) {
  const started = performance.now();
  try {
    const draft = await importPlanDocument(bytes, {
      fileName: `ke-hoach-30-trang.${format === 'text' ? 'txt' : format}`,
    });
    const seconds = (performance.now() - started) / 1000;
    const note = `${words} từ (~30 trang), ${draft.indicators.length} chỉ tiêu, ${draft.tasks.length} nhiệm vụ${seconds < 2 ? '' : ' — quá 2 s'}`;
    rows.push(['30-page plan', format, '-', seconds.toFixed(3), note]);
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    rows.push(['30-page plan', format, 'lỗi', ((performance.now() - started) / 1000).toFixed(3), note]);
  }
}

const header = ['document', 'format', 'score', 'seconds', 'note'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i] ?? 0))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
