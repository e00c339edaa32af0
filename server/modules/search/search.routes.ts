import { ZSearchQuery } from '@core/schemas/common.schemas';
import { ZSearchHit } from '@core/schemas/search.schemas';
import { z } from 'zod';
import { serviceRoute } from '../../http/route';

export const searchRoutes = [
  serviceRoute({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'search',
    summary: 'Tìm kế hoạch, chỉ tiêu, nhiệm vụ (không phân biệt dấu)',
    tags: ['Tìm kiếm'],
    permission: 'plan:read',
    schema: { query: ZSearchQuery },
    data: z.array(ZSearchHit),
    handler: ({ query, meta }, { services }) => services.search.search(meta, query.q ?? ''),
  }),
];
