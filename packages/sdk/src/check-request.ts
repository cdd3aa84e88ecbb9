import {
  type AnyRoute,
  type FieldError,
  objectToQuery,
  queryToObject,
  type RequestPart,
  validate,
} from '@nassij/contract';
import type * as z from 'zod/mini';
import { NassijValidationError } from './errors.js';
import type { RequestOptions } from './types.js';

/**
 * A call as {@link checkRequest} reads it: the route's params, query and body beside the call options.
 *
 * @example
 * ```ts
 * const input: CheckedInput = { params: { callId: 'call_0001' }, query: { limit: 10 } };
 * ```
 */
export type CheckedInput = RequestOptions & {
  params?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
};

/**
 * The signature of {@link checkRequest}, as `TransportConfig.checkRequest` takes it.
 *
 * @example
 * ```ts
 * const check: RequestCheck = checkRequest;
 * ```
 */
export type RequestCheck = (route: AnyRoute, input: CheckedInput, checkBody?: boolean) => void;

/** Throws the refusal, named after its first field error, as the server's `NassijValidationError`. */
function refuse(
  route: AnyRoute,
  code: 'validation_failed' | 'precondition_required',
  fieldErrors: FieldError[],
): never {
  throw new NassijValidationError(`${route.id}: ${fieldErrors[0]?.message}`, {
    code,
    fieldErrors,
    routeId: route.id,
  });
}

/**
 * Refuses, before anything is sent, a request the server would refuse, with the error the server's
 * answer would give: the same class ({@link NassijValidationError}), `code` and `fieldErrors`, but no
 * `status`.
 *
 * - `validation_failed`: each part is checked as the server reads it (the query through its URL form,
 *   a JSON body through its JSON text) with the server's own function, part by part in the server's
 *   order (path, query, body), so the errors are the ones the server would send. A route without
 *   schemas (the refs of the browser bundles) passes. `checkBody: false` skips the body, for a body the
 *   caller encoded (uploads).
 * - `precondition_required`: a route that requires `If-Match` called without `ifMatch`.
 *
 * `createClient` runs it before every call while `validate` is on; a base client does not carry it.
 *
 * @example
 * ```ts
 * import { searchCalls } from '@nassij/contract';
 *
 * checkRequest(searchCalls, { query: { limit: 500 } });
 * // throws NassijValidationError: code 'validation_failed', fieldErrors [{ path: '/limit', in: 'query', code: 'too_big', … }]
 * ```
 */
export function checkRequest(route: AnyRoute, input: CheckedInput, checkBody = true): void {
  const parts: [z.core.$ZodType | undefined, () => unknown, RequestPart][] = [
    [route.params, () => input.params ?? {}, 'path'],
    [route.query, () => queryToObject(route.query, objectToQuery(input.query)), 'query'],
    [
      checkBody && route.bodyKind !== 'form' ? route.body : undefined,
      () => (input.body === undefined ? undefined : JSON.parse(JSON.stringify(input.body))),
      'body',
    ],
  ];
  for (const [schema, read, part] of parts) {
    if (schema === undefined) continue;
    const result = validate(schema, read(), part);
    if (!result.ok) refuse(route, 'validation_failed', result.errors);
  }
  if (route.ifMatch === 'required' && !input.ifMatch && !new Headers(input.headers).get('if-match')) {
    // Refused here too, so that a missing ETag is a bug seen in development, not a 428 in production.
    refuse(route, 'precondition_required', [
      { path: '/If-Match', in: 'header', code: 'required', message: 'If-Match is required' },
    ]);
  }
}
