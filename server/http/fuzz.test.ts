/**
 * "Zero 5xx on bad input" (issue #10 item 7): every route of the published OpenAPI document, every
 * method, called with path parameters that are real ids, random ids and broken ones, and with queries
 * and bodies generated from the route's own schema plus mutations, signed in as an administrator (with
 * a valid CSRF token) and anonymously. No answer may be a 5xx, and every error answer is the app's
 * Vietnamese error body. The seed is fixed (FUZZ_SEED overrides it) so a failure replays exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../app';
import { buildIndicator, buildLocality, buildPlan, buildTask, buildUnit } from '../test/factories';
import {
  createRandom,
  encodeValue,
  generate,
  type IdPools,
  type JsonSchema,
  MUTANTS,
  mutateOnce,
  pathValues,
  type Random,
} from '../test/fuzz-input';
import { buildTestApp, FAKE_PDF_CONVERTER, type TestApp } from '../test/test-app';
import { CSRF_HEADER, FILE_NAME_HEADER, SESSION_COOKIE } from './route';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);

/** Requests per operation and caller: exports build documents and uploads are sent small, so fewer of them. */
const ROUNDS = { admin: 24, adminHeavy: 6, anonymous: 8, upload: 3 };

type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
  upload: boolean;
};
type Caller = 'admin' | 'anonymous';
type FuzzRequest = {
  caller: Caller;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
};

/** A Word/PDF converter that answers at once, so the PDF route is fuzzed without LibreOffice. */
const operationsOf = (document: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }
    >
  >;
}): Operation[] => {
  const uploads = new Set(
    ALL_ROUTES.filter((route) => route.upload).map(
      (route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    ),
  );
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      upload: uploads.has(`${method.toUpperCase()} ${path}`),
    })),
  );
};

const uploadBytes = (random: Random): Buffer => {
  const head = random.pick([
    '%PDF-1.4\n',
    'PK\u0003\u0004',
    '\u0089PNG\r\n\u001a\n',
    'Kế hoạch số 1/KH-UBND\n',
    '',
  ]);
  const tail = Buffer.from(Array.from({ length: random.int(200) }, () => random.int(256)));
  return Buffer.concat([Buffer.from(head, 'latin1'), tail]);
};

const buildRequest = (operation: Operation, caller: Caller, ids: IdPools, random: Random): FuzzRequest => {
  const path = operation.path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) =>
    pathValues(name, operation.path, ids, random),
  );
  const query: string[] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    if (!parameter.required && random.chance(0.4)) continue;
    query.push(
      `${parameter.name}=${encodeValue(generate(parameter.schema, parameter.name, { random, ids, mutation: 0.2 }))}`,
    );
    if (random.chance(0.05)) query.push(`${parameter.name}=${encodeValue(random.pick(MUTANTS))}`);
  }
  if (random.chance(0.05)) query.push(`extra=${encodeValue(random.pick(MUTANTS))}`);
  const url = query.length ? `${path}?${query.join('&')}` : path;
  const headers: Record<string, string> = {};
  let payload: string | Buffer | undefined;
  if (operation.upload) {
    headers['content-type'] = random.chance(0.9) ? 'application/octet-stream' : 'application/json';
    headers[FILE_NAME_HEADER] = random.pick([
      'ke-hoach.pdf',
      'bao-cao.docx',
      '%00.pdf',
      '%E0%A4%A',
      '',
      'x'.repeat(300),
    ]);
    payload = uploadBytes(random);
  } else if (operation.body) {
    headers['content-type'] = 'application/json';
    const roll = random.next();
    if (roll < 0.05)
      payload = random.pick(['{"revision": ', '[1,', 'null', '"text"', '{"__proto__": {"a": 1}}', '']);
    else if (roll < 0.1) payload = JSON.stringify(random.pick(MUTANTS));
    else {
      // Mostly one mutation in a valid-looking body, so it reaches the service; sometimes many.
      const body = generate(operation.body, 'body', { random, ids, mutation: random.chance(0.2) ? 0.15 : 0 });
      payload = JSON.stringify(random.chance(0.75) ? mutateOnce(body, random) : body);
    }
  } else if (operation.method !== 'GET' && random.chance(0.1)) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify({ unexpected: random.pick(MUTANTS) });
  }
  return { caller, method: operation.method, url, headers, ...(payload === undefined ? {} : { payload }) };
};

