/**
 * Runs the background jobs on timers in each app process. Correctness does not depend on the timers:
 * the reminder dedupe keys and the outbox claims make several processes (or overlapping ticks) safe.
 */
import { vietnamDateOf } from '@core/domain/deadlines';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { NotificationService } from '../modules/notification/notification.service';
import type { OverviewService } from '../modules/overview/overview.service';
import type { ReportingService } from '../modules/reporting/reporting.service';
import { settleScheduledNames } from '../shared/locality-history';
import { createEmailSender, createSmtpTransport } from './email-sender';
import { createReminderScan } from './reminders';

type Logger = {
  info: (object: object, message: string) => void;
  error: (object: object, message: string) => void;
};

type JobDeps = {
  db: Database;
  clock: Clock;
  config: Pick<Config, 'mail' | 'reminderDaysBefore' | 'reminderScanIntervalMs' | 'emailSendIntervalMs'>;
  services: { notification: NotificationService; reporting: ReportingService; overview: OverviewService };
  logger: Logger;
};

/** Runs `task` every `intervalMs`, never two at once in this process; errors are logged, not thrown. */
const every = (intervalMs: number, name: string, logger: Logger, task: () => Promise<object>) => {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = task()
      .then((result) => {
        // Quiet when there was nothing to do: the timers tick every few seconds or minutes.
        const didSomething = Object.values(result).some((value) => typeof value === 'number' && value > 0);
        if (didSomething) logger.info({ job: name, ...result }, `${name} done`);
      })
      .catch((error: unknown) => logger.error({ job: name, err: error }, `${name} failed`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  // A first run shortly after start, not in the middle of booting.
  const first = setTimeout(tick, 5_000);
  first.unref();
  return async () => {
    clearInterval(timer);
    clearTimeout(first);
    await running;
  };
};

/** How often the names of localities renamed from a date are settled (a small indexed read when none is due). */
export const LOCALITY_NAMES_INTERVAL_MS = 60_000;

/**
 * How often today's stored evaluation summaries of the overviews are brought up to date (only plans
 * changed since, or not yet evaluated today, are evaluated) and other days' pruned.
 */
export const OVERVIEW_SUMMARIES_INTERVAL_MS = 5 * 60_000;

/**
 * Starts the reminder scan, the settling of localities' names scheduled from a date (so a rename decided
 * ahead shows from its day, within a minute), the upkeep of the overviews' stored evaluation summaries
 * and, when SMTP_URL is set, the e-mail sender.
 *
 * @returns a function that stops the timers and waits for a run in progress
 */
export const startBackgroundJobs = ({ db, clock, config, services, logger }: JobDeps) => {
  const reminders = createReminderScan({
    db,
    clock,
    notifications: services.notification,
    reporting: services.reporting,
    daysBefore: config.reminderDaysBefore,
  });
  const stops = [
    every(config.reminderScanIntervalMs, 'reminder scan', logger, reminders.run),
    every(LOCALITY_NAMES_INTERVAL_MS, 'locality names', logger, async () => ({
      settled: await db.transaction((tx) => {
        const now = clock.now();
        return settleScheduledNames(tx, vietnamDateOf(now), now);
      }),
    })),
    every(OVERVIEW_SUMMARIES_INTERVAL_MS, 'overview summaries', logger, services.overview.keepSummariesWarm),
  ];
  if (config.mail) {
    const sender = createEmailSender({
      db,
      clock,
      transport: createSmtpTransport(config.mail.smtpUrl),
      from: config.mail.from,
    });
    stops.push(every(config.emailSendIntervalMs, 'e-mail sender', logger, () => sender.sendPending()));
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
};
