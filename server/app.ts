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
import type { Clock } from './clock';
import type { Config } from './config';
import { type Database, pingDatabase } from './db/client';
import type { TemplateLimits } from './documents/export/guarded-template-reader';
import { createPdfConverter, type PdfConverter } from './documents/export/pdf-converter';
import { AppError } from './errors';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './http/error-handler';
import { type LogStream, loggerOptions } from './http/logging';
import { registerRoutes } from './http/route';
import { apiKeyRoutes } from './modules/api-key/api-key.routes';
import { createApiKeyService } from './modules/api-key/api-key.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import { createCatalogService } from './modules/catalog/catalog.service';
import { consolidationRoutes } from './modules/consolidation/consolidation.routes';
import { createSignedScanService } from './modules/consolidation/consolidation.scan';
import { createConsolidationService } from './modules/consolidation/consolidation.service';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { createDashboardService } from './modules/dashboard/dashboard.service';
import { exchangeRoutes } from './modules/exchange/exchange.routes';
import { createExchangeService } from './modules/exchange/exchange.service';
import { exportRoutes } from './modules/export/export.routes';
import { createExportService } from './modules/export/export.service';
import { importRoutes } from './modules/import/import.routes';
import { createImportService } from './modules/import/import.service';
import { indicatorRoutes } from './modules/indicator/indicator.routes';
import { createIndicatorService } from './modules/indicator/indicator.service';
import { localityRoutes } from './modules/locality/locality.routes';
import { createLocalityService } from './modules/locality/locality.service';
import { notificationRoutes } from './modules/notification/notification.routes';
import { createNotificationService } from './modules/notification/notification.service';
import { overviewRoutes } from './modules/overview/overview.routes';
import { createOverviewService } from './modules/overview/overview.service';
import { planRoutes } from './modules/plan/plan.routes';
import { createPlanService } from './modules/plan/plan.service';
import { registerPublicSite } from './modules/public-site/public.routes';
import { createPublicSiteService } from './modules/public-site/public.service';
import { publicationRoutes } from './modules/publication/publication.routes';
import { createPublicationService } from './modules/publication/publication.service';
import { reportingRoutes } from './modules/reporting/reporting.routes';
import { createReportingService } from './modules/reporting/reporting.service';
import { searchRoutes } from './modules/search/search.routes';
import { createSearchService } from './modules/search/search.service';
import { taskRoutes } from './modules/task/task.routes';
import { createTaskService } from './modules/task/task.service';
import { unitRoutes } from './modules/unit/unit.routes';
import { createUnitService } from './modules/unit/unit.service';
import { userRoutes } from './modules/user/user.routes';
import { createUserService } from './modules/user/user.service';
import type { FileStore } from './storage';

/** Request bodies above this are refused (413). Large enough that an over-long field gets a 400 naming it. */
const BODY_LIMIT_BYTES = 5 * 1024 * 1024;
/** Raw uploads (application/octet-stream); each service applies its own, smaller limit with its own message. */
export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
/** The readiness check's `select 1` must answer within this. */
const READINESS_TIMEOUT_MS = 2000;

export type AppDeps = {
  db: Database;
  /** Without `mail`, notifications are in-app only (no e-mail is queued). */
  config: Pick<Config, 'logLevel' | 'isProduction' | 'sessionSecret'> &
    Partial<Pick<Config, 'mail' | 'publicUrl' | 'trustProxy'>>;
  clock: Clock;
  storage: FileStore;
  /** Folder with the built SPA; omitted in API-only tests. */
  webRoot?: string;
  /** Word → PDF (LibreOffice); by default found on the machine at first use. */
  pdf?: PdfConverter;
  /** Limits of an uploaded entry template (TEMPLATE_LIMITS by default; tests narrow them). */
  templateLimits?: TemplateLimits;
  /** Where log lines go (default: standard output); tests capture them. */
  logStream?: LogStream;
};

export const createServices = ({
  db,
  clock,
  config,
  storage,
  pdf = createPdfConverter(),
  templateLimits,
}: Pick<AppDeps, 'db' | 'clock' | 'config' | 'storage' | 'pdf' | 'templateLimits'>) => {
  const catalog = createCatalogService();
  const notification = createNotificationService({ db, clock, config });
  const reporting = createReportingService({ db, clock, storage, notifications: notification });
  const dashboard = createDashboardService({ db, clock, reporting });
  const plan = createPlanService({ db, clock });
  const consolidation = createConsolidationService({ db, clock, dashboard, notifications: notification });
  const exporter = createExportService({ db, clock, plan, consolidation, reporting, pdf, templateLimits });
  return {
    catalog,
    auth: createAuthService({
      db,
      clock,
      sessionSecret: config.sessionSecret,
      isProduction: config.isProduction,
    }),
    user: createUserService({ db, clock }),
    audit: createAuditService({ db }),
    locality: createLocalityService({ db, clock }),
    unit: createUnitService({ db, clock }),
    plan,
    indicator: createIndicatorService({ db, clock, catalog }),
    task: createTaskService({ db, clock }),
    search: createSearchService({ db }),
    import: createImportService({ db, clock, catalog }),
    reporting,
    dashboard,
    overview: createOverviewService({ db, clock, catalog, reporting, notifications: notification }),
    consolidation,
    publication: createPublicationService({ db, clock }),
    publicSite: createPublicSiteService({ db }),
    signedScan: createSignedScanService({ db, clock, storage }),
    notification,
    export: exporter,
    exchange: createExchangeService({ db, clock, consolidation, exporter, pdf }),
    apiKey: createApiKeyService({ db, clock }),
  };
};

export type Services = ReturnType<typeof createServices>;

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
];

/**
 * Fastify's `trustProxy` for TRUST_PROXY: nothing by default (X-Forwarded-For is ignored), the listed
 * proxies, or the first `hops` addresses counted from the connection (Fastify itself ignores a number).
 */
const fastifyTrustProxy = (trust: Config['trustProxy']) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist', import.meta.url));

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
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

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

  const services = createServices(deps);
  // Import jobs read documents in the background: stop them (recorded as failed) before the database closes.
  app.addHook('onClose', () => services.import.shutdown());
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
