/**
 * Every environment variable the server reads, parsed once at boot. Nothing else reads process.env.
 */
import { isIP } from 'node:net';
import { z } from 'zod';

/** Names proxy-addr (Fastify's `trustProxy`) understands for private ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR range (not /0: that would trust everyone) or a named private range. */
const isProxyAddress = (value: string): boolean => {
  if (PROXY_RANGE_NAMES.includes(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  return bits >= 1 && bits <= (version === 4 ? 32 : 128);
};

/**
 * TRUST_PROXY: how many proxies in front of the app to believe (a hop count), or which ones (addresses
 * and CIDR ranges). Never "everyone": a client could then forge its address in X-Forwarded-For.
 */
const trustProxyFromEnv = z
  .string()
  .trim()
  .transform((value, context): number | string[] | false => {
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops <= 10) return hops === 0 ? false : hops;
      context.addIssue({ code: 'custom', message: 'a hop count must be between 0 and 10' });
      return z.NEVER;
    }
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const invalid = entries.filter((entry) => !isProxyAddress(entry));
    if (entries.length === 0 || invalid.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `must be a hop count (e.g. 1) or a comma list of proxy addresses or CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16); not accepted: ${invalid.join(', ') || value}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const ZConfigEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('Run mode.'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port of the API and web app.'),
  HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Interface to listen on; 0.0.0.0 to serve a network.'),
  DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe('Folder for the embedded database (PGlite) and uploaded files.'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe(
      'PostgreSQL ≥ 15 connection string; when unset the embedded PGlite database in DATA_DIR is used.',
    ),
  DEMO_DATA: booleanFromEnv
    .optional()
    .describe('Load the demo plans into an empty database (default: on, except in production).'),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Key for hashing session tokens. Required in production; development uses a fixed, public value.',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .describe(
      'Mail server for reminder e-mails, e.g. smtp://user:password@mail.example.vn:587 (smtps:// for TLS on connect); e-mail is off when unset.',
    ),
  MAIL_FROM: z
    .string()
    .min(3)
    .optional()
    .describe('Sender of reminder e-mails, e.g. "Lộ trình <no-reply@example.vn>"; required with SMTP_URL.'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
    .optional()
    .describe(
      'Address users open the app at, for links in e-mails; required in production when SMTP_URL is set (default http://127.0.0.1:3000 otherwise).',
    ),
  REMINDER_DAYS_BEFORE: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(3)
    .describe('Remind units this many days before a report is due.'),
  REMINDER_SCAN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(5)
    .describe('How often each app process looks for reports due soon or overdue.'),
  EMAIL_SEND_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(30)
    .describe('How often each app process sends pending e-mails (when SMTP_URL is set).'),
  TRUST_PROXY: trustProxyFromEnv
    .optional()
    .describe(
      'Reverse proxies whose X-Forwarded-For header is believed for the client address (sign-in throttling, audit trail): a hop count (1 = the one proxy in front of the app) or a comma list of proxy addresses/CIDR ranges. Unset: none, the connection address is used.',
    ),
  CLOCK_START: z.iso
    .datetime({ offset: true, error: 'CLOCK_START: an ISO date and time, e.g. 2026-11-25T15:00:00+07:00' })
    .optional()
    .describe(
      "Outside production only: the server's clock starts at this instant and runs on from there (demos and browser tests that must not depend on today's date).",
    ),
  WEB_DIST: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Folder of the built web app (default web/dist); the same variable sets where `npm run build` writes.',
    ),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  usesEmbeddedDb: boolean;
  loadDemoData: boolean;
  logLevel: z.infer<typeof ZConfigEnv>['LOG_LEVEL'];
  sessionSecret: string;
  /** E-mail settings; null when SMTP_URL is unset (in-app notifications only). */
  mail: { smtpUrl: string; from: string } | null;
  /** Base address of the app for links in e-mails, without a trailing slash. */
  publicUrl: string | null;
  reminderDaysBefore: number;
  reminderScanIntervalMs: number;
  emailSendIntervalMs: number;
  /** Folder of the built SPA; null means the default web/dist. */
  webDist: string | null;
  /** Fastify's `trustProxy`: a hop count, the trusted proxy addresses/ranges, or false (trust none). */
  trustProxy: number | string[] | false;
  /** CLOCK_START: the instant the server's clock starts from (never in production); null: the real time. */
  clockStart: Date | null;
};

/** Public, so never acceptable in production: the server refuses to start with it there. */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-not-for-production';

/** Where links in e-mails point outside production when PUBLIC_URL is unset. */
export const DEVELOPMENT_PUBLIC_URL = 'http://127.0.0.1:3000';

/**
 * Parses the environment into the server's configuration.
 *
 * @param env - the variables (process.env in main.ts, a literal object in tests)
 * @returns the validated configuration with derived flags
 * @throws Error listing every invalid variable, so a misconfigured server fails fast and readably
 */
export const loadConfig = (env: Record<string, string | undefined>): Config => {
  // An empty variable (common in deployment files) counts as unset.
  const parsed = ZConfigEnv.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const isProduction = values.NODE_ENV === 'production';
  if (isProduction && (!values.SESSION_SECRET || values.SESSION_SECRET === DEVELOPMENT_SESSION_SECRET)) {
    throw new Error(
      'Invalid configuration:\n  - SESSION_SECRET: required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)',
    );
  }
  const mailProblems: string[] = [];
  if (values.SMTP_URL && !values.MAIL_FROM)
    mailProblems.push('  - MAIL_FROM: required when SMTP_URL is set (e.g. "Lộ trình <no-reply@example.vn>")');
  if (values.SMTP_URL && isProduction && !values.PUBLIC_URL)
    mailProblems.push('  - PUBLIC_URL: required in production when SMTP_URL is set (links in e-mails)');
  if (mailProblems.length) throw new Error(`Invalid configuration:\n${mailProblems.join('\n')}`);
  if (isProduction && values.CLOCK_START)
    throw new Error(
      'Invalid configuration:\n  - CLOCK_START: not allowed in production (the real time is used)',
    );
  const publicUrl = values.PUBLIC_URL ?? (isProduction ? null : DEVELOPMENT_PUBLIC_URL);
  return {
    env: values.NODE_ENV,
    isProduction,
    port: values.PORT,
    host: values.HOST,
    dataDir: values.DATA_DIR,
    databaseUrl: values.DATABASE_URL ?? null,
    usesEmbeddedDb: !values.DATABASE_URL,
    loadDemoData: values.DEMO_DATA ?? !isProduction,
    logLevel: values.LOG_LEVEL,
    sessionSecret: values.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
    mail: values.SMTP_URL && values.MAIL_FROM ? { smtpUrl: values.SMTP_URL, from: values.MAIL_FROM } : null,
    publicUrl: publicUrl ? publicUrl.replace(/\/+$/, '') : null,
    reminderDaysBefore: values.REMINDER_DAYS_BEFORE,
    reminderScanIntervalMs: values.REMINDER_SCAN_MINUTES * 60_000,
    emailSendIntervalMs: values.EMAIL_SEND_SECONDS * 1000,
    webDist: values.WEB_DIST ?? null,
    trustProxy: values.TRUST_PROXY ?? false,
    clockStart: values.CLOCK_START ? new Date(values.CLOCK_START) : null,
  };
};
