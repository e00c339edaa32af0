/**
 * The processes of a process group, read from /proc (Linux): for tests that check a child process group
 * (the warm LibreOffice of the PDF converter) is gone.
 */
import { readdir, readFile } from 'node:fs/promises';

/** The processes of `group` still running (zombies aside), each as [pid, command name]. */
export const livingInGroup = async (group: number): Promise<Array<[number, string]>> => {
  const found: Array<[number, string]> = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const close = stat.lastIndexOf(')');
    if (close < 0) continue;
    // After "pid (comm) ": state, parent pid, process group.
    const [state, , processGroup] = stat.slice(close + 2).split(' ');
    if (Number(processGroup) === group && state !== 'Z' && state !== 'X')
      found.push([Number(name), stat.slice(stat.indexOf('(') + 1, close)]);
  }
  return found;
};

/** Polls /proc every 100 ms until `test` holds for the group's processes or `withinMs` is over. */
export const waitForGroup = async (
  group: number,
  test: (processes: Array<[number, string]>) => boolean,
  withinMs = 10_000,
): Promise<boolean> => {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (test(await livingInGroup(group))) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Whether every process of `group` is gone within `withinMs` (LibreOffice needs a moment to go). */
export const groupGone = (group: number, withinMs = 10_000) =>
  waitForGroup(group, (processes) => processes.length === 0, withinMs);
