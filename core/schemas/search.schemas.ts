import { z } from 'zod';

export const ZSearchHit = z.object({
  type: z.enum(['plan', 'indicator', 'task']),
  id: z.uuid(),
  planId: z.uuid(),
  /** The name of the indicator or task, or the plan's title. */
  title: z.string(),
  /** Where it sits: the plan's number and locality. */
  context: z.string(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;
