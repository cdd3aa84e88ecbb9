import type { AnyRoute, Locale } from '@nassij/contract';
import type * as z from 'zod/mini';

/**
 * Options every call accepts beside its route's params, query and body.
 *
 * @example
 * ```ts
 * const options: RequestOptions = { signal: controller.signal, timeout: 5_000 };
 * ```
 */
export interface RequestOptions {
  /** Cancels the call, including its retries and backoff waits. */
  signal?: AbortSignal | undefined;
  /** Time budget of the whole call, retries included, in ms; overrides the client's. */
  timeout?: number | undefined;
  /** Key shared by all attempts of a write; pass your own to dedupe across page loads (an outbox). */
  idempotencyKey?: string | undefined;
  /** The ETag the write was based on, sent as `If-Match`; a mismatch throws `NassijConflictError`. */
  ifMatch?: string | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
  /** Check the request and the response against the route's schemas; overrides the client's `validate`. */
  validate?: boolean | undefined;
  /** Language for this call (`Accept-Language`); overrides the client's. */
  locale?: Locale | undefined;
}

type Input<S> = S extends z.core.$ZodType ? z.input<S> : never;

/** `{ [key]: input }`, optional when every field of the input is optional, absent when there is no schema. */
type Part<Key extends string, S> = [S] extends [never]
  ? { [K in Key]?: undefined }
  : object extends Input<S>
    ? { [K in Key]?: Input<S> }
    : { [K in Key]: Input<S> };

/**
 * The `params`, `query` and `body` a route takes, typed from its schemas (their input side, so fields
 * with defaults may be left out).
 *
 * @example
 * ```ts
 * const args: RouteArgs<typeof signIn> = { body: { email: 'a@example.ma', password: 'secret' } };
 * ```
 */
export type RouteArgs<R extends AnyRoute> = Part<'params', NonNullable<R['params']>> &
  Part<'query', NonNullable<R['query']>> &
  Part<'body', NonNullable<R['body']>>;

/**
 * Everything one call of `request(route, input)` takes.
 *
 * @example
 * ```ts
 * const input: RequestInput<typeof getCall> = { params: { callId: 'call_0001' }, timeout: 5_000 };
 * ```
 */
export type RequestInput<R extends AnyRoute> = RouteArgs<R> & RequestOptions;

/**
 * `[input]` when something is required, `[input?]` otherwise.
 *
 * @example
 * ```ts
 * type Args = InputTuple<RequestInput<typeof me>>; // [input?: …]
 * ```
 */
export type InputTuple<T> = object extends T ? [input?: T] : [input: T];

/**
 * What a route resolves with: the output of its response schema, text for non-JSON bodies, `unknown`
 * for JSON without a schema, `undefined` for `204`.
 *
 * @example
 * ```ts
 * type Me = RouteResult<typeof me>; // Account
 * ```
 */
export type RouteResult<R extends AnyRoute> = R['response'] extends {
  schema: infer S extends z.core.$ZodType;
}
  ? z.output<S>
  : R['response'] extends { contentType: infer T extends string }
    ? T extends `${string}json`
      ? unknown
      : T extends `text/${string}`
        ? string
        : Blob
    : undefined;

/**
 * The input of a route's JSON body, from its schema; `never` when the route takes none.
 *
 * @example
 * ```ts
 * const body: BodyOf<typeof startApplication> = { callId: 'call_1', associationId: 'asso_1' };
 * ```
 */
export type BodyOf<R extends AnyRoute> =
  NonNullable<R['body']> extends z.core.$ZodType ? z.input<NonNullable<R['body']>> : never;

/**
 * The input of a route's query, from its schema; `never` when the route takes none.
 *
 * @example
 * ```ts
 * const query: QueryOf<typeof getIndicators> = { year: 2026, region: 'MA-06' };
 * ```
 */
export type QueryOf<R extends AnyRoute> =
  NonNullable<R['query']> extends z.core.$ZodType ? z.input<NonNullable<R['query']>> : never;

/**
 * A resource with the ETag of the representation it was read or written as: pass `etag` as `ifMatch`
 * to the next conditional write.
 *
 * @example
 * ```ts
 * const { data, etag }: Versioned<Application> = await client.applications.getWithEtag('app_1');
 * ```
 */
export interface Versioned<T> {
  data: T;
  /** The strong ETag the server sent, such as `"3q2-7w…"`; opaque, compare and send it as is. */
  etag: string;
}
