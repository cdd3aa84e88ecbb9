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
  type ApplicationsArea,
  type AttachmentUpload,
  applicationsArea,
  rulesFor,
  type UpdateOptions,
} from './areas/applications.js';
export { type AssociationsArea, associationsArea } from './areas/associations.js';
export { type AuditArea, auditArea } from './areas/audit.js';
export {
  type AuthArea,
  authArea,
  NassijPopupError,
  type PopupFailure,
  type PopupHost,
  type PopupOptions,
  type PopupWindow,
  type SignedIn,
} from './areas/auth.js';
export {
  type AwardReportsArea,
  awardReportsArea,
  type ReportSubmissionInput,
} from './areas/award-reports.js';
export { type AwardsArea, awardsArea } from './areas/awards.js';
export { type CallsArea, callsArea } from './areas/calls.js';
export { type CompetenciesArea, competenciesArea } from './areas/competencies.js';
export { type ConsultationsArea, consultationsArea } from './areas/consultations.js';
export { type ContributionsArea, contributionsArea } from './areas/contributions.js';
export { type CoursesArea, coursesArea } from './areas/courses.js';
export { type CredentialsArea, credentialsArea } from './areas/credentials.js';
export { type FeedsArea, feedsArea } from './areas/feeds.js';
export { type IndicatorsArea, indicatorsArea } from './areas/indicators.js';
export { type MetaArea, metaArea } from './areas/meta.js';
export { type ModerationArea, moderationArea } from './areas/moderation.js';
export {
  type ExportableDataset,
  type ExportOptions,
  type OpenDataArea,
  openDataArea,
} from './areas/open-data.js';
export { type OrganisationsArea, organisationsArea } from './areas/organisations.js';
export { type PrivacyArea, privacyArea } from './areas/privacy.js';
export { type ReferenceArea, referenceArea } from './areas/reference.js';
export { type RegistrationsArea, registrationsArea } from './areas/registrations.js';
export { type ReviewsArea, reviewsArea } from './areas/reviews.js';
export { type SessionsArea, sessionsArea } from './areas/sessions.js';
export { type SynthesesArea, synthesesArea } from './areas/syntheses.js';
export {
  type WebhookDeliveryPageQuery,
  type WebhookScope,
  type WebhooksArea,
  webhooksArea,
} from './areas/webhooks.js';
export { type CacheOptions, cacheKey, createEtagCache, type EtagCache } from './cache.js';
export { type CheckedInput, checkRequest, type RequestCheck } from './check-request.js';
export {
  type BaseClient,
  type ClientOptions,
  createBaseClient,
  createClient,
  type NassijClient,
} from './client.js';
export { verifyCredential } from './credentials.js';
export {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  errorFromResponse,
  isConflictError,
  isNassijError,
  NassijAbortError,
  NassijApiError,
  NassijConflictError,
  type NassijConflictErrorConstructor,
  NassijError,
  type NassijErrorCode,
  type NassijErrorInit,
  NassijNetworkError,
  NassijResponseValidationError,
  NassijTimeoutError,
  NassijValidationError,
} from './errors.js';
export {
  type CollectOptions,
  iterate,
  type PagedRoute,
  type PageItem,
  type PageIterator,
  type PageOptions,
  type PageQueryInput,
  pages,
} from './paginate.js';
export { isRetryableStatus, parseRetryAfter, type RetryOptions, retryDelay } from './retry.js';
export { memoryTokenStorage, sessionTokenStorage, type TokenStorage } from './tokens.js';
export type {
  AfterResponseHook,
  Attempt,
  BeforeRequestHook,
  BodySpec,
  ClientHooks,
  Sender,
  Transport,
} from './transport.js';
export type {
  BodyOf,
  InputTuple,
  QueryOf,
  RequestInput,
  RequestOptions,
  RouteArgs,
  RouteResult,
  Versioned,
} from './types.js';
export {
  checkFile,
  type UploadFile,
  type UploadInput,
  type UploadProgress,
  type UploadRules,
  uploadFile,
} from './upload.js';
export {
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookHeaders,
  type WebhookRefusal,
  WebhookVerificationError,
} from './webhooks/verify.js';
