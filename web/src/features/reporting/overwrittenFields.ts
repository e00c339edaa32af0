/**
 * "Giữ bản của tôi" on a conflict (issue #14): before the user's version is saved over the latest one on
 * the server, the confirmation names every field whose server value it replaces. Compared as the save
 * would send them (requestFromDraft), so "1.710" and "1710" are the same figure and only real changes show.
 */
import type { TUnitReport } from '@core/schemas/reporting.schemas';
import { draftFromReport, type ReportDraft, requestFromDraft } from './reportDraft';

/** The fields a report form can overwrite (their labels are in reporting.report.overwrite.fields.*). */
export type OverwrittenField =
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'assessment'
  | 'note'
  | 'missingReason'
  | 'status'
  | 'progress'
  | 'completedOn'
  | 'result'
  | 'nothingArose'
  | 'difficulties'
  | 'proposals';

/** One field the user's version replaces: where (an indicator's or task's name, or none), the server's value and theirs. */
export type Overwritten = {
  row: string | null;
  field: OverwrittenField;
  server: string | number | boolean | null;
  mine: string | number | boolean | null;
};

/**
 * The fields where saving `mine` onto `latest` would replace what the server holds now.
 *
 * @param latest - the server's latest version of the report
 * @param mine - the user's draft
 * @returns one entry per field that differs, indicators first, then tasks, then the narrative
 */
export const overwrittenFields = (latest: TUnitReport, mine: ReportDraft): Overwritten[] => {
  const server = requestFromDraft(latest, draftFromReport(latest)).body;
  const ours = requestFromDraft(latest, mine).body;
  const changes: Overwritten[] = [];
  const valueFields = ['value', 'numerator', 'denominator', 'assessment', 'note', 'missingReason'] as const;
  latest.indicators.forEach((row, index) => {
    for (const field of valueFields) {
      const before = server.values[index]?.[field] ?? null;
      const after = ours.values[index]?.[field] ?? null;
      if (before !== after) changes.push({ row: row.name, field, server: before, mine: after });
    }
  });
  const taskFields = ['status', 'progress', 'completedOn', 'result'] as const;
  for (const row of latest.tasks) {
    const before = server.taskUpdates.find((update) => update.taskId === row.taskId);
    const after = ours.taskUpdates.find((update) => update.taskId === row.taskId);
    for (const field of taskFields) {
      const was = before?.[field] ?? null;
      const will = after?.[field] ?? null;
      if (was !== will) changes.push({ row: row.name, field, server: was, mine: will });
    }
  }
  for (const field of ['nothingArose', 'difficulties', 'proposals'] as const)
    if (server[field] !== ours[field])
      changes.push({ row: null, field, server: server[field] ?? null, mine: ours[field] ?? null });
  return changes;
};
