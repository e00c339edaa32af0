/**
 * The layout corpus (`corpus/`): the generator renders what the gold says, in layouts that really differ,
 * the same way every time; and the importer holds a floor score on every corpus document
 * (`corpus/floors.json`, per layout, format and seed), so a change that makes any layout or format worse
 * fails here. DOCX, digital PDF and OCR-like text run for every layout and seed, and
 * one scan (OCR costs seconds per page; every scan floor with CORPUS_SCANS=all). Raise a floor when the importer gets better; never lower one to pass.
 * Over the OCR-text documents, the rows tagged certain must be right and the wrong rows flagged as the
 * issue's goals say (`corpus/confidence.ts` judges each row).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFolder, type TestFolder } from '../../test/test-folder';
import {
  type CorpusEntry,
  type CorpusFormat,
  composeCorpusPlan,
  corpusText,
  generateCorpus,
  LAYOUTS,
} from './corpus';
import { addCounts, confidenceCounts, confidenceFigures, emptyCounts, matchRows } from './corpus/confidence';
import { writeDocx } from './corpus/docx';
import { SCORER_PATH, SEED_FILES } from './corpus/gold';
import { UnreadableDocumentError } from './errors';
import { importPlanDocument } from './import-document';
import { readPlanDocumentIsolated } from './isolated-reader';

const SEEDS = Object.keys(SEED_FILES);
/** The seeds whose PDFs the test imports: all of them (a PDF import takes about a second). */
const PDF_SEEDS = SEEDS;
type Floors = Record<string, Partial<Record<CorpusFormat, Record<string, number>>>>;
const FLOORS = JSON.parse(readFileSync(join(import.meta.dirname, 'corpus/floors.json'), 'utf8')) as Floors;

/**
 * The scans the test imports (OCR costs seconds per page, 5–20 minutes a document on a busy machine):
 * one document; with CORPUS_SCANS=all, every scan that has a floor in `corpus/floors.json` (hours).
 */
const SCANS =
  process.env.CORPUS_SCANS === 'all'
    ? Object.entries(FLOORS).flatMap(([layout, floors]) =>
        Object.keys(floors.scan ?? {}).map((seed) => ({ seed, layout })),
      )
    : [{ seed: '004', layout: 'ubnd-classic' }];

