import type * as z from 'zod/mini';
import type { ErrorCode } from '../shared/problem.js';
import type { Role } from '../shared/roles.js';

/** HTTP methods the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: `public` needs no token, `optional` reads a token when sent (a signed-in
 * reader sees more), `required` needs one, optionally with one of `roles`.
 */
export type RouteAuth = 'public' | 'optional' | 'required';

/** What a successful response carries. */
export interface RouteResponse {
  status: 200 | 201 | 202 | 204;
  /** JSON body schema; absent for 204 and for non-JSON bodies. */
  schema?: z.core.$ZodType;
  /** Media type when not JSON, such as `text/csv` or `text/html`. */
  contentType?: string;
  description: string;
}

/**
 * One route of the v1 API: the single source from which the server validates, the SDK types its
 * methods and the OpenAPI document is generated.
 */
export interface RouteDef<
  Params extends z.core.$ZodType | undefined = z.core.$ZodType | undefined,
  Query extends z.core.$ZodType | undefined = z.core.$ZodType | undefined,
  Body extends z.core.$ZodType | undefined = z.core.$ZodType | undefined,
  Response extends RouteResponse = RouteResponse,
> {
  /** Stable operation id, `area.verb` (`calls.search`); the SDK method of the same name. */
  id: string;
  method: HttpMethod;
  /** OpenAPI path template, such as `/v1/calls/{callId}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: RouteAuth;
  roles?: readonly Role[];
  params?: Params;
  query?: Query;
  body?: Body;
  /** `multipart` routes take `multipart/form-data` with a `file` part plus the fields of `body`. */
  bodyKind?: 'json' | 'multipart' | 'form';
  response: Response;
  /** Error codes this route may answer with, beyond the ones every route may (400, 401, 429, 500). */
  errors: readonly ErrorCode[];
  /** Writes accept `Idempotency-Key`; reads carry ETags. */
  idempotent?: boolean;
  /** The write requires `If-Match` with the resource's current ETag. */
  ifMatch?: 'required' | 'optional';
}

/**
 * Declares a route; an identity function that keeps the literal types for the SDK and the server.
 *
 * @example
 * ```ts
 * export const getCall = route({
 *   id: 'calls.get', method: 'GET', path: '/v1/calls/{callId}', tag: 'calls', auth: 'public',
 *   summary: 'Read one call', params: CallParams, errors: ['not_found'],
 *   response: { status: 200, schema: Call, description: 'The call' },
 * });
 * ```
 */
/*#__NO_SIDE_EFFECTS__*/
export function route<
  const Params extends z.core.$ZodType | undefined = undefined,
  const Query extends z.core.$ZodType | undefined = undefined,
  const Body extends z.core.$ZodType | undefined = undefined,
  const Response extends RouteResponse = RouteResponse,
>(def: RouteDef<Params, Query, Body, Response>): RouteDef<Params, Query, Body, Response> {
  return def;
}

/** Any route, whatever its schemas. */
// biome-ignore lint/suspicious/noExplicitAny: a table of heterogeneous routes
export type AnyRoute = RouteDef<any, any, any, RouteResponse>;

/** What a {@link routeRef} keeps of a route at run time. */
export type RouteRefFields<R extends AnyRoute> = Pick<R, 'id' | 'method' | 'path'> &
  Partial<Pick<R, 'auth' | 'bodyKind' | 'idempotent' | 'ifMatch'>> & {
    response: Pick<R['response'], 'status'> & { contentType?: string };
  };

/**
 * A route without its schemas, for browser bundles. It has the route's TYPE, so the SDK types calls from
 * the route's schemas exactly as with the route itself, but at run time it carries only the method, the
 * path and the response status: the SDK then does not validate the response, and a page does not download
 * zod and the schemas of every response (about 16 KB gzip for a finder). The embedded elements use these;
 * scripts and servers use the full routes. `routes/refs/<area>.ts` are generated from {@link ROUTES} and a test
 * keeps it in step.
 *
 * @example
 * ```ts
 * export const searchCallsRef = routeRef<typeof searchCalls>({
 *   id: 'calls.search', method: 'GET', path: '/v1/calls', response: { status: 200 },
 * });
 * const page = await client.request(searchCallsRef, { query: { status: ['open'] } }); // typed as a Page of calls
 * ```
 */
/*#__NO_SIDE_EFFECTS__*/
export function routeRef<R extends AnyRoute>(fields: RouteRefFields<R>): R {
  return fields as unknown as R;
}
