import type { TUser } from '@core/schemas/auth.schemas';
import type { RoleAssignmentRow, UserRow } from '../../shared/accounts';

/** Never includes the password hash: the response schema would refuse it anyway. */
export const presentUser = (
  user: UserRow,
  assignments: RoleAssignmentRow[],
  names: { localities: Map<string, string>; units: Map<string, string> },
): TUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  mustChangePassword: user.mustChangePassword,
  isDisabled: user.isDisabled,
  isDemo: user.isDemo,
  roles: assignments
    .filter((assignment) => assignment.userId === user.id)
    .map((assignment) => ({
      id: assignment.id,
      role: assignment.role,
      localityId: assignment.localityId,
      localityName: names.localities.get(assignment.localityId) ?? '',
      unitId: assignment.unitId,
      unitName: assignment.unitId ? (names.units.get(assignment.unitId) ?? null) : null,
    })),
});
