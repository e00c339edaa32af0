/** Query keys and fetchers for the audit trail (GET /audit-events, newest first). */
import type { TAuditEvent } from '@core/schemas/auth.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export type AuditFilters = {
  actorUserId?: string;
  entityType?: string;
  /** An entity and what belongs to it (an indicator and its targets). */
  entityId?: string;
  planId?: string;
  /** ISO days, both included. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
};

export const auditQueries = {
  all: () => ['audit-events'] as const,
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'list', filters] as const,
      queryFn: ({ signal }) => api.get<TAuditEvent[]>('/api/v1/audit-events', filters, signal),
      staleTime: 0,
    }),
};
