import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { TConsolidatedReport } from '@core/schemas/consolidation.schemas';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { ActionBar, ConfirmButton } from '../../components/ui/ActionBar';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormErrorAlert } from '../../components/ui/FormErrorAlert';
import { LoadingState } from '../../components/ui/LoadingState';
import { PageTitle } from '../../components/ui/PageTitle';
import { ReasonModal } from '../../components/ui/ReasonModal';
import { formatDateTime, formatDay } from '../reporting/reportStatus';
import { ApprovedVersions } from './components/ApprovedVersions';
import { IndicatorFigures, TaskFigures } from './components/ConsolidatedFigures';
import { NarrativeSections, type Sections, sectionsOf } from './components/NarrativeSections';
import { PublicationCard } from './components/PublicationCard';
import { SubmissionDownloads } from './components/SubmissionDownloads';
import { UnitCoverage } from './components/UnitCoverage';
import { UnitIssues } from './components/UnitIssues';
import {
  CONSOLIDATED_STATUS_COLOURS,
  type ConsolidatedStatusKey,
  consolidatedStatusOf,
} from './consolidatedStatus';
import {
  type ConsolidatedAction,
  useAttachScanMutation,
  useConsolidatedActionMutation,
  useSaveConsolidatedMutation,
} from './mutations';
import { consolidationQueries } from './queries';
import { useReportDownload } from './useReportDownload';

/** What identifies the loaded version: a new one replaces the officer's text, a failed save does not. */
const loadedKeyOf = (report: TConsolidatedReport) =>
  `${report.id ?? 'none'}:${report.version}:${report.revision}:${report.status}:${report.approval?.version ?? ''}`;

type Download = 'docx' | 'pdf';

/** The hint under the header: what the report's state means for the person looking at it. */
const hintOf = (status: ConsolidatedStatusKey, can: TConsolidatedReport['can']) => {
  if (status === 'none') return can.edit ? 'none' : 'noneReadOnly';
  if (status === 'draft') return can.edit ? 'draft' : 'draftOther';
  if (status === 'sent') return can.decide ? 'sentLeader' : 'sentOther';
  if (status === 'approved') return 'approved';
  return null;
};

/**
 * /reporting-periods/:periodId/consolidated — the locality's report for a period, built from the accepted
 * unit reports: which units are in it, the figures, task results, difficulties and proposals by unit,
 * the overall assessment the standing agency writes, then send → approve / return; Word and PDF.
 */
