/**
 * Benchmarks the plan importer on the seed documents: imports each, scores the draft against its gold
 * file with `shared/seeds/score.mjs`, and prints a table of document, format, score and seconds.
 * Usage: `npm run bench:import`. Reads ../shared (benchmarks may; the importer itself never does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importPlanFromText } from '../server/documents/import/import-plan';

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds');
const SCORER = join(SEEDS, 'score.mjs');

/** One way of reading a seed document. DOCX, PDF and scanned versions will be added here. */
type Reader = { format: string; extension: string; read: (path: string) => string | Uint8Array };

const READERS: Reader[] = [
  { format: 'text', extension: '.txt', read: (path) => readFileSync(path) },
  // { format: 'docx', extension: '.docx', read: readDocxText },   ← when the DOCX reader exists
  // { format: 'pdf', extension: '.pdf', read: readPdfText },      ← when the PDF reader exists
  // { format: 'scan', extension: '.png', read: readScanText },    ← when the OCR reader exists
];

const DOCUMENTS = ['000_bd3d5bbc84b55fc1', '002_fd7da9144eb7c425', '004_f65c0da7dbd96e8d'];

const scoreOf = (goldPath: string, draftPath: string): number => {
  const output = execFileSync(process.execPath, [SCORER, goldPath, draftPath], { encoding: 'utf8' });
  const last = output.trim().split('\n').at(-1) ?? '';
  return Number(/import score:\s*([\d.]+)/.exec(last)?.[1] ?? Number.NaN);
};

const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const rows: string[][] = [];
for (const stem of DOCUMENTS) {
  for (const reader of READERS) {
    const source = join(SEEDS, `${stem}${reader.extension}`);
    if (!existsSync(source)) continue;
    const started = performance.now();
    let score = Number.NaN;
    let note = '';
    try {
      const draft = importPlanFromText(reader.read(source), `${stem}${reader.extension}`);
      const seconds = (performance.now() - started) / 1000;
      const draftPath = join(work, `${stem}.${reader.format}.json`);
      writeFileSync(draftPath, JSON.stringify(draft));
      score = scoreOf(join(SEEDS, `${stem}.gold.json`), draftPath);
      rows.push([stem, reader.format, score.toFixed(1), seconds.toFixed(3), note]);
    } catch (error) {
      note = error instanceof Error ? error.message : String(error);
      rows.push([stem, reader.format, 'lỗi', ((performance.now() - started) / 1000).toFixed(3), note]);
    }
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
