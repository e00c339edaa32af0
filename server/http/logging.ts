/**
 * What the server's log (pino, through Fastify) may contain: never a password, a password hash, a session
 * cookie or token, a CSRF token; database errors without the values of their query (an insert of a user
 * carries its argon2 hash).
 */
import type { FastifyServerOptions } from 'fastify';

/** The destination of log lines (a writable stream; tests capture it). */
export type LogStream = { write: (line: string) => unknown };

const REDACTED = '[REDACTED]';

/** Keys whose values are secrets wherever they appear in a logged object. */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'csrfToken',
  'token',
  'sessionToken',
];

/** Pino redaction paths: the secrets at the top of a log line or one level down, and sensitive headers. */
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

const ARGON2_HASH = /\$argon2(?:id|i|d)\$[^\s,'")\]}]*/g;
/** Drizzle writes "params: …" after the failed query: the values the query carried. */
const QUERY_PARAMS = /(^|\n)params: [^\n]*/g;

/** Removes query parameters and argon2 hashes from a text (a message, a stack). */
export const scrubSecrets = (text: string): string =>
  text.replace(QUERY_PARAMS, `$1params: ${REDACTED}`).replace(ARGON2_HASH, REDACTED);

const MAX_DEPTH = 6;

/** A copy of a logged value with secret keys, query parameters and argon2 hashes removed. */
const scrubValue = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return scrubSecrets(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return serializeError(value, depth);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  if (value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEYS.includes(key) ? REDACTED : scrubValue(item, depth + 1),
    ]),
  );
};

/**
 * Logs an error with its type, message, stack, own fields and causes, minus what must not be kept:
 * `params` (the values of a failed query) are dropped and every text is scrubbed.
 */
export const serializeError = (error: unknown, depth = 0): unknown => {
  if (!(error instanceof Error)) return scrubValue(error, depth);
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message: scrubSecrets(error.message),
    stack: scrubSecrets(error.stack ?? ''),
  };
  for (const [key, value] of Object.entries(error)) {
    if (key === 'params') continue;
    out[key] = SECRET_KEYS.includes(key) ? REDACTED : scrubValue(value, depth + 1);
  }
  if (error.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeError(error.cause, depth + 1);
  return out;
};

/**
 * Fastify's logger options: off for level `silent` (unless a stream is given, e.g. by a test), with
 * redaction and the scrubbing error serializer otherwise.
 */
export const loggerOptions = (
  level: string,
  stream?: LogStream,
): Exclude<FastifyServerOptions['logger'], undefined> => {
  if (level === 'silent' && !stream) return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: {
      err: (error) => serializeError(error) as { type: string; message: string; stack: string },
    },
  };
};
