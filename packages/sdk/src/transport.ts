import { type AnyRoute, type Locale, objectToQuery, validate } from '@nassij/contract';
import ky, { HTTPError } from 'ky';
import type * as z from 'zod/mini';
import { cacheKey, type EtagCache } from './cache.js';
import type { RequestCheck } from './check-request.js';
import {
  errorFromResponse,
  NassijAbortError,
  NassijApiError,
  NassijConflictError,
  NassijError,
  NassijNetworkError,
  NassijResponseValidationError,
  NassijTimeoutError,
  NassijValidationError,
} from './errors.js';
import { isRetryableStatus, isWrite, kyRetryOptions, newIdempotencyKey, type RetryPolicy } from './retry.js';
import type { TokenStorage } from './tokens.js';
import type { InputTuple, RequestInput, RequestOptions, RouteArgs, RouteResult } from './types.js';

/**
 * Runs before each attempt; may return a changed `Request`, or a `Response` to skip the network.
 *
 * @example
 * ```ts
 * const addTrace: BeforeRequestHook = (request) => { request.headers.set('x-trace', traceId); return request; };
 * ```
 */
export type BeforeRequestHook = (
  request: Request,
) => Request | Response | undefined | Promise<Request | Response | undefined>;
/**
 * Runs after each attempt's response arrives; may return a replacement `Response`.
 *
 * @example
 * ```ts
 * const log: AfterResponseHook = (request, response) => { console.log(request.url, response.status); return undefined; };
 * ```
 */
export type AfterResponseHook = (
  request: Request,
  response: Response,
) => Response | undefined | Promise<Response | undefined>;

/**
 * Pass-through hooks, as in ky; each may be one function or a list.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, hooks: { afterResponse: (req, res) => { metrics.count(res.status); return undefined; } } });
 * ```
 */
export interface ClientHooks {
  beforeRequest?: BeforeRequestHook | readonly BeforeRequestHook[];
  afterResponse?: AfterResponseHook | readonly AfterResponseHook[];
}

/**
 * One attempt of a call, as a {@link Sender} receives it. `body` is the encoded body (a `Blob`, which
 * XMLHttpRequest can send with progress).
 *
 * @example
 * ```ts
 * const sender: Sender = (attempt: Attempt) => fetch(attempt.url, attempt);
 * ```
 */
export interface Attempt {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | undefined;
  signal: AbortSignal;
}

/**
 * Sends one attempt and resolves with whatever response came back (error statuses included); rejects
 * when no response came. The transport plugs it into ky as its `fetch`, so ky's retries, hooks and the
 * call's signal apply to it as to any call.
 *
 * @example
 * ```ts
 * const sender: Sender = ({ url, method, headers, body, signal }) => fetch(url, { method, headers, body, signal });
 * ```
 */
export type Sender = (attempt: Attempt) => Promise<Response>;

/**
 * A request body: `make` is called once per call (ky clones the request for its retries, a stream
 * included).
 *
 * @example
 * ```ts
 * const spec: BodySpec = { make: () => JSON.stringify(body), contentType: 'application/json' };
 * ```
 */
export interface BodySpec {
  make(): BodyInit;
  contentType?: string | undefined;
}

/**
 * What a {@link Transport} is built from; `createClient` fills it from its options.
 *
 * @example
 * ```ts
 * createTransport({ baseUrl, timeout: 15_000, retry: retryPolicy({}), hooks: {}, validate: true, cache: null, tokens: memoryTokenStorage() });
 * ```
 */
export interface TransportConfig {
  baseUrl: string;
  fetch?: typeof globalThis.fetch | undefined;
  timeout: number;
  retry: RetryPolicy;
  hooks: ClientHooks;
  validate: boolean;
  cache: EtagCache | null;
  locale?: Locale | undefined;
  tokens: TokenStorage;
  getToken?: (() => string | null | Promise<string | null>) | undefined;
  /**
   * Checks each request before it is sent, when `validate` is on: {@link checkRequest} in a full client;
   * absent in a base client, so that browser bundles do not carry it.
   */
  checkRequest?: RequestCheck | undefined;
}

