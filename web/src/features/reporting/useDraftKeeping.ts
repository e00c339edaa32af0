/**
 * Keeps what the officer types: a copy in the browser (localStorage, keyed by report and revision) written
 * on every change and offered back when it is newer than the server's, and a save of the draft a moment
 * after typing stops (through the usual save, with its optimistic `revision`).
 */
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { useEffect, useRef, useState } from 'react';
import type { ReportDraft } from './reportDraft';

/** How long typing must pause before the draft saves itself. */
export const AUTOSAVE_DELAY_MS = 2500;

type StoredCopy = { savedAt: number; draft: ReportDraft };

/** "lo-trinh:report-draft:<report id or period:unit>:<revision>". */
export const localCopyKey = (report: TUnitReport) =>
  `lo-trinh:report-draft:${report.report?.id ?? `${report.period.id}:${report.unitId}`}:${report.report?.revision ?? 0}`;

const readCopy = (key: string): StoredCopy | null => {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as StoredCopy) : null;
  } catch {
    return null;
  }
};

const writeCopy = (key: string, copy: StoredCopy | null) => {
  try {
    if (copy) window.localStorage.setItem(key, JSON.stringify(copy));
    else window.localStorage.removeItem(key);
  } catch {
    // A full or disabled storage only loses the local copy; the server keeps the saved draft.
  }
};

/**
 * The browser's copy of a report being typed, and the debounced autosave.
 *
 * @param report - the loaded report (its id and revision name the copy)
 * @param draft - what is on screen
 * @param serverDraft - the draft the server's version gives (nothing to keep when equal)
 * @param canSave - whether a save may run now (editable, no field error, no conflict, no save running)
 * @param save - the usual save; resolves to whether it went through
 * @returns the copy restored on opening (to show a notice), and when the last autosave went through
 */
export const useDraftKeeping = ({
  report,
  draft,
  serverDraft,
  isEditable,
  canSave,
  save,
  restore,
}: {
  report: TUnitReport;
  draft: ReportDraft;
  serverDraft: ReportDraft;
  isEditable: boolean;
  canSave: boolean;
  save: () => Promise<boolean>;
  restore: (draft: ReportDraft) => void;
}) => {
  const key = localCopyKey(report);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(serverDraft);
  const [restored, setRestored] = useState<{ key: string; savedAt: number } | null>(null);
  const [autosavedAt, setAutosavedAt] = useState<Date | null>(null);
  const checkedKey = useRef<string | null>(null);

  // On opening a version: a copy of it kept in this browser, newer than the server's save, comes back.
  useEffect(() => {
    if (!isEditable || checkedKey.current === key) return;
    checkedKey.current = key;
    const copy = readCopy(key);
    if (!copy) return;
    const serverSavedAt = Date.parse(report.report?.updatedAt ?? '') || 0;
    if (copy.savedAt > serverSavedAt && JSON.stringify(copy.draft) !== JSON.stringify(serverDraft)) {
      restore(copy.draft);
      setRestored({ key, savedAt: serverSavedAt });
    } else writeCopy(key, null);
  }, [key, isEditable, report.report?.updatedAt, serverDraft, restore]);

  // Every change is copied to the browser; an unchanged draft leaves no copy.
  useEffect(() => {
    if (!isEditable || checkedKey.current !== key) return;
    writeCopy(key, isDirty ? { savedAt: Date.now(), draft } : null);
  }, [key, draft, isDirty, isEditable]);

  // A pause in typing saves the draft.
  const saveRef = useRef(save);
  saveRef.current = save;
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change of the draft restarts the pause
  useEffect(() => {
    if (!isEditable || !isDirty || !canSave) return;
    const timer = window.setTimeout(() => {
      void saveRef.current().then((ok) => {
        if (ok) {
          writeCopy(key, null);
          setAutosavedAt(new Date());
        }
      });
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, isDirty, canSave, isEditable, key]);

  return {
    restored: restored?.key === key ? restored : null,
    dismissRestored: () => setRestored(null),
    discardLocal: () => writeCopy(key, null),
    autosavedAt,
  };
};
