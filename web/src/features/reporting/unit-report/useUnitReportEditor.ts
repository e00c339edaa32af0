import type { TAttachment, TUnitReport } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { browserStorage, versionOf } from '../keptDrafts';
import {
  isOwnVersion,
  type TReturnComment,
  useDeleteAttachmentMutation,
  useReportActionMutation,
  useSaveReportMutation,
  useUploadAttachmentMutation,
} from '../mutations';
import { type Overwritten, overwrittenFields } from '../overwrittenFields';
import { reportingQueries } from '../queries';
import {
  draftErrors,
  draftFromReport,
  EMPTY_VALUE_DRAFT,
  type ReportDraft,
  type RowErrors,
  requestFromDraft,
  rowErrorsFromDetails,
} from '../reportDraft';
import { type ReportStatusKey, reportStatusOf } from '../reportStatus';
import { keepSeenReport, readSeenReport } from '../seenReports';

/** What identifies the loaded version: a new one replaces the officer's input, a failed save does not. */
const loadedKeyOf = (report: TUnitReport) =>
  `${report.report?.id ?? 'none'}:${report.report?.revision ?? 0}:${report.report?.status ?? ''}`;

/** The version a draft was typed on: a save is sent only onto it. */
export type DraftBase = { reportId: string | null; revision: number };

/** The loaded version, what is on screen, and that version itself (to tell what was typed). */
type Loaded = { key: string; draft: ReportDraft; report: TUnitReport; base: DraftBase };
const loadedOf = (report: TUnitReport, draft: ReportDraft = draftFromReport(report)): Loaded => ({
  key: loadedKeyOf(report),
  draft,
  report,
  base: versionOf(report),
});

/** A version the user may type into (as the page judges it). */
const isEditableReport = (report: TUnitReport) => {
  const status = reportStatusOf(report.report);
  return (
    report.can.edit &&
    report.isCurrentVersion &&
    (status === 'not_started' || status === 'draft' || status === 'returned')
  );
};

/**
 * The unit report editor: the version shown (the current one, or an earlier one read-only with
 * ?report=<id>), the draft on screen and its checks, and every action on it (save, submit with the
 * reasons asked, return, accept, correct, evidence), each keeping what was typed when it fails.
 *
 * @param periodId - the period of the report
 * @param unitId - the unit reporting
 */
