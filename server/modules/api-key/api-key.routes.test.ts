/**
 * API keys of integrations: issued by a locality's administrator, shown once and stored hashed; a
 * read-only key pulls the approved figures of its locality (and nothing of another, nor any other
 * route); a submit-only key pushes its communes' submission packages (and nothing else); a revoked key
 * is refused at once; issuing, revoking and what a key does are audited.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey } from '../../db/schema';
import { localityIdByCode } from '../../test/factories';
import { buildTestApp, type Client, FAKE_PDF_CONVERTER, type TestApp } from '../../test/test-app';

type Key = { key: { id: string; prefix: string }; token: string };

describe('API keys of integrations', () => {
  let t: TestApp;
  let admin: Client;
  const locality = {} as Record<'haiPhong' | 'thanhDong' | 'thaiNguyen' | 'danTien', string>;
  const period = {} as Record<'thanhDong' | 'danTien', string>;
  let readKey: Key;
  let submitKey: Key;

  const bearer = (token: string, method: 'GET' | 'POST', url: string, payload?: Buffer) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload ? { 'content-type': 'application/octet-stream', 'x-file-name': 'goi.zip' } : {}),
      },
      ...(payload ? { payload } : {}),
    });
  const packageUrl = (periodId: string) =>
    `/api/v1/reporting-periods/${periodId}/consolidated-report/submission-package.zip`;

  /** Approves the current period's consolidated report of the locality's demo plan. */
  const approveCurrent = async (localityName: string) => {
    const plans = (await t.call('GET', '/api/v1/plans')).body.data as Array<{
      id: string;
      localityName: string;
    }>;
    const planId = plans.find((row) => row.localityName === localityName)!.id;
    const periodId = (await t.call('GET', `/api/v1/plans/${planId}/dashboard`)).body.data.period.id as string;
    const saved = await t.call('PUT', `/api/v1/reporting-periods/${periodId}/consolidated-report`, {
      revision: 0,
      narrative: 'Tổng hợp',
    });
    const sent = await t.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/send`, {
      revision: saved.body.data.revision,
    });
    const approved = await t.call('POST', `/api/v1/consolidated-reports/${saved.body.data.id}/approve`, {
      revision: sent.body.data.revision,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    return periodId;
  };

  beforeAll(async () => {
    t = await buildTestApp({ demo: true, pdf: FAKE_PDF_CONVERTER });
    const idOf = (code: string) => localityIdByCode(t, code);
    Object.assign(locality, {
      haiPhong: await idOf('31'),
      thanhDong: await idOf('10507'),
      thaiNguyen: await idOf('19'),
      danTien: await idOf('05755'),
    });
    period.thanhDong = await approveCurrent('Thành Đông');
    period.danTien = await approveCurrent('Dân Tiến');
    admin = await t.signIn('haiphong.admin');
  }, 120_000);
  afterAll(() => t?.close());

  it('should show a new key once and store only its SHA-256', async () => {
    const created = await admin.call('POST', `/api/v1/localities/${locality.haiPhong}/api-keys`, {
      name: 'Trung tâm điều hành thông minh',
      scope: 'read',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    readKey = created.body.data;
    expect(readKey.token).toMatch(/^ltk_[A-Za-z0-9_-]{40,}$/);
    expect(readKey.token.startsWith(readKey.key.prefix)).toBe(true);
    const [row] = await t.handle.db.select().from(apiKey).where(eq(apiKey.id, readKey.key.id));
    expect(row!.keyHash).toBe(createHash('sha256').update(readKey.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(readKey.token);
    const listed = await admin.call('GET', `/api/v1/localities/${locality.haiPhong}/api-keys`);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(readKey.token);
    expect(listed.body.data[0]).toMatchObject({ id: readKey.key.id, scope: 'read', revokedAt: null });
  });

  it('should let a read-only key pull its locality’s approved figures and nothing else', async () => {
    const own = await bearer(readKey.token, 'GET', packageUrl(period.thanhDong));
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers['content-type']).toBe('application/zip');
    const dhis2 = await bearer(
      readKey.token,
      'GET',
      `/api/v1/reporting-periods/${period.thanhDong}/consolidated-report/dhis2.json`,
    );
    expect(dhis2.statusCode, dhis2.body).toBe(200);
    expect(JSON.parse(dhis2.body).orgUnit).toBe('10507');
    const listed = await bearer(
      readKey.token,
      'GET',
      `/api/v1/localities/${locality.haiPhong}/submission-packages`,
    );
    expect(listed.statusCode).toBe(200);

    expect((await bearer(readKey.token, 'GET', packageUrl(period.danTien))).statusCode).toBe(404);
    const otherRoute = await bearer(readKey.token, 'GET', '/api/v1/plans');
    expect(otherRoute.statusCode).toBe(403);
    expect(otherRoute.json().message).toContain('không nhận khóa API');
    const push = await bearer(readKey.token, 'POST', '/api/v1/submission-packages', own.rawPayload);
    expect(push.statusCode).toBe(403);
    expect(push.json().message).toContain('chỉ đọc');
  });

  it('should let a submit-only key push the packages of its commune, and refuse anything else', async () => {
    const created = await admin.call('POST', `/api/v1/localities/${locality.thanhDong}/api-keys`, {
      name: 'Hệ thống của phường Thành Đông',
      scope: 'submit',
    });
    expect(created.status).toBe(201);
    submitKey = created.body.data;
    const ownPackage = (
      await t.app.inject({ method: 'GET', url: packageUrl(period.thanhDong), cookies: t.cookies })
    ).rawPayload;
    const otherPackage = (
      await t.app.inject({ method: 'GET', url: packageUrl(period.danTien), cookies: t.cookies })
    ).rawPayload;
    const pushed = await bearer(submitKey.token, 'POST', '/api/v1/submission-packages', ownPackage);
    expect(pushed.statusCode, pushed.body).toBe(201);
    const again = await bearer(submitKey.token, 'POST', '/api/v1/submission-packages', ownPackage);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.outcome).toBe('already_received');
    const other = await bearer(submitKey.token, 'POST', '/api/v1/submission-packages', otherPackage);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('Dân Tiến');
    const read = await bearer(submitKey.token, 'GET', packageUrl(period.thanhDong));
    expect(read.statusCode).toBe(403);
    expect(read.json().message).toContain('chỉ gửi gói báo cáo');

    const audit = await t.call('GET', '/api/v1/audit-events?entityType=submission_package');
    expect(audit.body.data[0].actorName).toBe('Khóa API "Hệ thống của phường Thành Đông"');
  });

  it('should refuse a revoked key at once, an unknown key, and audit issuing and revoking', async () => {
    const revoked = await admin.call('POST', `/api/v1/api-keys/${readKey.key.id}/revoke`);
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.data.revokedAt).not.toBeNull();
    const refused = await bearer(readKey.token, 'GET', packageUrl(period.thanhDong));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toContain('đã bị thu hồi');
    const unknown = await bearer(`${readKey.token.slice(0, -2)}xx`, 'GET', packageUrl(period.thanhDong));
    expect(unknown.statusCode).toBe(401);
    const audit = await t.call('GET', '/api/v1/audit-events?entityType=api_key');
    const actions = (audit.body.data as Array<{ entityId: string; action: string }>)
      .filter((event) => event.entityId === readKey.key.id)
      .map((event) => event.action)
      .sort();
    expect(actions).toEqual(['create', 'update']);
  });

  it('should keep key management to the administrators of the locality', async () => {
    const outside = await admin.call('POST', `/api/v1/localities/${locality.thaiNguyen}/api-keys`, {
      name: 'Khóa thử',
      scope: 'read',
    });
    expect(outside.status).toBe(404);
    expect((await admin.call('GET', `/api/v1/localities/${locality.danTien}/api-keys`)).status).toBe(404);
    const leader = await t.signIn('thanhdong.lanhdao');
    expect(
      (
        await leader.call('POST', `/api/v1/localities/${locality.thanhDong}/api-keys`, {
          name: 'x',
          scope: 'read',
        })
      ).status,
    ).toBe(403);
    const bad = await admin.call('POST', `/api/v1/localities/${locality.haiPhong}/api-keys`, {
      name: ' ',
      scope: 'write',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('Tên kết nối');
  });
});
