/**
 * Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server, so the database tests run
 * on PostgreSQL as well as on PGlite.
 *
 * - TEST_DATABASE_URL already set (CI starts Debian's cluster): use it.
 * - Otherwise start a throwaway cluster with the local PostgreSQL binaries (initdb/pg_ctl from PATH or
 *   /usr/lib/postgresql/<v>/bin) in a temporary folder on a free port, and remove it afterwards.
 *   As root, the cluster runs as the `postgres` system user (PostgreSQL refuses to run as root).
 *
 * Usage: node --import tsx scripts/with-postgres.ts <command> [args…]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-postgres.ts <command> [args…]');
  process.exit(2);
}

const findBinDir = (): string | null => {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    const real = spawnSync('readlink', ['-f', onPath], { encoding: 'utf8' }).stdout.trim();
    return join(real, '..');
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => Number(name) >= 15)
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const run = (env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const main = async (): Promise<number> => {
  if (process.env.TEST_DATABASE_URL) return run(process.env);

  const bin = findBinDir();
  if (!bin) {
    console.error(
      'PostgreSQL tests need PostgreSQL ≥ 15: install it (Debian: apt-get install -y postgresql) or set TEST_DATABASE_URL.',
    );
    return 1;
  }
  const isRoot = process.getuid?.() === 0;
  const asPostgres = (file: string, fileArgs: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...fileArgs], { stdio: 'pipe' })
      : execFileSync(file, fileArgs, { stdio: 'pipe' });

  const dir = mkdtempSync(join(tmpdir(), 'lotrinh-pg-'));
  const dataDir = join(dir, 'data');
  if (isRoot) {
    chmodSync(dir, 0o777);
  }
  const port = await freePort();
  try {
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
  } catch (error) {
    console.error('Could not start a temporary PostgreSQL cluster:', (error as Error).message);
    rmSync(dir, { recursive: true, force: true });
    return 1;
  }
  try {
    return await run({ ...process.env, TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` });
  } finally {
    try {
      asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
};

process.exit(await main());
