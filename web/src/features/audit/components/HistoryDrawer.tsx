/**
 * "Lịch sử" of an indicator (with its targets) or a task: who changed what and when, newest first,
 * each change as before → after. Opened from the matrix, the task table and the target editor (which
 * shows that year's target first, with a switch to the indicator's whole history).
 */
import type { TUnit } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Flex, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/ErrorState';
import { LoadingState } from '../../../components/ui/LoadingState';
import { type NameLookup, targetYearOf } from '../describeChanges';
import { describeEvent } from '../describeEvent';
import { auditQueries } from '../queries';
import { AuditChanges } from './AuditChanges';
import styles from './AuditEvents.module.css';
import { formatAuditTime } from './formatTime';

/** More than a plan's row ever gathers in practice; the audit page pages through the rest. */
const HISTORY_LIMIT = 200;

type HistoryDrawerProps = {
  /** The indicator or task; null keeps the drawer closed. */
  entityId: string | null;
  /** What the history is of ("Tỷ lệ phủ sóng 5G trên địa bàn"). */
  subject: string;
  /** The plan's units, to name lead and coordinating units. */
  units: readonly TUnit[];
  /** Show only this year's target first (from the target editor). */
  year?: number | null;
  onClose: () => void;
};

export const HistoryDrawer = ({ entityId, subject, units, year, onClose }: HistoryDrawerProps) => {
  const { t } = useTranslation();
  const [scope, setScope] = useState<'year' | 'all'>('year');
  const history = useQuery({
    ...auditQueries.list({ entityId: entityId ?? '', limit: HISTORY_LIMIT }),
    enabled: Boolean(entityId),
  });
  const names = useMemo<NameLookup>(() => {
    const byId = new Map(units.map((unit) => [unit.id, unit.name]));
    return { unitName: (id) => byId.get(id), localityName: () => undefined };
  }, [units]);
  const onlyYear = year != null && scope === 'year';
  const events = (history.data ?? []).filter((event) => !onlyYear || targetYearOf(event) === year);

  return (
    <Drawer
      title={t('history.title', { subject })}
      open={Boolean(entityId)}
      onClose={onClose}
      size={620}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {year != null && (
          <Segmented<'year' | 'all'>
            value={scope}
            onChange={setScope}
            options={[
              { value: 'year', label: t('history.onlyYear', { year }) },
              { value: 'all', label: t('history.wholeIndicator') },
            ]}
          />
        )}
        {history.isLoading ? (
          <LoadingState />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : events.length === 0 ? (
          <Empty description={t('history.none')} />
        ) : (
          <ol className={styles.events} aria-label={t('history.listLabel')}>
            {events.map((event) => (
              <li
                key={event.id}
                className={`${styles.event} ${
                  event.action === 'delete'
                    ? styles.eventDelete
                    : event.action === 'create'
                      ? styles.eventCreate
                      : ''
                }`}
              >
                <div className={styles.eventHead}>
                  <time className={styles.time} dateTime={event.at}>
                    {formatAuditTime(event.at)}
                  </time>
                  <span className={styles.actor}>{describeEvent(event, t)}</span>
                </div>
                <AuditChanges event={event} names={names} />
              </li>
            ))}
          </ol>
        )}
        {history.data && history.data.length >= HISTORY_LIMIT && (
          <Typography.Text type="secondary">
            {t('history.truncated', { count: HISTORY_LIMIT })}
          </Typography.Text>
        )}
      </Flex>
    </Drawer>
  );
};
