/**
 * The services of the application, wired from their dependencies: each service gets the database, the
 * clock and only the other services (or narrow reads, see ConsolidatedReads) it uses. The HTTP app
 * (app.ts), the background jobs (main.ts) and scripts build them here.
 */
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/client';
import type { TemplateLimits } from './documents/export/guarded-template-reader';
import { createPdfConverter, type PdfConverter } from './documents/export/pdf-converter';
import { createApiKeyService } from './modules/api-key/api-key.service';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthService } from './modules/auth/auth.service';
import { createBoundaryService } from './modules/boundary/boundary.service';
import { createCatalogService } from './modules/catalog/catalog.service';
import { findApprovedVersion, findConsolidatedById } from './modules/consolidation/consolidation.repository';
import { createSignedScanService } from './modules/consolidation/consolidation.scan';
import { createConsolidationService } from './modules/consolidation/consolidation.service';
import { createDashboardService } from './modules/dashboard/dashboard.service';
import { createExchangeService } from './modules/exchange/exchange.service';
import { createSigningKeyService } from './modules/exchange/signing-key.service';
import { createExportService } from './modules/export/export.service';
import { createImportService } from './modules/import/import.service';
import { createIndicatorService } from './modules/indicator/indicator.service';
import { createLocalityChangeService } from './modules/locality/locality.changes';
import { createLocalityService } from './modules/locality/locality.service';
import { createNotificationService } from './modules/notification/notification.service';
import { createOverviewService } from './modules/overview/overview.service';
import { createPlanService } from './modules/plan/plan.service';
import { createPublicSiteService } from './modules/public-site/public.service';
import { createPublicationService } from './modules/publication/publication.service';
import { createReportingService } from './modules/reporting/reporting.service';
import { createSearchService } from './modules/search/search.service';
import { createTaskService } from './modules/task/task.service';
import { createUnitService } from './modules/unit/unit.service';
import { createUserService } from './modules/user/user.service';
import { createUserImportService } from './modules/user/user-import.service';
import { namesOfUsers } from './shared/accounts';
import type { FileStore } from './storage';

export type ServiceDeps = {
  db: Database;
  /** Without `mail`, notifications are in-app only (no e-mail is queued). */
  config: Pick<Config, 'logLevel' | 'isProduction' | 'sessionSecret'> &
    Partial<Pick<Config, 'mail' | 'publicUrl' | 'trustProxy'>>;
  clock: Clock;
  storage: FileStore;
  /** Word → PDF (LibreOffice); by default found on the machine at first use. */
  pdf?: PdfConverter;
  /** Limits of an uploaded entry template (TEMPLATE_LIMITS by default; tests narrow them). */
  templateLimits?: TemplateLimits;
  /** Where a service says what it answered despite (the app's logger); silent without. */
  log?: { warn: (details: object, message: string) => void };
};

/** Builds every service once, for one database. */
export const createServices = ({
  db,
  clock,
  config,
  storage,
  pdf = createPdfConverter(),
  templateLimits,
  log,
}: ServiceDeps) => {
  const catalog = createCatalogService();
  const notification = createNotificationService({ db, clock, config });
  const reporting = createReportingService({ db, clock, storage, notifications: notification });
  const dashboard = createDashboardService({ db, clock, reporting });
  const plan = createPlanService({ db, clock });
  const consolidation = createConsolidationService({ db, clock, dashboard, notifications: notification });
  const exporter = createExportService({ db, clock, plan, consolidation, reporting, pdf, templateLimits });
  const signingKeys = createSigningKeyService({ db, clock });
  return {
    catalog,
    auth: createAuthService({
      db,
      clock,
      sessionSecret: config.sessionSecret,
      isProduction: config.isProduction,
    }),
    user: createUserService({ db, clock }),
    userImport: createUserImportService({ db, clock, ...(templateLimits ? { limits: templateLimits } : {}) }),
    audit: createAuditService({ db }),
    locality: createLocalityService({ db, clock }),
    localityChange: createLocalityChangeService({ db, clock }),
    unit: createUnitService({ db, clock }),
    plan,
    indicator: createIndicatorService({ db, clock, catalog }),
    task: createTaskService({ db, clock }),
    search: createSearchService({ db }),
    import: createImportService({ db, clock, catalog }),
    reporting,
    dashboard,
    overview: createOverviewService({ db, clock, catalog, reporting, notifications: notification, log }),
    consolidation,
    publication: createPublicationService({
      db,
      clock,
      consolidated: { findConsolidatedById, findApprovedVersion, namesOfUsers },
    }),
    publicSite: createPublicSiteService({ db }),
    signedScan: createSignedScanService({ db, clock, storage }),
    notification,
    export: exporter,
    exchange: createExchangeService({ db, clock, consolidation, exporter, pdf, signingKeys, catalog }),
    signingKeys,
    apiKey: createApiKeyService({ db, clock }),
    boundary: createBoundaryService(),
  };
};

export type Services = ReturnType<typeof createServices>;
