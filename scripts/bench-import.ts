/**
 * Benchmarks the plan importer.
 *
 * 1. The layout corpus (`server/documents/import/corpus/`): every seed's gold plan in every layout, as DOCX,
 *    digital PDF, 200-dpi scan and OCR-like text. For each document: the score against the gold it was
 *    rendered from, the seconds and the PEAK MEMORY of the import, each import run alone in a child process
 *    (`corpus/run-import.ts`, which reads `process.resourceUsage().maxRSS`). Then a layout × format table of
 *    mean scores, a per-format summary (min/mean score, seconds, peak memory) and the confidence figures of
 *    the issue: the share of rows tagged certain that are right (goal ≥ 97%) and the share of wrong rows that
 *    were flagged (goal ≥ 95%), judged as `corpus/confidence.ts` says.
 * 2. The seed documents as before: each seed text (and seed 002 as DOCX, PDF and scan, from
 *    `server/test/fixtures/import/`) scored with `shared/seeds/score.mjs`, and a generated 30-page plan (96
 *    indicators in an appendix table, 120 tasks) as text and DOCX, which has no gold: its row counts what
 *    was read; the target is under 2 s each.
 *
 * Usage: `npm run bench:import [-- options]`
 *   --formats docx,pdf,scan,text   corpus formats (all by default; scans cost about 10 s a page)
 *   --layouts a,b                  corpus layouts (all by default)
 *   --seeds 000,002                corpus seeds (all by default)
 *   --seed N                       the corpus's random seed value (1)
 *   --dir DIR                      write the corpus and drafts there (kept) instead of a temporary folder
 *   --corpus-only | --seeds-only | --long-only   run one part only
 * Reads ../shared for the seed part (benchmarks may; the importer itself never does).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type CorpusFormat, FORMATS, generateCorpus } from '../server/documents/import/corpus';
import {
  addCounts,
  type ConfidenceCounts,
  confidenceCounts,
  confidenceFigures,
  emptyCounts,
} from '../server/documents/import/corpus/confidence';
import { SCORER_PATH } from '../server/documents/import/corpus/gold';

const runFile = promisify(execFile);

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const SHARED_SCORER = join(SEEDS, 'score.mjs');
const FIXTURES = resolve(import.meta.dirname, '../server/test/fixtures/import');
const RUNNER = resolve(import.meta.dirname, '../server/documents/import/corpus/run-import.ts');

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const list = (name: string): string[] | undefined => option(name)?.split(',').filter(Boolean);
const flag = (name: string): boolean => args.includes(`--${name}`);

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

/** The score a scorer gives a draft ("import score" of its last line). */
const scoreOf = (scorer: string, goldPath: string, draftPath: string): number => {
  const output = execFileSync(process.execPath, [scorer, goldPath, draftPath], { encoding: 'utf8' });
  const last = output.trim().split('\n').at(-1) ?? '';
  return Number(/import score:\s*([\d.]+)/.exec(last)?.[1] ?? Number.NaN);
};

/** What the child process reports of one import. */
type Run = { seconds: number; peakMb: number; baselineMb: number; error: string | null };

