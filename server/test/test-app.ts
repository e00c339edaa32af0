import { ZCreateLocalityRequest, ZListLocalitiesQuery } from '@core/schemas/locality.schemas';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppDeps, createApp } from '../app';
import type { Clock } from '../clock';
import type { DatabaseHandle } from '../db/client';
import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../db/seeds/demo';
import type { TemplateLimits } from '../documents/export/guarded-template-reader';
import type { PdfConverter } from '../documents/export/pdf-converter';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/route';
import { systemActor } from '../modules/auth/access';
import { createLocalityService } from '../modules/locality/locality.service';
import { createUserService } from '../modules/user/user.service';
import { createDiskFileStore, type FileStore } from '../storage';
import { createTestDatabase, type TestDatabase } from './test-db';
import { createTestFolder } from './test-folder';
import type { TestSeed } from './test-templates';

/** A fixed "now" so audit times and deadlines are reproducible. */
export const FIXED_NOW = new Date('2026-11-25T08:00:00.000Z');
export const fixedClock: Clock = { now: () => FIXED_NOW };

/** A real file store in a fresh temporary folder; `removeFolder` removes the folder and its files. */
export type TestFileStore = FileStore & { removeFolder: () => void };

export const createTestFileStore = (): TestFileStore => {
  const folder = createTestFolder('lotrinh-files-');
  return { ...createDiskFileStore(folder.path), removeFolder: folder.remove };
};

export const TEST_CONFIG = {
  logLevel: 'silent',
  isProduction: false,
  sessionSecret: 'test-session-secret-test-session-secret',
} as const;

/**
 * A Word → PDF converter that answers at once with a minimal PDF: for tests of who may download a PDF,
 * not of LibreOffice's rendering (export.routes.test.ts converts for real).
 */
export const FAKE_PDF_CONVERTER: PdfConverter = {
  isAvailable: async () => true,
  docxToPdf: async () => Buffer.from('%PDF-1.4\n% test\n'),
  close: async () => undefined,
};

/** Password of the administrator every test app starts with (and of the demo users with `demo: true`). */
export const TEST_PASSWORD = DEMO_PASSWORD;

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies field by field and assert each one.
type JsonBody = any;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type CallResult = { status: number; body: JsonBody; response: LightMyRequestResponse };

/** Someone talking to the app: a signed-in user (cookie + CSRF header) or an anonymous caller. */
export type Client = {
  call: (method: Method, url: string, body?: unknown) => Promise<CallResult>;
  userId: string | null;
  /** The session cookie and CSRF header, for requests that are not JSON (uploads, downloads). */
  cookies: Record<string, string>;
  headers: Record<string, string>;
};

export type TestApp = Client & {
  app: FastifyInstance;
  handle: TestDatabase;
  storage: FileStore;
  /** The root of the locality tree (Việt Nam in the demo). */
  rootLocalityId: string;
  anonymous: Client;
  signIn: (username: string, password?: string) => Promise<Client>;
  close: () => Promise<void>;
};

const inject = async (
  app: FastifyInstance,
  method: Method,
  url: string,
  body: unknown,
  session: { token: string; csrfToken: string } | null,
): Promise<CallResult> => {
  const headers: Record<string, string> = {};
  if (session) headers[CSRF_HEADER] = session.csrfToken;
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const response = await app.inject({
    method,
    url,
    headers,
    ...(session ? { cookies: { [SESSION_COOKIE]: session.token } } : {}),
    ...(body === undefined ? {} : { payload: body as string | object }),
  });
  const text = response.body;
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  return { status: response.statusCode, body: text && isJson ? JSON.parse(text) : text || null, response };
};

/**
 * Signs in through the API and returns a client that sends the session cookie and CSRF token.
 *
 * @throws Error when the sign-in fails
 */