/**
 * The generic core every area namespace wraps: builds the URL, headers and body of a route, checks the
 * request against the route's schemas, sends it through ky (retries, hooks), revalidates cached reads,
 * maps failures to typed errors and validates the response.
 *
 * @example
 * ```ts
 * const page = await client.transport.op(searchCalls, { query: { status: ['open'] } }, { signal });
 * ```
 */
export interface Transport {
  readonly config: Readonly<TransportConfig>;
  /** Calls a route with its params, query, body and options in one object. */
  request<R extends AnyRoute>(route: R, ...input: InputTuple<RequestInput<R>>): Promise<RouteResult<R>>;
  /** The shape namespaces use: `search: (query, options) => t.op(searchCalls, { query }, options)`. */
  op<R extends AnyRoute>(route: R, args: RouteArgs<R>, options?: RequestOptions): Promise<RouteResult<R>>;
  /**
   * Like `op`, and also gives the response's `ETag` (on a `304`, the cached one): what a conditional
   * write (`If-Match`) needs next. `etag` is `undefined` when the server sent none.
   */
  opWithEtag<R extends AnyRoute>(
    route: R,
    args: RouteArgs<R>,
    options?: RequestOptions,
  ): Promise<{ data: RouteResult<R>; etag: string | undefined }>;
  /**
   * Lower level: a call with a body made by the caller (uploads; it is not checked against the route's
   * body schema), optionally through another sender than `fetch`.
   */
  send<R extends AnyRoute>(
    route: R,
    input: RequestInput<R>,
    body?: BodySpec,
    sender?: Sender,
  ): Promise<RouteResult<R>>;
  /** The token the next call would send. */
  token(): Promise<string | null>;
  /**
   * Returns `sender` as it is: every sender now goes through ky, which runs the client's hooks.
   *
   * @deprecated Pass the sender to {@link Transport.send} directly.
   */
  withHooks(sender: Sender): Sender;
}

function list<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * Fills a path template: `/v1/calls/{callId}` with `{ callId: 'a/b' }` gives `/v1/calls/a%2Fb`.
 *
 * @example
 * ```ts
 * fillPath('/v1/calls/{callId}', { callId: 'call_1' }); // '/v1/calls/call_1'
 * ```
 */
export function fillPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      const message = `Missing path parameter "${name}"`;
      throw new NassijValidationError(message, {
        code: 'validation_failed',
        fieldErrors: [{ path: `/${name}`, in: 'path', code: 'required', message }],
      });
    }
    return encodeURIComponent(String(value));
  });
}

/**
 * The absolute URL of a call: base URL, filled path, then the query with arrays as repeated keys.
 *
 * @example
 * ```ts
 * buildUrl('https://api.example/api', '/v1/calls', undefined, { region: ['MA-01', 'MA-02'] });
 * // 'https://api.example/api/v1/calls?region=MA-01&region=MA-02'
 * ```
 */
export function buildUrl(
  baseUrl: string,
  template: string,
  params: Record<string, unknown> | undefined,
  query: Record<string, unknown> | undefined,
): string {
  const search = objectToQuery(query).toString();
  return `${baseUrl.replace(/\/+$/, '')}${fillPath(template, params)}${search ? `?${search}` : ''}`;
}

function jsonBody(route: AnyRoute, body: unknown): BodySpec | undefined {
  if (body === undefined) return undefined;
  if (route.bodyKind === 'form') {
    const form = objectToQuery(body as Record<string, unknown>);
    return { make: () => new URLSearchParams(form), contentType: 'application/x-www-form-urlencoded' };
  }
  const text = JSON.stringify(body);
  return { make: () => text, contentType: 'application/json' };
}

type CallArgs = RequestOptions & {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
};

async function readResult(
  route: AnyRoute,
  response: Response,
  checkSchema: boolean,
  requestId: string | undefined,
): Promise<unknown> {
  const status = response.status;
  if (status === 204 || status === 205) {
    await response.body?.cancel();
    return undefined;
  }
  const declared = route.response.contentType;
  // A file (an attachment) stays bytes; text (CSV, HTML) is read as text.
  if (declared !== undefined && !declared.includes('json') && !declared.startsWith('text/'))
    return await response.blob();
  const text = await response.text();
  if (declared !== undefined && !declared.includes('json')) return text;
  if (text === '' && route.response.schema === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new NassijResponseValidationError(`${route.id}: the response is not JSON`, {
      status,
      requestId,
      routeId: route.id,
      fieldErrors: [],
      cause,
    });
  }
  const schema = route.response.schema;
  return checkSchema && schema ? conform(route, schema, data, status, requestId) : data;
}

