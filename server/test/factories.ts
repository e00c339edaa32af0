/** Builds test data through the real API, so every fixture passes the same validation as user input. */
import { count } from 'drizzle-orm';
import * as schema from '../db/schema';
import type { Client, TestApp } from './test-app';

let sequence = 0;
const next = () => ++sequence;

export const buildLocality = async (t: TestApp, overrides: Record<string, unknown> = {}) => {
  const n = next();
  const province = await t.call('POST', '/api/v1/localities', {
    code: `P${n}`,
    name: `Tỉnh Thử ${n}`,
    level: 'province',
    kind: 'tỉnh',
    parentId: t.rootLocalityId,
  });
  if (province.status !== 201) throw new Error(`buildLocality: ${JSON.stringify(province.body)}`);
  const commune = await t.call('POST', '/api/v1/localities', {
    code: `C${n}`,
    name: `Xã Thử ${n}`,
    level: 'commune',
    kind: 'xã',
    parentId: province.body.data.id,
    ...overrides,
  });
  if (commune.status !== 201) throw new Error(`buildLocality: ${JSON.stringify(commune.body)}`);
  return commune.body.data as { id: string; name: string; parentId: string };
};

type LocalityListRow = { id: string; code: string; name: string; level: string };

/**
 * The locality of that exact name among those the client may see, found through the list's search as a
 * person would find it (GET /localities?q=…). Throws when no locality, or more than one, has that name.
 */
export const localityIdByName = async (client: Client, name: string): Promise<string> => {
  const response = await client.call('GET', `/api/v1/localities?q=${encodeURIComponent(name)}&limit=200`);
  if (response.status !== 200) throw new Error(`localityIdByName: ${JSON.stringify(response.body)}`);
  const matches = (response.body.data as LocalityListRow[]).filter((row) => row.name === name);
  if (matches.length !== 1) throw new Error(`localityIdByName: ${matches.length} localities named ${name}`);
  return matches[0]!.id;
};

/** The ids of the localities of those exact names (each as `localityIdByName` finds it). */
export const localityIdsByName = async (client: Client, names: string[]): Promise<Map<string, string>> => {
  const ids = new Map<string, string>();
  for (const name of names) ids.set(name, await localityIdByName(client, name));
  return ids;
};

/** The locality of that official code among those the client may see (GET /localities?q=code). */
export const localityIdByCode = async (client: Client, code: string): Promise<string> => {
  const response = await client.call('GET', `/api/v1/localities?q=${encodeURIComponent(code)}&limit=200`);
  if (response.status !== 200) throw new Error(`localityIdByCode: ${JSON.stringify(response.body)}`);
  const row = (response.body.data as LocalityListRow[]).find((candidate) => candidate.code === code);
  if (!row) throw new Error(`localityIdByCode: no locality ${code}`);
  return row.id;
};

export const buildUnit = async (t: TestApp, localityId: string, name = `Phòng Thử ${next()}`) => {
  const response = await t.call('POST', `/api/v1/localities/${localityId}/units`, { name });
  if (response.status !== 201) throw new Error(`buildUnit: ${JSON.stringify(response.body)}`);
  return response.body.data as { id: string; name: string };
};

