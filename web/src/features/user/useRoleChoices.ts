/**
 * What an administrator can grant: the roles (only a system administrator grants that role) and the
 * localities their own administrator roles cover (the locality picker offers only those).
 */
import { ROLE_NAMES, type TRole } from '@core/schemas/auth.schemas';
import type { TLocality } from '@core/schemas/locality.schemas';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLES, hasAnyRole, hasRoleCovering } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useLocalityChain } from '../locality/useLocalityChain';

export const useRoleChoices = () => {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { chainOf, isLoading } = useLocalityChain();
  const allowLocality = useCallback(
    (locality: TLocality) => hasRoleCovering(user, chainOf(locality), ADMIN_ROLES),
    [user, chainOf],
  );
  return useMemo(() => {
    const isSystemAdmin = hasAnyRole(user, ['system_admin']);
    const roleOptions = ROLE_NAMES.filter((role) => role !== 'system_admin' || isSystemAdmin).map(
      (role: TRole) => ({ value: role, label: t(`roles.${role}`) }),
    );
    return { roleOptions, allowLocality, isLoading };
  }, [t, user, allowLocality, isLoading]);
};
