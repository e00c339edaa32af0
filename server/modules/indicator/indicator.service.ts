import type {
  TCreateIndicatorRequest,
  TPutTargetRequest,
  TUpdateIndicatorRequest,
} from '@core/schemas/indicator.schemas';
import type { Clock } from '../../clock';
import type { Database } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import type { IndicatorRow, IndicatorWithChildren } from '../../shared/plan-contents';
import type { CatalogService } from '../catalog/catalog.service';
import {
  assertItemUnits,
  assertMayChangeLead,
  createLedItemSteps,
  loadPlanForItems,
  namedChanges,
} from '../plan/led-items';
import {
  deleteIndicator,
  deleteTarget,
  findIndicatorById,
  findOrCreateIndicatorGroup,
  findTarget,
  indicatorHasReportedData,
  insertIndicator,
  insertTargets,
  loadIndicator,
  nextIndicatorPosition,
  replaceIndicatorUnits,
  updateIndicator,
  upsertTarget,
} from './indicator.repository';

type IndicatorServiceDeps = { db: Database; clock: Clock; catalog: Pick<CatalogService, 'has'> };

export type EditableIndicator = IndicatorWithChildren & { canEdit: boolean };

export const createIndicatorService = ({ db, clock, catalog }: IndicatorServiceDeps) => {
  const assertCatalogCode = (code: string | null | undefined) => {
    if (code && !catalog.has(code)) {
      throw new AppError('UNKNOWN_CATALOG_CODE', {
        details: [{ field: 'catalogCode', message: `Mã "${code}" không có trong danh mục chỉ tiêu chuẩn` }],
      });
    }
  };

  const { loadInScope, reload, record, removeUnreported } = createLedItemSteps({
    clock,
    kind: 'indicator',
    find: findIndicatorById,
    load: loadIndicator,
  });

  /**
   * Adds an indicator (with its yearly targets) at the end of the plan.
   *
   * @throws AppError PLAN_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_CATALOG_CODE
   */
  const create = (
    context: RequestContext,
    planId: string,
    input: TCreateIndicatorRequest,
  ): Promise<EditableIndicator> =>
    db.transaction(async (tx) => {
      const { plan, chain } = await loadPlanForItems(tx, context.actor, planId, input);
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
      const created = await reload(tx, context.actor, chain, row.id);
      await record(tx, context, plan, {
        entityType: 'indicator',
        entityId: row.id,
        action: 'create',
        after: created,
      });
      return created;
    });

  /** @throws AppError INDICATOR_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_CATALOG_CODE */
  const update = (
    context: RequestContext,
    id: string,
    input: TUpdateIndicatorRequest,
  ): Promise<EditableIndicator> =>
    db.transaction(async (tx) => {
      const { plan, chain, item: indicator } = await loadInScope(tx, context.actor, id, 'led');
      assertMayChangeLead(context.actor, chain, indicator.leadUnitId, input.leadUnitId);
      const before = (await loadIndicator(tx, id))!;
      await assertItemUnits(tx, plan.localityId, input);
      assertCatalogCode(input.catalogCode);
      const { groupName, coordinatingUnitIds, ...fields } = input;
      const changes = namedChanges<IndicatorRow>(fields);
      if (groupName !== undefined) {
        changes.groupId = groupName ? (await findOrCreateIndicatorGroup(tx, plan.id, groupName)).id : null;
      }
      await updateIndicator(tx, indicator, changes, clock.now());
      if (coordinatingUnitIds !== undefined) await replaceIndicatorUnits(tx, id, coordinatingUnitIds);
      const after = await reload(tx, context.actor, chain, id);
      await record(tx, context, plan, {
        entityType: 'indicator',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });

  /**
   * Deletes an indicator that no unit has reported on: reported figures are never dropped with it.
   *
   * @throws AppError INDICATOR_NOT_FOUND, FORBIDDEN (only plan editors delete), INDICATOR_HAS_REPORTS
   */
  const remove = (context: RequestContext, id: string): Promise<void> =>
    db.transaction((tx) =>
      removeUnreported(tx, context, id, {
        hasReportedData: indicatorHasReportedData,
        remove: deleteIndicator,
      }),
    );

  /**
   * Sets the target of one year (creates or replaces it).
   *
   * @returns the whole indicator, so a client can redraw its row
   * @throws AppError INDICATOR_NOT_FOUND, FORBIDDEN
   */
  const putTarget = (
    context: RequestContext,
    id: string,
    year: number,
    input: TPutTargetRequest,
  ): Promise<EditableIndicator> =>
    db.transaction(async (tx) => {
      const { plan, chain } = await loadInScope(tx, context.actor, id, 'led');
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
      await record(tx, context, plan, {
        entityType: 'indicator_target',
        entityId: after.id,
        parentEntityId: id,
        action: before ? 'update' : 'create',
        before: before ?? null,
        after,
      });
      return reload(tx, context.actor, chain, id);
    });

  /** @throws AppError INDICATOR_NOT_FOUND, TARGET_NOT_FOUND */
  const removeTarget = (context: RequestContext, id: string, year: number): Promise<void> =>
    db.transaction(async (tx) => {
      const { plan } = await loadInScope(tx, context.actor, id, 'led');
      const before = await findTarget(tx, id, year);
      if (!before) throw new AppError('TARGET_NOT_FOUND');
      await deleteTarget(tx, id, year);
      await record(tx, context, plan, {
        entityType: 'indicator_target',
        entityId: before.id,
        parentEntityId: id,
        action: 'delete',
        before,
      });
    });

  return { create, update, remove, putTarget, removeTarget };
};

export type IndicatorService = ReturnType<typeof createIndicatorService>;
