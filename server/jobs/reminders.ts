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
import type { ReportingService } from '../modules/reporting/reporting.service';

/**
 * An overdue reminder is sent for periods due at most this many days ago, so that a plan entered with
 * years of history (or a server that was off for a while) does not flood its units with old reminders.
 */
export const OVERDUE_LOOKBACK_DAYS = 30;

export type ReminderStage = 'due-soon' | 'overdue';

/**
 * Which reminder a missing report calls for on a day.
 *
 * @param dueDate - the period's due date, "YYYY-MM-DD"
 * @param today - the day in Vietnam, "YYYY-MM-DD"
 * @param daysBefore - how many days ahead "due soon" starts
 * @returns `due-soon` from `daysBefore` days before the due date up to the due date itself, `overdue`
 *   in the days after it (within OVERDUE_LOOKBACK_DAYS), otherwise null
 */
export const reminderStageOf = (dueDate: string, today: string, daysBefore: number): ReminderStage | null => {
  if (dueDate >= today) return dueDate <= addDays(today, daysBefore) ? 'due-soon' : null;
  return dueDate >= addDays(today, -OVERDUE_LOOKBACK_DAYS) ? 'overdue' : null;
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
   * missing a report due soon or overdue. Safe to run concurrently in several processes.
   *
   * @returns how many notifications this scan created (0 when another scan got there first)
   */
  const run = async (): Promise<ReminderScanResult> => {
    const today = vietnamDateOf(clock.now());
    for (const planRow of await listActivePlans(db)) {
      await db.transaction((tx) => reporting.ensurePeriods(tx, planRow));
    }
    const candidates = await listMissingReports(
      db,
      addDays(today, -OVERDUE_LOOKBACK_DAYS),
      addDays(today, daysBefore),
    );
    const result: ReminderScanResult = { dueSoon: 0, overdue: 0 };
    for (const candidate of candidates) {
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
