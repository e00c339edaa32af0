/**
 * Building blocks for request and response schemas, with Vietnamese messages a civil servant
 * understands. The server prefixes each message with the field path ("targets.0.year: …").
 */
import { z } from 'zod';
import { isRealDate } from '../domain/deadlines';
import { TextLimits, YearLimits } from '../validations';

z.config(z.locales.vi());

/** The largest value of a PostgreSQL `integer` column (int4): revisions, versions, positions. */
export const INT4_MAX = 2_147_483_647;

/** A lone UTF-16 surrogate: half of a pair, which no UTF-8 text (nor PostgreSQL's jsonb) can hold. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What is wrong with a text the database cannot store as it was typed, or null when nothing is: the NUL
 * character (PostgreSQL refuses it in text) and a lone surrogate (broken Unicode, refused by jsonb and
 * otherwise silently replaced). Such a text is refused, never cleaned up behind the person's back.
 */
export const unsafeTextProblem = (value: string): string | null => {
  if (value.includes('\u0000')) return 'có ký tự NUL (mã 0) không được phép';
  if (LONE_SURROGATE.test(value)) return 'có ký tự Unicode bị hỏng (nửa cặp thay thế)';
  return null;
};

/**
 * Any string a person sends: refused when it holds NUL or broken Unicode. Every free-text field of a
 * request (names, notes, passwords, search words, query-string text) starts from this one.
 */
export const zString = (label: string) =>
  z
    .string({
      // Only for a value that is not a string: checks added later (min, max) keep their own messages.
      // A missing value is "not entered", as a person sees it, not a type ("chuỗi ký tự") they never chose.
      error: (issue) =>
        issue.code !== 'invalid_type'
          ? undefined
          : issue.input === undefined || issue.input === null
            ? `${label} chưa được nhập`
            : `${label} phải được ghi bằng chữ (văn bản)`,
    })
    .check((context) => {
      const problem = unsafeTextProblem(context.value);
      if (problem)
        context.issues.push({ code: 'custom', message: `${label} ${problem}`, input: context.value });
    });

/** A required one-line or multi-line text, trimmed and NFC-normalised. */
export const zText = (label: string, max: number = TextLimits.name) =>
  zString(label)
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${label} không được để trống` })
        .max(max, { error: `${label} dài quá ${max.toLocaleString('vi-VN')} ký tự` }),
    );

/** An optional text: empty or missing becomes null. */
export const zOptionalText = (label: string, max: number = TextLimits.name) =>
  zString(label)
    .max(max, { error: `${label} dài quá ${max.toLocaleString('vi-VN')} ký tự` })
    .transform((value) => value.normalize('NFC').trim() || null)
    .nullish()
    .transform((value) => value ?? null);

/** Search words (query string): optional, bounded, no NUL or broken Unicode. */
export const zSearchText = (label = 'Từ khóa tìm kiếm', max: number = TextLimits.searchQuery) =>
  zString(label)
    .max(max, { error: `${label} dài quá ${max.toLocaleString('vi-VN')} ký tự` })
    .optional();

/**
 * Refuses NUL and broken Unicode in every string of a nested value (an imported draft, a map keyed by
 * printed names), naming the path of each one. For values whose shape is shared with responses.
 */
export const refuseUnsafeStrings = (value: unknown, context: z.RefinementCtx, path: PropertyKey[] = []) => {
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    if (problem) context.addIssue({ code: 'custom', path, message: `Nội dung ${problem}` });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) refuseUnsafeStrings(item, context, [...path, index]);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const problem = unsafeTextProblem(key);
      if (problem) context.addIssue({ code: 'custom', path: [...path, key], message: `Tên mục ${problem}` });
      refuseUnsafeStrings(item, context, [...path, key]);
    }
  }
};

/** The update body of a PATCH: at least one field, so an empty body is refused instead of ignored. */
export const refuseEmptyPatch = <T extends object>(value: T, context: z.RefinementCtx) => {
  if (!Object.values(value).some((field) => field !== undefined)) {
    context.addIssue({
      code: 'custom',
      path: [],
      message: 'Không có thay đổi nào để lưu: hãy gửi ít nhất một trường cần sửa',
    });
  }
};

/** The revision the client last saw (optimistic lock): 0 when nothing was saved yet. */
export const zRevision = z
  .number({ error: 'Thiếu số phiên bản (revision) của báo cáo' })
  .int({ error: 'Số phiên bản (revision) phải là số nguyên' })
  .min(0, { error: 'Số phiên bản (revision) không được âm' })
  .max(INT4_MAX, { error: 'Số phiên bản (revision) quá lớn' });

/** An id chosen from a list: a bad one means nothing valid was chosen, said without "mã định danh". */
export const zId = (label: string) =>
  z.uuid({ error: `${label}: chưa được chọn hoặc lựa chọn không có trong danh sách` });

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
  q: zSearchText(),
});

/** The page size of the paged lists (localities, plans, users): 50 unless asked, at most 200. */
export const PageLimits = { default: 50, max: 200 } as const;

/**
 * `limit` and `offset` of a paged list, from the query string. A value outside the bounds is refused
 * with a message, never cut down to the maximum.
 */
export const zPageQuery = {
  limit: z.coerce
    .number({ error: 'Số dòng mỗi trang phải là một số' })
    .int({ error: 'Số dòng mỗi trang phải là số nguyên' })
    .min(1, { error: `Số dòng mỗi trang từ 1 đến ${PageLimits.max}` })
    .max(PageLimits.max, { error: `Số dòng mỗi trang từ 1 đến ${PageLimits.max}` })
    .default(PageLimits.default),
  offset: z.coerce
    .number({ error: 'Vị trí bắt đầu phải là một số' })
    .int({ error: 'Vị trí bắt đầu phải là số nguyên' })
    .min(0, { error: 'Vị trí bắt đầu không được âm' })
    .max(INT4_MAX, { error: 'Vị trí bắt đầu quá lớn' })
    .default(0),
};

/** Which rows of a paged list were asked for. */
export type TPageRequest = { limit: number; offset: number };

/** How many rows the list holds in all (what the caller may see), and which part this answer is. */
export const ZPagination = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type TPagination = z.infer<typeof ZPagination>;

/** The `{ data: [...], pagination }` answer of a paged list. */
export const pageOf = <T extends z.ZodType>(schema: T) =>
  z.object({ data: z.array(schema), pagination: ZPagination });

/** A page of rows with its pagination, as the web app reads it. */
export type TPage<T> = { data: T[]; pagination: TPagination };

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
