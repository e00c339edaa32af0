import type { TAttachment } from '@core/schemas/reporting.schemas';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/ui/ErrorState';
import { FormErrorAlert } from '../../components/ui/FormErrorAlert';
import { LoadingState } from '../../components/ui/LoadingState';
import { OfflineState } from '../../components/ui/OfflineState';
import { ExcelTemplateActions } from '../export/ExcelTemplateActions';
import { DraftKeeper } from './components/DraftKeeper';
import { EvidenceList } from './components/EvidenceList';
import { IndicatorValuesTable } from './components/IndicatorValuesTable';
import { OnBehalfPanel } from './components/OnBehalfPanel';
import { ReturnHistory, ReturnReportModal, SubmitReportModal } from './components/ReportDialogs';
import { TaskUpdatesTable } from './components/TaskUpdatesTable';
import { draftFromReport, EMPTY_VALUE_DRAFT, emptyIndicators } from './reportDraft';
import { KeepMineModal } from './unit-report/KeepMineModal';
import { NarrativeCard } from './unit-report/NarrativeCard';
import { ReportActionBar } from './unit-report/ReportActionBar';
import {
  ConflictAlert,
  EarlierVersionAlert,
  OfflineCopyAlert,
  ReturnedAlert,
  StatusHints,
} from './unit-report/ReportAlerts';
import { ReportHeader } from './unit-report/ReportHeader';
import { useUnitReportEditor } from './unit-report/useUnitReportEditor';
import { VersionsCard } from './unit-report/VersionsCard';

/**
 * /reporting-periods/:periodId/units/:unitId — a unit's report for a period: values of the indicators it
 * leads, progress of its tasks, difficulties, proposals and evidence; then submit, review, correct. The
 * state and the actions live in `useUnitReportEditor`; this page lays out its parts.
 */
const UnitReportPage = () => {
  const { periodId = '', unitId = '' } = useParams();
  const { t } = useTranslation();
  const editor = useUnitReportEditor(periodId, unitId);

  if (editor.isLoading) return <LoadingState />;
  if (editor.isPaused) return <OfflineState />;
  if (!editor.data)
    return <ErrorState error={editor.query.error} onRetry={() => void editor.query.refetch()} />;
  const { data, draft, updateDraft, status, isEditable } = editor;
  const rowAttachments = (filter: (attachment: TAttachment) => boolean) => data.attachments.filter(filter);

  return (
    <Flex vertical gap={16} style={{ paddingBottom: 72 }}>
      <ReportHeader report={data} status={status} />
      <OfflineCopyAlert seenAt={editor.offlineSeenAt} />
      <OnBehalfPanel report={data} />
      <EarlierVersionAlert report={data} onViewCurrent={() => editor.showVersion(null)} />
      {data.isCurrentVersion && (
        <ExcelTemplateActions
          periodId={periodId}
          unitId={unitId}
          isEditable={isEditable}
          hasUnsavedChanges={JSON.stringify(draft) !== JSON.stringify(draftFromReport(data))}
        />
      )}
      <ReturnedAlert report={data} status={status} />
      <ReturnHistory report={data} />
      <StatusHints report={data} status={status} />
      {editor.hasConflict && (
        <ConflictAlert onReload={editor.handleReload} onKeepMine={() => void editor.handleKeepMine()} />
      )}
      {editor.keepMine && (
        <KeepMineModal
          changes={editor.keepMine.changes}
          latestSavedAt={editor.keepMine.latest.report?.updatedAt ?? null}
          isPending={editor.isSaving}
          onConfirm={() => void editor.confirmKeepMine()}
          onCancel={editor.cancelKeepMine}
        />
      )}
      <FormErrorAlert messages={editor.messages} />
      {data.isCurrentVersion && (
        <DraftKeeper
          report={data}
          draft={draft}
          isEditable={isEditable}
          canSave={
            !editor.hasConflict &&
            !editor.isBusy &&
            !editor.isSubmitting &&
            !editor.isUploading &&
            Object.keys(editor.localErrors).length === 0
          }
          connectionLost={editor.connectionLost}
          save={async () => (await editor.saveDraft()) != null}
          restore={(copy) => updateDraft(() => copy)}
          staleBase={editor.staleBase}
          onMovedOn={editor.markStale}
        />
      )}

      <Card title={t('reporting.report.indicators')} size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {isEditable ? t('figures.typingHint') : null}
        </Typography.Paragraph>
        <IndicatorValuesTable
          report={data}
          values={draft.values}
          errors={editor.shownErrors}
          isEditable={isEditable}
          onBlur={editor.touch}
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
              onUpload={(file) => editor.handleUpload(file, { indicatorId: row.indicatorId })}
              onRemove={editor.handleRemove}
            />
          )}
        />
      </Card>

      {data.tasks.length > 0 && (
        <Card title={t('reporting.report.tasks')} size="small">
          <TaskUpdatesTable
            report={data}
            tasks={draft.tasks}
            errors={editor.rowErrors}
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

      <NarrativeCard
        draft={draft}
        isEditable={isEditable}
        onChange={(patch) => updateDraft((current) => ({ ...current, ...patch }))}
      />

      <Card size="small" title={t('reporting.report.attachments')}>
        <EvidenceList
          attachments={rowAttachments(
            (attachment) => !attachment.indicatorId && !attachment.taskId && !attachment.isPaperReport,
          )}
          isEditable={isEditable}
          uploadLabel={t('reporting.report.upload')}
          onUpload={(file) => editor.handleUpload(file, {})}
          onRemove={editor.handleRemove}
        />
      </Card>

      <VersionsCard report={data} currentReportId={editor.currentReportId} onShow={editor.showVersion} />
      <ReportActionBar editor={editor} />
      {/* "Trả lại": the standing agency says why, so the unit knows what to fix. */}
      {editor.isReturning && (
        <ReturnReportModal
          open
          isPending={editor.isActing}
          report={data}
          onCancel={() => editor.setIsReturning(false)}
          onConfirm={editor.handleReturn}
        />
      )}
      {editor.isSubmitting && (
        <SubmitReportModal
          open
          isPending={editor.isSaving || editor.isActing}
          empty={emptyIndicators(data, draft)}
          isLate={editor.needsLateReason}
          dueDate={data.period.dueDate}
          onCancel={() => editor.setIsSubmitting(false)}
          onConfirm={editor.handleSubmit}
        />
      )}
    </Flex>
  );
};

export default UnitReportPage;
