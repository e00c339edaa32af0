import { BellOutlined } from '@ant-design/icons';
import type { TNotification } from '@core/schemas/notification.schemas';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Empty, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { consolidationQueries } from '../consolidation/queries';
import { reportingQueries } from '../reporting/queries';
import { formatDateTime } from '../reporting/reportStatus';
import { useMarkAllNotificationsReadMutation, useMarkNotificationReadMutation } from './mutations';
import styles from './NotificationBell.module.css';
import { notificationQueries } from './queries';
import { pathOfNotification } from './targets';

/**
 * The bell in the header: how many notifications are unread (asked every minute and when the window
 * regains focus), and the list of them. Opening one marks it read and goes to what it is about.
 */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isOpen, setIsOpen] = useState(false);
  const list = useQuery(notificationQueries.list());
  const markRead = useMarkNotificationReadMutation();
  const markAllRead = useMarkAllNotificationsReadMutation();
  const items = list.data?.items ?? [];
  const unreadCount = list.data?.unreadCount ?? 0;

  const handleOpen = (notification: TNotification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    // What the notification tells about has changed since the page may have been read: read it afresh.
    if (notification.target?.kind === 'consolidated_report')
      void queryClient.invalidateQueries({ queryKey: consolidationQueries.all() });
    if (notification.target?.kind === 'unit_report')
      void queryClient.invalidateQueries({ queryKey: reportingQueries.all() });
    const path = pathOfNotification(notification);
    setIsOpen(false);
    if (path) void navigate(path);
  };

  const content = (
    <section className={styles.panel} aria-label={t('notification.title')} data-testid="notification-panel">
      <div className={styles.panelHeader}>
        <Typography.Text strong>{t('notification.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unreadCount === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          {t('notification.markAllRead')}
        </Button>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      {items.length === 0 && !list.isError ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notification.empty')} />
      ) : (
        <ul className={styles.list}>
          {items.map((item) => {
            const isUnread = item.readAt === null;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={`${styles.item} ${isUnread ? styles.unread : ''}`}
                  data-testid="notification-item"
                  data-unread={isUnread}
                  onClick={() => handleOpen(item)}
                >
                  <span
                    className={`${styles.dot} ${isUnread ? '' : styles.dotRead}`}
                    role="img"
                    aria-label={isUnread ? t('notification.unread') : t('notification.read')}
                  />
                  <span className={styles.itemText}>
                    <span className={styles.itemTitle}>{item.title}</span>
                    <span className={styles.itemBody}>{item.body}</span>
                    <span className={styles.itemTime}>{formatDateTime(item.createdAt)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={isOpen}
      onOpenChange={setIsOpen}
      content={content}
      arrow={false}
    >
      <Button
        type="text"
        className={styles.bell}
        aria-label={
          unreadCount > 0 ? t('notification.bellUnread', { count: unreadCount }) : t('notification.bell')
        }
        data-testid="notification-bell"
        icon={
          <Badge count={unreadCount} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18, color: '#fff' }} />
          </Badge>
        }
      />
    </Popover>
  );
};
