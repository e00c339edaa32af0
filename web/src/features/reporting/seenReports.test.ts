import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memoryStorage';
import { clearSeenReports, keepSeenReport, readSeenReport, SEEN_REPORTS_KEPT } from './seenReports';

const reportOf = (periodId: string, unitId: string, edit = true) =>
  ({
    period: { id: periodId },
    unitId,
    isCurrentVersion: true,
    can: { edit },
    report: { id: `r-${periodId}`, revision: 2 },
    indicators: [],
    tasks: [],
  }) as unknown as TUnitReport;

describe('report forms kept for opening offline', () => {
  it('reads a form back only under the user who saw it', () => {
    const storage = new MemoryStorage();
    keepSeenReport(storage, 'lan', reportOf('p', 'u'), 1_000);
    expect(readSeenReport(storage, 'lan', 'p', 'u')).toEqual({ seenAt: 1_000, report: reportOf('p', 'u') });
    expect(readSeenReport(storage, 'minh', 'p', 'u')).toBeNull();
    expect(readSeenReport(storage, '', 'p', 'u')).toBeNull();
    expect(readSeenReport(storage, 'lan', 'p', 'other')).toBeNull();
  });

  it('keeps only reports the user may edit: one no longer editable is removed', () => {
    const storage = new MemoryStorage();
    keepSeenReport(storage, 'lan', reportOf('p', 'u'), 1_000);
    keepSeenReport(storage, 'lan', reportOf('p', 'u', false), 2_000);
    expect(readSeenReport(storage, 'lan', 'p', 'u')).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it(`keeps the last ${SEEN_REPORTS_KEPT} seen per user, the oldest going first`, () => {
    const storage = new MemoryStorage();
    for (let index = 0; index <= SEEN_REPORTS_KEPT; index += 1)
      keepSeenReport(storage, 'lan', reportOf(`p${index}`, 'u'), 1_000 + index);
    keepSeenReport(storage, 'minh', reportOf('p0', 'u'), 1);
    expect(readSeenReport(storage, 'lan', 'p0', 'u')).toBeNull();
    expect(readSeenReport(storage, 'lan', `p${SEEN_REPORTS_KEPT}`, 'u')?.seenAt).toBe(
      1_000 + SEEN_REPORTS_KEPT,
    );
    expect(readSeenReport(storage, 'minh', 'p0', 'u')?.seenAt).toBe(1);
  });

  it("clears another user's forms when someone signs in, and every form on sign-out, leaving drafts alone", () => {
    const storage = new MemoryStorage();
    storage.setItem('lo-trinh:report-draft:lan:p:u', '{}');
    keepSeenReport(storage, 'lan', reportOf('p', 'u'), 1_000);
    keepSeenReport(storage, 'minh', reportOf('p', 'u'), 1_000);
    clearSeenReports(storage, 'minh');
    expect(readSeenReport(storage, 'lan', 'p', 'u')).toBeNull();
    expect(readSeenReport(storage, 'minh', 'p', 'u')).not.toBeNull();
    clearSeenReports(storage);
    expect([...storage.items.keys()]).toEqual(['lo-trinh:report-draft:lan:p:u']);
  });

  it('loses only the offline copy when the storage is full or holds another format', () => {
    const storage = new MemoryStorage();
    storage.refuseWrites = true;
    expect(() => keepSeenReport(storage, 'lan', reportOf('p', 'u'), 1_000)).not.toThrow();
    expect(readSeenReport(storage, 'lan', 'p', 'u')).toBeNull();
    storage.refuseWrites = false;
    storage.setItem('lo-trinh:report-seen:lan:p:u', '{"seenAt":"hier"}');
    expect(readSeenReport(storage, 'lan', 'p', 'u')).toBeNull();
  });
});
