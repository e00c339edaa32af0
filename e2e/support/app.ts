/**
 * Starts the real application (API + built SPA + demo data) as a child process on a free port, with a
 * fresh data folder, and stops it afterwards.
 *
 * Within a run of the browser tests (e2e/global-setup.ts sets LOTRINH_E2E_TEMPLATE) the first app loads
 * the demo into a template folder once; every app then starts on its own copy of that folder, its clock
 * starting where the template's stopped, so nothing it writes is older than the demo's own records.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTemplate } from '../../server/test/test-templates';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_TIMEOUT_MS = 120_000;

export type RunningApp = { baseUrl: string; stop: () => Promise<void> };

/**
 * The day the browser tests live on (the server's CLOCK_START; the clock runs on from it), the same
 * as the server tests' FIXED_NOW: a 2026 report is not yet due, the 2025 one is overdue.
 */
export const E2E_CLOCK_START = '2026-11-25T08:00:00.000Z';

const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const waitForHealth = async (baseUrl: string, child: ChildProcess, output: () => string) => {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    // Polling the health endpoint: the server needs a moment to migrate and load the demo plans.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/v1/health within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`);
};

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

type Server = { child: ChildProcess; baseUrl: string; output: () => string };

/** Spawns the server on a free port over `dataDir`, with its clock starting at `clockStart`. */
const spawnServer = async (dataDir: string, clockStart: string): Promise<Server> => {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The embedded database is the point of these tests, so a developer's DATABASE_URL is not passed on.
  const { DATABASE_URL: _ignored, ...inheritedEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...inheritedEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      CLOCK_START: clockStart,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => log;
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { child, baseUrl, output };
};

/**
 * The run's template data folder with the demo loaded, built by the first caller (server/test/test-templates.ts).
 *
 * @returns the folder and the clock time at which its server stopped
 */
const demoTemplate = async (root: string): Promise<{ dataDir: string; clockStart: string }> => {
  const dataDir = path.join(root, 'data');
  const clockFile = path.join(root, 'clock.json');
  await ensureTemplate(
    root,
    'demo',
    async () => {
      const started = Date.now();
      await rm(dataDir, { recursive: true, force: true });
      const server = await spawnServer(dataDir, E2E_CLOCK_START);
      await stopChild(server.child);
      const clockStart = new Date(Date.parse(E2E_CLOCK_START) + Date.now() - started + 1000).toISOString();
      await writeFile(clockFile, JSON.stringify({ clockStart }));
    },
    STARTUP_TIMEOUT_MS * 2,
  );
  const { clockStart } = JSON.parse(await readFile(clockFile, 'utf8')) as { clockStart: string };
  return { dataDir, clockStart };
};

/**
 * Starts `node --import tsx server/main.ts` with demo data in a new temporary folder (a copy of the run's
 * template when there is one). Within a run the folder is made in the run's template folder, so the
 * global teardown also removes the folder of an app whose spec was killed before it could stop it.
 *
 * @returns the base URL and a stop function that kills the server and removes its data folder
 * @throws Error with the server's output when it exits early or never becomes healthy
 */
export const startApp = async (): Promise<RunningApp> => {
  const runRoot = process.env.LOTRINH_E2E_TEMPLATE;
  const templateRoot = runRoot && existsSync(runRoot) ? runRoot : null;
  const dataDir = await mkdtemp(path.join(templateRoot ?? tmpdir(), 'lo-trinh-e2e-'));
  let clockStart = E2E_CLOCK_START;
  let server: Server;
  try {
    if (templateRoot) {
      const template = await demoTemplate(templateRoot);
      await cp(template.dataDir, dataDir, { recursive: true });
      clockStart = template.clockStart;
    }
    server = await spawnServer(dataDir, clockStart);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl: server.baseUrl,
    stop: async () => {
      await stopChild(server.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
