/** Marking notifications read; the list (and its unread count) is refreshed after each. */
import type { TNotification, TNotificationList } from '@core/schemas/notification.schemas';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notificationQueries } from './queries';

/** Marks one notification read, at once on screen, then as the server says. */
export const useMarkNotificationReadMutation = () => {
  const queryClient = useQueryClient();
  const listKey = notificationQueries.list().queryKey;
  return useMutation({
    mutationFn: (id: string) => api.post<TNotification>(`/api/v1/notifications/${id}/read`),
    onMutate: (id) => {
      queryClient.setQueryData<TNotificationList>(listKey, (list) => {
        if (!list) return list;
        const wasUnread = list.items.some((item) => item.id === id && item.readAt === null);
        return {
          items: list.items.map((item) =>
            item.id === id && item.readAt === null ? { ...item, readAt: new Date().toISOString() } : item,
          ),
          unreadCount: wasUnread ? Math.max(0, list.unreadCount - 1) : list.unreadCount,
        };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all() }),
  });
};

export const useMarkAllNotificationsReadMutation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/v1/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationQueries.all() }),
  });
};
