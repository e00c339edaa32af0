import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';

type ErrorStateProps = { error: unknown; onRetry?: () => void };

/** Shows why data could not be loaded, in the server's own words, with an optional retry. */
export const ErrorState = ({ error, onRetry }: ErrorStateProps) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.errorTitle')}
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  );
};
