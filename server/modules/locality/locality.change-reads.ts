/**
 * What the dated changes (locality.changes.ts) read of a locality before changing it: its state after
 * its last change (a name scheduled ahead included), whether it may still change on a date, and what its
 * end leaves (plans, people's roles).
 */
import { formatDateVi } from '@core/domain/deadlines';
import { addDays } from '@core/domain/reporting-periods';
import { count, desc, eq, max } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  appUser,
  localityName,
  localityNameScheduled,
  localitySuccession,
  plan,
  roleAssignment,
} from '../../db/schema';
import type { LocalityRow } from '../../shared/localities';
import { labelOf, refuse, sentenceLabelOf } from './locality.change-rules';

/** The locality as its last change leaves it: the row, or the name and kind scheduled last (ahead of today). */
export const newestOf = async (tx: Executor, row: LocalityRow): Promise<LocalityRow> => {
  const [ahead] = await tx
    .select({ name: localityNameScheduled.name, kind: localityNameScheduled.kind })
    .from(localityNameScheduled)
    .where(eq(localityNameScheduled.localityId, row.id))
    .orderBy(desc(localityNameScheduled.validFrom))
    .limit(1);
  return ahead ? { ...row, ...ahead } : row;
};

/**
 * A locality may change on a date when it is in force, the date is after its start and after every
 * change already recorded on it (a rename, or successions it received): changes come in date order.
 */
export const assertOpen = async (tx: Executor, row: LocalityRow, date: string, field: string) => {
  if (row.validTo !== null) {
    refuse(
      field,
      `${sentenceLabelOf(row)} đã hết hiệu lực (đến ngày ${formatDateVi(row.validTo)}); không thay đổi được nữa.`,
    );
  }
  if (row.validFrom !== null && date <= row.validFrom) {
    refuse(
      'effectiveDate',
      `Ngày hiệu lực ${formatDateVi(date)} phải sau ngày ${labelOf(row)} bắt đầu có hiệu lực (${formatDateVi(row.validFrom)}).`,
    );
  }
  const [renamed] = await tx
    .select({ last: max(localityName.validTo) })
    .from(localityName)
    .where(eq(localityName.localityId, row.id));
  const [received] = await tx
    .select({ last: max(localitySuccession.effectiveDate) })
    .from(localitySuccession)
    .where(eq(localitySuccession.successorId, row.id));
  const [ahead] = await tx
    .select({ last: max(localityNameScheduled.validFrom) })
    .from(localityNameScheduled)
    .where(eq(localityNameScheduled.localityId, row.id));
  const latest = [
    renamed?.last ? addDays(renamed.last, 1) : null,
    received?.last ?? null,
    ahead?.last ?? null,
  ]
    .filter((value): value is string => value !== null)
    .sort()
    .at(-1);
  if (latest && date <= latest) {
    refuse(
      'effectiveDate',
      `${sentenceLabelOf(row)} đã có thay đổi có hiệu lực từ ${formatDateVi(latest)}; thay đổi mới phải có ngày hiệu lực sau ngày đó (ngày đã ghi: ${formatDateVi(date)}).`,
    );
  }
};

/** What an ended locality leaves: its plans (counted under `to` from the date) and its people's roles. */
export const consequenceOf = async (
  tx: Executor,
  from: LocalityRow,
  to: Pick<LocalityRow, 'code' | 'name'>,
) => {
  const plans = await tx
    .select({ status: plan.status, n: count() })
    .from(plan)
    .where(eq(plan.localityId, from.id))
    .groupBy(plan.status);
  const roles = await tx
    .select({ userName: appUser.displayName, username: appUser.username, role: roleAssignment.role })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .where(eq(roleAssignment.localityId, from.id))
    .orderBy(appUser.displayName, appUser.username, roleAssignment.role);
  return {
    from: { code: from.code, name: `${from.kind} ${from.name}` },
    to: { code: to.code, name: to.name },
    plans: plans.reduce((sum, row) => sum + Number(row.n), 0),
    activePlans: Number(plans.find((row) => row.status === 'active')?.n ?? 0),
    users: new Set(roles.map((role) => role.username)).size,
    roles,
  };
};
