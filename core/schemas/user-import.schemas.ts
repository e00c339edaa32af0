/** Bulk import of users from a CSV or Excel list: the preview of the file, then the creation of all. */
import { z } from 'zod';
import { ROLE_NAMES } from './auth.schemas';

/** One user of the list as the preview read it (and as the creation request sends it back). */
export const ZUserImportRow = z.object({
  line: z.number().int().min(1).max(100_000),
  displayName: z.string().max(1000),
  username: z.string().max(1000),
  email: z.string().max(1000).nullable(),
  role: z.enum(ROLE_NAMES, { error: 'Vai trò không hợp lệ' }),
  localityCode: z.string().max(100),
  unitName: z.string().max(1000).nullable(),
});
export type TUserImportRow = z.infer<typeof ZUserImportRow>;

/** A row of the preview, with the names the server found for its locality and unit. */
export const ZUserImportPreviewRow = ZUserImportRow.extend({
  localityName: z.string().nullable(),
});

export const ZUserImportProblem = z.object({ line: z.number().int(), message: z.string() });

/** The preview: every row read, every problem found ("Dòng 4: …"); nothing is saved. */
export const ZUserImportPreview = z.object({
  fileName: z.string(),
  rows: z.array(ZUserImportPreviewRow),
  problems: z.array(ZUserImportProblem),
});
export type TUserImportPreview = z.infer<typeof ZUserImportPreview>;

export const ZUserImportRequest = z.object({
  rows: z
    .array(ZUserImportRow, { error: 'Danh sách người dùng không hợp lệ' })
    .min(1, { error: 'Danh sách chưa có người dùng nào' })
    .max(500, { error: 'Mỗi lần tạo tối đa 500 người dùng' }),
});
export type TUserImportRequest = z.infer<typeof ZUserImportRequest>;

/** A user created by the import, with the first password: shown once, never stored in clear. */
export const ZImportedUser = z.object({
  id: z.uuid(),
  line: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_NAMES),
  localityName: z.string(),
  unitName: z.string().nullable(),
  password: z.string(),
});
export type TImportedUser = z.infer<typeof ZImportedUser>;
