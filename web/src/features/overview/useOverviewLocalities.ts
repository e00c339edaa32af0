/**
 * The localities whose overview the signed-in user may open: the nation for a role held at the nation
 * (with every province), and the provinces their roles are held in. Mirrors
 * server/modules/overview/overview.policy.ts only to offer the link; the server still answers 404
 * outside the user's scope. Reads the nation and the provinces only, never the 3,321 communes.
 */
import type { TLocality } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LOCALITY_PAGE_MAX, localityQueries, rowsOf } from '../locality/queries';

export const useOverviewLocalities = (): { localities: TLocality[]; isLoading: boolean } => {
  const { user } = useCurrentUser();
  const nations = useQuery(localityQueries.page({ level: 'nation', limit: LOCALITY_PAGE_MAX }));
  const provinces = useQuery(localityQueries.page({ level: 'province', limit: LOCALITY_PAGE_MAX }));
  const byId = new Map([...rowsOf(nations.data), ...rowsOf(provinces.data)].map((row) => [row.id, row]));
  const nation: TLocality[] = [];
  const found = new Map<string, TLocality>();
  for (const assignment of user?.roles ?? []) {
    const locality = byId.get(assignment.localityId);
    if (locality?.level === 'province') found.set(locality.id, locality);
    if (locality?.level === 'nation') {
      if (!nation.includes(locality)) nation.push(locality);
      for (const row of rowsOf(provinces.data)) found.set(row.id, row);
    }
  }
  return {
    localities: [...nation, ...[...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'))],
    isLoading: nations.isLoading || provinces.isLoading,
  };
};
