/**
 * Renders the demo's consolidated report (Dân Tiến, 2026) to Word, then PDF (LibreOffice) and the first
 * page to PNG (pdftoppm), into a folder (default `artifacts/`). Used by CI to keep a picture of the
 * document; it fails loudly (exit 1, the reason on stderr) when any step does not produce its file.
 *
 * Usage: node --import tsx scripts/render-report.ts [OUTPUT_DIR]
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PageLimits } from '@core/schemas/common.schemas';
import type { Clock } from '../server/clock';
import { openPglite } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import { loadDemoDataIfEmpty } from '../server/db/seeds/demo';
import { createPdfConverter, findSoffice } from '../server/documents/export/pdf-converter';
import { systemActor } from '../server/modules/auth/access';
import { createServices } from '../server/services';
import { createDiskFileStore } from '../server/storage';

const run = promisify(execFile);

/** The demo's reports are made "now": a fixed day in late 2026, so the 2026 period holds the accepted report. */
const clock: Clock = { now: () => new Date('2026-11-25T08:00:00.000Z') };

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

  const handle = await openPglite();
  await runMigrations(handle);
  await loadDemoDataIfEmpty(handle.db, clock);
  const services = createServices({
    db: handle.db,
    clock,
    config: { logLevel: 'silent', isProduction: false, sessionSecret: 'render-report-render-report-render' },
    storage: createDiskFileStore(await mkdtemp(join(tmpdir(), 'lotrinh-render-'))),
    pdf: createPdfConverter(),
  });
  const context = { actor: systemActor('render-report'), ip: null, userAgent: 'render-report' };
  const plan = (await services.plan.list(context, {}, { limit: PageLimits.max, offset: 0 })).rows.find(
    (row) => row.localityName === 'Dân Tiến',
  );
  if (!plan) return fail('the demo plan of Dân Tiến is missing');
  const period = (await services.reporting.listPeriods(context, plan.id)).find((row) => row.key === '2026');
  if (!period) return fail('the 2026 period of the Dân Tiến plan is missing');

  const docx = await services.export.consolidatedDocx(context, period.id);
  const docxPath = join(outDir, 'bao-cao-tong-hop-2026.docx');
  await writeFile(docxPath, docx.bytes);
  await nonEmpty(docxPath, 'Word');

  const pdf = await services.export.consolidatedPdf(context, period.id);
  const pdfPath = join(outDir, 'bao-cao-tong-hop-2026.pdf');
  await writeFile(pdfPath, pdf.bytes);
  await nonEmpty(pdfPath, 'PDF');

  const pngBase = join(outDir, 'report-first-page');
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]).catch(
    (error: Error) => fail(`pdftoppm failed (apt-get install poppler-utils): ${error.message}`),
  );
  await nonEmpty(`${pngBase}.png`, 'first page');
  await handle.close();
};

main().catch((error: unknown) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
