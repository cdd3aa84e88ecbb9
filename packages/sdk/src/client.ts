import { type AnyRoute, issueCalendarToken, type Locale } from '@nassij/contract';
import { type AccountsArea, accountsArea } from './areas/accounts.js';
import { type ApplicationsArea, applicationsArea } from './areas/applications.js';
import { type AssociationsArea, associationsArea } from './areas/associations.js';
import { type AuditArea, auditArea } from './areas/audit.js';
import { AUTH_ROUTE_REFS, AUTH_ROUTES, type AuthArea, authArea } from './areas/auth.js';
import { type AwardReportsArea, awardReportsArea } from './areas/award-reports.js';
import { type AwardsArea, awardsArea } from './areas/awards.js';
import { type CallsArea, callsArea } from './areas/calls.js';
import { type ClaimsArea, claimsArea } from './areas/claims.js';
import { type CompetenciesArea, competenciesArea } from './areas/competencies.js';
import { type ConsultationsArea, consultationsArea } from './areas/consultations.js';
import { type ContributionsArea, contributionsArea } from './areas/contributions.js';
import { type CoursesArea, coursesArea } from './areas/courses.js';
import { type CredentialsArea, credentialsArea } from './areas/credentials.js';
import { type DocumentsArea, documentsArea } from './areas/documents.js';
import { type FeedsArea, feedsArea } from './areas/feeds.js';
import { type IndicatorsArea, indicatorsArea } from './areas/indicators.js';
import { type MembersArea, membersArea } from './areas/members.js';
import { type MetaArea, metaArea } from './areas/meta.js';
import { type ModerationArea, moderationArea } from './areas/moderation.js';
import { type OpenDataArea, openDataArea } from './areas/open-data.js';
import { type OrganisationsArea, organisationsArea } from './areas/organisations.js';
import { type PrivacyArea, privacyArea } from './areas/privacy.js';
import { type ReferenceArea, referenceArea } from './areas/reference.js';
import { type RegistrationsArea, registrationsArea } from './areas/registrations.js';
import { type ReviewsArea, reviewsArea } from './areas/reviews.js';
import { type SessionsArea, sessionsArea } from './areas/sessions.js';
import { type SubscriptionsArea, subscriptionsArea } from './areas/subscriptions.js';
import { type SynthesesArea, synthesesArea } from './areas/syntheses.js';
import { type WebhooksArea, webhooksArea } from './areas/webhooks.js';
import { type CacheOptions, createEtagCache } from './cache.js';
import { checkRequest, type RequestCheck } from './check-request.js';
import {
  iterate,
  type PagedRoute,
  type PageItem,
  type PageIterator,
  type PageOptions,
  type PageQueryInput,
  pages,
} from './paginate.js';
import { type RetryOptions, retryPolicy } from './retry.js';
import { memoryTokenStorage, type TokenStorage } from './tokens.js';
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
  /**
   * Check every response against its route's schema, and (with {@link createClient}) every request
   * before sending it ({@link checkRequest}: a refusal is the `NassijValidationError` the server would
   * give). Routes without schemas (the refs of the browser bundles) are not checked. Default `true`.
   */
  validate?: boolean | undefined;
  /** Where the token lives; default {@link memoryTokenStorage}. */
  tokenStorage?: TokenStorage | undefined;
  /** ETag cache of reads; `false` turns it off. Default `{ maxEntries: 100 }`. */
  cache?: CacheOptions | false | undefined;
}

/**
 * The core of a client: typed calls to any route, sign-in and the token, without the area namespaces and
 * without paging helpers (`iterate(client.transport, route, query)` pages a base client). Embedded widgets use it with only the routes they need, so a page does not download
 * the schemas of the whole API.
 *
 * @example
 * ```ts
 * import { searchCalls } from '@nassij/contract';
 * const client: BaseClient = createBaseClient({ baseUrl: 'https://platform.example/api' });
 * const page = await client.request(searchCalls, { query: { status: ['open'] } });
 * ```
 */
export interface BaseClient {
  /** Calls any route of the contract, typed from its schemas. */
  request<R extends AnyRoute>(route: R, ...input: InputTuple<RequestInput<R>>): Promise<RouteResult<R>>;
  /** Sign in (password or embed popup), the signed-in account, sign out. */
  auth: AuthArea;
  /** The token storage in use. */
  readonly tokens: TokenStorage;
  /** The generic core, for area namespaces built outside this package. */
  readonly transport: Transport;
}

/**
 * The Nassij client. Every method either resolves with its typed result or rejects with a
 * `NassijError`; none resolves `undefined` for a failure.
 *
 * @example
 * ```ts
 * const client: NassijClient = createClient({ baseUrl: 'https://platform.example/api' });
 * const call = await client.calls.get('call_0001');
 * ```
 */
