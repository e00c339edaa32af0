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

/**
 * The loading and recording an indicator or task service does around each change.
 *
 * @param deps.find - the stored row by id (for the rights check)
 * @param deps.load - the item as the API answers it (with its units, targets…)
 * @param deps.notFound - the error of an unknown or unreadable id
 */
export const createLedItemSteps = <Row extends LedItem, Full extends { leadUnitId: string | null }>(deps: {
  clock: Clock;
  find: (executor: Executor, id: string) => Promise<Row | undefined>;
  load: (executor: Executor, id: string) => Promise<Full | undefined>;
  notFound: NotFound;
}) => {
  const { clock, find, load, notFound } = deps;

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

  return { loadInScope, reload, audit, record };
};
