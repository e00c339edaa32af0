import { createHmac, randomBytes } from 'node:crypto';
import { foldText } from '@core/domain/text';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import {
  deleteSessionsOfUser,
  findUserById,
  findUserByUsername,
  listAssignmentsOfUsers,
  type UserRow,
  updateUser,
} from '../../shared/accounts';
import { recordAudit } from '../../shared/audit-log';
import type { UserActor } from './access';
import { insertLoginAttempt, markLoginAttemptSucceeded } from './login-attempt.repository';
import { assertMayTrySignIn } from './login-throttle';
import { getDummyHash, hashPassword, verifyPassword } from './password';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findLiveSession,
  insertSession,
  type SessionRow,
} from './session.repository';

/** A session lasts 8 working hours after its last use. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;

type AuthServiceDeps = { db: Database; clock: Clock; sessionSecret: string; isProduction: boolean };
type Origin = { ip: string | null; userAgent: string | null };

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

/** Loads a user's role assignments into the actor the policies work with. */
export const loadActor = async (db: Database, user: UserRow): Promise<UserActor> => {
  const assignments = await listAssignmentsOfUsers(db, [user.id]);
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    assignments: assignments.map((row) => ({
      id: row.id,
      role: row.role,
      localityId: row.localityId,
      unitId: row.unitId,
    })),
  };
};

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
  const login = async (origin: Origin, input: { username: string; password: string }) => {
    const username = normalizeUsername(input.username);
    const usernameKey = foldText(username) || '-';
    const now = clock.now();
    await assertMayTrySignIn(db, usernameKey, origin.ip, now);
    // Counted as a failure before the password is checked, so that guesses sent in parallel see each other.
    const attemptId = await insertLoginAttempt(db, { usernameKey, ip: origin.ip, at: now, succeeded: false });
    const user = await findUserByUsername(db, username);
    const passwordMatches = await verifyPassword(
      user?.passwordHash ?? (await getDummyHash()),
      input.password,
    );
    if (!user || !passwordMatches || user.isDisabled) throw new AppError('INVALID_CREDENTIALS');
    if (user.isDemo && isProduction) throw new AppError('DEMO_ACCOUNT_REFUSED');
    await markLoginAttemptSucceeded(db, attemptId);
    await deleteExpiredSessions(db, now);

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const session: SessionRow = {
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    };
    await insertSession(db, session);
    return { token, csrfToken, user, actor: await loadActor(db, user), session };
  };

  /**
   * Finds the live session of a cookie value and extends it (sliding expiry).
   *
   * @returns the signed-in user, or null when the token is unknown or expired
   */
  const authenticate = async (token: string): Promise<SignedIn | null> => {
    const now = clock.now();
    const session = await findLiveSession(db, sessionIdOf(token), now);
    if (!session) return null;
    const user = await findUserById(db, session.userId);
    if (!user || user.isDisabled || (user.isDemo && isProduction)) return null;
    // Extend only when a good part of the lifetime has passed, to avoid a write on every request.
    if (session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS * 0.9) {
      session.expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
      await extendSession(db, session.id, session.expiresAt);
    }
    return { user, actor: await loadActor(db, user), session };
  };

  const logout = async (token: string): Promise<void> => {
    await deleteSession(db, sessionIdOf(token));
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
        action: 'update',
        before: { mustChangePassword: signedIn.user.mustChangePassword, passwordChanged: false },
        after: { mustChangePassword: false, passwordChanged: true },
      });
    });
  };

  return { login, authenticate, logout, changePassword };
};

export type AuthService = ReturnType<typeof createAuthService>;
