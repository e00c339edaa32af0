/**
 * The layout corpus: every seed's gold plan rendered in every layout (`layouts.ts`) and written in four
 * formats — DOCX with real Word tables, a digital PDF of that DOCX (LibreOffice), a 200-dpi noisy skewed
 * scan of that PDF, and OCR-like plain text — each file with the gold it must score against. The same seed
 * value gives the same corpus. Used by `npm run corpus`, `npm run bench:import` and `corpus.test.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composePlan } from './compose';
import { writeDocx } from './docx';
import { type Gold, loadSeedGold, SEED_FILES } from './gold';
import { LAYOUTS, type Layout, layoutById } from './layouts';
import type { CorpusDocument } from './model';
import { writeOcrText } from './ocr-text';
import { convertDocxToPdf, scanInChild } from './pdf';
import { createRng } from './rng';

export { LAYOUTS } from './layouts';

/** The formats of the corpus, with their file endings. */
export const FORMATS = ['docx', 'pdf', 'scan', 'text'] as const;
export type CorpusFormat = (typeof FORMATS)[number];

const EXTENSION: Record<CorpusFormat, string> = { docx: 'docx', pdf: 'pdf', scan: 'scan.pdf', text: 'txt' };

/** One document of the corpus on disk. */
export type CorpusEntry = {
  seed: string;
  layout: string;
  format: CorpusFormat;
  /** The document. */
  path: string;
  /** The gold it must score against. */
  goldPath: string;
};

export type CorpusOptions = {
  outDir: string;
  formats?: readonly CorpusFormat[];
  /** Layout ids (all when absent). */
  layouts?: readonly string[];
  /** Seed ids: "000", "002", "004" (all when absent). */
  seeds?: readonly string[];
  /** The random seed value (1 when absent). */
  seedValue?: number;
  /** Only these (seed, layout) pairs get a scan (all when absent): OCR costs seconds per page. */
  scanOnly?: ReadonlyArray<{ seed: string; layout: string }>;
};

/** A composed document with its gold, before it is written. */
export type ComposedPlan = { seed: string; layout: Layout; gold: Gold; doc: CorpusDocument };

/**
 * Composes the plan of a seed in a layout (no files written).
 *
 * @param seed - seed id ("000", "002", "004")
 * @param layoutId - a layout id
 * @param seedValue - the random seed value
 */
export const composeCorpusPlan = (seed: string, layoutId: string, seedValue = 1): ComposedPlan => {
  const layout = layoutById(layoutId);
  const { gold, doc } = composePlan(
    loadSeedGold(seed),
    layout,
    createRng(`${seedValue}:${seed}:${layout.id}`),
  );
  return { seed, layout, gold, doc };
};

/** The OCR-like text of a composed plan. */
export const corpusText = (plan: ComposedPlan, seedValue = 1): string =>
  writeOcrText(plan.doc, plan.layout.text, createRng(`${seedValue}:${plan.seed}:${plan.layout.id}:text`));

/**
 * Writes the corpus: `<seed>.<layout>.<ext>` and `<seed>.<layout>.gold.json` in outDir.
 *
 * @returns the documents written, in seed, layout, format order
 */
export const generateCorpus = async (options: CorpusOptions): Promise<CorpusEntry[]> => {
  const { outDir } = options;
  const formats = options.formats ?? FORMATS;
  const seeds = options.seeds ?? Object.keys(SEED_FILES);
  const layouts = options.layouts ?? LAYOUTS.map((l) => l.id);
  const seedValue = options.seedValue ?? 1;
  const entries: CorpusEntry[] = [];
  const docxFor = new Map<string, string>();
  const needDocx = formats.some((f) => f === 'docx' || f === 'pdf' || f === 'scan');
  const wantsScan = (seed: string, layout: string) =>
    !options.scanOnly || options.scanOnly.some((s) => s.seed === seed && s.layout === layout);

  for (const seed of seeds) {
    for (const layoutId of layouts) {
      const plan = composeCorpusPlan(seed, layoutId, seedValue);
      const stem = `${seed}.${layoutId}`;
      const goldPath = join(outDir, `${stem}.gold.json`);
      writeFileSync(goldPath, `${JSON.stringify(plan.gold, null, 2)}\n`);
      const entry = (format: CorpusFormat): CorpusEntry => ({
        seed,
        layout: layoutId,
        format,
        path: join(outDir, `${stem}.${EXTENSION[format]}`),
        goldPath,
      });
      if (needDocx) {
        const path = join(outDir, `${stem}.docx`);
        writeFileSync(path, await writeDocx(plan.doc));
        docxFor.set(stem, path);
      }
      for (const format of formats) {
        if (format === 'text') writeFileSync(entry('text').path, corpusText(plan, seedValue));
        if (format === 'scan' && !wantsScan(seed, layoutId)) continue;
        entries.push(entry(format));
      }
    }
  }
  if (formats.includes('pdf') || formats.includes('scan')) {
    const stems = [...docxFor.keys()].filter(
      (stem) =>
        formats.includes('pdf') || wantsScan(stem.split('.')[0] ?? '', stem.split('.').slice(1).join('.')),
    );
    await convertDocxToPdf(
      stems.map((stem) => docxFor.get(stem) ?? ''),
      outDir,
    );
    if (formats.includes('scan')) {
      // Each scan in its own process: a native crash (it comes and goes: the same scan then succeeds) is
      // said and tried once more; a second failure leaves that document out, not the run.
      for (const entry of entries.filter((e) => e.format === 'scan')) {
        const stem = `${entry.seed}.${entry.layout}`;
        const scan = () => scanInChild(join(outDir, `${stem}.pdf`), `${seedValue}:${stem}:scan`, entry.path);
        const note = (error: unknown) => (error instanceof Error ? error.message : String(error));
        try {
          await scan().catch(async (error) => {
            console.error(`corpus: ${note(error)}; trying once more`);
            await scan();
          });
        } catch (error) {
          console.error(`corpus: ${note(error)}; left out`);
          entries.splice(entries.indexOf(entry), 1);
        }
      }
    }
  }
  return entries;
};
