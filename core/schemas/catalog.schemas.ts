import { z } from 'zod';

export const ZCatalogIndicator = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.enum(['increase', 'decrease']),
  measure: z.enum(['cumulative', 'period']),
  levels: z.array(z.string()),
  aliases: z.array(z.string()),
  nationalTargets: z.array(
    z.object({
      year: z.number(),
      raw: z.string().nullish(),
      op: z.string(),
      value: z.union([z.number(), z.array(z.number())]).nullable(),
      source: z.string().nullish(),
    }),
  ),
  sources: z.array(z.string()),
});
export type TCatalogIndicator = z.infer<typeof ZCatalogIndicator>;
