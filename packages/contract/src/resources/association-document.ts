import * as z from 'zod/mini';
import { Id, Sha256 } from '../shared/ids.js';
import { CalendarDate, Instant } from '../shared/instant.js';
import { Page, PageQuery } from '../shared/page.js';
import type { FieldError } from '../shared/problem.js';
import { casablancaDate } from '../shared/time.js';
import type { Attachment } from './application.js';
import { Year } from './association.js';

/**
 * What a document of an association's vault is: its statutes, the minutes of a general assembly, the
 * activity or financial report of a year, or a bank certificate (RIB attestation).
 *
 * @example
 * ```ts
 * VaultDocumentKind.parse('activity_report'); // 'activity_report'
 * ```
 */
export const VAULT_DOCUMENT_KINDS = [
  'statutes',
  'general_assembly_minutes',
  'activity_report',
  'financial_report',
  'bank_certificate',
] as const;
export const VaultDocumentKind = /* @__PURE__ */ (() => z.enum(VAULT_DOCUMENT_KINDS))();
export type VaultDocumentKind = z.infer<typeof VaultDocumentKind>;

/** Kinds filed for a year: a document of these kinds names its `year`. */
export const YEARLY_VAULT_KINDS: readonly VaultDocumentKind[] = ['activity_report', 'financial_report'];

/** Media types the vault keeps (sniffed from the bytes): PDF or an image (a scan). */
export const VAULT_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** Largest document the vault keeps, in bytes. */
export const MAX_VAULT_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Whether a document valid until `validUntil` (a date, inclusive) has expired on `today`, a date in
 * Africa/Casablanca. A document with no end of validity never expires.
 *
 * @example
 * ```ts
 * isExpiredOn('2026-03-31', '2026-04-01'); // true
 * isExpiredOn('2026-03-31', '2026-03-31'); // false
 * ```
 */
export function isExpiredOn(validUntil: string | undefined, today: string): boolean {
  return validUntil !== undefined && validUntil < today;
}

/**
 * A document of an association's vault, as its members read it. `expired` is computed by the server from
 * its clock (Casablanca date after `validUntil`); the file is served by
 * `GET /v1/associations/{associationId}/documents/{documentId}/content` once the scan found it clean.
 *
 * @example
 * ```ts
 * const doc: VaultDocument = { id: 'vdoc_1', associationId: 'asso_12', kind: 'activity_report', year: 2025,
 *   fileName: 'rapport-2025.pdf', size: 48_213, mediaType: 'application/pdf', sha256: `sha256:${'0'.repeat(64)}`,
 *   scanState: 'clean', uploadedAt: '2026-03-02T08:00:00Z', expired: false };
 * ```
 */
export const VaultDocument = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    associationId: Id,
    kind: VaultDocumentKind,
    /** The year a report covers (activity and financial reports only). */
    year: z.optional(Year),
    validFrom: z.optional(CalendarDate),
    /** Last day the document is valid (a bank certificate, a mandate); absent when it does not expire. */
    validUntil: z.optional(CalendarDate),
    fileName: z.string().check(z.minLength(1), z.maxLength(255)),
    size: z.number().check(z.int(), z.nonnegative()),
    mediaType: z.enum(VAULT_MEDIA_TYPES),
    sha256: Sha256,
    scanState: z.enum(['pending', 'clean', 'infected', 'error']),
    /** The member who uploaded it; absent for documents the platform seeded or imported. */
    uploadedBy: z.optional(Id),
    uploadedAt: Instant,
    expired: z.boolean(),
  }))();
export type VaultDocument = z.infer<typeof VaultDocument>;

/**
 * Response of `GET /v1/associations/{associationId}/documents`: one page of the vault, newest year first
 * (documents without a year last), then by kind, the latest upload first. The vault grows every year: a
 * client that shows it all follows `nextCursor`.
 *
 * @example
 * ```ts
 * const page: VaultDocumentList = { items: [doc], nextCursor: null };
 * ```
 */
export const VaultDocumentList = /* @__PURE__ */ (() => Page(VaultDocument))();
export type VaultDocumentList = z.infer<typeof VaultDocumentList>;

/** Query of `GET /v1/associations/{associationId}/documents`: the page (`limit`, `cursor`). */
export const VaultDocumentQuery = /* @__PURE__ */ (() => z.strictObject({ ...PageQuery }))();
export type VaultDocumentQuery = z.infer<typeof VaultDocumentQuery>;

