/**
 * The authorization matrix: every API route × every role × (an entity of the actor's own unit, of
 * another unit of the same locality, of another locality), each asserted allowed or refused.
 * A route without a rule here makes the test fail, so a new route cannot ship without one.
 *
 * Demo data: Thành Đông (ward of Hải Phòng) holds the actors' scope; Dân Tiến (commune of Thái Nguyên)
 * is "another locality". The unit officer belongs to Thành Đông's "Trung tâm HCC".
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../app';
import { localityIdsByName } from '../../test/factories';
import {
  buildTestApp,
  type CallResult,
  type Client,
  FAKE_PDF_CONVERTER,
  fixedClock,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/test-app';
import { createUserService } from '../user/user.service';
import { type Role, systemActor } from './access';

type ActorName = 'admin' | 'localityAdmin' | 'inspector' | 'leader' | 'standingOfficer' | 'unitOfficer';
type Relation = 'ownUnit' | 'otherUnit' | 'otherLocality';
/** allow: 2xx; forbidden: 403; hidden: 404, or 400 for an id in the body that "does not exist". */
type Outcome = 'allow' | 'forbidden' | 'hidden';
type Request = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A file sent as raw bytes instead of JSON. */
  file?: { bytes: Buffer; fileName: string };
};

const ACTORS: Record<ActorName, string> = {
  admin: 'admin',
  localityAdmin: 'haiphong.admin',
  inspector: 'haiphong.thanhtra',
  leader: 'thanhdong.lanhdao',
  standingOfficer: 'thanhdong.vhxh',
  unitOfficer: 'thanhdong.hcc',
};
const RELATIONS: Relation[] = ['ownUnit', 'otherUnit', 'otherLocality'];

type Fixtures = {
  locality: Record<'thanhDong' | 'danTien' | 'haiPhong' | 'thaiNguyen', string>;
  /** Unit leading the entity for each relation: Trung tâm HCC, Phòng Văn hóa - Xã hội (Thành Đông), Dân Tiến's centre. */
  unitFor: Record<Relation, string>;
  planFor: Record<Relation, string>;
  localityFor: Record<Relation, string>;
  provinceFor: Record<Relation, string>;
};

/** Every actor's scope covers Thành Đông; only the system administrator's covers Dân Tiến. */
const inScope = (actor: ActorName, relation: Relation) => actor === 'admin' || relation !== 'otherLocality';
const scoped = (actor: ActorName, relation: Relation): Outcome =>
  inScope(actor, relation) ? 'allow' : 'hidden';
const only =
  (allowed: ActorName[], then: (actor: ActorName, relation: Relation) => Outcome = scoped) =>
  (actor: ActorName, relation: Relation): Outcome =>
    allowed.includes(actor) ? then(actor, relation) : 'forbidden';
const everyone = (): Outcome => 'allow';

/** Plan-level edits: the standing agency in scope; a unit officer reads the plan but may not change it. */
const planEdit = only(['admin', 'standingOfficer', 'unitOfficer'], (actor, relation) =>
  actor === 'unitOfficer' ? (inScope(actor, relation) ? 'forbidden' : 'hidden') : scoped(actor, relation),
);
/** Edits of an indicator or task: also its lead unit's officer. */
const ledEdit = only(['admin', 'standingOfficer', 'unitOfficer'], (actor, relation) =>
  actor === 'unitOfficer'
    ? relation === 'ownUnit'
      ? 'allow'
      : relation === 'otherUnit'
        ? 'forbidden'
        : 'hidden'
    : scoped(actor, relation),
);

/** A unit's report: written by its own unit's officers; the standing agency reviews but does not write it. */
const reportEdit = only(['admin', 'standingOfficer', 'unitOfficer'], (actor, relation) =>
  actor === 'unitOfficer'
    ? relation === 'ownUnit'
      ? 'allow'
      : relation === 'otherUnit'
        ? 'forbidden'
        : 'hidden'
    : actor === 'standingOfficer'
      ? inScope(actor, relation)
        ? 'forbidden'
        : 'hidden'
      : scoped(actor, relation),
);

type Rule = {
  request: (relation: Relation, fixtures: Fixtures, t: TestApp) => Promise<Request>;
  expected: (actor: ActorName, relation: Relation) => Outcome;
  /** For routes that act on the session itself: run with a fresh sign-in of the actor. */
  freshSession?: boolean;
  /** Proof the request passed authorization when a 2xx is not the natural answer. */
  allowedWhen?: (result: CallResult) => boolean;
};

let sequence = 0;
const unique = (prefix: string) => `${prefix}${++sequence}`;
/** Official codes of the localities of each relation (Thành Đông, Dân Tiến), as a user list writes them. */
const LOCALITY_CODE: Record<Relation, string> = {
  ownUnit: '10507',
  otherUnit: '10507',
  otherLocality: '05755',
};

const created = async (t: TestApp, request: Request): Promise<string> => {
  const response = await t.call(request.method, request.url, request.body);
  if (response.status !== 201) throw new Error(`fixture ${request.url}: ${JSON.stringify(response.body)}`);
  return response.body.data.id;
};
const freshIndicator = (t: TestApp, relation: Relation, fixtures: Fixtures) =>
  created(t, {
    method: 'POST',
    url: `/api/v1/plans/${fixtures.planFor[relation]}/indicators`,
    body: {
      name: unique('Chỉ tiêu '),
      leadUnitId: fixtures.unitFor[relation],
      targets: [{ year: 2026, op: '>=', value: 1 }],
    },
  });
const freshTask = (t: TestApp, relation: Relation, fixtures: Fixtures) =>
  created(t, {
    method: 'POST',
    url: `/api/v1/plans/${fixtures.planFor[relation]}/tasks`,
    body: { name: unique('Nhiệm vụ '), leadUnitId: fixtures.unitFor[relation] },
  });
const freshPlan = (t: TestApp, relation: Relation, fixtures: Fixtures) =>
  created(t, {
    method: 'POST',
    url: '/api/v1/plans',
    body: {
      localityId: fixtures.localityFor[relation],
      issuerKind: 'government',
      issuer: 'UBND',
      title: unique('Kế hoạch '),
    },
  });
