import type { Actor } from '../modules/auth/access';

/**
 * Who is asking and from where: passed to every service call and written into the audit trail. It lives
 * apart from route.ts so services and server/shared name it without depending on the route layer (which
 * knows every service).
 */
export type RequestContext = {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
};

/** A file sent as the raw request body (`Content-Type: application/octet-stream`), its name in `X-File-Name`. */
export type Upload = { bytes: Buffer; fileName: string };

/**
 * A ready answer the browser may keep (the map's boundaries): a route returning `{ cacheable }` sends it
 * with its ETag and `Cache-Control: public, max-age=…`, as 304 when the client's copy is current, and
 * gzipped when the client accepts it.
 */
export type CacheableFile = {
  bytes: Buffer;
  /** The same bytes gzipped, sent to a client that accepts gzip. */
  gzip?: Buffer;
  contentType: string;
  /** A strong ETag ("…"), made of the content. */
  etag: string;
  maxAgeSeconds: number;
};
