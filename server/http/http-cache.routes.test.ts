/**
 * HTTP caching of API reads (server/http/http-cache.ts): a read gets a weak ETag and `private, no-cache`,
 * the same read with that tag comes back as an empty 304, a change gives a new tag, and authorization runs
 * before any 304 — a user who may not read a resource never gets a 304 for it, whatever tag they send.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../test/test-app';
import { API_READ_CACHE_CONTROL, etagMatches, installHttpCache, weakEtagOf } from './http-cache';

/** A GET with the client's session and an If-None-Match header. */
const getWithTag = (t: TestApp, client: Client, url: string, etag: string) =>
  t.app.inject({ method: 'GET', url, cookies: client.cookies, headers: { 'if-none-match': etag } });

describe('HTTP caching of API reads', () => {
  let t: TestApp;
  let thanhDongPlanId: string;
  let danTienPlanId: string;

  beforeAll(async () => {
    t = await buildTestApp({ demo: true });
    const plans = (await t.call('GET', '/api/v1/plans')).body.data as Array<{
      id: string;
      localityName: string;
    }>;
    thanhDongPlanId = plans.find((plan) => plan.localityName.includes('Thành Đông'))!.id;
    danTienPlanId = plans.find((plan) => plan.localityName.includes('Dân Tiến'))!.id;
  });
  afterAll(() => t.close());

  it('should tag a read, keep it private and answer the same tag with an empty 304', async () => {
    const leader = await t.signIn('thanhdong.lanhdao');
    const url = `/api/v1/plans/${thanhDongPlanId}`;
    const first = await leader.call('GET', url);
    expect(first.status).toBe(200);
    const etag = String(first.response.headers.etag);
    expect(etag).toBe(weakEtagOf(first.response.body));
    expect(first.response.headers['cache-control']).toBe(API_READ_CACHE_CONTROL);
    expect(first.response.headers.vary).toMatch(/Cookie/);

    const again = await getWithTag(t, leader, url, etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['content-length']).toBeUndefined();

    // Another tag (a stale copy) gets the whole answer.
    const stale = await getWithTag(t, leader, url, 'W/"khac"');
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(first.response.body);
  });

  it('should give a changed resource a new tag, and answer the old tag with the new body', async () => {
    const url = `/api/v1/plans/${thanhDongPlanId}`;
    const before = await t.call('GET', url);
    const oldTag = String(before.response.headers.etag);
    const title = `${before.body.data.title} (sửa đổi để thử bộ nhớ đệm)`;
    const patched = await t.call('PATCH', url, { title });
    expect(patched.status).toBe(200);
    const after = await getWithTag(t, t, url, oldTag);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(oldTag);
    expect(JSON.parse(after.body).data.title).toBe(title);
  });

  it('should never answer 304 to a user of another commune holding the tag of a plan they cannot see', async () => {
    const owner = await t.signIn('thanhdong.lanhdao');
    const url = `/api/v1/plans/${thanhDongPlanId}`;
    const etag = String((await owner.call('GET', url)).response.headers.etag);

    const stranger = await t.signIn('dantien.lanhdao');
    const refused = await getWithTag(t, stranger, url, etag);
    expect([403, 404]).toContain(refused.statusCode);
    expect(refused.headers.etag).toBeUndefined();
    expect(refused.headers['cache-control']).toBe('no-store');
    // A wildcard tag does not get round it either.
    expect((await getWithTag(t, stranger, url, '*')).statusCode).toBe(refused.statusCode);
    // Nor does a caller without a session.
    const anonymous = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(anonymous.statusCode).toBe(401);
    // The stranger's own plan is cached for them as usual.
    const own = await stranger.call('GET', `/api/v1/plans/${danTienPlanId}`);
    expect(own.status).toBe(200);
    expect(own.response.headers.etag).toBeDefined();
    expect(own.response.headers.etag).not.toBe(etag);
  });

  it('should leave writes, errors, downloads and the session reads uncached', async () => {
    const write = await t.call('PATCH', `/api/v1/plans/${danTienPlanId}`, { title: 'Kế hoạch thử ghi' });
    expect(write.status).toBe(200);
    expect(write.response.headers.etag).toBeUndefined();
    expect(write.response.headers['cache-control']).toBe('no-store');

    const missing = await t.call('GET', '/api/v1/plans/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.response.headers.etag).toBeUndefined();
    expect(missing.response.headers['cache-control']).toBe('no-store');

    const download = await t.call('GET', `/api/v1/plans/${danTienPlanId}/indicators.xlsx`);
    expect(download.status).toBe(200);
    expect(download.response.headers.etag).toBeUndefined();
    expect(download.response.headers['cache-control']).toBe('no-store');

    const me = await t.call('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.response.headers.etag).toBeUndefined();
    expect(me.response.headers['cache-control']).toBe('no-store');
  });
});

describe('etagMatches', () => {
  const etag = weakEtagOf('{"data":1}');

  it('should compare weakly, in a list, and take * as any', () => {
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(etag.replace(/^W\//, ''), etag)).toBe(true);
    expect(etagMatches(`W/"a", ${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches(undefined, etag)).toBe(false);
    expect(etagMatches('', etag)).toBe(false);
    expect(etagMatches(weakEtagOf('{"data":2}'), etag)).toBe(false);
  });
});

describe('installHttpCache on routes with their own caching', () => {
  it("should keep a route's own ETag and Cache-Control, and tag the others", async () => {
    const app = Fastify();
    installHttpCache(app);
    app.get('/api/own', async (_request, reply) => {
      reply.header('ETag', '"v1"').header('Cache-Control', 'public, max-age=604800');
      return { data: 'ranh giới' };
    });
    app.get('/api/plain', async () => ({ data: 'kế hoạch' }));
    const own = await app.inject({ method: 'GET', url: '/api/own' });
    expect(own.headers.etag).toBe('"v1"');
    expect(own.headers['cache-control']).toBe('public, max-age=604800');
    const plain = await app.inject({ method: 'GET', url: '/api/plain' });
    expect(plain.headers.etag).toBe(weakEtagOf(plain.body));
    expect(plain.headers['cache-control']).toBe(API_READ_CACHE_CONTROL);
    await app.close();
  });
});
