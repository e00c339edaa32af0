/**
 * Every environment variable the server reads, parsed once at boot. Nothing else reads process.env.
 */
import { z } from 'zod';

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
};

/** Public, so never acceptable in production: the server refuses to start with it there. */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-session-secret-not-for-production';

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
  };
};
