/**
 * What changing an indicator or a task of a plan shares (both are "led items": a lead unit reports on
 * them): loading one within the actor's rights, the rule that only a plan editor hands one to another
 * lead unit, the fields a change names, and the record of a change (the plan touched, an audit entry).
 */
import type { Clock } from '../../clock';
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import type { RequestContext } from '../../http/request-context';
import { recordPlanAudit } from '../../shared/audit-log';
import { type PlanRow, touchPlan } from '../../shared/plan-contents';
import type { Actor } from '../auth/access';
import { assertUnitsOfLocality } from '../unit/unit.service';
import { canEditLedItem, canEditPlan } from './plan.policy';
import { loadPlanInScope } from './plan.service';

type LedItem = { planId: string; leadUnitId: string | null };
type NotFound = 'INDICATOR_NOT_FOUND' | 'TASK_NOT_FOUND';

/**
 * Checks the actor's rights on an indicator or a task of a plan: 404 outside scope, 403 when it may
 * only be read. `led`: the officer of its lead unit or a plan editor; `plan`: a plan editor.
 */
export const loadLedItemInScope = async (
  executor: Executor,
  actor: Actor,
  item: LedItem,
  access: 'led' | 'plan',
  notFound: NotFound,
): Promise<{ plan: PlanRow; chain: string[] }> => {
  const { plan, chain } = await loadPlanInScope(executor, actor, item.planId, 'read', notFound);
  const allowed =
    access === 'plan' ? canEditPlan(actor, chain) : canEditLedItem(actor, chain, item.leadUnitId);
  if (!allowed) throw new AppError('FORBIDDEN');
  return { plan, chain };
};

/** The lead and coordinating units an indicator or task names. */
type ItemUnits = { leadUnitId?: string | null; coordinatingUnitIds?: string[] };

/**
 * Checks that the units an indicator or task names are agencies of the plan's locality.
 *
 * @throws AppError UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY
 */
export const assertItemUnits = (executor: Executor, localityId: string, units: ItemUnits): Promise<void> =>
  assertUnitsOfLocality(executor, localityId, {
    leadUnitId: units.leadUnitId,
    coordinatingUnitIds: units.coordinatingUnitIds,
  });

/**
 * The plan that indicators or tasks are added to or handed out in, which the actor must be able to edit,
 * with the units they are given checked to be agencies of the plan's locality.
 *
 * @throws AppError PLAN_NOT_FOUND, FORBIDDEN, UNKNOWN_UNIT, UNIT_OF_OTHER_LOCALITY
 */
export const loadPlanForItems = async (
  executor: Executor,
  actor: Actor,
  planId: string,
  units: ItemUnits,
): Promise<{ plan: PlanRow; chain: string[] }> => {
  const { plan, chain } = await loadPlanInScope(executor, actor, planId, 'edit');
  await assertItemUnits(executor, plan.localityId, units);
  return { plan, chain };
};

/**
 * A unit officer edits what their unit leads but cannot hand it to another unit.
 *
 * @throws AppError FORBIDDEN when the change names another lead unit and the actor is no plan editor
 */
export const assertMayChangeLead = (
  actor: Actor,
  chain: readonly string[],
  current: string | null,
  next: string | null | undefined,
): void => {
  if (next !== undefined && next !== current && !canEditPlan(actor, chain)) {
    throw new AppError('FORBIDDEN', { message: 'Chỉ cơ quan thường trực mới đổi được đơn vị chủ trì.' });
  }
};

/** The fields a change names (a PATCH leaves out what stays as it is). */
export const namedChanges = <Row>(fields: object): Partial<Row> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Row>;

/** What each kind of led item is called in the audit trail, and the errors that name it. */
const KINDS = {
  indicator: { notFound: 'INDICATOR_NOT_FOUND', hasReports: 'INDICATOR_HAS_REPORTS' },
  task: { notFound: 'TASK_NOT_FOUND', hasReports: 'TASK_HAS_REPORTS' },
} as const;

/**
 * The loading and recording an indicator or task service does around each change, and its deletion.
 *
 * @param deps.kind - indicator or task: its audit entity type and the errors that name it
 * @param deps.find - the stored row by id (for the rights check)
 * @param deps.load - the item as the API answers it (with its units, targets…)
 */
export const createLedItemSteps = <Row extends LedItem, Full extends { leadUnitId: string | null }>(deps: {
  clock: Clock;
  kind: keyof typeof KINDS;
  find: (executor: Executor, id: string) => Promise<Row | undefined>;
  load: (executor: Executor, id: string) => Promise<Full | undefined>;
}) => {
  const { clock, kind, find, load } = deps;
  const { notFound, hasReports } = KINDS[kind];

  /** The stored row with its plan and the plan's locality chain, within the actor's rights. */
  const loadInScope = async (executor: Executor, actor: Actor, id: string, access: 'led' | 'plan') => {
    const item = await find(executor, id);
    if (!item) throw new AppError(notFound);
    return { ...(await loadLedItemInScope(executor, actor, item, access, notFound)), item };
  };

  /** The item as it now stands, with whether the actor may still edit it. */
  const reload = async (
    executor: Executor,
    actor: Actor,
    chain: string[],
    id: string,
  ): Promise<Full & { canEdit: boolean }> => {
    const row = (await load(executor, id))!;
    return { ...row, canEdit: canEditLedItem(actor, chain, row.leadUnitId) };
  };

  const audit = (
    executor: Executor,
    context: RequestContext,
    plan: PlanRow,
    entry: Parameters<typeof recordPlanAudit>[4],
  ) => recordPlanAudit(executor, context, clock.now(), plan, entry);

  /** Records a change: the plan's last change moves to now, and the audit trail gets the entry. */
  const record = async (
    executor: Executor,
    context: RequestContext,
    plan: PlanRow,
    entry: Parameters<typeof recordPlanAudit>[4],
  ): Promise<void> => {
    await touchPlan(executor, plan.id, clock.now());
    await audit(executor, context, plan, entry);
  };

  /**
   * Deletes an item no unit has reported on: reported figures or progress are never dropped with it.
   *
   * @param rows.hasReportedData - whether a unit report holds anything about it
   * @param rows.remove - deletes the stored row
   * @throws AppError (kind)_NOT_FOUND, FORBIDDEN (only plan editors delete), (kind)_HAS_REPORTS
   */
  const removeUnreported = async (
    executor: Executor,
    context: RequestContext,
    id: string,
    rows: {
      hasReportedData: (executor: Executor, id: string) => Promise<boolean>;
      remove: (executor: Executor, id: string) => Promise<void>;
    },
  ): Promise<void> => {
    const { plan } = await loadInScope(executor, context.actor, id, 'plan');
    if (await rows.hasReportedData(executor, id)) throw new AppError(hasReports);
    const before = await load(executor, id);
    await rows.remove(executor, id);
    await record(executor, context, plan, { entityType: kind, entityId: id, action: 'delete', before });
  };

  return { loadInScope, reload, audit, record, removeUnreported };
};
