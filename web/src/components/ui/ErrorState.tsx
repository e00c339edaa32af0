import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client';

type ErrorStateProps = { error: unknown; onRetry?: () => void };

/**
 * Whether trying again may help: a lost connection, a timeout, a busy or failing server may pass; a
 * refusal (a broken address, no permission, not found) will only answer the same again.
 */
export const isRetryable = (error: unknown): boolean =>
  !(error instanceof ApiError) ||
  error.status === 0 ||
  error.status === 408 ||
  error.status === 429 ||
  error.status >= 500;

/** Shows why data could not be loaded, in the server's own words, with a retry when one may help. */
export const ErrorState = ({ error, onRetry }: ErrorStateProps) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.errorTitle')}
      description={errorMessage(error)}
      action={
        onRetry && isRetryable(error) ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
    />
  );
};
