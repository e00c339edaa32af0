/**
 * Routes are declared as data: method, path, permission, zod schemas and a handler that calls one
 * service. `registerRoutes` turns them into Fastify routes with authentication, validation,
 * serialization and OpenAPI.
 */
import '@fastify/cookie';
import { dataOf, unsafeTextProblem } from '@core/schemas/common.schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../errors';
import { type Actor, type ApiKeyActor, hasPermission, type Permission } from '../modules/auth/access';
import type { SignedIn } from '../modules/auth/auth.service';
import type { Services } from '../services';
import type { CacheableFile, RequestContext, Upload } from './request-context';

export type { Permission, RequestContext };

/** The extra the auth routes need: the session behind the request. */
export type SessionContext = { signedIn: SignedIn | null; sessionToken: string | null };

export const SESSION_COOKIE = 'lotrinh_session';
export const CSRF_HEADER = 'x-csrf-token';
export const FILE_NAME_HEADER = 'x-file-name';

/** Reads the upload of a raw-body route. @throws AppError UNSUPPORTED_MEDIA_TYPE, VALIDATION_FAILED */
const readUpload = (request: FastifyRequest): Upload => {
  if (!Buffer.isBuffer(request.body)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      message: 'Hãy gửi nội dung tệp với Content-Type: application/octet-stream.',
    });
  }
  const header = request.headers[FILE_NAME_HEADER];
  let fileName = '';
  try {
    fileName = decodeURIComponent(typeof header === 'string' ? header : '').trim();
  } catch {
    fileName = '';
  }
  if (!fileName) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: FILE_NAME_HEADER, message: 'Thiếu tên tệp (tiêu đề X-File-Name)' }],
    });
  }
  // A file name is only shown and offered back on download: path separators and control characters go.
  const safeName = Array.from(fileName, (char) =>
    char < ' ' || char === '/' || char === '\\' ? '_' : char,
  ).join('');
  return { bytes: request.body, fileName: safeName.slice(0, 200) };
};

/**
 * The last guard before a handler: a text holding NUL or broken Unicode that a schema let through is
 * refused here (400 naming the field) rather than failing in the database as a 500.
 * @throws AppError VALIDATION_FAILED
 */
const refuseUnsafeText = (input: Record<string, unknown>): void => {
  const details: Array<{ field: string; message: string }> = [];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  const visit = (value: unknown, path: string) => {
    if (details.length >= 10) return;
    if (typeof value === 'string') {
      const problem = unsafeTextProblem(value);
      if (problem) details.push({ field: path, message: `Nội dung ${problem}` });
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, join(path, index));
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, join(path, key));
    }
  };
  for (const value of Object.values(input)) visit(value, '');
  if (details.length) throw new AppError('VALIDATION_FAILED', { details });
};

export type RouteSchema = {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: Partial<Record<200 | 201 | 202 | 204, z.ZodType | null>>;
};

export type { CacheableFile, Upload };

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteInput<S extends RouteSchema> = {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  meta: RequestContext;
  session: SessionContext;
  /** Present on routes declared with `upload: true`. */
  upload: Upload | null;
};

/**
 * `session` sets (token) or clears (null) the session cookie; `file` answers with bytes to download;
 * `cacheable` with bytes the browser may cache; 202 says the work was accepted and goes on in the background.
 */
export type RouteResult = (
  | { status: 200 | 201 | 202; body: unknown }
  | { status: 204 }
  | { status: 200; file: { bytes: Buffer; contentType: string; fileName: string } }
  | { status: 200; cacheable: CacheableFile }
) & {
  session?: { token: string } | null;
};

export type RouteDefinition<S extends RouteSchema = RouteSchema> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** `public`: no session needed; `self`: any signed-in user, even one who must change the password first. */
  permission: Permission;
  /** The body is a file (raw bytes), not JSON. */
  upload?: boolean;
  /**
   * The API keys (`Authorization: Bearer …`) this route accepts besides a session: `read` keys for what
   * an integration pulls, `submit` keys for sending submission packages. Without it, a key is refused.
   */
  apiKey?: 'read' | 'submit';
  schema: S;
  handler: (input: RouteInput<S>, context: { services: Services }) => Promise<RouteResult>;
};

