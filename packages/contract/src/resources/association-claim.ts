// How an account comes to act for an association: it claims an association of the directory, or registers a
// new one, with the receipt (récépissé de dépôt) the local authority delivered and a mandate; the platform
// admin, or the staff of the association's regional council, verifies or refuses. Until verified the
// account holds no membership and can do nothing in the association's name.
import * as z from 'zod/mini';
import { Id, RegionCode } from '../shared/ids.js';
import { CalendarDate, Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';
import { PageQuery } from '../shared/page.js';
import { Association, LegalForm } from './association.js';

/**
 * What a claim asks: `claim` an association already in the directory, or `register` a new one (created only
 * once the claim is verified).
 *
 * @example
 * ```ts
 * ClaimKind.parse('register'); // 'register'
 * ```
 */
export const CLAIM_KINDS = ['claim', 'register'] as const;
export const ClaimKind = /* @__PURE__ */ (() => z.enum(CLAIM_KINDS))();
export type ClaimKind = z.infer<typeof ClaimKind>;

/**
 * Where a claim stands: `pending` until a reviewer decides, then `verified` (the claimant represents the
 * association) or `refused` (with the reason).
 *
 * @example
 * ```ts
 * ClaimState.parse('pending'); // 'pending'
 * ```
 */
export const CLAIM_STATES = ['pending', 'verified', 'refused'] as const;
export const ClaimState = /* @__PURE__ */ (() => z.enum(CLAIM_STATES))();
export type ClaimState = z.infer<typeof ClaimState>;

/** The two files of a claim: the registration receipt and the mandate naming the claimant. */
export const CLAIM_FILES = ['receipt', 'mandate'] as const;
export const ClaimFileRole = /* @__PURE__ */ (() => z.enum(CLAIM_FILES))();
export type ClaimFileRole = z.infer<typeof ClaimFileRole>;

/** The formats a claim's file may have, judged by the server from its bytes: PDF or an image. */
export const CLAIM_FILE_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** Largest file of a claim, in bytes (10 MB). */
export const CLAIM_FILE_MAX_BYTES = 10 * 1024 * 1024;

/** The number of a registration receipt, as `Association.registrationNumber` holds it. */
export const ReceiptNumber = /* @__PURE__ */ (() => Association.shape.registrationNumber)();

/**
 * A claim's file as the API describes it (the bytes are read through `claims.file`).
 *
 * @example
 * ```ts
 * const file: ClaimFile = { fileName: 'recepisse.pdf', size: 48_213, mediaType: 'application/pdf' };
 * ```
 */
export const ClaimFile = /* @__PURE__ */ (() =>
  z.strictObject({
    fileName: z.string().check(z.minLength(1), z.maxLength(255)),
    size: z.number().check(z.int(), z.nonnegative()),
    mediaType: z.string(),
  }))();
export type ClaimFile = z.infer<typeof ClaimFile>;

/**
 * The association a `register` claim proposes, with the Association schema's own field schemas: names in
 * Arabic and French (both required), legal form, region, commune and domains. The registration number and
 * founding date are the claim's receipt number and date.
 *
 * @example
 * ```ts
 * const proposed: ProposedAssociation = { name: { ar: 'جمعية النور', fr: 'Association Annour' },
 *   legalForm: 'association', region: 'MA-09', commune: { fr: 'Tiznit' }, domains: ['education'] };
 * ```
 */
export const ProposedAssociation = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.strictObject({
      ar: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      fr: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
    }),
    legalForm: LegalForm,
    region: RegionCode,
    commune: z.optional(LocalizedText),
    domains: Association.shape.domains,
  }))();
export type ProposedAssociation = z.infer<typeof ProposedAssociation>;

/**
 * A claim on an association: who claims (`accountId`, `claimantName`), what (`kind`, the association's id
 * for `claim` — or, for `register`, the proposed association and, once verified, the id it was created
 * with), the receipt's number and date, the two files, where it stands and who decided when. `region` is the
 * association's, which decides which regional council may review it.
 *
 * @example
 * ```ts
 * const claim = await client.claims.get(claimId);
 * if (claim.state === 'refused') console.log(claim.reason);
 * ```
 */
export const AssociationClaim = /* @__PURE__ */ (() =>
  z.strictObject({
    id: Id,
    accountId: Id,
    claimantName: z.string().check(z.minLength(1), z.maxLength(120)),
    kind: ClaimKind,
    associationId: z.optional(Id),
    proposed: z.optional(ProposedAssociation),
    associationName: LocalizedText,
    region: RegionCode,
    receiptNumber: ReceiptNumber,
    receiptDate: CalendarDate,
    receipt: ClaimFile,
    mandate: ClaimFile,
    state: ClaimState,
    reason: z.optional(z.string().check(z.maxLength(2000))),
    createdAt: Instant,
    decidedBy: z.optional(Id),
    decidedAt: z.optional(Instant),
  }))();
export type AssociationClaim = z.infer<typeof AssociationClaim>;

