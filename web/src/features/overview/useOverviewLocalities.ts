/**
 * The localities whose overview the signed-in user may open: the provinces their roles are held in, and
 * every province for a role held at the nation. Mirrors server/modules/overview/overview.policy.ts only
 * to offer the link; the server still answers 404 outside the user's scope.
 */
import type { TLocality } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '../auth/useCurrentUser';
import { localityQueries } from '../locality/queries';

export const useOverviewLocalities = (): { localities: TLocality[]; isLoading: boolean } => {
  const { user } = useCurrentUser();
  const list = useQuery(localityQueries.list({}));
  const all = list.data ?? [];
  const byId = new Map(all.map((row) => [row.id, row]));
  const found = new Map<string, TLocality>();
  for (const assignment of user?.roles ?? []) {
    const locality = byId.get(assignment.localityId);
    if (locality?.level === 'province') found.set(locality.id, locality);
    if (locality?.level === 'nation') {
      for (const row of all) if (row.level === 'province') found.set(row.id, row);
    }
  }
  return {
    localities: [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    isLoading: list.isLoading,
  };
};
