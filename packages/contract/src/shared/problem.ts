import * as z from 'zod/mini';

/**
 * Stable codes of whole-request errors. Components translate these; never rename one.
 * Each maps to one HTTP status ({@link ERROR_STATUS}).
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'token_expired',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'already_exists',
  'already_supported',
  'already_registered',
  'invalid_state',
  'deadline_passed',
  'phase_closed',
  'not_eligible',
  'conflict_of_interest',
  'declaration_required',
  'call_still_open',
  'reviews_incomplete',
  'precondition_failed',
  'precondition_required',
  'payload_too_large',
  'unsupported_media_type',
  'file_type_not_allowed',
  'file_too_large',
  'idempotency_key_reused',
  'rate_limited',
  'origin_not_allowed',
  'internal',
  'unavailable',
  'document_expired',
  'password_too_short',
  'password_too_long',
  'password_breached',
  'password_context',
  'email_not_verified',
  'link_invalid',
  'link_expired',
  'link_used',
  'receipt_already_claimed',
  'registry_mismatch',
  'already_member_elsewhere',
  'no_articles_detected',
  'removed_article_has_contributions',
  'participant_not_member',
  'capacity_below_confirmed',
  'not_registered',
  'synthesis_incomplete',
  'registration_incomplete',
  'webhook_limit_reached',
  'member_limit_reached',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorCode = /* @__PURE__ */ (() => z.enum(ERROR_CODES))();

/** The HTTP status each {@link ErrorCode} is sent with. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  already_supported: 409,
  already_registered: 409,
  invalid_state: 409,
  deadline_passed: 422,
  phase_closed: 422,
  not_eligible: 422,
  conflict_of_interest: 403,
  declaration_required: 403,
  call_still_open: 409,
  reviews_incomplete: 409,
  precondition_failed: 412,
  precondition_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  file_type_not_allowed: 415,
  file_too_large: 413,
  idempotency_key_reused: 422,
  rate_limited: 429,
  origin_not_allowed: 403,
  internal: 500,
  unavailable: 503,
  document_expired: 422,
  password_too_short: 422,
  password_too_long: 422,
  password_breached: 422,
  password_context: 422,
  email_not_verified: 403,
  link_invalid: 400,
  link_expired: 410,
  link_used: 410,
  receipt_already_claimed: 409,
  registry_mismatch: 422,
  already_member_elsewhere: 409,
  no_articles_detected: 422,
  removed_article_has_contributions: 409,
  participant_not_member: 422,
  capacity_below_confirmed: 409,
  not_registered: 422,
  synthesis_incomplete: 422,
  registration_incomplete: 409,
  webhook_limit_reached: 409,
  member_limit_reached: 409,
};

/**
 * Stable codes of a single field's error inside `errors[]`. They mirror zod's issue codes in words a
 * translator understands, plus `unknown_field` for a field the write does not accept (a typo).
 */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'not_multiple_of',
  'not_allowed',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
export const FieldErrorCode = /* @__PURE__ */ (() => z.enum(FIELD_ERROR_CODES))();

/** One field's error: `path` is a JSON Pointer (`/budget/0/amount`) into the request part named by `in`. */
export const FieldError = /* @__PURE__ */ (() =>
  z.strictObject({
    path: z.string(),
    in: z.optional(z.enum(['body', 'query', 'path', 'header'])),
    code: FieldErrorCode,
    message: z.string(),
    params: z.optional(
      z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
    ),
  }))();
export type FieldError = z.infer<typeof FieldError>;

/**
 * An RFC 9457 problem details document, as every error response carries (`application/problem+json`).
 * `current` carries the server's current representation on a 412 conflict so a client can merge.
 *
 * @example
 * ```ts
 * const problem: Problem = {
 *   type: 'https://nassij.ma/problems/validation_failed', title: 'The request has invalid fields',
 *   status: 422, code: 'validation_failed',
 *   errors: [{ path: '/title', in: 'body', code: 'unknown_field', message: 'Unknown field "titel"' }],
 * };
 * ```
 */
export const Problem = /* @__PURE__ */ (() =>
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    code: ErrorCode,
    requestId: z.optional(z.string()),
    errors: z.optional(z.array(FieldError)),
    retryAfterSeconds: z.optional(z.number().check(z.nonnegative())),
    current: z.optional(z.unknown()),
  }))();
export type Problem = z.infer<typeof Problem>;

/** Base of every problem `type` URI; the code is appended. */
export const PROBLEM_TYPE_BASE = 'https://nassij.ma/problems/';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a problem details body without zod, for browser bundles that must stay small: the result has the
 * `Problem` shape (unknown codes become `internal`, malformed field errors are dropped), or `undefined`
 * when the body is not a problem document at all. The `Problem` schema stays the reference; a test checks
 * both agree.
 *
 * @example
 * ```ts
 * readProblem(await response.json())?.code; // 'not_found'
 * ```
 */
export function readProblem(value: unknown): Problem | undefined {
  if (!isRecord(value) || typeof value.status !== 'number' || typeof value.code !== 'string')
    return undefined;
  const code = (ERROR_CODES as readonly string[]).includes(value.code)
    ? (value.code as ErrorCode)
    : 'internal';
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  const errors = Array.isArray(value.errors)
    ? value.errors.filter(
        (e): e is FieldError =>
          isRecord(e) &&
          typeof e.path === 'string' &&
          typeof e.message === 'string' &&
          (FIELD_ERROR_CODES as readonly string[]).includes(e.code as string),
      )
    : undefined;
  return {
    type: text('type') ?? `${PROBLEM_TYPE_BASE}${code}`,
    title: text('title') ?? code,
    status: value.status,
    code,
    ...(text('detail') === undefined ? {} : { detail: text('detail') }),
    ...(text('instance') === undefined ? {} : { instance: text('instance') }),
    ...(text('requestId') === undefined ? {} : { requestId: text('requestId') }),
    ...(errors === undefined ? {} : { errors }),
    ...(typeof value.retryAfterSeconds === 'number' ? { retryAfterSeconds: value.retryAfterSeconds } : {}),
    ...('current' in value ? { current: value.current } : {}),
  };
}
