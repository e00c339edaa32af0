import type { TAttachment, TUnitReport } from '@core/schemas/reporting.schemas';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormErrorAlert } from '../../components/ui/FormErrorAlert';
import { LoadingState } from '../../components/ui/LoadingState';
import { ExcelTemplateActions } from '../export/ExcelTemplateActions';
import { planQueries } from '../plan/queries';
import { DraftKeeper } from './components/DraftKeeper';
import { EvidenceList } from './components/EvidenceList';
import { IndicatorValuesTable } from './components/IndicatorValuesTable';
import { OnBehalfPanel } from './components/OnBehalfPanel';
import { ReturnHistory, ReturnReportModal, SubmitReportModal } from './components/ReportDialogs';
import { TaskUpdatesTable } from './components/TaskUpdatesTable';
import {
  type TReturnComment,
  useDeleteAttachmentMutation,
  useReportActionMutation,
  useSaveReportMutation,
  useUploadAttachmentMutation,
} from './mutations';
import { reportingQueries } from './queries';
import {
  draftErrors,
  draftFromReport,
  EMPTY_VALUE_DRAFT,
  emptyIndicators,
  type ReportDraft,
  type RowErrors,
  requestFromDraft,
  rowErrorsFromDetails,
} from './reportDraft';
import {
  formatDateTime,
  formatDay,
  REPORT_STATUS_COLOURS,
  type ReportStatusKey,
  reportStatusOf,
} from './reportStatus';

/** What identifies the loaded version: a new one replaces the officer's input, a failed save does not. */
const loadedKeyOf = (report: TUnitReport) =>
  `${report.report?.id ?? 'none'}:${report.report?.revision ?? 0}:${report.report?.status ?? ''}`;

/**
 * /reporting-periods/:periodId/units/:unitId — a unit's report for a period: values of the indicators it
 * leads, progress of its tasks, difficulties, proposals and evidence; then submit, review, correct.
 */
