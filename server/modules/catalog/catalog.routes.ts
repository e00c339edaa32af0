import { ZCatalogIndicator } from '@core/schemas/catalog.schemas';
import { ZSearchQuery } from '@core/schemas/common.schemas';
import { z } from 'zod';
import { serviceRoute } from '../../http/route';

const tags = ['Danh mục chỉ tiêu chuẩn'];

export const catalogRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/catalog',
    operationId: 'listCatalog',
    summary: 'Danh mục chỉ tiêu chuẩn (tìm không dấu theo mã, tên, tên gọi khác)',
    tags,
    permission: 'catalog:read',
    schema: { query: ZSearchQuery },
    data: z.array(ZCatalogIndicator),
    handler: async ({ query }, { services }) => services.catalog.list(query.q),
  }),
  serviceRoute({
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
    },
    data: ZCatalogIndicator,
    handler: async ({ params }, { services }) => services.catalog.get(params.code),
  }),
];
