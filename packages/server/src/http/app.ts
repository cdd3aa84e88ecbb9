import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Account, AnyRoute, FieldError, RequestPart } from '@nassij/contract';
import { queryToObject, validate } from '@nassij/contract';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type * as z from 'zod/mini';
import { bearerToken, checkToken, type TokenCheck } from '../auth/tokens.js';
import type { Db } from '../db/db.js';
import { isTransactionConflict } from '../db/errors.js';
import { addressResolver, rateKeyOf, type TrustProxy } from './client-address.js';
import { COMPRESS_THRESHOLD, compressAnswers, noteAnswerText } from './compress.js';
import { corsAnswers } from './cors.js';
import { etagMatches, etagOf } from './etag.js';
import {
  answerOf,
  type Claim,
  claimKey,
  DEFAULT_IDEMPOTENCY_LEASE_MS,
  releaseClaim,
  storeAnswer,
  storedRefusal,
} from './idempotency.js';
import type { Logger } from './log.js';
import { ApiError, problem, problemAnswer, problemResponse } from './problem.js';
import {
  DEFAULT_RATE_LIMIT,
  RateLimiter,
  type RateLimitOptions,
  rateLimited,
  SignInThrottle,
} from './rate-limit.js';
import { requestIds } from './request-id.js';
import { securityHeaders } from './security-headers.js';

/** The server's notion of "now"; tests and the demo seed pass a fixed one. */
export type Clock = () => Date;

/** Hono environment of the API app: every request carries its id. */
export type AppEnv = { Variables: { requestId: string } };

/** Largest JSON (or form) body accepted. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Default largest multipart body when a route does not say. */
export const DEFAULT_MAX_MULTIPART_BYTES = 10 * 1024 * 1024;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Options of {@link createApiApp}. */
export interface ApiAppOptions {
  db: Db;
  /** Directory of the database; stored files live beside it (`<dataDir>/files`). */
  dataDir?: string;
  logger: Logger;
  clock?: Clock;
  /** Origins whose pages may open the sign-in popup and receive a token (reads and writes need no allowlist). */
  corsOrigins?: readonly string[];
  /** Validate every success body against the route's response schema (a mismatch is a 500 bug). */
  validateResponses?: boolean;
  /**
   * Write limits per account (signed in) or per client address (signed out), and the sign-in throttle;
   * `false` turns them all off. See docs/server.md, "Rate limits".
   */
  rateLimit?: RateLimitOptions | false;
  /**
   * Reverse proxies whose `X-Forwarded-For` (or `Forwarded`) header names the client address; without it the
   * headers are ignored and the client is the socket's peer.
   */
  trustProxy?: TrustProxy;
  /**
   * How long a keyed write whose handler awaits holds its `Idempotency-Key` before a retry may take it over
   * (default 30 s, reckoned on `clock`); see docs/server.md, "Idempotency".
   */
  idempotencyLeaseMs?: number;
  /** Answers GET/HEAD requests no route matched (static files); `undefined` means "not mine". */
  fallback?: (c: Context<AppEnv>) => Promise<Response | undefined> | Response | undefined;
  /**
   * The origin people reach the server at (`--public-url`, such as `https://nassij.ma`), for links in
   * messages; without it, each request's own origin (wrong behind a reverse proxy that rewrites the host).
   */
  publicUrl?: string;
}

type Out<S> = [Exclude<S, undefined>] extends [never]
  ? undefined
  : Exclude<S, undefined> extends z.core.$ZodType
    ? z.output<Exclude<S, undefined>>
    : undefined;

/** What a bound handler receives: validated request parts, the caller, and the app's services. */
export interface HandlerInput<R extends AnyRoute> {
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** Files of a multipart request by part name. */
  files: Record<string, File>;
  /** The signed-in account, or `null` on a public route / anonymous optional route. */
  auth: Account | null;
  requestId: string;
  db: Db;
  /** "Now" for this request, from the app's clock. */
  now: Date;
  log: Logger;
  c: Context<AppEnv>;
}

/** A handler's answer: a JSON body (checked against the route's schema in tests) or a whole `Response`. */
export type HandlerResult<R extends AnyRoute> =
  | {
      status?: number;
      body?: R['response'] extends { schema: infer S } ? Out<S> : unknown;
      headers?: Record<string, string>;
      /** ETag to send; on GET one is computed from the body when absent. */
      etag?: string;
    }
  | Response;