export const signInTo = async (
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> => {
  const login = await inject(app, 'POST', '/api/v1/auth/login', { username, password }, null);
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(login.body)}`);
  const cookie = login.response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  const session = { token: cookie.value, csrfToken: login.body.data.csrfToken as string };
  return {
    call: (method, url, body) => inject(app, method, url, body, session),
    userId: login.body.data.user.id,
    cookies: { [SESSION_COOKIE]: session.token },
    headers: { [CSRF_HEADER]: session.csrfToken },
  };
};

const SETUP_CONTEXT = { actor: systemActor('test setup'), ip: null, userAgent: null };

/**
 * What a test app's database starts with: the demo (with or without its published report), or the root
 * "Việt Nam" and the administrator `admin`. Written once per run into the seed's template (test-db.ts).
 */
const fillTestDatabase = async (handle: DatabaseHandle, seed: TestSeed): Promise<void> => {
  if (seed === 'demo' || seed === 'published') {
    await loadDemoDataIfEmpty(handle.db, fixedClock, { publishedReport: seed === 'published' });
    return;
  }
  const root = await createLocalityService({ db: handle.db, clock: fixedClock }).create(
    SETUP_CONTEXT,
    ZCreateLocalityRequest.parse({ code: 'VN', name: 'Việt Nam', level: 'nation', kind: 'quốc gia' }),
  );
  await createUserService({ db: handle.db, clock: fixedClock }).create(
    SETUP_CONTEXT,
    {
      username: 'admin',
      displayName: 'Quản trị thử',
      password: TEST_PASSWORD,
      roles: [{ role: 'system_admin', localityId: root.id }],
    },
    { mustChangePassword: false },
  );
};

/**
 * Builds the real app on a fresh database, with a signed-in system administrator (`call`).
 *
 * @param options - `demo: true` loads the two seed plans and their demo users (`'published'`: also the
 *   demo's published report of the year before, as `npm start` ships it); `templateLimits` bounds the
 *   reading of uploaded entry templates (the object is read at each upload, so a test may change it);
 *   `clock`, `config` (merged into TEST_CONFIG), `logStream`, `pdf`
 *   (instead of LibreOffice) and `storage` (a failing store, the database store) replace the defaults of the app
 */
export const buildTestApp = async (
  options: {
    demo?: boolean | 'published';
    templateLimits?: TemplateLimits;
    clock?: Clock;
    config?: Partial<AppDeps['config']>;
    logStream?: AppDeps['logStream'];
    pdf?: PdfConverter;
    storage?: FileStore;
  } = {},
): Promise<TestApp> => {
  const seed: TestSeed = options.demo === 'published' ? 'published' : options.demo ? 'demo' : 'base';
  const handle = await createTestDatabase({ seed, fill: (db) => fillTestDatabase(db, seed) });
  const rootLocalityId = (
    await createLocalityService({ db: handle.db, clock: fixedClock }).list(
      SETUP_CONTEXT,
      ZListLocalitiesQuery.parse({ level: 'nation' }),
    )
  ).rows[0]!.id;
  const ownStorage = options.storage ? null : createTestFileStore();
  const storage = options.storage ?? ownStorage!;
  const app = await createApp({
    db: handle.db,
    config: { ...TEST_CONFIG, ...options.config },
    clock: options.clock ?? fixedClock,
    storage,
    templateLimits: options.templateLimits,
    logStream: options.logStream,
    ...(options.pdf ? { pdf: options.pdf } : {}),
  });
  await app.ready();
  const admin = await signInTo(app, 'admin');
  return {
    ...admin,
    app,
    handle,
    storage,
    rootLocalityId,
    anonymous: {
      call: (method, url, body) => inject(app, method, url, body, null),
      userId: null,
      cookies: {},
      headers: {},
    },
    signIn: (username, password) => signInTo(app, username, password),
    close: async () => {
      await app.close();
      await handle.close();
      // The files of a store the test passed in are the test's; the app's own go with it.
      ownStorage?.removeFolder();
    },
  };
};
