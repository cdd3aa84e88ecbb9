import {
  Consultation,
  ConsultationParams,
  ConsultationSearchQuery,
  ConsultationStats,
  ConsultationSummary,
  DocumentVersion,
  Synthesis,
  VersionDiff,
  VersionDiffQuery,
  VersionParams,
} from '../resources/consultation.js';
import {
  Contribution,
  ContributionListQuery,
  ContributionParams,
  ContributionReceipt,
  ContributionRepliesQuery,
  ContributionReply,
  CreateContribution,
  ModerateContribution,
  ModerationQueueQuery,
  ReportContribution,
  RespondToContribution,
  SupportResult,
  SupportWithdrawal,
} from '../resources/contribution.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** `GET /v1/consultations` — search consultations, with facets. */
export const searchConsultations = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.search',
    method: 'GET',
    path: '/v1/consultations',
    tag: 'consultations',
    summary: 'Search public consultations',
    auth: 'public',
    query: ConsultationSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(ConsultationSummary), description: 'A page of consultations' },
  }))();

/** `GET /v1/consultations/{consultationId}` — one consultation with its current text (id or reference). */
export const getConsultation = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.get',
    method: 'GET',
    path: '/v1/consultations/{consultationId}',
    tag: 'consultations',
    summary: 'Read one consultation with its current text',
    auth: 'public',
    params: ConsultationParams,
    errors: ['not_found'],
    response: { status: 200, schema: Consultation, description: 'The consultation, `text` included' },
  }))();

/** `GET /v1/consultations/{consultationId}/versions/{versionId}` — one version of the consulted text. */
export const getConsultationVersion = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.getVersion',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/versions/{versionId}',
    tag: 'consultations',
    summary: 'Read one version of the consulted text',
    auth: 'public',
    params: VersionParams,
    errors: ['not_found'],
    response: { status: 200, schema: DocumentVersion, description: 'The version, sections and articles' },
  }))();

/** `GET …/versions/{versionId}/diff?against=…` — what changed, article by article, between two versions. */
export const compareConsultationVersions = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.compareVersions',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/versions/{versionId}/diff',
    tag: 'consultations',
    summary: 'Compare two versions of the consulted text',
    auth: 'public',
    params: VersionParams,
    query: VersionDiffQuery,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, schema: VersionDiff, description: 'The changes from `against` to `versionId`' },
  }))();

/** `GET /v1/consultations/{consultationId}/stats` — participation figures. */
export const getConsultationStats = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.stats',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/stats',
    tag: 'consultations',
    summary: 'Participation figures of a consultation',
    auth: 'public',
    params: ConsultationParams,
    errors: ['not_found'],
    response: { status: 200, schema: ConsultationStats, description: 'The figures' },
  }))();

/** `GET /v1/consultations/{consultationId}/synthesis` — the published synthesis; `not_found` until then. */
export const getConsultationSynthesis = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.synthesis',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/synthesis',
    tag: 'consultations',
    summary: 'The published synthesis of a consultation',
    description: 'Answers `not_found` until the synthesis is published.',
    auth: 'public',
    params: ConsultationParams,
    errors: ['not_found'],
    response: { status: 200, schema: Synthesis, description: 'The synthesis' },
  }))();

/**
 * `GET /v1/consultations/{consultationId}/contributions` — published contributions, each with its first
 * replies, `replyCount` and `repliesNextCursor` (the rest through {@link listContributionReplies}).
 */
export const listContributions = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.list',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/contributions',
    tag: 'contributions',
    summary: 'List the contributions to a consultation',
    description:
      'Signed-in readers see `supportedByMe`; moderators may filter by `state`. Each contribution carries its ' +
      'first 3 published replies with `replyCount`; `GET /v1/contributions/{contributionId}/replies` gives the rest.',
    auth: 'optional',
    params: ConsultationParams,
    query: ContributionListQuery,
    errors: ['not_found', 'validation_failed', 'forbidden'],
    response: { status: 200, schema: Page(Contribution), description: 'A page of contributions' },
  }))();

/** `POST /v1/consultations/{consultationId}/contributions` — contribute; anonymous authors in `open` mode. */
export const createContribution = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.create',
    method: 'POST',
    path: '/v1/consultations/{consultationId}/contributions',
    tag: 'contributions',
    summary: 'Contribute to a consultation',
    description:
      'In `open` mode a request without a token declares its `author`; `registered` and `associations_only` ' +
      'modes need a token (and, for the latter, an association membership).',
    auth: 'optional',
    params: ConsultationParams,
    body: CreateContribution,
    errors: [
      'not_found',
      'phase_closed',
      'rate_limited',
      'forbidden',
      'unauthenticated',
      'validation_failed',
    ],
    idempotent: true,
    response: { status: 201, schema: ContributionReceipt, description: 'The contribution and its receipt' },
  }))();

/** `GET /v1/contributions/{contributionId}` — follow one contribution, with its history. */
export const getContribution = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.get',
    method: 'GET',
    path: '/v1/contributions/{contributionId}',
    tag: 'contributions',
    summary: 'Follow one contribution',
    description:
      'Includes `history`. A contribution not yet published is shown to its author and moderators only.',
    auth: 'optional',
    params: ContributionParams,
    errors: ['not_found'],
    response: { status: 200, schema: Contribution, description: 'The contribution with its history' },
  }))();

/**
 * `GET /v1/contributions/{contributionId}/replies` — the published replies of a contribution, oldest first.
 * A list or follow page carries only the first ones with `replyCount`; this pages through them all.
 */
