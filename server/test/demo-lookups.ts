/**
 * Finding the demo's rows by what a person sees (a locality's name, a unit's name, a period's key) through
 * the API, as the route tests on the demo data do in their setup. Each throws naming what it did not find.
 */
import type { Client } from './test-app';

export type DemoPlan = { id: string; localityName: string; localityId: string };

const found = <T>(row: T | undefined, what: string): T => {
  if (!row) throw new Error(`Not in the demo data: ${what}`);
  return row;
};

/** The plan of the locality named `localityName`, as GET /api/v1/plans lists it to `client`. */
export const findPlan = async (client: Client, localityName: string): Promise<DemoPlan> => {
  const plans: DemoPlan[] = (await client.call('GET', '/api/v1/plans')).body.data;
  return found(
    plans.find((row) => row.localityName === localityName),
    `the plan of ${localityName}`,
  );
};

/** The id of the unit named `name` of a locality (GET /api/v1/localities/:id/units). */
export const findUnitId = async (client: Client, localityId: string, name: string): Promise<string> => {
  const units: Array<{ id: string; name: string }> = (
    await client.call('GET', `/api/v1/localities/${localityId}/units`)
  ).body.data;
  return found(
    units.find((row) => row.name === name),
    `the unit ${name}`,
  ).id;
};

/** The id of a plan's reporting period by its key ('2026', …), as `client` lists them. */
export const findPeriodId = async (client: Client, planId: string, key: string): Promise<string> => {
  const periods: Array<{ id: string; key: string }> = (
    await client.call('GET', `/api/v1/plans/${planId}/reporting-periods`)
  ).body.data;
  return found(
    periods.find((row) => row.key === key),
    `the period ${key}`,
  ).id;
};
