import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../../components/ui/useOnline';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { draftFromReport } from '../reportDraft';
import { formatDateTime } from '../reportStatus';
import { type DraftKeepingOptions, useDraftKeeping } from '../useDraftKeeping';

/**
 * The form's keeping of what is typed (useDraftKeeping): the notice of a copy restored from this device,
 * the notice that the connection is lost and the draft kept on the device until it returns, and when the
 * draft last saved itself.
 */
export const DraftKeeper = (props: Omit<DraftKeepingOptions, 'userId' | 'serverDraft' | 'isOnline'>) => {
  const { report, isEditable, connectionLost, restore } = props;
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const isOnline = useOnline();
  const serverDraft = draftFromReport(report);
  const { restored, dismissRestored, discardLocal, autosavedAt, isKept, stranded } = useDraftKeeping({
    ...props,
    userId: user?.id ?? '',
    serverDraft,
    isOnline,
  });
  const isOffline = !isOnline || connectionLost;
  return (
    <>
      {isEditable && isOffline && (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="offline-draft"
          title={t('figures.offlineTitle')}
          description={isKept ? t('figures.offlineKept') : t('figures.offlineHint')}
        />
      )}
      {stranded && (
        <Alert
          type="warning"
          showIcon
          data-testid="stranded-draft"
          title={t('figures.strandedTitle')}
          description={t('figures.strandedHint', {
            at: formatDateTime(new Date(stranded.savedAt).toISOString()),
          })}
          action={
            <Button size="small" onClick={discardLocal}>
              {t('figures.discardRestored')}
            </Button>
          }
        />
      )}
      {restored && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={dismissRestored}
          data-testid="restored-draft"
          title={t('figures.restoredTitle')}
          description={
            restored.serverSavedAt
              ? t('figures.restoredHint', {
                  at: formatDateTime(new Date(restored.serverSavedAt).toISOString()),
                })
              : t('figures.restoredHintUnsaved')
          }
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
