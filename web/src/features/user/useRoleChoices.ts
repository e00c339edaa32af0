/**
 * What an administrator can grant: the roles (only a system administrator grants that role) and the
 * localities their own administrator roles cover.
 */
import { ROLE_NAMES, type TRole } from '@core/schemas/auth.schemas';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLES, hasAnyRole, hasRoleCovering, localityChain } from '../auth/roles';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useLocalityOptions } from '../locality/useLocalityOptions';

export const useRoleChoices = () => {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { localities, allOptions, isLoading } = useLocalityOptions();
  return useMemo(() => {
    const isSystemAdmin = hasAnyRole(user, ['system_admin']);
    const roleOptions = ROLE_NAMES.filter((role) => role !== 'system_admin' || isSystemAdmin).map(
      (role: TRole) => ({ value: role, label: t(`roles.${role}`) }),
    );
    const localityOptions = allOptions.filter((option) =>
      hasRoleCovering(user, localityChain(localities, option.value), ADMIN_ROLES),
    );
    return { roleOptions, localityOptions, isLoading };
  }, [t, user, localities, allOptions, isLoading]);
};
