/** SQL for import jobs. Status changes are conditional, so a cancel and a finishing run never overwrite each other. */
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { importJob } from '../../db/schema';

export type ImportJobRow = typeof importJob.$inferSelect;
type ImportJobValues = Pick<typeof importJob.$inferInsert, 'createdBy' | 'localityId' | 'fileName'>;

/** A job not yet finished: queued or running. */
const UNFINISHED = ['queued', 'running'] as const;

export const insertImportJob = async (
  executor: Executor,
  values: ImportJobValues,
  now: Date,
): Promise<ImportJobRow> =>
  (
    await executor
      .insert(importJob)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning()
  )[0]!;

export const findImportJobById = async (executor: Executor, id: string): Promise<ImportJobRow | undefined> =>
  (await executor.select().from(importJob).where(eq(importJob.id, id)))[0];

/** Moves a queued job to running; undefined when it was cancelled meanwhile. */
export const markImportJobRunning = async (
  executor: Executor,
  id: string,
  now: Date,
): Promise<ImportJobRow | undefined> =>
  (
    await executor
      .update(importJob)
      .set({ status: 'running', updatedAt: now })
      .where(and(eq(importJob.id, id), eq(importJob.status, 'queued')))
      .returning()
  )[0];

/** Records the pages read so far of a running job. */
export const updateImportJobProgress = async (
  executor: Executor,
  id: string,
  progress: { done: number; total: number },
  now: Date,
): Promise<void> => {
  await executor
    .update(importJob)
    .set({ progressDone: progress.done, progressTotal: progress.total, updatedAt: now })
    .where(and(eq(importJob.id, id), eq(importJob.status, 'running')));
};

/**
 * Marks an unfinished job as still being worked on and answers its status, so the process running it
 * learns of a cancel recorded by any process.
 */
export const touchImportJob = async (
  executor: Executor,
  id: string,
  now: Date,
): Promise<ImportJobRow['status'] | undefined> =>
  (
    await executor
      .update(importJob)
      .set({ updatedAt: now })
      .where(and(eq(importJob.id, id), inArray(importJob.status, UNFINISHED)))
      .returning({ status: importJob.status })
  )[0]?.status;

/** Ends an unfinished job (done, failed or cancelled); undefined when it had already ended. */
export const finishImportJob = async (
  executor: Executor,
  id: string,
  changes: Partial<
    Pick<ImportJobRow, 'message' | 'draft' | 'sourceText' | 'progressDone' | 'progressTotal'>
  > & {
    status: 'done' | 'failed' | 'cancelled';
  },
  now: Date,
  options: { staleBefore?: Date } = {},
): Promise<ImportJobRow | undefined> =>
  (
    await executor
      .update(importJob)
      .set({ ...changes, updatedAt: now, finishedAt: now })
      .where(
        and(
          eq(importJob.id, id),
          inArray(importJob.status, UNFINISHED),
          options.staleBefore ? lt(importJob.updatedAt, options.staleBefore) : undefined,
        ),
      )
      .returning()
  )[0];

/** Deletes the jobs created before the cutoff. @returns how many were deleted */
export const deleteImportJobsCreatedBefore = async (executor: Executor, cutoff: Date): Promise<number> =>
  (await executor.delete(importJob).where(lt(importJob.createdAt, cutoff)).returning({ id: importJob.id }))
    .length;
