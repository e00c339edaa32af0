/** What every browser spec starts with: its own server with the demo data, and one browser. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, startApp } from './app';
import type { DemoUser } from './auth';
import { launchBrowser, newPage, type PageOptions } from './browser';

export type AppInBrowser = {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A fresh page in its own browser context, signed in as `user` (anonymous when null). */
  pageAs: (user: DemoUser | null, options?: PageOptions) => Promise<Page>;
};

/**
 * Starts the app and the browser before the spec's tests (its own `beforeAll` hooks, declared after this
 * call, run after them) and closes both once they are done.
 */
export const useAppInBrowser = (): AppInBrowser => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value)
      throw new Error('useAppInBrowser: the app is not started yet (use it inside a hook or a test)');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    pageAs: (user, options) => newPage(started(browser), started(app).baseUrl, user, options),
  };
};
