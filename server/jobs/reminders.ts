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
  listReminderRecipients,
  listRemindersToSend,
  markReminderSent,
  type ReminderCandidate,
} from '../modules/notification/notification.repository';
import { type NotificationService, reportLink } from '../modules/notification/notification.service';
import type { ReportingService } from '../modules/reporting/reporting.service';

/** How many plans get their periods created per transaction, and how many reminders one scan sends at most. */
export const REMINDER_PLAN_BATCH = 200;
export const REMINDER_SCAN_LIMIT = 500;

type ReminderScanDeps = {
  db: Database;
  clock: Clock;
  notifications: Pick<NotificationService, 'notifyEach'>;
  reporting: Pick<ReportingService, 'ensurePeriodsOfPlans'>;
  daysBefore: number;
  /** At most this many reminders per scan (the next scan goes on); REMINDER_SCAN_LIMIT by default. */
  limit?: number;
};

export type ReminderScanResult = { dueSoon: number; overdue: number };

/** Lets the requests waiting behind a scan run (PGlite shares the event loop with them). */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

export const createReminderScan = ({
  db,
  clock,
  notifications,
  reporting,
  daysBefore,
  limit = REMINDER_SCAN_LIMIT,
}: ReminderScanDeps) => {
  /** Plans whose periods were created today in this process, by id → the plan's last change then. */
  const ensured = new Map<string, string>();

  /** Creates the periods the active plans' regimes call for: each plan once a day or after it changed. */
  const ensurePeriods = async (today: string) => {
    const plans = (await listActivePlans(db)).filter(
      (row) => ensured.get(row.id) !== `${today}|${row.updatedAt.toISOString()}`,
    );
    for (let from = 0; from < plans.length; from += REMINDER_PLAN_BATCH) {
      const batch = plans.slice(from, from + REMINDER_PLAN_BATCH);
      await db.transaction((tx) => reporting.ensurePeriodsOfPlans(tx, batch));
      for (const row of batch) ensured.set(row.id, `${today}|${row.updatedAt.toISOString()}`);
      await yieldToRequests();
    }
  };

  /** Each candidate's recipients, from one query over the localities of the batch and their ancestors. */
  const recipientsOf = async (candidates: readonly ReminderCandidate[]) => {
    const chains = new Map<string, string[]>();
    for (const localityId of new Set(candidates.map((candidate) => candidate.localityId)))
      chains.set(localityId, await chainOf(db, localityId));
    const roles = await listReminderRecipients(db, [...new Set([...chains.values()].flat())]);
    return (candidate: ReminderCandidate): string[] => {
      const chain = new Set(chains.get(candidate.localityId));
      const users = roles.filter(
        (role) =>
          role.localityId != null &&
          chain.has(role.localityId) &&
          ((role.role === 'unit_officer' && role.unitId === candidate.unitId) ||
            (role.role === 'standing_officer' && candidate.stage === 'overdue')),
      );
      return [...new Set(users.map((role) => role.userId))].sort();
    };
  };

  const remind = (candidate: ReminderCandidate, recipients: string[]): Promise<number> =>
    db.transaction(async (tx) => {
      const { stage } = candidate;
      const due = formatDateVi(candidate.dueDate);
      const what = `${candidate.periodLabel} của kế hoạch "${candidate.planTitle}"`;
      const created = await notifications.notifyEach(tx, recipients, {
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
      await markReminderSent(tx, {
        periodId: candidate.periodId,
        unitId: candidate.unitId,
        stage,
        sentAt: clock.now(),
      });
      return created;
    });

  /**
   * Runs one scan: creates the periods the active plans' regimes call for, then reminds every unit
   * missing a report due soon or overdue that has not had that reminder yet — every still-missing report
   * of an active plan gets its one overdue reminder, however long ago it fell due (a server that was
   * off, a report returned after its due date). Only the regime's periods that fell due before the plan
   * was entered in Lộ trình are left out: nobody could file them here, and a plan entered with years of
   * history must not flood its units (an ad hoc period is always reminded: the standing agency opened
   * it). The work is set-based and bounded: at most `limit` reminders a scan (the next scan goes on),
   * the requests waiting behind it run between transactions. Safe to run concurrently in several
   * processes.
   *
   * @returns how many notifications this scan created (0 when another scan got there first)
   */
  const run = async (): Promise<ReminderScanResult> => {
    const today = vietnamDateOf(clock.now());
    await ensurePeriods(today);
    const candidates = await listRemindersToSend(db, today, addDays(today, daysBefore), limit);
    const result: ReminderScanResult = { dueSoon: 0, overdue: 0 };
    if (candidates.length === 0) return result;
    const recipients = await recipientsOf(candidates);
    for (const candidate of candidates) {
      const created = await remind(candidate, recipients(candidate));
      if (candidate.stage === 'overdue') result.overdue += created;
      else result.dueSoon += created;
      await yieldToRequests();
    }
    return result;
  };

  return { run };
};

export type ReminderScan = ReturnType<typeof createReminderScan>;
