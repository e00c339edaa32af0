/**
 * Makes one scan of the corpus in a process of its own (`scanInChild` in pdf.ts): the rendering runs
 * pdfjs on `@napi-rs/canvas`, whose native code once ended a test worker with a segmentation fault while
 * making 004's scans. Usage: node --import tsx scan-process.ts INPUT.pdf OUTPUT.scan.pdf RNG-SEED
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { scanPdf } from './pdf';
import { createRng } from './rng';

const [input, output, seed] = process.argv.slice(2);
if (!input || !output || seed === undefined) {
  console.error('usage: scan-process.ts INPUT.pdf OUTPUT.scan.pdf RNG-SEED');
  process.exit(2);
}
writeFileSync(output, await scanPdf(readFileSync(input), createRng(seed)));
