import type { TCreatePlanRequest, TUpdatePlanRequest } from '@core/schemas/plan.schemas';
import type { Clock } from '../../clock';
import type { Database, Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestMeta } from '../../http/route';
import { recordAudit } from '../audit/audit.repository';
import { listIndicatorGroups, listIndicatorsByPlan } from '../indicator/indicator.repository';
import { findLocalityById } from '../locality/locality.repository';
import { listTaskGroups, listTasksByPlan } from '../task/task.repository';
import { listUnitsByLocality } from '../unit/unit.repository';
import { assertUnitsOfLocality } from '../unit/unit.service';
import type { PlanDetailData } from './plan.presenter';
import {
  deletePlan,
  findPlanById,
  findPlansByIds,
  insertPlan,
  listPlanReferences,
  listPlanSummaries,
  listReportingRegimes,
  type PlanRow,
  type PlanSummaryRow,
  replacePlanReferences,
  replaceReportingRegimes,
  updatePlan,
} from './plan.repository';

type PlanServiceDeps = { db: Database; clock: Clock };

/** Loads everything the plan page shows, in one consistent read. */
export const loadPlanDetail = async (executor: Executor, id: string): Promise<PlanDetailData | undefined> => {
  const [summary] = await listPlanSummaries(executor, { id });
  if (!summary) return undefined;
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
  };
};

export const createPlanService = ({ db, clock }: PlanServiceDeps) => {
  const assertReferencedPlans = async (
    executor: Executor,
    references: TCreatePlanRequest['references'] | undefined,
  ) => {
    const ids = (references ?? [])
      .map((reference) => reference.referencedPlanId)
      .filter((id): id is string => id != null);
    const found = new Set((await findPlansByIds(executor, ids)).map((row) => row.id));
    const missing = ids.findIndex((id) => !found.has(id));
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

  const detailOrThrow = async (executor: Executor, id: string): Promise<PlanDetailData> => {
    const detail = await loadPlanDetail(executor, id);
    if (!detail) throw new AppError('PLAN_NOT_FOUND');
    return detail;
  };

  /** Lists plans, filtered accent-insensitively by number, issuer or title. */
  const list = (filter: { query?: string; localityId?: string }): Promise<PlanSummaryRow[]> =>
    listPlanSummaries(db, filter);

  /** @throws AppError PLAN_NOT_FOUND */
  const get = (id: string): Promise<PlanDetailData> => detailOrThrow(db, id);

  /**
   * Creates a plan with its references and reporting regime.
   *
   * @throws AppError UNKNOWN_LOCALITY, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_PLAN_REFERENCE
   */
  const create = (meta: RequestMeta, input: TCreatePlanRequest): Promise<PlanDetailData> =>
    db.transaction(async (tx) => {
      if (!(await findLocalityById(tx, input.localityId))) {
        throw new AppError('UNKNOWN_LOCALITY', {
          details: [{ field: 'localityId', message: 'Địa phương không tồn tại' }],
        });
      }
      await assertUnitsOfLocality(tx, input.localityId, { standingAgencyUnitId: input.standingAgencyUnitId });
      await assertReferencedPlans(tx, input.references);
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
      await recordAudit(tx, meta, clock.now(), {
        entityType: 'plan',
        entityId: row.id,
        planId: row.id,
        localityId: row.localityId,
        action: 'create',
        after: { ...row, references: input.references, reporting: input.reporting },
      });
      return detailOrThrow(tx, row.id);
    });

  /** @throws AppError PLAN_NOT_FOUND, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY, UNKNOWN_PLAN_REFERENCE */
  const update = (meta: RequestMeta, id: string, input: TUpdatePlanRequest): Promise<PlanDetailData> =>
    db.transaction(async (tx) => {
      const before = await findPlanById(tx, id);
      if (!before) throw new AppError('PLAN_NOT_FOUND');
      await assertUnitsOfLocality(tx, before.localityId, {
        standingAgencyUnitId: input.standingAgencyUnitId,
      });
      await assertReferencedPlans(tx, input.references);
      const { references, reporting, ...fields } = input;
      const changes: Partial<PlanRow> = Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined),
      );
      const referencesBefore = await listPlanReferences(tx, id);
      const reportingBefore = await listReportingRegimes(tx, id);
      const after = await updatePlan(tx, before, changes, clock.now());
      await writeChildren(tx, id, { references, reporting });
      await recordAudit(tx, meta, clock.now(), {
        entityType: 'plan',
        entityId: id,
        planId: id,
        localityId: before.localityId,
        action: 'update',
        before: { ...before, references: referencesBefore, reporting: reportingBefore },
        after: { ...after, ...(references ? { references } : {}), ...(reporting ? { reporting } : {}) },
      });
      return detailOrThrow(tx, id);
    });

  /** Deletes a plan with its indicators, targets and tasks. @throws AppError PLAN_NOT_FOUND */
  const remove = (meta: RequestMeta, id: string): Promise<void> =>
    db.transaction(async (tx) => {
      const before = await findPlanById(tx, id);
      if (!before) throw new AppError('PLAN_NOT_FOUND');
      await deletePlan(tx, id);
      await recordAudit(tx, meta, clock.now(), {
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
