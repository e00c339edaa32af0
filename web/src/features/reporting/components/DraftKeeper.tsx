import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { draftFromReport, type ReportDraft } from '../reportDraft';
import { formatDateTime } from '../reportStatus';
import { useDraftKeeping } from '../useDraftKeeping';

/**
 * The form's keeping of what is typed (useDraftKeeping): the notice of a copy restored from this browser,
 * and when the draft last saved itself.
 */
export const DraftKeeper = ({
  report,
  draft,
  isEditable,
  canSave,
  save,
  restore,
}: {
  report: TUnitReport;
  draft: ReportDraft;
  isEditable: boolean;
  canSave: boolean;
  save: () => Promise<boolean>;
  restore: (draft: ReportDraft) => void;
}) => {
  const { t } = useTranslation();
  const serverDraft = draftFromReport(report);
  const { restored, dismissRestored, discardLocal, autosavedAt } = useDraftKeeping({
    report,
    draft,
    serverDraft,
    isEditable,
    canSave,
    save,
    restore,
  });
  return (
    <>
      {restored && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={dismissRestored}
          data-testid="restored-draft"
          title={t('figures.restoredTitle')}
          description={t('figures.restoredHint', {
            at: formatDateTime(new Date(restored.savedAt).toISOString()),
          })}
          action={
            <Button
              size="small"
              onClick={() => {
                discardLocal();
                restore(serverDraft);
                dismissRestored();
              }}
            >
              {t('figures.discardRestored')}
            </Button>
          }
        />
      )}
      {isEditable && autosavedAt && (
        <Typography.Text type="secondary" data-testid="autosaved">
          {t('figures.autosaved', { at: autosavedAt.toLocaleTimeString('vi-VN') })}
        </Typography.Text>
      )}
    </>
  );
};