const freshUnit = (t: TestApp, relation: Relation, fixtures: Fixtures) =>
  created(t, {
    method: 'POST',
    url: `/api/v1/localities/${fixtures.localityFor[relation]}/units`,
    body: { name: unique('Đơn vị ') },
  });
const freshUser = (t: TestApp, relation: Relation, fixtures: Fixtures) =>
  created(t, {
    method: 'POST',
    url: '/api/v1/users',
    body: {
      username: unique('matrix.user'),
      displayName: 'Người dùng thử',
      password: 'mat-khau-thu-nghiem',
      roles: [{ role: 'leader', localityId: fixtures.localityFor[relation] }],
    },
  });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A fresh ad hoc period of the relation's plan, so every case starts with no report. */
const freshPeriod = (t: TestApp, relation: Relation, fixtures: Fixtures) =>
  created(t, {
    method: 'POST',
    url: `/api/v1/plans/${fixtures.planFor[relation]}/reporting-periods`,
    body: { label: unique('Kỳ thử '), dataFrom: '2026-01-01', dataTo: '2026-10-31', dueDate: '2026-12-31' },
  });

/** A report of the relation's unit in a fresh period, brought to a status by the administrator. */
const freshReport = async (
  t: TestApp,
  relation: Relation,
  fixtures: Fixtures,
  status: 'draft' | 'submitted' | 'accepted',
) => {
  const periodId = await freshPeriod(t, relation, fixtures);
  const url = `/api/v1/reporting-periods/${periodId}/units/${fixtures.unitFor[relation]}/report`;
  // A report is submitted only with every value given or explained ("Chưa có số liệu" and why).
  const form = (await t.call('GET', url)).body.data as { indicators: Array<{ indicatorId: string }> };
  const saved = await t.call('PUT', url, {
    revision: 0,
    values: form.indicators.map((row) => ({
      indicatorId: row.indicatorId,
      missingReason: 'Chưa có số liệu',
    })),
  });
  if (saved.status !== 200) throw new Error(`fixture report: ${JSON.stringify(saved.body)}`);
  let report = saved.body.data.report;
  if (status !== 'draft')
    report = (await t.call('POST', `/api/v1/unit-reports/${report.id}/submit`, { revision: report.revision }))
      .body.data.report;
  if (status === 'accepted')
    report = (await t.call('POST', `/api/v1/unit-reports/${report.id}/accept`, { revision: report.revision }))
      .body.data.report;
  return { periodId, report: report as { id: string; revision: number } };
};

const freshAttachment = async (t: TestApp, relation: Relation, fixtures: Fixtures) => {
  const { report } = await freshReport(t, relation, fixtures, 'draft');
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/unit-reports/${report.id}/attachments`,
    payload: PDF,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'minh-chung.pdf', ...t.headers },
    cookies: t.cookies,
  });
  if (response.statusCode !== 201) throw new Error(`fixture attachment: ${response.body}`);
  return response.json().data.id as string;
};

const PLAN_TEXT = Buffer.from('KẾ HOẠCH\nThực hiện chuyển đổi số\nI. MỤC ĐÍCH\nII. NHIỆM VỤ\n');

/** An import job of the administrator (a plain-text plan, read in the background). */
const freshImportJob = async (t: TestApp): Promise<string> => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload: PLAN_TEXT,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'ke-hoach.txt', ...t.headers },
    cookies: t.cookies,
  });
  if (response.statusCode !== 202) throw new Error(`fixture import job: ${response.body}`);
  return response.json().data.id as string;
};

/** Import jobs: those who may import pass the coarse check; only the creator (here the administrator) sees one. */
const importJobOwner = only(['admin', 'standingOfficer', 'unitOfficer'], (actor) =>
  actor === 'admin' ? 'allow' : 'hidden',
);

/** The leader's decisions on the consolidated report. */
const decide = only(['admin', 'leader']);

/** A consolidated report of a fresh period, saved (and sent) by the administrator. */
const freshConsolidated = async (t: TestApp, relation: Relation, fixtures: Fixtures, send: boolean) => {
  const periodId = await freshPeriod(t, relation, fixtures);
  const saved = await t.call('PUT', `/api/v1/reporting-periods/${periodId}/consolidated-report`, {
    revision: 0,
    narrative: 'Tổng hợp',
  });
  if (saved.status !== 200) throw new Error(`fixture consolidated: ${JSON.stringify(saved.body)}`);
  const report = send
    ? (await t.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/send`, { revision: 1 })).body
        .data
    : saved.body.data;
  return { periodId, report: report as { id: string; revision: number } };
};

/** A consolidated report of a fresh period, approved by the administrator (version 1 frozen). */
const freshApproved = async (t: TestApp, relation: Relation, fixtures: Fixtures, withScan = false) => {
  const { report } = await freshConsolidated(t, relation, fixtures, true);
  const approved = await t.call('POST', `/api/v1/consolidated-reports/${report.id}/approve`, {
    revision: report.revision,
  });
  if (approved.status !== 200) throw new Error(`fixture approval: ${JSON.stringify(approved.body)}`);
  if (withScan) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consolidated-reports/${report.id}/versions/1/signed-scan`,
      payload: PDF,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'ban-ky.pdf', ...t.headers },
      cookies: t.cookies,
    });
    if (response.statusCode !== 200) throw new Error(`fixture signed scan: ${response.body}`);
  }
  return approved.body.data as { id: string; revision: number };
};

/**
 * The signed scan of an approved consolidated report: the standing agency or the leader in scope; the
 * other roles read the report (the coarse check passes) but may not attach (403), outside scope 404.
 */
const attachScan = (actor: ActorName, relation: Relation): Outcome =>
  actor === 'admin' || actor === 'leader' || actor === 'standingOfficer'
    ? scoped(actor, relation)
    : inScope(actor, relation)
      ? 'forbidden'
      : 'hidden';

/** A new Ed25519 public key (PEM), as a commune's instance shows it. */
const freshPublicKey = () =>
  generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The submission package of a fresh approved report of the relation's commune, downloaded by the administrator. */
const freshPackage = async (t: TestApp, relation: Relation, fixtures: Fixtures): Promise<Buffer> => {
  const report = (await freshApproved(t, relation, fixtures)) as { periodId?: string };
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/reporting-periods/${report.periodId}/consolidated-report/submission-package.zip`,
    cookies: t.cookies,
  });
  if (response.statusCode !== 200) throw new Error(`fixture package: ${response.body}`);
  return response.rawPayload;
};

