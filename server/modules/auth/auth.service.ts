import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { foldText } from '@core/domain/text';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import {
  accountLocalityId,
  deleteSessionsOfUser,
  findUserById,
  findUserByUsername,
  listAssignmentsOfUsers,
  type UserRow,
  updateUser,
} from '../../shared/accounts';
import { countIntoThrottledSignIn, recordAudit } from '../../shared/audit-log';
import { type Actor, systemActor, type UserActor } from './access';
import { insertLoginAttempt, markLoginAttemptSucceeded } from './login-attempt.repository';
import { assertMayTrySignIn } from './login-throttle';
import { getDummyHash, hashPassword, verifyPassword } from './password';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findLiveSession,
  findLiveSessionWithUser,
  insertSession,
  type SessionRow,
} from './session.repository';

/** A session lasts 8 working hours after its last use. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

type AuthServiceDeps = { db: Database; clock: Clock; sessionSecret: string; isProduction: boolean };
type Origin = { ip: string | null; userAgent: string | null };

/** How a sign-in attempt ended, as the audit trail records it. */
export type SignInOutcome =
  | 'succeeded'
  | 'wrong_password'
  | 'unknown_user'
  | 'disabled'
  | 'demo_refused'
  | 'throttled';

/**
 * Held-back sign-in attempts of one account within this time after the first are one audit row, whose
 * `count` says how many (a script retrying every second writes one row, not hundreds).
 */
export const THROTTLED_AUDIT_WINDOW_MS = 15 * 60 * 1000;

/** Longest user name the trail keeps of a failed attempt (what was typed, which may be anything). */
/** Characters of a user name no account has that the audit trail keeps (the rest is masked). */
const UNKNOWN_USERNAME_SHOWN = 3;

/**
 * What the audit trail keeps of a user name no account has: its start, enough to recognise a typo of
 * a real name, and not the rest — people type their password into the name field by mistake.
 */
export const maskUnknownUsername = (typed: string): string => {
  const letters = Array.from(typed);
  return letters.length <= UNKNOWN_USERNAME_SHOWN
    ? '*'.repeat(letters.length)
    : `${letters.slice(0, UNKNOWN_USERNAME_SHOWN).join('')}${'*'.repeat(Math.min(letters.length - UNKNOWN_USERNAME_SHOWN, 20))}`;
};

export type SignedIn = { user: UserRow; actor: UserActor; session: SessionRow };

/** Lower-case, NFC, trimmed: how user names are stored and compared. */
export const normalizeUsername = (username: string): string => username.normalize('NFC').trim().toLowerCase();

/**
 * Checks a new password: long enough and not the user name.
 *
 * @throws AppError WEAK_PASSWORD
 */
export const assertStrongPassword = (password: string, username: string, field = 'newPassword'): void => {
  if ([...password].length < MIN_PASSWORD_LENGTH || foldText(password) === foldText(username)) {
    throw new AppError('WEAK_PASSWORD', {
      details: [{ field, message: 'Mật khẩu phải có ít nhất 10 ký tự và khác tên đăng nhập' }],
    });
  }
};

const actorOf = (user: UserRow, assignments: UserActor['assignments']): UserActor => ({
  kind: 'user',
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  assignments,
});

/** Loads a user's role assignments into the actor the policies work with. */
export const loadActor = async (db: Database, user: UserRow): Promise<UserActor> =>
  actorOf(
    user,
    (await listAssignmentsOfUsers(db, [user.id])).map((row) => ({
      id: row.id,
      role: row.role,
      localityId: row.localityId,
      unitId: row.unitId,
    })),
  );

