import { ZIdParams } from '@core/schemas/common.schemas';
import { ZApiKey, ZCreateApiKeyRequest, ZCreatedApiKey } from '@core/schemas/exchange.schemas';
import { z } from 'zod';
import { serviceRoute } from '../../http/route';

const tags = ['Trao đổi với cấp trên'];

export const apiKeyRoutes = [
  serviceRoute({
    method: 'POST',
    path: '/api/v1/localities/:id/api-keys',
    operationId: 'createApiKey',
    summary:
      'Cấp khóa API cho một hệ thống kết nối của địa phương (read: chỉ đọc số liệu; submit: chỉ gửi gói báo cáo). Khóa chỉ hiện một lần trong câu trả lời này',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams, body: ZCreateApiKeyRequest },
    data: ZCreatedApiKey,
    status: 201,
    handler: ({ params, body, meta }, { services }) => services.apiKey.create(meta, params.id, body),
  }),
  serviceRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/api-keys',
    operationId: 'listApiKeys',
    summary: 'Các khóa API của địa phương (không có khóa, chỉ vài ký tự đầu)',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams },
    data: z.array(ZApiKey),
    handler: ({ params, meta }, { services }) => services.apiKey.list(meta, params.id),
  }),
  serviceRoute({
    method: 'POST',
    path: '/api/v1/api-keys/:id/revoke',
    operationId: 'revokeApiKey',
    summary: 'Thu hồi khóa API: từ yêu cầu sau, khóa không dùng được nữa',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams },
    data: ZApiKey,
    handler: ({ params, meta }, { services }) => services.apiKey.revoke(meta, params.id),
  }),
];
