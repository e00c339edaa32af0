import { dataOf, ZIdParams } from '@core/schemas/common.schemas';
import { ZApiKey, ZCreateApiKeyRequest, ZCreatedApiKey } from '@core/schemas/exchange.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';

const tags = ['Trao đổi với cấp trên'];

export const apiKeyRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/localities/:id/api-keys',
    operationId: 'createApiKey',
    summary:
      'Cấp khóa API cho một hệ thống kết nối của địa phương (read: chỉ đọc số liệu; submit: chỉ gửi gói báo cáo). Khóa chỉ hiện một lần trong câu trả lời này',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams, body: ZCreateApiKeyRequest, response: { 201: dataOf(ZCreatedApiKey) } },
    handler: async ({ params, body, meta }, { services }) => ({
      status: 201,
      body: { data: await services.apiKey.create(meta, params.id, body) },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/localities/:id/api-keys',
    operationId: 'listApiKeys',
    summary: 'Các khóa API của địa phương (không có khóa, chỉ vài ký tự đầu)',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams, response: { 200: dataOf(z.array(ZApiKey)) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: await services.apiKey.list(meta, params.id) },
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/api-keys/:id/revoke',
    operationId: 'revokeApiKey',
    summary: 'Thu hồi khóa API: từ yêu cầu sau, khóa không dùng được nữa',
    tags,
    permission: 'locality:write',
    schema: { params: ZIdParams, response: { 200: dataOf(ZApiKey) } },
    handler: async ({ params, meta }, { services }) => ({
      status: 200,
      body: { data: await services.apiKey.revoke(meta, params.id) },
    }),
  }),
];
