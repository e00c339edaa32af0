import type {
  TCreateIndicatorRequest,
  TPutTargetRequest,
  TUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestMeta } from '../../http/route';
import { recordAudit } from '../audit/audit.repository';
import type { CatalogService } from '../catalog/catalog.service';
import { findPlanById, type PlanRow, touchPlan } from '../plan/plan.repository';
import { assertUnitsOfLocality } from '../unit/unit.service';
import {
  deleteIndicator,
  deleteTarget,
  findIndicatorById,
  findOrCreateIndicatorGroup,
  findTarget,
  type IndicatorRow,
  type IndicatorWithChildren,
  insertIndicator,
  insertTargets,
  loadIndicator,
  nextIndicatorPosition,
  replaceIndicatorUnits,
  updateIndicator,
  upsertTarget,
} from './indicator.repository';

type IndicatorServiceDeps = { db: Database; clock: Clock; catalog: Pick<CatalogService, 'has'> };

export const createIndicatorService = ({ db, clock, catalog }: IndicatorServiceDeps) => {
  const assertCatalogCode = (code: string | null | undefined) => {
    if (code && !catalog.has(code)) {
      throw new AppError('UNKNOWN_CATALOG_CODE', {
        details: [{ field: 'catalogCode', message: `Mã "${code}" không có trong danh mục chỉ tiêu chuẩn` }],
      });
    }
  };

  const loadPlanOf = async (
    executor: Executor,
    indicatorId: string,
  ): Promise<{ plan: PlanRow; indicator: IndicatorRow }> => {
    const row = await findIndicatorById(executor, indicatorId);
    if (!row) throw new AppError('INDICATOR_NOT_FOUND');
    const plan = await findPlanById(executor, row.planId);
    if (!plan) throw new AppError('INDICATOR_NOT_FOUND');
    return { plan, indicator: row };
  };

  const audit = (
    executor: Executor,
    meta: RequestMeta,
    plan: PlanRow,
    entry: Parameters<typeof recordAudit>[3],
  ) => recordAudit(executor, meta, clock.now(), { ...entry, planId: plan.id, localityId: plan.localityId });

  /**
   * Adds an indicator (with its yearly targets) at the end of the plan.
   *
   * @throws AppError PLAN_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_CATALOG_CODE
   */
  const create = (
    meta: RequestMeta,
    planId: string,
    input: TCreateIndicatorRequest,
  ): Promise<IndicatorWithChildren> =>
    db.transaction(async (tx) => {
      const plan = await findPlanById(tx, planId);
      if (!plan) throw new AppError('PLAN_NOT_FOUND');
      await assertUnitsOfLocality(tx, plan.localityId, {
        leadUnitId: input.leadUnitId,
        coordinatingUnitIds: input.coordinatingUnitIds,
      });
      assertCatalogCode(input.catalogCode);
      const group = input.groupName ? await findOrCreateIndicatorGroup(tx, planId, input.groupName) : null;
      const row = await insertIndicator(tx, {
        planId,
        groupId: group?.id ?? null,
        position: await nextIndicatorPosition(tx, planId),
        code: input.code,
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        measure: input.measure,
        catalogCode: input.catalogCode,
        leadUnitId: input.leadUnitId ?? null,
        executor: input.executor,
        leader: input.leader,
        evidenceHint: input.evidenceHint,
        baselineYear: input.baselineYear ?? null,
      });
      await replaceIndicatorUnits(tx, row.id, input.coordinatingUnitIds);
      await insertTargets(
        tx,
        input.targets.map((target) => ({
          indicatorId: row.id,
          year: target.year,
          op: target.op,
          value: target.value,
          valueHigh: target.valueHigh,
          rawText: target.rawText,
          isBaseline: target.isBaseline,
        })),
      );
      const created = (await loadIndicator(tx, row.id))!;
      await touchPlan(tx, planId, clock.now());
      await audit(tx, meta, plan, {
        entityType: 'indicator',
        entityId: row.id,
        action: 'create',
        after: created,
      });
      return created;
    });

  /** @throws AppError INDICATOR_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_CATALOG_CODE */
  const update = (
    meta: RequestMeta,
    id: string,
    input: TUpdateIndicatorRequest,
  ): Promise<IndicatorWithChildren> =>
    db.transaction(async (tx) => {
      const { plan, indicator } = await loadPlanOf(tx, id);
      const before = (await loadIndicator(tx, id))!;
      await assertUnitsOfLocality(tx, plan.localityId, {
        leadUnitId: input.leadUnitId,
        coordinatingUnitIds: input.coordinatingUnitIds,
      });
      assertCatalogCode(input.catalogCode);
      const { groupName, coordinatingUnitIds, ...fields } = input;
      const changes: Partial<IndicatorRow> = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
      if (groupName !== undefined) {
        changes.groupId = groupName ? (await findOrCreateIndicatorGroup(tx, plan.id, groupName)).id : null;
      }
      await updateIndicator(tx, indicator, changes, clock.now());
      if (coordinatingUnitIds !== undefined) await replaceIndicatorUnits(tx, id, coordinatingUnitIds);
      const after = (await loadIndicator(tx, id))!;
      await touchPlan(tx, plan.id, clock.now());
      await audit(tx, meta, plan, { entityType: 'indicator', entityId: id, action: 'update', before, after });
      return after;
    });

  /** @throws AppError INDICATOR_NOT_FOUND */
  const remove = (meta: RequestMeta, id: string): Promise<void> =>
    db.transaction(async (tx) => {
      const { plan } = await loadPlanOf(tx, id);
      const before = await loadIndicator(tx, id);
      await deleteIndicator(tx, id);
      await touchPlan(tx, plan.id, clock.now());
      await audit(tx, meta, plan, { entityType: 'indicator', entityId: id, action: 'delete', before });
    });

  /**
   * Sets the target of one year (creates or replaces it).
   *
   * @returns the whole indicator, so a client can redraw its row
   * @throws AppError INDICATOR_NOT_FOUND
   */
  const putTarget = (
    meta: RequestMeta,
    id: string,
    year: number,
    input: TPutTargetRequest,
  ): Promise<IndicatorWithChildren> =>
    db.transaction(async (tx) => {
      const { plan } = await loadPlanOf(tx, id);
      const before = await findTarget(tx, id, year);
      const after = await upsertTarget(tx, {
        indicatorId: id,
        year,
        op: input.op,
        value: input.value,
        valueHigh: input.valueHigh,
        rawText: input.rawText,
        isBaseline: input.isBaseline,
        updatedAt: clock.now(),
      });
      await touchPlan(tx, plan.id, clock.now());
      await audit(tx, meta, plan, {
        entityType: 'indicator_target',
        entityId: after.id,
        action: before ? 'update' : 'create',
        before: before ?? null,
        after,
      });
      return (await loadIndicator(tx, id))!;
    });

  /** @throws AppError INDICATOR_NOT_FOUND, TARGET_NOT_FOUND */
  const removeTarget = (meta: RequestMeta, id: string, year: number): Promise<void> =>
    db.transaction(async (tx) => {
      const { plan } = await loadPlanOf(tx, id);
      const before = await findTarget(tx, id, year);
      if (!before) throw new AppError('TARGET_NOT_FOUND');
      await deleteTarget(tx, id, year);
      await touchPlan(tx, plan.id, clock.now());
      await audit(tx, meta, plan, {
        entityType: 'indicator_target',
        entityId: before.id,
        action: 'delete',
        before,
      });
    });

  return { create, update, remove, putTarget, removeTarget };
};

export type IndicatorService = ReturnType<typeof createIndicatorService>;
