import { ZCatalogIndicator } from '@core/schemas/catalog.schemas';
import { ZSearchQuery } from '@core/schemas/common.schemas';
import { z } from 'zod';
import { routesOf } from '../../http/route-shapes';

const route = routesOf(['Danh mục chỉ tiêu chuẩn']);

export const catalogRoutes = [
  route.read({
    path: '/api/v1/catalog',
    operationId: 'listCatalog',
    summary: 'Danh mục chỉ tiêu chuẩn (tìm không dấu theo mã, tên, tên gọi khác)',
    permission: 'catalog:read',
    params: null,
    query: ZSearchQuery,
    data: z.array(ZCatalogIndicator),
    call: async ({ query }, { catalog }) => catalog.list(query.q),
  }),
  route.read({
    path: '/api/v1/catalog/:code',
    operationId: 'getCatalogIndicator',
    summary: 'Một chỉ tiêu chuẩn',
    permission: 'catalog:read',
    params: z.object({
      code: z.string().regex(/^[A-Z0-9_.]{1,100}$/, { error: 'Mã chỉ tiêu chuẩn không hợp lệ' }),
    }),
    data: ZCatalogIndicator,
    call: async ({ params }, { catalog }) => catalog.get(params.code),
  }),
];
