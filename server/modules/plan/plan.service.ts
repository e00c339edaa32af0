import type { TPageRequest } from '@core/schemas/common.schemas';
import type { TCreatePlanRequest, TUpdatePlanRequest } from '@core/schemas/plan.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordAudit } from '../../shared/audit-log';
import { findLocalityById, findLocalityChain } from '../../shared/localities';
import {
  findPlanById,
  listIndicatorGroups,
  listIndicatorsByPlan,
  listTaskGroups,
  listTasksByPlan,
  type PlanRow,
} from '../../shared/plan-contents';
import { listUnitsByLocality } from '../../shared/units';
import type { Actor } from '../auth/access';
import { readableLocalityIds } from '../auth/scope';
import { canEditUnits } from '../unit/unit.policy';
import { assertUnitsOfLocality } from '../unit/unit.service';
import { canEditLedItem, canEditPlan, canReadPlan } from './plan.policy';
import type { PlanDetailData } from './plan.presenter';
import {
  countPlans,
  deletePlan,
  findPlansByIds,
  insertPlan,
  isPlanNumberTaken,
  listPlanReferences,
  listPlanSummaries,
  listReportingRegimes,
  type PlanSummaryRow,
  planHasReports,
  replacePlanReferences,
  replaceReportingRegimes,
  updatePlan,
} from './plan.repository';

type PlanServiceDeps = { db: Database; clock: Clock };

/**
 * Loads a plan with the locality chain its policies need.
 *
 * @param access - `read` answers 404 outside the actor's scope; `edit` answers 403 where the plan may only be read
 * @throws AppError `notFound`, FORBIDDEN
 */
export const loadPlanInScope = async (
  executor: Executor,
  actor: Actor,
  planId: string,
  access: 'read' | 'edit',
  notFound:
    | 'PLAN_NOT_FOUND'
    | 'INDICATOR_NOT_FOUND'
    | 'TASK_NOT_FOUND'
    | 'PERIOD_NOT_FOUND' = 'PLAN_NOT_FOUND',
): Promise<{ plan: PlanRow; chain: string[] }> => {
  const plan = await findPlanById(executor, planId);
  if (!plan) throw new AppError(notFound);
  const chain = await findLocalityChain(executor, plan.localityId);
  if (!canReadPlan(actor, chain)) throw new AppError(notFound);
  if (access === 'edit' && !canEditPlan(actor, chain)) throw new AppError('FORBIDDEN');
  return { plan, chain };
};

/** Loads everything the plan page shows, with what the actor may change. */
export const loadPlanDetail = async (
  executor: Executor,
  actor: Actor,
  id: string,
): Promise<PlanDetailData | undefined> => {
  const [summary] = await listPlanSummaries(executor, { id });
  if (!summary) return undefined;
  const chain = await findLocalityChain(executor, summary.localityId);
  const locality = (await findLocalityById(executor, summary.localityId))!;
  // Sequential on purpose: inside a transaction there is one connection, and pg refuses overlapping queries on it.
  const units = await listUnitsByLocality(executor, summary.localityId);
  const references = await listPlanReferences(executor, id);
  const reporting = await listReportingRegimes(executor, id);
  const indicatorGroups = await listIndicatorGroups(executor, id);
  const taskGroups = await listTaskGroups(executor, id);
  const indicators = await listIndicatorsByPlan(executor, id);
  const tasks = await listTasksByPlan(executor, id);
  return {
    plan: summary,
    locality,
    units,
    references,
    reporting,
    indicatorGroups,
    taskGroups,
    indicators,
    tasks,
    can: {
      edit: canEditPlan(actor, chain),
      editUnits: canEditUnits(actor, chain),
      editLedBy: (leadUnitId) => canEditLedItem(actor, chain, leadUnitId),
    },
  };
};

