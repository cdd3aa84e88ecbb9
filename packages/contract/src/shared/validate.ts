import type * as z from 'zod/mini';
import { FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from './problem.js';

/** Which part of a request a value came from; it is echoed in each {@link FieldError}. */
export type RequestPart = 'body' | 'query' | 'path' | 'header';

/** The outcome of {@link validate}: the parsed value, or field errors ready for a problem document. */
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Escapes one JSON Pointer segment (RFC 6901). */
function pointerSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Turns a path of keys into a JSON Pointer: `['budget', 0, 'amount']` → `/budget/0/amount`. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((segment) => `/${pointerSegment(segment)}`).join('');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function sizeCode(issue: { origin?: string }, small: boolean): FieldErrorCode {
  const lengthLike = issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set';
  if (small) return lengthLike ? 'too_short' : 'too_small';
  return lengthLike ? 'too_long' : 'too_big';
}

/**
 * Maps zod issues to stable {@link FieldError}s. Unknown fields of strict objects become one
 * `unknown_field` error each, naming the field, so a typo never silently drops data.
 */
export function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  part?: RequestPart,
): FieldError[] {
  const errors: FieldError[] = [];
  const where = part ? { in: part } : {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          path: toPointer([...issue.path, key]),
          ...where,
          code: 'unknown_field',
          message: `Unknown field "${key}"`,
        });
      }
      continue;
    }
    const path = toPointer(issue.path);
    let code: FieldErrorCode = 'invalid';
    const params: Record<string, string | number | boolean | string[]> = {};
    switch (issue.code) {
      case 'invalid_type':
        code = valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type';
        params.expected = String(issue.expected);
        break;
      case 'too_small':
        code = sizeCode(issue, true);
        params.minimum = Number(issue.minimum);
        break;
      case 'too_big':
        code = sizeCode(issue, false);
        params.maximum = Number(issue.maximum);
        break;
      case 'invalid_format':
        code = 'invalid_format';
        params.format = issue.format;
        break;
      case 'invalid_value':
        // zod reports a missing enum or literal as a wrong value; for a person it is a missing field.
        code = valueAt(input, issue.path) === undefined ? 'required' : 'invalid_value';
        params.allowed = issue.values.map(String);
        break;
      case 'not_multiple_of':
        code = 'not_multiple_of';
        params.divisor = Number(issue.divisor);
        break;
      case 'custom': {
        const custom = (issue.params as { code?: string } | undefined)?.code;
        code = (FIELD_ERROR_CODES as readonly string[]).includes(custom ?? '')
          ? (custom as FieldErrorCode)
          : 'invalid';
        break;
      }
      default:
        code = 'invalid';
    }
    errors.push({
      path,
      ...where,
      code,
      message: issue.message,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    });
  }
  return errors;
}

/**
 * Parses `input` with `schema` and returns either the value or field errors with stable codes.
 * The server, the SDK and the form all validate through this one function.
 *
 * @example
 * ```ts
 * const result = validate(CreateContribution, body, 'body');
 * if (!result.ok) console.log(result.errors[0]?.code); // 'unknown_field'
 * ```
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  part?: RequestPart,
): Validation<z.output<S>> {
  const result = (schema as unknown as z.ZodMiniType).safeParse(input);
  if (result.success) return { ok: true, value: result.data as z.output<S> };
  return { ok: false, errors: toFieldErrors(result.error.issues, input, part) };
}

type ShapeHolder = { def?: { shape?: Record<string, z.core.$ZodType> } };

function acceptsArray(schema: z.core.$ZodType | undefined): boolean {
  let current = schema as { _zod?: { def?: { type?: string; innerType?: z.core.$ZodType } } } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    const def = current._zod?.def;
    if (def?.type === 'array') return true;
    current = def?.innerType as typeof current;
  }
  return false;
}

/**
 * Reads URL query parameters into the plain object a query schema expects: a key the schema declares as
 * an array is always an array (`?region=MA-01&region=MA-02`), any other key keeps its last value.
 * Keys the schema does not know are kept, so that strict query schemas can name them as unknown.
 *
 * @example
 * ```ts
 * queryToObject(CallSearchQuery, new URLSearchParams('region=MA-06&status=open'));
 * // { region: ['MA-06'], status: ['open'] }
 * ```
 */
export function queryToObject(schema: z.core.$ZodType, params: URLSearchParams): Record<string, unknown> {
  const shape = (schema as unknown as ShapeHolder).def?.shape ?? {};
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = acceptsArray(shape[key]) ? values : values[values.length - 1];
  }
  return out;
}

/**
 * Writes a query object as URL parameters, arrays as repeated keys; `undefined` values are left out.
 *
 * @example
 * ```ts
 * objectToQuery({ region: ['MA-01', 'MA-02'], limit: 10 }).toString(); // 'region=MA-01&region=MA-02&limit=10'
 * ```
 */
export function objectToQuery(query: Record<string, unknown> | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  return params;
}
