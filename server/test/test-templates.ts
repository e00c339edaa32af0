/**
 * Prepared databases for the tests of one run. Migrating a fresh database and loading the demo (the
 * national register, its former communes, two plans and their reports) took most of a database test
 * file's time, and some fifty files did it again. The first test that needs a kind of database now
 * builds it once for the whole run (a dump of PGlite's data folder, or a PostgreSQL template database);
 * every test then starts from its own copy, as separate from the others as before.
 *
 * The run's folder comes from the vitest global setup (server/test/global-setup.ts, env
 * LOTRINH_TEST_TEMPLATES). Without it (a benchmark script, say) each database is built from scratch.
 * Workers build a template under a lock (an exclusive mkdir); the others wait for its "ready" file.
 */
import { existsSync, mkdirSync } from 'node:fs';
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
 * Makes sure the template of `seed` exists, building it with `build` if this worker is the first to ask.
 *
 * @param build - writes the template (the dump file, or the template database) and resolves when done
 * @throws Error when another worker's build did not finish in time
 */
export const ensureTemplate = async (
  dir: string,
  seed: TestSeed,
  build: () => Promise<void>,
): Promise<void> => {
  const ready = join(dir, `${seed}.ready`);
  if (existsSync(ready)) return;
  let mine = false;
  try {
    mkdirSync(join(dir, `${seed}.lock`));
    mine = true;
  } catch {
    // Another worker builds it: wait below.
  }
  if (mine) {
    await build();
    await writeFile(ready, 'ready');
    return;
  }
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!existsSync(ready)) {
    if (Date.now() > deadline) throw new Error(`The test database template "${seed}" was not built in time`);
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