/** A year as a multipart field carries it (text). */
const YearText = /* @__PURE__ */ (() => z.string().check(z.regex(/^(19|20)\d{2}$/)))();

/**
 * Fields of the multipart upload `POST /v1/associations/{associationId}/documents` besides the `file` part.
 * `year` is required for activity and financial reports and refused for the other kinds; `validUntil` may
 * not come before `validFrom`.
 *
 * @example
 * ```ts
 * UploadVaultDocument.parse({ kind: 'financial_report', year: '2025' });
 * UploadVaultDocument.parse({ kind: 'bank_certificate', validUntil: '2026-12-31' });
 * ```
 */
export const UploadVaultDocument = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: VaultDocumentKind,
      year: z.optional(YearText),
      validFrom: z.optional(CalendarDate),
      validUntil: z.optional(CalendarDate),
    })
    .check(
      z.refine((body) => !YEARLY_VAULT_KINDS.includes(body.kind) || body.year !== undefined, {
        message: 'A report names the year it covers',
        path: ['year'],
        params: { code: 'required' },
      }),
      z.refine((body) => YEARLY_VAULT_KINDS.includes(body.kind) || body.year === undefined, {
        message: 'Only activity and financial reports name a year',
        path: ['year'],
        params: { code: 'not_allowed' },
      }),
      z.refine(
        (body) =>
          body.validFrom === undefined || body.validUntil === undefined || body.validFrom <= body.validUntil,
        { message: 'The end of validity comes after its start', path: ['validUntil'] },
      ),
    ))();
export type UploadVaultDocument = z.infer<typeof UploadVaultDocument>;

/**
 * Path params of `/v1/associations/{associationId}/documents/{documentId}`.
 *
 * @example
 * ```ts
 * VaultDocumentParams.parse({ associationId: 'asso_12', documentId: 'vdoc_1' });
 * ```
 */
export const VaultDocumentParams = /* @__PURE__ */ (() =>
  z.strictObject({ associationId: Id, documentId: Id }))();
export type VaultDocumentParams = z.infer<typeof VaultDocumentParams>;

/**
 * Body of `POST /v1/applications/{applicationId}/attachments/from-vault`: the call's document requirement
 * (`documentId`) answered with a document of the association's vault, without uploading it again.
 *
 * @example
 * ```ts
 * const body: AttachFromVault = { documentId: 'statutes', vaultDocumentId: 'vdoc_1' };
 * ```
 */
export const AttachFromVault = /* @__PURE__ */ (() =>
  z.strictObject({ documentId: Id, vaultDocumentId: Id }))();
export type AttachFromVault = z.infer<typeof AttachFromVault>;

/**
 * The attachments of an application taken from the vault whose document has expired, or expires before the
 * call closes, as field errors (`/attachments/<documentId>`, reason `document_expired`): the form warns
 * with them before submitting, and the server refuses a submission with them (`422 document_expired`).
 *
 * @example
 * ```ts
 * const warnings = expiredAttachmentErrors(application.attachments, call.dates.closes?.at, new Date());
 * if (warnings.length > 0) showWarnings(warnings);
 * ```
 */
export function expiredAttachmentErrors(
  attachments: readonly Pick<Attachment, 'documentId' | 'fileName' | 'validUntil' | 'vaultDocumentId'>[],
  closesAt: string | undefined,
  now: Date,
): FieldError[] {
  const today = casablancaDate(now);
  const closing = closesAt ? casablancaDate(closesAt) : today;
  const errors: FieldError[] = [];
  for (const attachment of attachments) {
    const { validUntil } = attachment;
    if (validUntil === undefined) continue;
    if (!isExpiredOn(validUntil, today) && !isExpiredOn(validUntil, closing)) continue;
    errors.push({
      path: `/attachments/${attachment.documentId}`,
      in: 'body',
      code: 'invalid',
      message: `"${attachment.fileName}" is valid until ${validUntil}: upload a newer one to the vault`,
      params: {
        reason: 'document_expired',
        documentId: attachment.documentId,
        validUntil,
        ...(attachment.vaultDocumentId ? { vaultDocumentId: attachment.vaultDocumentId } : {}),
      },
    });
  }
  return errors;
}
