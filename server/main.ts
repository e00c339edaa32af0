/**
 * The only file that opens real resources: configuration → database → migrations → demo data → listen.
 */
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { createApp, DEFAULT_WEB_ROOT } from './app';
import { clockStartingAt, systemClock } from './clock';
import { loadConfig } from './config';
import { fileStoreFor, filesFolder, importDiskFilesIntoDatabase } from './database-file-store';
import { DataDirLockedError } from './db/data-dir-lock';
import { openMigratedDatabase } from './db/migrate';
import { loadDemoDataIfEmpty } from './db/seeds/demo';
import { createPdfConverter } from './documents/export/pdf-converter';
import { startBackgroundJobs } from './jobs/scheduler';
import { createServices } from './services';

const config = loadConfig(process.env);
const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
// PostgreSQL connection losses (a restart of the database) are logged, never fatal; the app's logger
// takes over once it exists.
let logger: FastifyBaseLogger | null = null;
const handle = await openMigratedDatabase(config, {
  purpose: 'server',
  log: (error, where) =>
    logger
      ? logger.warn({ err: error }, `database: ${where}`)
      : process.stderr.write(`database: ${where}: ${error.message}\n`),
  // The embedded database's thread ended (a crash of PGlite): it does not come back in this process, so
  // the process ends and its restart policy starts a fresh one, instead of answering 503 until someone
  // notices. The data folder holds what was committed.
  onStopped: (error) => {
    process.stderr.write(`database: ${error.message}; the server stops so that it is restarted\n`);
    process.exit(1);
  },
}).catch((error: unknown) => {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
if (config.loadDemoData) await loadDemoDataIfEmpty(handle.db, clock);
// PGlite has no autovacuum: fresh planner statistics after migrations and bulk loads (the register's
// 3,355 localities), or the scoped reads plan as if every table were empty.
if (handle.kind === 'pglite') await handle.db.execute(sql`analyze`);

const storage = fileStoreFor(handle, config.dataDir);
// Evidence an earlier version kept on disk beside PostgreSQL moves into the database (copied, not moved).
if (handle.kind === 'postgres') await importDiskFilesIntoDatabase(handle.db, filesFolder(config.dataDir));
// One Word → PDF converter (one LibreOffice process kept running) for the app and the background jobs; the
// app ends it when it closes.
const pdf = createPdfConverter({
  log: { info: (message) => logger?.info(message), warn: (message) => logger?.warn(message) },
});
const app = await createApp({
  db: handle.db,
  config,
  clock,
  storage,
  pdf,
  webRoot: config.webDist ?? DEFAULT_WEB_ROOT,
});
logger = app.log;

// Reminders and e-mail run in every process; the database keeps them exactly-once.
const stopJobs = startBackgroundJobs({
  db: handle.db,
  clock,
  config,
  services: createServices({ db: handle.db, clock, config, storage, pdf }),
  logger: app.log,
});

const shutdown = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  await stopJobs();
  await app.close();
  await handle.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Lộ trình: http://${config.host}:${config.port} (${handle.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
);
// In production LibreOffice starts now, in the background, so that the first PDF is quick too; development
// and tests start it only when a PDF is asked for.
if (config.isProduction)
  void pdf.warmUp().catch((error: Error) => app.log.warn({ err: error }, 'pdf: warm-up'));
