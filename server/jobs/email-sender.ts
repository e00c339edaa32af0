/**
 * Sends the e-mails queued in `email_outbox`. Each process claims a batch of pending rows with
 * FOR UPDATE SKIP LOCKED, so two senders never take the same row; a claim older than
 * CLAIM_TIMEOUT_MS (a sender that died mid-batch) may be taken again. Delivery is therefore
 * at-least-once: a crash between the SMTP answer and the "sent" mark can send a mail twice, never zero times.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock';
import type { Database } from '../db/client';
import { emailOutbox } from '../db/schema';
import type { OutboxRow } from '../modules/notification/notification.repository';

/** A claim older than this is considered abandoned (its sender crashed or hung). */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;
export const EMAIL_BATCH_SIZE = 20;
/** After this many failed attempts an e-mail is marked failed and no longer retried. */
export const MAX_EMAIL_ATTEMPTS = 5;

/** Delay before the next attempt after `attempts` failures: 1, 4, 16, 64 minutes. */
export const retryDelayMs = (attempts: number): number => 60_000 * 4 ** Math.max(0, attempts - 1);

/** The part of a nodemailer transport the sender uses (tests may pass their own). */
export type MailTransport = {
  sendMail: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown>;
};

/** A nodemailer SMTP transport for a URL such as smtp://user:password@host:587. */
export const createSmtpTransport = (smtpUrl: string): MailTransport => nodemailer.createTransport(smtpUrl);

type EmailSenderDeps = {
  db: Database;
  clock: Clock;
  transport: MailTransport;
  from: string;
  /** Names this sender in `claimed_by`; unique per process by default. */
  workerId?: string;
};

export type EmailSendResult = { sent: number; retried: number; failed: number };

export const createEmailSender = ({ db, clock, transport, from, workerId }: EmailSenderDeps) => {
  const worker = workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  /**
   * Claims up to EMAIL_BATCH_SIZE pending e-mails that are due and not claimed by a live sender,
   * counting the attempt. One statement, so the claim is atomic on PostgreSQL and PGlite alike.
   */
  const claim = async (now: Date): Promise<OutboxRow[]> => {
    const staleBefore = new Date(now.getTime() - CLAIM_TIMEOUT_MS);
    const due = db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          lte(emailOutbox.nextAttemptAt, now),
          or(isNull(emailOutbox.claimedAt), lt(emailOutbox.claimedAt, staleBefore)),
        ),
      )
      .orderBy(asc(emailOutbox.createdAt))
      .limit(EMAIL_BATCH_SIZE)
      .for('update', { skipLocked: true });
    return db
      .update(emailOutbox)
      .set({ claimedAt: now, claimedBy: worker, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, due))
      .returning();
  };

  /** Records the outcome, only if this sender still holds the claim. */
  const settle = async (row: OutboxRow, error: unknown): Promise<keyof EmailSendResult> => {
    const now = clock.now();
    const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.claimedBy, worker));
    if (!error) {
      await db.update(emailOutbox).set({ status: 'sent', sentAt: now, lastError: null }).where(mine);
      return 'sent';
    }
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    if (row.attempts >= MAX_EMAIL_ATTEMPTS) {
      await db.update(emailOutbox).set({ status: 'failed', lastError }).where(mine);
      return 'failed';
    }
    await db
      .update(emailOutbox)
      .set({
        lastError,
        claimedAt: null,
        claimedBy: null,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
      })
      .where(mine);
    return 'retried';
  };

  /**
   * Sends one batch of pending e-mails.
   *
   * @returns how many were sent, put back for a later attempt, or given up on
   */
  const sendBatch = async (): Promise<EmailSendResult & { claimed: number }> => {
    const rows = await claim(clock.now());
    const result = { sent: 0, retried: 0, failed: 0, claimed: rows.length };
    for (const row of rows) {
      let error: unknown = null;
      try {
        await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.body });
      } catch (caught) {
        error = caught ?? new Error('unknown error');
      }
      result[await settle(row, error)] += 1;
    }
    return result;
  };

  /** Sends batches until none is left (at most `maxBatches`, so one tick stays short). */
  const sendPending = async (maxBatches = 10): Promise<EmailSendResult> => {
    const total: EmailSendResult = { sent: 0, retried: 0, failed: 0 };
    for (let batch = 0; batch < maxBatches; batch++) {
      const { claimed, ...result } = await sendBatch();
      total.sent += result.sent;
      total.retried += result.retried;
      total.failed += result.failed;
      if (claimed < EMAIL_BATCH_SIZE) break;
    }
    return total;
  };

  return { sendBatch, sendPending, workerId: worker };
};

export type EmailSender = ReturnType<typeof createEmailSender>;
