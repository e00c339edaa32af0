import { dataOf, ZSearchQuery } from '@core/schemas/common.schemas';
import { ZSearchHit } from '@core/schemas/search.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';

export const searchRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'search',
    summary: 'Tìm kế hoạch, chỉ tiêu, nhiệm vụ (không phân biệt dấu)',
    tags: ['Tìm kiếm'],
    permission: 'plan:read',
    schema: { query: ZSearchQuery, response: { 200: dataOf(z.array(ZSearchHit)) } },
    handler: async ({ query, meta }, { services }) => ({
      status: 200,
      body: { data: await services.search.search(meta, query.q ?? '') },
    }),
  }),
];
