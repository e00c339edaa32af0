/**
 * The boundaries route: public (no session needed, the same answer for everyone), cacheable (ETag,
 * a week of max-age, 304 on a current copy, gzip when asked), every province of the register
 * answering, and a Vietnamese 404 / 400 for a code that is not a province's.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { readRegister } from '../locality/locality.register';
import { BOUNDARY_MAX_AGE_SECONDS } from './boundary.service';

describe('boundaries (GET /api/v1/boundaries/…)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('should give the 34 provinces to a visitor without a session, with ETag and a long max-age', async () => {
    const result = await t.anonymous.call('GET', '/api/v1/boundaries/provinces');
    expect(result.status).toBe(200);
    expect(result.body.data.type).toBe('Topology');
    expect(result.body.data.objects.provinces.geometries).toHaveLength(34);
    expect(result.response.headers['cache-control']).toBe(`public, max-age=${BOUNDARY_MAX_AGE_SECONDS}`);
    expect(BOUNDARY_MAX_AGE_SECONDS).toBeGreaterThanOrEqual(24 * 3600);
    expect(result.response.headers.etag).toMatch(/^"[\w-]{27}"$/);
    // A signed-in user gets the same file.
    const signedIn = await t.call('GET', '/api/v1/boundaries/provinces');
    expect(signedIn.response.headers.etag).toBe(result.response.headers.etag);
  });

  it('should answer 304 without a body when the copy is current, and the file again when it is not', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/boundaries/provinces/19/communes' });
    const etag = String(first.headers.etag);
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/v1/boundaries/provinces/19/communes',
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const stale = await t.app.inject({
      method: 'GET',
      url: '/api/v1/boundaries/provinces/19/communes',
      headers: { 'if-none-match': '"an-old-release"' },
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.body);
    // Another province's file is another ETag.
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/boundaries/provinces/31/communes' });
    expect(other.headers.etag).not.toBe(etag);
  });

  it('should send the file gzipped to a client that accepts gzip', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/boundaries/provinces/19/communes' });
    const zipped = await t.app.inject({
      method: 'GET',
      url: '/api/v1/boundaries/provinces/19/communes',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it('should answer for every province of the register, each file holding exactly its communes', async () => {
    const register = readRegister();
    expect(register.provinces).toHaveLength(34);
    for (const province of register.provinces) {
      const result = await t.anonymous.call('GET', `/api/v1/boundaries/provinces/${province.code}/communes`);
      expect(result.status, province.name).toBe(200);
      const codes = (result.body.data.objects.communes.geometries as Array<{ properties: { code: string } }>)
        .map((geometry) => geometry.properties.code)
        .sort();
      expect(codes, province.name).toEqual(province.communes.map((commune) => commune.code).sort());
    }
  });

  it('should refuse an unknown province code with a Vietnamese 404, and a malformed one with a 400', async () => {
    const unknown = await t.anonymous.call('GET', '/api/v1/boundaries/provinces/99/communes');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(
      'Chưa có ranh giới xã, phường của tỉnh, thành phố mã 99: mã này không có trong danh mục 34 tỉnh, thành phố.',
    );
    // An error is never cached.
    expect(unknown.response.headers['cache-control']).toBe('no-store');
    // A path trying to leave the folder, or a commune's code: refused before any file is looked for.
    for (const code of ['..%2Fprovinces', '05755', '1']) {
      const malformed = await t.anonymous.call('GET', `/api/v1/boundaries/provinces/${code}/communes`);
      expect(malformed.status, code).toBe(400);
      expect(malformed.body.message, code).toMatch(/^Đường dẫn không hợp lệ/);
    }
  });

  it('should leave the other API answers uncached', async () => {
    const me = await t.call('GET', '/api/v1/auth/me');
    expect(me.response.headers['cache-control']).toBe('no-store');
  });
});
