import type { TRole } from '@core/schemas/auth.schemas';
import type { TLocality } from '@core/schemas/locality.schemas';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { hasAnyRole, hasRoleCovering, localityChain } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LOCALITY_PAGE_MAX, localityQueries, rowsOf } from './queries';

/** "Phường Thành Đông", "Thành phố Hải Phòng". */
export const localityLabel = (locality: Pick<TLocality, 'kind' | 'name'>): string =>
  `${capitalize(locality.kind)} ${locality.name}`.trim();

const capitalize = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text);

/**
 * The chain of a locality (its id, its province, the nation), which role checks need, from the locality
 * itself and the top of the tree (the nation and the provinces: 35 rows, two small requests), never from
 * the 3,321 communes.
 */
export const useLocalityChain = () => {
  const nations = useQuery(localityQueries.page({ level: 'nation', limit: LOCALITY_PAGE_MAX }));
  const provinces = useQuery(localityQueries.page({ level: 'province', limit: LOCALITY_PAGE_MAX }));
  const top = useMemo(
    () => [...rowsOf(nations.data), ...rowsOf(provinces.data)],
    [nations.data, provinces.data],
  );
  const chainOf = useCallback(
    (locality: TLocality | string): string[] =>
      typeof locality === 'string'
        ? localityChain(top, locality)
        : localityChain([...top, locality], locality.id),
    [top],
  );
  return { chainOf, isLoading: nations.isLoading || provinces.isLoading };
};

/**
 * Whether the user may work in a locality with one of the roles (their role held there or above it),
 * for pickers that offer only those; a system administrator may everywhere.
 */
export const useLocalityAllowed = (roles: readonly TRole[]) => {
  const { user } = useCurrentUser();
  const { chainOf, isLoading } = useLocalityChain();
  const isSystemAdmin = hasAnyRole(user, ['system_admin']);
  const allow = useCallback(
    (locality: TLocality) => isSystemAdmin || hasRoleCovering(user, chainOf(locality), roles),
    [isSystemAdmin, user, chainOf, roles],
  );
  return { allow, isLoading };
};
