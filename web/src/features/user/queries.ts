/** Query keys and fetchers for user accounts (administrators only: GET /users, a page at a time). */
import type { TUser } from '@core/schemas/auth.schemas';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** What GET /users filters on: a locality (and its subtree) and a search by name, user name or e-mail. */
export type UserFilters = { localityId?: string; q?: string; limit?: number; offset?: number };

export const userQueries = {
  all: () => ['users'] as const,
  page: (filters: UserFilters = {}) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'page', filters] as const,
      queryFn: ({ signal }) => api.page<TUser>('/api/v1/users', { ...filters, q: filters.q?.trim() }, signal),
      placeholderData: keepPreviousData,
    }),
};
