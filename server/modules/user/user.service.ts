import type {
  TAddRoleRequest,
  TCreateUserRequest,
  TListUsersQuery,
  TUpdateUserRequest,
  TUser,
} from '@core/schemas/auth.schemas';
import { inArray } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { locality, unit } from '../../db/schema';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import {
  accountLocalityId,
  commonLocalityId,
  deleteSessionsOfUser,
  findUserById,
  listAssignmentsOfUsers,
  type UserRow,
  updateUser,
} from '../../shared/accounts';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityChain, findLocalitySubtreeIds } from '../../shared/localities';
import { findUnitById } from '../../shared/units';
import type { Actor } from '../auth/access';
import { assertStrongPassword } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import { canGrantRole, canManageUsersIn, type HeldRole, userManagement } from './user.policy';
import { presentUser } from './user.presenter';
import {
  deleteAssignment,
  findAssignmentById,
  insertAssignment,
  insertUser,
  listUsers,
} from './user.repository';

type UserServiceDeps = { db: Database; clock: Clock };

/** What the audit trail keeps of a user: never the password hash. */
const auditView = (user: UserRow) => ({
  username: user.username,
  displayName: user.displayName,
  mustChangePassword: user.mustChangePassword,
  isDisabled: user.isDisabled,
});

/** A new account as it is written: the password already hashed, the roles already checked. */
export type NewAccount = {
  username: string;
  displayName: string;
  email?: string | null;
  passwordHash: string;
  roles: TAddRoleRequest[];
};

/**
 * Writes an account and its roles, each audited, in the caller's transaction. The caller has checked
 * that the actor may grant every role (`assertGrantable`, or the import's checks of each row).
 *
 * @returns the account's row
 */
export const insertAccount = async (
  tx: Executor,
  context: RequestContext,
  now: Date,
  input: NewAccount,
  options: { isDemo?: boolean; mustChangePassword?: boolean } = {},
): Promise<UserRow> => {
  const user = await insertUser(tx, {
    username: input.username,
    displayName: input.displayName,
    email: input.email ?? null,
    passwordHash: input.passwordHash,
    mustChangePassword: options.mustChangePassword ?? true,
    isDemo: options.isDemo ?? false,
  });
  await recordAudit(tx, context, now, {
    entityType: 'user',
    entityId: user.id,
    // Filed under the account's locality, as its own events are (accountLocalityId).
    localityId: await commonLocalityId(
      tx,
      input.roles.map((role) => role.localityId),
    ),
    action: 'create',
    after: auditView(user),
  });
  for (const role of input.roles) {
    const assignment = await insertAssignment(tx, {
      userId: user.id,
      role: role.role,
      localityId: role.localityId,
      unitId: role.unitId ?? null,
    });
    await recordAudit(tx, context, now, {
      entityType: 'role_assignment',
      entityId: assignment.id,
      parentEntityId: user.id,
      localityId: role.localityId,
      action: 'create',
      after: assignment,
    });
  }
  return user;
};

