import { foldTokens } from '@core/domain/text';
import type { TSearchHit } from '@core/schemas/search.schemas';
import type { Database } from '../../db/client';
import { searchPlanItems } from './search.repository';

const MAX_HITS = 50;

export const createSearchService = ({ db }: { db: Database }) => {
  /**
   * Accent-insensitive search across plans, indicators and tasks: "ho so truc tuyen" finds
   * "Hồ sơ thủ tục hành chính xử lý trực tuyến".
   *
   * @param query - what the user typed
   * @returns up to 50 hits, best first; none for an empty query
   */
  const search = async (query: string): Promise<TSearchHit[]> => {
    if (foldTokens(query).length === 0) return [];
    const rows = await searchPlanItems(db, query, MAX_HITS);
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
