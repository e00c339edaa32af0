import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createTestFileStore, fixedClock, TEST_CONFIG } from './test/test-app';
import { createTestDatabase, type TestDatabase } from './test/test-db';

/** The built web app as the server sends it: precompressed copies and the cache rules of each file kind. */
describe('serving the web app', () => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  const script = `console.log(${JSON.stringify('Lộ trình '.repeat(200))});`;

  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'lotrinh-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Lộ trình</title>');
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), script);
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js.gz'), gzipSync(script));
    handle = await createTestDatabase();
    app = await createApp({
      db: handle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage: createTestFileStore(),
      webRoot,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
  });

  it('should send the brotli copy of a hashed asset and let the browser keep it for a year', async () => {
    const response = await app.inject({
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
  });

  it('should fall back to gzip, and to the plain file for a client that accepts neither', async () => {
    const gzip = await app.inject({ url: '/assets/main-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('should make the browser ask again for the index page, also for client-side routes', async () => {
    for (const url of ['/', '/plans/123']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toContain('Lộ trình');
    }
  });
});