const UnitReportPage = () => {
  const { periodId = '', unitId = '' } = useParams();
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
  const period = useQuery(reportingQueries.period(periodId));
  const plans = useQuery(planQueries.list({}));
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
  const [isReturning, setIsReturning] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  /** Fields whose own check is shown: those left once, or all after a save was tried. */
  const [touched, setTouched] = useState<Set<string> | 'all'>(() => new Set());

  const data = query.data;
  // Derived state: the draft follows the server only when another version arrives (a save, a reload).
  if (data && loaded?.key !== loadedKeyOf(data)) {
    setLoaded({ key: loadedKeyOf(data), draft: draftFromReport(data) });
  }

  if (query.isLoading || current.isLoading) return <LoadingState />;
  if (query.isError || !data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
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

  /** "Bản 1 — đã được chấp nhận ngày 20/11/2026, đã thay bằng bản 2". */
  const earlierVersionLabel = (shown: TUnitReport) => {
    const report = shown.report!;
    const newer = shown.versions.filter((row) => row.version > report.version);
    const replacedBy = newer
      .filter((row) => row.status === 'accepted')
      .sort((a, b) => a.version - b.version)[0];
    const date = formatDay(report.reviewedAt);
    if (report.status === 'superseded' && replacedBy)
      return t('reporting.report.earlierSuperseded', {
        version: report.version,
        date,
        next: replacedBy.version,
      });
    const latest = newer.sort((a, b) => b.version - a.version)[0];
    if (report.status === 'accepted' && latest)
      return t('reporting.report.earlierInCorrection', {
        version: report.version,
        date,
        next: latest.version,
      });
    return t('reporting.report.earlierOther', {
      version: report.version,
      status: t(`reporting.statuses.${report.status}`),
    });
  };

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
    const { body, indicatorIds, taskIds } = requestFromDraft(data, toSave);
    try {
      const saved = await save.mutateAsync(body);
      setHasConflict(false);
      // The saved version replaces the loaded one, but not what was typed meanwhile (autosave runs while typing).
      const typed = latestDraft.current ?? toSave;
      setLoaded({ key: loadedKeyOf(saved), draft: typed });
      return saved;
    } catch (error) {
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

  const rowAttachments = (filter: (attachment: TAttachment) => boolean) => data.attachments.filter(filter);
  const planLink = `/plans/${data.period.planId}?tab=reports&period=${data.period.id}`;

  return (
    <Flex vertical gap={16} style={{ paddingBottom: 72 }}>
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('plan.back')}</Link> },
          {
            title: (
              <Link to={planLink} title={period.data?.planTitle}>
                {plans.data?.find((plan) => plan.id === data.period.planId)?.number ??
                  t('reporting.report.plan')}
              </Link>
            ),
          },
          { title: data.period.label },
          { title: data.unitName },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('reporting.report.title', { unit: data.unitName })}
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'period',
            label: t('reporting.report.header.period'),
            children: (
              <>
                {data.period.label}{' '}
                <Typography.Text type="secondary">
                  (
                  {t('reporting.dataWindow', {
                    from: formatDay(data.period.dataFrom),
                    to: formatDay(data.period.dataTo),
                  })}
                  )
                </Typography.Text>
              </>
            ),
          },
          { key: 'unit', label: t('reporting.report.header.unit'), children: data.unitName },
          { key: 'due', label: t('reporting.report.header.due'), children: formatDay(data.period.dueDate) },
          {
            key: 'status',
            label: t('reporting.report.header.status'),
            children: (
              <Flex gap={4}>
                <Tag color={REPORT_STATUS_COLOURS[status]} data-testid="report-status">
                  {t(`reporting.statuses.${status}`)}
                </Tag>
                {data.report?.isLate && <Tag color="warning">{t('reporting.lateTag')}</Tag>}
                {data.report?.lateReason && (
                  <Typography.Text type="secondary" data-testid="late-reason">
                    {t('figures.lateShown', { reason: data.report.lateReason })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            key: 'version',
            label: t('reporting.report.header.version'),
            children: data.report ? t('reporting.versionN', { version: data.report.version }) : '—',
          },
          {
            key: 'submittedAt',
            label: t('reporting.report.header.submittedAt'),
            children: formatDateTime(data.report?.submittedAt),
          },
        ]}
      />
      <OnBehalfPanel report={data} />
      {!data.isCurrentVersion && data.report && (
        <Alert
          type="warning"
          showIcon
          data-testid="earlier-version"
          title={earlierVersionLabel(data)}
          description={t('reporting.report.earlierHint')}
          action={<Button onClick={() => showVersion(null)}>{t('reporting.report.viewCurrent')}</Button>}
        />
      )}
      {data.isCurrentVersion && (
        <ExcelTemplateActions
          periodId={periodId}
          unitId={unitId}
          isEditable={isEditable}
          hasUnsavedChanges={JSON.stringify(draft) !== JSON.stringify(draftFromReport(data))}
        />
      )}
      {status === 'returned' && data.report?.returnReason && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('reporting.report.returnedTitle')}
          description={
            <>
              <div>{t('reporting.report.returnedReason', { reason: data.report.returnReason })}</div>
              {data.can.edit && <div>{t('reporting.report.returnedHint')}</div>}
            </>
          }
        />
      )}
      <ReturnHistory report={data} />
      {status === 'submitted' && <Alert type="info" showIcon title={t('reporting.report.submittedHint')} />}
      {status === 'accepted' && <Alert type="success" showIcon title={t('reporting.report.acceptedHint')} />}
      {data.isCurrentVersion && !data.can.edit && !data.can.review && (
        <Alert type="info" showIcon title={t('reporting.report.readOnlyHint')} />
      )}
      {hasConflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('reporting.report.changedTitle')}
          description={t('reporting.report.reloadHint')}
          action={<Button onClick={handleReload}>{t('reporting.report.reload')}</Button>}
        />
      )}
      <FormErrorAlert messages={messages} />
      {data.isCurrentVersion && (
        <DraftKeeper
          report={data}
          draft={draft}
          isEditable={isEditable}
          canSave={
            !hasConflict &&
            !isBusy &&
            !isSubmitting &&
            !uploadAttachment.isPending &&
            Object.keys(localErrors).length === 0
          }
          save={async () => (await saveDraft()) != null}
          restore={(copy) => updateDraft(() => copy)}
        />
      )}

      <Card title={t('reporting.report.indicators')} size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {isEditable ? t('figures.typingHint') : null}
        </Typography.Paragraph>
        <IndicatorValuesTable
          report={data}
          values={draft.values}
          errors={shownErrors}
          isEditable={isEditable}
          onBlur={(key) =>
            setTouched((current) =>
              current === 'all' || current.has(key) ? current : new Set([...current, key]),
            )
          }
          onChange={(indicatorId, patch) =>
            updateDraft((current) => ({
              ...current,
              values: {
                ...current.values,
                [indicatorId]: { ...EMPTY_VALUE_DRAFT, ...current.values[indicatorId], ...patch },
              },
            }))
          }
          renderEvidence={(row) => (
            <EvidenceList
              isCompact
              attachments={rowAttachments((attachment) => attachment.indicatorId === row.indicatorId)}
              isEditable={isEditable}
              uploadLabel={t('reporting.report.attachTo', { name: row.name })}
              onUpload={(file) => handleUpload(file, { indicatorId: row.indicatorId })}
              onRemove={handleRemove}
            />
          )}
        />
      </Card>

      {data.tasks.length > 0 && (
        <Card title={t('reporting.report.tasks')} size="small">
          <TaskUpdatesTable
            report={data}
            tasks={draft.tasks}
            errors={rowErrors}
            isEditable={isEditable}
            onChange={(taskId, patch) =>
              updateDraft((current) => ({
                ...current,
                tasks: {
                  ...current.tasks,
                  [taskId]: {
                    status: null,
                    progress: null,
                    completedOn: null,
                    result: '',
                    ...current.tasks[taskId],
                    ...patch,
                  },
                },
              }))
            }
          />
        </Card>
      )}

      <Card size="small" title={`${t('reporting.report.difficulties')} · ${t('reporting.report.proposals')}`}>
        <Flex vertical gap={12}>
          <Checkbox
            checked={draft.nothingArose}
            disabled={!isEditable}
            onChange={(event) =>
              updateDraft((current) => ({ ...current, nothingArose: event.target.checked }))
            }
          >
            {t('reporting.report.nothingArose')}
          </Checkbox>
          <label htmlFor="report-difficulties">
            <Typography.Text strong>{t('reporting.report.difficulties')}</Typography.Text>
          </label>
          <Input.TextArea
            id="report-difficulties"
            autoSize={{ minRows: 2, maxRows: 8 }}
            readOnly={!isEditable}
            value={draft.difficulties}
            onChange={(event) => updateDraft((current) => ({ ...current, difficulties: event.target.value }))}
          />
          <label htmlFor="report-proposals">
            <Typography.Text strong>{t('reporting.report.proposals')}</Typography.Text>
          </label>
          <Input.TextArea
            id="report-proposals"
            autoSize={{ minRows: 2, maxRows: 8 }}
            readOnly={!isEditable}
            value={draft.proposals}
            onChange={(event) => updateDraft((current) => ({ ...current, proposals: event.target.value }))}
          />
        </Flex>
      </Card>

      <Card size="small" title={t('reporting.report.attachments')}>
        <EvidenceList
          attachments={rowAttachments(
            (attachment) => !attachment.indicatorId && !attachment.taskId && !attachment.isPaperReport,
          )}
          isEditable={isEditable}
          uploadLabel={t('reporting.report.upload')}
          onUpload={(file) => handleUpload(file, {})}
          onRemove={handleRemove}
        />
      </Card>

      {data.versions.length > 0 && (
        <Card size="small" title={t('reporting.report.versions')}>
          <Typography.Paragraph type="secondary">{t('reporting.report.versionsHint')}</Typography.Paragraph>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={[...data.versions, ...(data.report ? [data.report] : [])].sort(
              (a, b) => b.version - a.version,
            )}
            columns={[
              {
                title: t('reporting.version'),
                dataIndex: 'version',
                render: (version: number) => t('reporting.versionN', { version }),
              },
              {
                title: t('reporting.status'),
                dataIndex: 'status',
                render: (value: ReportStatusKey) => (
                  <Tag color={REPORT_STATUS_COLOURS[value]}>{t(`reporting.statuses.${value}`)}</Tag>
                ),
              },
              { title: t('reporting.submittedAt'), dataIndex: 'submittedAt', render: formatDateTime },
              { title: t('reporting.report.reviewedAt'), dataIndex: 'reviewedAt', render: formatDateTime },
              {
                title: t('reporting.report.returnReason'),
                dataIndex: 'returnReason',
                render: (text) => text ?? '—',
              },
              {
                title: t('common.actions'),
                key: 'view',
                width: 190,
                render: (_, row) => {
                  if (row.id === data.report?.id) return <Tag>{t('reporting.report.viewing')}</Tag>;
                  const isLatest = row.id === current.data?.report?.id;
                  return (
                    <Button size="small" onClick={() => showVersion(isLatest ? null : row.id)}>
                      {isLatest ? t('reporting.report.viewCurrent') : t('reporting.report.viewEarlier')}
                    </Button>
                  );
                },
              },
            ]}
          />
        </Card>
      )}

      <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
        <Flex gap={8} wrap justify="flex-end">
          {isEditable && (
            <>
              <Button onClick={handleSave} loading={save.isPending} disabled={isBusy}>
                {t('reporting.report.save')}
              </Button>
              <Button type="primary" loading={action.isPending} disabled={isBusy} onClick={handleOpenSubmit}>
                {t('reporting.report.submit')}
              </Button>
            </>
          )}
          {data.can.review && status === 'submitted' && (
            <>
              <Button danger onClick={() => setIsReturning(true)} disabled={isBusy}>
                {t('reporting.report.return')}
              </Button>
              <Popconfirm
                title={t('reporting.report.acceptConfirm')}
                description={t('reporting.report.acceptHint')}
                okText={t('reporting.report.confirmOk')}
                cancelText={t('common.cancel')}
                onConfirm={() => runReview('accept', t('reporting.report.accepted'))}
              >
                <Button type="primary" loading={action.isPending} disabled={isBusy}>
                  {t('reporting.report.accept')}
                </Button>
              </Popconfirm>
            </>
          )}
          {data.can.edit && status === 'accepted' && (
            <Popconfirm
              title={t('reporting.report.correctConfirm')}
              description={t('reporting.report.correctHint')}
              okText={t('reporting.report.confirmOk')}
              cancelText={t('common.cancel')}
              onConfirm={() => runReview('correct', t('reporting.report.corrected'))}
            >
              <Button loading={action.isPending} disabled={isBusy}>
                {t('reporting.report.correct')}
              </Button>
            </Popconfirm>
          )}
          <Link to={planLink} style={{ alignSelf: 'center' }}>
            {t('reporting.report.back')}
          </Link>
        </Flex>
      </Card>
      {/* "Trả lại": the standing agency says why, so the unit knows what to fix. */}
      {isReturning && (
        <ReturnReportModal
          open
          isPending={action.isPending}
          report={data}
          onCancel={() => setIsReturning(false)}
          onConfirm={handleReturn}
        />
      )}
      {isSubmitting && (
        <SubmitReportModal
          open
          isPending={save.isPending || action.isPending}
          empty={emptyIndicators(data, draft)}
          isLate={needsLateReason}
          dueDate={data.period.dueDate}
          onCancel={() => setIsSubmitting(false)}
          onConfirm={handleSubmit}
        />
      )}
    </Flex>
  );
};

export default UnitReportPage;