describe('fuzzing every route of the OpenAPI document', () => {
  let t: TestApp;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await buildTestApp({ pdf: FAKE_PDF_CONVERTER });
    // A light fixture: one commune with two units, a plan with an indicator and a task, an ad hoc
    // reporting period with one saved unit report, and a second user: enough for real ids to reach
    // the services and the database.
    const locality = await buildLocality(t);
    const unit = await buildUnit(t, locality.id);
    const otherUnit = await buildUnit(t, locality.id);
    const plan = await buildPlan(t, locality.id);
    const indicator = await buildIndicator(t, plan.id, { leadUnitId: unit.id });
    const task = await buildTask(t, plan.id, { leadUnitId: unit.id });
    const period = await t.call('POST', `/api/v1/plans/${plan.id}/reporting-periods`, {
      label: 'Kỳ thử',
      dataFrom: '2026-01-01',
      dataTo: '2026-06-30',
      dueDate: '2026-07-15',
    });
    expect(period.status).toBe(201);
    const report = await t.call(
      'PUT',
      `/api/v1/reporting-periods/${period.body.data.id}/units/${unit.id}/report`,
      {
        revision: 0,
      },
    );
    const user = await t.call('POST', '/api/v1/users', {
      username: 'can-bo-fuzz',
      displayName: 'Cán bộ thử',
      password: 'mat-khau-ban-dau',
      roles: [{ role: 'unit_officer', localityId: locality.id, unitId: unit.id }],
    });
    expect(user.status).toBe(201);
    Object.assign(ids, {
      locality: [locality.id, locality.parentId, t.rootLocalityId],
      unit: [unit.id, otherUnit.id],
      plan: [plan.id],
      indicator: [indicator.id],
      task: [task.id],
      period: [period.body.data.id],
      user: [user.body.data.id],
      report: report.status === 200 ? [report.body.data.id as string] : [],
    });
    ids.any = Object.values(ids).flat();
  });
  afterAll(() => t.close());

  it(`should answer no request with a 5xx (seed ${SEED})`, { timeout: 300_000 }, async () => {
    const random = createRandom(SEED);
    const operations = operationsOf(t.app.swagger() as Parameters<typeof operationsOf>[0]);
    expect(operations.length).toBeGreaterThan(60);

    const requests: FuzzRequest[] = [];
    for (const operation of operations) {
      const heavy = /\.(docx|xlsx|pdf)$/.test(operation.path);
      const adminRounds = operation.upload ? ROUNDS.upload : heavy ? ROUNDS.adminHeavy : ROUNDS.admin;
      // Signing out would end the administrator's session for the rest of the run.
      const skipAdmin = operation.path === '/api/v1/auth/logout';
      for (let round = 0; round < (skipAdmin ? 0 : adminRounds); round++) {
        requests.push(buildRequest(operation, 'admin', ids, random));
      }
      const anonymousRounds = operation.upload ? Math.min(ROUNDS.upload, ROUNDS.anonymous) : ROUNDS.anonymous;
      for (let round = 0; round < anonymousRounds; round++) {
        requests.push(buildRequest(operation, 'anonymous', ids, random));
      }
    }
    // Shuffled, deletions last: a deleted plan early would leave the rest of the run with 404s only.
    for (let index = requests.length - 1; index > 0; index--) {
      const other = random.int(index + 1);
      [requests[index], requests[other]] = [requests[other]!, requests[index]!];
    }
    requests.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(requests.length).toBeGreaterThanOrEqual(2000);

    // Kept apart and capped, so a flood of one kind cannot hide the other.
    const serverErrors: string[] = [];
    const notErrorBodies: string[] = [];
    const statuses = new Map<number, number>();
    const describeRequest = (request: FuzzRequest) => {
      const payload = Buffer.isBuffer(request.payload)
        ? `<${request.payload.length} bytes>`
        : (request.payload ?? '');
      return `${request.caller} ${request.method} ${request.url.slice(0, 300)} ${JSON.stringify(request.headers)} ${payload.slice(0, 500)}`;
    };
    for (const request of requests) {
      const signedIn = request.caller === 'admin';
      const response = await t.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: { ...request.headers, ...(signedIn ? t.headers : {}) },
        ...(signedIn ? { cookies: { [SESSION_COOKIE]: t.cookies[SESSION_COOKIE]! } } : {}),
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      const status = response.statusCode;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) {
        if (serverErrors.length < 20)
          serverErrors.push(`${status} ← ${describeRequest(request)}\n    → ${response.body.slice(0, 500)}`);
      } else if (status >= 400) {
        // Every refusal is the app's error body, in Vietnamese.
        let body: { ok?: unknown; message?: unknown } | null = null;
        try {
          body = response.json();
        } catch {
          body = null;
        }
        const vietnamese = typeof body?.message === 'string' && /[À-ỹ]/.test(body.message);
        if ((body?.ok !== false || !vietnamese) && notErrorBodies.length < 20) {
          notErrorBodies.push(
            `${status} not the error body ← ${describeRequest(request)}\n    → ${response.body.slice(0, 300)}`,
          );
        }
      }
    }
    const context = `seed ${SEED}, ${requests.length} requests (${CSRF_HEADER} sent for the administrator), statuses ${JSON.stringify(Object.fromEntries(statuses))}`;
    expect(serverErrors, context).toEqual([]);
    expect(notErrorBodies, context).toEqual([]);
  });
});
