/**
 * The five causes of a 500 the fuzz probe found (issue #10 item 7), each reproduced through the real
 * app on the real database, and the framework errors that answered in English: every one is now a 4xx
 * with the app's Vietnamese error body.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/route';
import { buildLocality, buildPlan, buildUnit } from '../test/factories';
import { buildTestApp, type TestApp } from '../test/test-app';

/** The error body of STYLE.md §11, with a Vietnamese message (at least one letter with a diacritic). */
const expectVietnameseError = (body: unknown, status: number) => {
  expect(body).toMatchObject({ ok: false, status, message: expect.stringMatching(/[à-ỹÀ-Ỹ]/) });
};

describe('bad input never answers 500', () => {
  let t: TestApp;
  let localityId: string;
  let unitId: string;
  let planId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    localityId = (await buildLocality(t)).id;
    unitId = (await buildUnit(t, localityId)).id;
    planId = (await buildPlan(t, localityId)).id;
  });
  afterAll(() => t.close());

  it('should refuse a NUL character in a text field, anonymous sign-in included, naming the field', async () => {
    const login = await t.anonymous.call('POST', '/api/v1/auth/login', {
      username: 'ad\u0000min',
      password: 'x',
    });
    expect(login.status).toBe(400);
    expect(login.body.details).toEqual([
      { field: 'username', message: 'Tên đăng nhập có ký tự NUL (mã 0) không được phép' },
    ]);
    const password = await t.anonymous.call('POST', '/api/v1/auth/login', {
      username: 'admin',
      password: 'a\u0000',
    });
    expect(password.status).toBe(400);
    expect(password.body.details[0].field).toBe('password');

    const unit = await t.call('POST', `/api/v1/localities/${localityId}/units`, {
      name: 'Phòng\u0000Kinh tế',
    });
    expect(unit.status).toBe(400);
    expect(unit.body.message).toBe('Tên đơn vị có ký tự NUL (mã 0) không được phép');

    const search = await t.call('GET', '/api/v1/search?q=a%00b');
    expect(search.status).toBe(400);
    expect(search.body.details[0].field).toBe('q');
    const plans = await t.call('GET', '/api/v1/plans?q=%00');
    expect(plans.status).toBe(400);
  });

  it('should refuse a lone surrogate before it reaches the audit trail (jsonb)', async () => {
    const renamed = await t.call('PATCH', `/api/v1/plans/${planId}`, { title: 'Kế hoạch \uD800 mới' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.details).toEqual([
      { field: 'title', message: 'Trích yếu (tên kế hoạch) có ký tự Unicode bị hỏng (nửa cặp thay thế)' },
    ]);
    const trailing = await t.call('POST', `/api/v1/localities/${localityId}/units`, { name: 'Phòng \uDC00' });
    expect(trailing.status).toBe(400);
    // A real pair (an emoji) is well-formed Unicode and is kept as typed.
    const emoji = await t.call('POST', `/api/v1/localities/${localityId}/units`, { name: 'Tổ công nghệ 🚀' });
    expect(emoji.status).toBe(201);
    expect(emoji.body.data.name).toBe('Tổ công nghệ 🚀');
  });

  it('should refuse a revision beyond the database integer range', async () => {
    for (const revision of [2 ** 31, 2 ** 53, -1, 1.5]) {
      const save = await t.call('PUT', `/api/v1/reporting-periods/${randomUUID()}/units/${unitId}/report`, {
        revision,
      });
      expect(save.status).toBe(400);
      expect(save.body.details[0].field).toBe('revision');
    }
    const consolidated = await t.call(
      'POST',
      `/api/v1/reporting-periods/${randomUUID()}/consolidated/submit`,
      {
        revision: 2 ** 31,
      },
    );
    expect([400, 404]).toContain(consolidated.status);
  });

  it('should refuse an empty PATCH body with "nothing to save"', async () => {
    const empty = await t.call('PATCH', `/api/v1/units/${unitId}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('Không có thay đổi nào để lưu: hãy gửi ít nhất một trường cần sửa');
    // Unknown fields are dropped by the schema, so they count as nothing to save too.
    expect((await t.call('PATCH', `/api/v1/units/${unitId}`, { colour: 'đỏ' })).status).toBe(400);
    expect((await t.call('PATCH', `/api/v1/plans/${planId}`, {})).status).toBe(400);
    expect((await t.call('PATCH', `/api/v1/users/${t.userId}`, {})).status).toBe(400);
  });

  it('should refuse a role with an unknown unit as a 400 naming the field', async () => {
    for (const role of ['unit_officer', 'leader', 'inspector']) {
      const created = await t.call('POST', '/api/v1/users', {
        username: `can-bo-${role.replace('_', '-')}`,
        displayName: 'Cán bộ mới',
        password: 'mat-khau-ban-dau',
        roles: [{ role, localityId, unitId: randomUUID() }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(400);
      expectVietnameseError(created.body, 400);
      expect(created.body.details[0].field).toMatch(/unitId$/);
      const added = await t.call('POST', `/api/v1/users/${t.userId}/roles`, {
        role,
        localityId,
        unitId: randomUUID(),
      });
      expect(added.status, JSON.stringify(added.body)).toBe(400);
      expectVietnameseError(added.body, 400);
      expect(added.body.details[0].field).toMatch(/unitId$/);
    }
  });

  it('should answer framework errors in the Vietnamese error body', async () => {
    const badUrl = await t.call('GET', '/api/v1/plans/%E0%A4%A');
    expect(badUrl.status).toBe(400);
    expect(badUrl.body).toMatchObject({ error: 'bad_url', message: expect.stringContaining('Đường dẫn') });

    const longParam = await t.call('GET', `/api/v1/plans/${'a'.repeat(500)}`);
    expect(longParam.status).toBe(414);
    expectVietnameseError(longParam.body, 414);

    const unknown = await t.call('GET', '/api/v1/khong-co');
    expect(unknown.status).toBe(404);
    expectVietnameseError(unknown.body, 404);

    const malformed = await t.call('POST', '/api/v1/plans', '{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('invalid_json');

    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=admin',
    });
    expect(form.statusCode).toBe(415);
    expectVietnameseError(form.json(), 415);

    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a'.repeat(6 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expectVietnameseError(huge.json(), 413);
  });

  it('should record an image tesseract cannot decode as a failed import, not crash the server', async () => {
    // A PNG header whose width is beyond libpng's range: tesseract's worker rejects the job, which it
    // used to throw out of its message listener as an uncaught exception.
    const ihdr = Buffer.from([
      0, 0, 0, 13, 73, 72, 68, 82, 255, 255, 255, 255, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), ihdr]);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...t.headers, 'content-type': 'application/octet-stream', 'x-file-name': 'scan.png' },
      cookies: t.cookies,
      payload: png,
    });
    if (upload.statusCode !== 202) {
      // Refused from its first bytes already: a 4xx in the error body is as good.
      expect(upload.statusCode).toBeLessThan(500);
      return;
    }
    const jobId = upload.json().data.id as string;
    let status = 'queued';
    for (let attempt = 0; attempt < 120 && (status === 'queued' || status === 'running'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await t.call('GET', `/api/v1/imports/${jobId}`)).body.data.status;
    }
    expect(status).toBe('failed');
  });

  it('should answer a header or URL over the HTTP parser limit with a Vietnamese 431 body', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const send = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const bigHeader = await send('/api/v1/auth/me', { cookie: `${SESSION_COOKIE}=${'x'.repeat(20_000)}` });
    expect(bigHeader.status).toBe(431);
    expectVietnameseError(JSON.parse(bigHeader.body), 431);
    const longUrl = await send(`/api/v1/search?q=${'a'.repeat(20_000)}`, {});
    expect(longUrl.status).toBe(431);
    expectVietnameseError(JSON.parse(longUrl.body), 431);
  });
});
