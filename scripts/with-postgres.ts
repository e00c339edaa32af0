/**
 * Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server, so the database tests run
 * on PostgreSQL as well as on PGlite.
 *
 * - TEST_DATABASE_URL already set (CI starts Debian's cluster): use it.
 * - Otherwise start a throwaway cluster with the local PostgreSQL binaries (server/test/pg-cluster.ts)
 *   in a temporary folder on a free port, and remove it afterwards.
 *
 * Usage: node --import tsx scripts/with-postgres.ts <command> [args…]
 */
import { spawn } from 'node:child_process';
import { findPgBinDir } from '../server/ops/pg-tools';
import { type PgCluster, startThrowawayCluster } from '../server/test/pg-cluster';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-postgres.ts <command> [args…]');
  process.exit(2);
}

const run = (env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const main = async (): Promise<number> => {
  if (process.env.TEST_DATABASE_URL) return run(process.env);

  if (!findPgBinDir()) {
    console.error(
      'PostgreSQL tests need PostgreSQL ≥ 15: install it (Debian: apt-get install -y postgresql) or set TEST_DATABASE_URL.',
    );
    return 1;
  }
  let cluster: PgCluster;
  try {
    cluster = await startThrowawayCluster();
  } catch (error) {
    console.error('Could not start a temporary PostgreSQL cluster:', (error as Error).message);
    return 1;
  }
  try {
    return await run({ ...process.env, TEST_DATABASE_URL: cluster.url });
  } finally {
    cluster.destroy();
  }
};

process.exit(await main());
