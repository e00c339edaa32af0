/** The overview of a province (GET /localities/:id/overview), per year. */
import type { TLocalityOverview, TOverviewRollup } from '@core/schemas/overview.schemas';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The overview a roll-up belongs to: its locality, year and "as of" date (null: today). */
export type RollupSource = { localityId: string; year: number; asOf: string | null };

export const overviewQueries = {
  all: () => ['overview'] as const,
  /** `asOf`: "Tính đến ngày" ('YYYY-MM-DD'), the map and the period of that date; null: today. */
  locality: (localityId: string, year: number | null, asOf: string | null = null) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), localityId, year, ...(asOf ? [asOf] : [])] as const,
      queryFn: ({ signal }) =>
        api.get<TLocalityOverview>(
          `/api/v1/localities/${localityId}/overview`,
          asOf ? { year, asOf } : { year },
          signal,
        ),
    }),
  /**
   * One roll-up with its localities' figures: the overview sends them for its first roll-up only, the
   * others' when their row is opened or their chart chosen.
   */
  rollupValues: ({ localityId, year, asOf }: RollupSource, catalogCode: string) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), localityId, year, asOf, 'values', catalogCode] as const,
      queryFn: async ({ signal }) => {
        const overview = await api.get<TLocalityOverview>(
          `/api/v1/localities/${localityId}/overview`,
          asOf ? { year, asOf, catalogCode } : { year, catalogCode },
          signal,
        );
        return overview.rollups[0]?.values ?? [];
      },
    }),
};

/** A roll-up's localities' figures: those the overview sent, else asked for now. */
export const useRollupValues = (source: RollupSource, rollup: TOverviewRollup) => {
  const asked = useQuery({
    ...overviewQueries.rollupValues(source, rollup.catalogCode),
    enabled: rollup.values == null,
  });
  return rollup.values != null
    ? { values: rollup.values, isLoading: false, error: null, refetch: asked.refetch }
    : { values: asked.data, isLoading: asked.isLoading, error: asked.error, refetch: asked.refetch };
};
