/** Query keys and fetchers of the signed-in user's notifications. */
import type { TNotificationList } from '@core/schemas/notification.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** How often the bell asks for news (it also asks when the window regains focus). */
export const NOTIFICATION_REFETCH_MS = 60_000;

export const notificationQueries = {
  all: () => ['notification'] as const,
  list: () =>
    queryOptions({
      queryKey: [...notificationQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => api.get<TNotificationList>('/api/v1/notifications', undefined, signal),
      refetchInterval: NOTIFICATION_REFETCH_MS,
      // Asked again whenever the window regains focus (the app's default waits 30 s and skips focus).
      staleTime: 0,
      refetchOnWindowFocus: true,
    }),
};
