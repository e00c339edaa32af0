/**
 * Keeps what the officer types (issue #14): a copy on this device (keptDrafts.ts: localStorage, keyed by
 * user and report, remembering the version it was typed on) written on every change, a save of the draft
 * a moment after typing stops (the usual save, with its optimistic `revision`), and — when the connection
 * is lost — the copy sent once it returns. A copy typed on a version the server has since replaced is
 * not sent: the page shows the conflict and the copy stays until the user reloads.
 */
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { useEffect, useRef, useState } from 'react';
import {
  browserStorage,
  type KeptDraft,
  keptDraftKey,
  keptDraftState,
  readKeptDraft,
  versionOf,
  writeKeptDraft,
} from './keptDrafts';
import type { ReportDraft } from './reportDraft';

/** How long typing must pause before the draft saves itself. */
export const AUTOSAVE_DELAY_MS = 2500;
/** How often a draft whose save found no server (the browser believing it is online) is tried again. */
export const RETRY_DELAY_MS = 15_000;

/** What useDraftKeeping is given (see its parameters). */
export type DraftKeepingOptions = {
  userId: string;
  report: TUnitReport;
  draft: ReportDraft;
  serverDraft: ReportDraft;
  isEditable: boolean;
  canSave: boolean;
  isOnline: boolean;
  connectionLost: boolean;
  save: () => Promise<boolean>;
  restore: (draft: ReportDraft) => void;
  staleBase: Pick<KeptDraft, 'reportId' | 'revision'> | null;
  onMovedOn: (base: Pick<KeptDraft, 'reportId' | 'revision'>) => void;
};

/**
 * The device's copy of a report being typed, the debounced autosave and the resend on reconnection.
 *
 * @param userId - the signed-in user (copies are per user)
 * @param report - the loaded report (its period, unit and version name the copy)
 * @param draft - what is on screen
 * @param serverDraft - the draft the server's version gives (nothing to keep when equal)
 * @param canSave - whether a save may run now (editable, no field error, no conflict, no save running)
 * @param isOnline - whether the browser has a network
 * @param connectionLost - whether the last save found no server
 * @param save - the usual save; resolves to whether it went through
 * @param staleBase - the version the draft on screen was typed on when the server's has replaced it (the
 *   page shows the conflict): copies keep naming it, so they are never sent onto the newer one
 * @param onMovedOn - a copy was typed on a version the server has replaced (`base`): the page shows the
 *   conflict
 * @returns the copy restored on opening (to show a notice), when the last autosave went through, and
 *   whether a copy not yet sent is kept on this device
 */
export const useDraftKeeping = ({
  userId,
  report,
  draft,
  serverDraft,
  isEditable,
  canSave,
  isOnline,
  connectionLost,
  save,
  restore,
  staleBase,
  onMovedOn,
}: DraftKeepingOptions) => {
  // Nobody known (yet): nothing is read or written, a copy always belongs to someone.
  const storage = userId ? browserStorage() : null;
  const key = keptDraftKey(userId, report.period.id, report.unitId);
  const { reportId, revision } = versionOf(report);
  const isDirty = JSON.stringify(draft) !== JSON.stringify(serverDraft);
  const [restored, setRestored] = useState<{ key: string; serverSavedAt: number | null } | null>(null);
  const [autosavedAt, setAutosavedAt] = useState<Date | null>(null);
  /** A copy kept over a report that can no longer be edited (submitted meanwhile): it cannot be sent. */
  const [stranded, setStranded] = useState<{ key: string; savedAt: number } | null>(null);
  const checkedKey = useRef<string | null>(null);
  /** The render that restores a copy still shows the server's draft: it must not remove the copy. */
  const skipNextWrite = useRef(false);

  // On opening a report: a copy kept on this device comes back on screen.
  useEffect(() => {
    if (!storage || !isEditable || checkedKey.current === key) return;
    checkedKey.current = key;
    const copy = readKeptDraft(storage, key);
    if (!copy) return;
    if (JSON.stringify(copy.draft) === JSON.stringify(serverDraft)) {
      writeKeptDraft(storage, key, null);
      return;
    }
    skipNextWrite.current = true;
    restore(copy.draft);
    if (keptDraftState(copy, report) === 'moved-on')
      onMovedOn({ reportId: copy.reportId, revision: copy.revision });
    else setRestored({ key, serverSavedAt: Date.parse(report.report?.updatedAt ?? '') || null });
  }, [key, isEditable, report, serverDraft, restore, onMovedOn, storage]);

  useEffect(() => {
    if (!storage || isEditable) return;
    const copy = readKeptDraft(storage, key);
    setStranded(copy ? { key, savedAt: copy.savedAt } : null);
  }, [key, isEditable, storage]);

  // Every change is copied to the device; a draft equal to the server's leaves no copy.
  useEffect(() => {
    if (!storage || !isEditable || checkedKey.current !== key) return;
    if (skipNextWrite.current) {
      skipNextWrite.current = false;
      return;
    }
    if (!isDirty) {
      writeKeptDraft(storage, key, null);
      return;
    }
    // A copy typed on a version since replaced keeps naming that version (a restored one, or input on
    // screen when another version arrived).
    const base = staleBase ?? { reportId, revision };
    writeKeptDraft(storage, key, {
      savedAt: Date.now(),
      reportId: base.reportId,
      revision: base.revision,
      draft,
    });
  }, [key, draft, isDirty, isEditable, staleBase, reportId, revision, storage]);

  const saveRef = useRef(save);
  saveRef.current = save;
  const autosave = () =>
    void saveRef.current().then((ok) => {
      if (ok) setAutosavedAt(new Date());
    });

  // A pause in typing, or the connection coming back, saves the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change of the draft restarts the pause
  useEffect(() => {
    if (!isEditable || !isDirty || !canSave || !isOnline) return;
    const timer = window.setTimeout(autosave, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, isDirty, canSave, isEditable, isOnline, key]);

  // A save that found no server while the browser says it is online is tried again now and then.
  // biome-ignore lint/correctness/useExhaustiveDependencies: autosave reads the latest save through a ref
  useEffect(() => {
    if (!connectionLost || !isEditable || !isDirty || !canSave || !isOnline) return;
    const timer = window.setInterval(autosave, RETRY_DELAY_MS);
    return () => window.clearInterval(timer);
  }, [connectionLost, isDirty, canSave, isEditable, isOnline]);

  return {
    restored: restored?.key === key ? restored : null,
    dismissRestored: () => setRestored(null),
    /** A copy that can no longer be sent (the report is not editable any more), until discarded. */
    stranded: !isEditable && stranded?.key === key ? stranded : null,
    discardLocal: () => {
      if (storage) writeKeptDraft(storage, key, null);
      setStranded(null);
    },
    autosavedAt,
    /** Something typed is kept on this device and not yet on the server. */
    isKept: isEditable && isDirty && storage != null,
  };
};
