import * as z from 'zod/mini';
import { Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { PageQuery } from '../shared/page.js';

/**
 * The privileged actions the platform records in its audit log: sign-ins, moderation decisions and
 * official responses on contributions, automatic hiding after reports, reviews and decisions on
 * applications, attendance recorded for a training registration, and personal data handling (law 09-08):
 * an admin's export or erasure of one account's data, and the platform's deletion of an application's
 * documents once their retention period is over.
 */
export const AUDIT_ACTIONS = [
  'auth.signIn',
  'contribution.moderate',
  'contribution.autoHide',
  'contribution.respond',
  'call.create',
  'call.update',
  'call.publish',
  'call.amend',
  'call.close',
  'call.cancel',
  'call.assignReviewers',
  'call.publishResults',
  'consultation.create',
  'consultation.update',
  'consultation.importText',
  'consultation.publish',
  'consultation.publishVersion',
  'consultation.close',
  'consultation.publishSynthesis',
  'application.checkEligibility',
  'application.declareConflict',
  'application.review',
  'application.decide',
  'awardReport.submit',
  'awardReport.review',
  'award.disburse',
  'registration.attendance',
  'privacy.export',
  'privacy.erase',
  'privacy.purge',
  'account.signUp',
  'account.verifyEmail',
  'account.resendVerification',
  'account.requestPasswordReset',
  'account.resetPassword',
  'account.changeEmail',
  'account.confirmEmailChange',
  'account.signOutOthers',
  'associationClaim.create',
  'associationClaim.verify',
  'associationClaim.refuse',
  'member.invite',
  'member.accept',
  'member.remove',
  'member.leave',
  'member.handOver',
  'association.update',
  'association.uploadLogo',
  'document.upload',
  'document.remove',
  'application.attachFromVault',
  'webhook.create',
  'webhook.delete',
  'webhook.enable',
  'webhook.replay',
  'course.create',
  'course.update',
  'course.publish',
  'session.create',
  'session.update',
  'session.cancel',
  'certificate.issue',
  'certificate.revoke',
] as const;

/**
 * One action of {@link AUDIT_ACTIONS}.
 *
 * @example
 * ```ts
 * const action: AuditAction = 'application.decide';
 * ```
 */
export const AuditAction = /* @__PURE__ */ (() => z.enum(AUDIT_ACTIONS))();
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * A line of the audit log as an admin reads it: who (`actorId`, absent when the platform acted), what,
 * on which target, when, why, and the request that did it. Personal keys (addresses, device hashes) are
 * never part of it.
 *
 * @example
 * ```ts
 * const line: AuditLogEntry = {
 *   id: '0d6c1c5e-5a7b-4d0c-9d43-3f3a3b1e2a10', at: '2026-12-04T10:00:00.000Z', actorId: 'acc_mod',
 *   action: 'contribution.moderate', target: { type: 'contribution', id: 'ctb_1' }, reason: 'Off topic',
 * };
 * ```
 */
export const AuditLogEntry = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    at: Instant,
    actorId: z.optional(Id),
    action: AuditAction,
    target: z.optional(z.strictObject({ type: z.string().check(z.maxLength(64)), id: Id })),
    reason: z.optional(z.string().check(z.maxLength(2000))),
    requestId: z.optional(z.string().check(z.maxLength(128))),
    details: z.optional(z.record(z.string(), z.unknown())),
  }))();
export type AuditLogEntry = z.infer<typeof AuditLogEntry>;

/**
 * Filters of `GET /v1/admin/audit`, newest first.
 *
 * @example
 * ```ts
 * const query: AuditQuery = { action: 'application.decide', since: '2026-01-01T00:00:00Z', limit: 50 };
 * ```
 */
export const AuditQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    action: z.optional(AuditAction),
    actorId: z.optional(Id),
    targetType: z.optional(z.string().check(z.regex(/^[a-z][a-z_]{0,63}$/))),
    targetId: z.optional(Id),
    since: z.optional(Instant),
    ...PageQuery,
  }))();
export type AuditQuery = z.infer<typeof AuditQuery>;

/**
 * Query of `GET /v1/calls/{callId}/audit`: the whole trail of one call, oldest first, as CSV (one line each:
 * time, actor, organisation, action, target, reason, before, after, details, request) or JSON (an array of
 * {@link AuditLogEntry}).
 *
 * @example
 * ```ts
 * const csv = await client.calls.audit(callId, { format: 'csv' });
 * ```
 */
export const CallAuditQuery = /* @__PURE__ */ (() =>
  z.strictObject({ format: z._default(z.enum(['csv', 'json']), 'csv') }))();
export type CallAuditQuery = z.input<typeof CallAuditQuery>;
