/** What the database driver says about a failed statement (pg and PGlite share these fields). */
export type DatabaseErrorInfo = {
  /** SQLSTATE, e.g. 23503 (foreign key), 22021 (bad character), 57P01 (server shutting down). */
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'DATABASE_TIMEOUT',
]);
const CONNECTION_MESSAGE =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|connection is closed|PGlite is closed|database worker stopped/i;

/** Looks through wrappers (drizzle wraps driver errors in its own, with the driver's as `cause`). */
const causes = (error: unknown): unknown[] => {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
};

/** The driver's error with a SQLSTATE, looking through wrappers, or null when there is none. */
export const databaseErrorOf = (error: unknown): DatabaseErrorInfo | null => {
  for (const current of causes(error)) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const fields = current as Record<string, unknown>;
      const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
      return {
        code,
        message: text('message') ?? '',
        detail: text('detail'),
        constraint: text('constraint'),
        table: text('table'),
        column: text('column'),
      };
    }
  }
  return null;
};

const sqlState = (error: unknown): string | undefined => databaseErrorOf(error)?.code;

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';
export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';
/**
 * Whether the database gave up the transaction because another one wrote the same rows at the same time
 * (a deadlock, 40P01, or a serialization failure, 40001): nothing was saved, and trying again may work.
 */
export const isConcurrentWriteConflict = (error: unknown): boolean => {
  const code = sqlState(error);
  return code === '40P01' || code === '40001';
};

/**
 * Whether the database could not be reached or dropped the connection (refused, reset, shut down by an
 * administrator, class 08, too many connections): the request may succeed when retried later.
 */
export const isDatabaseUnavailable = (error: unknown): boolean =>
  causes(error).some((current) => {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECTION_CODES.has(code)) return true;
      if (/^(08[0-9A-Z]{3}|57P0[123]|53300)$/.test(code)) return true;
    }
    const message = (current as { message?: unknown }).message;
    return typeof message === 'string' && CONNECTION_MESSAGE.test(message);
  });
