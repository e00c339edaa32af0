/**
 * The shapes most routes repeat, as typed builders over `serviceRoute` and `defineRoute`. A module binds
 * its OpenAPI tags once (`routesOf(tags)`); each route then states only what is its own — path, operation,
 * summary, the permission it needs (always written out: there is no default), the body or query it takes,
 * the answer's schema and its one service call — and the shape writes the method, the `:id` params schema
 * (unless the route names others), the status and the envelope.
 */
import { dataOf as dataEnvelope, pageOf, ZIdParams } from '@core/schemas/common.schemas';
import type { z } from 'zod';
import type { Services } from '../services';
import {
  defineRoute,
  type Permission,
  type RouteDefinition,
  type RouteInput,
  type RouteSchema,
  serviceRoute,
} from './route';

/** What every route says for itself: where it is, what it does, and who may call it. */
export type RouteIdentity = {
  path: string;
  operationId: string;
  summary: string;
  permission: Permission;
  /** The API keys it accepts besides a session (see RouteDefinition). */
  apiKey?: 'read' | 'submit';
  /** The body is a file (raw bytes), not JSON. */
  upload?: boolean;
};

type Schema = z.ZodType | undefined;
/** The path's params: `{ id }` unless the route names its schema, or `null` for a path without any. */
type Params = z.ZodType | null;

/** The inputs a shape accepts: the params, a query and a body. */
type Inputs<P extends Params, Q extends Schema, B extends Schema> = { params?: P; query?: Q; body?: B };

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** A route's one service call: the validated input, and the services to call. */
type Call<P extends Params, Q extends Schema, B extends Schema, R> = (
  input: Omit<RouteInput<RouteSchema>, 'params' | 'query' | 'body'> & {
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
  },
  services: Services,
) => Promise<R>;

type Shaped<P extends Params, Q extends Schema, B extends Schema, R> = RouteIdentity &
  Inputs<P, Q, B> & { call: Call<P, Q, B, R> };

/** A downloaded file: bytes, their content type and the name offered to save them under. */
type FileAnswer = { bytes: Buffer; contentType: string; fileName: string };

/** What a sign-in or sign-out answers: its `data` (where the route has an answer schema) and the cookie's session. */
type SessionAnswer = { data?: unknown; session: { token: string } | null };

const schemaOf = <P extends Params, Q extends Schema, B extends Schema>({
  params,
  query,
  body,
}: Inputs<P, Q, B>) => ({
  ...(params === null ? {} : { params: params ?? ZIdParams }),
  ...(query ? { query } : {}),
  ...(body ? { body } : {}),
});

/** Erases the shape's generics for the route list; the handler was checked against them when declared. */
const asRoute = (route: unknown) => route as RouteDefinition;

/**
 * The route builders of one module, all under its tags; `answers`, where given, is the schema of the row
 * most of its routes answer with (a route that answers something else names its own `data`).
 * - `read`: GET of what the service answers for a path with `:id` (a row, or the rows under it), `{ data }`;
 * - `create`: POST making a row (under the path's `:id`), 201 `{ data }`;
 * - `change`: PATCH, PUT or a POST workflow step on a row, `{ data }` (201 where it makes a new version, 204
 *   where it answers nothing);
 * - `remove`: DELETE, 204;
 * - `download`: GET answering a file;
 * - `page`: GET of one page of a list, `{ data, pagination }`;
 * - `session`: a POST without params that sets the session cookie (a token) or clears it (null), answering
 *   `{ data }` where the route names `data`, else 204.
 */
export const routesOf = (tags: string[], { answers }: { answers?: z.ZodType } = {}) => {
  const dataOf = (route: { operationId: string; data?: z.ZodType }): z.ZodType => {
    const data = route.data ?? answers;
    if (!data) throw new Error(`${route.operationId}: no answer schema (data) and none for the module`);
    return data;
  };
  const answer =
    (method: RouteDefinition['method'], defaultStatus: 200 | 201) =>
    <P extends Params = typeof ZIdParams, Q extends Schema = undefined, B extends Schema = undefined>(
      route: Shaped<P, Q, B, unknown> & { data?: z.ZodType; status?: 200 | 201 | 204 },
    ) => {
      const { params, query, body, call, status = defaultStatus, data: _data, ...rest } = route;
      return asRoute(
        serviceRoute({
          ...rest,
          ...(status === 204 ? { status } : { status, data: dataOf(route) }),
          method,
          tags,
          schema: schemaOf({ params, query, body }),
          handler: (input, { services }) => call(input as never, services),
        }),
      );
    };
  return {
    read: answer('GET', 200),
    create: answer('POST', 201),
    change: <P extends Params = typeof ZIdParams, Q extends Schema = undefined, B extends Schema = undefined>(
      route: Shaped<P, Q, B, unknown> & {
        method: 'PATCH' | 'PUT' | 'POST' | 'DELETE';
        data?: z.ZodType;
        status?: 200 | 201 | 204;
      },
    ) => answer(route.method, 200)(route),
    remove: <P extends Params = typeof ZIdParams>(route: Shaped<P, undefined, undefined, void>) => {
      const { params, call, ...rest } = route;
      return asRoute(
        serviceRoute({
          ...rest,
          method: 'DELETE',
          tags,
          status: 204,
          schema: schemaOf({ params }),
          handler: (input, { services }) => call(input as never, services),
        }),
      );
    },
    download: <P extends Params = typeof ZIdParams, Q extends Schema = undefined>(
      route: Shaped<P, Q, undefined, FileAnswer>,
    ) => {
      const { params, query, call, ...rest } = route;
      return asRoute(
        defineRoute({
          ...rest,
          method: 'GET',
          tags,
          schema: { ...schemaOf({ params, query }), response: { 200: null } },
          handler: async (input, { services }) => ({
            status: 200,
            file: await call(input as never, services),
          }),
        }),
      );
    },
    page: <Q extends z.ZodType<{ limit: number; offset: number }>>(
      route: Omit<RouteIdentity, 'upload'> & {
        query: Q;
        /** The schema of one row of the page. */
        data?: z.ZodType;
        call: Call<null, Q, undefined, { rows: unknown[]; total: number }>;
      },
    ) => {
      const { query, call, ...rest } = route;
      const data = dataOf(route);
      return asRoute(
        defineRoute({
          ...rest,
          method: 'GET',
          tags,
          schema: { query, response: { 200: pageOf(data) } },
          handler: async (input, { services }) => {
            const { rows, total } = await call(input as never, services);
            const { limit, offset } = input.query as { limit: number; offset: number };
            return { status: 200, body: { data: rows, pagination: { total, limit, offset } } };
          },
        }),
      );
    },
    session: <B extends Schema = undefined>(
      route: Omit<RouteIdentity, 'apiKey' | 'upload'> & {
        body?: B;
        data?: z.ZodType;
        call: Call<null, undefined, B, SessionAnswer>;
      },
    ) => {
      const { body, data, call, ...rest } = route;
      return asRoute(
        defineRoute({
          ...rest,
          method: 'POST',
          tags,
          schema: {
            ...schemaOf({ params: null, body }),
            response: data ? { 200: dataEnvelope(data) } : { 204: null },
          },
          handler: async (input, { services }) => {
            const { data: answer, session } = await call(input as never, services);
            return data ? { status: 200, body: { data: answer }, session } : { status: 204, session };
          },
        }),
      );
    },
  };
};
