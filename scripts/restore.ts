/**
 * Restores a backup made by `npm run backup` into the configured database (and DATA_DIR/files).
 *
 *   npm run restore -- <file> [--force]
 *
 * Refused while the server runs on the data (stop it first). A database that has data is replaced only
 * with --force, and what was there is kept (PGlite: a folder in DATA_DIR; PostgreSQL: a dump beside
 * the backup file). Exit codes: 0 done, 1 failed, 2 bad input, 3 in use, 4 target not empty.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { BackupError, runRestore } from '../server/ops/backup';

let parsed: ReturnType<typeof parseArgs<{ options: { force: { type: 'boolean' } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options: { force: { type: 'boolean' } }, allowPositionals: true, strict: true });
} catch {
  parsed = { values: {}, positionals: [] };
}
const [source, ...extra] = parsed.positionals;
if (!source || extra.length > 0) {
  process.stderr.write('Cách dùng: npm run restore -- <tệp sao lưu> [--force]\n');
  process.exit(2);
}
try {
  const summary = await runRestore(loadConfig(process.env), resolve(source), { force: parsed.values.force });
  process.stdout.write(`${summary}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof BackupError ? error.exitCode : error instanceof DataDirLockedError ? 3 : 1);
}
