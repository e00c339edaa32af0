import { z } from 'zod';
import { TextLimits } from '../validations';
import {
  INT4_MAX,
  refuseEmptyPatch,
  zId,
  zIsoDate,
  zPageQuery,
  zSearchText,
  zString,
  zText,
} from './common.schemas';

export const ROLE_NAMES = [
  'system_admin',
  'locality_admin',
  'leader',
  'standing_officer',
  'unit_officer',
  'inspector',
] as const;
export type TRole = (typeof ROLE_NAMES)[number];

export const ZRoleAssignment = z.object({
  id: z.uuid(),
  role: z.enum(ROLE_NAMES),
  localityId: z.uuid(),
  localityName: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
});
export type TRoleAssignment = z.infer<typeof ZRoleAssignment>;

export const ZUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  isDisabled: z.boolean(),
  isDemo: z.boolean(),
  roles: z.array(ZRoleAssignment),
});
export type TUser = z.infer<typeof ZUser>;

export const ZMe = z.object({
  user: ZUser,
  /** Send back in the X-CSRF-Token header on every write. */
  csrfToken: z.string(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLoginRequest = z.object({
  username: zText('Tên đăng nhập', TextLimits.short),
  password: zString('Mật khẩu')
    .min(1, { error: 'Mật khẩu không được để trống' })
    .max(200, { error: 'Mật khẩu dài quá 200 ký tự' }),
});

export const ZChangePasswordRequest = z.object({
  currentPassword: zString('Mật khẩu hiện tại').max(200, { error: 'Mật khẩu hiện tại dài quá 200 ký tự' }),
  newPassword: zString('Mật khẩu mới').max(200, { error: 'Mật khẩu mới dài quá 200 ký tự' }),
});

const zUsername = zString('Tên đăng nhập')
  .transform((value) => value.normalize('NFC').trim().toLowerCase())
  .pipe(
    z.string().regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
      error: 'Tên đăng nhập gồm 3–50 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
    }),
  );

export const ZCreateUserRequest = z.object({
  username: zUsername,
  displayName: zText('Họ và tên', TextLimits.short),
  /** A first password; the user must change it at the first sign-in. */
  password: zString('Mật khẩu').max(200, { error: 'Mật khẩu dài quá 200 ký tự' }),
  roles: z
    .array(
      z.object({
        role: z.enum(ROLE_NAMES, { error: 'Vai trò không hợp lệ' }),
        localityId: zId('Địa phương của vai trò'),
        unitId: zId('Đơn vị của vai trò').nullish(),
      }),
    )
    .min(1, { error: 'Người dùng cần ít nhất một vai trò' })
    .max(20),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({
    displayName: zText('Họ và tên', TextLimits.short),
    isDisabled: z.boolean({ error: 'Khóa tài khoản phải là true hoặc false' }),
  })
  .partial()
  .superRefine(refuseEmptyPatch);
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZAddRoleRequest = z.object({
  role: z.enum(ROLE_NAMES, { error: 'Vai trò không hợp lệ' }),
  localityId: zId('Địa phương của vai trò'),
  unitId: zId('Đơn vị của vai trò').nullish(),
});
export type TAddRoleRequest = z.infer<typeof ZAddRoleRequest>;

export const ZResetPasswordRequest = z.object({
  password: zString('Mật khẩu').max(200, { error: 'Mật khẩu dài quá 200 ký tự' }),
});

/** GET /users: the accounts the caller manages, a page at a time, found by name, user name or e-mail (without diacritics). */
export const ZListUsersQuery = z.object({
  q: zSearchText(),
  localityId: zId('Địa phương').optional(),
  ...zPageQuery,
});
export type TListUsersQuery = z.infer<typeof ZListUsersQuery>;

export const ZAuditEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  /** Where the change came from: shown to administrators of the event's locality only, omitted otherwise. */
  ip: z.string().nullable().optional(),
  userAgent: z.string().nullable().optional(),
  entityType: z.string(),
  entityId: z.uuid(),
  parentEntityId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  localityId: z.uuid().nullable(),
  action: z.enum(['create', 'update', 'delete']),
  before: z.unknown(),
  after: z.unknown(),
  /** A readable name of what changed, e.g. "Tỷ lệ phủ sóng 5G trên địa bàn – mục tiêu năm 2026". */
  entityLabel: z.string().nullable(),
  /** The unit the actor works in (from their role), to say "Chị Lan (Phòng VH-XH)"; null when none. */
  actorUnitName: z.string().nullable().optional(),
  /**
   * Names of what the change concerns, looked up when the trail is read, so the sentence names things
   * instead of ids: the unit of a unit report, the period of a report, the indicator of a target, the
   * person of a role, the plan.
   */
  subject: z
    .object({
      unit: z.string().optional(),
      period: z.string().optional(),
      parent: z.string().optional(),
      plan: z.string().optional(),
    })
    .optional(),
});
export const AUDIT_ACTIONS = ZAuditEvent.shape.action.options;
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const AUDIT_ENTITY_TYPES = [
  'locality',
  'unit',
  'plan',
  'indicator',
  'indicator_target',
  'task',
  'user',
  'role_assignment',
  'reporting_period',
  'unit_report',
  'attachment',
  'consolidated_report',
  'reminder',
  'report_publication',
  'submission_package',
  'api_key',
  /** A commune instance's public key registered (or revoked) at the province's instance. */
  'signing_key',
  /** Signing in (or failing to: by user name, never the password) and signing out. */
  'sign_in',
] as const;

export const ZListAuditEventsQuery = z.object({
  actorUserId: zId('Người thực hiện').optional(),
  entityType: z.enum(AUDIT_ENTITY_TYPES, { error: 'Loại đối tượng không hợp lệ' }).optional(),
  /** An entity and everything that belongs to it (an indicator and its targets). */
  entityId: zId('Đối tượng').optional(),
  planId: zId('Kế hoạch').optional(),
  from: zIsoDate('Từ ngày').optional(),
  to: zIsoDate('Đến ngày').optional(),
  limit: z.coerce
    .number({ error: 'Số dòng phải là một số' })
    .int({ error: 'Số dòng phải là số nguyên' })
    .min(1, { error: 'Số dòng từ 1 đến 500' })
    .max(500, { error: 'Số dòng từ 1 đến 500' })
    .default(100),
  offset: z.coerce
    .number({ error: 'Vị trí phải là một số' })
    .int({ error: 'Vị trí phải là số nguyên' })
    .min(0, { error: 'Vị trí không được âm' })
    .max(INT4_MAX, { error: 'Vị trí quá lớn' })
    .default(0),
});
export type TListAuditEventsQuery = z.infer<typeof ZListAuditEventsQuery>;
