import { ZMarkAllReadResponse, ZNotification, ZNotificationList } from '@core/schemas/notification.schemas';
import { defineRoute } from '../../http/route';
import { routesOf } from '../../http/route-shapes';
import { presentNotification } from './notification.presenter';

const tags = ['Thông báo'];
const route = routesOf(tags);

/** Every signed-in user has notifications (`self`); each sees and marks only their own. */
export const notificationRoutes = [
  route.read({
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    summary: 'Thông báo của người đang đăng nhập, mới nhất trước, kèm số chưa đọc',
    permission: 'self',
    params: null,
    data: ZNotificationList,
    call: async ({ meta }, { notification }) => {
      const { items, unreadCount } = await notification.list(meta);
      return { items: items.map(presentNotification), unreadCount };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Đánh dấu đã đọc mọi thông báo',
    tags,
    permission: 'self',
    schema: { response: { 200: ZMarkAllReadResponse } },
    handler: async ({ meta }, { services }) => ({
      status: 200,
      body: { data: { updated: await services.notification.markAllRead(meta) } },
    }),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    operationId: 'markNotificationRead',
    summary: 'Đánh dấu đã đọc một thông báo',
    permission: 'self',
    data: ZNotification,
    call: async ({ params, meta }, { notification }) =>
      presentNotification(await notification.markRead(meta, params.id)),
  }),
];
