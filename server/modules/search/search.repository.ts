import { foldText } from '@core/domain/text';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { indicator, locality, plan, task } from '../../db/schema';
import { likeAllTokens } from '../../shared/text-search';

export type SearchRow = {
  type: 'plan' | 'indicator' | 'task';
  id: string;
  planId: string;
  title: string;
  planNumber: string | null;
  planTitle: string;
  localityName: string;
};

/**
 * Finds plans, indicators and tasks whose folded text contains every folded token of the query,
 * best trigram similarity first.
 */
export const searchPlanItems = async (
  executor: Executor,
  query: string,
  limit: number,
  localityIds: string[] | null,
): Promise<SearchRow[]> => {
  const inScope = localityIds ? inArray(plan.localityId, localityIds) : undefined;
  const folded = foldText(query);
  const planColumns = { planNumber: plan.number, planTitle: plan.title, localityName: locality.name };
  /** The plan's indicators or tasks that match, with their plan and locality. */
  const itemsMatching = (item: typeof indicator | typeof task) =>
    executor
      .select({
        id: item.id,
        planId: item.planId,
        title: item.name,
        ...planColumns,
        score: sql<number>`similarity(${item.searchText}, ${folded})`,
      })
      .from(item)
      .innerJoin(plan, eq(plan.id, item.planId))
      .innerJoin(locality, eq(locality.id, plan.localityId))
      .where(and(likeAllTokens(item.searchText, query), inScope))
      .orderBy(desc(sql`similarity(${item.searchText}, ${folded})`))
      .limit(limit);
  const [plans, indicators, tasks] = await Promise.all([
    executor
      .select({
        id: plan.id,
        planId: plan.id,
        title: plan.title,
        ...planColumns,
        score: sql<number>`similarity(${plan.searchText}, ${folded})`,
      })
      .from(plan)
      .innerJoin(locality, eq(locality.id, plan.localityId))
      .where(and(likeAllTokens(plan.searchText, query), inScope))
      .orderBy(desc(sql`similarity(${plan.searchText}, ${folded})`))
      .limit(limit),
    itemsMatching(indicator),
    itemsMatching(task),
  ]);
  const tag = <T extends { score: number }>(type: SearchRow['type'], rows: T[]) =>
    rows.map((row) => ({ ...row, type }));
  return [...tag('plan', plans), ...tag('indicator', indicators), ...tag('task', tasks)]
    .sort((a, b) => Number(b.score) - Number(a.score))
    .slice(0, limit)
    .map(({ score: _score, ...row }) => row);
};