export const createUserService = ({ db, clock }: UserServiceDeps) => {
  const present = async (executor: Executor, users: UserRow[]): Promise<TUser[]> => {
    const assignments = await listAssignmentsOfUsers(
      executor,
      users.map((user) => user.id),
    );
    const localityIds = [...new Set(assignments.map((assignment) => assignment.localityId))];
    const unitIds = [
      ...new Set(assignments.map((assignment) => assignment.unitId).filter((id): id is string => id != null)),
    ];
    const localities = localityIds.length
      ? await executor
          .select({ id: locality.id, name: locality.name })
          .from(locality)
          .where(inArray(locality.id, localityIds))
      : [];
    const units = unitIds.length
      ? await executor.select({ id: unit.id, name: unit.name }).from(unit).where(inArray(unit.id, unitIds))
      : [];
    const names = {
      localities: new Map(localities.map((row) => [row.id, row.name])),
      units: new Map(units.map((row) => [row.id, row.name])),
    };
    return users.map((user) => presentUser(user, assignments, names));
  };

  /**
   * Checks that the actor may grant a role in a locality, and that a unit officer's unit belongs to it.
   *
   * @throws AppError UNKNOWN_LOCALITY (also outside scope), FORBIDDEN, UNIT_REQUIRED_FOR_ROLE
   */
  const assertGrantable = async (executor: Executor, actor: Actor, input: TAddRoleRequest, field: string) => {
    const chain = await findLocalityChain(executor, input.localityId);
    if (chain.length === 0 || !canManageUsersIn(actor, chain)) {
      throw new AppError('UNKNOWN_LOCALITY', {
        message: 'Địa phương của vai trò không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.',
        details: [
          { field: `${field}.localityId`, message: 'Địa phương không tồn tại hoặc ngoài phạm vi quản lý' },
        ],
      });
    }
    if (!canGrantRole(actor, chain, input.role)) throw new AppError('FORBIDDEN');
    if (input.role === 'unit_officer') {
      const unitRow = input.unitId ? await findUnitById(executor, input.unitId) : undefined;
      if (!unitRow || unitRow.localityId !== input.localityId) {
        throw new AppError('UNIT_REQUIRED_FOR_ROLE', {
          details: [{ field: `${field}.unitId`, message: 'Chọn một đơn vị của địa phương' }],
        });
      }
    }
  };

  /**
   * Loads a user the actor manages: every role the user holds lies in the actor's area, and a system
   * administrator is managed by system administrators only.
   *
   * @throws AppError USER_NOT_FOUND, also for users with no role in the actor's area; FORBIDDEN for a user
   *   with a role outside it (or a system administrator)
   */
  const loadManagedUser = async (executor: Executor, actor: Actor, id: string): Promise<UserRow> => {
    const user = await findUserById(executor, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (actor.kind === 'system') return user;
    const held: HeldRole[] = [];
    for (const assignment of await listAssignmentsOfUsers(executor, [id]))
      held.push({ role: assignment.role, chain: await findLocalityChain(executor, assignment.localityId) });
    const management = userManagement(actor, held);
    if (management === 'none') throw new AppError('USER_NOT_FOUND');
    if (management === 'partial') {
      throw new AppError('FORBIDDEN', {
        message:
          'Người dùng này có vai trò ngoài phạm vi quản lý của bạn (hoặc là quản trị hệ thống) nên bạn không được thay đổi tài khoản hay vai trò của họ.',
      });
    }
    return user;
  };

  /**
   * One page of the users with a role in the locality (or, without one, in everything the actor
   * administers), found by name, user name or e-mail; `total` counts only those users.
   */
  const list = async (
    context: RequestContext,
    query: TListUsersQuery,
  ): Promise<{ users: TUser[]; total: number }> => {
    const { actor } = context;
    let localityIds: string[] | null;
    if (query.localityId) {
      const chain = await findLocalityChain(db, query.localityId);
      if (chain.length === 0 || !canManageUsersIn(actor, chain)) throw new AppError('LOCALITY_NOT_FOUND');
      localityIds = await findLocalitySubtreeIds(db, [query.localityId]);
    } else if (actor.kind === 'system') {
      localityIds = null;
    } else {
      const roots = actor.assignments
        .filter((assignment) => assignment.role === 'system_admin' || assignment.role === 'locality_admin')
        .map((assignment) => assignment.localityId);
      localityIds = await findLocalitySubtreeIds(db, roots);
    }
    const { rows, total } = await listUsers(
      db,
      { localityIds, query: query.q },
      { limit: query.limit, offset: query.offset },
    );
    return { users: await present(db, rows), total };
  };

  /** @throws AppError USERNAME_TAKEN, WEAK_PASSWORD, UNKNOWN_LOCALITY, FORBIDDEN, UNIT_REQUIRED_FOR_ROLE */
  const create = (
    context: RequestContext,
    input: TCreateUserRequest,
    options: { isDemo?: boolean; mustChangePassword?: boolean } = {},
  ) =>
    db
      .transaction(async (tx) => {
        for (const [index, role] of input.roles.entries())
          await assertGrantable(tx, context.actor, role, `roles.${index}`);
        assertStrongPassword(input.password, input.username, 'password');
        const user = await insertAccount(
          tx,
          context,
          clock.now(),
          {
            username: input.username,
            displayName: input.displayName,
            passwordHash: await hashPassword(input.password),
            roles: input.roles,
          },
          options,
        );
        return (await present(tx, [user]))[0]!;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError('USERNAME_TAKEN', {
            details: [{ field: 'username', message: 'Tên đăng nhập đã được dùng' }],
            cause: error,
          });
        }
        throw error;
      });

  /** A change of an account's own row: audited (password hash never kept), then presented. */
  const auditedUpdate = async (tx: Executor, context: RequestContext, before: UserRow, after: UserRow) => {
    await recordAudit(tx, context, clock.now(), {
      entityType: 'user',
      entityId: after.id,
      localityId: await accountLocalityId(tx, after.id),
      action: 'update',
      before: auditView(before),
      after: auditView(after),
    });
    return (await present(tx, [after]))[0]!;
  };

  /** Renames or locks a user; locking closes their sessions. @throws AppError USER_NOT_FOUND */
  const update = (context: RequestContext, id: string, input: TUpdateUserRequest): Promise<TUser> =>
    db.transaction(async (tx) => {
      const before = await loadManagedUser(tx, context.actor, id);
      const after = await updateUser(tx, id, {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.isDisabled !== undefined ? { isDisabled: input.isDisabled } : {}),
        updatedAt: clock.now(),
      });
      if (after.isDisabled) await deleteSessionsOfUser(tx, id);
      return auditedUpdate(tx, context, before, after);
    });

  /** Sets a new first password: the user must change it at the next sign-in. @throws AppError USER_NOT_FOUND, WEAK_PASSWORD */
  const resetPassword = (context: RequestContext, id: string, password: string): Promise<TUser> =>
    db.transaction(async (tx) => {
      const before = await loadManagedUser(tx, context.actor, id);
      assertStrongPassword(password, before.username, 'password');
      const after = await updateUser(tx, id, {
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
        updatedAt: clock.now(),
      });
      await deleteSessionsOfUser(tx, id);
      return auditedUpdate(tx, context, before, after);
    });

  /** @throws AppError USER_NOT_FOUND, UNKNOWN_LOCALITY, FORBIDDEN, UNIT_REQUIRED_FOR_ROLE */
  const addRole = (context: RequestContext, id: string, input: TAddRoleRequest): Promise<TUser> =>
    db.transaction(async (tx) => {
      const user = await loadManagedUser(tx, context.actor, id);
      await assertGrantable(tx, context.actor, input, 'role');
      const assignment = await insertAssignment(tx, {
        userId: id,
        role: input.role,
        localityId: input.localityId,
        unitId: input.unitId ?? null,
      });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'role_assignment',
        entityId: assignment.id,
        parentEntityId: id,
        localityId: input.localityId,
        action: 'create',
        after: assignment,
      });
      return (await present(tx, [user]))[0]!;
    });

  /** @throws AppError USER_NOT_FOUND, ROLE_ASSIGNMENT_NOT_FOUND, FORBIDDEN */
  const removeRole = (context: RequestContext, id: string, assignmentId: string): Promise<TUser> =>
    db.transaction(async (tx) => {
      const user = await loadManagedUser(tx, context.actor, id);
      const assignment = await findAssignmentById(tx, assignmentId);
      if (!assignment || assignment.userId !== id) throw new AppError('ROLE_ASSIGNMENT_NOT_FOUND');
      const chain = await findLocalityChain(tx, assignment.localityId);
      if (!canGrantRole(context.actor, chain, assignment.role)) throw new AppError('FORBIDDEN');
      await deleteAssignment(tx, assignmentId);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'role_assignment',
        entityId: assignmentId,
        parentEntityId: id,
        localityId: assignment.localityId,
        action: 'delete',
        before: assignment,
      });
      return (await present(tx, [user]))[0]!;
    });

  /** The signed-in user as the API shows it. */
  const presentOne = async (user: UserRow): Promise<TUser> => (await present(db, [user]))[0]!;

  return { list, create, update, resetPassword, addRole, removeRole, presentOne };
};

export type UserService = ReturnType<typeof createUserService>;
