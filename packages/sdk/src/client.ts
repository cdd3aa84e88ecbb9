import type { AnyRoute, Locale } from '@nassij/contract';
import { type AuthArea, authArea, memoryTokenStorage, type TokenStorage } from './auth.js';
import { type CacheOptions, createEtagCache } from './cache.js';
import {
  iterate,
  type PagedRoute,
  type PageItem,
  type PageOptions,
  type PageQueryInput,
  pages,
} from './paginate.js';
import { type RetryOptions, retryPolicy } from './retry.js';
import { type ClientHooks, createTransport, type Transport } from './transport.js';
import type { InputTuple, RequestInput, RouteResult } from './types.js';
import { type UploadInput, uploadFile } from './upload.js';

/**
 * Options of {@link createClient}.
 *
 * @example
 * ```ts
 * const options: ClientOptions = { baseUrl: 'https://platform.example/api', locale: 'ar', timeout: 10_000 };
 * ```
 */
export interface ClientOptions {
  /** Where the API lives, such as `https://platform.example/api`; route paths are appended to it. */
  baseUrl: string;
  /** A fixed bearer token (scripts); it seeds the token storage. */
  token?: string | undefined;
  /** Asked before every call for the token to send; takes precedence over the storage. */
  getToken?: (() => string | null | Promise<string | null>) | undefined;
  /** Language of the answers (`Accept-Language`) and of the sign-in popup. */
  locale?: Locale | undefined;
  /** The `fetch` to use; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Time budget of each call, retries included, in ms. Default 15 000. */
  timeout?: number | undefined;
  retry?: RetryOptions | undefined;
  hooks?: ClientHooks | undefined;
  /** Check every response against its route's schema. Default `true`. */
  validate?: boolean | undefined;
  /** Where the token lives; default {@link memoryTokenStorage}. */
  tokenStorage?: TokenStorage | undefined;
  /** ETag cache of reads; `false` turns it off. Default `{ maxEntries: 100 }`. */
  cache?: CacheOptions | false | undefined;
}

/**
 * The Nassij client. Every method either resolves with its typed result or rejects with a
 * `NassijError`; none resolves `undefined` for a failure.
 */
export interface NassijClient {
  /** Calls any route of the contract, typed from its schemas. */
  request<R extends AnyRoute>(route: R, ...input: InputTuple<RequestInput<R>>): Promise<RouteResult<R>>;
  /** Items of a list route, page after page, fetched only as the loop asks for them. */
  iterate<R extends PagedRoute>(
    route: R,
    query?: PageQueryInput<R>,
    options?: PageOptions<R>,
  ): AsyncGenerator<PageItem<R>, void, undefined>;
  /** Whole pages (with `total` and `facets`) of a list route. */
  pages<R extends PagedRoute>(
    route: R,
    query?: PageQueryInput<R>,
    options?: PageOptions<R>,
  ): AsyncGenerator<RouteResult<R>, void, undefined>;
  /** Uploads a file to a multipart route, with client-side pre-checks and progress. */
  upload<R extends AnyRoute>(route: R, input: UploadInput<R>): Promise<RouteResult<R>>;
  auth: AuthArea;
  /** The token storage in use. */
  readonly tokens: TokenStorage;
  /** The generic core, for area namespaces built outside this package. */
  readonly transport: Transport;
}

/**
 * Creates a client for one Nassij platform. Area namespaces (`client.calls`, …) are thin wrappers
 * over `transport.op(route, args, options)`; adding one is one object here.
 *
 * @example
 * ```ts
 * import { createClient, NassijConflictError } from '@nassij/sdk';
 *
 * const client = createClient({ baseUrl: 'https://platform.example/api', locale: 'fr' });
 * await client.auth.signIn('amina@example.ma', 'correct horse battery staple');
 * const account = await client.auth.me();
 * ```
 */
export function createClient(options: ClientOptions): NassijClient {
  const tokens = options.tokenStorage ?? memoryTokenStorage();
  if (options.token !== undefined) tokens.set(options.token);
  const transport = createTransport({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeout: options.timeout ?? 15_000,
    retry: retryPolicy(options.retry),
    hooks: options.hooks ?? {},
    validate: options.validate ?? true,
    cache: options.cache === false ? null : createEtagCache(options.cache),
    locale: options.locale,
    tokens,
    getToken: options.getToken,
  });
  return {
    request: transport.request,
    iterate: (route, query, pageOptions) => iterate(transport, route, query, pageOptions),
    pages: (route, query, pageOptions) => pages(transport, route, query, pageOptions),
    upload: (route, input) => uploadFile(transport, route, input),
    auth: authArea(transport),
    tokens,
    transport,
  };
}
