import * as z from 'zod/mini';
import { Email, Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { Locale } from '../shared/localized-text.js';
import { Role } from '../shared/roles.js';
import { ApplicationStatus, Attachment } from './application.js';
import { AssociationClaim } from './association-claim.js';
import { VaultDocumentKind } from './association-document.js';
import { AuditLogEntry } from './audit.js';
import { Membership, MembershipRole } from './auth.js';
import { ReportStatus } from './award-report.js';
import { Contribution } from './contribution.js';
import { Certificate } from './credential.js';
import { Registration } from './training.js';

const Count = /* @__PURE__ */ (() => z.number().check(z.int(), z.nonnegative()))();

/**
 * Path parameters of the admin routes about one account.
 *
 * @example
 * ```ts
 * const params: AccountParams = { accountId: 'acc_0002' };
 * ```
 */
export const AccountParams = /* @__PURE__ */ (() => z.strictObject({ accountId: Id }))();
export type AccountParams = z.infer<typeof AccountParams>;

/**
 * An account as the platform stores it, for its data export: never the password hash. After an erasure
 * the e-mail and the name are a tombstone and `erasedAt` says when.
 *
 * @example
 * ```ts
 * const account: PersonalDataAccount = { id: 'acc_0002', email: 'amina@example.ma', displayName: 'Amina',
 *   roles: ['citizen', 'association_member'], locale: 'ar', createdAt: '2025-05-11T11:00:00Z' };
 * ```
 */
export const PersonalDataAccount = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    email: Email,
    displayName: z.string().check(z.minLength(1), z.maxLength(120)),
    roles: z.array(Role),
    locale: z.optional(Locale),
    createdAt: Instant,
    /** When the account was erased; its e-mail and name are then a tombstone. */
    erasedAt: z.optional(Instant),
  }))();
export type PersonalDataAccount = z.infer<typeof PersonalDataAccount>;

/**
 * A bearer token the account was issued (sign-ins), without the token or its hash.
 *
 * @example
 * ```ts
 * const session: PersonalDataToken = { createdAt: '2026-12-04T08:00:00Z', expiresAt: '2026-12-04T20:00:00Z' };
 * ```
 */
export const PersonalDataToken = /* @__PURE__ */ (() =>
  z.strictObject({
    createdAt: Instant,
    expiresAt: Instant,
    revokedAt: z.optional(Instant),
  }))();
export type PersonalDataToken = z.infer<typeof PersonalDataToken>;

/** How the account took part in an application. */
export const ApplicationInvolvement = /* @__PURE__ */ (() => z.enum(['created', 'submitted', 'uploaded']))();
export type ApplicationInvolvement = z.infer<typeof ApplicationInvolvement>;

/**
 * An application the account started, submitted or uploaded a document to, with the metadata of its
 * attachments (never their bytes). `retainedUntil` is when the retention rule deletes its documents, once
 * it is decided or withdrawn.
 *
 * @example
 * ```ts
 * const application: PersonalDataApplication = { id: 'app_0025', callId: 'call_0025', associationId: 'asso_0001',
 *   status: 'awarded', involvement: ['submitted'], createdAt: '2024-02-01T09:00:00Z',
 *   submittedAt: '2024-02-20T10:00:00Z', decidedAt: '2024-05-02T10:00:00Z', retainedUntil: '2029-05-01T10:00:00Z',
 *   attachments: [] };
 * ```
 */
export const PersonalDataApplication = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    callId: Id,
    associationId: Id,
    status: ApplicationStatus,
    involvement: z.array(ApplicationInvolvement),
    projectTitle: z.optional(z.string().check(z.maxLength(300))),
    createdAt: Instant,
    submittedAt: z.optional(Instant),
    /** When it was awarded, rejected or withdrawn. */
    decidedAt: z.optional(Instant),
    retainedUntil: z.optional(Instant),
    attachments: z.array(Attachment),
  }))();
export type PersonalDataApplication = z.infer<typeof PersonalDataApplication>;

/**
 * A review the account wrote as a reviewer (the review itself belongs to the application's record).
 *
 * @example
 * ```ts
 * const review: PersonalDataReview = { id: 'rev_1', applicationId: 'app_0031', submittedAt: '2026-11-02T10:00:00Z' };
 * ```
 */