/** Declares a route with its schemas inferred into the handler's input. */
export const defineRoute = <S extends RouteSchema>(route: RouteDefinition<S>): RouteDefinition<S> => route;

type InputSchema = Omit<RouteSchema, 'response'>;

/** What a service route answers: `{ data }` in the `data` schema (200, or 201 for a creation), or 204. */
type ServiceAnswer = { status?: 200 | 201; data: z.ZodType } | { status: 204; data?: undefined };

export type ServiceRouteDefinition<S extends InputSchema> = Omit<RouteDefinition, 'schema' | 'handler'> &
  ServiceAnswer & {
    schema?: S;
    /** Returns what the service gives: the route wraps it in `{ data }` (or drops it for 204). */
    handler: (input: RouteInput<S & RouteSchema>, context: { services: Services }) => Promise<unknown>;
  };

/**
 * Declares the common route, one service call whose answer is `{ data }` or nothing: the envelope and its
 * response schema are written once, here, rather than in every route.
 */
export const serviceRoute = <S extends InputSchema = Record<never, never>>(
  definition: ServiceRouteDefinition<S>,
): RouteDefinition<S & RouteSchema> => {
  const { schema, data, status = 200, handler, ...route } = definition;
  if (status === 204 || !data) {
    return defineRoute<S & RouteSchema>({
      ...route,
      schema: { ...(schema as S), response: { 204: null } },
      handler: async (input, context) => {
        await handler(input, context);
        return { status: 204 };
      },
    });
  }
  return defineRoute<S & RouteSchema>({
    ...route,
    schema: { ...(schema as S), response: { [status]: dataOf(data) } },
    handler: async (input, context) => ({ status, body: { data: await handler(input, context) } }),
  });
};

declare module 'fastify' {
  interface FastifyRequest {
    signedIn: SignedIn | null;
    apiKeyActor: ApiKeyActor | null;
  }
}

/** The token of an `Authorization: Bearer …` header, if the request has one. */
const bearerOf = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
};

/**
 * An integration's call with an API key: accepted only by a route that takes keys of the key's scope.
 * @throws AppError UNAUTHENTICATED (no such key, or revoked), FORBIDDEN (a route or scope the key lacks)
 */
const authenticateApiKey = async (
  services: Services,
  request: FastifyRequest,
  token: string,
  accepted: RouteDefinition['apiKey'],
) => {
  if (!accepted)
    throw new AppError('FORBIDDEN', {
      message: 'Chức năng này không nhận khóa API; hãy đăng nhập bằng tài khoản.',
    });
  const actor = await services.apiKey.authenticate(token);
  if (!actor) throw new AppError('UNAUTHENTICATED', { message: 'Khóa API không hợp lệ hoặc đã bị thu hồi.' });
  if (actor.scope !== accepted)
    throw new AppError('FORBIDDEN', {
      message:
        actor.scope === 'read'
          ? 'Khóa API chỉ đọc không dùng được để gửi gói báo cáo.'
          : 'Khóa API chỉ gửi gói báo cáo không dùng được để đọc số liệu.',
    });
  request.apiKeyActor = actor;
};

type CookieOptions = { isProduction: boolean };

const setSessionCookie = (reply: FastifyReply, token: string | null, options: CookieOptions) => {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: options.isProduction };
  if (token) reply.setCookie(SESSION_COOKIE, token, base);
  else reply.clearCookie(SESSION_COOKIE, base);
};

/**
 * Runs before body parsing and validation, so an anonymous or unauthorised caller learns nothing
 * about the request schema: 401 without a session, 403 for a forced password change, a missing
 * CSRF token on a write, or a role that grants nothing of the kind anywhere.
 */
