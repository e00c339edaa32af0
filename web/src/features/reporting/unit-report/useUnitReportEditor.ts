import type { TAttachment, TUnitReport } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import {
  type TReturnComment,
  useDeleteAttachmentMutation,
  useReportActionMutation,
  useSaveReportMutation,
  useUploadAttachmentMutation,
} from '../mutations';
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

/** What identifies the loaded version: a new one replaces the officer's input, a failed save does not. */
const loadedKeyOf = (report: TUnitReport) =>
  `${report.report?.id ?? 'none'}:${report.report?.revision ?? 0}:${report.report?.status ?? ''}`;

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
  const current = useQuery(reportingQueries.unitReport(periodId, unitId));
  const isEarlier = shownId != null && current.data != null && current.data.report?.id !== shownId;
  const earlier = useQuery({ ...reportingQueries.reportVersion(shownId ?? ''), enabled: isEarlier });
  const query = isEarlier ? earlier : current;
  const showVersion = (reportId: string | null) =>
    setSearchParams(reportId ? { report: reportId } : {}, { replace: false });
  const save = useSaveReportMutation(periodId, unitId);
  const action = useReportActionMutation();
  const uploadAttachment = useUploadAttachmentMutation(periodId, unitId);
  const deleteAttachment = useDeleteAttachmentMutation(periodId, unitId);
  const [loaded, setLoaded] = useState<{ key: string; draft: ReportDraft } | null>(null);
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
  /** The last save found no server (offline, or a link that drops): the draft waits on this device. */
  const [connectionLost, setConnectionLost] = useState(false);
  const connectionLostRef = useRef(false);
  const markConnection = (lost: boolean) => {
    connectionLostRef.current = lost;
    setConnectionLost(lost);
  };
  const [isReturning, setIsReturning] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  /** Fields whose own check is shown: those left once, or all after a save was tried. */
  const [touched, setTouched] = useState<Set<string> | 'all'>(() => new Set());

  const data = query.data;
  // Derived state: the draft follows the server only when another version arrives (a save, a reload).
  if (data && loaded?.key !== loadedKeyOf(data)) {
    setLoaded({ key: loadedKeyOf(data), draft: draftFromReport(data) });
  }
  const isLoading = query.isLoading || current.isLoading;
  /** Opened without a network: the report is asked for once the connection returns. */
  const isPaused = query.isPending && query.fetchStatus === 'paused';
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

  /** Saves what is on screen; on failure shows why and keeps the input. @returns the saved report or null */
  const saveDraft = async (toSave: ReportDraft = draft): Promise<TUnitReport | null> => {
    setMessages([]);
    setRowErrors({});
    // A figure that cannot be kept as typed is never sent: the field says why, nothing is saved.
    if (Object.keys(draftErrors(data, toSave, checkMessages)).length > 0) {
      setTouched('all');
      setMessages([t('figures.fieldErrors')]);
      return null;
    }
    if (isStale) {
      setHasConflict(true);
      return null;
    }
    const { body, indicatorIds, taskIds } = requestFromDraft(data, toSave);
    try {
      const saved = await save.mutateAsync(body);
      markConnection(false);
      setHasConflict(false);
      // The saved version replaces the loaded one, but not what was typed meanwhile (autosave runs while typing).
      const typed = latestDraft.current ?? toSave;
      setLoaded({ key: loadedKeyOf(saved), draft: typed });
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
    if (fresh.data) setLoaded({ key: loadedKeyOf(fresh.data), draft: draftFromReport(fresh.data) });
    setIsStale(false);
    setHasConflict(false);
    setMessages([]);
    setRowErrors({});
    setTouched(new Set());
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
    markStale: () => {
      setIsStale(true);
      setHasConflict(true);
    },
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
    handleUpload,
    handleRemove,
  } as const;
};

export type UnitReportEditor = Extract<ReturnType<typeof useUnitReportEditor>, { data: TUnitReport }>;