export const PersonalDataReview = /* @__PURE__ */ (() =>
  z.strictObject({ id: Id, applicationId: Id, submittedAt: Instant }))();
export type PersonalDataReview = z.infer<typeof PersonalDataReview>;

/**
 * A message the platform queued or sent to the account (the outbox), without its body: a body may hold a
 * live one-time link. After an erasure, a sent message keeps its kind and dates only.
 *
 * @example
 * ```ts
 * const mail: PersonalDataMail = { id: 'mail_1', kind: 'account.verify-email', to: 'amina@example.ma',
 *   subject: 'Confirmez votre adresse', createdAt: '2026-12-05T08:00:00Z', state: 'sent',
 *   sentAt: '2026-12-05T08:00:02Z' };
 * ```
 */
export const PersonalDataMail = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    kind: z.string().check(z.minLength(1), z.maxLength(100)),
    to: z.string().check(z.maxLength(320)),
    subject: z.string().check(z.maxLength(1000)),
    createdAt: Instant,
    state: z.enum(['queued', 'sending', 'sent', 'failed']),
    sentAt: z.optional(Instant),
  }))();
export type PersonalDataMail = z.infer<typeof PersonalDataMail>;

/**
 * An invitation sent to the account's address to join an association (never its one-time token).
 *
 * @example
 * ```ts
 * const invitation: PersonalDataInvitation = { id: 'inv_1', associationId: 'asso_0001',
 *   email: 'sara@example.ma', role: 'member', createdAt: '2026-12-01T09:00:00Z',
 *   expiresAt: '2026-12-08T09:00:00Z', acceptedAt: '2026-12-01T10:00:00Z' };
 * ```
 */
export const PersonalDataInvitation = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    associationId: Id,
    email: Email,
    role: MembershipRole,
    createdAt: Instant,
    expiresAt: Instant,
    acceptedAt: z.optional(Instant),
  }))();
export type PersonalDataInvitation = z.infer<typeof PersonalDataInvitation>;

/**
 * An award report the account submitted for its association, or reviewed for a funder.
 *
 * @example
 * ```ts
 * const report: PersonalDataAwardReport = { awardId: 'awd_1', requirementId: 'final', callId: 'call_0025',
 *   associationId: 'asso_0001', status: 'accepted', involvement: ['submitted'],
 *   submittedAt: '2026-06-01T09:00:00Z', reviewedAt: '2026-06-10T09:00:00Z' };
 * ```
 */
export const PersonalDataAwardReport = /* @__PURE__ */ (() =>
  z.strictObject({
    awardId: Id,
    requirementId: Id,
    callId: Id,
    associationId: Id,
    status: ReportStatus,
    involvement: z.array(z.enum(['submitted', 'reviewed'])),
    submittedAt: Instant,
    reviewedAt: z.optional(Instant),
  }))();
export type PersonalDataAwardReport = z.infer<typeof PersonalDataAwardReport>;

/**
 * A tranche of an award the account recorded as the funder's staff.
 *
 * @example
 * ```ts
 * const paid: PersonalDataDisbursement = { id: 'dsb_1', awardId: 'awd_1', tranche: 1,
 *   recordedAt: '2026-07-16T09:00:00Z' };
 * ```
 */
export const PersonalDataDisbursement = /* @__PURE__ */ (() =>
  z.strictObject({ id: Id, awardId: Id, tranche: Count, recordedAt: Instant }))();
export type PersonalDataDisbursement = z.infer<typeof PersonalDataDisbursement>;

/**
 * A one-time link sent to the account (verify the address, reset the password, confirm a new address):
 * dates and purpose only, never the token.
 *
 * @example
 * ```ts
 * const link: PersonalDataOneTimeToken = { purpose: 'reset_password', createdAt: '2026-12-05T08:00:00Z',
 *   expiresAt: '2026-12-05T09:00:00Z', usedAt: '2026-12-05T08:05:00Z' };
 * ```
 */
