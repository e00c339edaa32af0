import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../app';
import type { Clock } from '../clock';
import type { DatabaseHandle } from '../db/client';
import { loadDemoDataIfEmpty } from '../db/seeds/demo';
import { createTestDatabase } from './test-db';

/** A fixed "now" so audit times and deadlines are reproducible. */
export const FIXED_NOW = new Date('2026-11-25T08:00:00.000Z');
export const fixedClock: Clock = { now: () => FIXED_NOW };

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies field by field and assert each one.
type JsonBody = any;

export type TestApp = {
  app: FastifyInstance;
  handle: DatabaseHandle;
  close: () => Promise<void>;
  /** Sends a JSON request in-process and parses the JSON answer. */
  call: (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ) => Promise<{ status: number; body: JsonBody; response: LightMyRequestResponse }>;
};

/**
 * Builds the real app on a fresh database, optionally with the demo plans loaded.
 *
 * @param options - `demo: true` loads the two seed plans
 */
export const buildTestApp = async (options: { demo?: boolean } = {}): Promise<TestApp> => {
  const handle = await createTestDatabase();
  if (options.demo) await loadDemoDataIfEmpty(handle.db, fixedClock);
  const app = await createApp({
    db: handle.db,
    config: { logLevel: 'silent', isProduction: false },
    clock: fixedClock,
  });
  await app.ready();
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
    call: async (method, url, body) => {
      const response = await app.inject({
        method,
        url,
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body, headers: { 'content-type': 'application/json' } }
            : { payload: body as object }),
      });
      const text = response.body;
      return { status: response.statusCode, body: text ? JSON.parse(text) : null, response };
    },
  };
};
