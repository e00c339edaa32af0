/**
 * Writes the layout corpus of the plan importer (`server/documents/import/corpus/`): every seed's gold
 * plan in every layout and format, each document beside the gold it must score against.
 * Usage: `npm run corpus -- OUT_DIR [--formats docx,pdf,scan,text] [--layouts a,b] [--seeds 000,002] [--seed N]`
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CorpusFormat, FORMATS, generateCorpus, LAYOUTS } from '../server/documents/import/corpus';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const list = (name: string): string[] | undefined => option(name)?.split(',').filter(Boolean);
const outDir = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!outDir) {
  console.error(
    'usage: npm run corpus -- OUT_DIR [--formats docx,pdf,scan,text] [--layouts a,b] [--seeds 000,002] [--seed N]',
  );
  console.error(`layouts: ${LAYOUTS.map((l) => l.id).join(', ')}`);
  process.exit(2);
}
const formats = list('formats') as CorpusFormat[] | undefined;
for (const format of formats ?? []) {
  if (!FORMATS.includes(format)) {
    console.error(`unknown format ${format}; known: ${FORMATS.join(', ')}`);
    process.exit(2);
  }
}
mkdirSync(resolve(outDir), { recursive: true });
const started = performance.now();
const entries = await generateCorpus({
  outDir: resolve(outDir),
  formats,
  layouts: list('layouts'),
  seeds: list('seeds'),
  seedValue: Number(option('seed') ?? 1),
});
for (const entry of entries) console.log(`${entry.path}\t${entry.goldPath}`);
console.error(`${entries.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
