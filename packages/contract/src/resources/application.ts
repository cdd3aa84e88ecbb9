import * as z from 'zod/mini';
import { Code, Id, PublicReference, RegionCode, Sha256 } from '../shared/ids.js';
import { CalendarDate, Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { Money } from '../shared/money.js';
import { PageQuery } from '../shared/page.js';
import { DISPLAY_TIME_ZONE } from '../shared/time.js';
import { Amendment } from './call.js';
import { Answers } from './form.js';

/** Where an application is: from draft through review to a decision. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'received',
  'eligibility_check',
  'under_review',
  'awarded',
  'rejected',
  'withdrawn',
] as const;
export const ApplicationStatus = /* @__PURE__ */ (() => z.enum(APPLICATION_STATUSES))();
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** One step of an application's status history. */
export const StatusChange = /* @__PURE__ */ (() =>
  z.strictObject({
    status: ApplicationStatus,
    at: Instant,
    /** Why, in words for the applicant (a rejection reason, a withdrawal note). */
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }))();
export type StatusChange = z.infer<typeof StatusChange>;

/** Scan state of an uploaded file, set by the server's scanner. */
export const ScanState = /* @__PURE__ */ (() => z.enum(['pending', 'clean', 'infected', 'error']))();
export type ScanState = z.infer<typeof ScanState>;

/**
 * A file attached to an application for one required document of the call.
 * The media type is sniffed from the content; `sha256` identifies the stored bytes. `purgedAt` is set
 * once the bytes were deleted under the platform's retention rule (or an erasure): the metadata and the
 * hash stay, so the receipt still proves what was submitted, but the file itself is gone.
 *
 * @example
 * ```ts
 * const attachment: Attachment = { id: 'att_1', documentId: 'statutes', fileName: 'statuts.pdf', size: 48_213,
 *   mediaType: 'application/pdf', sha256: `sha256:${'0'.repeat(64)}`, scanState: 'clean',
 *   uploadedAt: '2026-03-02T08:00:00Z', purgedAt: '2031-04-01T03:00:00Z' };
 * ```
 */
export const Attachment = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    documentId: Id,
    fileName: z.string().check(z.minLength(1), z.maxLength(255)),
    size: z.number().check(z.int(), z.nonnegative()),
    mediaType: z.string(),
    sha256: Sha256,
    scanState: ScanState,
    uploadedAt: Instant,
    /** When the stored bytes were deleted (retention after the decision, or an erasure); absent while kept. */
    purgedAt: z.optional(Instant),
    /** The vault document it was taken from (`attachments/from-vault`), if any: the same stored file. */
    vaultDocumentId: z.optional(Id),
    /** Last day that vault document is valid, as it was when attached; see `expiredAttachmentErrors`. */
    validUntil: z.optional(CalendarDate),
  }))();
export type Attachment = z.infer<typeof Attachment>;

/** The proof of a submission: a number, the moment with its zone and the hash of what was submitted. */
export const Receipt = /* @__PURE__ */ (() =>
  z.strictObject({
    number: PublicReference,
    submittedAt: Instant,
    timeZone: z.literal(DISPLAY_TIME_ZONE),
    /** sha256 of the canonical JSON of the submitted answers, budget and attachment hashes. */
    contentHash: Sha256,
  }))();
export type Receipt = z.infer<typeof Receipt>;

/** A score given on one selection criterion. */
export const CriterionScore = /* @__PURE__ */ (() =>
  z.strictObject({
    criterionId: Id,
    score: z.number().check(z.int(), z.nonnegative(), z.maximum(100)),
    comment: z.optional(z.string().check(z.maxLength(2000))),
  }))();
export type CriterionScore = z.infer<typeof CriterionScore>;

/** A reviewer's conflict-of-interest declaration, made before any score. */
export const ConflictOfInterest = /* @__PURE__ */ (() =>
  z.strictObject({
    declared: z.boolean(),
    statement: z.optional(z.string().check(z.maxLength(2000))),
  }))();
export type ConflictOfInterest = z.infer<typeof ConflictOfInterest>;

/** A review: scores per criterion with a comment, or a declared conflict (then no scores). */
export const Review = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    applicationId: Id,
    reviewer: z.strictObject({ id: Id, displayName: z.string() }),
    conflictOfInterest: ConflictOfInterest,
    scores: z.array(CriterionScore),
    /** Weighted total out of 100, computed by the server from the call's weights. */
    weightedTotal: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
    comment: z.optional(z.string().check(z.maxLength(4000))),
    submittedAt: Instant,
  }))();
export type Review = z.infer<typeof Review>;