const docxText = async (docx: Uint8Array): Promise<string> =>
  (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value.normalize('NFC');

describe('corpus generator', () => {
  it('has at least 12 layouts that each differ in their tables, numbering or letterhead', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(12);
    const signatures = LAYOUTS.map((layout) => {
      const { doc } = composeCorpusPlan('002', layout.id);
      const tables = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'table' && !b.borderless);
      // The header rows and the first two body rows' first cells of each appendix table.
      return JSON.stringify(
        tables.map((t) =>
          t.kind === 'table'
            ? [
                t.rows.slice(0, t.headerRows).map((r) => r.map((c) => c.text)),
                t.rows.slice(t.headerRows, t.headerRows + 2).map((r) => r[0]?.text),
              ]
            : [],
        ),
      );
    });
    expect(new Set(signatures).size).toBe(LAYOUTS.length);
    // Government and Party letterheads, titles, signatures and task forms all occur.
    expect(new Set(LAYOUTS.map((l) => l.issuer))).toEqual(new Set(['government', 'party']));
    expect(new Set(LAYOUTS.map((l) => l.title)).size).toBe(3);
    expect(new Set(LAYOUTS.map((l) => l.tasks.mode))).toEqual(new Set(['table', 'body']));
    expect(new Set(LAYOUTS.map((l) => l.indicators.numbering)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives the same documents for the same seed value, and others for another', async () => {
    const one = composeCorpusPlan('004', 'person-columns', 7);
    const again = composeCorpusPlan('004', 'person-columns', 7);
    const other = composeCorpusPlan('004', 'person-columns', 8);
    expect(corpusText(again, 7)).toBe(corpusText(one, 7));
    expect(again.doc).toEqual(one.doc);
    expect(await docxText(await writeDocx(again.doc))).toBe(await docxText(await writeDocx(one.doc)));
    expect(again.gold).toEqual(one.gold);
    expect(corpusText(other, 8)).not.toBe(corpusText(one, 7));
  });

  it.each(SEEDS)('renders every gold row of seed %s in every layout (DOCX text)', async (seed) => {
    for (const layout of LAYOUTS) {
      const { gold, doc } = composeCorpusPlan(seed, layout.id);
      const text = await docxText(await writeDocx(doc));
      const missing: string[] = [];
      const need = (what: string | null | undefined) => {
        if (what && !text.includes(what)) missing.push(what);
      };
      for (const indicator of gold.indicators) {
        need(indicator.name);
        need(indicator.lead);
        for (const target of indicator.targets) need(target.raw);
      }
      for (const task of gold.tasks) {
        need(task.name);
        need(task.lead);
        need(task.deadlineRaw);
        need(task.output);
      }
      need(gold.plan.number);
      need(gold.plan.signer.name);
      need(gold.plan.standingAgency);
      need(`${gold.plan.locality.level} ${gold.plan.locality.name}`.toLocaleUpperCase('vi'));
      expect(missing, `${seed}.${layout.id}`).toEqual([]);
      // The gold carries every target the seed had, except those the seed left without a printed value.
      expect(gold.indicators.map((i) => i.name)).toEqual(
        composeCorpusPlan(seed, 'ubnd-classic').gold.indicators.map((i) => i.name),
      );
      expect(gold.plan.issuerKind).toBe(layout.issuer);
    }
  });
});

const cases = (formats: CorpusFormat[]) =>
  SEEDS.flatMap((seed) =>
    LAYOUTS.flatMap((layout) =>
      formats
        .filter((format) => format !== 'scan' || SCANS.some((s) => s.seed === seed && s.layout === layout.id))
        .filter((format) => format !== 'pdf' || PDF_SEEDS.includes(seed))
        .map((format) => ({ name: `${seed}.${layout.id}.${format}`, seed, layout: layout.id, format })),
    ),
  );

/** Imports a corpus document, scores it with the project's scorer and holds it to its floor. */
const holdsFloor = async (entries: CorpusEntry[], seed: string, layout: string, format: CorpusFormat) => {
  const entry = entries.find((e) => e.seed === seed && e.layout === layout && e.format === format);
  expect(entry, 'generated').toBeDefined();
  if (!entry) return;
  const floor = FLOORS[layout]?.[format]?.[seed];
  expect(floor, `a floor for ${layout}/${format}/${seed} in corpus/floors.json`).toBeTypeOf('number');
  let score = 0;
  try {
    const bytes = readFileSync(entry.path);
    // A scan is read as the server reads an upload: OCR and its page rendering in a child process
    // (isolated-reader.ts), so a native crash there fails this test, not the whole worker.
    const draft =
      format === 'scan'
        ? (await readPlanDocumentIsolated(bytes, { fileName: entry.path })).draft
        : await importPlanDocument(bytes, { fileName: entry.path });
    const draftPath = `${entry.path}.draft.json`;
    writeFileSync(draftPath, JSON.stringify(draft));
    const result = JSON.parse(
      execFileSync(process.execPath, [SCORER_PATH, entry.goldPath, draftPath, '--json'], {
        encoding: 'utf8',
      }),
    ) as { score: number; indicators: { recall: number }; tasks: { recall: number } };
    score = 100 * result.score;
    // The bench's confidence figures match rows as the scorer does.
    const gold = JSON.parse(readFileSync(entry.goldPath, 'utf8'));
    expect(matchRows(gold.indicators, draft.indicators).length).toBe(
      Math.round(result.indicators.recall * gold.indicators.length),
    );
    expect(matchRows(gold.tasks, draft.tasks).length).toBe(
      Math.round(result.tasks.recall * gold.tasks.length),
    );
  } catch (error) {
    // A document the importer refuses scores 0 (its floor says whether that is still allowed); anything
    // else (a failed check, a reader that crashed) fails the test as it is.
    if (!(error instanceof UnreadableDocumentError)) throw error;
  }
  expect(score).toBeGreaterThanOrEqual(floor ?? 101);
};

/** A block of floor tests over some formats, with the corpus generated for them alone. */
const floorSuite = (name: string, formats: CorpusFormat[], timeout: number) =>
  describe(`importer floors on the layout corpus: ${name}`, () => {
    let folder: TestFolder | undefined;
    let entries: CorpusEntry[] = [];
    // Made when the block runs (not when the file is collected), so a block left out leaves no folder.
    beforeAll(async () => {
      folder = createTestFolder('corpus-test-');
      entries = await generateCorpus({
        outDir: folder.path,
        formats,
        seeds: formats.includes('docx')
          ? SEEDS
          : formats.includes('pdf')
            ? PDF_SEEDS
            : [...new Set(SCANS.map((s) => s.seed))],
        scanOnly: SCANS,
      });
    }, 1_800_000);
    afterAll(() => folder?.remove());
    it.each(cases(formats))(
      '$name holds its floor',
      ({ seed, layout, format }) => holdsFloor(entries, seed, layout, format),
      timeout,
    );
    if (formats.includes('text'))
      it(
        'OCR text: the rows tagged certain are right (≥ 97%) and the wrong rows flagged (≥ 95%)',
        async () => {
          let total = emptyCounts();
          for (const entry of entries.filter((e) => e.format === 'text')) {
            // The floor tests above leave their drafts; a run of this test alone imports again.
            const draftPath = `${entry.path}.draft.json`;
            const draft = existsSync(draftPath)
              ? JSON.parse(readFileSync(draftPath, 'utf8'))
              : await importPlanDocument(readFileSync(entry.path), { fileName: entry.path });
            total = addCounts(
              total,
              confidenceCounts(JSON.parse(readFileSync(entry.goldPath, 'utf8')), draft),
            );
          }
          const figures = confidenceFigures(total);
          expect(total.certainRight).toBeGreaterThan(0);
          expect(figures.certainRight ?? 0, JSON.stringify(total)).toBeGreaterThanOrEqual(0.97);
          expect(figures.wrongFlagged ?? 0, JSON.stringify(total)).toBeGreaterThanOrEqual(0.95);
        },
        timeout * 4,
      );
  });

floorSuite('DOCX and OCR text', ['docx', 'text'], 120_000);
floorSuite('digital PDF', ['pdf'], 300_000);
floorSuite('scans', ['scan'], 1_800_000);
