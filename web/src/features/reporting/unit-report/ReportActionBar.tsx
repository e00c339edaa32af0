import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionBar, ConfirmButton } from '../../../components/ui/ActionBar';
import { planLinkOf } from './ReportHeader';
import type { UnitReportEditor } from './useUnitReportEditor';

/** The sticky bar of the report's actions: save and submit, return and accept, correct; back to the plan. */
export const ReportActionBar = ({ editor }: { editor: UnitReportEditor }) => {
  const { t } = useTranslation();
  const { data, status, isEditable, isBusy } = editor;
  return (
    <ActionBar back={{ to: planLinkOf(data), label: t('reporting.report.back') }}>
      {isEditable && (
        <>
          <Button onClick={editor.handleSave} loading={editor.isSaving} disabled={isBusy}>
            {t('reporting.report.save')}
          </Button>
          <Button
            type="primary"
            loading={editor.isActing}
            disabled={isBusy}
            onClick={editor.handleOpenSubmit}
          >
            {t('reporting.report.submit')}
          </Button>
        </>
      )}
      {data.can.review && status === 'submitted' && (
        <>
          <Button danger onClick={() => editor.setIsReturning(true)} disabled={isBusy}>
            {t('reporting.report.return')}
          </Button>
          <ConfirmButton
            confirm={{
              title: t('reporting.report.acceptConfirm'),
              description: t('reporting.report.acceptHint'),
              okText: t('reporting.report.confirmOk'),
            }}
            onConfirm={() => editor.runReview('accept', t('reporting.report.accepted'))}
            type="primary"
            loading={editor.isActing}
            disabled={isBusy}
          >
            {t('reporting.report.accept')}
          </ConfirmButton>
        </>
      )}
      {data.can.edit && status === 'accepted' && (
        <ConfirmButton
          confirm={{
            title: t('reporting.report.correctConfirm'),
            description: t('reporting.report.correctHint'),
            okText: t('reporting.report.confirmOk'),
          }}
          onConfirm={() => editor.runReview('correct', t('reporting.report.corrected'))}
          loading={editor.isActing}
          disabled={isBusy}
        >
          {t('reporting.report.correct')}
        </ConfirmButton>
      )}
    </ActionBar>
  );
};