/** The decision on an application, as the applicant reads it: what, why, on which terms, and until when to appeal. */
export const Decision = /* @__PURE__ */ (() =>
  z.strictObject({
    outcome: z.enum(['awarded', 'rejected']),
    amount: z.optional(Money),
    conditions: z.optional(z.string().check(z.maxLength(4000))),
    reason: z.optional(z.string().check(z.maxLength(4000))),
    decidedAt: Instant,
    /** The end of the appeal window (the call's `review.appealDays` after the decision, 23:59 in Casablanca). */
    appealUntil: z.optional(Instant),
  }))();
export type Decision = z.infer<typeof Decision>;

/**
 * The eligibility check of a submitted application, before any scoring: admissible or not, and why. The
 * applicant sees it; an application found not admissible is rejected with this reason.
 *
 * @example
 * ```ts
 * const check: EligibilityCheck = { admissible: false, reason: 'Les statuts joints ne sont pas signés',
 *   checkedAt: '2026-04-02T09:00:00Z' };
 * ```
 */
export const EligibilityCheck = /* @__PURE__ */ (() =>
  z.strictObject({
    admissible: z.boolean(),
    reason: z.optional(z.string().check(z.maxLength(4000))),
    checkedAt: Instant,
  }))();
export type EligibilityCheck = z.infer<typeof EligibilityCheck>;

/**
 * An association's application to a call. `revision` grows with every saved change; its ETag guards
 * autosave (`If-Match`) so two tabs never overwrite each other silently.
 *
 * @example
 * ```ts
 * const draft = await client.applications.start({ callId: 'call_0001', associationId: 'asso_0001' });
 * draft.status; // 'draft'
 * ```
 */
export const Application = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    callId: Id,
    callReference: PublicReference,
    callTitle: LocalizedText,
    associationId: Id,
    associationName: LocalizedText,
    formVersion: z.number().check(z.int(), z.minimum(1)),
    status: ApplicationStatus,
    history: z.array(StatusChange),
    projectTitle: z.optional(z.string().check(z.maxLength(300))),
    requestedAmount: z.optional(Money),
    answers: Answers,
    attachments: z.array(Attachment),
    revision: z.number().check(z.int(), z.minimum(1)),
    createdAt: Instant,
    autosavedAt: z.optional(Instant),
    submittedAt: z.optional(Instant),
    submittedBy: z.optional(z.strictObject({ id: Id, displayName: z.string() })),
    receipt: z.optional(Receipt),
    /** The eligibility check, once made. */
    eligibilityCheck: z.optional(EligibilityCheck),
    /** The call's amendments published after this application was started: what changed and why. */
    callAmendments: z.optional(z.array(Amendment)),
    /** Reviews: shown to reviewers and admins only. */
    reviews: z.optional(z.array(Review)),
    decision: z.optional(Decision),
  }))();
export type Application = z.infer<typeof Application>;

/** An application as a listing shows it. */
export const ApplicationSummary = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    callId: Id,
    callReference: PublicReference,
    callTitle: LocalizedText,
    associationId: Id,
    associationName: LocalizedText,
    region: RegionCode,
    status: ApplicationStatus,
    projectTitle: z.optional(z.string()),
    requestedAmount: z.optional(Money),
    submittedAt: z.optional(Instant),
    /** Reviewer listings: the average weighted total of the reviews so far. */
    averageScore: z.optional(z.number()),
    /** Reviewer listings: whether the reader has declared on it (`true`: a conflict, recused). */
    myDeclaration: z.optional(z.enum(['none', 'no_conflict', 'conflict'])),
    reviewCount: z.optional(z.number().check(z.int(), z.nonnegative())),
  }))();
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

/** Body of `POST /v1/applications`: start a draft for an association. */
export const StartApplication = /* @__PURE__ */ (() => z.strictObject({ callId: Id, associationId: Id }))();
export type StartApplication = z.infer<typeof StartApplication>;

/** Body of `PATCH /v1/applications/{applicationId}` (autosave; needs `If-Match`). Answers merge by field. */
export const UpdateApplication = /* @__PURE__ */ (() =>
  z.strictObject({
    projectTitle: z.optional(z.string().check(z.maxLength(300))),
    requestedAmount: z.optional(Money),
    answers: z.optional(Answers),
  }))();
export type UpdateApplication = z.infer<typeof UpdateApplication>;

/** Body of `POST /v1/applications/{applicationId}/withdraw`. */
export const WithdrawApplication = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }))();
export type WithdrawApplication = z.infer<typeof WithdrawApplication>;

/** Fields of the multipart upload besides the `file` part. */
export const UploadAttachment = /* @__PURE__ */ (() => z.strictObject({ documentId: Id }))();
export type UploadAttachment = z.infer<typeof UploadAttachment>;

