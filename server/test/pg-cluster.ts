/**
 * A throwaway PostgreSQL cluster: the one `npm run test:pg` runs every database test on
 * (scripts/with-postgres.ts), and one of its own for a test that stops and starts it at will (the
 * shared test:pg cluster must never be stopped: other test files use it at the same time).
 * Durability is off (fsync, full page writes): these clusters hold test data only.
 * As root, the cluster runs as the `postgres` system user (PostgreSQL refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPgBinDir } from '../ops/pg-tools';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export type PgCluster = {
  url: string;
  /** pg_ctl stop -m fast: clients are disconnected, the server shuts down cleanly. */
  stop: () => void;
  start: () => void;
  /** Stops it and removes its folder. */
  destroy: () => void;
};

/**
 * Creates and starts a cluster in a temporary folder on a free port.
 *
 * @throws Error when the binaries are missing or initdb/pg_ctl fail
 */
export const startThrowawayCluster = async (): Promise<PgCluster> => {
  const bin = findPgBinDir();
  if (!bin) throw new Error('PostgreSQL ≥ 15 is not installed (initdb/pg_ctl not found).');
  const isRoot = process.getuid?.() === 0;
  const asPostgres = (file: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' })
      : execFileSync(file, args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'lotrinh-pgc-'));
  if (isRoot) chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  asPostgres(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const start = () =>
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      dataDir,
      '-l',
      join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
      '-w',
      'start',
    ]);
  const stop = () => asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => void stop(),
    start: () => void start(),
    destroy: () => {
      try {
        asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
