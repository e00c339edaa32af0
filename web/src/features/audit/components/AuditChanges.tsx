import type { TAuditEvent } from '@core/schemas/auth.schemas';
import { useTranslation } from 'react-i18next';
import { describeChanges, type NameLookup } from '../describeChanges';
import styles from './AuditEvents.module.css';

/** The before → after lines of one audit event. */
export const AuditChanges = ({ event, names }: { event: TAuditEvent; names: NameLookup }) => {
  const { t } = useTranslation();
  const lines = describeChanges(event, t, names);
  if (lines.length === 0) return <span className={styles.noChange}>{t('history.noVisibleChange')}</span>;
  return (
    <ul className={styles.changes}>
      {lines.map((line) => (
        <li key={line.key}>
          <span className={styles.field}>{line.label}:</span>{' '}
          {event.action === 'update' ? (
            <>
              <span className={styles.before}>{line.before ?? t('history.emptyValue')}</span>
              <span className={styles.arrow}> → </span>
              <span className={styles.after}>{line.after ?? t('history.emptyValue')}</span>
            </>
          ) : event.action === 'delete' ? (
            <span className={styles.before}>{line.before}</span>
          ) : (
            <span className={styles.after}>{line.after}</span>
          )}
        </li>
      ))}
    </ul>
  );
};
