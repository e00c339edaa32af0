/**
 * Imports one document in its own process, for `npm run bench:import`: writes the draft as JSON and prints
 * one JSON line with the seconds the import took and the process's peak memory (maxRSS), so each import's
 * memory is measured alone. Usage: node --import tsx run-import.ts INPUT DRAFT.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importPlanDocument } from '../import-document';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: run-import.ts INPUT DRAFT.json');
  process.exit(2);
}
const bytes = readFileSync(input);
// The memory of the loaded program before any import, to tell the import's own cost.
const baselineMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
let error: string | null = null;
try {
  const draft = await importPlanDocument(bytes, { fileName: basename(input) });
  writeFileSync(output, JSON.stringify(draft));
} catch (cause) {
  error = cause instanceof Error ? cause.message : String(cause);
}
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes.
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, peakMb, baselineMb, error }));