export const createPlanService = ({ db, clock }: PlanServiceDeps) => {
  const assertReferencedPlans = async (
    executor: Executor,
    actor: Actor,
    references: TCreatePlanRequest['references'] | undefined,
  ) => {
    const ids = (references ?? [])
      .map((reference) => reference.referencedPlanId)
      .filter((id): id is string => id != null);
    const found = await findPlansByIds(executor, ids);
    const readable = new Set<string>();
    for (const row of found) {
      if (canReadPlan(actor, await findLocalityChain(executor, row.localityId))) readable.add(row.id);
    }
    const missing = ids.findIndex((id) => !readable.has(id));
    if (missing >= 0) {
      throw new AppError('UNKNOWN_PLAN_REFERENCE', {
        details: [
          {
            field: `references.${missing}.referencedPlanId`,
            message: 'Kế hoạch được liên kết không tồn tại',
          },
        ],
      });
    }
  };

  const writeChildren = async (
    executor: Executor,
    planId: string,
    input: Pick<TUpdatePlanRequest, 'references' | 'reporting'>,
  ) => {
    if (input.references) {
      await replacePlanReferences(
        executor,
        planId,
        input.references.map((reference) => ({
          kind: reference.kind,
          number: reference.number,
          date: reference.date ?? null,
          issuer: reference.issuer,
          referencedPlanId: reference.referencedPlanId ?? null,
        })),
      );
    }
    if (input.reporting) {
      await replaceReportingRegimes(
        executor,
        planId,
        input.reporting.map((regime) => ({
          frequency: regime.frequency,
          due: regime.due ?? null,
          receiver: regime.receiver,
        })),
      );
    }
  };

  const detailOrThrow = async (executor: Executor, actor: Actor, id: string): Promise<PlanDetailData> => {
    const detail = await loadPlanDetail(executor, actor, id);
    if (!detail) throw new AppError('PLAN_NOT_FOUND');
    return detail;
  };

  /** @throws AppError PLAN_NUMBER_TAKEN when another plan of the locality carries `number` */
  const assertNumberFree = async (
    executor: Executor,
    localityId: string,
    number: string | null,
    exceptPlanId: string | null,
  ) => {
    if (number && (await isPlanNumberTaken(executor, localityId, number, exceptPlanId)))
      throw new AppError('PLAN_NUMBER_TAKEN', {
        details: [{ field: 'number', message: `Địa phương đã có kế hoạch số ${number}` }],
      });
  };

  /**
   * One page of the plans in the actor's scope, filtered accent-insensitively by number, issuer or
   * title; `total` counts only the plans the actor may see.
   */
  const list = async (
    context: RequestContext,
    filter: { query?: string; localityId?: string },
    page: TPageRequest,
  ): Promise<{ rows: PlanSummaryRow[]; total: number }> => {
    const readable = await readableLocalityIds(db, context.actor);
    const scoped = { ...filter, ...(readable ? { localityIds: readable } : {}) };
    const rows = await listPlanSummaries(db, scoped, page);
    // A page that is not full (and not past the end) gives the total: no second statement to count.
    if (rows.length > 0 ? rows.length < page.limit : page.offset === 0) {
      return { rows, total: page.offset + rows.length };
    }
    return { rows, total: await countPlans(db, scoped) };
  };

  /** @throws AppError PLAN_NOT_FOUND, also outside the actor's scope */
  const get = async (context: RequestContext, id: string): Promise<PlanDetailData> => {
    await loadPlanInScope(db, context.actor, id, 'read');
    return detailOrThrow(db, context.actor, id);
  };

  /**
   * Creates a plan with its references and reporting regime.
   *
   * @throws AppError UNKNOWN_LOCALITY (also outside scope), FORBIDDEN, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY,
   *   UNKNOWN_PLAN_REFERENCE
   */
  const create = (context: RequestContext, input: TCreatePlanRequest): Promise<PlanDetailData> =>
    db.transaction(async (tx) => {
      const chain = await findLocalityChain(tx, input.localityId);
      if (chain.length === 0 || !canReadPlan(context.actor, chain)) {
        // Said once: the default message and the field's detail would each say "không tồn tại".
        throw new AppError('UNKNOWN_LOCALITY', {
          message: 'Địa phương được chọn không tồn tại hoặc nằm ngoài phạm vi của bạn.',
          details: [{ field: 'localityId', message: 'Địa phương không tồn tại hoặc ngoài phạm vi của bạn' }],
        });
      }
      if (!canEditPlan(context.actor, chain)) throw new AppError('FORBIDDEN');
      await assertUnitsOfLocality(tx, input.localityId, { standingAgencyUnitId: input.standingAgencyUnitId });
      await assertReferencedPlans(tx, context.actor, input.references);
      await assertNumberFree(tx, input.localityId, input.number ?? null, null);
      const row = await insertPlan(tx, {
        localityId: input.localityId,
        issuerKind: input.issuerKind,
        issuer: input.issuer,
        number: input.number,
        issuedDate: input.issuedDate ?? null,
        title: input.title,
        signerName: input.signerName,
        signerPosition: input.signerPosition,
        status: input.status,
        standingAgencyUnitId: input.standingAgencyUnitId ?? null,
      });
      await writeChildren(tx, row.id, input);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'plan',
        entityId: row.id,
        planId: row.id,
        localityId: row.localityId,
        action: 'create',
        after: { ...row, references: input.references, reporting: input.reporting },
      });
      return detailOrThrow(tx, context.actor, row.id);
    });

  /** @throws AppError PLAN_NOT_FOUND, FORBIDDEN, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_PLAN_REFERENCE */
  const update = (context: RequestContext, id: string, input: TUpdatePlanRequest): Promise<PlanDetailData> =>
    db.transaction(async (tx) => {
      const { plan: before } = await loadPlanInScope(tx, context.actor, id, 'edit');
      await assertUnitsOfLocality(tx, before.localityId, {
        standingAgencyUnitId: input.standingAgencyUnitId,
      });
      await assertReferencedPlans(tx, context.actor, input.references);
      if (input.number !== undefined) await assertNumberFree(tx, before.localityId, input.number, id);
      const { references, reporting, ...fields } = input;
      const changes: Partial<PlanRow> = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
      const referencesBefore = await listPlanReferences(tx, id);
      const reportingBefore = await listReportingRegimes(tx, id);
      const after = await updatePlan(tx, before, changes, clock.now());
      await writeChildren(tx, id, { references, reporting });
      await recordAudit(tx, context, clock.now(), {
        entityType: 'plan',
        entityId: id,
        planId: id,
        localityId: before.localityId,
        action: 'update',
        before: { ...before, references: referencesBefore, reporting: reportingBefore },
        after: { ...after, ...(references ? { references } : {}), ...(reporting ? { reporting } : {}) },
      });
      return detailOrThrow(tx, context.actor, id);
    });

  /**
   * Deletes a plan with its indicators, targets and tasks, as long as no unit has reported on it (a plan
   * that is over is closed instead, which keeps its reports).
   *
   * @throws AppError PLAN_NOT_FOUND, FORBIDDEN, PLAN_HAS_REPORTS
   */
  const remove = (context: RequestContext, id: string): Promise<void> =>
    db.transaction(async (tx) => {
      const { plan: before } = await loadPlanInScope(tx, context.actor, id, 'edit');
      if (await planHasReports(tx, id)) throw new AppError('PLAN_HAS_REPORTS');
      await deletePlan(tx, id);
      await recordAudit(tx, context, clock.now(), {
        entityType: 'plan',
        entityId: id,
        planId: id,
        localityId: before.localityId,
        action: 'delete',
        before,
      });
    });

  return { list, get, create, update, remove };
};

export type PlanService = ReturnType<typeof createPlanService>;