const ConsolidatedReportPage = () => {
  const { periodId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  // `?version=N`: an approved version other than the current one.
  const askedVersion = Number(searchParams.get('version')) || undefined;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useQuery(consolidationQueries.report(periodId, askedVersion));
  const save = useSaveConsolidatedMutation(periodId);
  const action = useConsolidatedActionMutation(periodId);
  const attachScan = useAttachScanMutation(periodId);
  const [loaded, setLoaded] = useState<{ key: string; sections: Sections } | null>(null);
  const [messages, setMessages] = useState<string[]>([]);
  const [hasConflict, setHasConflict] = useState(false);
  const [isReturning, setIsReturning] = useState(false);
  const { downloading, download } = useReportDownload(periodId, setMessages);

  const data = query.data;
  // Derived state: the text follows the server only when another version arrives (a save, a reload).
  if (data && loaded?.key !== loadedKeyOf(data)) {
    setLoaded({ key: loadedKeyOf(data), sections: sectionsOf(data) });
  }

  if (query.isLoading) return <LoadingState />;
  if (query.isError || !data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const sections = loaded?.sections ?? sectionsOf(data);
  // An approved version other than the current one, opened from the list of versions.
  const viewing = data.approval?.version ?? null;
  const isOldVersion = askedVersion != null && data.approval != null;
  const viewVersion = (version: number | null) =>
    setSearchParams(version == null ? {} : { version: String(version) });
  const status = consolidatedStatusOf(data);
  const dashboard = data.dashboard;
  const period = dashboard.period;
  const isBusy = save.isPending || action.isPending;
  const hint = hintOf(status, data.can);
  const planLink = `/plans/${dashboard.planId}?tab=reports&period=${periodId}`;

  /** Saves what is on screen; on failure shows why and keeps the text. @returns the saved report or null */
  const saveNarrative = async (): Promise<TConsolidatedReport | null> => {
    setMessages([]);
    try {
      const saved = await save.mutateAsync({
        revision: data.revision,
        narrative: sections.narrative,
        shortcomings: sections.shortcomings,
        nextSteps: sections.nextSteps,
      });
      setHasConflict(false);
      return saved;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'report_changed') setHasConflict(true);
      else setMessages([errorMessage(error)]);
      return null;
    }
  };

  /** Runs a step of the workflow; on failure shows the server's words. @returns whether it went through */
  const runAction = async (step: ConsolidatedAction, done: string): Promise<boolean> => {
    setMessages([]);
    try {
      await action.mutateAsync(step);
      message.success(done);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'report_changed') setHasConflict(true);
      else setMessages([errorMessage(error)]);
      return false;
    }
  };

  const handleSave = async () => {
    if (await saveNarrative()) message.success(t('consolidation.actions.saved'));
  };

  const handleSend = async () => {
    const saved = await saveNarrative();
    if (!saved?.id) return;
    await runAction(
      { kind: 'send', reportId: saved.id, revision: saved.revision },
      t('consolidation.actions.sentDone'),
    );
  };

  const handleApprove = async () => {
    if (!data.id) return;
    await runAction(
      { kind: 'approve', reportId: data.id, revision: data.revision },
      t('consolidation.actions.approved'),
    );
  };

  const handleReturn = async (reason: string) => {
    if (!data.id) return false;
    const isDone = await runAction(
      { kind: 'return', reportId: data.id, revision: data.revision, reason },
      t('consolidation.actions.returned'),
    );
    setIsReturning(false);
    return isDone;
  };

  const handleStartVersion = async () => {
    if (!data.id) return;
    await runAction(
      { kind: 'versions', reportId: data.id, revision: data.revision },
      t('consolidation.approval.started'),
    );
  };

  const handleAttach = async (version: number, file: File) => {
    if (!data.id) return;
    await attachScan.mutateAsync({ reportId: data.id, version, file });
  };

  const handleReload = async () => {
    const fresh = await query.refetch();
    if (fresh.data) setLoaded({ key: loadedKeyOf(fresh.data), sections: sectionsOf(fresh.data) });
    setHasConflict(false);
    setMessages([]);
  };

  /** Word or PDF of the report as it stands, or of an approved version (made from what was approved). */
  const shownVersion = isOldVersion ? viewing : null;
  const isMaking = (kind: Download) => downloading?.kind === kind && downloading.version === shownVersion;

  const byAt = (name: string | null, at: string | null) =>
    at ? t('consolidation.byAt', { name: name ?? '—', at: formatDateTime(at) }) : '—';

  return (
    <Flex vertical gap={16} style={{ paddingBottom: 72 }}>
      <Breadcrumb
        items={[
          { title: <Link to="/plans">{t('plan.back')}</Link> },
          {
            title: (
              <Link to={planLink} title={dashboard.planTitle}>
                {dashboard.planNumber ?? t('consolidation.plan')}
              </Link>
            ),
          },
          { title: period?.label ?? '' },
          { title: t('consolidation.title') },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <PageTitle>
          {t('consolidation.heading', { period: period?.label ?? '', locality: dashboard.localityName })}
        </PageTitle>
        <Flex gap={8} wrap>
          <Button
            icon={<FileWordOutlined />}
            loading={isMaking('docx')}
            disabled={downloading !== null}
            onClick={() => void download('docx', shownVersion)}
          >
            {t('consolidation.download.docx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            loading={isMaking('pdf')}
            disabled={downloading !== null}
            onClick={() => void download('pdf', shownVersion)}
          >
            {isMaking('pdf') ? t('download.pdfPending') : t('consolidation.download.pdf')}
          </Button>
          {data.status === 'approved' && (
            <SubmissionDownloads
              periodId={periodId}
              version={isOldVersion ? viewing : null}
              onError={(text) => setMessages([text])}
            />
          )}
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'plan',
            label: t('consolidation.plan'),
            children: `${dashboard.planNumber ? `${dashboard.planNumber}: ` : ''}${dashboard.planTitle}`,
            span: { xs: 1, md: 2, xl: 3 },
          },
          {
            key: 'period',
            label: t('consolidation.period'),
            children: period ? (
              <>
                {period.label}{' '}
                <Typography.Text type="secondary">
                  (
                  {t('reporting.dataWindow', {
                    from: formatDay(period.dataFrom),
                    to: formatDay(period.dataTo),
                  })}
                  )
                </Typography.Text>
              </>
            ) : (
              '—'
            ),
          },
          {
            key: 'status',
            label: t('consolidation.status'),
            children: (
              <Tag color={CONSOLIDATED_STATUS_COLOURS[status]} data-testid="consolidated-status">
                {t(`consolidation.statuses.${status}`)}
              </Tag>
            ),
          },
          {
            key: 'version',
            label: t('consolidation.approval.version'),
            children: (
              <span data-testid="consolidated-version">
                {data.version > 1
                  ? t('consolidation.approval.supplementN', { count: data.version - 1 })
                  : t('consolidation.approval.versionN', { version: data.version })}
              </span>
            ),
          },
          { key: 'sent', label: t('consolidation.sent'), children: byAt(data.sentByName, data.sentAt) },
          {
            key: 'decided',
            label: t('consolidation.decided'),
            children: byAt(data.decidedByName, data.decidedAt),
          },
        ]}
      />
      {status === 'returned' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="consolidated-returned"
          title={t('consolidation.returnedTitle')}
          description={
            <>
              <div>{t('consolidation.returnedReason', { reason: data.returnReason ?? '' })}</div>
              {data.can.edit && <div>{t('consolidation.returnedHint')}</div>}
            </>
          }
        />
      )}
      {isOldVersion && (
        <Alert
          type="info"
          showIcon
          title={t('consolidation.approval.viewingOld', {
            version: data.approval?.version,
            current: data.versions.at(-1)?.version ?? data.version,
          })}
          action={
            <Button onClick={() => viewVersion(null)}>{t('consolidation.approval.backToCurrent')}</Button>
          }
        />
      )}
      {data.approval && (
        <Alert
          type="success"
          showIcon
          data-testid="consolidated-frozen"
          title={t('consolidation.approval.frozen', { at: formatDateTime(data.approval.approvedAt) })}
        />
      )}
      {data.approvedBeforeFreezing && (
        <Alert
          type="warning"
          showIcon
          data-testid="consolidated-approved-before-freezing"
          title={t('consolidation.approval.beforeFreezingTitle')}
          description={t('consolidation.approval.beforeFreezingHint')}
        />
      )}
      {data.hasNewData && !isOldVersion && (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="consolidated-new-data"
          title={t('consolidation.approval.newDataTitle')}
          description={t('consolidation.approval.newDataHint')}
          action={
            data.canStartVersion && (
              <ConfirmButton
                confirm={{
                  title: t('consolidation.approval.startVersionConfirm'),
                  description: t('consolidation.approval.startVersionHint'),
                  okText: t('consolidation.actions.confirmOk'),
                }}
                onConfirm={handleStartVersion}
                type="primary"
                loading={action.isPending}
                disabled={isBusy}
              >
                {t('consolidation.approval.startVersion')}
              </ConfirmButton>
            )
          }
        />
      )}
      {hint && !data.approval && (
        <Alert
          type={status === 'approved' ? 'success' : 'info'}
          showIcon
          title={t(`consolidation.hints.${hint}`)}
        />
      )}
      {hasConflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('consolidation.changedTitle')}
          description={t('consolidation.changedHint')}
          action={<Button onClick={handleReload}>{t('consolidation.reload')}</Button>}
        />
      )}
      <FormErrorAlert messages={messages} />

      <Card size="small" title={t('consolidation.units.title')}>
        <UnitCoverage report={data} />
      </Card>

      <Card size="small" title={t('consolidation.narrative.title')}>
        <NarrativeSections
          sections={sections}
          isEditable={data.can.edit}
          onChange={(section, value) =>
            setLoaded((current) =>
              current ? { ...current, sections: { ...current.sections, [section]: value } } : current,
            )
          }
        />
      </Card>

      <Card size="small" title={t('consolidation.indicators.title')}>
        <IndicatorFigures indicators={dashboard.indicators} />
      </Card>

      <Card size="small" title={t('consolidation.tasks.title')}>
        <TaskFigures tasks={dashboard.tasks} />
      </Card>

      <Card size="small" title={t('consolidation.issues.title')}>
        <UnitIssues units={data.units} />
      </Card>

      {data.versions.length > 0 && (
        <Card size="small" title={t('consolidation.approval.versionsTitle')}>
          <ApprovedVersions
            report={data}
            viewing={viewing}
            onView={(version) =>
              viewVersion(
                version === data.versions.at(-1)?.version && data.status === 'approved' ? null : version,
              )
            }
            downloading={downloading}
            onDownload={(kind, version) => void download(kind, version)}
            onAttach={handleAttach}
          />
        </Card>
      )}

      {data.id && data.versions.length > 0 && <PublicationCard report={{ ...data, id: data.id }} />}

      <ActionBar back={{ to: planLink, label: t('consolidation.actions.back') }}>
        {data.can.edit && (
          <>
            <Button onClick={handleSave} loading={save.isPending} disabled={isBusy}>
              {t('consolidation.actions.save')}
            </Button>
            <ConfirmButton
              confirm={{
                title: t('consolidation.actions.sendConfirm'),
                description: t('consolidation.actions.sendHint'),
                okText: t('consolidation.actions.confirmOk'),
              }}
              onConfirm={handleSend}
              type="primary"
              loading={action.isPending}
              disabled={isBusy}
            >
              {t('consolidation.actions.send')}
            </ConfirmButton>
          </>
        )}
        {data.can.decide && (
          <>
            <Button danger onClick={() => setIsReturning(true)} disabled={isBusy}>
              {t('consolidation.actions.return')}
            </Button>
            <ConfirmButton
              confirm={{
                title: t('consolidation.actions.approveConfirm'),
                description: t('consolidation.actions.approveHint'),
                okText: t('consolidation.actions.confirmOk'),
              }}
              onConfirm={handleApprove}
              type="primary"
              loading={action.isPending}
              disabled={isBusy}
            >
              {t('consolidation.actions.approve')}
            </ConfirmButton>
          </>
        )}
      </ActionBar>
      {/* "Trả lại": the leader says why, so the standing agency knows what to complete. */}
      <ReasonModal
        open={isReturning}
        isPending={action.isPending}
        title={t('consolidation.actions.returnTitle')}
        okText={t('consolidation.actions.return')}
        label={t('consolidation.actions.returnReason')}
        hint={t('consolidation.actions.returnReasonHint')}
        requiredMessage={t('consolidation.actions.returnReasonRequired')}
        inputId="consolidated-return-reason"
        onCancel={() => setIsReturning(false)}
        onConfirm={handleReturn}
      />
    </Flex>
  );
};

export default ConsolidatedReportPage;
