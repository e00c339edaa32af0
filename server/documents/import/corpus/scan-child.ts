/**
 * Scans one PDF of the corpus in its own process (`scanInChild` of `pdf.ts`): rendering goes through a
 * native canvas, which has crashed the whole process once (a segmentation fault); alone here, a crash
 * ends this process only, and the corpus says which document it was.
 * Usage: node --import tsx scan-child.ts INPUT.pdf RNG_SEED OUTPUT.scan.pdf
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scanPdf } from './pdf';
import { createRng } from './rng';

const [input, seed, output] = process.argv.slice(2);
if (!input || seed === undefined || !output) {
  console.error('usage: scan-child.ts INPUT.pdf RNG_SEED OUTPUT.scan.pdf');
  process.exit(2);
}
writeFileSync(output, await scanPdf(readFileSync(input), createRng(seed)));