export const buildPlan = async (t: TestApp, localityId: string, overrides: Record<string, unknown> = {}) => {
  const response = await t.call('POST', '/api/v1/plans', {
    localityId,
    issuerKind: 'government',
    issuer: 'UBND xã Thử',
    number: `${next()}/KH-UBND`,
    issuedDate: '2025-08-30',
    title: 'Kế hoạch thực hiện Nghị quyết số 57-NQ/TW',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildPlan: ${JSON.stringify(response.body)}`);
  return response.body.data as { id: string; localityId: string };
};

export const buildIndicator = async (t: TestApp, planId: string, overrides: Record<string, unknown> = {}) => {
  const response = await t.call('POST', `/api/v1/plans/${planId}/indicators`, {
    groupName: 'Phát triển hạ tầng',
    code: 'I.1',
    name: 'Tỷ lệ phủ sóng 5G trên địa bàn',
    unit: '%',
    targets: [
      { year: 2025, op: '>=', value: 60, rawText: '≥ 60%' },
      { year: 2026, op: '>=', value: 70, rawText: '70%' },
    ],
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildIndicator: ${JSON.stringify(response.body)}`);
  return response.body.data as { id: string; targets: Array<{ year: number }> };
};

/** Creates a user with one role through the API and signs them in. */
export const buildUser = async (
  t: TestApp,
  role: { role: string; localityId: string; unitId?: string | null },
  username = `user${next()}`,
) => {
  const response = await t.call('POST', '/api/v1/users', {
    username,
    displayName: `Người dùng ${username}`,
    password: 'mat-khau-ban-dau',
    roles: [role],
  });
  if (response.status !== 201) throw new Error(`buildUser: ${JSON.stringify(response.body)}`);
  const first = await t.signIn(username, 'mat-khau-ban-dau');
  // New accounts must choose their own password first.
  const changed = await first.call('POST', '/api/v1/auth/password', {
    currentPassword: 'mat-khau-ban-dau',
    newPassword: 'mat-khau-rieng-123',
  });
  if (changed.status !== 204) throw new Error(`buildUser password: ${JSON.stringify(changed.body)}`);
  return { id: response.body.data.id as string, client: await t.signIn(username, 'mat-khau-rieng-123') };
};

export const buildTask = async (t: TestApp, planId: string, overrides: Record<string, unknown> = {}) => {
  const response = await t.call('POST', `/api/v1/plans/${planId}/tasks`, {
    groupName: 'Hạ tầng số',
    name: 'Rà soát hạ tầng nhà văn hóa',
    deadlineText: 'Trong Quý IV/2025',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`buildTask: ${JSON.stringify(response.body)}`);
  return response.body.data as { id: string };
};

/** Row counts of every table, to prove a refused request wrote nothing. */
export const countAllRows = async (t: TestApp): Promise<Record<string, number>> => {
  const tables = {
    locality: schema.locality,
    unit: schema.unit,
    plan: schema.plan,
    planReference: schema.planReference,
    reportingRegime: schema.reportingRegime,
    indicatorGroup: schema.indicatorGroup,
    indicator: schema.indicator,
    indicatorUnit: schema.indicatorUnit,
    indicatorTarget: schema.indicatorTarget,
    taskGroup: schema.taskGroup,
    task: schema.task,
    taskUnit: schema.taskUnit,
    auditEvent: schema.auditEvent,
    appUser: schema.appUser,
    roleAssignment: schema.roleAssignment,
    reportingPeriod: schema.reportingPeriod,
    unitReport: schema.unitReport,
    indicatorValue: schema.indicatorValue,
    taskUpdate: schema.taskUpdate,
    attachment: schema.attachment,
  };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await t.handle.db.select({ n: count() }).from(table);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
};

type ValueRowInput = {
  indicatorId: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  assessment?: string | null;
  missingReason?: string | null;
};

/**
 * The value rows of a unit report's save with every value left empty explained ("Chưa có số liệu" and
 * why), as a report must be to be submitted: the rows given, then one for each other indicator the unit leads.
 *
 * @param client - who reads the form
 * @param reportUrl - /api/v1/reporting-periods/:id/units/:unitId/report
 * @param values - the rows with figures
 */
export const explainedValues = async (
  client: Pick<TestApp, 'call'>,
  reportUrl: string,
  values: ValueRowInput[] = [],
): Promise<ValueRowInput[]> => {
  const form = (await client.call('GET', reportUrl)).body.data as {
    indicators: Array<{ indicatorId: string }>;
  };
  const reason = 'Chưa có số liệu trong kỳ này';
  const hasFigure = (row: ValueRowInput) =>
    row.value != null || (row.numerator != null && row.denominator != null) || row.assessment != null;
  const given = new Set(values.map((row) => row.indicatorId));
  return [
    ...values.map((row) => (hasFigure(row) || row.missingReason ? row : { ...row, missingReason: reason })),
    ...form.indicators
      .filter((row) => !given.has(row.indicatorId))
      .map((row) => ({ indicatorId: row.indicatorId, missingReason: reason })),
  ];
};

/**
 * A commune's plan as the overview tests judge it: an annual report due 30/11 to the standing agency, a
 * rate (CDS.TTHC.HO_SO_TRUC_TUYEN, ≥ 80% in 2026) led by the public service centre, a count
 * (CDS.CQS.DO_THI_THONG_MINH, ≥ 1) led by the culture and society office, and a task due in Q3/2026.
 *
 * @param taskLead - which unit leads the task (the centre by default)
 */
export const buildCommunePlan = async (
  t: TestApp,
  localityId: string,
  { taskLead = 'centre' }: { taskLead?: 'centre' | 'office' } = {},
) => {
  const centre = await buildUnit(t, localityId, 'Trung tâm phục vụ hành chính công');
  const office = await buildUnit(t, localityId, 'Phòng Văn hóa - Xã hội');
  const plan = await buildPlan(t, localityId, {
    reporting: [{ frequency: 'annual', due: '11-30', receiver: null }],
  });
  const rate = await buildIndicator(t, plan.id, {
    code: 'I.1',
    name: 'Tỷ lệ hồ sơ xử lý trực tuyến',
    unit: '%',
    measure: 'period',
    catalogCode: 'CDS.TTHC.HO_SO_TRUC_TUYEN',
    leadUnitId: centre.id,
    targets: [{ year: 2026, op: '>=', value: 80, rawText: '≥ 80%' }],
  });
  const count = await buildIndicator(t, plan.id, {
    code: 'I.2',
    name: 'Số khu dân cư thông minh',
    unit: 'số lượng',
    catalogCode: 'CDS.CQS.DO_THI_THONG_MINH',
    leadUnitId: office.id,
    targets: [{ year: 2026, op: '>=', value: 1, rawText: '01' }],
  });
  const work = await buildTask(t, plan.id, {
    leadUnitId: (taskLead === 'centre' ? centre : office).id,
    deadlineText: 'Trong Quý III/2026',
  });
  return {
    planId: plan.id,
    centre: centre.id,
    office: office.id,
    rate: rate.id,
    count: count.id,
    task: work.id,
  };
};
