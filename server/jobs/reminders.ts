/**
 * The reminder scan ("đôn đốc"): units that have not reported are reminded before the due date, and
 * they and the standing agency are told once it has passed. Every app process may run the scan on its
 * timer, as often as it likes: each reminder's dedupe key (period, unit, user, stage) makes the
 * database keep exactly one, whichever process inserts it first.
 */
import { formatDateVi, vietnamDateOf } from '@core/domain/deadlines';
import { addDays } from '@core/domain/reporting-periods';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import { chainOf } from '../modules/auth/scope';
import {
  listActivePlans,
  listMissingReports,
  listUsersWithRoleCovering,
  type ReminderCandidate,
} from '../modules/notification/notification.repository';
import { type NotificationService, reportLink } from '../modules/notification/notification.service';
import { listPeriodsByIds } from '../modules/reporting/reporting.repository';
import type { ReportingService } from '../modules/reporting/reporting.service';

export type ReminderStage = 'due-soon' | 'overdue';

/**
 * Which reminder a missing report calls for on a day.
 *
 * @param dueDate - the period's due date, "YYYY-MM-DD"
 * @param today - the day in Vietnam, "YYYY-MM-DD"
 * @param daysBefore - how many days ahead "due soon" starts
 * @returns `due-soon` from `daysBefore` days before the due date up to the due date itself, `overdue`
 *   any day after it (however long ago: the dedupe key sends it once), otherwise null
 */
export const reminderStageOf = (dueDate: string, today: string, daysBefore: number): ReminderStage | null => {
  if (dueDate >= today) return dueDate <= addDays(today, daysBefore) ? 'due-soon' : null;
  return 'overdue';
};

type ReminderScanDeps = {
  db: Database;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyEach'>;
  reporting: Pick<ReportingService, 'ensurePeriods'>;
  daysBefore: number;
};

export type ReminderScanResult = { dueSoon: number; overdue: number };

export const createReminderScan = ({ db, clock, notifications, reporting, daysBefore }: ReminderScanDeps) => {
  const remind = async (candidate: ReminderCandidate, stage: ReminderStage): Promise<number> =>
    db.transaction(async (tx) => {
      const chain = await chainOf(tx, candidate.localityId);
      const unitOfficers = await listUsersWithRoleCovering(tx, chain, 'unit_officer', candidate.unitId);
      const standingOfficers =
        stage === 'overdue' ? await listUsersWithRoleCovering(tx, chain, 'standing_officer') : [];
      const recipients = [...new Set([...unitOfficers, ...standingOfficers])].sort();
      const due = formatDateVi(candidate.dueDate);
      const what = `${candidate.periodLabel} của kế hoạch "${candidate.planTitle}"`;
      return notifications.notifyEach(tx, recipients, {
        kind: stage === 'overdue' ? 'report_overdue' : 'report_due_soon',
        title:
          stage === 'overdue'
            ? `Quá hạn báo cáo ${candidate.periodLabel}: ${candidate.unitName}`
            : `Sắp đến hạn báo cáo ${candidate.periodLabel} (hạn ${due})`,
        body:
          stage === 'overdue'
            ? `${candidate.unitName} chưa nộp báo cáo ${what}; hạn nộp là ${due}. Báo cáo nộp muộn vẫn được nhận và được ghi là nộp muộn.`
            : `${candidate.unitName} chưa nộp báo cáo ${what}. Hạn nộp: ${due}.`,
        link: reportLink(candidate.planId, candidate.periodId, candidate.unitId),
        // + ":<user id>": one reminder per period, unit, stage and person.
        baseKey: `reminder:${stage}:${candidate.periodId}:${candidate.unitId}`,
      });
    });

  /**
   * Runs one scan: creates the periods the active plans' regimes call for, then reminds every unit
   * missing a report due soon or overdue — every still-missing report of an active plan gets its one
   * overdue reminder, however long ago it fell due (a server that was off, a report returned after its
   * due date). Only the regime's periods that fell due before the plan was entered in Lộ trình are left
   * out: nobody could file them here, and a plan entered with years of history must not flood its
   * units (an ad hoc period is always reminded: the standing agency opened it). Safe to run
   * concurrently in several processes.
   *
   * @returns how many notifications this scan created (0 when another scan got there first)
   */
  const run = async (): Promise<ReminderScanResult> => {
    const today = vietnamDateOf(clock.now());
    const plans = await listActivePlans(db);
    for (const planRow of plans) {
      await db.transaction((tx) => reporting.ensurePeriods(tx, planRow));
    }
    const enteredOn = new Map(plans.map((row) => [row.id, vietnamDateOf(row.createdAt)]));
    const candidates = await listMissingReports(db, '1900-01-01', addDays(today, daysBefore));
    const adhoc = new Set(
      (await listPeriodsByIds(db, [...new Set(candidates.map((candidate) => candidate.periodId))]))
        .filter((period) => period.regimeId == null)
        .map((period) => period.id),
    );
    const result: ReminderScanResult = { dueSoon: 0, overdue: 0 };
    for (const candidate of candidates) {
      const isHistory =
        !adhoc.has(candidate.periodId) && candidate.dueDate < (enteredOn.get(candidate.planId) ?? today);
      if (isHistory) continue;
      const stage = reminderStageOf(candidate.dueDate, today, daysBefore);
      if (!stage) continue;
      const created = await remind(candidate, stage);
      if (stage === 'overdue') result.overdue += created;
      else result.dueSoon += created;
    }
    return result;
  };

  return { run };
};

export type ReminderScan = ReturnType<typeof createReminderScan>;
