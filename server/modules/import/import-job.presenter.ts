import { type TImportJob, ZImportedPlanDraft } from '@core/schemas/import.schemas';
import type { ImportJobRow } from './import-job.repository';

/** An import job as the API shows it: the draft and extracted text only once done. */
export const presentImportJob = (row: ImportJobRow): TImportJob => ({
  id: row.id,
  status: row.status,
  fileName: row.fileName,
  localityId: row.localityId,
  progress: { done: row.progressDone, total: row.progressTotal },
  message: row.message,
  draft: row.status === 'done' && row.draft != null ? ZImportedPlanDraft.parse(row.draft) : null,
  sourceText: row.status === 'done' ? row.sourceText : null,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});
