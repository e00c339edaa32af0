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
