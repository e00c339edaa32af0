import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server (with the built SPA and demo data) driven by Chromium. One worker,
 * because each file starts its own server and browser, and long timeouts for the first page load.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) } },
  test: {
    include: ['e2e/**/*.spec.ts'],
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
