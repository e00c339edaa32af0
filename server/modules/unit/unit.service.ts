import type { TCreateUnitRequest, TUpdateUnitRequest } from '@core/schemas/locality.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityChain } from '../../shared/localities';
import { findUnitById, findUnitsByIds, listUnitsByLocality, type UnitRow } from '../../shared/units';
import { canEditUnits, canReadUnits } from './unit.policy';
import { countUnitUsage, deleteUnit, insertUnit, updateUnit } from './unit.repository';

type UnitServiceDeps = { db: Database; clock: Clock };

const rethrowDuplicateName = (error: unknown): never => {
  if (isUniqueViolation(error)) {
    throw new AppError('UNIT_NAME_TAKEN', {
      details: [{ field: 'name', message: 'Địa phương đã có đơn vị cùng tên' }],
      cause: error,
    });
  }
  throw error;
};

/**
 * Checks that every unit id exists and belongs to the locality; used wherever a plan names units.
 *
 * @param executor - database or transaction
 * @param localityId - the plan's locality
 * @param fields - the ids to check, by the request field that carries them
 * @throws AppError UNKNOWN_UNIT / UNIT_OF_OTHER_LOCALITY naming the field
 */
export const assertUnitsOfLocality = async (
  executor: Executor,
  localityId: string,
  fields: Record<string, string | null | undefined | string[]>,
): Promise<void> => {
  const ids = [
    ...new Set(Object.values(fields).flatMap((v) => (v == null ? [] : Array.isArray(v) ? v : [v]))),
  ];
  const found = new Map((await findUnitsByIds(executor, ids)).map((row) => [row.id, row]));
  for (const [field, value] of Object.entries(fields)) {
    for (const id of value == null ? [] : Array.isArray(value) ? value : [value]) {
      const row = found.get(id);
      if (!row) {
        throw new AppError('UNKNOWN_UNIT', {
          details: [{ field, message: 'Đơn vị được chọn không tồn tại (có thể đã bị xóa)' }],
        });
      }
      if (row.localityId !== localityId) {
        throw new AppError('UNIT_OF_OTHER_LOCALITY', {
          details: [{ field, message: `Đơn vị "${row.name}" thuộc địa phương khác` }],
        });
      }
    }
  }
};

export const createUnitService = ({ db, clock }: UnitServiceDeps) => {
  /**
   * Checks the actor's rights on a locality's units.
   *
   * @throws AppError `notFound` when the locality is missing or out of scope, FORBIDDEN when it may only be read
   */
  const assertAccess = async (
    executor: Executor,
    context: RequestContext,
    localityId: string,
    access: 'read' | 'edit',
    notFound: 'LOCALITY_NOT_FOUND' | 'UNIT_NOT_FOUND',
  ) => {
    const chain = await findLocalityChain(executor, localityId);
    if (chain.length === 0 || !canReadUnits(context.actor, chain)) throw new AppError(notFound);
    if (access === 'edit' && !canEditUnits(context.actor, chain)) throw new AppError('FORBIDDEN');
  };

  /** @throws AppError LOCALITY_NOT_FOUND */
  const listByLocality = async (context: RequestContext, localityId: string): Promise<UnitRow[]> => {
    await assertAccess(db, context, localityId, 'read', 'LOCALITY_NOT_FOUND');
    return listUnitsByLocality(db, localityId);
  };

  /** @throws AppError LOCALITY_NOT_FOUND, FORBIDDEN, UNIT_NAME_TAKEN */
  const create = (context: RequestContext, localityId: string, input: TCreateUnitRequest): Promise<UnitRow> =>
    db
      .transaction(async (tx) => {
        await assertAccess(tx, context, localityId, 'edit', 'LOCALITY_NOT_FOUND');
        const row = await insertUnit(tx, {
          localityId,
          name: input.name,
          kind: input.kind,
          isExternal: input.isExternal,
        });
        await recordAudit(tx, context, clock.now(), {
          entityType: 'unit',
          entityId: row.id,
          localityId,
          action: 'create',
          after: row,
        });
        return row;
      })
      .catch(rethrowDuplicateName);

  /** @throws AppError UNIT_NOT_FOUND, FORBIDDEN, UNIT_NAME_TAKEN */
  const update = (context: RequestContext, id: string, input: TUpdateUnitRequest): Promise<UnitRow> =>
    db
      .transaction(async (tx) => {
        const before = await findUnitById(tx, id);
        if (!before) throw new AppError('UNIT_NOT_FOUND');
        await assertAccess(tx, context, before.localityId, 'edit', 'UNIT_NOT_FOUND');
        const after = await updateUnit(tx, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.isExternal !== undefined ? { isExternal: input.isExternal } : {}),
        });
        await recordAudit(tx, context, clock.now(), {
          entityType: 'unit',
          entityId: id,
          localityId: before.localityId,
          action: 'update',
          before,
          after,
        });
        return after;
      })
      .catch(rethrowDuplicateName);

  /** @throws AppError UNIT_NOT_FOUND, FORBIDDEN, UNIT_IN_USE when plans or roles still name it */
  const remove = (context: RequestContext, id: string): Promise<void> =>
    db.transaction(async (tx) => {
      const before = await findUnitById(tx, id);
      if (!before) throw new AppError('UNIT_NOT_FOUND');
      await assertAccess(tx, context, before.localityId, 'edit', 'UNIT_NOT_FOUND');
      const usage = await countUnitUsage(tx, id);
      if (usage > 0) {
        throw new AppError('UNIT_IN_USE', {
          message: `Đơn vị "${before.name}" đang được nêu ở ${usage} chỉ tiêu, nhiệm vụ, kế hoạch hoặc vai trò người dùng nên không xóa được.`,
        });
      }
      await deleteUnit(tx, id);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'unit',
        entityId: id,
        localityId: before.localityId,
        action: 'delete',
        before,
      });
    });

  return { listByLocality, create, update, remove };
};

export type UnitService = ReturnType<typeof createUnitService>;