export const PersonalDataOneTimeToken = /* @__PURE__ */ (() =>
  z.strictObject({
    purpose: z.enum(['verify_email', 'reset_password', 'change_email']),
    /** The address a change of e-mail moves to. */
    newEmail: z.optional(Email),
    createdAt: Instant,
    expiresAt: Instant,
    usedAt: z.optional(Instant),
  }))();
export type PersonalDataOneTimeToken = z.infer<typeof PersonalDataOneTimeToken>;

/**
 * An e-mail subscription of the person's address (calls or a consultation), pending or active.
 *
 * @example
 * ```ts
 * const subscription: PersonalDataSubscription = { kind: 'calls', digest: 'weekly', state: 'active',
 *   createdAt: '2026-12-01T09:00:00Z', confirmedAt: '2026-12-01T09:05:00Z' };
 * ```
 */
export const PersonalDataSubscription = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.enum(['calls', 'consultation']),
    digest: z.enum(['immediate', 'daily', 'weekly']),
    state: z.enum(['pending', 'active']),
    createdAt: Instant,
    confirmedAt: z.optional(Instant),
  }))();
export type PersonalDataSubscription = z.infer<typeof PersonalDataSubscription>;

/**
 * A document the account uploaded to its association's vault (the document is the association's; the
 * export says which ones the person put there).
 *
 * @example
 * ```ts
 * const document: PersonalDataVaultDocument = { id: 'doc_1', associationId: 'asso_0001', kind: 'statutes',
 *   fileName: 'statuts.pdf', uploadedAt: '2026-12-05T08:00:00Z' };
 * ```
 */
export const PersonalDataVaultDocument = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    associationId: Id,
    kind: VaultDocumentKind,
    year: z.optional(z.number().check(z.int())),
    fileName: z.string().check(z.minLength(1), z.maxLength(255)),
    uploadedAt: Instant,
  }))();
export type PersonalDataVaultDocument = z.infer<typeof PersonalDataVaultDocument>;

/**
 * Everything the platform holds about one account (law 09-08, right of access): the account without its
 * password hash, its memberships and sign-in tokens, the contributions it wrote (in any moderation state),
 * the training registrations naming it as participant (its account, or its e-mail for older ones) and the
 * certificates issued to it, the applications it
 * started, submitted or uploaded to, its reviews, and the audit lines it is the actor or the target of,
 * newest first; and, on servers with those areas, the messages sent to it (never their bodies), the
 * invitations to its address, its one-time links, claims and vault uploads, the award reports it sent or
 * reviewed and the tranches it recorded.
 *
 * @example
 * ```ts
 * const data: PersonalDataExport = await client.privacy.export('acc_0002');
 * data.account.email; // 'member@demo.nassij.ma'
 * data.contributions.length; // 3
 * ```
 */
export const PersonalDataExport = /* @__PURE__ */ (() =>
  z.strictObject({
    exportedAt: Instant,
    account: PersonalDataAccount,
    memberships: z.array(Membership),
    tokens: z.array(PersonalDataToken),
    contributions: z.array(Contribution),
    registrations: z.array(Registration),
    applications: z.array(PersonalDataApplication),
    reviews: z.array(PersonalDataReview),
    audit: z.array(AuditLogEntry),
    /** Messages to the account (absent from servers without mail). */
    mail: z.optional(z.array(PersonalDataMail)),
    /** Invitations sent to the account's address (absent from servers without members). */
    invitations: z.optional(z.array(PersonalDataInvitation)),
    /** Award reports it submitted or reviewed (absent from servers without award reports). */
    awardReports: z.optional(z.array(PersonalDataAwardReport)),
    /** Tranches it recorded (absent from servers without award reports). */
    disbursements: z.optional(z.array(PersonalDataDisbursement)),
    /** One-time links sent to it (absent from servers without self-service accounts). */
    oneTimeTokens: z.optional(z.array(PersonalDataOneTimeToken)),
    /** Its claims on associations, with their files' metadata (absent from servers without claims). */
    claims: z.optional(z.array(AssociationClaim)),
    /** Documents it uploaded to an association's vault (absent from servers without the vault). */
    vaultDocuments: z.optional(z.array(PersonalDataVaultDocument)),
    /** When its calendar secret was issued, if it has one (the secret itself is never stored). */
    calendarToken: z.optional(z.strictObject({ createdAt: Instant })),
    /** E-mail subscriptions of its address (absent from servers without subscriptions). */
    subscriptions: z.optional(z.array(PersonalDataSubscription)),
    /** Certificates issued to it as a training's participant (absent from servers without certificates). */
    certificates: z.optional(z.array(Certificate)),
  }))();
