/**
 * One process at a time on an embedded (PGlite) data folder. PGlite is a single-user PostgreSQL in
 * the process: a second process opening the same folder does not see the first one's writes, and
 * whichever writes last silently wins. So every opener (the server, `npm run admin`, backup, restore,
 * migrations) first creates `<folder>.lock` exclusively (O_EXCL) with its pid, and removes it when done.
 *
 * A lock whose process is gone (kill -9, power loss) is stale and taken over. On one machine that is
 * decided by the pid; a lock written on another machine (a shared network folder) is never taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export type LockPurpose = 'server' | 'admin' | 'backup' | 'restore' | 'migrate' | 'test';

type LockContent = { pid: number; host: string; purpose: LockPurpose; since: string };

/** Refusal to open a data folder that another process is using; the message is for the operator. */
export class DataDirLockedError extends Error {
  readonly holder: LockContent | null;

  constructor(folder: string, holder: LockContent | null) {
    const who = holder
      ? `${holder.purpose === 'server' ? 'máy chủ Lộ trình' : `lệnh "${holder.purpose}"`} (pid ${holder.pid}${holder.host === hostname() ? '' : ` trên máy ${holder.host}`})`
      : 'một tiến trình khác';
    super(
      `Thư mục dữ liệu ${folder} đang được một tiến trình khác (${who}) sử dụng. ` +
        'Cơ sở dữ liệu nhúng (PGlite) chỉ cho một tiến trình mở cùng lúc; mở thêm sẽ làm mất dữ liệu. ' +
        (holder?.purpose === 'server'
          ? 'Hãy dừng máy chủ rồi chạy lại lệnh, hoặc thao tác qua ứng dụng web hay API của máy chủ đang chạy.'
          : 'Hãy đợi tiến trình đó kết thúc (hoặc dừng nó) rồi thử lại.'),
    );
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Locks held by this process, so a second open in the same process is refused as well. */
const held = new Set<string>();

const readHolder = (lockPath: string): LockContent | null => {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? {
          pid: parsed.pid,
          host: parsed.host,
          purpose: parsed.purpose ?? 'server',
          since: parsed.since ?? '',
        }
      : null;
  } catch {
    return null;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** A lock file still empty or unreadable after this long was left by a process that died while writing it. */
const UNREADABLE_STALE_MS = 60_000;

/** True when the lock file names a process of this machine that no longer runs. */
const isStale = (lockPath: string, holder: LockContent | null): boolean => {
  if (!holder) {
    try {
      return Date.now() - statSync(lockPath).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return true; // Gone meanwhile.
    }
  }
  if (holder.host !== hostname()) return false;
  // Same pid as ours but not held here: a previous life of this process id (containers restart as pid 1).
  if (holder.pid === process.pid) return !held.has(lockPath);
  return !isAlive(holder.pid);
};

export type DataDirLock = { path: string; release: () => void };

/**
 * Takes the lock of a data folder, or refuses.
 *
 * @param folder - the folder to lock; the lock file is `<folder>.lock` beside it
 * @param purpose - who holds it, shown to the next opener
 * @param label - the folder as the operator knows it, for the message (default: folder)
 * @param options - releaseOnSignals: on SIGINT/SIGTERM/SIGHUP release, then stop as the signal would
 *   (command-line tools; the server releases in its own graceful shutdown). Released on exit always.
 * @throws DataDirLockedError when a live process holds it
 */
export const acquireDataDirLock = (
  folder: string,
  purpose: LockPurpose,
  label = folder,
  options: { releaseOnSignals?: boolean } = {},
): DataDirLock => {
  const lockPath = `${folder}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const content: LockContent = {
    pid: process.pid,
    host: hostname(),
    purpose,
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (held.has(lockPath)) throw new DataDirLockedError(label, readHolder(lockPath));
    try {
      const fd = openSync(lockPath, 'wx', 0o644);
      try {
        writeSync(fd, `${JSON.stringify(content)}\n`);
      } finally {
        closeSync(fd);
      }
      held.add(lockPath);
      let released = false;
      const onSignal = (signal: NodeJS.Signals) => {
        release();
        process.kill(process.pid, signal);
      };
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        for (const signal of SIGNALS) process.removeListener(signal, onSignal);
        held.delete(lockPath);
        // Remove only our own lock: never one a later process took over.
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
      process.once('exit', release);
      if (options.releaseOnSignals) for (const signal of SIGNALS) process.once(signal, onSignal);
      return { path: lockPath, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      // A lock file being written this very moment reads as empty: held, unless it has stayed so for a minute.
      if (!isStale(lockPath, holder)) throw new DataDirLockedError(label, holder);
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(label, readHolder(lockPath));
};

/**
 * Describes who holds the lock of a folder, without taking it (null when free or stale).
 *
 * @param folder - the locked folder (the lock file is `<folder>.lock`)
 */
export const dataDirLockHolder = (folder: string): LockContent | null => {
  const lockPath = `${folder}.lock`;
  const holder = readHolder(lockPath);
  if (!holder) return null;
  return isStale(lockPath, holder) ? null : holder;
};
