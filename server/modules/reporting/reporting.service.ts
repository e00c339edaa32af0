/**
 * The reporting module's services, composed: periods (period.service.ts), a unit's report form
 * (unit-report-form.ts) and its workflow (unit-report.service.ts), evidence files (evidence.service.ts)
 * and "Việc của tôi" (my-work.service.ts). Each receives the narrow dependencies it uses; what they read
 * of other modules comes through one typed directory (reporting.directory.ts).
 */
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import type { FileStore } from '../../storage';
import type { NotificationService } from '../notification/notification.service';
import { createEvidenceService } from './evidence.service';
import { createMyWorkService } from './my-work.service';
import { createPeriodService } from './period.service';
import { type ReportingDirectory, reportingDirectory } from './reporting.directory';
import { createUnitReportService } from './unit-report.service';
import { createUnitReportForms } from './unit-report-form';

export { MAX_ATTACHMENT_BYTES } from './evidence.service';
export type { UnitReportForm } from './unit-report-form';

type ReportingServiceDeps = {
  db: Database;
  clock: Clock;
  storage: FileStore;
  /** Told of submissions, returns and acceptances inside their transaction; omitted by the demo seed. */
  notifications?: Pick<NotificationService, 'reportSubmitted' | 'reportReturned' | 'reportAccepted'>;
  /** What the services read of other modules (the app's modules unless a test narrows it). */
  directory?: ReportingDirectory;
};

/** Every reporting use case, as the routes, the dashboard, the exports and the demo seed call them. */
export const createReportingService = ({
  db,
  clock,
  storage,
  notifications,
  directory = reportingDirectory,
}: ReportingServiceDeps) => {
  const periods = createPeriodService({ db, clock, directory });
  const forms = createUnitReportForms({ db, clock, directory, periods });
  const unitReports = createUnitReportService({ db, clock, directory, periods, forms, notifications });
  const evidence = createEvidenceService({ db, clock, storage, directory, periods, forms });
  const myWork = createMyWorkService({ db, clock, directory, periods });
  return {
    ensurePeriods: periods.ensurePeriods,
    ensurePeriodsOfPlans: periods.ensurePeriodsOfPlans,
    getMyWork: myWork.getMyWork,
    listPeriods: periods.listPeriods,
    createAdhocPeriod: periods.createAdhocPeriod,
    getPeriod: periods.getPeriod,
    getUnitReport: forms.getUnitReport,
    getReportVersion: forms.getReportVersion,
    saveDraft: unitReports.saveDraft,
    startOnBehalf: unitReports.startOnBehalf,
    submit: unitReports.submit,
    returnReport: unitReports.returnReport,
    accept: unitReports.accept,
    correct: unitReports.correct,
    addAttachment: evidence.addAttachment,
    readAttachment: evidence.readAttachment,
    removeAttachment: evidence.removeAttachment,
  };
};

export type ReportingService = ReturnType<typeof createReportingService>;