/** The parsed value of a response body that matches the route's schema; throws when it does not. */
function conform(
  route: AnyRoute,
  schema: z.core.$ZodType,
  data: unknown,
  status: number | undefined,
  requestId: string | undefined,
): unknown {
  const result = validate(schema, data);
  if (result.ok) return result.value;
  throw new NassijResponseValidationError(`${route.id}: the response does not match the contract`, {
    status,
    requestId,
    routeId: route.id,
    fieldErrors: result.errors,
  });
}

/**
 * The error of an error response. A conflict's `current` is checked like a response (it is the route's
 * resource, and {@link isConflictError} types it so).
 */
async function failure(route: AnyRoute, response: Response, checkSchema: boolean): Promise<NassijError> {
  const error = await errorFromResponse(response, route.id);
  const schema = route.response.schema;
  if (error instanceof NassijConflictError && checkSchema && schema && error.current !== undefined)
    conform(route, schema, error.current, error.status, error.requestId);
  return error;
}

/** A {@link Sender} as ky's `fetch`: ky hands it each attempt's `Request`. */
function senderFetch(sender: Sender): typeof globalThis.fetch {
  return async (input) => {
    const request = input as Request;
    return sender({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body === null ? undefined : await request.blob(),
      signal: request.signal,
    });
  };
}

/** Longest delay a timer takes (2^31 − 1 ms); a longer budget would fire at once. */
const MAX_TIMER = 2_147_483_647;

/**
 * Builds the {@link Transport} over ky. ky retries (network errors and transient statuses, honouring
 * `Retry-After`, with jittered capped backoff) and runs the hooks. On top of it the transport keeps what
 * ky cannot: one `Idempotency-Key` per write, the same on every attempt, so that ky may retry writes too
 * (it retries a write only when it carries one), and one time budget for the whole call, retries and
 * waits included (ky's `timeout` is per attempt), as an `AbortSignal` beside the caller's.
 *
 * @example
 * ```ts
 * const t = createTransport({ baseUrl, timeout: 15_000, retry: retryPolicy({}), hooks: {}, validate: true,
 *   cache: null, tokens: memoryTokenStorage(), checkRequest });
 * const account = await t.request(me);
 * ```
 */
