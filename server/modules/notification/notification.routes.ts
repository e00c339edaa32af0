import { ZIdParams } from '@core/schemas/common.schemas';
import { ZMarkAllReadResponse, ZNotification, ZNotificationList } from '@core/schemas/notification.schemas';
import { defineRoute, serviceRoute } from '../../http/route';
import { presentNotification } from './notification.presenter';

const tags = ['Thông báo'];

/** Every signed-in user has notifications (`self`); each sees and marks only their own. */
export const notificationRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    summary: 'Thông báo của người đang đăng nhập, mới nhất trước, kèm số chưa đọc',
    tags,
    permission: 'self',
    data: ZNotificationList,
    handler: async ({ meta }, { services }) => {
      const { items, unreadCount } = await services.notification.list(meta);
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
  serviceRoute({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    operationId: 'markNotificationRead',
    summary: 'Đánh dấu đã đọc một thông báo',
    tags,
    permission: 'self',
    schema: { params: ZIdParams },
    data: ZNotification,
    handler: async ({ params, meta }, { services }) =>
      presentNotification(await services.notification.markRead(meta, params.id)),
  }),
];
