/**
 * One LibreOffice process kept running (`soffice --accept=pipe,…`, a private profile), to which each Word →
 * PDF conversion is handed by a short Python UNO script (soffice-convert.py): about a second a document
 * instead of starting LibreOffice each time.
 *
 * The process is started on demand (the first conversion, or `start`) and again after it died or a
 * conversion failed or hung (that one is killed). It runs in a process group of its own under a small `sh`
 * guard that kills the whole group when LibreOffice ends or when this Node process goes away (its stdin, a
 * pipe from here, closes), so no soffice outlives the server, even one killed with SIGKILL.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SCRIPT = fileURLToPath(new URL('./soffice-convert.py', import.meta.url));

/**
 * The guard: LibreOffice in the background, a watcher that kills the group once its stdin (fd 3, the pipe
 * from Node) closes, and the group killed as soon as LibreOffice ends. `kill -9 0` signals the whole group.
 */
const GUARD =
  'exec 3<&0; "$@" </dev/null >/dev/null 2>&1 & office=$!; (cat <&3 >/dev/null; kill -9 0) & wait $office; kill -9 0';

/** Waiting for a killed group to be gone before its profile folder is removed. */
const STOP_WAIT_MS = 5_000;

/** Running warm processes (group → profile folder), killed when Node exits without stopping them. */
const living = new Map<number, string>();
let exitHookInstalled = false;
const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [group, profileDir] of living) {
      killGroup(group);
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
};

const killGroup = (group: number) => {
  // Never 0 or below: process.kill(-0) would signal this process's own group (the server itself).
  if (!(group > 0)) return;
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

/**
 * Finds a Python that can `import uno` (python3-uno): LibreOffice's own beside `soffice`, then python3 on the
 * PATH, then Debian's /usr/bin/python3 (a pyenv or venv python3 earlier on the PATH has no uno).
 *
 * @returns the program, or null when none can
 */
export const findUnoPython = async (
  candidates: readonly string[] = ['/usr/lib/libreoffice/program/python', 'python3', '/usr/bin/python3'],
): Promise<string | null> => {
  for (const candidate of candidates) {
    try {
      await run(candidate, ['-c', 'import uno'], { timeout: 30_000 });
      return candidate;
    } catch {
      // Not this one: try the next.
    }
  }
  return null;
};

type Running = {
  child: ChildProcess;
  /** The process group (the guard's pid). */
  group: number;
  pipe: string;
  profileDir: string;
  /** Settles once the guard has exited and the profile folder is removed. */
  ended: Promise<void>;
  alive: boolean;
  /** Killed from here (a failed conversion, stop): not reported as an unexpected end. */
  killed: boolean;
};

export type WarmOffice = {
  /** Starts the process if none is running (it gets ready in the background). */
  start: () => Promise<void>;
  /**
   * Converts `input` (.docx) to `output` (.pdf) through the running process, starting one first if needed.
   * On failure or timeout the process is killed (the next conversion starts a fresh one).
   *
   * @throws Error when the conversion fails, times out or the process dies meanwhile
   */
  convert: (input: string, output: string, timeoutMs: number) => Promise<void>;
  /** The running process group, or null: for tests and logs. */
  processGroup: () => number | null;
  /** Kills the running process (if any) and waits until it is gone; `start` and `convert` refuse after it. */
  stop: () => Promise<void>;
};

/**
 * @param options - `soffice` and `python` (with uno) as found; `onExit` hears of an unexpected end
 */
export const createWarmOffice = (options: {
  soffice: string;
  python: string;
  onExit?: (detail: string) => void;
}): WarmOffice => {
  let running: Running | null = null;
  let stopped = false;

  const launch = async (): Promise<Running> => {
    const profileDir = await mkdtemp(join(tmpdir(), 'lotrinh-soffice-warm-'));
    const pipe = `lotrinh-${process.pid}-${randomUUID()}`;
    const child = spawn(
      'sh',
      [
        '-c',
        GUARD,
        'lotrinh-soffice',
        options.soffice,
        `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
        '--headless',
        '--invisible',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--nolockcheck',
        `--accept=pipe,name=${pipe};urp;StarOffice.ComponentContext`,
      ],
      { detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    // Neither the process nor its pipe keeps Node alive: a script that forgets `stop` still ends (and its
    // exit hook or the closed pipe ends LibreOffice).
    child.unref();
    child.stdin?.on('error', () => undefined);
    (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    const group = child.pid ?? 0;
    const entry: Running = {
      child,
      group,
      pipe,
      profileDir,
      alive: group > 0,
      killed: false,
      ended: Promise.resolve(),
    };
    entry.ended = new Promise<void>((resolve) => {
      let finished = false;
      const finish = (detail: string) => {
        if (finished) return;
        finished = true;
        const unexpected = entry.alive && !entry.killed;
        entry.alive = false;
        living.delete(group);
        if (running === entry) running = null;
        if (unexpected) options.onExit?.(detail);
        killGroup(group);
        void rm(profileDir, { recursive: true, force: true }).finally(resolve);
      };
      child.once('exit', (code, signal) => finish(`code ${code ?? '-'}, signal ${signal ?? '-'}`));
      child.once('error', (error) => finish(error.message));
    });
    if (entry.alive) {
      living.set(group, profileDir);
      installExitHook();
    }
    return entry;
  };

  const current = async (): Promise<Running> => {
    if (running?.alive) return running;
    if (stopped) throw new Error('the warm LibreOffice was stopped');
    const entry = await launch();
    // Stopped while it was being launched: it must not outlive the stop.
    if (stopped) {
      await kill(entry);
      throw new Error('the warm LibreOffice was stopped');
    }
    running = entry;
    return entry;
  };

  const kill = async (entry: Running) => {
    entry.killed = true;
    // Referenced again: Node waits for the end being awaited here (a script's last `stop` included).
    entry.child.ref();
    killGroup(entry.group);
    entry.child.stdin?.destroy();
    if (running === entry) running = null;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([entry.ended, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
    await rm(entry.profileDir, { recursive: true, force: true });
  };

  return {
    start: async () => {
      await current();
    },
    convert: async (input, output, timeoutMs) => {
      const entry = await current();
      if (!entry.alive) throw new Error('LibreOffice did not start');
      // LibreOffice ending during the conversion ends the script at once instead of at its timeout.
      const controller = new AbortController();
      const abort = () => controller.abort();
      entry.child.once('exit', abort);
      try {
        await run(options.python, [SCRIPT, entry.pipe, input, output, String(Math.ceil(timeoutMs / 1000))], {
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
          signal: controller.signal,
        });
      } catch (error) {
        await kill(entry);
        throw error;
      } finally {
        entry.child.off('exit', abort);
      }
    },
    processGroup: () => (running?.alive ? running.group : null),
    stop: async () => {
      stopped = true;
      if (running) await kill(running);
    },
  };
};