/** A comma-separated list of domain codes in a form field, as a list (`education,youth`). */
const DomainList = /* @__PURE__ */ (() =>
  z.pipe(
    z.pipe(
      z.string(),
      z.transform((text: string) =>
        text
          .split(',')
          .map((code) => code.trim())
          .filter((code) => code !== ''),
      ),
    ),
    Association.shape.domains,
  ))();

const FormText = /* @__PURE__ */ (() => z.string().check(z.trim(), z.minLength(1), z.maxLength(300)))();

/**
 * The fields of `POST /v1/association-claims` (`multipart/form-data`, beside the `receipt` and `mandate`
 * file parts, PDF or image): flat text fields, so that a plain HTML form can send them. `claim` names
 * `associationId` and its name as the registry has it (`nameAr` or `nameFr`, compared after search folding);
 * `register` names the new association (`nameAr`, `nameFr`, `legalForm`, `region`,
 * `domains` as comma-separated codes, optional `communeAr`/`communeFr`). Both give the receipt's number and
 * date.
 *
 * @example
 * ```ts
 * ClaimFields.parse({ kind: 'claim', associationId: 'asso_0001', nameFr: 'Association Tifawin',
 *   receiptNumber: 'REC-2008-0001', receiptDate: '2008-03-01' });
 * ```
 */
export const ClaimFields = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: ClaimKind,
      associationId: z.optional(Id),
      receiptNumber: ReceiptNumber,
      receiptDate: CalendarDate,
      nameAr: z.optional(FormText),
      nameFr: z.optional(FormText),
      legalForm: z.optional(LegalForm),
      region: z.optional(RegionCode),
      communeAr: z.optional(FormText),
      communeFr: z.optional(FormText),
      domains: z.optional(DomainList),
    })
    .check(
      z.refine((fields) => fields.kind !== 'claim' || fields.associationId !== undefined, {
        message: 'A claim names the association it claims',
        path: ['associationId'],
      }),
      z.refine(
        (fields) => fields.kind !== 'claim' || fields.nameAr !== undefined || fields.nameFr !== undefined,
        {
          message: 'A claim gives the association’s name (Arabic or French), as in the registry',
          path: ['nameAr'],
        },
      ),
      z.refine((fields) => fields.kind !== 'register' || fields.nameAr !== undefined, {
        message: 'A registration gives the Arabic name',
        path: ['nameAr'],
      }),
      z.refine((fields) => fields.kind !== 'register' || fields.nameFr !== undefined, {
        message: 'A registration gives the French name',
        path: ['nameFr'],
      }),
      z.refine((fields) => fields.kind !== 'register' || fields.legalForm !== undefined, {
        message: 'A registration gives the legal form',
        path: ['legalForm'],
      }),
      z.refine((fields) => fields.kind !== 'register' || fields.region !== undefined, {
        message: 'A registration gives the region',
        path: ['region'],
      }),
      z.refine((fields) => fields.kind !== 'register' || fields.domains !== undefined, {
        message: 'A registration gives at least one domain',
        path: ['domains'],
      }),
    ))();
export type ClaimFields = z.infer<typeof ClaimFields>;

/**
 * Query of `GET /v1/association-claims`: an optional state, and the page fields (newest first).
 *
 * @example
 * ```ts
 * ClaimListQuery.parse({ state: 'pending' }); // { state: 'pending', limit: 20 }
 * ```
 */
export const ClaimListQuery = /* @__PURE__ */ (() =>
  z.strictObject({ state: z.optional(ClaimState), ...PageQuery }))();
export type ClaimListQuery = z.infer<typeof ClaimListQuery>;

/**
 * Path params of `/v1/association-claims/{claimId}`.
 *
 * @example
 * ```ts
 * ClaimParams.parse({ claimId: 'clm_8f2c' });
 * ```
 */
export const ClaimParams = /* @__PURE__ */ (() => z.strictObject({ claimId: Id }))();
export type ClaimParams = z.infer<typeof ClaimParams>;

/**
 * Path params of `/v1/association-claims/{claimId}/files/{file}`.
 *
 * @example
 * ```ts
 * ClaimFileParams.parse({ claimId: 'clm_8f2c', file: 'receipt' });
 * ```
 */
export const ClaimFileParams = /* @__PURE__ */ (() => z.strictObject({ claimId: Id, file: ClaimFileRole }))();
export type ClaimFileParams = z.infer<typeof ClaimFileParams>;

/**
 * Body of `POST /v1/association-claims/{claimId}/refuse`: why, in words the claimant reads.
 *
 * @example
 * ```ts
 * RefuseClaim.parse({ reason: 'Le mandat n’est pas signé par le bureau.' });
 * ```
 */
export const RefuseClaim = /* @__PURE__ */ (() =>
  z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)) }))();
export type RefuseClaim = z.infer<typeof RefuseClaim>;

/**
 * Response of `GET /v1/association-claims/mine`: every claim of the signed-in account, newest first (an
 * account makes a handful at most).
 *
 * @example
 * ```ts
 * const { items } = await client.claims.mine();
 * items.filter((claim) => claim.state === 'pending');
 * ```
 */
export const MyClaims = /* @__PURE__ */ (() => z.strictObject({ items: z.array(AssociationClaim) }))();
export type MyClaims = z.infer<typeof MyClaims>;
