import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest } from './client';

/** The boot script's answers (web/pwa/boot.js): what the API client may take instead of asking again. */
const json = (data: unknown) =>
  new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });

describe('the API client and the boot script’s early answers', () => {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json({ from: 'network' }));
  let early: { at: number; responses: Record<string, Promise<Response> | undefined> } | undefined;

  beforeEach(() => {
    fetchMock.mockClear();
    early = { at: Date.now(), responses: { '/api/v1/my-work': Promise.resolve(json({ from: 'boot' })) } };
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('window', { __loTrinhEarly: early });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('takes the answer for the first request of the same URL, once', async () => {
    expect(await apiRequest('/api/v1/my-work')).toEqual({ from: 'boot' });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await apiRequest('/api/v1/my-work')).toEqual({ from: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks the network for another URL or a query string that differs', async () => {
    expect(await apiRequest('/api/v1/my-work', { query: { limit: 5 } })).toEqual({ from: 'network' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/my-work?limit=5');
  });

  it('drops every early answer once a change is sent (it may predate the change)', async () => {
    await apiRequest('/api/v1/unit-reports', { method: 'POST', body: { x: 1 } });
    expect(await apiRequest('/api/v1/my-work')).toEqual({ from: 'network' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('drops answers older than 15 seconds', async () => {
    if (early) early.at = Date.now() - 16_000;
    expect(await apiRequest('/api/v1/my-work')).toEqual({ from: 'network' });
  });
});
