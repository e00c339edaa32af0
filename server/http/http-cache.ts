/**
 * HTTP caching of API reads (issue #14): a successful GET of JSON gets a weak ETag, the hash of the body
 * this caller was given, with `Cache-Control: private, no-cache`. The browser keeps the answer for this
 * user only and asks each time ("If-None-Match"); an unchanged answer comes back as an empty 304, which
 * on a slow link saves the bytes of the dashboard or the plan again.
 *
 * Safe by construction: the hook runs on the answer, after authentication, authorization and the handler,
 * so a caller refused (401, 403, 404) never reaches it and a 304 only ever confirms a body that this
 * caller was just allowed to read (another user's identical answer has the same hash, and tells them
 * nothing they were not given). Writes, errors, downloads (bytes, not JSON) and everything outside /api/
 * keep `no-store`, and so do the session's own reads (/auth/: the CSRF token); shared caches may not keep any of it (`private`, `Vary: Cookie, Authorization`).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What a cacheable read answers with. `no-cache`: kept, but asked for again each time. */
export const API_READ_CACHE_CONTROL = 'private, no-cache';

/** A weak validator: the same JSON, byte for byte, gives the same tag. */
export const weakEtagOf = (body: string): string =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 §13.1.2; `*` matches any).
 */
export const etagMatches = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = bare(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === wanted);
};

/** Reads that stay `no-store`: the session's own answers (GET /auth/me carries the CSRF token). */
const NEVER_STORED = ['/api/v1/auth/'];

const isCacheableRead = (request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
  request.method === 'GET' &&
  request.url.startsWith('/api/') &&
  !NEVER_STORED.some((prefix) => request.url.startsWith(prefix)) &&
  reply.statusCode === 200 &&
  typeof payload === 'string' &&
  String(reply.getHeader('content-type') ?? '').startsWith('application/json');

/**
 * Installs the caching of API reads. Register it after any hook that sets `Cache-Control: no-store` on
 * /api/ answers (hooks run in order; this one has the last word on the reads it caches).
 */
export const installHttpCache = (app: FastifyInstance): void => {
  app.addHook('onSend', async (request, reply, payload) => {
    // A route that set its own validator (and caching) keeps them.
    if (!isCacheableRead(request, reply, payload) || reply.hasHeader('etag')) return payload;
    const etag = weakEtagOf(payload as string);
    reply.header('ETag', etag);
    reply.header('Cache-Control', API_READ_CACHE_CONTROL);
    reply.header('Vary', 'Cookie, Authorization');
    if (!etagMatches(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return null;
  });
};
