/**
 * The demo's published report: so that /cong-khai shows a locality's approved figures on a fresh start,
 * the Dân Tiến plan's period before the current one goes the whole way through the services, as its
 * people would take it: the HCC centre files its report late (with its reason), the standing agency
 * accepts it, writes the consolidated report and sends it, the leader approves it (the figures are
 * frozen) and publishes it under a document number. The notices these steps send are read by their
 * recipients, so nobody's bell starts with old news.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import { ZSaveConsolidatedRequest } from '@core/schemas/consolidation.schemas';
import { ZSaveReportRequest } from '@core/schemas/reporting.schemas';
import type { Clock } from '../../clock';
import type { RequestContext } from '../../http/request-context';
import { loadActor } from '../../modules/auth/auth.service';
import {
  findApprovedVersion,
  findConsolidatedById,
} from '../../modules/consolidation/consolidation.repository';
import { createConsolidationService } from '../../modules/consolidation/consolidation.service';
import { createDashboardService } from '../../modules/dashboard/dashboard.service';
import { createNotificationService } from '../../modules/notification/notification.service';
import { listPlanSummaries } from '../../modules/plan/plan.repository';
import { createPublicationService } from '../../modules/publication/publication.service';
import { createReportingService } from '../../modules/reporting/reporting.service';
import { findUserByUsername, namesOfUsers } from '../../shared/accounts';
import { listUnitsByLocality } from '../../shared/units';
import type { FileStore } from '../../storage';
import type { Database } from '../client';

type DemoValue = { value?: number; numerator?: number; denominator?: number; note?: string };

/** What the demo publishes: the centre's figures of the year before, lower than this year's. */
export const DEMO_PUBLISHED = {
  plan: 'Dân Tiến',
  unit: 'Trung tâm phục vụ hành chính công',
  officer: 'dantien.hcc',
  standing: 'dantien.vhxh',
  leader: 'dantien.lanhdao',
  values: {
    'I.2': { value: 64 },
    'I.3': { value: 95 },
    'I.4': { value: 100 },
    'I.5': { numerator: 1368, denominator: 1800 },
    'II.7': { value: 70 },
    'III.15': { value: 20, note: 'Đã số hóa 2/10 cơ sở dữ liệu chuyên ngành' },
  } as Record<string, DemoValue>,
  lateReason: 'Số liệu cả năm chỉ chốt được sau khi các thôn gửi đủ báo cáo tháng 12.',
  narrative:
    'Trong năm, xã Dân Tiến đã đưa bộ phận một cửa vào vận hành trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; tỉ lệ hồ sơ trực tuyến tăng nhưng chưa đạt chỉ tiêu.',
  documentNumber: '45/BC-UBND',
};

/** Why an indicator of the published report is left empty. */
const MISSING_REASON = 'Phòng chuyên môn chưa tổng hợp xong số liệu của kỳ này; sẽ bổ sung ở kỳ sau.';

/** The demo has no evidence files: a store that refuses to be used. */
const NO_FILES: FileStore = {
  put: () => Promise.reject(new Error('demo data stores no files')),
  get: () => Promise.reject(new Error('demo data stores no files')),
  remove: () => Promise.resolve(),
};

/**
 * Takes the period before the current one of the demo plan from the unit's report to publication.
 * Does nothing when the plan has no earlier period (a plan whose first period is the current one).
 *
 * @param tx - the demo's transaction (the whole demo loads at once, or not at all)
 * @param clock - today decides which period is current, and stamps every step
 */
export const loadDemoPublishedReport = async (tx: Database, clock: Clock): Promise<void> => {
  const notifications = createNotificationService({ db: tx, clock, config: {} });
  const reporting = createReportingService({ db: tx, clock, storage: NO_FILES });
  const dashboard = createDashboardService({ db: tx, clock, reporting });
  const consolidation = createConsolidationService({ db: tx, clock, dashboard, notifications });
  const publication = createPublicationService({
    db: tx,
    clock,
    consolidated: { findConsolidatedById, findApprovedVersion, namesOfUsers },
  });
  const actorOf = async (username: string): Promise<RequestContext> => {
    const user = (await findUserByUsername(tx, username))!;
    return { actor: await loadActor(tx, user), ip: null, userAgent: 'demo-data' };
  };

  const plan = (await listPlanSummaries(tx, {})).find((row) => row.localityName === DEMO_PUBLISHED.plan)!;
  const standing = await actorOf(DEMO_PUBLISHED.standing);
  const today = vietnamDateOf(clock.now());
  const periods = await reporting.listPeriods(standing, plan.id);
  const current = periods.findLastIndex((row) => row.dataFrom <= today);
  const period = current > 0 ? periods[current - 1] : undefined;
  if (!period) return;

  const unitId = (await listUnitsByLocality(tx, plan.localityId)).find(
    (row) => row.name === DEMO_PUBLISHED.unit,
  )!.id;
  const officer = await actorOf(DEMO_PUBLISHED.officer);
  const form = await reporting.getUnitReport(officer, period.id, unitId);
  const draft = await reporting.saveDraft(
    officer,
    period.id,
    unitId,
    ZSaveReportRequest.parse({
      revision: 0,
      values: form.indicators.map((item) => {
        const given = item.row.code ? DEMO_PUBLISHED.values[item.row.code] : undefined;
        const hasFigure = given?.value != null || given?.numerator != null;
        return {
          indicatorId: item.row.id,
          value: given?.value ?? null,
          numerator: given?.numerator ?? null,
          denominator: given?.denominator ?? null,
          note: given?.note ?? null,
          missingReason: hasFigure ? null : MISSING_REASON,
        };
      }),
    }),
  );
  const submitted = await reporting.submit(
    officer,
    draft.report!.id,
    draft.report!.revision,
    period.dueDate < today ? DEMO_PUBLISHED.lateReason : null,
  );
  await reporting.accept(standing, submitted.report!.id, submitted.report!.revision);

  const saved = await consolidation.save(
    standing,
    period.id,
    ZSaveConsolidatedRequest.parse({ revision: 0, narrative: DEMO_PUBLISHED.narrative }),
  );
  const reportId = saved.id!;
  const sent = await consolidation.send(standing, reportId, saved.revision);
  const leader = await actorOf(DEMO_PUBLISHED.leader);
  const approved = await consolidation.approve(leader, reportId, sent.revision);
  await publication.publish(leader, reportId, approved.version, {
    documentNumber: DEMO_PUBLISHED.documentNumber,
  });
  // The leader read the request to approve, the standing agency the approval.
  await notifications.markAllRead(leader);
  await notifications.markAllRead(standing);
};
