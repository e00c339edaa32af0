/**
 * Builds the HTTP application from its dependencies. No globals: tests build it in-process with an
 * in-memory database and a fixed clock; main.ts is the only caller that opens real resources.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { pingDatabase } from './db/client';
import { createPdfConverter } from './documents/export/pdf-converter';
import { AppError } from './errors';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './http/error-handler';
import { installHttpCache } from './http/http-cache';
import { type LogStream, loggerOptions } from './http/logging';
import { registerRoutes } from './http/route';
import { apiKeyRoutes } from './modules/api-key/api-key.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { boundaryRoutes } from './modules/boundary/boundary.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { consolidationRoutes } from './modules/consolidation/consolidation.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { exchangeRoutes } from './modules/exchange/exchange.routes';
import { exportRoutes } from './modules/export/export.routes';
import { importRoutes } from './modules/import/import.routes';
import { indicatorRoutes } from './modules/indicator/indicator.routes';
import { localityRoutes } from './modules/locality/locality.routes';
import { notificationRoutes } from './modules/notification/notification.routes';
import { overviewRoutes } from './modules/overview/overview.routes';
import { planRoutes } from './modules/plan/plan.routes';
import { registerPublicSite } from './modules/public-site/public.routes';
import { publicationRoutes } from './modules/publication/publication.routes';
import { reportingRoutes } from './modules/reporting/reporting.routes';
import { searchRoutes } from './modules/search/search.routes';
import { taskRoutes } from './modules/task/task.routes';
import { unitRoutes } from './modules/unit/unit.routes';
import { userRoutes } from './modules/user/user.routes';
import { createServices, type ServiceDeps, type Services } from './services';

/** Kept for callers that built services from app.ts before the wiring moved to services.ts. */
export { createServices, type Services };

/** Request bodies above this are refused (413). Large enough that an over-long field gets a 400 naming it. */
const BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** Raw uploads (application/octet-stream); each service applies its own, smaller limit with its own message. */
export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
/** The readiness check's `select 1` must answer within this. */
const READINESS_TIMEOUT_MS = 2000;

/** What the app is built from: the services' dependencies (services.ts) and the HTTP side's own. */
export type AppDeps = ServiceDeps & {
  /** Folder with the built SPA; omitted in API-only tests. */
  webRoot?: string;
  /** Where log lines go (default: standard output); tests capture them. */
  logStream?: LogStream;
};

export const ALL_ROUTES = [
  ...authRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...localityRoutes,
  ...unitRoutes,
  ...planRoutes,
  ...indicatorRoutes,
  ...taskRoutes,
  ...catalogRoutes,
  ...searchRoutes,
  ...importRoutes,
  ...reportingRoutes,
  ...dashboardRoutes,
  ...overviewRoutes,
  ...consolidationRoutes,
  ...publicationRoutes,
  ...notificationRoutes,
  ...exportRoutes,
  ...exchangeRoutes,
  ...apiKeyRoutes,
  ...boundaryRoutes,
];

/**
 * Fastify's `trustProxy` for TRUST_PROXY: nothing by default (X-Forwarded-For is ignored), the listed
 * proxies, or the first `hops` addresses counted from the connection (Fastify itself ignores a number).
 */
const fastifyTrustProxy = (trust: Config['trustProxy']) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    /** Waits for the evaluation summaries the overviews queued to store after answering (tests). */
    summariesStored: () => Promise<void>;
  }
}

/**
 * Creates the Fastify application with every route, OpenAPI at /api/docs and, when built, the web app.
 *
 * @param deps - database, configuration, clock and optional web root
 * @returns the ready-to-listen Fastify instance
 */
export const createApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: loggerOptions(deps.config.logLevel, deps.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(deps.config.trustProxy ?? false),
    // Errors raised before routing (broken %-encoding, a too long path parameter) or by Node's HTTP
    // parser (header too large) answer in the same Vietnamese body as every other error.
    frameworkErrors,
    clientErrorHandler,
  });
  // JSON, plus raw bytes for file uploads (evidence, plan documents): a text/plain body would
  // otherwise reach the schemas as a string.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
    (_request, body, done) => done(null, body),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('X-Frame-Options', 'DENY');
    // Ant Design injects its styles at run time, hence 'unsafe-inline' for styles only; the API docs
    // page (Swagger UI) needs the same for its inline style attributes.
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
    if (deps.config.isProduction)
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers are not cached, except those that say how (the map's boundaries: route.ts `cacheable`).
    if (request.url.startsWith('/api/') && !reply.hasHeader('Cache-Control'))
      reply.header('Cache-Control', 'no-store');
  });
  // After the hook above: successful API reads get an ETag and `private, no-cache` instead of `no-store`.
  installHttpCache(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Lộ trình API',
        description: 'Kế hoạch, chỉ tiêu, nhiệm vụ của địa phương (NQ 57-NQ/TW)',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Word → PDF: the app ends the LibreOffice process it keeps running when it closes (a converter passed in
  // included: main.ts shares one with the background jobs).
  const pdf = deps.pdf ?? createPdfConverter({ log: app.log });
  const services = createServices({ ...deps, pdf, log: app.log });
  // Import jobs read documents in the background: stop them (recorded as failed) before the database closes.
  app.addHook('onClose', () => services.import.shutdown());
  // Overviews store the summaries they evaluated after answering: those queued are written first.
  app.decorate('summariesStored', services.overview.summariesStored);
  app.addHook('onClose', () => services.overview.summariesStored());
  app.addHook('onClose', () => pdf.close());
  // Liveness: the process answers. Readiness: it can also reach its database (a load balancer or
  // systemd watchdog stops sending requests while it cannot).
  app.get('/api/v1/health', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/api/v1/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    if (await pingDatabase(deps.db, READINESS_TIMEOUT_MS)) return { ok: true };
    return reply.code(503).send(new AppError('DATABASE_UNAVAILABLE').toBody());
  });
  registerRoutes(app, ALL_ROUTES, services, { isProduction: deps.config.isProduction });
  // The public site (/cong-khai): server-rendered pages and open data, no session.
  registerPublicSite(app, services);

  const webRoot = deps.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(`${webRoot}/index.html`);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // The build writes .br and .gz beside each asset (web/vite.config.ts); they are sent as they are.
      preCompressed: true,
      // Hashed file names never change content: cache them for a year. index.html is asked for each time.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          /[\\/]assets[\\/]/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the SPA get its index page; unknown API paths get the JSON error.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply.code(404).send(new AppError('ROUTE_NOT_FOUND').toBody());
  });

  return app;
};
