import { Button, Card, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { planLinkOf } from './ReportHeader';
import type { UnitReportEditor } from './useUnitReportEditor';

/** The sticky bar of the report's actions: save and submit, return and accept, correct; back to the plan. */
export const ReportActionBar = ({ editor }: { editor: UnitReportEditor }) => {
  const { t } = useTranslation();
  const { data, status, isEditable, isBusy } = editor;
  return (
    <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5 }}>
      <Flex gap={8} wrap justify="flex-end">
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
            <Popconfirm
              title={t('reporting.report.acceptConfirm')}
              description={t('reporting.report.acceptHint')}
              okText={t('reporting.report.confirmOk')}
              cancelText={t('common.cancel')}
              onConfirm={() => editor.runReview('accept', t('reporting.report.accepted'))}
            >
              <Button type="primary" loading={editor.isActing} disabled={isBusy}>
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
            onConfirm={() => editor.runReview('correct', t('reporting.report.corrected'))}
          >
            <Button loading={editor.isActing} disabled={isBusy}>
              {t('reporting.report.correct')}
            </Button>
          </Popconfirm>
        )}
        <Link to={planLinkOf(data)} style={{ alignSelf: 'center' }}>
          {t('reporting.report.back')}
        </Link>
      </Flex>
    </Card>
  );
};
