/**
 * @nassij/sdk — the typed client of the Nassij platform API, for browsers and Node 20+.
 *
 * @example
 * ```ts
 * import { createClient } from '@nassij/sdk';
 * const client = createClient({ baseUrl: 'https://platform.example/api', locale: 'ar' });
 * ```
 * @packageDocumentation
 */
export {
  type AuthArea,
  memoryTokenStorage,
  NassijPopupError,
  type PopupFailure,
  type PopupHost,
  type PopupOptions,
  type PopupWindow,
  type SignedIn,
  sessionTokenStorage,
  type TokenStorage,
} from './auth.js';
export { type CacheOptions, cacheKey, createEtagCache, type EtagCache } from './cache.js';
export { type ClientOptions, createClient, type NassijClient } from './client.js';
export {
  type ClientErrorCode,
  errorFromResponse,
  isNassijError,
  NassijAbortError,
  NassijApiError,
  NassijConflictError,
  NassijError,
  type NassijErrorCode,
  type NassijErrorInit,
  NassijNetworkError,
  NassijResponseValidationError,
  NassijTimeoutError,
  NassijValidationError,
} from './errors.js';
export type { PagedRoute, PageItem, PageOptions, PageQueryInput } from './paginate.js';
export { isRetryableStatus, parseRetryAfter, type RetryOptions, retryDelay } from './retry.js';
export type {
  AfterResponseHook,
  Attempt,
  BeforeRequestHook,
  BodySpec,
  ClientHooks,
  Sender,
  Transport,
} from './transport.js';
export type { InputTuple, RequestInput, RequestOptions, RouteArgs, RouteResult } from './types.js';
export {
  checkFile,
  type UploadFile,
  type UploadInput,
  type UploadProgress,
  type UploadRules,
} from './upload.js';
