import { ZCatalogIndicator } from '@core/schemas/catalog.schemas';
import { dataOf, ZSearchQuery } from '@core/schemas/common.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';

const tags = ['Danh mục chỉ tiêu chuẩn'];

export const catalogRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/catalog',
    operationId: 'listCatalog',
    summary: 'Danh mục chỉ tiêu chuẩn (tìm không dấu theo mã, tên, tên gọi khác)',
    tags,
    permission: 'catalog:read',
    schema: { query: ZSearchQuery, response: { 200: dataOf(z.array(ZCatalogIndicator)) } },
    handler: async ({ query }, { services }) => ({
      status: 200,
      body: { data: services.catalog.list(query.q) },
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/catalog/:code',
    operationId: 'getCatalogIndicator',
    summary: 'Một chỉ tiêu chuẩn',
    tags,
    permission: 'catalog:read',
    schema: {
      params: z.object({
        code: z.string().regex(/^[A-Z0-9_.]{1,100}$/, { error: 'Mã chỉ tiêu chuẩn không hợp lệ' }),
      }),
      response: { 200: dataOf(ZCatalogIndicator) },
    },
    handler: async ({ params }, { services }) => ({
      status: 200,
      body: { data: services.catalog.get(params.code) },
    }),
  }),
];