/** A route handler for {@link ApiApp.bind}. */
export type Handler<R extends AnyRoute> = (
  input: HandlerInput<R>,
) => HandlerResult<R> | Promise<HandlerResult<R>>;

/** Per-route binding options. */
export interface BindOptions {
  /** Largest request body in bytes (multipart routes set their own; JSON is capped at 1 MB). */
  maxBodyBytes?: number;
  /**
   * The handler awaits more than the database (storing an upload, hashing a password): it runs outside a
   * transaction, so that a slow disk or hash never holds other writes back, and a keyed write commits its
   * claim first with a lease. Other writes run in one transaction each: all their changes or none.
   */
  awaitsIo?: boolean;
}

/** The API application that areas register their routes on. */
export interface ApiApp {
  readonly hono: Hono<AppEnv>;
  readonly db: Db;
  /** Directory of the database; areas keep stored files beside it (`<dataDir>/files`). */
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Origins allowed to use the sign-in popup; the server adds its own origin once listening. */
  readonly allowedOrigins: Set<string>;
  /**
   * The client address of a request: the socket's peer, or what trusted proxies say (`trustProxy`). Use it
   * for anything keyed by address (rate limits, anonymous scopes).
   */
  clientAddress(c: Context): string;
  /** The sign-in throttle (per e-mail and per address), or `undefined` when rate limits are off. */
  readonly signInThrottle: SignInThrottle | undefined;
  /** Binds a contract route to a handler; see {@link bind}. */
  bind<R extends AnyRoute>(route: R, handler: Handler<R>, options?: BindOptions): void;
  /**
   * The server's public origin, without a trailing slash, for links in messages: `--public-url` when
   * given, else the origin the request came to when it is one of the server's own (the address it listens
   * on, or `localhost` at its port), else the first of those: never a host a client made up.
   *
   * @example
   * ```ts
   * const url = `${app.publicUrl(c)}/auth/verify?token=${token}&lang=${locale}`;
   * ```
   */
  publicUrl(c: Context): string;
}

/** `/v1/calls/{callId}` → `/v1/calls/:callId` (Hono). */
function honoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

function pathPattern(path: string): RegExp {
  const source = path
    .split(/\{[A-Za-z0-9_]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${source}/?$`);
}

/**
 * The socket peer's address, whatever the forwarding headers say. Behind a reverse proxy that is the proxy:
 * use {@link ApiApp.clientAddress}, which honours `trustProxy`, for anything keyed by client.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function invalid(errors: FieldError[]): ApiError {
  return problem('validation_failed', undefined, { errors });
}

function check<T>(schema: z.core.$ZodType, input: unknown, part: RequestPart): T {
  const nul = nulCharacters(input, part);
  if (nul.length > 0) throw invalid(nul);
  const result = validate(schema, input, part);
  if (!result.ok) throw invalid(result.errors);
  return result.value as T;
}

/**
 * Field errors for every text holding U+0000. PostgreSQL cannot store it in text (a 500 there, while SQLite
 * kept it), and no person types it: it is refused at the boundary, on both databases alike.
 */
function nulCharacters(input: unknown, part: RequestPart, path = '', depth = 0): FieldError[] {
  if (typeof input === 'string')
    return input.includes('\u0000')
      ? [
          {
            path,
            in: part,
            code: 'invalid_format',
            message: 'Text cannot contain the NUL character (U+0000)',
          },
        ]
      : [];
  if (typeof input !== 'object' || input === null || depth > 32) return [];
  return Object.entries(input).flatMap(([key, value]) =>
    nulCharacters(value, part, `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, depth + 1),
  );
}

/**
 * The body limit of a write route: a declared `Content-Length` past `limit` is refused before the body is
 * read, and a body without one (chunked) is read up to `limit` and cut there, by Hono's `bodyLimit`. Both
 * refusals are our `413 payload_too_large` problem.
 */
function bodyLimitOf(limit: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => problem('payload_too_large', `The body exceeds ${limit} bytes`);
  const streamed = bodyLimit({
    maxSize: limit,
    onError: () => {
      throw tooLarge();
    },
  });
  return (c, next) => {
    // A declared length is checked here, without Hono's middleware, which opens the request's body stream
    // first. On @hono/node-server that costs every write the direct read of the body and, on a refusal,
    // leaves the unread rest of the body stuck behind that stream until the connection is closed, under the
    // client's next request on it (request-limits.test.ts). Left untouched, the rest is discarded and the
    // connection kept. Node holds a body to its declared length.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > limit) throw tooLarge();
      return next();
    }
    return streamed(c, next);
  };
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

