/**
 * Benchmarks the plan importer on the seed documents: imports each, scores the draft against its gold
 * file with `shared/seeds/score.mjs`, and prints a table of document, format, score and seconds. Seed 002
 * also runs as DOCX, digital PDF and scanned PDF (OCR), from `server/test/fixtures/import/`.
 * Usage: `npm run bench:import`. Reads ../shared (benchmarks may; the importer itself never does).
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

const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const rows: string[][] = [];
for (const { stem, format, path } of CASES) {
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