const authenticateRequest =
  (services: Services, permission: Permission, apiKey: RouteDefinition['apiKey']) =>
  async (request: FastifyRequest) => {
    const bearer = bearerOf(request);
    if (bearer && permission !== 'public') {
      request.signedIn = null;
      return authenticateApiKey(services, request, bearer, apiKey);
    }
    const token = request.cookies[SESSION_COOKIE];
    request.signedIn = token ? await services.auth.authenticate(token) : null;
    if (permission === 'public') return;
    const signedIn = request.signedIn;
    if (!signedIn) throw new AppError('UNAUTHENTICATED');
    if (request.method !== 'GET' && request.headers[CSRF_HEADER] !== signedIn.session.csrfToken) {
      throw new AppError('CSRF_FAILED');
    }
    if (permission === 'self') return;
    if (signedIn.user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (!hasPermission(signedIn.actor, permission)) throw new AppError('FORBIDDEN');
  };

const ANONYMOUS: Actor = { kind: 'system', name: 'anonymous' };

/** Sends a cacheable answer: 304 when If-None-Match names its ETag, else the bytes (gzipped if accepted). */
const sendCacheable = (request: FastifyRequest, reply: FastifyReply, file: CacheableFile) => {
  reply
    .header('ETag', file.etag)
    .header('Cache-Control', `public, max-age=${file.maxAgeSeconds}`)
    .header('Vary', 'Accept-Encoding');
  const match = request.headers['if-none-match'];
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag))
    return reply.code(304).send();
  reply.code(200).header('Content-Type', file.contentType);
  const accepts = request.headers['accept-encoding'];
  if (file.gzip && typeof accepts === 'string' && /\bgzip\b/.test(accepts))
    return reply.header('Content-Encoding', 'gzip').send(file.gzip);
  return reply.send(file.bytes);
};

/**
 * Registers declared routes on the Fastify instance.
 *
 * @param app - the Fastify instance (cookie plugin, validator/serializer compilers already set)
 * @param routes - the route definitions
 * @param services - what handlers call
 * @param options - cookie settings
 */
export const registerRoutes = (
  app: FastifyInstance,
  routes: ReadonlyArray<RouteDefinition<RouteSchema>>,
  services: Services,
  options: CookieOptions,
): void => {
  app.decorateRequest('signedIn', null);
  app.decorateRequest('apiKeyActor', null);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const route of routes) {
    const response: Record<number, z.ZodType> = {};
    for (const [status, schema] of Object.entries(route.schema.response)) {
      if (schema) response[Number(status)] = schema;
    }
    typed.route({
      method: route.method,
      url: route.path,
      schema: {
        operationId: route.operationId,
        summary: route.summary,
        tags: route.tags,
        // Only defined keys: Fastify warns about a schema key whose value is undefined.
        ...(route.schema.params ? { params: route.schema.params } : {}),
        ...(route.schema.query ? { querystring: route.schema.query } : {}),
        ...(route.schema.body ? { body: route.schema.body } : {}),
        ...(route.upload ? { consumes: ['application/octet-stream'] } : {}),
        response,
      },
      onRequest: authenticateRequest(services, route.permission, route.apiKey),
      handler: async (request, reply) => {
        const signedIn = request.signedIn;
        refuseUnsafeText({ params: request.params, query: request.query, body: request.body });
        const result = await route.handler(
          {
            params: request.params,
            query: request.query,
            body: request.body,
            meta: {
              // Public routes run without a user; they never write data attributed to one.
              actor: signedIn?.actor ?? request.apiKeyActor ?? ANONYMOUS,
              ip: request.ip ?? null,
              userAgent: request.headers['user-agent'] ?? null,
            },
            session: { signedIn, sessionToken: request.cookies[SESSION_COOKIE] ?? null },
            upload: route.upload ? readUpload(request) : null,
          } as RouteInput<RouteSchema>,
          { services },
        );
        if (result.session !== undefined) setSessionCookie(reply, result.session?.token ?? null, options);
        if (result.status === 204) return reply.code(204).send();
        if ('cacheable' in result) return sendCacheable(request, reply, result.cacheable);
        if ('file' in result) {
          return reply
            .code(200)
            .header('Content-Type', result.file.contentType)
            .header(
              'Content-Disposition',
              `attachment; filename*=UTF-8''${encodeURIComponent(result.file.fileName)}`,
            )
            .send(result.file.bytes);
        }
        return reply.code(result.status).send(result.body);
      },
    });
  }
};
