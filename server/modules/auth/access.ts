/**
 * Who may do what. Roles are held in a locality and cover its subtree (a province role covers its
 * communes); a unit officer's role also names the unit. Routes declare a coarse permission checked
 * here; services then ask the policy of their module about the concrete row, using `chainOf` (the
 * row's locality and its ancestors).
 */
import type { ROLES } from '../../db/schema';

export type Role = (typeof ROLES)[number];

export type Assignment = { id: string; role: Role; localityId: string; unitId: string | null };

export type UserActor = {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
  assignments: Assignment[];
};

/** The system itself (demo data, the admin CLI): not subject to policies, named in the audit trail. */
export type SystemActor = { kind: 'system'; name: string };

/**
 * An integration calling with an API key (`Authorization: Bearer …`), scoped to a locality: `read` keys
 * read through an inspector's assignment in it; `submit` keys hold no assignment and only send
 * submission packages of communes in it (docs/open-data.md). Accepted only by routes that say so.
 */
export type ApiKeyActor = {
  kind: 'api_key';
  keyId: string;
  name: string;
  scope: 'read' | 'submit';
  localityId: string;
  assignments: Assignment[];
};

export type Actor = UserActor | SystemActor | ApiKeyActor;

export const systemActor = (name: string): SystemActor => ({ kind: 'system', name });

/** Coarse permissions that routes declare. */
export const PERMISSIONS = [
  'public',
  'self',
  'locality:read',
  'locality:write',
  'unit:read',
  'unit:write',
  'plan:read',
  'plan:write',
  'catalog:read',
  'user:read',
  'user:write',
  'audit:read',
  'report:read',
  'report:write',
  'report:decide',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERY_ROLE: readonly Role[] = [
  'system_admin',
  'locality_admin',
  'leader',
  'standing_officer',
  'unit_officer',
  'inspector',
];

/** Which roles grant each coarse permission somewhere in their scope. */
export const ROLES_FOR_PERMISSION: Record<Exclude<Permission, 'public' | 'self'>, readonly Role[]> = {
  'locality:read': EVERY_ROLE,
  'unit:read': EVERY_ROLE,
  'plan:read': EVERY_ROLE,
  'catalog:read': EVERY_ROLE,
  'audit:read': EVERY_ROLE,
  'locality:write': ['system_admin', 'locality_admin'],
  'unit:write': ['system_admin', 'locality_admin', 'standing_officer'],
  'plan:write': ['system_admin', 'standing_officer', 'unit_officer'],
  'report:read': EVERY_ROLE,
  'report:write': ['system_admin', 'standing_officer', 'unit_officer'],
  'report:decide': ['system_admin', 'leader'],
  'user:read': ['system_admin', 'locality_admin'],
  'user:write': ['system_admin', 'locality_admin'],
};

/** Tells whether the actor holds, anywhere, a role that grants the coarse permission. */
export const hasPermission = (actor: Actor, permission: Permission): boolean => {
  if (permission === 'public' || actor.kind === 'system') return true;
  if (permission === 'self') return true;
  const roles = ROLES_FOR_PERMISSION[permission];
  return actor.assignments.some((assignment) => roles.includes(assignment.role));
};

/**
 * The assignments whose scope covers a locality.
 *
 * @param actor - a user
 * @param chain - the locality's id followed by its ancestors' ids
 */
export const assignmentsCovering = (
  actor: Pick<UserActor, 'assignments'>,
  chain: readonly string[],
): Assignment[] => actor.assignments.filter((assignment) => chain.includes(assignment.localityId));

/** Tells whether the actor holds one of the roles in a scope covering the locality. */
export const hasRoleCovering = (actor: Actor, chain: readonly string[], roles: readonly Role[]): boolean =>
  actor.kind === 'system' ||
  assignmentsCovering(actor, chain).some((assignment) => roles.includes(assignment.role));

/** Anyone with any role covering the locality may read its data. */
export const canReadIn = (actor: Actor, chain: readonly string[]): boolean =>
  actor.kind === 'system' || assignmentsCovering(actor, chain).length > 0;

/** The name written in the audit trail. */
export const actorName = (actor: Actor): string =>
  actor.kind === 'system'
    ? actor.name
    : actor.kind === 'api_key'
      ? `Khóa API "${actor.name}"`
      : actor.displayName;
export const actorUserId = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);