/**
 * Importing a commune's package is for the province (or the nation) above it: its administrator, leader
 * or standing agency; the commune's own users and a read-only inspector pass the coarse check but are
 * refused (403), as is another province.
 */
const importPackage = (actor: ActorName, relation: Relation): Outcome =>
  actor === 'admin' || (actor === 'localityAdmin' && relation !== 'otherLocality') ? 'allow' : 'forbidden';

const RULES: Record<string, Rule> = {
  exportSubmissionPackage: {
    request: async (relation, fixtures, t) => {
      const report = (await freshApproved(t, relation, fixtures)) as { periodId?: string };
      return {
        method: 'GET',
        url: `/api/v1/reporting-periods/${report.periodId}/consolidated-report/submission-package.zip`,
      };
    },
    expected: scoped,
  },
  exportDhis2DataValueSet: {
    request: async (relation, fixtures, t) => {
      const report = (await freshApproved(t, relation, fixtures)) as { periodId?: string };
      return {
        method: 'GET',
        url: `/api/v1/reporting-periods/${report.periodId}/consolidated-report/dhis2.json`,
      };
    },
    expected: scoped,
    // The fixture's ad hoc period is no calendar period, so DHIS2 has no notation for it: that answer
    // comes only after the read check passed.
    allowedWhen: (result) => result.status === 422 && result.body?.error === 'dhis2_unsupported',
  },
  importSubmissionPackage: {
    request: async (relation, fixtures, t) => ({
      method: 'POST',
      url: '/api/v1/submission-packages',
      file: { bytes: await freshPackage(t, relation, fixtures), fileName: 'goi.zip' },
    }),
    expected: importPackage,
  },
  createApiKey: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/api-keys`,
      body: { name: unique('Kết nối thử '), scope: 'read' },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  listApiKeys: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/api-keys`,
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  revokeApiKey: {
    request: async (relation, fixtures, t) => {
      const created = await t.call('POST', `/api/v1/localities/${fixtures.localityFor[relation]}/api-keys`, {
        name: unique('Kết nối thử '),
        scope: 'submit',
      });
      if (created.status !== 201) throw new Error(`fixture API key: ${JSON.stringify(created.body)}`);
      return { method: 'POST', url: `/api/v1/api-keys/${created.body.data.key.id}/revoke` };
    },
    expected: only(['admin', 'localityAdmin']),
  },
  getInstanceSigningKey: {
    // The instance's public key: the same for every locality; never the private key.
    request: async () => ({ method: 'GET', url: '/api/v1/instance/signing-key' }),
    expected: everyone,
  },
  registerSigningKey: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/signing-keys`,
      body: { name: unique('Hệ thống xã '), publicKey: freshPublicKey() },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  listSigningKeys: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/signing-keys`,
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  revokeSigningKey: {
    request: async (relation, fixtures, t) => {
      const created = await t.call(
        'POST',
        `/api/v1/localities/${fixtures.localityFor[relation]}/signing-keys`,
        { name: unique('Hệ thống xã '), publicKey: freshPublicKey() },
      );
      if (created.status !== 201) throw new Error(`fixture signing key: ${JSON.stringify(created.body)}`);
      return { method: 'POST', url: `/api/v1/signing-keys/${created.body.data.id}/revoke` };
    },
    expected: only(['admin', 'localityAdmin']),
  },
  listSubmissionPackages: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/submission-packages`,
    }),
    expected: scoped,
  },
  getConsolidatedReport: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/consolidated-report`,
    }),
    expected: scoped,
  },
  saveConsolidatedReport: {
    request: async (relation, fixtures, t) => ({
      method: 'PUT',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/consolidated-report`,
      body: { revision: 0, narrative: 'Tổng hợp' },
    }),
    expected: planEdit,
  },
  sendConsolidatedReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshConsolidated(t, relation, fixtures, false);
      return {
        method: 'POST',
        url: `/api/v1/consolidated-reports/${report.id}/send`,
        body: { revision: report.revision },
      };
    },
    expected: planEdit,
  },
  approveConsolidatedReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshConsolidated(t, relation, fixtures, true);
      return {
        method: 'POST',
        url: `/api/v1/consolidated-reports/${report.id}/approve`,
        body: { revision: report.revision },
      };
    },
    expected: decide,
  },
  returnConsolidatedReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshConsolidated(t, relation, fixtures, true);
      return {
        method: 'POST',
        url: `/api/v1/consolidated-reports/${report.id}/return`,
        body: { revision: report.revision, reason: 'Bổ sung' },
      };
    },
    expected: decide,
  },
  startConsolidatedReportVersion: {
    request: async (relation, fixtures, t) => {
      const report = await freshApproved(t, relation, fixtures);
      return {
        method: 'POST',
        url: `/api/v1/consolidated-reports/${report.id}/versions`,
        body: { revision: report.revision },
      };
    },
    expected: planEdit,
  },
  attachConsolidatedSignedScan: {
    request: async (relation, fixtures, t) => {
      const report = await freshApproved(t, relation, fixtures);
      return {
        method: 'POST',
        url: `/api/v1/consolidated-reports/${report.id}/versions/1/signed-scan`,
        file: { bytes: PDF, fileName: 'ban-ky.pdf' },
      };
    },
    expected: attachScan,
  },
  downloadConsolidatedSignedScan: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/consolidated-reports/${(await freshApproved(t, relation, fixtures, true)).id}/versions/1/signed-scan`,
    }),
    expected: scoped,
  },
  listReportPublications: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/consolidated-reports/${(await freshApproved(t, relation, fixtures)).id}/publications`,
    }),
    expected: scoped,
  },
  publishConsolidatedReport: {
    request: async (relation, fixtures, t) => ({
      method: 'POST',
      url: `/api/v1/consolidated-reports/${(await freshApproved(t, relation, fixtures)).id}/versions/1/publish`,
      body: { documentNumber: '12/BC-UBND' },
    }),
    expected: decide,
  },
  withdrawConsolidatedReport: {
    request: async (relation, fixtures, t) => {
      const report = await freshApproved(t, relation, fixtures);
      const published = await t.call(
        'POST',
        `/api/v1/consolidated-reports/${report.id}/versions/1/publish`,
        {},
      );
      if (published.status !== 200) throw new Error(`fixture publication: ${JSON.stringify(published.body)}`);
      return {
        method: 'POST',
        url: `/api/v1/consolidated-reports/${report.id}/withdraw`,
        body: { reason: 'Số liệu cần rà soát lại' },
      };
    },
    expected: decide,
  },
  getPlanDashboard: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/dashboard`,
    }),
    expected: scoped,
  },
  /** The overview of a province: roles held in the province (or the nation); a commune's roles see nothing (404). */
  getLocalityOverview: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.provinceFor[relation]}/overview`,
    }),
    expected: (actor, relation) =>
      actor === 'admin' ||
      ((actor === 'localityAdmin' || actor === 'inspector') && relation !== 'otherLocality')
        ? 'allow'
        : 'hidden',
  },
  exportLocalityOverviewXlsx: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.provinceFor[relation]}/overview.xlsx?colours=red,yellow&problem=late_reporting`,
    }),
    expected: (actor, relation) =>
      actor === 'admin' ||
      ((actor === 'localityAdmin' || actor === 'inspector') && relation !== 'otherLocality')
        ? 'allow'
        : 'hidden',
  },
  /** "Đôn đốc": those who answer for the province's plan work; a reader of the province may not. */
  chaseLateLocalities: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/localities/${fixtures.provinceFor[relation]}/overview/chase`,
      body: { localityIds: [fixtures.localityFor[relation]] },
    }),
    expected: (actor, relation) =>
      actor === 'admin'
        ? 'allow'
        : (actor === 'localityAdmin' || actor === 'inspector') && relation !== 'otherLocality'
          ? 'forbidden'
          : 'hidden',
  },
  listReportingPeriods: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/reporting-periods`,
    }),
    expected: scoped,
  },
  createAdhocPeriod: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/reporting-periods`,
      body: {
        label: 'Báo cáo đột xuất',
        dataFrom: '2026-01-01',
        dataTo: '2026-06-30',
        dueDate: '2026-07-10',
      },
    }),
    expected: planEdit,
  },
  getReportingPeriod: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}`,
    }),
    expected: scoped,
  },
  getUnitReport: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/units/${fixtures.unitFor[relation]}/report`,
    }),
    expected: scoped,
  },
  /** Every signed-in user has their own list, filtered to their units and scope (see my-work.routes.test.ts). */
  getMyWork: {
    request: async () => ({ method: 'GET', url: '/api/v1/my-work' }),
    expected: everyone,
  },
  getUnitReportVersion: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshReport(t, relation, fixtures, 'accepted');
      return { method: 'GET', url: `/api/v1/unit-reports/${report.id}` };
    },
    expected: scoped,
  },
  saveUnitReport: {
    request: async (relation, fixtures, t) => ({
      method: 'PUT',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/units/${fixtures.unitFor[relation]}/report`,
      body: { revision: 0, difficulties: 'Thiếu nhân lực' },
    }),
    expected: reportEdit,
  },
  /** "Nhập thay": the standing agency starts the report of a unit without an account; the unit's officer writes its own. */
  startUnitReportOnBehalf: {
    request: async (relation, fixtures, t) => ({
      method: 'POST',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/units/${fixtures.unitFor[relation]}/report/on-behalf`,
    }),
    expected: planEdit,
  },
  submitUnitReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshReport(t, relation, fixtures, 'draft');
      return {
        method: 'POST',
        url: `/api/v1/unit-reports/${report.id}/submit`,
        body: { revision: report.revision },
      };
    },
    expected: reportEdit,
  },
  returnUnitReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshReport(t, relation, fixtures, 'submitted');
      return {
        method: 'POST',
        url: `/api/v1/unit-reports/${report.id}/return`,
        body: { revision: report.revision, reason: 'Bổ sung số liệu' },
      };
    },
    expected: planEdit,
  },
  acceptUnitReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshReport(t, relation, fixtures, 'submitted');
      return {
        method: 'POST',
        url: `/api/v1/unit-reports/${report.id}/accept`,
        body: { revision: report.revision },
      };
    },
    expected: planEdit,
  },
  correctUnitReport: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshReport(t, relation, fixtures, 'accepted');
      return { method: 'POST', url: `/api/v1/unit-reports/${report.id}/corrections` };
    },
    expected: reportEdit,
  },
  addAttachment: {
    request: async (relation, fixtures, t) => {
      const { report } = await freshReport(t, relation, fixtures, 'draft');
      return {
        method: 'POST',
        url: `/api/v1/unit-reports/${report.id}/attachments`,
        file: { bytes: PDF, fileName: 'minh-chung.pdf' },
      };
    },
    expected: reportEdit,
  },
  downloadAttachment: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/attachments/${await freshAttachment(t, relation, fixtures)}`,
    }),
    expected: scoped,
  },
  deleteAttachment: {
    request: async (relation, fixtures, t) => ({
      method: 'DELETE',
      url: `/api/v1/attachments/${await freshAttachment(t, relation, fixtures)}`,
    }),
    expected: reportEdit,
  },
  login: {
    request: async () => ({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { username: 'thanhdong.lanhdao', password: TEST_PASSWORD },
    }),
    expected: everyone,
  },
  logout: {
    request: async () => ({ method: 'POST', url: '/api/v1/auth/logout' }),
    expected: everyone,
    freshSession: true,
  },
  getMe: { request: async () => ({ method: 'GET', url: '/api/v1/auth/me' }), expected: everyone },
  /** Notifications are `self` routes: every signed-in user has their own (see notification.routes.test.ts). */
  listNotifications: {
    request: async () => ({ method: 'GET', url: '/api/v1/notifications' }),
    expected: everyone,
  },
  markAllNotificationsRead: {
    request: async () => ({ method: 'POST', url: '/api/v1/notifications/read-all' }),
    expected: everyone,
  },
  markNotificationRead: {
    request: async () => ({ method: 'POST', url: `/api/v1/notifications/${randomUUID()}/read` }),
    expected: everyone,
    // Nobody owns a random id: reaching the lookup is what shows the request was authorised.
    allowedWhen: (result) => result.status === 404 && result.body.error === 'notification_not_found',
  },
  changePassword: {
    request: async () => ({
      method: 'POST',
      url: '/api/v1/auth/password',
      body: { currentPassword: 'sai', newPassword: 'khong-quan-trong' },
    }),
    expected: everyone,
    allowedWhen: (result) => result.status === 400 && result.body.error === 'wrong_current_password',
  },
  listUsers: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/users?localityId=${fixtures.localityFor[relation]}`,
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  createUser: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: '/api/v1/users',
      body: {
        username: unique('new.user'),
        displayName: 'Người mới',
        password: 'mat-khau-thu-nghiem',
        roles: [{ role: 'inspector', localityId: fixtures.localityFor[relation] }],
      },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  /** The template and the preview save nothing: any user administrator (the preview names rows out of scope). */
  downloadUserImportTemplate: {
    request: async () => ({ method: 'GET', url: '/api/v1/users/import-template.xlsx' }),
    expected: only(['admin', 'localityAdmin'], () => 'allow'),
  },
  previewUserImport: {
    request: async (relation) => ({
      method: 'POST',
      url: '/api/v1/users/import-preview',
      file: {
        bytes: Buffer.from(
          `Họ và tên,Tên đăng nhập,Vai trò,Mã địa phương\nNgười mới,${unique('nhap.')},Thanh tra,${LOCALITY_CODE[relation]}\n`,
        ),
        fileName: 'danh-sach.csv',
      },
    }),
    expected: only(['admin', 'localityAdmin'], () => 'allow'),
  },
  /** Creating from a list: a row of a locality outside the administrator's scope refuses the list (400). */
  importUsers: {
    request: async (relation) => ({
      method: 'POST',
      url: '/api/v1/users/import',
      body: {
        rows: [
          {
            line: 2,
            displayName: 'Người mới',
            username: unique('nhap.'),
            email: null,
            role: 'inspector',
            localityCode: LOCALITY_CODE[relation],
            unitName: null,
          },
        ],
      },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  updateUser: {
    request: async (relation, fixtures, t) => ({
      method: 'PATCH',
      url: `/api/v1/users/${await freshUser(t, relation, fixtures)}`,
      body: { displayName: 'Tên mới' },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  resetPassword: {
    request: async (relation, fixtures, t) => ({
      method: 'POST',
      url: `/api/v1/users/${await freshUser(t, relation, fixtures)}/password-reset`,
      body: { password: 'mat-khau-dat-lai' },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  addRole: {
    request: async (relation, fixtures, t) => ({
      method: 'POST',
      url: `/api/v1/users/${await freshUser(t, relation, fixtures)}/roles`,
      body: { role: 'inspector', localityId: fixtures.localityFor[relation] },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  removeRole: {
    request: async (relation, fixtures, t) => {
      const userId = await freshUser(t, relation, fixtures);
      const user = (
        await t.call('GET', `/api/v1/users?localityId=${fixtures.localityFor[relation]}`)
      ).body.data.find((row: { id: string }) => row.id === userId);
      return { method: 'DELETE', url: `/api/v1/users/${userId}/roles/${user.roles[0].id}` };
    },
    expected: only(['admin', 'localityAdmin']),
  },
  listAuditEvents: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/audit-events?planId=${fixtures.planFor[relation]}&limit=5`,
    }),
    expected: everyone,
  },
  listLocalities: { request: async () => ({ method: 'GET', url: '/api/v1/localities' }), expected: everyone },
  getLocality: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}`,
    }),
    expected: scoped,
  },
  updateLocality: {
    request: async (relation, fixtures) => ({
      method: 'PATCH',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}`,
      body: { scoreGreen: 81 },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  createLocality: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: '/api/v1/localities',
      body: {
        code: unique('X'),
        name: unique('Xã mới '),
        level: 'commune',
        kind: 'xã',
        parentId: fixtures.provinceFor[relation],
      },
    }),
    expected: only(['admin', 'localityAdmin']),
  },
  applyLocalityChanges: {
    // A fresh commune of the province each time (a change is applied once), renamed from a date.
    request: async (relation, fixtures, t) => {
      const code = unique('XC');
      await created(t, {
        method: 'POST',
        url: '/api/v1/localities',
        body: {
          code,
          name: unique('Xã đổi tên '),
          level: 'commune',
          kind: 'xã',
          parentId: fixtures.provinceFor[relation],
        },
      });
      return {
        method: 'POST',
        url: '/api/v1/locality-changes',
        body: { changes: [{ type: 'rename', effectiveDate: '2026-01-01', code, name: unique('Tên mới ') }] },
      };
    },
    // The province's administrator for its communes; another province's commune "does not exist" (400).
    expected: only(['admin', 'localityAdmin']),
  },
  previewLocalityChanges: {
    // The same check as applying: another province's commune "does not exist" (400); nothing is written.
    request: async (relation, fixtures, t) => {
      const code = unique('XP');
      await created(t, {
        method: 'POST',
        url: '/api/v1/localities',
        body: {
          code,
          name: unique('Xã xem trước '),
          level: 'commune',
          kind: 'xã',
          parentId: fixtures.provinceFor[relation],
        },
      });
      return {
        method: 'POST',
        url: '/api/v1/locality-changes/preview',
        body: { changes: [{ type: 'rename', effectiveDate: '2026-01-01', code, name: unique('Tên mới ') }] },
      };
    },
    expected: only(['admin', 'localityAdmin']),
  },
  listUnits: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/units`,
    }),
    expected: scoped,
  },
  createUnit: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/localities/${fixtures.localityFor[relation]}/units`,
      body: { name: unique('Phòng ') },
    }),
    expected: only(['admin', 'localityAdmin', 'standingOfficer']),
  },
  updateUnit: {
    request: async (relation, fixtures, t) => ({
      method: 'PATCH',
      url: `/api/v1/units/${await freshUnit(t, relation, fixtures)}`,
      body: { kind: 'phòng' },
    }),
    expected: only(['admin', 'localityAdmin', 'standingOfficer']),
  },
  deleteUnit: {
    request: async (relation, fixtures, t) => ({
      method: 'DELETE',
      url: `/api/v1/units/${await freshUnit(t, relation, fixtures)}`,
    }),
    expected: only(['admin', 'localityAdmin', 'standingOfficer']),
  },
  listPlans: { request: async () => ({ method: 'GET', url: '/api/v1/plans' }), expected: everyone },
  getPlan: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/plans/${fixtures.planFor[relation]}`,
    }),
    expected: scoped,
  },
  createPlan: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: '/api/v1/plans',
      body: {
        localityId: fixtures.localityFor[relation],
        issuerKind: 'government',
        issuer: 'UBND',
        title: 'Kế hoạch mới',
      },
    }),
    expected: planEdit,
  },
  updatePlan: {
    request: async (relation, fixtures, t) => ({
      method: 'PATCH',
      url: `/api/v1/plans/${await freshPlan(t, relation, fixtures)}`,
      body: { signerName: 'A' },
    }),
    expected: planEdit,
  },
  deletePlan: {
    request: async (relation, fixtures, t) => ({
      method: 'DELETE',
      url: `/api/v1/plans/${await freshPlan(t, relation, fixtures)}`,
    }),
    expected: planEdit,
  },
  createIndicator: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/indicators`,
      body: { name: unique('Chỉ tiêu mới '), leadUnitId: fixtures.unitFor[relation] },
    }),
    expected: planEdit,
  },
  updateIndicator: {
    request: async (relation, fixtures, t) => ({
      method: 'PATCH',
      url: `/api/v1/indicators/${await freshIndicator(t, relation, fixtures)}`,
      body: { unit: '%' },
    }),
    expected: ledEdit,
  },
  deleteIndicator: {
    request: async (relation, fixtures, t) => ({
      method: 'DELETE',
      url: `/api/v1/indicators/${await freshIndicator(t, relation, fixtures)}`,
    }),
    expected: planEdit,
  },
  putTarget: {
    request: async (relation, fixtures, t) => ({
      method: 'PUT',
      url: `/api/v1/indicators/${await freshIndicator(t, relation, fixtures)}/targets/2027`,
      body: { op: '>=', value: 80, rawText: '80%' },
    }),
    expected: ledEdit,
  },
  deleteTarget: {
    request: async (relation, fixtures, t) => ({
      method: 'DELETE',
      url: `/api/v1/indicators/${await freshIndicator(t, relation, fixtures)}/targets/2026`,
    }),
    expected: ledEdit,
  },
  createTask: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/tasks`,
      body: { name: unique('Nhiệm vụ mới '), leadUnitId: fixtures.unitFor[relation] },
    }),
    expected: planEdit,
  },
  updateTask: {
    request: async (relation, fixtures, t) => ({
      method: 'PATCH',
      url: `/api/v1/tasks/${await freshTask(t, relation, fixtures)}`,
      body: { output: 'Báo cáo' },
    }),
    expected: ledEdit,
  },
  deleteTask: {
    request: async (relation, fixtures, t) => ({
      method: 'DELETE',
      url: `/api/v1/tasks/${await freshTask(t, relation, fixtures)}`,
    }),
    expected: planEdit,
  },
  /** Handing tasks to a lead unit is the standing agency's: a unit officer may not take or give tasks. */
  assignTasks: {
    request: async (relation, fixtures, t) => ({
      method: 'POST',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/tasks/assign`,
      body: { taskIds: [await freshTask(t, relation, fixtures)], leadUnitId: fixtures.unitFor[relation] },
    }),
    expected: planEdit,
  },
  listCatalog: { request: async () => ({ method: 'GET', url: '/api/v1/catalog' }), expected: everyone },
  getCatalogIndicator: {
    request: async () => ({ method: 'GET', url: '/api/v1/catalog/HT.DI_DONG.PHU_SONG_5G' }),
    expected: everyone,
  },
  search: {
    request: async () => ({ method: 'GET', url: '/api/v1/search?q=phu%20song' }),
    expected: everyone,
  },
  /** Reading a document into a draft saves nothing; the locality chosen at upload must be one the officer edits. */
  importPlanDocument: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: `/api/v1/imports?localityId=${fixtures.localityFor[relation]}`,
      file: { bytes: PLAN_TEXT, fileName: 'ke-hoach.txt' },
    }),
    expected: only(['admin', 'standingOfficer']),
  },
  /** An import job (made here by the administrator) is seen only by its creator and system administrators. */
  getImportJob: {
    request: async (_relation, _fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/imports/${await freshImportJob(t)}`,
    }),
    expected: importJobOwner,
  },
  cancelImportJob: {
    request: async (_relation, _fixtures, t) => ({
      method: 'POST',
      url: `/api/v1/imports/${await freshImportJob(t)}/cancel`,
    }),
    expected: importJobOwner,
  },
  /** Saving a reviewed draft creates a plan in the locality: plan editors there. */
  savePlanDraft: {
    request: async (relation, fixtures) => ({
      method: 'POST',
      url: '/api/v1/plans/from-draft',
      body: {
        localityId: fixtures.localityFor[relation],
        draft: {
          plan: {
            number: null,
            issuer: 'UBND',
            issuerKind: 'government',
            locality: { name: null, level: null, province: null },
            issuedDate: null,
            title: unique('Kế hoạch nhập '),
            signer: null,
            basis: [],
            replaces: [],
            standingAgency: null,
            reporting: [],
          },
          indicators: [],
          tasks: [],
          uncertain: [],
        },
        unitMapping: {},
        // The draft names no locality: confirmed, so only the authorization decides the answer.
        confirmLocality: true,
      },
    }),
    expected: planEdit,
  },
};

/** Downloads follow the plan's read scope; the template upload is writing the unit's report. */
const EXPORT_RULES: Record<string, Rule> = {
  exportPlanDocx: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/export.docx`,
    }),
    expected: scoped,
  },
  exportPlanIndicatorsXlsx: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/indicators.xlsx`,
    }),
    expected: scoped,
  },
  exportPlanTasksXlsx: {
    request: async (relation, fixtures) => ({
      method: 'GET',
      url: `/api/v1/plans/${fixtures.planFor[relation]}/tasks.xlsx`,
    }),
    expected: scoped,
  },
  exportConsolidatedReportDocx: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/consolidated-report.docx`,
    }),
    expected: scoped,
  },
  exportConsolidatedReportPdf: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/consolidated-report.pdf`,
    }),
    expected: scoped,
  },
  exportPeriodStatusXlsx: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/status.xlsx`,
    }),
    expected: scoped,
  },
  exportReportTemplateXlsx: {
    request: async (relation, fixtures, t) => ({
      method: 'GET',
      url: `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/units/${fixtures.unitFor[relation]}/template.xlsx`,
    }),
    expected: scoped,
  },
  importReportTemplateXlsx: {
    request: async (relation, fixtures, t) => {
      const url = `/api/v1/reporting-periods/${await freshPeriod(t, relation, fixtures)}/units/${fixtures.unitFor[relation]}/template.xlsx`;
      const template = await t.app.inject({ method: 'GET', url, cookies: t.cookies, headers: t.headers });
      if (template.statusCode !== 200) throw new Error(`fixture template: ${template.body}`);
      return { method: 'POST', url, file: { bytes: template.rawPayload, fileName: 'bieu-mau.xlsx' } };
    },
    expected: reportEdit,
  },
};
Object.assign(RULES, EXPORT_RULES);

