import {
  ERROR_STATUS,
  type ErrorCode,
  type FieldError,
  PROBLEM_TYPE_BASE,
  type Problem,
} from '@nassij/contract';

/** English titles of the problem codes; clients translate by `code`, these are for people reading logs. */
const TITLES: Record<ErrorCode, string> = {
  bad_request: 'The request is malformed',
  validation_failed: 'The request has invalid fields',
  unauthenticated: 'Sign-in is required',
  invalid_credentials: 'The e-mail or password is wrong',
  token_expired: 'The token has expired',
  forbidden: 'This account may not do this',
  not_found: 'Nothing is here',
  method_not_allowed: 'This method is not allowed here',
  conflict: 'The request conflicts with another one',
  already_exists: 'It already exists',
  already_supported: 'Already supported',
  already_registered: 'Already registered',
  invalid_state: 'Not possible in the current state',
  deadline_passed: 'The deadline has passed',
  phase_closed: 'This phase is closed',
  not_eligible: 'Not eligible',
  conflict_of_interest: 'Conflict of interest',
  declaration_required: 'Declare a conflict of interest first',
  call_still_open: 'The call is still open',
  reviews_incomplete: 'The reviews are not complete',
  precondition_failed: 'The resource changed since it was read',
  precondition_required: 'If-Match is required',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  file_type_not_allowed: 'This type of file is not allowed',
  file_too_large: 'The file is too large',
  idempotency_key_reused: 'The Idempotency-Key was used for another request',
  rate_limited: 'Too many requests',
  origin_not_allowed: 'This origin is not allowed',
  internal: 'Internal error',
  unavailable: 'Temporarily unavailable',
  document_expired: 'A document has expired',
  password_too_short: 'The password is too short',
  password_too_long: 'The password is too long',
  password_breached: 'The password is too common or known from a breach',
  password_context: 'The password is made of the e-mail, the name or the service name',
  email_not_verified: 'The e-mail address is not verified yet',
  link_invalid: 'The link is not valid',
  link_expired: 'The link has expired',
  link_used: 'The link was already used',
  receipt_already_claimed: 'This registration receipt is already claimed',
  registry_mismatch: 'The claim does not match the directory',
  already_member_elsewhere: 'This address already holds this role in another association',
  no_articles_detected: 'No article was found in the text',
  removed_article_has_contributions: 'A removed article has contributions',
  participant_not_member: 'The participant is not a member of this association',
  capacity_below_confirmed: 'The capacity is below the confirmed registrations',
  not_registered: 'This person holds no seat in this session',
  synthesis_incomplete: 'The synthesis does not answer every recommendation yet',
  registration_incomplete: 'The registration is not completed',
  webhook_limit_reached: 'The most webhook endpoints are registered already',
  member_limit_reached: 'The association has the most members it may have',
};

/** Extra members of a problem document beyond `type`, `title`, `status`, `code`. */
export type ProblemExtra = Partial<Pick<Problem, 'errors' | 'retryAfterSeconds' | 'current' | 'instance'>> & {
  /** Response headers to send with the problem (`Retry-After`, `Allow`). */
  headers?: Record<string, string>;
};

/**
 * A problem a handler throws; the app turns it into `application/problem+json` with the code's status.
 *
 * @example
 * ```ts
 * throw new ApiError('not_found', 'No call MA-MRP-2026-0012');
 * ```
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }
}

/**
 * Builds an {@link ApiError} to throw: `throw problem('forbidden')`.
 *
 * @example
 * ```ts
 * throw problem('validation_failed', undefined, { errors: [{ path: '/title', in: 'body', code: 'required', message: 'Required' }] });
 * ```
 */
export function problem(code: ErrorCode, detail?: string, extra?: ProblemExtra): ApiError {
  return new ApiError(code, detail, extra);
}

/**
 * The problem document for `code`, as sent on the wire.
 *
 * @example
 * ```ts
 * problemDocument('not_found', { requestId: 'req_1' }).status; // 404
 * ```
 */
export function problemDocument(
  code: ErrorCode,
  options: { detail?: string; requestId?: string; errors?: FieldError[] } & ProblemExtra = {},
): Problem {
  const { headers: _headers, ...rest } = options;
  const doc: Problem = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    code,
  };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (doc as Record<string, unknown>)[key] = value;
  }
  return doc;
}

/**
 * A complete `application/problem+json` response for an {@link ApiError}.
 *
 * @example
 * ```ts
 * return problemResponse(problem('forbidden'), requestId);
 * ```
 */
export function problemResponse(error: ApiError, requestId?: string): Response {
  return problemAnswer(error, requestId).response;
}

/**
 * The problem answer and its body text, for a caller that also keeps the text (an idempotent replay repeats
 * it byte for byte).
 *
 * @example
 * ```ts
 * const { response, text } = problemAnswer(problem('deadline_passed'), requestId);
 * ```
 */
export function problemAnswer(error: ApiError, requestId?: string): { response: Response; text: string } {
  const doc = problemDocument(error.code, {
    ...error.extra,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(requestId ? { requestId } : {}),
  });
  const headers = new Headers({
    'content-type': 'application/problem+json; charset=utf-8',
    'cache-control': 'no-store',
  });
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) headers.set(name, value);
  const text = JSON.stringify(doc);
  headers.set('content-length', String(Buffer.byteLength(text)));
  return { response: new Response(text, { status: error.status, headers }), text };
}
