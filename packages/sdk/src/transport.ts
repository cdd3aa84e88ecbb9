import { type AnyRoute, type Locale, objectToQuery, validate } from '@nassij/contract';
import ky from 'ky';
import { cacheKey, type EtagCache } from './cache.js';
import {
  errorFromResponse,
  NassijAbortError,
  NassijApiError,
  NassijError,
  NassijNetworkError,
  NassijResponseValidationError,
  NassijTimeoutError,
  NassijValidationError,
} from './errors.js';
import {
  isRetryableStatus,
  isWrite,
  newIdempotencyKey,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
  sleep,
} from './retry.js';
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
 * One attempt of a call, as a {@link Sender} receives it.
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
 * Sends one attempt and resolves with whatever response came back (error statuses included).
 *
 * @example
 * ```ts
 * const sender: Sender = ({ url, method, headers, body, signal }) => fetch(url, { method, headers, body, signal });
 * ```
 */
export type Sender = (attempt: Attempt) => Promise<Response>;

/**
 * A request body, made afresh for each attempt (a stream can be read only once).
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
}

/**
 * The generic core every area namespace wraps: builds the URL, headers and body of a route, retries,
 * revalidates cached reads, maps failures to typed errors and validates the response.
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
  /** Lower level: a call with a body made by the caller (uploads), optionally through another sender. */
  send<R extends AnyRoute>(
    route: R,
    input: RequestInput<R>,
    body?: BodySpec,
    sender?: Sender,
  ): Promise<RouteResult<R>>;
  /** The token the next call would send. */
  token(): Promise<string | null>;
  /** Runs the client's hooks around an attempt made without ky (the XMLHttpRequest upload path). */
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
      throw new NassijValidationError(`Missing path parameter "${name}"`, {
        code: 'validation_failed',
        fieldErrors: [
          { path: `/${name}`, in: 'path', code: 'required', message: `Missing path parameter "${name}"` },
        ],
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
  const text = await response.text();
  const declared = route.response.contentType;
  if (declared !== undefined && !declared.includes('json')) return text;
  if (text === '' && route.response.schema === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new NassijResponseValidationError(`${route.id}: the response is not JSON`, {
      status,
      requestId,
      fieldErrors: [],
      cause,
    });
  }
  const schema = route.response.schema;
  if (!checkSchema || schema === undefined) return data;
  const result = validate(schema, data);
  if (result.ok) return result.value;
  throw new NassijResponseValidationError(`${route.id}: the response does not match the contract`, {
    status,
    requestId,
    fieldErrors: result.errors,
  });
}

/**
 * Builds the {@link Transport} over ky. ky's own retry and timeout are off: the transport retries every
 * method itself so a write keeps one `Idempotency-Key` across attempts, and the time budget covers the
 * whole call rather than one attempt.
 *
 * @example
 * ```ts
 * const t = createTransport({ baseUrl, timeout: 15_000, retry: retryPolicy({}), hooks: {}, validate: true,
 *   cache: null, tokens: memoryTokenStorage() });
 * const account = await t.request(me);
 * ```
 */
export function createTransport(config: TransportConfig): Transport {
  const beforeRequest = list(config.hooks.beforeRequest);
  const afterResponse = list(config.hooks.afterResponse);
  const http = ky.create({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    ...(config.fetch ? { fetch: config.fetch } : {}),
    hooks: {
      beforeRequest: beforeRequest.map((hook) => (request: Request) => hook(request)),
      afterResponse: afterResponse.map(
        (hook) => (request: Request, _options: unknown, response: Response) => hook(request, response),
      ),
    },
  });
  const kySender: Sender = ({ url, method, headers, body, signal }) =>
    http(url, { method, headers, signal, ...(body === undefined ? {} : { body }) });

  const token = async (): Promise<string | null> =>
    config.getToken ? ((await config.getToken()) ?? null) : config.tokens.get();

  async function exchange<R extends AnyRoute>(
    route: R,
    input: RequestInput<R>,
    bodySpec: BodySpec | undefined = jsonBody(route, input.body),
    sender: Sender = kySender,
  ): Promise<{ data: RouteResult<R>; etag: string | undefined }> {
    const args = input as RequestOptions & {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
    };
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

    // One controller for the whole call: the caller's signal and the time budget both end it.
    const controller = new AbortController();
    const outer = args.signal;
    let timedOut = false;
    const onAbort = () => controller.abort(outer?.reason);
    const budget = args.timeout ?? config.timeout;
    const timer =
      Number.isFinite(budget) && budget > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort(new DOMException('The call ran out of time', 'TimeoutError'));
          }, budget)
        : undefined;
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener('abort', onAbort, { once: true });

    const stopped = (cause: unknown): NassijError | undefined => {
      if (timedOut) {
        return new NassijTimeoutError(`${route.id} took longer than ${budget} ms`, {
          code: 'timeout',
          retryable: true,
          cause,
        });
      }
      if (controller.signal.aborted)
        return new NassijAbortError(`${route.id} was aborted`, { code: 'aborted', cause });
      return undefined;
    };

    try {
      for (let attempt = 0; ; attempt++) {
        if (controller.signal.aborted) throw stopped(controller.signal.reason);
        let response: Response;
        try {
          response = await sender({
            url,
            method: route.method,
            headers,
            body: bodySpec?.make(),
            signal: controller.signal,
          });
        } catch (cause) {
          const stop = stopped(cause);
          if (stop) throw stop;
          if (cause instanceof NassijError) throw cause;
          if (attempt < config.retry.limit) {
            await sleep(retryDelay(attempt, undefined, config.retry), controller.signal);
            continue;
          }
          throw new NassijNetworkError(`${route.id}: the server could not be reached`, {
            code: 'network_error',
            retryable: true,
            cause,
          });
        }
        if (isRetryableStatus(response.status) && attempt < config.retry.limit) {
          const wait = retryDelay(
            attempt,
            parseRetryAfter(response.headers.get('retry-after')),
            config.retry,
          );
          await response.body?.cancel().catch(() => undefined);
          await sleep(wait, controller.signal);
          continue;
        }
        const requestId = response.headers.get('x-request-id') ?? undefined;
        if (response.status === 304) {
          await response.body?.cancel().catch(() => undefined);
          if (cached) return { data: cached.value as RouteResult<R>, etag: cached.etag };
          throw new NassijApiError(`${route.id}: 304 without a cached body`, {
            code: 'internal',
            status: 304,
            requestId,
          });
        }
        if (!response.ok) throw await errorFromResponse(response);
        const value = await readResult(route, response, args.validate ?? config.validate, requestId);
        const etag = response.headers.get('etag') ?? undefined;
        if (key !== undefined && etag) config.cache?.set(key, etag, value);
        return { data: value as RouteResult<R>, etag };
      }
    } catch (error) {
      if (error instanceof NassijError) throw error;
      throw (
        stopped(error) ??
        new NassijNetworkError(`${route.id} failed`, { code: 'network_error', cause: error })
      );
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  const send: Transport['send'] = async (route, input, body, sender) =>
    (await exchange(route, input, body, sender)).data;

  function withHooks(sender: Sender): Sender {
    return async (attempt) => {
      let request = new Request(attempt.url, { method: attempt.method, headers: attempt.headers });
      for (const hook of beforeRequest) {
        const result = await hook(request);
        if (result instanceof Response) return result;
        if (result instanceof Request) request = result;
      }
      let response = await sender({ ...attempt, url: request.url, headers: request.headers });
      for (const hook of afterResponse) {
        const result = await hook(request, response.clone());
        if (result instanceof Response) response = result;
      }
      return response;
    };
  }

  return {
    config,
    request: (route, ...input) => send(route, (input[0] ?? {}) as RequestInput<typeof route>),
    op: (route, args, options) => send(route, { ...options, ...args } as RequestInput<typeof route>),
    opWithEtag: (route, args, options) =>
      exchange(route, { ...options, ...args } as RequestInput<typeof route>),
    send,
    token,
    withHooks,
  };
}
