import {
  CLAIM_FILE_MAX_BYTES,
  CLAIM_FILE_MEDIA_TYPES,
  type ClaimFileRole,
  type ClaimState,
  claimFile,
  createClaim,
  getClaim,
  type LegalForm,
  listClaims,
  myClaims,
  type RegionCode,
  refuseClaim,
  verifyClaim,
} from '@nassij/contract';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';
import { checkFile, type UploadFile } from '../upload.js';

/** The routes `client.claims` wraps. */
export const claimsRoutes = [
  createClaim,
  listClaims,
  myClaims,
  getClaim,
  claimFile,
  verifyClaim,
  refuseClaim,
] as const;

/**
 * What {@link ClaimsArea.create} takes: the association claimed (its id and its name as the registry has
 * it) or the one to register, the receipt's number and date, and the two files (PDF or image, at most
 * 10 MB each, checked here before a byte is sent).
 *
 * @example
 * ```ts
 * const input: ClaimInput = { kind: 'claim', associationId: 'asso_0003', name: { fr: 'Association Amal' },
 *   receiptNumber: 'REC-2011-0458', receiptDate: '2011-05-14', receipt: pdf, mandate: scan };
 * ```
 */
export type ClaimInput = RequestOptions & {
  receiptNumber: string;
  /** `YYYY-MM-DD`. */
  receiptDate: string;
  receipt: UploadFile;
  mandate: UploadFile;
} & (
    | { kind: 'claim'; associationId: string; name: { ar?: string; fr?: string } }
    | {
        kind: 'register';
        name: { ar: string; fr: string };
        legalForm: LegalForm;
        region: RegionCode;
        commune?: { ar?: string; fr?: string };
        domains: readonly string[];
      }
  );

/**
 * `client.claims`: how an account comes to act for an association. A verified account claims an association
 * of the directory or registers a new one; a platform admin or the organisation admin of the region's
 * council lists, verifies or refuses. Refusals are typed errors: `receipt_already_claimed` (409),
 * `registry_mismatch` (422, naming the field), `email_not_verified` (403), `file_type_not_allowed` (415).
 *
 * @example
 * ```ts
 * const claim = await client.claims.create({ kind: 'claim', associationId, name: { ar: 'جمعية أمل' },
 *   receiptNumber: 'REC-2011-0458', receiptDate: '2011-05-14', receipt: pdf, mandate: pdf });
 * await admin.claims.verify(claim.id);
 * ```
 */
export interface ClaimsArea {
  /**
   * Sends a claim (or a registration) with its receipt and mandate; it stays `pending` until decided.
   *
   * @example
   * ```ts
   * const claim = await client.claims.create({ kind: 'register', name: { ar: 'جمعية النور', fr: 'Association Annour' },
   *   legalForm: 'association', region: 'MA-09', domains: ['education'], receiptNumber: 'REC-2019-7731',
   *   receiptDate: '2019-03-02', receipt: pdf, mandate: pdf });
   * claim.state; // 'pending'
   * ```
   */
  create(input: ClaimInput): Promise<RouteResult<typeof createClaim>>;
  /**
   * A page of the claims the signed-in reviewer decides on, newest first.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await admin.claims.list({ state: 'pending' });
   * ```
   */
  list(
    query?: { state?: ClaimState; limit?: number; cursor?: string },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listClaims>>;
  /**
   * The signed-in account's own claims, newest first.
   *
   * @example
   * ```ts
   * const pending = (await client.claims.mine()).items.filter((claim) => claim.state === 'pending');
   * ```
   */
  mine(options?: RequestOptions): Promise<RouteResult<typeof myClaims>>;
  /**
   * One claim (its claimant and its reviewers).
   *
   * @example
   * ```ts
   * const claim = await client.claims.get(claimId);
   * ```
   */
  get(claimId: string, options?: RequestOptions): Promise<RouteResult<typeof getClaim>>;
  /**
   * The receipt or the mandate of a claim, as a `Blob` of its media type.
   *
   * @example
   * ```ts
   * const receipt = await admin.claims.file(claimId, 'receipt');
   * ```
   */
  file(
    claimId: string,
    file: ClaimFileRole,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof claimFile>>;
  /**
   * Verifies a pending claim: the claimant becomes the representative (a registration creates the association).
   *
   * @example
   * ```ts
   * const verified = await admin.claims.verify(claimId);
   * verified.associationId; // the association the claimant now represents
   * ```
   */
  verify(claimId: string, options?: RequestOptions): Promise<RouteResult<typeof verifyClaim>>;
  /**
   * Refuses a pending claim, with the reason the claimant is mailed.
   *
   * @example
   * ```ts
   * await admin.claims.refuse(claimId, 'Le mandat n’est pas signé.');
   * ```
   */
  refuse(claimId: string, reason: string, options?: RequestOptions): Promise<RouteResult<typeof refuseClaim>>;
}

/** A file part of the claim's form, with its name. */
function appendFile(form: FormData, name: string, file: UploadFile): void {
  if (file instanceof Blob) {
    const fileName = (file as { name?: unknown }).name;
    form.append(name, file, typeof fileName === 'string' ? fileName : name);
  } else form.append(name, new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.type }), file.name);
}

/** The claim's flat form fields, as the route reads them (domains comma-separated). */
function claimForm(input: ClaimInput): FormData {
  const form = new FormData();
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') form.append(name, value);
  };
  set('kind', input.kind);
  set('receiptNumber', input.receiptNumber);
  set('receiptDate', input.receiptDate);
  set('nameAr', input.name.ar);
  set('nameFr', input.name.fr);
  if (input.kind === 'claim') set('associationId', input.associationId);
  else {
    set('legalForm', input.legalForm);
    set('region', input.region);
    set('communeAr', input.commune?.ar);
    set('communeFr', input.commune?.fr);
    set('domains', input.domains.join(','));
  }
  appendFile(form, 'receipt', input.receipt);
  appendFile(form, 'mandate', input.mandate);
  return form;
}

/**
 * Builds `client.claims` over a transport.
 *
 * @example
 * ```ts
 * const claims = claimsArea(client.transport);
 * ```
 */
export function claimsArea(t: Transport): ClaimsArea {
  return {
    // Async, so that a file refused before sending rejects the promise like any other refusal.
    create: async (input) => {
      const rules = { maxBytes: CLAIM_FILE_MAX_BYTES, mediaTypes: CLAIM_FILE_MEDIA_TYPES };
      checkFile(input.receipt, rules);
      checkFile(input.mandate, rules);
      const { signal, timeout, idempotencyKey, headers, validate, locale } = input;
      const options: RequestOptions = { signal, timeout, idempotencyKey, headers, validate, locale };
      const form = claimForm(input);
      // Multipart with two file parts: the transport's one-file upload does not fit, the raw send does.
      return t.send(createClaim, { ...options, body: undefined } as never, { make: () => form });
    },
    list: (query, options) => t.op(listClaims, { query: query ?? {} }, options),
    mine: (options) => t.op(myClaims, {}, options),
    get: (claimId, options) => t.op(getClaim, { params: { claimId } }, options),
    file: (claimId, file, options) => t.op(claimFile, { params: { claimId, file } }, options),
    verify: (claimId, options) => t.op(verifyClaim, { params: { claimId } }, options),
    refuse: (claimId, reason, options) =>
      t.op(refuseClaim, { params: { claimId }, body: { reason } }, options),
  };
}
