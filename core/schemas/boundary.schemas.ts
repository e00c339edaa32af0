/**
 * The boundaries the overview map draws: TopoJSON of the 34 provinces, and of one province's communes,
 * wards and special zones (server/modules/boundary/topojson, see its README for source and licence).
 * Each feature's properties are `code` (the register's official code) and `name`.
 */
import { z } from 'zod';

/** A province's official code: two digits ("19"). */
export const ZBoundaryProvinceParams = z.object({
  code: z.string().regex(/^\d{2}$/, { error: 'Mã tỉnh, thành phố gồm đúng 2 chữ số (ví dụ 19)' }),
});

/** A TopoJSON topology (https://github.com/topojson/topojson-specification), quantized. */
export const ZTopology = z.object({
  type: z.literal('Topology'),
  transform: z.object({
    scale: z.tuple([z.number(), z.number()]),
    translate: z.tuple([z.number(), z.number()]),
  }),
  arcs: z.array(z.array(z.array(z.number()))),
  /** `provinces` in the provinces file, `communes` in a province's file. */
  objects: z.record(z.string(), z.object({ type: z.string() }).loose()),
});
