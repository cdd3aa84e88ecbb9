import { type AnyRoute, type ErrorCode, type FieldError, type Problem, readProblem } from '@nassij/contract';
import { isRetryableStatus, parseRetryAfter } from './retry.js';
import type { RouteResult } from './types.js';

/**
 * Codes of failures that happen on the client side, where no server answered with a problem document.
 * They sit beside the server's {@link ErrorCode}s so one `switch (error.code)` covers everything.
 *
 * @example
 * ```ts
 * if (error instanceof NassijError && error.code === 'network_error') retryLater();
 * ```
 */
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/**
 * Every {@link ClientErrorCode}, for code that must cover them all (a catalogue of messages, a test).
 *
 * @example
 * ```ts
 * for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) assert.ok(messages[code]);
 * ```
 */
export const CLIENT_ERROR_CODES = [
  'network_error',
  'timeout',
  'aborted',
  'invalid_response',
  'popup_blocked',
  'popup_closed',
] as const;

/**
 * Every code a {@link NassijError} may carry.
 *
 * @example
 * ```ts
 * const messages: Partial<Record<NassijErrorCode, string>> = { deadline_passed: 'انتهى الأجل' };
 * ```
 */
export type NassijErrorCode = ErrorCode | ClientErrorCode;

/**
 * What every {@link NassijError} constructor takes.
 *
 * @example
 * ```ts
 * new NassijApiError('Not found', { code: 'not_found', status: 404 });
 * ```
 */
export interface NassijErrorInit {
  code: NassijErrorCode;
  status?: number | undefined;
  requestId?: string | undefined;
  retryable?: boolean | undefined;
  problem?: Problem | undefined;
  retryAfterMs?: number | undefined;
  /** The operation id of the route the call was to, such as `applications.update`. */
  routeId?: string | undefined;
  cause?: unknown;
}

/**
 * Base of every error the SDK throws. The rule is simple and holds everywhere: a call either resolves
 * with the typed result or rejects with a `NassijError`; it never resolves `undefined` for a failure.
 *
 * @example
 * ```ts
 * try {
 *   await client.auth.me();
 * } catch (error) {
 *   if (isNassijError(error) && error.code === 'token_expired') showSignIn();
 *   else throw error;
 * }
 * ```
 */
export class NassijError extends Error {
  override name = 'NassijError';
  /** HTTP status, when a server answered. */
  readonly status: number | undefined;
  /** Stable code to translate or branch on; never the server's English. */
  readonly code: NassijErrorCode;
  /** The server's request id (problem `requestId` or `X-Request-Id`), for support. */
  readonly requestId: string | undefined;
  /** Whether the same request may succeed if sent again later. */
  readonly retryable: boolean;
  /** The RFC 9457 problem document, when the server sent one. */
  readonly problem: Problem | undefined;
  /** How long the server asked to wait before trying again (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** The operation id of the route the failed call was to (`applications.update`), when known. */
  readonly routeId: string | undefined;

  constructor(message: string, init: NassijErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.problem = init.problem;
    this.retryAfterMs = init.retryAfterMs;
    this.routeId = init.routeId;
  }
}

/**
 * The server answered with an error status. `fieldErrors` lists the problem's per-field errors (empty
 * when there are none). A non-problem body (an HTML page from a proxy) still gives this error, with a
 * code derived from the status (`internal`, `unavailable`, …).
 *
 * @example
 * ```ts
 * if (error instanceof NassijApiError && error.status === 404) showNotFound();
 * ```
 */
export class NassijApiError extends NassijError {
  override name = 'NassijApiError';
  readonly fieldErrors: FieldError[];

  constructor(message: string, init: NassijErrorInit & { fieldErrors?: FieldError[] | undefined }) {
    super(message, init);
    this.fieldErrors = init.fieldErrors ?? init.problem?.errors ?? [];
  }
}

