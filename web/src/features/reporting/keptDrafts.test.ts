import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { describe, expect, it } from 'vitest';
import {
  clearKeptDrafts,
  countKeptDrafts,
  type KeptDraft,
  keptDraftKey,
  keptDraftState,
  readKeptDraft,
  versionOf,
  writeKeptDraft,
} from './keptDrafts';
import { MemoryStorage } from './memoryStorage';
import { EMPTY_VALUE_DRAFT, type ReportDraft } from './reportDraft';

const DRAFT: ReportDraft = {
  nothingArose: false,
  difficulties: 'Mất mạng ở thôn 3',
  proposals: '',
  values: { 'ind-1': { ...EMPTY_VALUE_DRAFT, value: '85' } },
  tasks: {},
};

/** A report form reduced to what names its version. */
const reportAt = (report: { id: string; revision: number } | null) =>
  ({ period: { id: 'p-2026' }, unitId: 'u-hcc', report }) as unknown as TUnitReport;

const copyOn = (reportId: string | null, revision: number): KeptDraft => ({
  savedAt: 1_764_000_000_000,
  reportId,
  revision,
  draft: DRAFT,
});

describe('keptDrafts: report drafts kept on the device', () => {
  it('keys a copy by user, period and unit, so another user of the device never reads it', () => {
    const storage = new MemoryStorage();
    const mine = keptDraftKey('user-a', 'p-2026', 'u-hcc');
    writeKeptDraft(storage, mine, copyOn('r-1', 3));
    expect(readKeptDraft(storage, mine)).toEqual(copyOn('r-1', 3));
    expect(readKeptDraft(storage, keptDraftKey('user-b', 'p-2026', 'u-hcc'))).toBeNull();
    expect(readKeptDraft(storage, keptDraftKey('user-a', 'p-2025', 'u-hcc'))).toBeNull();
  });

  it('removes a copy when written as null, and reads anything unreadable as no copy', () => {
    const storage = new MemoryStorage();
    const key = keptDraftKey('user-a', 'p-2026', 'u-hcc');
    writeKeptDraft(storage, key, copyOn(null, 0));
    writeKeptDraft(storage, key, null);
    expect(storage.items.size).toBe(0);
    storage.items.set(key, '{not json');
    expect(readKeptDraft(storage, key)).toBeNull();
    storage.items.set(key, JSON.stringify({ savedAt: 1, draft: DRAFT }));
    expect(readKeptDraft(storage, key)).toBeNull();
  });

  it('says so when the storage refuses a write (full or turned off), without throwing', () => {
    const storage = new MemoryStorage();
    storage.refuseWrites = true;
    expect(writeKeptDraft(storage, keptDraftKey('user-a', 'p', 'u'), copyOn(null, 0))).toBe(false);
    expect(storage.items.size).toBe(0);
  });

  it('sends a copy only onto the version it was typed on', () => {
    expect(versionOf(reportAt(null))).toEqual({ reportId: null, revision: 0 });
    expect(keptDraftState(copyOn('r-1', 3), reportAt({ id: 'r-1', revision: 3 }))).toBe('same');
    expect(keptDraftState(copyOn(null, 0), reportAt(null))).toBe('same');
    // Saved by someone else meanwhile: a newer revision of the same report.
    expect(keptDraftState(copyOn('r-1', 3), reportAt({ id: 'r-1', revision: 4 }))).toBe('moved-on');
    // Typed before the first save, and someone else created the report meanwhile.
    expect(keptDraftState(copyOn(null, 0), reportAt({ id: 'r-1', revision: 1 }))).toBe('moved-on');
    // A new version of the report (a correction), even at the same revision number.
    expect(keptDraftState(copyOn('r-1', 3), reportAt({ id: 'r-2', revision: 3 }))).toBe('moved-on');
  });

  it('counts one user’s copies and clears every copy on sign-out, leaving other settings', () => {
    const storage = new MemoryStorage();
    writeKeptDraft(storage, keptDraftKey('user-a', 'p-2026', 'u-hcc'), copyOn(null, 0));
    writeKeptDraft(storage, keptDraftKey('user-a', 'p-2025', 'u-hcc'), copyOn('r-9', 2));
    writeKeptDraft(storage, keptDraftKey('user-b', 'p-2026', 'u-hcc'), copyOn(null, 0));
    // A copy in the earlier format (report id and revision), from before this version of the app.
    storage.setItem('lo-trinh:report-draft:r-1:3', JSON.stringify(copyOn('r-1', 3)));
    storage.setItem('lo-trinh.language', 'en');
    expect(countKeptDrafts(storage, 'user-a')).toBe(2);
    expect(countKeptDrafts(storage, 'user-b')).toBe(1);
    expect(countKeptDrafts(storage, 'user-c')).toBe(0);
    clearKeptDrafts(storage);
    expect([...storage.items.keys()]).toEqual(['lo-trinh.language']);
  });
});
