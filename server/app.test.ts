import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from './app';
import { DEVELOPMENT_SESSION_SECRET, loadConfig } from './config';
import { PERMISSIONS } from './modules/auth/access';
import { buildTestApp, type TestApp } from './test/test-app';

describe('the application', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('should answer unknown API paths with the JSON error body', async () => {
    const response = await t.call('GET', '/api/v1/khong-co');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      ok: false,
      error: 'route_not_found',
      status: 404,
      message: 'Không có chức năng này.',
    });
  });

  it('should refuse a body that is not JSON', async () => {
    // The sign-in route is public, so the content type is what refuses this request.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'username=admin',
      headers: { 'content-type': 'text/plain' },
    });
    expect(login.statusCode).toBe(415);
    expect(login.json().message).toContain('application/json');
  });

  it('should serve the OpenAPI document with every route', async () => {
    const response = await t.call('GET', '/api/docs/json');
    expect(response.status).toBe(200);
    const operations = Object.values(
      response.body.paths as Record<string, Record<string, { operationId?: string }>>,
    ).flatMap((methods) => Object.values(methods).map((operation) => operation.operationId));
    for (const route of ALL_ROUTES) expect(operations).toContain(route.operationId);
  });

  it('should declare a permission and a response schema on every route', () => {
    const ids = new Set<string>();
    for (const route of ALL_ROUTES) {
      expect(PERMISSIONS, route.operationId).toContain(route.permission);
      expect(Object.keys(route.schema.response).length, route.operationId).toBeGreaterThan(0);
      expect(ids.has(route.operationId), `duplicate ${route.operationId}`).toBe(false);
      ids.add(route.operationId);
    }
  });
});

describe('loadConfig', () => {
  it('should default to PGlite in ./data with demo data outside production', () => {
    expect(loadConfig({})).toMatchObject({
      dataDir: './data',
      usesEmbeddedDb: true,
      loadDemoData: true,
      port: 3000,
      isProduction: false,
    });
  });

  it('should use PostgreSQL when DATABASE_URL is set and not load demo data in production', () => {
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://u@h/db',
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
      }),
    ).toMatchObject({
      usesEmbeddedDb: false,
      databaseUrl: 'postgres://u@h/db',
      loadDemoData: false,
    });
  });

  it('should refuse to start in production without a session secret, or with the development one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: DEVELOPMENT_SESSION_SECRET })).toThrow(
      /SESSION_SECRET/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET: must be at least 32 characters/,
    );
  });

  it('should treat empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ usesEmbeddedDb: true, port: 3000 });
  });

  it('should list every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL: must start with postgres/,
    );
  });

  it('should start the clock at CLOCK_START outside production only, and refuse a date that is not one', () => {
    expect(loadConfig({}).clockStart).toBeNull();
    expect(loadConfig({ CLOCK_START: '2026-11-25T15:00:00+07:00' }).clockStart?.toISOString()).toBe(
      '2026-11-25T08:00:00.000Z',
    );
    expect(() => loadConfig({ CLOCK_START: '25/11/2026' })).toThrow(/CLOCK_START/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        CLOCK_START: '2026-11-25T08:00:00Z',
      }),
    ).toThrow(/CLOCK_START: not allowed in production/);
  });

  it('should trust no proxy by default, and only a hop count or proxy addresses when TRUST_PROXY says so', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    for (const everyone of ['true', '*', '0.0.0.0/0', '::/0', 'proxy.local', '11'])
      expect(() => loadConfig({ TRUST_PROXY: everyone }), everyone).toThrow(/TRUST_PROXY/);
  });
});
