import { z } from 'zod';
import { TextLimits } from '../validations';
import { zOptionalText, zText } from './common.schemas';

/** One decision to publish a version of a consolidated report, and its withdrawal if any. */
export const ZPublication = z.object({
  id: z.uuid(),
  version: z.number().int(),
  documentNumber: z.string().nullable(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type TPublication = z.infer<typeof ZPublication>;

/** The publications of a report, newest first, and what the reader may decide. */
export const ZReportPublications = z.object({
  items: z.array(ZPublication),
  /** The publication in force (not withdrawn), if any. */
  current: ZPublication.nullable(),
  /** The reader is the leader (or administrator) who decides on publication. */
  canDecide: z.boolean(),
  /** The public address of the locality's page. */
  publicPath: z.string(),
});
export type TReportPublications = z.infer<typeof ZReportPublications>;

export const ZPublishRequest = z.object({
  documentNumber: zOptionalText('Số văn bản', TextLimits.short),
});
export type TPublishRequest = z.infer<typeof ZPublishRequest>;

export const ZWithdrawRequest = z.object({
  reason: zText('Lý do gỡ', TextLimits.note),
});