/**
 * The request broke the contract. The same refusal gives this class with the same `code` and
 * `fieldErrors` shape whether the client refused before sending (`status` is then `undefined`) or the
 * server answered (`status` set):
 *
 * - `validation_failed`: params, query or body do not match the route's schemas. A client made with
 *   `createClient` checks them before sending (`checkRequest`, while `validate` is on), with the server's
 *   own function on what the server will read, so `fieldErrors` are alike, `in` naming the part;
 * - `precondition_required`: a write that needs `If-Match` was made without it;
 * - `file_too_large`, `file_type_not_allowed`: a file breaks its document's rules (checked before
 *   sending when the upload is given `rules`).
 *
 * @example
 * ```ts
 * try {
 *   await client.calls.search({ q: 'x'.repeat(500) });
 * } catch (error) {
 *   if (!(error instanceof NassijValidationError)) throw error;
 *   for (const f of error.fieldErrors) markField(f.path, f.code); // '/q', 'too_long'
 *   error.status; // undefined: refused before sending (422 had the server refused it)
 * }
 * ```
 */
export class NassijValidationError extends NassijApiError {
  override name = 'NassijValidationError';
}

/**
 * `412 precondition_failed`: the resource changed since it was read (`If-Match` no longer matches).
 * `current` is the server's current representation and `etag` its ETag, so the caller can merge and
 * retry with `ifMatch: error.etag`.
 *
 * `Current` is the resource's type. `error instanceof NassijConflictError` cannot know which call threw,
 * so it gives `NassijConflictError<unknown>`; the typed guards give the resource: the area's own
 * (`client.applications.isConflict(error)`, whose `current` is an `Application`) or
 * {@link isConflictError} with the route called (`isConflictError(error, updateApplication)`). When the
 * client validates (the default), `current` was checked against that route's response schema.
 *
 * @example
 * ```ts
 * try {
 *   ({ data, etag } = await client.applications.update(id, patch, { ifMatch: etag }));
 * } catch (error) {
 *   if (!client.applications.isConflict(error) || error.etag === undefined) throw error;
 *   const theirs: Application | undefined = error.current; // typed: the draft as someone else saved it
 *   ({ data, etag } = await client.applications.update(id, merge(patch, theirs), { ifMatch: error.etag }));
 * }
 * ```
 */
export interface NassijConflictError<Current = unknown> extends NassijApiError {
  /** The server's current representation of the resource, when it sent one. */
  readonly current: Current | undefined;
  /** The ETag of `current` (the response's `ETag` header), to send as `If-Match` after merging. */
  readonly etag: string | undefined;
}

/**
 * The constructor of {@link NassijConflictError}. Its `prototype` is a `NassijConflictError<unknown>`, which
 * is what `instanceof` narrows to, so `current` reads as `unknown` there (a generic class would give `any`).
 *
 * @example
 * ```ts
 * const conflict = new NassijConflictError<Application>('Changed since read', { code: 'precondition_failed', status: 412, current, etag });
 * ```
 */
export interface NassijConflictErrorConstructor {
  new <Current = unknown>(
    message: string,
    init: NassijErrorInit & { current?: Current | undefined; etag?: string | undefined },
  ): NassijConflictError<Current>;
  readonly prototype: NassijConflictError;
}

/**
 * Makes and recognises {@link NassijConflictError}s (the SDK makes them from `412` answers).
 *
 * @example
 * ```ts
 * if (error instanceof NassijConflictError) showMerge(local, error.current, error.etag); // current: unknown
 * ```
 */
export const NassijConflictError = class NassijConflictError extends NassijApiError {
  override name = 'NassijConflictError';
  readonly current: unknown;
  readonly etag: string | undefined;

  constructor(message: string, init: NassijErrorInit & { current?: unknown; etag?: string | undefined }) {
    super(message, init);
    this.current = init.current;
    this.etag = init.etag;
  }
} as NassijConflictErrorConstructor;

/**
 * Whether `error` is a {@link NassijConflictError}; given the `route` that was called, also whether it
 * came from a call to that route, and then `current` is typed as the route's resource.
 *
 * @example
 * ```ts
 * import { updateApplication } from '@nassij/contract';
 *
 * catch (error) {
 *   if (isConflictError(error, updateApplication)) showMerge(error.current?.answers, error.etag); // an Application
 *   else if (isConflictError(error)) reload(); // current: unknown
 * }
 * ```
 */
export function isConflictError(error: unknown): error is NassijConflictError;
export function isConflictError<R extends AnyRoute>(
  error: unknown,
  route: R,
): error is NassijConflictError<RouteResult<R>>;
export function isConflictError(error: unknown, route?: AnyRoute): boolean {
  return error instanceof NassijConflictError && (route === undefined || error.routeId === route.id);
}

