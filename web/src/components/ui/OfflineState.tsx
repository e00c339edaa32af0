import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * What a page shows instead of its data while there is no network: the app itself opens (the service
 * worker keeps it), the data comes once the connection returns, and report drafts typed before are kept
 * on this device.
 */
export const OfflineState = () => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="offline-page"
      title={t('app.offlineTitle')}
      description={t('app.offlineHint')}
    />
  );
};
