/**
 * Dated changes of the locality tree after the reform of 2025 (docs/locality-history.md): a rename, a
 * change of kind (xã → phường), a merger, a split. Localities are named by their official code; each
 * change takes effect on `effectiveDate` (the old state lasts until the day before). One schema for the
 * admin command (`npm run admin -- apply-change FILE.json`) and the API (POST /locality-changes).
 */
import { z } from 'zod';
import { TextLimits } from '../validations';
import { ROLE_NAMES } from './auth.schemas';
import { zIsoDate, zOptionalText, zText } from './common.schemas';

const zCode = (label = 'Mã địa phương') => zText(label, TextLimits.short);
const zKind = (label = 'Loại địa phương') => zText(label, TextLimits.short);

const base = {
  effectiveDate: zIsoDate('Ngày hiệu lực'),
  /** The decision applied (số nghị quyết, quyết định), kept with the change and in the audit trail. */
  decision: zOptionalText('Căn cứ (số nghị quyết, quyết định)', TextLimits.short),
};

/**
 * A locality a merger or split leads to: an existing one in force, or a new one (`create: true`, with its
 * name and kind). Said explicitly, so that a mistyped code never merges into an unintended locality.
 */
export const ZChangeTarget = z.object({
  code: zCode('Mã đơn vị sau thay đổi'),
  create: z.boolean({ error: 'Lập đơn vị mới (create) phải là true hoặc false' }).default(false),
  /** For a new locality: its name; for an existing one: a new name from the same date (optional). */
  name: zText('Tên đơn vị sau thay đổi', TextLimits.short).optional(),
  kind: zKind('Loại đơn vị sau thay đổi').optional(),
});
export type TChangeTarget = z.infer<typeof ZChangeTarget>;

export const ZLocalityChange = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('rename'), ...base, code: zCode(), name: zText('Tên mới', TextLimits.short) }),
    z.object({
      type: z.literal('change-kind'),
      ...base,
      code: zCode(),
      kind: zKind('Loại mới'),
      /** Usually the name changes with the kind ("Xã Hà Tu" → "Phường Hà Tu" keeps it; some do not). */
      name: zText('Tên mới', TextLimits.short).optional(),
    }),
    z.object({
      type: z.literal('merge'),
      ...base,
      from: z
        .array(zCode('Mã đơn vị được sáp nhập'), {
          error: 'Danh sách đơn vị được sáp nhập phải là một danh sách mã',
        })
        .min(1, { error: 'Sáp nhập cần ít nhất một đơn vị được sáp nhập' })
        .max(50, { error: 'Một lần sáp nhập tối đa 50 đơn vị' }),
      into: ZChangeTarget,
    }),
    z.object({
      type: z.literal('split'),
      ...base,
      code: zCode('Mã đơn vị được chia tách'),
      into: z
        .array(ZChangeTarget, { error: 'Các đơn vị sau chia tách phải là một danh sách' })
        .min(2, { error: 'Chia tách cần ít nhất hai đơn vị sau chia tách' })
        .max(20, { error: 'Một lần chia tách tối đa 20 đơn vị' }),
    }),
  ],
  { error: 'Loại thay đổi phải là rename, change-kind, merge hoặc split' },
);
export type TLocalityChange = z.infer<typeof ZLocalityChange>;

/** A list of changes applied together, all or nothing, in the order given. */
export const ZApplyLocalityChangesRequest = z.object({
  changes: z
    .array(ZLocalityChange, { error: 'Danh sách thay đổi (changes) phải là một danh sách' })
    .min(1, { error: 'Danh sách thay đổi đang trống' })
    .max(500, { error: 'Một lần tối đa 500 thay đổi' }),
});
export type TApplyLocalityChangesRequest = z.infer<typeof ZApplyLocalityChangesRequest>;

/** What one locality's end moves: its plans count under `to` from the date; its people keep their roles. */
export const ZChangeConsequence = z.object({
  from: z.object({ code: z.string(), name: z.string() }),
  to: z.object({ code: z.string(), name: z.string() }),
  /** Plans of the ended locality (any status): they stay its own and count in `to`'s row from the date. */
  plans: z.number().int(),
  /** Active plans among them (their tasks, indicators and reports go on under `to`). */
  activePlans: z.number().int(),
  /** People holding a role in the ended locality: their role is not moved (an administrator gives them one in `to`). */
  users: z.number().int(),
  /** Their roles, one per assignment (display name, login name, role): what to give them in `to`. */
  roles: z.array(z.object({ userName: z.string(), username: z.string(), role: z.enum(ROLE_NAMES) })),
});

export const ZAppliedChange = z.object({
  type: z.enum(['rename', 'change-kind', 'merge', 'split']),
  effectiveDate: z.string(),
  /** false: the same change was applied before (a re-run); nothing written. */
  applied: z.boolean(),
  /** One sentence in Vietnamese saying what was done. */
  summary: z.string(),
  consequences: z.array(ZChangeConsequence),
});
export type TAppliedChange = z.infer<typeof ZAppliedChange>;

export const ZApplyLocalityChangesResult = z.object({
  changes: z.array(ZAppliedChange),
  /** true: a preview (POST /locality-changes/preview); nothing was written. */
  preview: z.boolean(),
});
export type TApplyLocalityChangesResult = z.infer<typeof ZApplyLocalityChangesResult>;
