/**
 * Sign-in throttling. Failures are counted per user name (known or not), so one person's mistyping or an
 * attack on one name never stops the others who share an address (an office behind one NAT): after a few
 * failures the name must wait, 1 s, 2 s, 4 s … up to 15 minutes, until a successful sign-in resets it.
 * A much higher ceiling per address guards against floods (password spraying over many names); it does
 * not hold back a name that has signed in from that address before.
 */
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import {
  findFailuresOfUsername,
  hasSucceededFromIp,
  listRecentFailuresFromIp,
} from './login-attempt.repository';

/** Failures of one user name allowed before it has to wait. */
export const FREE_FAILURES_PER_USERNAME = 5;
/** The first wait; every further failure doubles it, up to MAX_WAIT_MS. */
export const FIRST_WAIT_MS = 1000;
export const MAX_WAIT_MS = 15 * 60 * 1000;
/** Failures of a user name count until it signs in, or for a day at most. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Flood guard: failed sign-ins from one address within IP_WINDOW_MS before new names must wait. */
export const MAX_FAILURES_PER_IP = 300;
export const IP_WINDOW_MS = 15 * 60 * 1000;
/** A user name that signed in from the address within this time passes the address's flood guard. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

/** How long a user name waits after its latest failure, given how many failures it has in a row. */
export const waitAfterFailures = (failures: number): number =>
  failures < FREE_FAILURES_PER_USERNAME
    ? 0
    : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_FAILURES_PER_USERNAME));

/** "3 giây", "2 phút": a wait as people read it, rounded up. */
export const formatWait = (ms: number): string => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
};

const throttled = (waitMs: number) =>
  new AppError('LOGIN_THROTTLED', {
    message: `Đăng nhập sai quá nhiều lần. Vui lòng đợi ${formatWait(waitMs)} rồi thử lại.`,
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  });

/**
 * Refuses a sign-in attempt that comes too soon after the user name's failures, or from an address that
 * is flooding the sign-in with failures (unless the name has signed in from it before).
 *
 * @param usernameKey - the folded user name as typed
 * @param ip - the client address (the socket's, or the one trusted proxies report)
 * @throws AppError LOGIN_THROTTLED with the wait in its message and a Retry-After header (seconds)
 */
export const assertMayTrySignIn = async (
  db: Database,
  usernameKey: string,
  ip: string | null,
  now: Date,
): Promise<void> => {
  const byName = await findFailuresOfUsername(db, usernameKey, new Date(now.getTime() - FAILURE_MEMORY_MS));
  if (byName.lastFailureAt) {
    const wait = byName.lastFailureAt.getTime() + waitAfterFailures(byName.failures) - now.getTime();
    if (wait > 0) throw throttled(wait);
  }
  if (!ip) return;
  const recent = await listRecentFailuresFromIp(
    db,
    ip,
    new Date(now.getTime() - IP_WINDOW_MS),
    MAX_FAILURES_PER_IP,
  );
  if (recent.length < MAX_FAILURES_PER_IP) return;
  if (await hasSucceededFromIp(db, usernameKey, ip, new Date(now.getTime() - KNOWN_ADDRESS_MS))) return;
  const oldestCounted = recent[recent.length - 1]!;
  throw throttled(oldestCounted.getTime() + IP_WINDOW_MS - now.getTime());
};