export function createTransport(config: TransportConfig): Transport {
  const beforeRequest = list(config.hooks.beforeRequest);
  const afterResponse = list(config.hooks.afterResponse);
  const http = ky.create({
    timeout: false,
    // ky retries only what it throws: the retryable statuses, and 409 (a keyed write whose key is still held
    // comes back after Retry-After; kyRetryOptions decides); any other comes back as a response.
    throwHttpErrors: (status: number) => isRetryableStatus(status) || status === 409,
    ...(config.fetch ? { fetch: config.fetch } : {}),
    hooks: {
      beforeRequest: beforeRequest.map((hook) => (request: Request) => hook(request)),
      afterResponse: afterResponse.map(
        (hook) => (request: Request, _options: unknown, response: Response) => hook(request, response),
      ),
      // The failed answer is dropped: free its connection rather than wait for the collector.
      beforeRetry: [
        ({ error }) => {
          if (error instanceof HTTPError) error.response.body?.cancel().catch(() => undefined);
        },
      ],
    },
  });

  const token = async (): Promise<string | null> =>
    config.getToken ? ((await config.getToken()) ?? null) : config.tokens.get();

  async function exchange<R extends AnyRoute>(
    route: R,
    input: RequestInput<R>,
    givenBody?: BodySpec,
    sender?: Sender,
  ): Promise<{ data: RouteResult<R>; etag: string | undefined }> {
    const args = input as CallArgs;
    const checkSchema = args.validate ?? config.validate;
    if (checkSchema) config.checkRequest?.(route, args, givenBody === undefined);
    const bodySpec = givenBody ?? jsonBody(route, args.body);
    const url = buildUrl(config.baseUrl, route.path, args.params, args.query);
    const locale = args.locale ?? config.locale;
    const bearer = await token();
    const headers = new Headers(args.headers);
    const setDefault = (name: string, value: string | undefined) => {
      if (value !== undefined && !headers.has(name)) headers.set(name, value);
    };
    const accept = route.response.contentType ?? 'application/json';
    setDefault('accept', `${accept}, application/problem+json`);
    setDefault('accept-language', locale);
    setDefault('authorization', bearer === null ? undefined : `Bearer ${bearer}`);
    if (isWrite(route.method)) setDefault('idempotency-key', args.idempotencyKey ?? newIdempotencyKey());
    setDefault('if-match', args.ifMatch);
    setDefault('content-type', bodySpec?.contentType);
    const key = route.method === 'GET' && config.cache ? cacheKey(url, bearer, locale) : undefined;
    const cached = key === undefined ? undefined : config.cache?.get(key);
    if (cached) setDefault('if-none-match', cached.etag);

    // The caller's signal and the time budget of the whole call both end it, waits between retries too.
    const outer = args.signal;
    const budget = args.timeout ?? config.timeout;
    const deadline =
      Number.isFinite(budget) && budget > 0 ? AbortSignal.timeout(Math.min(budget, MAX_TIMER)) : undefined;
    const signals = [outer, deadline].filter((signal) => signal !== undefined);
    const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    const stopped = (cause: unknown): NassijError | undefined => {
      if (deadline?.aborted) {
        return new NassijTimeoutError(`${route.id} took longer than ${budget} ms`, {
          code: 'timeout',
          retryable: true,
          routeId: route.id,
          cause,
        });
      }
      if (outer?.aborted)
        return new NassijAbortError(`${route.id} was aborted`, { code: 'aborted', routeId: route.id, cause });
      return undefined;
    };

    const policy = kyRetryOptions(config.retry, headers.has('idempotency-key'));
    try {
      if (signal?.aborted) throw signal.reason;
      let response: Response;
      try {
        response = await http(url, {
          method: route.method,
          headers,
          ...(bodySpec === undefined ? {} : { body: bodySpec.make() }),
          ...(signal === undefined ? {} : { signal }),
          ...(sender === undefined ? {} : { fetch: senderFetch(sender) }),
          retry: {
            ...policy,
            // A refusal a sender or hook made itself is final; then the policy's own rule.
            shouldRetry: (state) =>
              state.error instanceof NassijError ? false : policy.shouldRetry?.(state),
          },
        });
      } catch (error) {
        // A retryable status that stayed so through every retry.
        if (!(error instanceof HTTPError)) throw error;
        response = error.response;
      }
      const requestId = response.headers.get('x-request-id') ?? undefined;
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        if (cached) return { data: cached.value as RouteResult<R>, etag: cached.etag };
        throw new NassijApiError(`${route.id}: 304 without a cached body`, {
          code: 'internal',
          status: 304,
          requestId,
          routeId: route.id,
        });
      }
      if (!response.ok) throw await failure(route, response, checkSchema);
      const value = await readResult(route, response, checkSchema, requestId);
      const etag = response.headers.get('etag') ?? undefined;
      if (key !== undefined && etag) config.cache?.set(key, etag, value);
      return { data: value as RouteResult<R>, etag };
    } catch (error) {
      if (error instanceof NassijError) throw error;
      throw (
        stopped(error) ??
        new NassijNetworkError(`${route.id}: the server could not be reached`, {
          code: 'network_error',
          retryable: true,
          routeId: route.id,
          cause: error,
        })
      );
    }
  }

  const send: Transport['send'] = async (route, input, body, sender) =>
    (await exchange(route, input, body, sender)).data;

  return {
    config,
    request: (route, ...input) => send(route, (input[0] ?? {}) as RequestInput<typeof route>),
    op: (route, args, options) => send(route, { ...options, ...args } as RequestInput<typeof route>),
    opWithEtag: (route, args, options) =>
      exchange(route, { ...options, ...args } as RequestInput<typeof route>),
    send,
    token,
    withHooks: (sender) => sender,
  };
}
