import type { TCreateLocalityRequest } from '@core/schemas/locality.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestMeta } from '../../http/route';
import { recordAudit } from '../audit/audit.repository';
import { findLocalityById, insertLocality, type LocalityRow, listLocalities } from './locality.repository';

type LocalityServiceDeps = { db: Database; clock: Clock };

export const createLocalityService = ({ db, clock }: LocalityServiceDeps) => {
  /** Lists localities, optionally the children of one. */
  const list = (filter: { parentId?: string; level?: LocalityRow['level'] }) => listLocalities(db, filter);

  /**
   * @throws AppError LOCALITY_NOT_FOUND
   */
  const get = async (id: string): Promise<LocalityRow> => {
    const row = await findLocalityById(db, id);
    if (!row) throw new AppError('LOCALITY_NOT_FOUND');
    return row;
  };

  /**
   * Creates a locality under its parent.
   *
   * @throws AppError UNKNOWN_LOCALITY when the parent does not exist, LOCALITY_CODE_TAKEN on a duplicate code
   */
  const create = async (meta: RequestMeta, input: TCreateLocalityRequest): Promise<LocalityRow> =>
    db.transaction(async (tx) => {
      if (input.parentId && !(await findLocalityById(tx, input.parentId))) {
        throw new AppError('UNKNOWN_LOCALITY', {
          details: [{ field: 'parentId', message: 'Địa phương cấp trên không tồn tại' }],
        });
      }
      try {
        const row = await insertLocality(tx, {
          code: input.code,
          name: input.name,
          level: input.level,
          kind: input.kind,
          parentId: input.parentId ?? null,
          validFrom: input.validFrom ?? null,
        });
        await recordAudit(tx, meta, clock.now(), {
          entityType: 'locality',
          entityId: row.id,
          localityId: row.id,
          action: 'create',
          after: row,
        });
        return row;
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('LOCALITY_CODE_TAKEN', { cause: error });
        throw error;
      }
    });

  return { list, get, create };
};

export type LocalityService = ReturnType<typeof createLocalityService>;