/**
 * No response arrived: DNS, connection refused or reset, CORS refusal. Retryable.
 *
 * @example
 * ```ts
 * if (error instanceof NassijNetworkError) queueForLater(request);
 * ```
 */
export class NassijNetworkError extends NassijError {
  override name = 'NassijNetworkError';
}

/**
 * The call ran out of its time budget (`timeout`, 15 s by default, covering all its retries).
 *
 * @example
 * ```ts
 * await client.request(health, { timeout: 2_000 }).catch((e) => e instanceof NassijTimeoutError);
 * ```
 */
export class NassijTimeoutError extends NassijError {
  override name = 'NassijTimeoutError';
}

/**
 * The caller aborted (its `AbortSignal` fired), or a sign-in popup was blocked or closed. Never retried.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = client.auth.me({ signal: controller.signal });
 * controller.abort(); // pending rejects with NassijAbortError
 * ```
 */
export class NassijAbortError extends NassijError {
  override name = 'NassijAbortError';
}

/**
 * A success response did not match its route's schema (a server or proxy out of step with this SDK).
 * `fieldErrors` say where; pass `validate: false` to receive the raw JSON instead.
 *
 * @example
 * ```ts
 * if (error instanceof NassijResponseValidationError) report(error.fieldErrors);
 * ```
 */
export class NassijResponseValidationError extends NassijError {
  override name = 'NassijResponseValidationError';
  readonly fieldErrors: FieldError[];

  constructor(message: string, init: Omit<NassijErrorInit, 'code'> & { fieldErrors: FieldError[] }) {
    super(message, { ...init, code: 'invalid_response' });
    this.fieldErrors = init.fieldErrors;
  }
}

/**
 * Whether `error` is any error thrown by this SDK.
 *
 * @example
 * ```ts
 * catch (error) { if (isNassijError(error)) toast(t(`errors.${error.code}`)); }
 * ```
 */
export function isNassijError(error: unknown): error is NassijError {
  return error instanceof NassijError;
}

/** Codes for error statuses that carry no problem document (a proxy's HTML page, an empty 502). */
const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'bad_request',
  428: 'precondition_required',
  429: 'rate_limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/**
 * Codes of refusals the client may also make before sending; the server's answers with these codes give
 * the same class as the client's refusals ({@link NassijValidationError}).
 */
const REFUSALS: readonly ErrorCode[] = [
  'validation_failed',
  'precondition_required',
  'file_too_large',
  'file_type_not_allowed',
];

/**
 * Turns an error response into the matching {@link NassijError}. Reads the body, so call it once.
 * `routeId`, the operation id of the route called, is kept on the error (for {@link isConflictError}).
 *
 * @example
 * ```ts
 * if (!response.ok) throw await errorFromResponse(response, 'applications.update');
 * ```
 */
export async function errorFromResponse(response: Response, routeId?: string): Promise<NassijError> {
  const status = response.status;
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  // A hand-written reader, not the zod schema: error handling is on every page's path and must stay small.
  const problem = readProblem(json);
  const headerRetry = parseRetryAfter(response.headers.get('retry-after'));
  const init = {
    status,
    routeId,
    requestId: problem?.requestId ?? response.headers.get('x-request-id') ?? undefined,
    retryable: isRetryableStatus(status),
    problem,
    retryAfterMs:
      headerRetry ??
      (problem?.retryAfterSeconds === undefined ? undefined : problem.retryAfterSeconds * 1000),
  };
  if (!problem) {
    // A body we cannot read as a problem still fails loudly, with a code derived from the status.
    const code = CODE_BY_STATUS[status] ?? 'internal';
    const title = (json as { title?: unknown } | undefined)?.title;
    const message = typeof title === 'string' ? title : `HTTP ${status} ${response.statusText}`.trim();
    return new NassijApiError(message, { ...init, code });
  }
  const message = problem.detail ?? problem.title;
  if (status === 412 || problem.code === 'precondition_failed') {
    return new NassijConflictError(message, {
      ...init,
      code: problem.code,
      current: problem.current,
      etag: response.headers.get('etag') ?? undefined,
    });
  }
  if (REFUSALS.includes(problem.code))
    return new NassijValidationError(message, { ...init, code: problem.code });
  return new NassijApiError(message, { ...init, code: problem.code });
}