export type PersonalDataExport = z.infer<typeof PersonalDataExport>;

/**
 * Body of `POST /v1/admin/accounts/{accountId}/erase`: why (the person's request, its reference), kept in
 * the audit log.
 *
 * @example
 * ```ts
 * const request: ErasureRequest = { reason: 'Demande de la personne du 2026-12-01, réf. CNDP-0042' };
 * ```
 */
export const ErasureRequest = /* @__PURE__ */ (() =>
  z.strictObject({
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  }))();
export type ErasureRequest = z.infer<typeof ErasureRequest>;

/**
 * Submitted applications whose documents the erasure kept: they are the record of a public funding
 * procedure and follow the retention rule (`retainedUntil`, absent while the application is undecided).
 *
 * @example
 * ```ts
 * const kept: RetainedDocuments = { applicationId: 'app_0025', status: 'awarded', attachments: 2,
 *   retainedUntil: '2029-05-01T10:00:00Z' };
 * ```
 */
export const RetainedDocuments = /* @__PURE__ */ (() =>
  z.strictObject({
    applicationId: Id,
    status: ApplicationStatus,
    attachments: Count,
    retainedUntil: z.optional(Instant),
  }))();
export type RetainedDocuments = z.infer<typeof RetainedDocuments>;

/**
 * What an erasure did (law 09-08, right of erasure): the account's e-mail and name became a tombstone and it
 * can no longer sign in; its tokens were revoked and its memberships removed; its contributions keep their
 * text under an anonymous author; registrations naming it lost the participant's name and e-mail; the
 * applications it submitted and the reviews it wrote no longer show its name; the documents it uploaded to
 * applications that were never submitted were deleted (`attachmentsRemoved`, and `filesDeleted` stored files no attachment uses any
 * more), while those of submitted applications stay under the retention rule (`documentsRetained`).
 *
 * @example
 * ```ts
 * const report: ErasureReport = { accountId: 'acc_0002', erasedAt: '2026-12-05T09:00:00Z', tokensRevoked: 2,
 *   membershipsRemoved: 2, contributionsAnonymised: 3, registrationsAnonymised: 1, applicationsAnonymised: 0,
 *   reviewsAnonymised: 0, attachmentsRemoved: 1, filesDeleted: 1, documentsRetained: [] };
 * ```
 */
export const ErasureReport = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: Id,
    erasedAt: Instant,
    tokensRevoked: Count,
    membershipsRemoved: Count,
    contributionsAnonymised: Count,
    registrationsAnonymised: Count,
    applicationsAnonymised: Count,
    reviewsAnonymised: Count,
    attachmentsRemoved: Count,
    filesDeleted: Count,
    documentsRetained: z.array(RetainedDocuments),
    /** Messages to the person dropped (unsent) or emptied (sent). */
    mailErased: z.optional(Count),
    /** Invitations to the person's address deleted (open) or kept under the tombstone (accepted). */
    invitationsErased: z.optional(Count),
    /** One-time links (verification, reset, change of e-mail) deleted. */
    oneTimeTokensRemoved: z.optional(Count),
    /** Pending or refused claims deleted with their files; verified ones stay as the proof of the mandate. */
    claimsRemoved: z.optional(Count),
    /** Vault documents the person uploaded: the association keeps them, no longer attributed to anyone. */
    vaultDocumentsKept: z.optional(Count),
    /** Calendar secrets deleted (0 or 1): the personal calendar's address answers 404 from then on. */
    calendarTokensRemoved: z.optional(Count),
    /** E-mail subscriptions of the person's address ended, the address erased from them. */
    subscriptionsEnded: z.optional(Count),
  }))();
export type ErasureReport = z.infer<typeof ErasureReport>;
