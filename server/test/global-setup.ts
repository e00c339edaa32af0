/**
 * Vitest global setup: a folder for this run's prepared test databases (test-templates.ts), removed at
 * the end with the PostgreSQL template databases made from it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEMPLATE_DIR_ENV, templateDatabaseName } from './test-templates';

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'lotrinh-templates-'));
  process.env[TEMPLATE_DIR_ENV] = dir;
  return async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        const prefix = templateDatabaseName(dir, 'migrated').replace(/_migrated$/, '_');
        const { rows } = await admin.query<{ datname: string }>(
          'select datname from pg_database where starts_with(datname, $1)',
          [prefix],
        );
        for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      } finally {
        await admin.end();
      }
    }
    await rm(dir, { recursive: true, force: true });
  };
}