export const useUnitReportEditor = (periodId: string, unitId: string) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // ?report=<id> shows that version; an earlier one comes read-only from GET /api/v1/unit-reports/:id.
  const [searchParams, setSearchParams] = useSearchParams();
  const shownId = searchParams.get('report');
  const { user } = useCurrentUser();
  const userId = user?.id ?? '';
  const current = useQuery(reportingQueries.unitReport(periodId, unitId));
  const isEarlier = shownId != null && current.data != null && current.data.report?.id !== shownId;
  const earlier = useQuery({ ...reportingQueries.reportVersion(shownId ?? ''), enabled: isEarlier });
  const query = isEarlier ? earlier : current;
  const storage = browserStorage();
  // Opened without a network: the form this user last saw of the report, marked as such on the page.
  const isWaiting = current.data == null && current.isPending && current.fetchStatus === 'paused';
  const [offlineCopy] = useState(() =>
    isWaiting && !shownId && storage ? readSeenReport(storage, userId, periodId, unitId) : null,
  );
  const seenCopy = isWaiting && !shownId ? offlineCopy : null;
  // Every answer of the server is kept for the next time the report is opened offline.
  useEffect(() => {
    if (storage && current.data && current.dataUpdatedAt)
      keepSeenReport(storage, userId, current.data, current.dataUpdatedAt);
  }, [storage, userId, current.data, current.dataUpdatedAt]);
  const showVersion = (reportId: string | null) =>
    setSearchParams(reportId ? { report: reportId } : {}, { replace: false });
  const save = useSaveReportMutation(periodId, unitId);
  const action = useReportActionMutation();
  const uploadAttachment = useUploadAttachmentMutation(periodId, unitId);
  const deleteAttachment = useDeleteAttachmentMutation(periodId, unitId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  /** What is on screen now: a save that comes back keeps what was typed while it ran. */
  const latestDraft = useRef<ReportDraft | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [hasConflict, setHasConflict] = useState(false);
  /**
   * The draft on screen was kept on this device while another version of the report was saved: it is
   * never sent over that version (a save is refused here), until the user reloads the latest one.
   */
  const [isStale, setIsStale] = useState(false);
  /** The version a stale draft was typed on: the copy on this device keeps naming it. */
  const [staleBase, setStaleBase] = useState<DraftBase | null>(null);
  /** The last save found no server (offline, or a link that drops): the draft waits on this device. */
  const [connectionLost, setConnectionLost] = useState(false);
  const connectionLostRef = useRef(false);
  const markConnection = (lost: boolean) => {
    connectionLostRef.current = lost;
    setConnectionLost(lost);
  };
  /** "Giữ bản của tôi" asked: the latest version and what saving the user's onto it would replace. */
  const [keepMine, setKeepMine] = useState<{ latest: TUnitReport; changes: Overwritten[] } | null>(null);
  const [isReturning, setIsReturning] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  /** Fields whose own check is shown: those left once, or all after a save was tried. */
  const [touched, setTouched] = useState<Set<string> | 'all'>(() => new Set());

  const data = query.data ?? seenCopy?.report;
  // Derived state: the draft follows the server only when another version arrives (a save, a reload).
  if (data && loaded?.key !== loadedKeyOf(data)) {
    // Compared as a save would send it: "1.710" typed over a saved 1710 is not new input.
    const wasTyped = loaded != null && overwrittenFields(loaded.report, loaded.draft).length > 0;
    if (wasTyped && !isOwnVersion(data) && isEditableReport(data)) {
      // Someone else's version arrived while typed input is on screen (the form opened offline, then the
      // connection came back): the input stays, never sent over that version; the user decides.
      setLoaded({ ...loadedOf(data, loaded.draft) });
      setStaleBase((base) => base ?? loaded.base);
      setIsStale(true);
      setHasConflict(true);
    } else setLoaded(loadedOf(data));
  }
  const isLoading = query.isLoading || current.isLoading;
  /** Opened without a network and never seen here: the report is asked for once the connection returns. */
  const isPaused = query.isPending && query.fetchStatus === 'paused' && !seenCopy;
  if (query.isError || !data) return { isLoading, isPaused, query, data: undefined } as const;

  const draft = loaded?.draft ?? draftFromReport(data);
  latestDraft.current = draft;
  const checkMessages = {
    fractionIncomplete: t('figures.fractionIncomplete'),
    missingReasonRequired: t('figures.missingReasonRequired'),
  };
  const localErrors = draftErrors(data, draft, checkMessages);
  // The form's own checks on the fields left (or all after a save), the server's answer on the others.
  const shownErrors: RowErrors = { ...rowErrors };
  for (const [key, text] of Object.entries(localErrors))
    if (touched === 'all' || touched.has(key)) shownErrors[key] = text;
  const status: ReportStatusKey = reportStatusOf(data.report);
  const isEditable =
    data.can.edit && (status === 'not_started' || status === 'draft' || status === 'returned');
  const isBusy = save.isPending || action.isPending;

  const updateDraft = (update: (current: ReportDraft) => ReportDraft) =>
    setLoaded((current) => (current ? { ...current, draft: update(current.draft) } : current));
  /** A conflict resolved (the latest version reloaded, or the user's kept on it): saves may go again. */
  const clearConflict = () => {
    setIsStale(false);
    setStaleBase(null);
    setHasConflict(false);
    setMessages([]);
    setRowErrors({});
  };

  /**
   * Saves what is on screen; on failure shows why and keeps the input.
   *
   * @param chosen - the latest version the user chose to write over ("Giữ bản của tôi", which alone may
   *   save a stale draft); by default the version shown
   * @returns the saved report or null
   */
  const saveDraft = async (
    toSave: ReportDraft = draft,
    chosen: TUnitReport | null = null,
  ): Promise<TUnitReport | null> => {
    const onto = chosen ?? data;
    setMessages([]);
    setRowErrors({});
    // A figure that cannot be kept as typed is never sent: the field says why, nothing is saved.
    if (Object.keys(draftErrors(onto, toSave, checkMessages)).length > 0) {
      setTouched('all');
      setMessages([t('figures.fieldErrors')]);
      return null;
    }
    if (isStale && !chosen) {
      setHasConflict(true);
      return null;
    }
    const { body, indicatorIds, taskIds } = requestFromDraft(onto, toSave);
    try {
      const saved = await save.mutateAsync(body);
      markConnection(false);
      setHasConflict(false);
      // The saved version replaces the loaded one, but not what was typed meanwhile (autosave runs while typing).
      const typed = latestDraft.current ?? toSave;
      setLoaded(loadedOf(saved, typed));
      return saved;
    } catch (error) {
      // No answer at all: the draft stays on this device (DraftKeeper says so) and is sent when the
      // connection returns. Any answer of the server (a refusal too) means the connection is back.
      if (error instanceof ApiError && error.code === 'network_error') {
        markConnection(true);
        return null;
      }
      markConnection(false);
      if (error instanceof ApiError && error.code === 'report_changed') {
        setHasConflict(true);
        return null;
      }
      const details = error instanceof ApiError ? error.details : [];
      const { rows, other } = rowErrorsFromDetails(details, indicatorIds, taskIds);
      setRowErrors(rows);
      const hasRowErrors = Object.keys(rows).length > 0;
      setMessages([
        hasRowErrors ? t('common.formHasErrors') : errorMessage(error),
        ...other.filter((text) => text !== errorMessage(error)),
      ]);
      return null;
    }
  };

  const handleSave = async () => {
    if (await saveDraft()) message.success(t('reporting.report.saved'));
  };

  const isLate =
    new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }) > data.period.dueDate;
  // The first submission fixes whether a version is late (as the server judges it).
  const needsLateReason =
    !data.report?.lateReason && (data.report?.submittedAt ? data.report.isLate : isLate);

  /** Opens the submit dialog once the figures can be kept: it asks for what is still missing. */
  const handleOpenSubmit = () => {
    if (Object.keys(localErrors).length > 0) {
      setTouched('all');
      setMessages([t('figures.fieldErrors')]);
      return;
    }
    setIsSubmitting(true);
  };

  /** Saves with the reasons given in the dialog, then submits. */
  const handleSubmit = async (missingReasons: Record<string, string>, lateReason: string | null) => {
    const withReasons: ReportDraft = {
      ...draft,
      values: { ...draft.values },
    };
    for (const [indicatorId, reason] of Object.entries(missingReasons))
      withReasons.values[indicatorId] = {
        ...EMPTY_VALUE_DRAFT,
        ...draft.values[indicatorId],
        isMissing: true,
        missingReason: reason,
      };
    updateDraft(() => withReasons);
    const saved = await saveDraft(withReasons);
    setIsSubmitting(false);
    // Never submitted later by itself: without a connection the officer submits again once it is back.
    if (!saved?.report && connectionLostRef.current) setMessages([t('figures.offlineNotSubmitted')]);
    if (!saved?.report) return;
    try {
      await action.mutateAsync({
        kind: 'submit',
        reportId: saved.report.id,
        revision: saved.report.revision,
        lateReason,
      });
      message.success(t('reporting.report.submitted'));
    } catch (error) {
      const details = error instanceof ApiError ? error.details : [];
      const { rows } = rowErrorsFromDetails(
        details,
        data.indicators.map((row) => row.indicatorId),
        [],
      );
      setRowErrors(rows);
      setMessages([errorMessage(error)]);
    }
  };

  const runReview = async (kind: 'accept' | 'correct', done: string) => {
    if (!data.report) return;
    try {
      await action.mutateAsync(
        kind === 'correct'
          ? { kind, reportId: data.report.id }
          : { kind, reportId: data.report.id, revision: data.report.revision },
      );
      message.success(done);
    } catch (error) {
      setMessages([errorMessage(error)]);
    }
  };

  const handleReturn = async (reason: string, comments: TReturnComment[]) => {
    if (!data.report) return;
    try {
      await action.mutateAsync({
        kind: 'return',
        reportId: data.report.id,
        revision: data.report.revision,
        reason,
        comments,
      });
      setIsReturning(false);
      message.success(t('reporting.report.returned'));
    } catch (error) {
      setIsReturning(false);
      setMessages([errorMessage(error)]);
    }
  };

  const handleReload = async () => {
    const fresh = await query.refetch();
    if (fresh.data) setLoaded(loadedOf(fresh.data));
    clearConflict();
    setTouched(new Set());
  };

  /**
   * "Giữ bản của tôi": asks the server's latest version, then shows what saving the user's draft onto it
   * would replace (confirmKeepMine saves). A report no longer editable cannot be written over.
   */
  const handleKeepMine = async () => {
    const fresh = await current.refetch();
    const latest = fresh.data;
    if (!latest) return setMessages([errorMessage(fresh.error)]);
    if (!isEditableReport(latest)) return setMessages([t('reporting.report.keepMineClosed')]);
    setKeepMine({ latest, changes: overwrittenFields(latest, latestDraft.current ?? draft) });
  };
  /** Confirmed: the user's draft is saved onto the latest version (a newer one meanwhile: the conflict again). */
  const confirmKeepMine = async () => {
    if (!keepMine) return;
    const mine = latestDraft.current ?? draft;
    setKeepMine(null);
    clearConflict();
    setLoaded(loadedOf(keepMine.latest, mine));
    if (await saveDraft(mine, keepMine.latest)) message.success(t('reporting.report.keptMine'));
  };

  /** Evidence hangs on a report, so the first file of a new report saves the draft first. */
  const handleUpload = async (file: File, link: { indicatorId?: string; taskId?: string }) => {
    const reportId = data.report?.id ?? (await saveDraft())?.report?.id;
    if (!reportId) throw new Error(t('common.formHasErrors'));
    await uploadAttachment.mutateAsync({ reportId, file, ...link });
  };
  const handleRemove = async (attachment: TAttachment) => {
    await deleteAttachment.mutateAsync(attachment.id);
  };

  /** A field left: its own check shows from now on. */
  const touch = (key: string) =>
    setTouched((current) => (current === 'all' || current.has(key) ? current : new Set([...current, key])));

  return {
    isLoading,
    isPaused,
    query,
    data,
    /** The current version's report id, to tell the latest row of the versions table. */
    currentReportId: current.data?.report?.id ?? null,
    showVersion,
    draft,
    updateDraft,
    touch,
    localErrors,
    shownErrors,
    rowErrors,
    messages,
    hasConflict,
    connectionLost,
    /** A copy kept on this device was typed on a version since replaced: show the conflict, send nothing. */
    markStale: (base: DraftBase) => {
      setStaleBase(base);
      setIsStale(true);
      setHasConflict(true);
    },
    /** The version a stale draft was typed on (null when the draft is on the version shown). */
    staleBase: isStale ? staleBase : null,
    /** Shown from the form last seen on this device, without a network: when it was seen. */
    offlineSeenAt: query.data == null && seenCopy ? seenCopy.seenAt : null,
    status,
    isEditable,
    isBusy,
    isSaving: save.isPending,
    isActing: action.isPending,
    isUploading: uploadAttachment.isPending,
    needsLateReason,
    isReturning,
    setIsReturning,
    isSubmitting,
    setIsSubmitting,
    saveDraft,
    handleSave,
    handleOpenSubmit,
    handleSubmit,
    runReview,
    handleReturn,
    handleReload,
    keepMine,
    handleKeepMine,
    confirmKeepMine,
    cancelKeepMine: () => setKeepMine(null),
    handleUpload,
    handleRemove,
  } as const;
};

export type UnitReportEditor = Extract<ReturnType<typeof useUnitReportEditor>, { data: TUnitReport }>;
