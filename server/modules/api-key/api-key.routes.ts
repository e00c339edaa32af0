import { ZApiKey, ZCreateApiKeyRequest, ZCreatedApiKey } from '@core/schemas/exchange.schemas';
import { z } from 'zod';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Trao đổi với cấp trên']);

export const apiKeyRoutes = [
  route.create({
    path: '/api/v1/localities/:id/api-keys',
    operationId: 'createApiKey',
    summary:
      'Cấp khóa API cho một hệ thống kết nối của địa phương (read: chỉ đọc số liệu; submit: chỉ gửi gói báo cáo). Khóa chỉ hiện một lần trong câu trả lời này',
    permission: 'locality:write',
    body: ZCreateApiKeyRequest,
    data: ZCreatedApiKey,
    call: ({ params, body, meta }, { apiKey }) => apiKey.create(meta, params.id, body),
  }),
  route.read({
    path: '/api/v1/localities/:id/api-keys',
    operationId: 'listApiKeys',
    summary: 'Các khóa API của địa phương (không có khóa, chỉ vài ký tự đầu)',
    permission: 'locality:write',
    data: z.array(ZApiKey),
    call: ({ params, meta }, { apiKey }) => apiKey.list(meta, params.id),
  }),
  route.change({
    method: 'POST',
    path: '/api/v1/api-keys/:id/revoke',
    operationId: 'revokeApiKey',
    summary: 'Thu hồi khóa API: từ yêu cầu sau, khóa không dùng được nữa',
    permission: 'locality:write',
    data: ZApiKey,
    call: ({ params, meta }, { apiKey }) => apiKey.revoke(meta, params.id),
  }),
];