/**
 * The map's boundaries are public geography (boundary.routes.ts): every actor reads every province's,
 * Hải Phòng's (31) as Thái Nguyên's (19), and so does a visitor without a session (boundary.routes.test.ts).
 */
const BOUNDARY_RULES: Record<string, Rule> = {
  getProvinceBoundaries: {
    request: async () => ({ method: 'GET', url: '/api/v1/boundaries/provinces' }),
    expected: everyone,
  },
  getCommuneBoundaries: {
    request: async (relation) => ({
      method: 'GET',
      url: `/api/v1/boundaries/provinces/${relation === 'otherLocality' ? '19' : '31'}/communes`,
    }),
    expected: everyone,
  },
};
Object.assign(RULES, BOUNDARY_RULES);

/** Sends a case as JSON, or as raw bytes for a file upload. */
const send = async (t: TestApp, client: Client, request: Request): Promise<CallResult> => {
  if (!request.file) return client.call(request.method, request.url, request.body);
  const response = await t.app.inject({
    method: request.method,
    url: request.url,
    payload: request.file.bytes,
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': request.file.fileName,
      ...client.headers,
    },
    cookies: client.cookies,
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null, response };
};

const outcomeOf = (result: CallResult, rule: Rule): Outcome | `unexpected ${number}` => {
  if (rule.allowedWhen?.(result) || (result.status >= 200 && result.status < 300)) return 'allow';
  if (result.status === 403) return 'forbidden';
  if (result.status === 404 || (result.status === 400 && /^unknown_/.test(result.body?.error ?? '')))
    return 'hidden';
  return `unexpected ${result.status}`;
};

