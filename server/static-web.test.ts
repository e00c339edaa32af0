import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createTestFileStore, fixedClock, TEST_CONFIG } from './test/test-app';
import { createTestDatabase, type TestDatabase } from './test/test-db';
import { createTestFolder } from './test/test-folder';

/** The built web app as the server sends it: precompressed copies and the cache rules of each file kind. */
describe('serving the web app', () => {
  let handle: TestDatabase;
  let app: FastifyInstance;
  const script = `console.log(${JSON.stringify('Lộ trình '.repeat(200))});`;
  const worker = `self.addEventListener('fetch', () => undefined); // ${'Lộ trình '.repeat(200)}`;
  const manifest = JSON.stringify({ name: 'Lộ trình', icons: [{ src: '/icons/icon-192.png' }] });
  const webFolder = createTestFolder('lotrinh-web-');
  const storage = createTestFileStore();

  beforeAll(async () => {
    const webRoot = webFolder.path;
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Lộ trình</title>');
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), script);
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js.br'), brotliCompressSync(script));
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js.gz'), gzipSync(script));
    writeFileSync(join(webRoot, 'sw.js'), worker);
    writeFileSync(join(webRoot, 'sw.js.br'), brotliCompressSync(worker));
    writeFileSync(join(webRoot, 'manifest.webmanifest'), manifest);
    mkdirSync(join(webRoot, 'icons'));
    writeFileSync(join(webRoot, 'icons', 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    handle = await createTestDatabase();
    app = await createApp({
      db: handle.db,
      config: TEST_CONFIG,
      clock: fixedClock,
      storage,
      webRoot,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    storage.removeFolder();
    webFolder.remove();
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

  it('should make the browser ask again for the service worker (compressed or not), so a release replaces it', async () => {
    for (const encoding of ['br', 'identity']) {
      const response = await app.inject({ url: '/sw.js', headers: { 'accept-encoding': encoding } });
      expect(response.statusCode, encoding).toBe(200);
      expect(response.headers['content-type'], encoding).toContain('javascript');
      expect(response.headers['cache-control'], encoding).toBe('no-cache');
    }
  });

  it('should send the web app manifest as application/manifest+json, and its icons', async () => {
    const response = await app.inject({ url: '/manifest.webmanifest' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/manifest+json');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.json()).toEqual(JSON.parse(manifest));
    const icon = await app.inject({ url: '/icons/icon-192.png' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
  });
});