async function parseBody(
  c: Context,
  route: AnyRoute,
  raw: Uint8Array<ArrayBuffer>,
): Promise<{ input: unknown; files: Record<string, File> }> {
  const type = mediaType(c);
  const kind = route.bodyKind ?? 'json';
  if (raw.byteLength === 0 && type === '') return { input: undefined, files: {} };
  if (kind === 'multipart' || kind === 'form') {
    const expected = kind === 'multipart' ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    if (type !== expected) throw problem('unsupported_media_type', `Send ${expected}`);
    let form: FormData;
    try {
      form = await new Response(raw, {
        headers: { 'content-type': c.req.header('content-type') ?? '' },
      }).formData();
    } catch {
      throw problem('bad_request', 'The form body could not be read');
    }
    const fields: Record<string, unknown> = {};
    const files: Record<string, File> = {};
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') fields[name] = value;
      else files[name] ??= value;
    }
    return { input: fields, files };
  }
  if (type !== 'application/json' && !type.endsWith('+json'))
    throw problem('unsupported_media_type', 'Send application/json');
  try {
    return { input: JSON.parse(Buffer.from(raw).toString('utf8')), files: {} };
  } catch {
    throw problem('bad_request', 'The body is not valid JSON');
  }
}

/**
 * What an `Idempotency-Key` covers: the method, the path and the body. A multipart body counts by what the
 * handler sees (its fields and each file's part name, file name, type and bytes), because a client that
 * encodes the same form again, on a retry after a reload, picks another boundary.
 */
async function requestHashOf(
  c: Context,
  route: AnyRoute,
  raw: Uint8Array,
  fields: unknown,
  files: Record<string, File>,
): Promise<string> {
  const hash = createHash('sha256').update(`${route.method} ${c.req.path}\n`);
  if (route.bodyKind !== 'multipart' || mediaType(c) !== 'multipart/form-data')
    return hash.update(raw).digest('hex');
  const parts: unknown[] = [fields ?? null];
  for (const [name, file] of Object.entries(files)) {
    const bytes = createHash('sha256')
      .update(new Uint8Array(await file.arrayBuffer()))
      .digest('hex');
    parts.push([name, file.name, file.type, bytes]);
  }
  return hash.update(`multipart\n${JSON.stringify(parts)}`).digest('hex');
}

/**
 * Binds a contract route to a handler on the app: parses and validates path params, query and body
 * (JSON, form or multipart), enforces auth and roles, write rate limits and `Idempotency-Key`, computes
 * ETags and `304`s on reads, sets `Cache-Control`, and checks the response against the route's schema
 * when `validateResponses` is on. Handlers throw {@link ApiError}s for expected failures.
 *
 * @example
 * ```ts
 * bind(app, getCall, ({ params, db }) => {
 *   const call = findCall(db, params.callId);
 *   if (!call) throw problem('not_found');
 *   return { body: call };
 * });
 * ```
 */
export function bind<R extends AnyRoute>(
  app: ApiApp,
  route: R,
  handler: Handler<R>,
  options: BindOptions = {},
): void {
  app.bind(route, handler, options);
}

/**
 * Creates the API application: request ids, logging, CORS, problem+json 404/405 and a top-level error
 * handler that turns anything unexpected into `500 internal` without leaking a stack.
 *
 * @example
 * ```ts
 * const app = createApiApp({ db, logger: createLogger('info'), corsOrigins: ['https://region.ma'] });
 * app.bind(me, ({ auth }) => ({ body: auth! }));
 * ```
 */
