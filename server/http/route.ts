/**
 * Routes are declared as data: method, path, permission, zod schemas and a handler that calls one
 * service. `registerRoutes` turns them into Fastify routes with validation, serialization and OpenAPI.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Services } from '../app';

export type RequestMeta = {
  ip: string | null;
  userAgent: string | null;
};

/**
 * The coarse permission a route needs. `public` routes need none; issue #3 (accounts) binds the
 * others to roles and scopes.
 */
export type Permission =
  | 'public'
  | 'locality:read'
  | 'locality:write'
  | 'unit:read'
  | 'unit:write'
  | 'plan:read'
  | 'plan:write'
  | 'catalog:read';

type RouteSchema = {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: Partial<Record<200 | 201 | 204, z.ZodType | null>>;
};

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export type RouteInput<S extends RouteSchema> = {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  meta: RequestMeta;
};

export type RouteResult = { status: 200 | 201; body: unknown } | { status: 204 };

export type RouteDefinition<S extends RouteSchema = RouteSchema> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  permission: Permission;
  schema: S;
  handler: (input: RouteInput<S>, context: { services: Services }) => Promise<RouteResult>;
};

/** Declares a route with its schemas inferred into the handler's input. */
export const defineRoute = <S extends RouteSchema>(route: RouteDefinition<S>): RouteDefinition<S> => route;

/**
 * Registers declared routes on the Fastify instance.
 *
 * @param app - the Fastify instance (validator/serializer compilers already set)
 * @param routes - the route definitions of one module
 * @param services - what handlers call
 */
export const registerRoutes = (
  app: FastifyInstance,
  routes: ReadonlyArray<RouteDefinition<RouteSchema>>,
  services: Services,
): void => {
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
        response,
      },
      config: { permission: route.permission },
      handler: async (request, reply) => {
        const result = await route.handler(
          {
            params: request.params,
            query: request.query,
            body: request.body,
            meta: { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null },
          } as RouteInput<RouteSchema>,
          { services },
        );
        if (result.status === 204) return reply.code(204).send();
        return reply.code(result.status).send(result.body);
      },
    });
  }
};
