import { ZAuditEvent, ZListAuditEventsQuery } from '@core/schemas/auth.schemas';
import { dataOf } from '@core/schemas/common.schemas';
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
    schema: { query: ZListAuditEventsQuery, response: { 200: dataOf(z.array(ZAuditEvent)) } },
    handler: async ({ query, meta }, { services }) => ({
      status: 200,
      body: { data: await services.audit.list(meta, query) },
    }),
  }),
];