export interface NassijClient extends BaseClient {
  /**
   * Items of a list route, page after page, fetched only as the loop asks for them; `.collect({ limit })`
   * gathers up to `limit` of them into an array.
   */
  iterate<R extends PagedRoute>(
    route: R,
    query?: PageQueryInput<R>,
    options?: PageOptions<R>,
  ): PageIterator<PageItem<R>>;
  /** Whole pages (with `total` and `facets`) of a list route. */
  pages<R extends PagedRoute>(
    route: R,
    query?: PageQueryInput<R>,
    options?: PageOptions<R>,
  ): AsyncGenerator<RouteResult<R>, void, undefined>;
  /**
   * Uploads a file to a multipart route, with client-side pre-checks and progress. (With a base client,
   * call `uploadFile(client.transport, route, input)`.)
   */
  upload<R extends AnyRoute>(route: R, input: UploadInput<R>): Promise<RouteResult<R>>;
  /** Health check and the OpenAPI document. */
  meta: MetaArea;
  /** Regions, sectors, domains, competencies, legal forms. */
  reference: ReferenceArea;
  /** The directory of associations, and the account's own. */
  associations: AssociationsArea;
  /** The public bodies that run calls: ministries, public establishments, councils. */
  organisations: OrganisationsArea;
  /**
   * Calls for public support: search, read, eligibility, a call's awards; for an organisation's staff,
   * drafts, publication, amendments, closing, cancelling, versions, reviewers and results.
   */
  calls: CallsArea;
  /** Every public award. */
  awards: AwardsArea;
  /** After an award: the reports an association owes and their review, and the tranches paid. */
  awardReports: AwardReportsArea;
  /** Applications: start, autosave (conditional), upload, submit, withdraw. */
  applications: ApplicationsArea;
  /** Reviewers: a call's applications, reviews, decisions. */
  reviews: ReviewsArea;
  /** Public consultations, their text versions, figures and synthesis. */
  consultations: ConsultationsArea;
  /** Contributions to consultations: read, write, support, report, respond. */
  contributions: ContributionsArea;
  /** The moderators' queue and decisions. */
  moderation: ModerationArea;
  /** The audit log of privileged actions (admins). */
  audit: AuditArea;
  /** One person's data: export and erasure (law 09-08; admins). */
  privacy: PrivacyArea;
  /** Claims on associations and registrations of new ones, and their review. */
  claims: ClaimsArea;
  /** The members of an association: list, invitations, acceptance, removal, leaving, hand-over. */
  members: MembersArea;
  /** Webhook endpoints (an organisation's or platform-wide), their delivery log and replay. */
  webhooks: WebhooksArea;
  /** One's own account: sign-up, e-mail verification, password reset, change of address, sessions. */
  accounts: AccountsArea;
  /** An association's document vault: statutes, minutes, yearly reports, bank certificates. */
  documents: DocumentsArea;
  /** Training courses. */
  courses: CoursesArea;
  /** Training sessions. */
  sessions: SessionsArea;
  /** Registrations to training sessions. */
  registrations: RegistrationsArea;
  /** Certificates of completed trainings (Open Badges 3.0) and their verification. */
  credentials: CredentialsArea;
  /** Competencies acquired through completed trainings, an association's or one's own. */
  competencies: CompetenciesArea;
  /** The commitment's indicators. */
  indicators: IndicatorsArea;
  /** Open data catalogue and downloads. */
  openData: OpenDataArea;
  /** Addresses of the Atom feeds and iCalendar calendars, and the personal calendar secret. */
  feeds: FeedsArea;
  /** E-mail subscriptions to calls or a consultation: subscribe, confirm, one-click unsubscribe. */
  subscriptions: SubscriptionsArea;
  /** Writing and publishing a consultation's synthesis, for the staff of the organisation that holds it. */
  syntheses: SynthesesArea;
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
  const base = baseClient(options, checkRequest);
  const transport = base.transport;
  return {
    ...base,
    iterate: (route, query, pageOptions) => iterate(transport, route, query, pageOptions),
    pages: (route, query, pageOptions) => pages(transport, route, query, pageOptions),
    upload: (route, input) => uploadFile(transport, route, input),
    // Scripts get validated sign-in answers; the base client uses the schema-less refs.
    auth: authArea(transport, AUTH_ROUTES),
    meta: metaArea(transport),
    reference: referenceArea(transport),
    associations: associationsArea(transport),
    organisations: organisationsArea(transport),
    calls: callsArea(transport),
    awards: awardsArea(transport),
    awardReports: awardReportsArea(transport),
    applications: applicationsArea(transport),
    reviews: reviewsArea(transport),
    consultations: consultationsArea(transport),
    contributions: contributionsArea(transport),
    moderation: moderationArea(transport),
    audit: auditArea(transport),
    privacy: privacyArea(transport),
    claims: claimsArea(transport),
    members: membersArea(transport),
    webhooks: webhooksArea(transport),
    accounts: accountsArea(transport),
    documents: documentsArea(transport),
    courses: coursesArea(transport),
    sessions: sessionsArea(transport),
    registrations: registrationsArea(transport),
    credentials: credentialsArea(transport),
    competencies: competenciesArea(transport),
    indicators: indicatorsArea(transport),
    openData: openDataArea(transport),
    feeds: feedsArea(transport, issueCalendarToken),
    subscriptions: subscriptionsArea(transport),
    syntheses: synthesesArea(transport),
  };
}

/**
 * Creates the core of a client ({@link BaseClient}): the same transport, retries, cache and sign-in as
 * {@link createClient}, without the area namespaces, and without the check of requests before sending
 * ({@link checkRequest}; the server makes it, with the same errors), so that a page loads neither. Wrap
 * it with an area when you want one (`callsArea(client.transport)`), or call routes with `request`.
 *
 * @example
 * ```ts
 * import { getCall } from '@nassij/contract';
 * import { createBaseClient } from '@nassij/sdk';
 *
 * const client = createBaseClient({ baseUrl: 'https://platform.example/api' });
 * const call = await client.request(getCall, { params: { callId: 'call_0001' } });
 * ```
 */
export function createBaseClient(options: ClientOptions): BaseClient {
  return baseClient(options);
}

function baseClient(options: ClientOptions, check?: RequestCheck): BaseClient {
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
    checkRequest: check,
  });
  return {
    request: transport.request,
    auth: authArea(transport, AUTH_ROUTE_REFS),
    tokens,
    transport,
  };
}
