/**
 * The demo's consolidated report (Dân Tiến, 2026) on a fresh in-memory database: for the scripts that
 * render it (render-report.ts) or time its PDF (bench-pdf.ts).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PageLimits } from '@core/schemas/common.schemas';
import type { Clock } from '../server/clock';
import { openPglite } from '../server/db/client';
import { runMigrations } from '../server/db/migrate';
import { loadDemoDataIfEmpty } from '../server/db/seeds/demo';
import type { PdfConverter } from '../server/documents/export/pdf-converter';
import { systemActor } from '../server/modules/auth/access';
import { createServices } from '../server/services';
import { createDiskFileStore } from '../server/storage';

/** The demo's reports are made "now": a fixed day in late 2026, so the 2026 period holds the accepted report. */
const clock: Clock = { now: () => new Date('2026-11-25T08:00:00.000Z') };

/**
 * Opens the demo and finds the 2026 period of the Dân Tiến plan.
 *
 * @param pdf - the Word → PDF converter the services use
 * @returns its Word and PDF makers and `close` (the database; the converter is the caller's)
 * @throws Error when the demo plan or its period is missing
 */
export const openDemoReport = async (pdf: PdfConverter, name: string) => {
  const handle = await openPglite();
  await runMigrations(handle);
  await loadDemoDataIfEmpty(handle.db, clock);
  const services = createServices({
    db: handle.db,
    clock,
    config: {
      logLevel: 'silent',
      isProduction: false,
      sessionSecret: 'demo-report-script-demo-report-script',
    },
    storage: createDiskFileStore(await mkdtemp(join(tmpdir(), `lotrinh-${name}-`))),
    pdf,
  });
  const context = { actor: systemActor(name), ip: null, userAgent: name };
  const plan = (await services.plan.list(context, {}, { limit: PageLimits.max, offset: 0 })).rows.find(
    (row) => row.localityName === 'Dân Tiến',
  );
  if (!plan) throw new Error('the demo plan of Dân Tiến is missing');
  const period = (await services.reporting.listPeriods(context, plan.id)).find((row) => row.key === '2026');
  if (!period) throw new Error('the 2026 period of the Dân Tiến plan is missing');
  return {
    docx: () => services.export.consolidatedDocx(context, period.id),
    pdf: () => services.export.consolidatedPdf(context, period.id),
    close: () => handle.close(),
  };
};
