import { NassijResponseValidationError } from './errors.js';
import type { Versioned } from './types.js';

/**
 * A representation with the ETag a conditional write (`If-Match`) will name; a response without one is
 * refused now, rather than letting the next write go unconditional and overwrite someone else's.
 *
 * @example
 * ```ts
 * const { data, etag } = versioned('calls.getDraft', await t.opWithEtag(getCallDraft, { params }));
 * ```
 */
export function versioned<T>(routeId: string, result: { data: T; etag: string | undefined }): Versioned<T> {
  if (result.etag === undefined) {
    throw new NassijResponseValidationError(`${routeId}: the response has no ETag`, { fieldErrors: [] });
  }
  return { data: result.data, etag: result.etag };
}
