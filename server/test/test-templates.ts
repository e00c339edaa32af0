/**
 * Prepared databases for the tests of one run. Migrating a fresh database and loading the demo (the
 * national register, its former communes, two plans and their reports) took most of a database test
 * file's time, and some fifty files did it again. The first test that needs a kind of database now
 * builds it once for the whole run (a dump of PGlite's data folder, or a PostgreSQL template database);
 * every test then starts from its own copy, as separate from the others as before.
 *
 * The run's folder comes from the vitest global setup (server/test/global-setup.ts, env
 * LOTRINH_TEST_TEMPLATES). Without it (a benchmark script, say) each database is built from scratch.
 * Workers build a template under a lock (an exclusive mkdir); the others wait for its "ready" file. The
 * browser tests keep their demo data folder the same way (e2e/support/app.ts).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DatabaseHandle } from '../db/client';

/** What a test database holds: only the schema, or also the test administrator, or the demo. */
export type TestSeed = 'migrated' | 'base' | 'demo' | 'published';

export const TEMPLATE_DIR_ENV = 'LOTRINH_TEST_TEMPLATES';

/** How long a worker waits for another to finish building a template before giving up. */
const BUILD_WAIT_MS = 15 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The run's template folder, or null outside a vitest run with the global setup. */
export const templateDir = (): string | null => {
  const dir = process.env[TEMPLATE_DIR_ENV];
  return dir && existsSync(dir) ? dir : null;
};

/** The PostgreSQL template database of a seed in this run (lower case, within 63 characters). */
export const templateDatabaseName = (dir: string, seed: TestSeed): string =>
  `lotrinh_tpl_${basename(dir)
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()}_${seed}`;

/**
 * Makes sure the template `name` exists in `dir`, building it with `build` if this caller is the first to
 * ask. A build that fails frees the lock, so the next caller tries again.
 *
 * @param build - writes the template (a dump file, a template database, a data folder) and resolves when done
 * @param waitMs - how long to wait for another caller's build
 * @throws Error from this caller's build, or when another caller's build did not finish in time
 */
export const ensureTemplate = async (
  dir: string,
  name: string,
  build: () => Promise<void>,
  waitMs = BUILD_WAIT_MS,
): Promise<void> => {
  const ready = join(dir, `${name}.ready`);
  const lock = join(dir, `${name}.lock`);
  const deadline = Date.now() + waitMs;
  while (!existsSync(ready)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // Another caller builds it: wait, or take over if its build fails.
    }
    if (mine) {
      try {
        await build();
      } catch (error) {
        rmSync(lock, { recursive: true, force: true });
        throw error;
      }
      await writeFile(ready, 'ready');
      return;
    }
    if (Date.now() > deadline) throw new Error(`The test template "${name}" was not built in time`);
    await sleep(200);
  }
};

/** Where the PGlite dump of a seed is kept. */
const dumpPath = (dir: string, seed: TestSeed) => join(dir, `${seed}.tar`);

/** Writes the PGlite dump of a built database (written under another name, then renamed). */
export const saveDump = async (dir: string, seed: TestSeed, handle: DatabaseHandle): Promise<void> => {
  if (!handle.pglite) throw new Error('Only an embedded database can be dumped');
  const dump = await handle.pglite.dumpDataDir('none');
  const path = dumpPath(dir, seed);
  await writeFile(`${path}.part`, Buffer.from(await dump.arrayBuffer()));
  await rename(`${path}.part`, path);
};

/** The PGlite dump of a seed, to start a database from. */
export const readDump = async (dir: string, seed: TestSeed): Promise<Blob> =>
  new Blob([await readFile(dumpPath(dir, seed))]);
