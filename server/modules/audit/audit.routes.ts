import { ZAuditEvent, ZListAuditEventsQuery } from '@core/schemas/auth.schemas';
import { z } from 'zod';
import { defineRoute } from '../../http/route';

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/audit-events',
    operationId: 'listAuditEvents',
    summary: 'Nhật ký thay đổi: ai, lúc nào, từ đâu, trước và sau',
    tags: ['Nhật ký'],
    permission: 'audit:read',
    schema: {
      query: ZListAuditEventsQuery,
      response: {
        200: z.object({
          data: z.array(ZAuditEvent),
          pagination: z.object({
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
        }),
      },
    },
    handler: async ({ query, meta }, { services }) => {
      const { events, total } = await services.audit.list(meta, query);
      return {
        status: 200,
        body: { data: events, pagination: { total, limit: query.limit, offset: query.offset } },
      };
    },
  }),
];
