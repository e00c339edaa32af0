/**
 * Renders the demo's consolidated report (Dân Tiến, 2026) to Word, then PDF (LibreOffice) and the first
 * page to PNG (pdftoppm), into a folder (default `artifacts/`). Used by CI to keep a picture of the
 * document; it fails loudly (exit 1, the reason on stderr) when any step does not produce its file.
 *
 * Usage: node --import tsx scripts/render-report.ts [OUTPUT_DIR]
 */
import { execFile } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createPdfConverter, findSoffice } from '../server/documents/export/pdf-converter';
import { openDemoReport } from './demo-report';

const run = promisify(execFile);

const fail = (message: string): never => {
  process.stderr.write(`render-report: ${message}\n`);
  process.exit(1);
};

const nonEmpty = async (path: string, what: string) => {
  const size = await stat(path)
    .then((info) => info.size)
    .catch(() => 0);
  if (size === 0) fail(`${what} was not produced (${path})`);
  process.stderr.write(`render-report: ${what} ${path} (${size} bytes)\n`);
};

const main = async () => {
  const outDir = resolve(process.argv[2] ?? 'artifacts');
  await mkdir(outDir, { recursive: true });
  if (!(await findSoffice()))
    fail('LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui');

  const converter = createPdfConverter();
  const report = await openDemoReport(converter, 'render-report');

  const docx = await report.docx();
  const docxPath = join(outDir, 'bao-cao-tong-hop-2026.docx');
  await writeFile(docxPath, docx.bytes);
  await nonEmpty(docxPath, 'Word');

  const pdf = await report.pdf();
  const pdfPath = join(outDir, 'bao-cao-tong-hop-2026.pdf');
  await writeFile(pdfPath, pdf.bytes);
  await nonEmpty(pdfPath, 'PDF');

  const pngBase = join(outDir, 'report-first-page');
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]).catch(
    (error: Error) => fail(`pdftoppm failed (apt-get install poppler-utils): ${error.message}`),
  );
  await nonEmpty(`${pngBase}.png`, 'first page');
  await converter.close();
  await report.close();
};

main().catch((error: unknown) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
