/** The PostgreSQL programs of this machine (pg_dump, pg_restore, pg_ctl, …). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder of the PostgreSQL client and server programs (≥ 15): the newest under
 * /usr/lib/postgresql/<version>/bin (Debian; newest, since pg_dump must not be older than the server),
 * else the folder of the program on PATH; null when none is installed.
 *
 * @param program - a program that must be there (pg_ctl, pg_dump, …)
 */
export const findPgBinDir = (program = 'pg_ctl'): string | null => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((name) => Number(name) >= 15 && existsSync(join(base, name, 'bin', program)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(base, versions[0], 'bin');
  const onPath = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).stdout.trim();
  if (!onPath) return null;
  // A symlink into the installation (but not into a wrapper such as Debian's pg_wrapper).
  const real = spawnSync('readlink', ['-f', onPath], { encoding: 'utf8' }).stdout.trim();
  return existsSync(join(real, '..', program)) ? join(real, '..') : dirname(onPath);
};
