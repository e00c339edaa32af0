/** Query keys and fetchers for localities (the nation → province → commune tree), a page at a time. */
import type { TPage } from '@core/schemas/common.schemas';
import type { LOCALITY_LEVELS, TLocality, TLocalityDetail } from '@core/schemas/locality.schemas';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

/** What GET /localities filters on: a search (name, kind or code, without diacritics), parent, level, kind. */
export type LocalityFilters = {
  q?: string;
  parentId?: string;
  level?: (typeof LOCALITY_LEVELS)[number];
  kind?: string;
  limit?: number;
  offset?: number;
};

/** The most rows one page may hold (the server refuses more): enough for the 34 provinces at once. */
export const LOCALITY_PAGE_MAX = 200;

export const localityQueries = {
  all: () => ['localities'] as const,
  page: (filters: LocalityFilters = {}) =>
    queryOptions({
      queryKey: [...localityQueries.all(), 'page', filters] as const,
      queryFn: ({ signal }) =>
        api.page<TLocality>('/api/v1/localities', { ...filters, q: filters.q?.trim() }, signal),
      staleTime: 5 * 60_000,
      placeholderData: keepPreviousData,
    }),
  detail: (localityId: string) =>
    queryOptions({
      queryKey: [...localityQueries.all(), 'detail', localityId] as const,
      queryFn: ({ signal }) =>
        api.get<TLocalityDetail>(`/api/v1/localities/${localityId}`, undefined, signal),
      staleTime: 5 * 60_000,
    }),
};

/** The rows of a page, or none while it loads. */
export const rowsOf = <T>(page: TPage<T> | undefined): T[] => page?.data ?? [];
