/**
 * Building blocks for request and response schemas, with Vietnamese messages a civil servant
 * understands. The server prefixes each message with the field path ("targets.0.year: …").
 */
import { z } from 'zod';
import { isRealDate } from '../domain/deadlines';
import { TextLimits, YearLimits } from '../validations';

z.config(z.locales.vi());

/** A required one-line or multi-line text, trimmed and NFC-normalised. */
export const zText = (label: string, max: number = TextLimits.name) =>
  z
    .string({ error: `${label}: phải là chuỗi ký tự` })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${label} không được để trống` })
        .max(max, { error: `${label} dài quá ${max.toLocaleString('vi-VN')} ký tự` }),
    );

/** An optional text: empty or missing becomes null. */
export const zOptionalText = (label: string, max: number = TextLimits.name) =>
  z
    .string({ error: `${label}: phải là chuỗi ký tự` })
    .max(max, { error: `${label} dài quá ${max.toLocaleString('vi-VN')} ký tự` })
    .transform((value) => value.normalize('NFC').trim() || null)
    .nullish()
    .transform((value) => value ?? null);

export const zId = (label: string) => z.uuid({ error: `${label}: mã định danh không hợp lệ` });

/** A calendar date as "YYYY-MM-DD" that exists (no 30/02). */
export const zIsoDate = (label: string) =>
  z
    .string({ error: `${label}: phải là ngày dạng YYYY-MM-DD` })
    .refine(isRealDate, { error: `${label} không phải một ngày có thật (định dạng YYYY-MM-DD)` });

export const zYear = (label: string) =>
  z
    .number({ error: `${label} phải là một số năm` })
    .int({ error: `${label} phải là số nguyên` })
    .min(YearLimits.min, { error: `${label} phải từ năm ${YearLimits.min} trở đi` })
    .max(YearLimits.max, { error: `${label} phải không muộn hơn năm ${YearLimits.max}` });

export const ZIdParams = z.object({ id: zId('Mã') });

export const ZSearchQuery = z.object({
  q: z
    .string()
    .max(TextLimits.searchQuery, { error: `Từ khóa tìm kiếm dài quá ${TextLimits.searchQuery} ký tự` })
    .optional(),
});

/** The error body every failing request returns. */
export const ZErrorResponse = z.object({
  ok: z.literal(false),
  error: z.string(),
  status: z.number(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** Wraps a payload in the `{ data }` success envelope. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