describe('authorization matrix', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const clients = {} as Record<ActorName, Client>;

  beforeAll(async () => {
    // Who may download is the question here; LibreOffice's conversion is tested in export.routes.test.ts.
    t = await buildTestApp({ demo: true, pdf: FAKE_PDF_CONVERTER });
    for (const [actor, username] of Object.entries(ACTORS))
      clients[actor as ActorName] = await t.signIn(username);
    const localityIds = await localityIdsByName(t, ['Thành Đông', 'Dân Tiến', 'Hải Phòng', 'Thái Nguyên']);
    const idOf = (name: string) => localityIds.get(name)!;
    const plans: Array<{ id: string; localityName: string }> = (await t.call('GET', '/api/v1/plans')).body
      .data;
    const unitsOf = async (localityId: string): Promise<Array<{ id: string; name: string }>> =>
      (await t.call('GET', `/api/v1/localities/${localityId}/units`)).body.data;
    const thanhDong = idOf('Thành Đông');
    const danTien = idOf('Dân Tiến');
    const thanhDongUnits = await unitsOf(thanhDong);
    const danTienUnits = await unitsOf(danTien);
    const thanhDongPlan = plans.find((plan) => plan.localityName === 'Thành Đông')!.id;
    const danTienPlan = plans.find((plan) => plan.localityName === 'Dân Tiến')!.id;
    fixtures = {
      locality: { thanhDong, danTien, haiPhong: idOf('Hải Phòng'), thaiNguyen: idOf('Thái Nguyên') },
      unitFor: {
        ownUnit: thanhDongUnits.find((unit) => unit.name === 'Trung tâm HCC')!.id,
        otherUnit: thanhDongUnits.find((unit) => unit.name === 'Phòng Văn hóa - Xã hội')!.id,
        otherLocality: danTienUnits.find((unit) => unit.name === 'Trung tâm phục vụ hành chính công')!.id,
      },
      planFor: { ownUnit: thanhDongPlan, otherUnit: thanhDongPlan, otherLocality: danTienPlan },
      localityFor: { ownUnit: thanhDong, otherUnit: thanhDong, otherLocality: danTien },
      provinceFor: {
        ownUnit: idOf('Hải Phòng'),
        otherUnit: idOf('Hải Phòng'),
        otherLocality: idOf('Thái Nguyên'),
      },
    };
  });
  afterAll(() => t.close());

  it('should have a rule for every route, and no rule for a route that does not exist', () => {
    const operationIds = ALL_ROUTES.map((route) => route.operationId).sort();
    expect(Object.keys(RULES).sort()).toEqual(operationIds);
  });

  it('should refuse every non-public route without a session (401)', async () => {
    for (const route of ALL_ROUTES) {
      const rule = RULES[route.operationId];
      if (!rule || route.permission === 'public') continue;
      const request = await rule.request('ownUnit', fixtures, t);
      const result = await send(t, t.anonymous, request);
      expect(result.status, `${route.operationId} without a session`).toBe(401);
    }
  });

  for (const route of ALL_ROUTES) {
    it(`${route.method} ${route.path} (${route.operationId})`, async () => {
      const rule = RULES[route.operationId];
      expect(rule, `no authorization rule for ${route.operationId}`).toBeDefined();
      if (!rule) return;
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const actor of Object.keys(ACTORS) as ActorName[]) {
        for (const relation of RELATIONS) {
          const request = await rule.request(relation, fixtures, t);
          const client = rule.freshSession ? await t.signIn(ACTORS[actor]) : clients[actor];
          const result = await send(t, client, request);
          seen.push(`${actor}/${relation}: ${outcomeOf(result, rule)}`);
          wanted.push(`${actor}/${relation}: ${rule.expected(actor, relation)}`);
        }
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('should show a unit officer only the audit trail of their own locality', async () => {
    const events = (
      await clients.unitOfficer.call('GET', `/api/v1/audit-events?planId=${fixtures.planFor.otherLocality}`)
    ).body.data;
    expect(events).toEqual([]);
    const own = (
      await clients.unitOfficer.call('GET', `/api/v1/audit-events?planId=${fixtures.planFor.ownUnit}&limit=5`)
    ).body.data;
    expect(own.length).toBeGreaterThan(0);
  });
});

/**
 * Users with roles in several scopes, as targets and as actors: an administrator manages a user only
 * when their scope covers every role of that user, and a system administrator only as one.
 */
describe('authorization matrix: users with roles in several scopes', () => {
  type Target = 'inScope' | 'straddling' | 'systemAdmin';
  type MultiActor = 'admin' | 'localityAdmin' | 'twoProvinces' | 'adminAndInspector' | 'inspector';
  const TARGETS: Target[] = ['inScope', 'straddling', 'systemAdmin'];
  /** twoProvinces administers Hải Phòng and Thái Nguyên; adminAndInspector administers Hải Phòng and inspects Dân Tiến. */
  const EXPECTED: Record<MultiActor, Record<Target, Outcome>> = {
    admin: { inScope: 'allow', straddling: 'allow', systemAdmin: 'allow' },
    localityAdmin: { inScope: 'allow', straddling: 'forbidden', systemAdmin: 'forbidden' },
    twoProvinces: { inScope: 'allow', straddling: 'allow', systemAdmin: 'forbidden' },
    adminAndInspector: { inScope: 'allow', straddling: 'forbidden', systemAdmin: 'forbidden' },
    inspector: { inScope: 'forbidden', straddling: 'forbidden', systemAdmin: 'forbidden' },
  };
  const ROUTES: Record<string, (userId: string, roleId: string, thanhDong: string) => Request> = {
    rename: (id) => ({ method: 'PATCH', url: `/api/v1/users/${id}`, body: { displayName: 'Tên mới' } }),
    disable: (id) => ({ method: 'PATCH', url: `/api/v1/users/${id}`, body: { isDisabled: true } }),
    resetPassword: (id) => ({
      method: 'POST',
      url: `/api/v1/users/${id}/password-reset`,
      body: { password: 'mat-khau-dat-lai' },
    }),
    addRole: (id, _roleId, thanhDong) => ({
      method: 'POST',
      url: `/api/v1/users/${id}/roles`,
      body: { role: 'leader', localityId: thanhDong },
    }),
    removeRole: (id, roleId) => ({ method: 'DELETE', url: `/api/v1/users/${id}/roles/${roleId}` }),
  };
  let t: TestApp;
  const clients = {} as Record<MultiActor, Client>;
  const rolesOf = {} as Record<Target, Array<{ role: Role; localityId: string }>>;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const localityIds = await localityIdsByName(t, ['Thành Đông', 'Dân Tiến', 'Hải Phòng', 'Thái Nguyên']);
    const idOf = (name: string) => localityIds.get(name)!;
    const [thanhDong, danTien, haiPhong] = [idOf('Thành Đông'), idOf('Dân Tiến'), idOf('Hải Phòng')];
    rolesOf.inScope = [
      { role: 'inspector', localityId: thanhDong },
      { role: 'leader', localityId: haiPhong },
    ];
    rolesOf.straddling = [
      { role: 'inspector', localityId: thanhDong },
      { role: 'leader', localityId: danTien },
    ];
    rolesOf.systemAdmin = [
      { role: 'inspector', localityId: thanhDong },
      { role: 'system_admin', localityId: t.rootLocalityId },
    ];
    const users = createUserService({ db: t.handle.db, clock: fixedClock });
    const context = { actor: systemActor('matrix setup'), ip: null, userAgent: null };
    const actorRoles: Record<
      'twoProvinces' | 'adminAndInspector',
      Array<{ role: Role; localityId: string }>
    > = {
      twoProvinces: [
        { role: 'locality_admin', localityId: haiPhong },
        { role: 'locality_admin', localityId: idOf('Thái Nguyên') },
      ],
      adminAndInspector: [
        { role: 'locality_admin', localityId: haiPhong },
        { role: 'inspector', localityId: danTien },
      ],
    };
    for (const [name, roles] of Object.entries(actorRoles)) {
      const username = `matrix.${name.toLowerCase()}`;
      await users.create(
        context,
        { username, displayName: name, password: TEST_PASSWORD, roles },
        { mustChangePassword: false },
      );
      clients[name as MultiActor] = await t.signIn(username);
    }
    clients.admin = t;
    clients.localityAdmin = await t.signIn(ACTORS.localityAdmin);
    clients.inspector = await t.signIn(ACTORS.inspector);
  });
  afterAll(() => t.close());

  for (const [name, build] of Object.entries(ROUTES)) {
    it(`${name} of a user with roles in several scopes`, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const actor of Object.keys(EXPECTED) as MultiActor[]) {
        for (const target of TARGETS) {
          const created = await t.call('POST', '/api/v1/users', {
            username: unique('matrix.multi'),
            displayName: 'Người nhiều phạm vi',
            password: 'mat-khau-thu-nghiem',
            roles: rolesOf[target],
          });
          const { id, roles } = created.body.data as { id: string; roles: Array<{ id: string; role: Role }> };
          const inspectorRole = roles.find((role) => role.role === 'inspector')!.id;
          const result = await send(
            t,
            clients[actor],
            build(id, inspectorRole, rolesOf.inScope[0]!.localityId),
          );
          seen.push(`${actor}/${target}: ${outcomeOf(result, {} as Rule)}`);
          wanted.push(`${actor}/${target}: ${EXPECTED[actor][target]}`);
        }
      }
      expect(seen).toEqual(wanted);
    });
  }
});
