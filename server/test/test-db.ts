/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (npm run test:pg), dropped again on close. Within a vitest
 * run each kind of database is built once and copied for every test (test-templates.ts).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../db/client';
import { runMigrations } from '../db/migrate';
import {
  ensureTemplate,
  readDump,
  saveDump,
  type TestSeed,
  templateDatabaseName,
  templateDir,
} from './test-templates';

export const testDatabaseKind = (): 'pglite' | 'postgres' =>
  process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A test database; `url` names the PostgreSQL database so a second connection can be opened to it. */
export type TestDatabase = DatabaseHandle & { url: string | null };

/** What the database holds besides the schema: `fill` writes it once per run into the seed's template. */
export type PreparedContent = { seed: TestSeed; fill: (handle: DatabaseHandle) => Promise<void> };

const SCHEMA_ONLY: PreparedContent = { seed: 'migrated', fill: async () => {} };

const databaseUrl = (adminUrl: string, name: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** Runs one statement as the server's administrator (create or drop a database). */
const adminQuery = async (adminUrl: string, sql: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

/** A database made for one test file, with `drop` to remove it. */
export type EmptyPostgresDatabase = { url: string; drop: () => Promise<void> };

/**
 * An empty database of its own on the PostgreSQL server named by TEST_DATABASE_URL, for a test that runs the
 * program itself on it (backup and restore, the kill drill).
 *
 * @param prefix - the start of its name (the process id and the time follow)
 * @returns its URL, and `drop` to remove it
 */
export const createEmptyPostgresDatabase = async (
  adminUrl: string,
  prefix: string,
): Promise<EmptyPostgresDatabase> => {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  await adminQuery(adminUrl, `create database ${name}`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
};

const migrateAndFill = async (handle: DatabaseHandle, content: PreparedContent) => {
  await runMigrations(handle);
  await content.fill(handle);
};

const createPgliteDatabase = async (content: PreparedContent): Promise<TestDatabase> => {
  const dir = templateDir();
  if (!dir) {
    const handle = await openPglite();
    await migrateAndFill(handle, content);
    return { ...handle, url: null };
  }
  await ensureTemplate(dir, content.seed, async () => {
    const handle = await openPglite();
    try {
      await migrateAndFill(handle, content);
      await saveDump(dir, content.seed, handle);
    } finally {
      await handle.close();
    }
  });
  const handle = await openPglite(undefined, { loadDataDir: await readDump(dir, content.seed) });
  return { ...handle, url: null };
};

const createPostgresDatabase = async (adminUrl: string, content: PreparedContent): Promise<TestDatabase> => {
  const name = `lotrinh_test_${randomUUID().replaceAll('-', '')}`;
  const dir = templateDir();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (dir) {
      const template = templateDatabaseName(dir, content.seed);
      await ensureTemplate(dir, content.seed, async () => {
        await admin.query(`create database ${template}`);
        const handle = await openPostgres(databaseUrl(adminUrl, template));
        try {
          await migrateAndFill(handle, content);
        } finally {
          await handle.close();
        }
      });
      await admin.query(`create database ${name} template ${template}`);
    } else {
      await admin.query(`create database ${name}`);
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const handle = await openPostgres(url);
  if (!dir) await migrateAndFill(handle, content);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
};

/**
 * A new test database with the schema and, when given, prepared content.
 *
 * @param content - the seed's name (the template's key within a run) and how to write it
 */
export const createTestDatabase = (content: PreparedContent = SCHEMA_ONLY): Promise<TestDatabase> => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? createPostgresDatabase(adminUrl, content) : createPgliteDatabase(content);
};
