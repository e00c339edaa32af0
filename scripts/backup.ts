/**
 * Backs up the configured database and the evidence files into one file.
 *
 *   npm run backup -- <file>
 *
 * PGlite (DATA_DIR): stop the server first (the data folder is locked while it runs). PostgreSQL
 * (DATABASE_URL): pg_dump custom format, while the app runs. Exit codes: 0 done, 1 failed, 2 bad input,
 * 3 the data folder is in use.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../server/config';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { BackupError, runBackup } from '../server/ops/backup';

const [target, ...extra] = process.argv.slice(2);
if (!target || extra.length > 0) {
  process.stderr.write('Cách dùng: npm run backup -- <tệp sao lưu>\n');
  process.exit(2);
}
try {
  process.stdout.write(`${await runBackup(loadConfig(process.env), resolve(target))}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof BackupError ? error.exitCode : error instanceof DataDirLockedError ? 3 : 1);
}
