/**
 * The last report forms seen on this device (issue #14), so that a unit officer who opened a report while
 * online can open it again without a network — after a reload, or from the installed app — and type into
 * a kept draft (keptDrafts.ts). The page marks it "Đang ngoại tuyến — dữ liệu lúc …".
 *
 * Kept in the browser's storage per user and report (never in the service worker's cache, which is the
 * same for everyone): a form is read back only under the user who saw it, the copies of another user are
 * removed when someone else signs in, and every copy is removed on sign-out. Only reports the user may
 * edit are kept, and only the last few per user.
 */
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import type { DraftStorage } from './keptDrafts';

/** One form as last seen: when (ms since 1970) and the server's answer. */
export type SeenReport = { seenAt: number; report: TUnitReport };

const PREFIX = 'lo-trinh:report-seen:';
/** How many forms one user keeps on the device (the oldest seen goes first). */
export const SEEN_REPORTS_KEPT = 5;

const seenKey = (userId: string, periodId: string, unitId: string) =>
  `${PREFIX}${userId}:${periodId}:${unitId}`;

const keysOf = (storage: DraftStorage, prefix: string): string[] => {
  const keys: string[] = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(prefix)) keys.push(key);
    }
  } catch {
    // Storage turned off: nothing is kept.
  }
  return keys;
};

const read = (storage: DraftStorage, key: string): SeenReport | null => {
  try {
    const text = storage.getItem(key);
    const parsed = text ? (JSON.parse(text) as Partial<SeenReport>) : null;
    return parsed &&
      typeof parsed.seenAt === 'number' &&
      typeof parsed.report === 'object' &&
      parsed.report !== null &&
      Array.isArray(parsed.report.indicators)
      ? (parsed as SeenReport)
      : null;
  } catch {
    return null;
  }
};

const remove = (storage: DraftStorage, key: string) => {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to do: storage turned off.
  }
};

/** The form `userId` last saw of this report, or null (none, another format, storage turned off). */
export const readSeenReport = (
  storage: DraftStorage,
  userId: string,
  periodId: string,
  unitId: string,
): SeenReport | null => (userId ? read(storage, seenKey(userId, periodId, unitId)) : null);

/**
 * Keeps the form `userId` has just seen (a report they may edit), or removes it (one they may no longer
 * edit: nothing to type into offline). Beyond SEEN_REPORTS_KEPT per user, the oldest seen goes.
 */
export const keepSeenReport = (
  storage: DraftStorage,
  userId: string,
  report: TUnitReport,
  seenAt: number,
) => {
  if (!userId) return;
  const key = seenKey(userId, report.period.id, report.unitId);
  if (!report.can.edit || !report.isCurrentVersion) return remove(storage, key);
  try {
    storage.setItem(key, JSON.stringify({ seenAt, report } satisfies SeenReport));
  } catch {
    // Full or turned off: only the offline copy is lost, the report itself is on the server.
    return remove(storage, key);
  }
  const mine = keysOf(storage, `${PREFIX}${userId}:`)
    .map((other) => ({ key: other, seenAt: read(storage, other)?.seenAt ?? 0 }))
    .sort((a, b) => b.seenAt - a.seenAt);
  for (const old of mine.slice(SEEN_REPORTS_KEPT)) remove(storage, old.key);
};

/** Removes the forms seen on this device: every user's, or every user's but `keepUserId`'s. */
export const clearSeenReports = (storage: DraftStorage, keepUserId?: string) => {
  for (const key of keysOf(storage, PREFIX))
    if (!keepUserId || !key.startsWith(`${PREFIX}${keepUserId}:`)) remove(storage, key);
};
