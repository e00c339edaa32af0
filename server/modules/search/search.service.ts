import { foldTokens } from '@core/domain/text';
import type { TSearchHit } from '@core/schemas/search.schemas';
import type { Database } from '../../db/client';
import type { RequestContext } from '../../http/request-context';
import { readableLocalityIds } from '../auth/scope';
import { searchPlanItems } from './search.repository';

const MAX_HITS = 50;

export const createSearchService = ({ db }: { db: Database }) => {
  /**
   * Accent-insensitive search across plans, indicators and tasks: "ho so truc tuyen" finds
   * "Hồ sơ thủ tục hành chính xử lý trực tuyến".
   *
   * @param context - whose scope limits the hits
   * @param query - what the user typed
   * @returns up to 50 hits in the actor's scope, best first; none for an empty query
   */
  const search = async (context: RequestContext, query: string): Promise<TSearchHit[]> => {
    if (foldTokens(query).length === 0) return [];
    const localityIds = await readableLocalityIds(db, context.actor);
    if (localityIds?.length === 0) return [];
    const rows = await searchPlanItems(db, query, MAX_HITS, localityIds);
    return rows.map((row) => ({
      type: row.type,
      id: row.id,
      planId: row.planId,
      title: row.title,
      context: [row.planNumber, row.localityName].filter(Boolean).join(' – '),
    }));
  };

  return { search };
};

export type SearchService = ReturnType<typeof createSearchService>;
