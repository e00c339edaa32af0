/** Query keys and fetchers for user accounts (administrators only: GET /users). */
import type { TUser } from '@core/schemas/auth.schemas';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export type UserFilters = { localityId?: string };

export const userQueries = {
  all: () => ['users'] as const,
  list: (filters: UserFilters = {}) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list', filters] as const,
      queryFn: ({ signal }) => api.get<TUser[]>('/api/v1/users', filters, signal),
    }),
};
