/**
 * The only file that opens real resources: configuration → database → migrations → demo data → listen.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createApp, createServices, DEFAULT_WEB_ROOT } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openMigratedDatabase } from './db/migrate';
import { loadDemoDataIfEmpty } from './db/seeds/demo';
import { startBackgroundJobs } from './jobs/scheduler';
import { createDiskFileStore } from './storage';

const config = loadConfig(process.env);
const handle = await openMigratedDatabase(config);
if (config.loadDemoData) await loadDemoDataIfEmpty(handle.db, systemClock);
// PGlite has no autovacuum: fresh planner statistics after migrations and bulk loads (the register's
// 3,355 localities), or the scoped reads plan as if every table were empty.
if (handle.kind === 'pglite') await handle.db.execute(sql`analyze`);

const storage = createDiskFileStore(join(config.dataDir, 'files'));
const app = await createApp({
  db: handle.db,
  config,
  clock: systemClock,
  storage,
  webRoot: config.webDist ?? DEFAULT_WEB_ROOT,
});

// Reminders and e-mail run in every process; the database keeps them exactly-once.
const stopJobs = startBackgroundJobs({
  db: handle.db,
  clock: systemClock,
  config,
  services: createServices({ db: handle.db, clock: systemClock, config, storage }),
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