export function createApiApp(options: ApiAppOptions): ApiApp {
  const { db, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const validateResponses = options.validateResponses ?? false;
  const nowMs = () => clock().getTime();
  const limits = options.rateLimit === false ? undefined : (options.rateLimit ?? DEFAULT_RATE_LIMIT);
  // In the database, so that several server processes on one database share the budgets.
  const limiter = limits ? new RateLimiter(db, 'write', limits, nowMs) : undefined;
  const signInThrottle = limits ? new SignInThrottle(db, limits.signIn, nowMs) : undefined;
  const resolveAddress = addressResolver(options.trustProxy);
  const clientAddress = (c: Context): string => resolveAddress(clientIp(c), c.req.raw.headers);
  const allowedOrigins = new Set(options.corsOrigins ?? []);
  const leaseMs = options.idempotencyLeaseMs ?? DEFAULT_IDEMPOTENCY_LEASE_MS;
  const publicOrigin = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const hono = new Hono<AppEnv>();
  const registry: { pattern: RegExp; method: string }[] = [];

  hono.use('*', requestIds());
  hono.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  // Any origin may read and write: answers carry no cookies, and writes need a bearer token, which only
  // the sign-in popup's allowlisted origins (or the account holder) can obtain. See docs/security.md.
  hono.use('*', securityHeaders());
  hono.use('*', corsAnswers());
  hono.use('*', compressAnswers({ threshold: COMPRESS_THRESHOLD }));

  hono.onError((error, c) => {
    const requestId = c.get('requestId');
    if (error instanceof ApiError) return problemResponse(error, requestId);
    // A write that lost its race against others more times than PostgreSQL's retries allow: try again soon.
    if (isTransactionConflict(error))
      return problemResponse(
        problem('unavailable', 'Too many simultaneous changes; try again in a moment', {
          headers: { 'retry-after': '1' },
        }),
        requestId,
      );
    logger.error('unhandled error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return problemResponse(
      problem('internal', 'Something went wrong on our side; quote the request id'),
      requestId,
    );
  });

  hono.notFound(async (c) => {
    const requestId = c.get('requestId');
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && options.fallback) {
      const served = await options.fallback(c);
      if (served) return served;
    }
    const methods = registry.filter((entry) => entry.pattern.test(c.req.path)).map((entry) => entry.method);
    if (methods.length > 0) {
      return problemResponse(
        problem('method_not_allowed', `${c.req.method} is not allowed here`, {
          headers: { allow: [...new Set(methods)].join(', ') },
        }),
        requestId,
      );
    }
    return problemResponse(problem('not_found', `No route for ${c.req.path}`), requestId);
  });

  const app: ApiApp = {
    hono,
    db,
    dataDir: options.dataDir ?? '',
    clock,
    logger,
    allowedOrigins,
    clientAddress,
    signInThrottle,
    publicUrl: (c) => {
      if (publicOrigin) return publicOrigin;
      // The request's origin comes from its Host header, which the client writes: a link built on any host
      // would let someone ask for a password reset of another person's account with their own host in it,
      // and receive the token when the link is followed. Only the server's own origins are taken.
      const origin = new URL(c.req.url).origin;
      const own = [...allowedOrigins].filter((allowed) => !corsOrigins.has(allowed));
      return own.includes(origin) ? origin : (own[0] ?? origin);
    },
    bind(route, handler, bindOptions = {}) {
      registry.push({ pattern: pathPattern(route.path), method: route.method });
      const write = route.method !== 'GET';
      const limit =
        bindOptions.maxBodyBytes ??
        (route.bodyKind === 'multipart' ? DEFAULT_MAX_MULTIPART_BYTES : MAX_JSON_BYTES);
      const run = handler as unknown as Handler<AnyRoute>;
      const answer = async (c: Context<AppEnv>): Promise<Response> => {
        const requestId = c.get('requestId');
        const now = clock();
        const token = bearerToken(c.req.header('authorization'));
        const limited = write && limiter !== undefined;
        // A write is limited per account when its token is good, else per client address: a made-up or
        // expired token, like a forged forwarding header, buys no budget of its own.
        const tokenCheck: TokenCheck | undefined =
          token && (limited || route.auth !== 'public') ? await checkToken(db, token, now) : undefined;

        if (limited) {
          const wait = await limiter.take(
            tokenCheck?.ok ? `account:${tokenCheck.account.id}` : `addr:${rateKeyOf(clientAddress(c))}`,
          );
          if (wait > 0) throw rateLimited(wait, 'Too many writes');
        }

        let auth: Account | null = null;
        if (route.auth !== 'public' && (token || c.req.header('authorization'))) {
          const checked = tokenCheck ?? ({ ok: false, code: 'unauthenticated' } as const);
          if (!checked.ok)
            throw problem(checked.code, undefined, { headers: { 'www-authenticate': 'Bearer' } });
          auth = checked.account;
        }
        if (route.auth === 'required' && !auth) {
          throw problem('unauthenticated', undefined, { headers: { 'www-authenticate': 'Bearer' } });
        }
        if (
          route.roles &&
          route.roles.length > 0 &&
          !route.roles.some((role: string) => auth?.roles.includes(role as never))
        ) {
          throw problem('forbidden', `One of these roles is needed: ${route.roles.join(', ')}`);
        }

        const params = route.params ? check(route.params, c.req.param(), 'path') : {};
        const query = route.query
          ? check(route.query, queryToObject(route.query, new URL(c.req.url).searchParams), 'query')
          : {};

        let raw: Uint8Array<ArrayBuffer> = new Uint8Array(0);
        let body: unknown;
        let fields: unknown;
        let files: Record<string, File> = {};
        if (write) {
          raw = new Uint8Array(await c.req.arrayBuffer());
          if (route.body || route.bodyKind === 'multipart') {
            const parsed = await parseBody(c, route, raw);
            files = parsed.files;
            fields = parsed.input;
            body = route.body ? check(route.body, parsed.input, 'body') : undefined;
          }
        }

        const input = {
          params,
          query,
          body,
          files,
          auth,
          requestId,
          db,
          now,
          log: logger,
          c,
        } as HandlerInput<AnyRoute>;
        const idemKey = write ? c.req.header('idempotency-key') : undefined;
        if (idemKey === undefined) {
          const result =
            write && !bindOptions.awaitsIo ? await atomicWrite(() => run(input)) : await run(input);
          return respond(c, route, result, requestId);
        }
        if (!IDEMPOTENCY_KEY.test(idemKey)) {
          throw invalid([
            {
              path: '/Idempotency-Key',
              in: 'header',
              code: 'invalid_format',
              message: '1 to 255 visible ASCII characters',
            },
          ]);
        }
        return keyed(c, route, run, input, bindOptions.awaitsIo === true, {
          scope: auth ? `account:${auth.id}` : `ip:${clientAddress(c)}`,
          key: idemKey,
          requestHash: await requestHashOf(c, route, raw, fields, files),
        });
      };
      // Reads take no body; a write's is limited before the handler runs, so a refused one is never read.
      if (write) hono.on(route.method, honoPath(route.path), bodyLimitOf(limit), answer);
      else hono.on(route.method, honoPath(route.path), answer);
    },
  };

  /**
   * Runs a write in one transaction. A refusal (a 4xx) keeps what the handler wrote before refusing, as a
   * refusal always did (an audit line of a denied action, say); anything else rolls everything back.
   */
  async function atomicWrite<T>(fn: () => T | Promise<T>): Promise<T> {
    let refusal: ApiError | undefined;
    const result = await db.atomic(async () => {
      // PostgreSQL may run this again after a lost race: only the last run's refusal counts.
      refusal = undefined;
      try {
        return await fn();
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) throw error;
        refusal = error;
        return undefined;
      }
    });
    if (refusal) throw refusal;
    return result as T;
  }

  /**
   * Runs a keyed write. The claim, the handler's writes and the answer commit in one transaction, so a crash
   * leaves either all of them or none; a handler that awaits more than the database (`awaitsIo`: uploads,
   * sign-in) gets its claim committed first with a lease of `leaseMs` and its answer stored when known.
   * Handler refusals of {@link storedRefusal} are stored like answers; other refusals free the key.
   */
  async function keyed(
    c: Context<AppEnv>,
    route: AnyRoute,
    handler: Handler<AnyRoute>,
    input: HandlerInput<AnyRoute>,
    awaitsIo: boolean,
    key: { scope: string; key: string; requestHash: string },
  ): Promise<Response> {
    const { requestId } = input;
    type First = { answer: Response } | { refused: unknown } | { claim: Claim };
    const first = await db.atomic(async (): Promise<First> => {
      const claimed = await claimKey(db, key.scope, key.key, route.id, key.requestHash, clock(), leaseMs);
      if ('replay' in claimed) return { answer: claimed.replay };
      const { claim } = claimed;
      if (awaitsIo) return { claim };
      let result: HandlerResult<AnyRoute>;
      try {
        result = await handler(input);
      } catch (error) {
        if (storedRefusal(error)) return { answer: await storeRefusal(claim, error, requestId) };
        // Other refusals free the key and keep what the handler wrote, as without a key. Anything else
        // rolls back the claim with the handler's writes, so that a retry runs once, from a clean state.
        if (error instanceof ApiError && error.status < 500) {
          await releaseClaim(db, claim);
          return { refused: error };
        }
        throw error;
      }
      const { response, text } = build(c, route, result, requestId);
      await finish(
        claim,
        response,
        text !== undefined ? text : response.body ? await response.clone().text() : null,
      );
      return { answer: response };
    });
    if ('answer' in first) return first.answer;
    if ('refused' in first) throw first.refused;

    // The handler awaits more than the database: its claim is committed with a lease; a retry after the
    // lease takes the key over.
    const { claim } = first;
    try {
      const { response, text } = build(c, route, await handler(input), requestId);
      await finish(
        claim,
        response,
        text !== undefined ? text : response.body ? await response.clone().text() : null,
      );
      return response;
    } catch (error) {
      if (storedRefusal(error)) return await storeRefusal(claim, error, requestId);
      await releaseClaim(db, claim);
      throw error;
    }
  }

  /** Stores an answer under its key, or frees the key after a 5xx. */
  async function finish(claim: Claim, response: Response, text: string | null): Promise<void> {
    if (response.status >= 500) {
      await releaseClaim(db, claim);
      return;
    }
    if (!(await storeAnswer(db, claim, answerOf(response, text))))
      logger.warn('idempotency key taken over by a retry after its lease; this answer is not stored', {
        scope: claim.scope,
        status: response.status,
      });
  }

  async function storeRefusal(claim: Claim, error: ApiError, requestId: string): Promise<Response> {
    // A replay repeats it byte for byte, request id included.
    const { response, text } = problemAnswer(error, requestId);
    await finish(claim, response, text);
    return response;
  }

  function respond(
    c: Context<AppEnv>,
    route: AnyRoute,
    result: HandlerResult<AnyRoute>,
    requestId: string,
  ): Response {
    return build(c, route, result, requestId).response;
  }

  /**
   * The text and tag of GET bodies by object: a figure kept per data version (`db/versioned-cache.ts`) is
   * the same object on every request until its tables change, and is never mutated once answered.
   * Weak keys: an entry goes when the cache drops the object.
   */
  const answerTexts = new WeakMap<object, { json: string; etag: string }>();

  /** The answer to a handler's result, with its body text (`undefined` when the handler made the Response). */
  function build(
    c: Context<AppEnv>,
    route: AnyRoute,
    result: HandlerResult<AnyRoute>,
    requestId: string,
  ): { response: Response; text?: string | null } {
    if (result instanceof Response) return { response: result };
    const status = result.status ?? route.response.status;
    const headers = new Headers(result.headers);
    if (route.method === 'GET') {
      // Public answers may be kept by browsers and CDNs, but are revalidated on every use (a 304 costs a version
      // check): a call just published, amended or closed shows at the next refresh, not 30 s later.
      headers.set('cache-control', route.auth === 'public' ? 'public, no-cache' : 'private, no-store');
    } else {
      headers.set('cache-control', 'no-store');
    }
    if (result.body === undefined || status === 204) {
      if (result.etag) headers.set('etag', result.etag);
      return { response: new Response(null, { status, headers }), text: null };
    }
    if (validateResponses && route.response.schema && status === route.response.status) {
      const checked = validate(route.response.schema, result.body);
      if (!checked.ok) {
        logger.error('response does not match its schema', {
          requestId,
          route: route.id,
          errors: checked.errors,
        });
        throw problem('internal', 'The server produced an invalid response; quote the request id');
      }
    }
    // A tag computed here is the sha256 of the text: the compression reuses it to find the text compressed.
    const ownTag = result.etag === undefined && route.method === 'GET' && status === 200;
    // A body served again as the same object (a page kept per data version) is serialised and hashed once.
    const shared =
      ownTag && typeof result.body === 'object' && result.body !== null ? result.body : undefined;
    const known = shared && answerTexts.get(shared);
    const json = known ? known.json : JSON.stringify(result.body);
    headers.set('content-type', 'application/json; charset=utf-8');
    const etag = known ? known.etag : ownTag ? etagOf(json) : result.etag;
    if (shared && !known && etag) answerTexts.set(shared, { json, etag });
    if (etag) headers.set('etag', etag);
    if (
      route.method === 'GET' &&
      etag &&
      status === 200 &&
      etagMatches(c.req.header('if-none-match'), etag)
    ) {
      headers.delete('content-type');
      return { response: new Response(null, { status: 304, headers }), text: null };
    }
    // A known length lets the compression middleware leave small answers alone.
    headers.set('content-length', String(Buffer.byteLength(json)));
    const response = noteAnswerText(new Response(json, { status, headers }), json, ownTag ? etag : undefined);
    return { response, text: json };
  }

  return app;
}
