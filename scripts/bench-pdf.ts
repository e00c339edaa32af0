/**
 * Benchmark of the consolidated report's PDF (issue #14: ≤ 5 s): the demo's report (Dân Tiến, 2026) made to
 * Word once, then converted to PDF the cold way (LibreOffice started for each conversion) and the warm way
 * (one LibreOffice kept running, python3-uno), BENCH_RUNS times each (default 3). Prints each time, the p50,
 * the start of the warm process (its first conversion) and the load average. Nothing is asserted.
 *
 *   npm run bench:pdf
 *   BENCH_RUNS=5 npm run bench:pdf
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createPdfConverter, type LibreOfficeConverter } from '../server/documents/export/pdf-converter';
import { openDemoReport } from './demo-report';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const GOAL_MS = 5000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

const timeOne = async (converter: LibreOfficeConverter, docx: Buffer) => {
  const started = performance.now();
  const pdf = await converter.docxToPdf(docx);
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  return performance.now() - started;
};

const main = async () => {
  const report = await openDemoReport(createPdfConverter({ detect: async () => null }), 'bench-pdf');
  const docx = (await report.docx()).bytes;
  await report.close();
  console.log(`consolidated report (Dân Tiến, 2026): ${docx.length} bytes of Word, ${RUNS} runs a way`);

  const cold = createPdfConverter({ detectPython: async () => null });
  const warm = createPdfConverter();
  try {
    if ((await cold.way()) === 'unavailable') throw new Error('LibreOffice (soffice) is not installed');
    const coldTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) coldTimes.push(await timeOne(cold, docx));
    console.log(
      `cold (soffice --convert-to per PDF): ${coldTimes.map(seconds).join(', ')}; p50 ${seconds(p50(coldTimes))} (load ${load()})`,
    );

    if ((await warm.way()) !== 'warm') {
      console.log('warm: not available here (python3-uno missing)');
      return;
    }
    const first = await timeOne(warm, docx);
    const warmTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) warmTimes.push(await timeOne(warm, docx));
    console.log(`warm, first PDF (LibreOffice starting): ${seconds(first)}`);
    console.log(
      `warm (one LibreOffice kept running): ${warmTimes.map(seconds).join(', ')}; p50 ${seconds(p50(warmTimes))} (load ${load()}; goal ≤ ${seconds(GOAL_MS)})`,
    );
  } finally {
    await cold.close();
    await warm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