/** Answer of a successful submission. */
export const SubmissionResult = /* @__PURE__ */ (() =>
  z.strictObject({
    application: Application,
    receipt: Receipt,
  }))();
export type SubmissionResult = z.infer<typeof SubmissionResult>;

/** Body of `POST /v1/applications/{applicationId}/reviews`. */
export const SubmitReview = /* @__PURE__ */ (() =>
  z
    .strictObject({
      conflictOfInterest: ConflictOfInterest,
      scores: z.array(CriterionScore),
      comment: z.optional(z.string().check(z.maxLength(4000))),
    })
    .check(
      z.refine((review) => !review.conflictOfInterest.declared || review.scores.length === 0, {
        message: 'A reviewer who declares a conflict of interest does not score',
        path: ['scores'],
        params: { code: 'not_allowed' },
      }),
    ))();
export type SubmitReview = z.infer<typeof SubmitReview>;

/**
 * Body of `POST /v1/applications/{applicationId}/eligibility-check`: admissible or not; a refusal needs
 * its reason, which the applicant reads.
 *
 * @example
 * ```ts
 * await client.reviews.checkEligibility(applicationId, { admissible: false, reason: 'Dossier incomplet' });
 * ```
 */
export const CheckApplicationEligibility = /* @__PURE__ */ (() =>
  z
    .strictObject({
      admissible: z.boolean(),
      reason: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(4000))),
    })
    .check(
      z.refine((check) => check.admissible || check.reason !== undefined, {
        message: 'Say why the application is not admissible',
        path: ['reason'],
        params: { code: 'required' },
      }),
    ))();
export type CheckApplicationEligibility = z.infer<typeof CheckApplicationEligibility>;

/**
 * A reviewer's declaration on one application, made after seeing only who applies and the project's title,
 * before the application itself: a reviewer with a conflict is recused from it.
 *
 * @example
 * ```ts
 * const declaration: ConflictDeclaration = { applicationId: 'app_1', reviewerId: 'acc_4', declared: false,
 *   declaredAt: '2026-04-02T09:00:00Z' };
 * ```
 */
export const ConflictDeclaration = /* @__PURE__ */ (() =>
  z.strictObject({
    applicationId: Id,
    reviewerId: Id,
    declared: z.boolean(),
    statement: z.optional(z.string().check(z.maxLength(2000))),
    declaredAt: Instant,
  }))();
export type ConflictDeclaration = z.infer<typeof ConflictDeclaration>;

/** Body of `PUT /v1/applications/{applicationId}/conflict-declaration`. */
export const DeclareConflict = ConflictOfInterest;
export type DeclareConflict = ConflictOfInterest;

/** Body of `POST /v1/applications/{applicationId}/decision`. An award needs an amount. */
export const DecideApplication = /* @__PURE__ */ (() =>
  z
    .strictObject({
      outcome: z.enum(['awarded', 'rejected']),
      amount: z.optional(Money),
      conditions: z.optional(z.string().check(z.maxLength(4000))),
      reason: z.optional(z.string().check(z.maxLength(4000))),
    })
    .check(
      z.refine((d) => d.outcome !== 'awarded' || d.amount !== undefined, {
        message: 'An award needs an amount',
        path: ['amount'],
        params: { code: 'required' },
      }),
    ))();
export type DecideApplication = z.infer<typeof DecideApplication>;

/** Filters of `GET /v1/applications` (the signed-in account's associations' applications). */
export const ApplicationListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    callId: z.optional(Id),
    associationId: z.optional(Id),
    status: z.optional(z.array(ApplicationStatus)),
    ...PageQuery,
  }))();
export type ApplicationListQuery = z.input<typeof ApplicationListQuery>;

/** Filters of `GET /v1/calls/{callId}/applications` (reviewers). */
export const ReviewerListQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    status: z.optional(z.array(ApplicationStatus)),
    region: z.optional(z.array(RegionCode)),
    domain: z.optional(z.array(Code)),
    ...PageQuery,
  }))();
export type ReviewerListQuery = z.input<typeof ReviewerListQuery>;

/** Path parameters of an application's routes. */
export const ApplicationParams = /* @__PURE__ */ (() => z.strictObject({ applicationId: Id }))();
export type ApplicationParams = z.infer<typeof ApplicationParams>;

/** Path parameters of an attachment's routes. */
export const AttachmentParams = /* @__PURE__ */ (() =>
  z.strictObject({ applicationId: Id, attachmentId: Id }))();
export type AttachmentParams = z.infer<typeof AttachmentParams>;