/** Imports a file in a child process; the draft is written to draftPath. */
const importAlone = async (path: string, draftPath: string): Promise<Run> => {
  try {
    const { stdout } = await runFile(process.execPath, ['--import', 'tsx', RUNNER, path, draftPath], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Run;
  } catch (error) {
    // A native crash of the child (a signal) is said as such; else the child's last words.
    const failed = error as { signal?: string | null; stderr?: string };
    const last = (failed.stderr ?? '').trim().split('\n').at(-1);
    const note = failed.signal
      ? `tín hiệu ${failed.signal}`
      : last || (error instanceof Error ? error.message.split('\n')[0] : String(error));
    return {
      seconds: Number.NaN,
      peakMb: Number.NaN,
      baselineMb: Number.NaN,
      error: `tiến trình lỗi: ${note}`,
    };
  }
};

const table = (header: string[], rows: string[][]): string => {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const pct = (x: number | null) => (x == null ? 'n/a (no rows)' : `${(100 * x).toFixed(1)}%`);

const work = option('dir') ? resolve(option('dir') ?? '') : mkdtempSync(join(tmpdir(), 'bench-import-'));
mkdirSync(work, { recursive: true });
const longOnly = flag('long-only');
const corpusOnly = flag('corpus-only');
const seedsOnly = flag('seeds-only');

// ---- 1. The layout corpus ---------------------------------------------------------------------------

if (!longOnly && !seedsOnly) {
  const formats = (list('formats') as CorpusFormat[] | undefined) ?? [...FORMATS];
  for (const format of formats) if (!FORMATS.includes(format)) throw new Error(`unknown format ${format}`);
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  const generating = performance.now();
  const entries = await generateCorpus({
    outDir: corpusDir,
    formats,
    layouts: list('layouts'),
    seeds: list('seeds'),
    seedValue: Number(option('seed') ?? 1),
  });
  console.error(
    `corpus: ${entries.length} documents in ${((performance.now() - generating) / 1000).toFixed(1)} s (${corpusDir})`,
  );

  type Result = {
    seed: string;
    layout: string;
    format: CorpusFormat;
    score: number;
    run: Run;
    counts: ConfidenceCounts;
  };
  const results: Result[] = [];
  for (const [i, entry] of entries.entries()) {
    const draftPath = join(corpusDir, `${basename(entry.path)}.draft.json`);
    const run = await importAlone(entry.path, draftPath);
    let score = 0;
    let counts = emptyCounts();
    if (!run.error) {
      score = scoreOf(SCORER_PATH, entry.goldPath, draftPath);
      counts = confidenceCounts(
        JSON.parse(readFileSync(entry.goldPath, 'utf8')),
        JSON.parse(readFileSync(draftPath, 'utf8')),
      );
    }
    results.push({ seed: entry.seed, layout: entry.layout, format: entry.format, score, run, counts });
    console.error(
      `[${i + 1}/${entries.length}] ${entry.seed}.${entry.layout}.${entry.format}: ${fixed(score)} in ${fixed(run.seconds)} s, ${fixed(run.peakMb, 0)} MB${run.error ? ` — ${run.error}` : ''}`,
    );
  }

  console.log('\n## Layout corpus: every document (score against its gold; an import error scores 0)\n');
  console.log(
    table(
      ['seed', 'layout', 'format', 'score', 'seconds', 'peak MB', 'note'],
      results.map((r) => [
        r.seed,
        r.layout,
        r.format,
        fixed(r.score),
        fixed(r.run.seconds, 2),
        fixed(r.run.peakMb, 0),
        r.run.error ?? '',
      ]),
    ),
  );

  const layouts = [...new Set(results.map((r) => r.layout))];
  const usedFormats = FORMATS.filter((f) => results.some((r) => r.format === f));
  console.log('\n## Layout × format: mean score over seeds (min), mean seconds, max peak MB\n');
  console.log(
    table(
      ['layout', ...usedFormats],
      layouts.map((layout) => [
        layout,
        ...usedFormats.map((format) => {
          const cell = results.filter((r) => r.layout === layout && r.format === format);
          if (!cell.length) return '';
          const scores = cell.map((r) => r.score);
          return `${fixed(mean(scores))} (${fixed(Math.min(...scores))}) ${fixed(mean(cell.map((r) => r.run.seconds)))}s ${fixed(Math.max(...cell.map((r) => r.run.peakMb)), 0)}MB`;
        }),
      ]),
    ),
  );

  const goals: Record<CorpusFormat, number> = { docx: 95, pdf: 90, scan: 85, text: 85 };
  console.log('\n## Per format\n');
  console.log(
    table(
      [
        'format',
        'docs',
        'min score',
        'mean score',
        'goal (every layout)',
        'mean s',
        'max s',
        'mean peak MB',
        'max peak MB',
        'certain right',
        'wrong flagged',
      ],
      usedFormats.map((format) => {
        const cell = results.filter((r) => r.format === format);
        const figures = confidenceFigures(
          cell.reduce((total, r) => addCounts(total, r.counts), emptyCounts()),
        );
        return [
          format,
          String(cell.length),
          fixed(Math.min(...cell.map((r) => r.score))),
          fixed(mean(cell.map((r) => r.score))),
          `≥ ${goals[format]}`,
          fixed(mean(cell.map((r) => r.run.seconds)), 2),
          fixed(Math.max(...cell.map((r) => r.run.seconds)), 2),
          fixed(mean(cell.map((r) => r.run.peakMb)), 0),
          fixed(Math.max(...cell.map((r) => r.run.peakMb)), 0),
          pct(figures.certainRight),
          pct(figures.wrongFlagged),
        ];
      }),
    ),
  );

  const total = results.reduce((sum, r) => addCounts(sum, r.counts), emptyCounts());
  const figures = confidenceFigures(total);
  console.log('\n## Confidence over the whole corpus (draft rows: indicators and tasks)\n');
  console.log(
    `rows tagged certain: ${total.certainRight + total.certainWrong} (right ${total.certainRight}, wrong ${total.certainWrong})`,
  );
  console.log(
    `rows flagged for review: ${total.flaggedRight + total.flaggedWrong} (right ${total.flaggedRight}, wrong ${total.flaggedWrong})`,
  );
  console.log(`certain rows that are right: ${pct(figures.certainRight)}   goal ≥ 97%`);
  console.log(`wrong rows that were flagged: ${pct(figures.wrongFlagged)}   goal ≥ 95%`);
  const baselines = results.map((r) => r.run.baselineMb).filter(Number.isFinite);
  console.log(
    `\n(peak MB is the child process's maxRSS; the loaded program alone takes about ${fixed(mean(baselines), 0)} MB)`,
  );
}

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

// ---- 2. The seed documents and the 30-page plan ------------------------------------------------------

const rows: string[][] = [];
if (!corpusOnly && !longOnly) {
  for (const { stem, format, path } of CASES) {
    if (!existsSync(path)) continue;
    const draftPath = join(work, `${stem}.${format.replace(/\W+/g, '-')}.json`);
    const run = await importAlone(path, draftPath);
    if (run.error) rows.push([stem, format, 'lỗi', fixed(run.seconds, 3), fixed(run.peakMb, 0), run.error]);
    else {
      const score = scoreOf(SHARED_SCORER, join(SEEDS, `${stem}.gold.json`), draftPath);
      rows.push([stem, format, score.toFixed(1), fixed(run.seconds, 3), fixed(run.peakMb, 0), '']);
    }
  }
}

if (!corpusOnly && !seedsOnly) {
  // The 30-page plan has no gold file: its row says how much was read instead of a score.
  const blocks = longPlan();
  const longText = longPlanText(blocks);
  const LONG_PLAN_BYTES: Array<[string, Uint8Array]> = [
    ['text', new TextEncoder().encode(longText)],
    ['docx', await longPlanDocx(blocks)],
  ];
  const words = longText.split(/\s+/).length;
  for (const [format, bytes] of LONG_PLAN_BYTES) {
    const path = join(work, `ke-hoach-30-trang.${format === 'text' ? 'txt' : format}`);
    writeFileSync(path, bytes);
    const draftPath = `${path}.draft.json`;
    const run = await importAlone(path, draftPath);
    if (run.error)
      rows.push(['30-page plan', format, 'lỗi', fixed(run.seconds, 3), fixed(run.peakMb, 0), run.error]);
    else {
      const draft = JSON.parse(readFileSync(draftPath, 'utf8')) as {
        indicators: unknown[];
        tasks: unknown[];
      };
      const note = `${words} từ (~30 trang), ${draft.indicators.length} chỉ tiêu, ${draft.tasks.length} nhiệm vụ${run.seconds < 2 ? '' : ' — quá 2 s'}`;
      rows.push(['30-page plan', format, '-', fixed(run.seconds, 3), fixed(run.peakMb, 0), note]);
    }
  }
}

if (rows.length) {
  console.log('\n## Seed documents and the 30-page plan\n');
  console.log(table(['document', 'format', 'score', 'seconds', 'peak MB', 'note'], rows));
}
