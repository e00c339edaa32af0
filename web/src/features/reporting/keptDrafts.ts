/**
 * Report drafts kept on this device (issue #14): what a unit officer types is copied to the browser's
 * storage on every change, so that a lost connection (a commune with bad coverage), a closed tab or a
 * reload loses nothing; the copy is sent through the usual save once the connection returns, and removed
 * once saved. Never submitted by itself.
 *
 * A copy belongs to one user and one report (period and unit), and remembers the version it was typed on
 * (the report's id and revision): it is sent only onto that version. When the server's report has moved
 * on meanwhile (someone else saved or submitted it), the copy is not written over it: the page shows the
 * conflict and the copy stays until the user decides. Signing out removes every copy on the device.
 */
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import type { ReportDraft } from './reportDraft';

/** What the storage keeps per report. */
export type KeptDraft = {
  /** When it was last written (ms since 1970). */
  savedAt: number;
  /** The version it was typed on: the report's id (null before its first save) and revision (0 then). */
  reportId: string | null;
  revision: number;
  draft: ReportDraft;
};

/** The part of `Storage` used here (localStorage in the app, a map in the tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'lo-trinh:report-draft:';

/** "lo-trinh:report-draft:<user>:<period>:<unit>". */
export const keptDraftKey = (userId: string, periodId: string, unitId: string): string =>
  `${PREFIX}${userId}:${periodId}:${unitId}`;

/** The version a report form shows: the one its copy must have been typed on. */
export const versionOf = (report: TUnitReport): { reportId: string | null; revision: number } => ({
  reportId: report.report?.id ?? null,
  revision: report.report?.revision ?? 0,
});

const isKeptDraft = (value: unknown): value is KeptDraft => {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Record<string, unknown>;
  return (
    typeof copy.savedAt === 'number' &&
    (copy.reportId === null || typeof copy.reportId === 'string') &&
    typeof copy.revision === 'number' &&
    typeof copy.draft === 'object' &&
    copy.draft !== null &&
    typeof (copy.draft as Record<string, unknown>).values === 'object' &&
    typeof (copy.draft as Record<string, unknown>).tasks === 'object'
  );
};

/** The copy kept under `key`; null when none (or unreadable: storage turned off, another format). */
export const readKeptDraft = (storage: DraftStorage, key: string): KeptDraft | null => {
  try {
    const text = storage.getItem(key);
    const parsed: unknown = text ? JSON.parse(text) : null;
    return isKeptDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

/**
 * Keeps `copy` under `key`, or removes it (null).
 *
 * @returns false when the storage refused (full or turned off): only the device's copy is lost
 */
export const writeKeptDraft = (storage: DraftStorage, key: string, copy: KeptDraft | null): boolean => {
  try {
    if (copy) storage.setItem(key, JSON.stringify(copy));
    else storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
};

/**
 * How a kept copy relates to the report the server now holds: `same` — typed on this very version, it
 * may be sent; `moved-on` — the server's report changed since (another save, a submission), sending it
 * would write over that change.
 */
export const keptDraftState = (copy: KeptDraft, report: TUnitReport): 'same' | 'moved-on' => {
  const { reportId, revision } = versionOf(report);
  return copy.reportId === reportId && copy.revision === revision ? 'same' : 'moved-on';
};

/** The keys of every report draft kept on this device (any user's, any earlier format). */
const allKeys = (storage: DraftStorage): string[] => {
  const keys: string[] = [];
  try {
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    // Storage turned off: nothing is kept.
  }
  return keys;
};

/** How many report drafts `userId` has kept on this device, not yet sent. */
export const countKeptDrafts = (storage: DraftStorage, userId: string): number =>
  allKeys(storage).filter((key) => key.startsWith(`${PREFIX}${userId}:`)).length;

/** Removes every report draft kept on this device (on sign-out: nothing of one person stays for the next). */
export const clearKeptDrafts = (storage: DraftStorage): void => {
  for (const key of allKeys(storage)) writeKeptDraft(storage, key, null);
};

/** The browser's localStorage, or null where it is turned off (private modes, policies). */
export const browserStorage = (): DraftStorage | null => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
};
