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
    // The first file also builds the run's demo template: two server starts.
    hookTimeout: 300_000,
    retry: 0,
    // expect.poll waits for the page like a locator does (support/browser.ts: 15 s), not vitest's 1 s.
    expect: { poll: { timeout: 15_000 } },
    // The demo is loaded once per run into a template folder that each app copies (support/app.ts).
    globalSetup: ['e2e/global-setup.ts'],
  },
});