export const createAuthService = ({ db, clock, sessionSecret, isProduction }: AuthServiceDeps) => {
  /** The database keeps only a keyed hash of the cookie value, so a copy of the table opens no session. */
  const sessionIdOf = (token: string) => createHmac('sha256', sessionSecret).update(token).digest('hex');

  /**
   * Signs in with a user name and password and opens a session.
   *
   * After 5 failed attempts for a user name, each further attempt waits 1 s, 2 s, 4 s … (at most 15
   * minutes) after the previous failure, whatever the password, and the answer is the same whether or
   * not the user exists (see login-throttle.ts).
   *
   * @returns the session token (for the cookie), the CSRF token and the signed-in user
   * @throws AppError LOGIN_THROTTLED, INVALID_CREDENTIALS, DEMO_ACCOUNT_REFUSED
   */
  /**
   * Writes a sign-in, a failed attempt (by the user name typed, never the password) or a sign-out to
   * the audit trail, filed under the account's locality (`accountLocalityId`) so only those who may
   * read that locality see it; an attempt on a name no account has is seen by system administrators.
   */
  const auditSignIn = async (
    origin: Origin,
    event: {
      user: UserRow | undefined;
      username: string;
      action: 'create' | 'delete';
      outcome?: SignInOutcome;
      entityId?: string;
    },
  ) => {
    const { user } = event;
    const actor: Actor = user
      ? {
          kind: 'user',
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          assignments: [],
        }
      : systemActor('');
    const snapshot = {
      username: user ? user.username : maskUnknownUsername(event.username),
      ...(event.outcome ? { outcome: event.outcome } : {}),
      ...(event.outcome === 'throttled' ? { count: 1, lastAt: clock.now().toISOString() } : {}),
    };
    await recordAudit(db, { actor, ip: origin.ip, userAgent: origin.userAgent }, clock.now(), {
      entityType: 'sign_in',
      entityId: event.entityId ?? randomUUID(),
      parentEntityId: user?.id ?? null,
      localityId: user ? await accountLocalityId(db, user.id) : null,
      action: event.action,
      // A failed attempt is not the account holder's act: no one is named as its actor.
      anonymous: event.action === 'create' && event.outcome !== 'succeeded',
      ...(event.action === 'create' ? { after: snapshot } : { before: snapshot }),
    });
  };

  /**
   * Signs in with a user name and password and opens a session.
   *
   * After 5 failed attempts for a user name, each further attempt waits 1 s, 2 s, 4 s … (at most 15
   * minutes) after the previous failure, whatever the password, and the answer is the same whether or
   * not the user exists (see login-throttle.ts). Every attempt, refused ones included, is audited.
   *
   * @returns the session token (for the cookie), the CSRF token and the signed-in user
   * @throws AppError LOGIN_THROTTLED, INVALID_CREDENTIALS, DEMO_ACCOUNT_REFUSED
   */
  const login = async (origin: Origin, input: { username: string; password: string }) => {
    const username = normalizeUsername(input.username);
    const usernameKey = foldText(username) || '-';
    const now = clock.now();
    try {
      await assertMayTrySignIn(db, usernameKey, origin.ip, now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'LOGIN_THROTTLED') {
        const user = await findUserByUsername(db, username);
        // A burst of held-back attempts is one row per account and window, with its count.
        const counted = await countIntoThrottledSignIn(
          db,
          { userId: user?.id ?? null, username: user ? user.username : maskUnknownUsername(username) },
          new Date(now.getTime() - THROTTLED_AUDIT_WINDOW_MS),
          now,
        );
        if (!counted) await auditSignIn(origin, { user, username, action: 'create', outcome: 'throttled' });
      }
      throw error;
    }
    // Counted as a failure before the password is checked, so that guesses sent in parallel see each other.
    const attemptId = await insertLoginAttempt(db, { usernameKey, ip: origin.ip, at: now, succeeded: false });
    const user = await findUserByUsername(db, username);
    const passwordMatches = await verifyPassword(
      user?.passwordHash ?? (await getDummyHash()),
      input.password,
    );
    const refusal: SignInOutcome | null = !user
      ? 'unknown_user'
      : !passwordMatches
        ? 'wrong_password'
        : user.isDisabled
          ? 'disabled'
          : user.isDemo && isProduction
            ? 'demo_refused'
            : null;
    if (refusal) {
      await auditSignIn(origin, { user, username, action: 'create', outcome: refusal, entityId: attemptId });
      throw new AppError(refusal === 'demo_refused' ? 'DEMO_ACCOUNT_REFUSED' : 'INVALID_CREDENTIALS');
    }
    const signedInUser = user!;
    await markLoginAttemptSucceeded(db, attemptId);
    await deleteExpiredSessions(db, now);

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const session: SessionRow = {
      id: sessionIdOf(token),
      userId: signedInUser.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    };
    await insertSession(db, session);
    await auditSignIn(origin, {
      user: signedInUser,
      username,
      action: 'create',
      outcome: 'succeeded',
      entityId: attemptId,
    });
    return { token, csrfToken, user: signedInUser, actor: await loadActor(db, signedInUser), session };
  };

  /**
   * Finds the live session of a cookie value and extends it (sliding expiry).
   *
   * @returns the signed-in user, or null when the token is unknown or expired
   */
  const authenticate = async (token: string): Promise<SignedIn | null> => {
    const now = clock.now();
    // One statement for the session, its user and their roles: every signed-in request sends it.
    const found = await findLiveSessionWithUser(db, sessionIdOf(token), now);
    if (!found) return null;
    const { session, user } = found;
    if (user.isDisabled || (user.isDemo && isProduction)) return null;
    // Extend only when a good part of the lifetime has passed, to avoid a write on every request.
    if (session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS * 0.9) {
      session.expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await extendSession(db, session.id, session.expiresAt);
    }
    const assignments = found.assignments.map(([id, role, localityId, unitId]) => ({
      id,
      role,
      localityId,
      unitId,
    }));
    return { user, actor: actorOf(user, assignments), session };
  };

  /** Ends the session of the cookie value; a live one is audited as the user signing out. */
  const logout = async (origin: Origin, token: string): Promise<void> => {
    const live = await findLiveSession(db, sessionIdOf(token), clock.now());
    await deleteSession(db, sessionIdOf(token));
    const user = live ? await findUserById(db, live.userId) : undefined;
    if (user) await auditSignIn(origin, { user, username: user.username, action: 'delete' });
  };

  /**
   * Changes the signed-in user's password, clears the forced-change flag and closes their other sessions.
   *
   * @throws AppError WRONG_CURRENT_PASSWORD, WEAK_PASSWORD
   */
  const changePassword = async (
    context: RequestContext,
    signedIn: SignedIn,
    input: { currentPassword: string; newPassword: string },
  ) => {
    if (!(await verifyPassword(signedIn.user.passwordHash, input.currentPassword))) {
      throw new AppError('WRONG_CURRENT_PASSWORD', {
        details: [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng' }],
      });
    }
    assertStrongPassword(input.newPassword, signedIn.user.username);
    await db.transaction(async (tx) => {
      await updateUser(tx, signedIn.user.id, {
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        updatedAt: clock.now(),
      });
      await deleteSessionsOfUser(tx, signedIn.user.id, signedIn.session.id);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'user',
        entityId: signedIn.user.id,
        // Filed under the account's locality, so its administrators see it (not only the system's).
        localityId: await accountLocalityId(tx, signedIn.user.id),
        action: 'update',
        before: { mustChangePassword: signedIn.user.mustChangePassword, passwordChanged: false },
        after: { mustChangePassword: false, passwordChanged: true },
      });
    });
  };

  return { login, authenticate, logout, changePassword };
};

export type AuthService = ReturnType<typeof createAuthService>;
