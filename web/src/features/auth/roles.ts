/**
 * What the signed-in user's roles allow, as the interface needs to know it. These mirror the server's
 * policies (the `*.policy.ts` files of server/modules) only to hide buttons; the server still decides every write.
 */
import type { TRole, TRoleAssignment, TUser } from '@core/schemas/auth.schemas';
import type { TLocality } from '@core/schemas/locality.schemas';

/** The locality and its ancestors, nearest first, from the list of localities the user can see. */
export const localityChain = (localities: readonly TLocality[], localityId: string): string[] => {
  const byId = new Map(localities.map((locality) => [locality.id, locality]));
  const chain: string[] = [];
  let current = byId.get(localityId);
  if (!current) return [localityId];
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
};

/** Whether the user holds one of the roles anywhere. */
export const hasAnyRole = (user: TUser | null | undefined, roles: readonly TRole[]): boolean =>
  Boolean(user?.roles.some((assignment) => roles.includes(assignment.role)));

/** Whether the user holds one of the roles in a locality of the chain (a role covers its subtree). */
export const hasRoleCovering = (
  user: TUser | null | undefined,
  chain: readonly string[],
  roles: readonly TRole[],
): boolean =>
  Boolean(
    user?.roles.some(
      (assignment) => roles.includes(assignment.role) && chain.includes(assignment.localityId),
    ),
  );

/** Administrators manage users and roles (the "Người dùng" page). */
export const ADMIN_ROLES: readonly TRole[] = ['system_admin', 'locality_admin'];
/** Who sets plans up: the standing agency and the system administrator. */
export const PLAN_EDITOR_ROLES: readonly TRole[] = ['system_admin', 'standing_officer'];
/** Who manages the units of a locality. */
export const UNIT_EDITOR_ROLES: readonly TRole[] = ['system_admin', 'locality_admin', 'standing_officer'];

/** "Cán bộ đơn vị · Trung tâm HCC, Thành Đông": a role with where it applies. */
export const describeAssignment = (
  assignment: Pick<TRoleAssignment, 'role' | 'localityName' | 'unitName'>,
  roleName: (role: TRole) => string,
): string => {
  const where = [assignment.unitName, assignment.localityName].filter(Boolean).join(', ');
  return where ? `${roleName(assignment.role)} · ${where}` : roleName(assignment.role);
};