export const listContributionReplies = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.replies',
    method: 'GET',
    path: '/v1/contributions/{contributionId}/replies',
    tag: 'contributions',
    summary: 'List the replies to a contribution',
    description:
      'Published replies only, oldest first; the first page starts with the replies the contribution carries. ' +
      'Signed-in readers see `supportedByMe`. A contribution not yet published is shown to its author and ' +
      'moderators only, as on its follow page; a reply has no replies (an empty page).',
    auth: 'optional',
    params: ContributionParams,
    query: ContributionRepliesQuery,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, schema: Page(ContributionReply), description: 'A page of replies' },
  }))();

/** `POST /v1/contributions/{contributionId}/supports` — support a contribution, once per account. */
export const supportContribution = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.support',
    method: 'POST',
    path: '/v1/contributions/{contributionId}/supports',
    tag: 'contributions',
    summary: 'Support a contribution',
    auth: 'required',
    params: ContributionParams,
    errors: ['not_found', 'already_supported', 'phase_closed'],
    idempotent: true,
    response: { status: 201, schema: SupportResult, description: 'The new number of supports' },
  }))();

/**
 * `DELETE /v1/contributions/{contributionId}/supports` — withdraw one's support. Idempotent (a reader
 * withdrawing a support they do not give gets the current count, not an error): a list read earlier, or a
 * second tab, cannot put the reader in a state the answer does not describe. Only while contributions are
 * open, like supporting.
 */
export const withdrawSupport = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.withdrawSupport',
    method: 'DELETE',
    path: '/v1/contributions/{contributionId}/supports',
    tag: 'contributions',
    summary: 'Withdraw the support given to a contribution',
    description:
      'Removes the support of the signed-in reader and answers the new count. Withdrawing a support the reader ' +
      'does not give answers the current count with `supportedByMe: false`; `phase_closed` once ' +
      'contributions are closed (supports are then final).',
    auth: 'required',
    params: ContributionParams,
    errors: ['not_found', 'phase_closed'],
    idempotent: true,
    response: { status: 200, schema: SupportWithdrawal, description: 'The new number of supports' },
  }))();

/** `POST /v1/contributions/{contributionId}/reports` — flag a contribution to the moderators. */
export const reportContribution = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.report',
    method: 'POST',
    path: '/v1/contributions/{contributionId}/reports',
    tag: 'contributions',
    summary: 'Report a contribution to the moderators',
    auth: 'optional',
    params: ContributionParams,
    body: ReportContribution,
    errors: ['not_found', 'validation_failed', 'rate_limited'],
    idempotent: true,
    response: { status: 202, description: 'The report is queued for the moderators' },
  }))();

/** `POST /v1/contributions/{contributionId}/response` — the issuing body's official response. */
export const respondToContribution = /* @__PURE__ */ (() =>
  route({
    id: 'contributions.respond',
    method: 'POST',
    path: '/v1/contributions/{contributionId}/response',
    tag: 'contributions',
    summary: 'Give the official response to a contribution',
    auth: 'required',
    roles: ['admin', 'moderator'],
    params: ContributionParams,
    body: RespondToContribution,
    errors: ['not_found', 'forbidden', 'validation_failed'],
    idempotent: true,
    response: { status: 200, schema: Contribution, description: 'The contribution with its response' },
  }))();

/** `GET /v1/moderation/contributions` — the moderators' queue. */
export const moderationQueue = /* @__PURE__ */ (() =>
  route({
    id: 'moderation.queue',
    method: 'GET',
    path: '/v1/moderation/contributions',
    tag: 'moderation',
    summary: 'Contributions waiting for moderation',
    description:
      "A platform moderator sees every consultation's queue; an organisation's moderator, the consultations its organisation holds.",
    auth: 'required',
    roles: ['moderator', 'admin'],
    query: ModerationQueueQuery,
    errors: ['forbidden', 'validation_failed'],
    response: {
      status: 200,
      schema: Page(Contribution),
      description: 'A page of contributions, oldest first',
    },
  }))();

/** `POST /v1/contributions/{contributionId}/moderation` — publish or hide a contribution. */
export const moderateContribution = /* @__PURE__ */ (() =>
  route({
    id: 'moderation.decide',
    method: 'POST',
    path: '/v1/contributions/{contributionId}/moderation',
    tag: 'moderation',
    summary: 'Publish or hide a contribution',
    auth: 'required',
    roles: ['moderator', 'admin'],
    params: ContributionParams,
    body: ModerateContribution,
    errors: ['not_found', 'forbidden', 'validation_failed'],
    idempotent: true,
    response: { status: 200, schema: Contribution, description: 'The contribution in its new state' },
  }))();

/**
 * The consultation routes.
 *
 * @example
 * ```ts
 * consultationRoutes.map((r) => r.id); // ['consultations.search', 'consultations.get', …]
 * ```
 */
export const consultationRoutes = [
  searchConsultations,
  getConsultation,
  getConsultationVersion,
  compareConsultationVersions,
  getConsultationStats,
  getConsultationSynthesis,
] as const;

/**
 * The contribution and moderation routes.
 *
 * @example
 * ```ts
 * contributionRoutes.find((r) => r.id === 'contributions.create')?.response.status; // 201
 * ```
 */
export const contributionRoutes = [
  listContributions,
  createContribution,
  getContribution,
  listContributionReplies,
  supportContribution,
  withdrawSupport,
  reportContribution,
  respondToContribution,
  moderationQueue,
  moderateContribution,
] as const;
