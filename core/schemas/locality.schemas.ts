import { z } from 'zod';
import { TextLimits } from '../validations';
import {
  refuseEmptyPatch,
  zId,
  zIsoDate,
  zOptionalText,
  zPageQuery,
  zSearchText,
  zString,
  zText,
} from './common.schemas';

export const LOCALITY_LEVELS = ['nation', 'province', 'commune'] as const;

export const ZLocality = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: z.enum(LOCALITY_LEVELS),
  /** tỉnh, thành phố, xã, phường, đặc khu */
  kind: z.string(),
  parentId: z.uuid().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** The English name of the national register ("Thanh Dong Ward"), when loaded from it. */
  nameEn: z.string().nullable(),
  /** The units merged into this one in the 2025 reform, as the national register prints them. */
  formedFrom: z.string().nullable(),
  /** Score thresholds of Xanh and Vàng (below Vàng: Đỏ); null: the defaults (80 / 50). */
  scoreGreen: z.number().nullable(),
  scoreYellow: z.number().nullable(),
});
export type TLocality = z.infer<typeof ZLocality>;

/** A locality this one was formed from, or one its land went to (docs/locality-history.md). */
export const ZLocalityLink = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  /** Whether the whole of the former locality went in, or only a part. */
  share: z.enum(['whole', 'part']),
  /** From when (1/7/2025 for the reform of 2025). */
  effectiveDate: z.string().nullable(),
});
export type TLocalityLink = z.infer<typeof ZLocalityLink>;

/** GET /localities/:id: the locality with its history. */
export const ZLocalityDetail = ZLocality.extend({
  /** The former localities merged into this one (Hình thành từ). */
  predecessors: z.array(ZLocalityLink),
  /** For a former locality: those its land went to. */
  successors: z.array(ZLocalityLink),
  /** The names it bore before a dated rename or change of kind (oldest first), each with its last day. */
  formerNames: z.array(z.object({ name: z.string(), kind: z.string(), validTo: z.string() })),
});
export type TLocalityDetail = z.infer<typeof ZLocalityDetail>;

export const ZCreateLocalityRequest = z.object({
  code: zText('Mã địa phương', TextLimits.short),
  name: zText('Tên địa phương', TextLimits.short),
  level: z.enum(LOCALITY_LEVELS, { error: 'Cấp địa phương phải là nation, province hoặc commune' }),
  kind: zText('Loại địa phương', TextLimits.short),
  parentId: zId('Địa phương cấp trên').nullish(),
  validFrom: zIsoDate('Ngày hiệu lực').nullish(),
});
export type TCreateLocalityRequest = z.infer<typeof ZCreateLocalityRequest>;

/** A score threshold (0–100), or null for the default. */
const zThreshold = (label: string) =>
  z
    .number({ error: `${label} phải là một số từ 0 đến 100` })
    .min(0, { error: `${label} phải là một số từ 0 đến 100` })
    .max(100, { error: `${label} phải là một số từ 0 đến 100` })
    .nullable();

/**
 * PATCH /localities/:id: the settings an administrator keeps — the English name and the score
 * thresholds. The name, code, kind and level are the register's facts: they change by a dated decision
 * (docs/locality-history.md), never by editing, so a request naming them is refused, not ignored.
 */
export const ZUpdateLocalityRequest = z
  .strictObject(
    {
      nameEn: zOptionalText('Tên tiếng Anh', TextLimits.short),
      scoreGreen: zThreshold('Ngưỡng xếp loại Xanh'),
      scoreYellow: zThreshold('Ngưỡng xếp loại Vàng'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? 'Chỉ sửa được tên tiếng Anh và ngưỡng xếp loại. Tên, mã, loại và cấp của địa phương thay đổi theo quyết định có ngày hiệu lực, không sửa trực tiếp.'
          : undefined,
    },
  )
  .partial()
  .superRefine(refuseEmptyPatch);
export type TUpdateLocalityRequest = z.infer<typeof ZUpdateLocalityRequest>;

/**
 * GET /localities: the localities the caller may see, a page at a time. `q` finds a locality by its name
 * (without diacritics, any case; its kind too: "phuong thanh dong") or by the start of its official code.
 */
export const ZListLocalitiesQuery = z.object({
  q: zSearchText(),
  parentId: zId('Địa phương cấp trên').optional(),
  level: z
    .enum(LOCALITY_LEVELS, { error: 'Cấp địa phương phải là nation, province hoặc commune' })
    .optional(),
  /** tỉnh, thành phố, xã, phường, đặc khu (as stored). */
  kind: zString('Loại địa phương')
    .max(TextLimits.short, { error: `Loại địa phương dài quá ${TextLimits.short} ký tự` })
    .transform((value) => value.normalize('NFC').trim())
    .optional(),
  /**
   * "Tính đến ngày": only the localities in force on that date (former communes before 1/7/2025);
   * default: today.
   */
  asOf: zIsoDate('Tính đến ngày').optional(),
  ...zPageQuery,
});
export type TListLocalitiesQuery = z.infer<typeof ZListLocalitiesQuery>;

export const ZUnit = z.object({
  id: z.uuid(),
  localityId: z.uuid(),
  name: z.string(),
  kind: z.string().nullable(),
  isExternal: z.boolean(),
});
export type TUnit = z.infer<typeof ZUnit>;

const unitFields = {
  name: zText('Tên đơn vị', TextLimits.short),
  kind: zOptionalText('Loại đơn vị', TextLimits.short),
  isExternal: z.boolean({ error: 'Đơn vị bên ngoài phải là true hoặc false' }),
};

// Defaults belong to creation only: an update that omits a field leaves it as it is.
export const ZCreateUnitRequest = z.object({
  ...unitFields,
  isExternal: unitFields.isExternal.default(false),
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z.object(unitFields).partial().superRefine(refuseEmptyPatch);
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;
