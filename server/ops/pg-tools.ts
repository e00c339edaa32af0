/** The PostgreSQL programs of this machine (pg_dump, pg_restore, pg_ctl, …). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of the PostgreSQL client and server programs (≥ 15): from PATH, else the newest under
 * /usr/lib/postgresql/<version>/bin; null when none is installed.
 *
 * @param program - a program that must be there (pg_ctl, pg_dump, …)
 */
export const findPgBinDir = (program = 'pg_ctl'): string | null => {
  const onPath = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    const real = spawnSync('readlink', ['-f', onPath], { encoding: 'utf8' }).stdout.trim();
    return join(real, '..');
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => Number(name) >= 15 && existsSync(join(base, name, 'bin', program)))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
};
