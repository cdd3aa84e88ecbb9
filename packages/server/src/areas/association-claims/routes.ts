// The routes of claims on associations. A verified account claims an association of the directory (its
// receipt number and name must match the registry) or registers a new one, with its receipt and a mandate
// (PDF or image); the claim stays pending, giving no right at all, until a reviewer decides: a platform admin,
// or the organisation admin of the regional council of the association's region. Verification makes the
// claimant the representative (and, for a registration, creates the association then, not before); each
// outcome is mailed to the claimant in their language, in the transaction of the decision.
import { randomUUID } from 'node:crypto';
import {
  type Account,
  type Association,
  type AssociationClaim,
  CLAIM_FILE_MAX_BYTES,
  CLAIM_FILE_MEDIA_TYPES,
  type ClaimFields,
  type ClaimFileRole,
  claimFile,
  createClaim,
  foldForSearch,
  getClaim,
  type Locale,
  type LocalizedText,
  listClaims,
  myClaims,
  type ProposedAssociation,
  pickText,
  type RegionCode,
  refuseClaim,
  verifyClaim,
} from '@nassij/contract';
import { isAdmin } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { ApiApp, Handler, HandlerInput } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { enqueueMail } from '../../mail/outbox.js';
import { findAccountById } from '../accounts/store.js';
import { acceptedMediaType, fileDownload, storedFileOr404, storeHeldFile } from '../applications/files.js';
import { cleanFileName } from '../applications/routes.js';
import { makeRepresentative } from '../association-members/store.js';
import { readAssociation, saveAssociation } from '../associations/store.js';
import { readOrganisation } from '../organisations/store.js';
import { claimRefusedMail, claimVerifiedMail } from './mail-messages.js';
import {
  claimsOfAccount,
  decideClaim,
  insertClaim,
  listClaimPage,
  readClaim,
  receiptHeld,
  receiptInDirectory,
  receiptKeyOf,
  type StoredClaim,
  type StoredClaimFile,
} from './store.js';

/** Margin over the two files for the multipart framing and the text fields. */
const MAX_CREATE_BODY_BYTES = 2 * CLAIM_FILE_MAX_BYTES + 64 * 1024;

/** The signed-in account; every route here requires a token, so there always is one. */
function signedIn(auth: Account | null): Account {
  if (!auth) throw problem('unauthenticated');
  return auth;
}

/** An instant as the contract writes it, to the second. */
function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The region whose claims `auth` reviews: `'all'` for a platform admin, the region of the regional council
 * whose organisation admin it is, else `undefined` (no claim at all).
 */
async function reviewedRegion(db: Db, auth: Account | null): Promise<RegionCode | 'all' | undefined> {
  if (isAdmin(auth)) return 'all';
  if (!auth?.roles.includes('organisation_admin') || !auth.organisationId) return undefined;
  const organisation = await readOrganisation(db, auth.organisationId);
  return organisation?.kind === 'regional_council' ? organisation.region : undefined;
}

/** Whether `auth` reviews this claim (and not its own: nobody decides their own claim). */
async function reviewsClaim(db: Db, auth: Account | null, claim: AssociationClaim): Promise<boolean> {
  if (!auth || auth.id === claim.accountId) return false;
  const region = await reviewedRegion(db, auth);
  return region === 'all' || region === claim.region;
}

/** A claim its claimant or one of its reviewers may read; 404 or 403 otherwise. */
async function readableClaim(db: Db, auth: Account | null, claimId: string): Promise<StoredClaim> {
  const stored = await readClaim(db, claimId);
  if (!stored) throw problem('not_found', `No claim ${claimId}`);
  if (stored.claim.accountId !== auth?.id && !(await reviewsClaim(db, auth, stored.claim)))
    throw problem('forbidden', 'Only the claimant and the reviewers of its region read a claim');
  return stored;
}

/** A pending claim `auth` may decide; 404, 403 or 409 otherwise. */
async function decidableClaim(db: Db, auth: Account | null, claimId: string): Promise<StoredClaim> {
  const stored = await readClaim(db, claimId);
  if (!stored) throw problem('not_found', `No claim ${claimId}`);
  if (!(await reviewsClaim(db, auth, stored.claim)))
    throw problem(
      'forbidden',
      'Only a platform admin or the regional council of the association’s region decides this claim',
    );
  if (stored.claim.state !== 'pending')
    throw problem('invalid_state', `The claim is already ${stored.claim.state}`);
  return stored;
}

/** A field error of the claim's body, for `validation_failed` and `registry_mismatch`. */
function fieldError(path: string, code: 'required' | 'invalid_value', message: string) {
  return { errors: [{ path, in: 'body' as const, code, message }] };
}

/** One uploaded file checked (present, within size, PDF or image judged from its bytes). */
async function checkedFile(file: File | undefined, role: ClaimFileRole) {
  if (!file)
    throw problem(
      'validation_failed',
      `The ${role} file is missing`,
      fieldError(`/${role}`, 'required', `Attach the ${role} (PDF or image)`),
    );
  if (file.size > CLAIM_FILE_MAX_BYTES)
    throw problem('file_too_large', `The ${role} file is larger than ${CLAIM_FILE_MAX_BYTES} bytes`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0)
    throw problem(
      'validation_failed',
      `The ${role} file is empty`,
      fieldError(`/${role}`, 'required', 'The file is empty'),
    );
  const mediaType = acceptedMediaType(bytes, CLAIM_FILE_MEDIA_TYPES);
  if (!mediaType)
    throw problem(
      'file_type_not_allowed',
      `The ${role} must be a PDF or an image (${CLAIM_FILE_MEDIA_TYPES.join(', ')})`,
    );
  return { bytes, fileName: cleanFileName(file.name), mediaType };
}

/** Whether a name given by the claimant is the registry's (in its language, else in any), after folding. */
function sameName(given: string, registry: LocalizedText, language: 'ar' | 'fr'): boolean {
  const folded = foldForSearch(given);
  const own = registry[language];
  if (own !== undefined) return foldForSearch(own) === folded;
  return Object.values(registry).some((name) => name !== undefined && foldForSearch(name) === folded);
}

/**
 * What a claim is about, checked against the directory: for `claim`, the association (404 when unknown) whose
 * receipt number and name must match (`registry_mismatch` naming the field); for `register`, the proposed
 * association, whose receipt number must not be in the directory yet.
 */
async function subjectOf(
  db: Db,
  fields: ClaimFields,
): Promise<{
  associationId?: string;
  proposed?: ProposedAssociation;
  name: LocalizedText;
  region: RegionCode;
}> {
  if (fields.kind === 'claim') {
    const associationId = fields.associationId as string;
    const association = await readAssociation(db, associationId);
    if (!association) throw problem('not_found', `No association ${associationId}`);
    if (receiptKeyOf(association.registrationNumber) !== receiptKeyOf(fields.receiptNumber))
      throw problem(
        'registry_mismatch',
        'The receipt number is not the one the registry holds for this association',
        fieldError('/receiptNumber', 'invalid_value', 'Not the receipt number of this association'),
      );
    for (const [path, given, language] of [
      ['/nameAr', fields.nameAr, 'ar'],
      ['/nameFr', fields.nameFr, 'fr'],
    ] as const)
      if (given !== undefined && !sameName(given, association.name, language))
        throw problem(
          'registry_mismatch',
          'The name is not the one the registry holds for this association',
          fieldError(path, 'invalid_value', 'Not the name of this association in the registry'),
        );
    return { associationId, name: association.name, region: association.region };
  }
  if (await receiptInDirectory(db, fields.receiptNumber))
    throw problem(
      'receipt_already_claimed',
      'An association of the directory has this receipt number: claim it instead of registering it',
    );
  const proposed: ProposedAssociation = {
    name: { ar: fields.nameAr as string, fr: fields.nameFr as string },
    legalForm: fields.legalForm as ProposedAssociation['legalForm'],
    region: fields.region as RegionCode,
    ...(fields.communeAr || fields.communeFr
      ? {
          commune: {
            ...(fields.communeAr ? { ar: fields.communeAr } : {}),
            ...(fields.communeFr ? { fr: fields.communeFr } : {}),
          },
        }
      : {}),
    domains: fields.domains as ProposedAssociation['domains'],
  };
  return { proposed, name: proposed.name, region: proposed.region };
}

/** `POST /v1/association-claims`: every check first, then the files stored, then claim and audit at once. */
function createClaimHandler(app: ApiApp): Handler<typeof createClaim> {
  return async ({ body, files, auth, db, now, requestId }) => {
    const account = signedIn(auth);
    if (account.emailVerified === false)
      throw problem('email_not_verified', 'Confirm your e-mail address before claiming an association');
    const receipt = await checkedFile(files.receipt, 'receipt');
    const mandate = await checkedFile(files.mandate, 'mandate');
    const subject = await subjectOf(db, body);
    const pendingHere = async () =>
      subject.associationId !== undefined &&
      (await claimsOfAccount(db, account.id)).some(
        (claim) => claim.state === 'pending' && claim.associationId === subject.associationId,
      );
    const refuseTaken = async () => {
      if (await pendingHere())
        throw problem('already_exists', 'You already have a pending claim on this association');
      if (await receiptHeld(db, body.receiptNumber))
        throw problem('receipt_already_claimed', 'This receipt number is already claimed or verified');
    };
    await refuseTaken();
    const held = [await storeHeldFile(app.dataDir, receipt.bytes)];
    try {
      held.push(await storeHeldFile(app.dataDir, mandate.bytes));
      const stored = (file: typeof receipt, hex: string): StoredClaimFile => ({
        sha256: `sha256:${hex}`,
        fileName: file.fileName,
        size: file.bytes.byteLength,
        mediaType: file.mediaType,
      });
      const id = `clm_${randomUUID().replaceAll('-', '')}`;
      await db
        .atomic(async () => {
          // Again inside the transaction: another claim may have taken the receipt while the files were stored.
          await refuseTaken();
          await insertClaim(
            db,
            {
              id,
              accountId: account.id,
              kind: body.kind,
              ...(subject.associationId ? { associationId: subject.associationId } : {}),
              ...(subject.proposed ? { proposed: subject.proposed } : {}),
              associationName: subject.name,
              region: subject.region,
              receiptNumber: body.receiptNumber,
              receiptDate: body.receiptDate,
              state: 'pending',
              createdAt: instant(now),
            },
            {
              receipt: stored(receipt, (held[0] as { hex: string }).hex),
              mandate: stored(mandate, (held[1] as { hex: string }).hex),
            },
          );
          await audit(db, {
            at: now,
            accountId: account.id,
            action: 'associationClaim.create',
            targetType: 'association_claim',
            targetId: id,
            requestId,
            details: {
              kind: body.kind,
              region: subject.region,
              ...(subject.associationId ? { associationId: subject.associationId } : {}),
            },
          });
        })
        .catch((error: unknown) => {
          // Two claims on one receipt at the same instant: the unique index lets one through, the other is told.
          if (isUniqueViolation(error))
            throw problem('receipt_already_claimed', 'This receipt number is already claimed or verified');
          throw error;
        });
      const created = await readClaim(db, id);
      if (!created) throw new Error(`Claim ${id} is missing after its insert`);
      return { status: 201, body: created.claim };
    } finally {
      for (const hold of held) hold.release();
    }
  };
}

/** `GET /v1/association-claims` */
async function listClaimsHandler({ query, auth, db }: HandlerInput<typeof listClaims>) {
  const region = await reviewedRegion(db, auth);
  if (!region) throw problem('forbidden', 'Only platform admins and regional councils review claims');
  const page = await listClaimPage(db, {
    state: query.state,
    region: region === 'all' ? undefined : region,
    limit: query.limit,
    cursor: query.cursor,
  });
  return { body: page };
}

/** `GET /v1/association-claims/mine` */
async function myClaimsHandler({ auth, db }: HandlerInput<typeof myClaims>) {
  return { body: { items: await claimsOfAccount(db, signedIn(auth).id) } };
}

/** `GET /v1/association-claims/{claimId}` */
async function getClaimHandler({ params, auth, db }: HandlerInput<typeof getClaim>) {
  return { body: (await readableClaim(db, auth, params.claimId)).claim };
}

/** `GET /v1/association-claims/{claimId}/files/{file}` */
function claimFileHandler(app: ApiApp): Handler<typeof claimFile> {
  return async ({ params, auth, db }) => {
    const stored = await readableClaim(db, auth, params.claimId);
    const file = stored.files[params.file];
    return fileDownload(await storedFileOr404(app.dataDir, file.sha256, 'claim'), file);
  };
}

/** The claimant's address and language (Arabic when they chose none), for the outcome's mail. */
async function claimantOf(db: Db, accountId: string): Promise<{ email: string; locale: Locale } | undefined> {
  const row = await findAccountById(db, accountId);
  return row ? { email: row.email, locale: (row.locale as Locale | null) ?? 'ar' } : undefined;
}

/** The association a verified registration creates, from what the claim proposed and its receipt. */
function registeredAssociation(claim: AssociationClaim, proposed: ProposedAssociation): Association {
  return {
    id: `asso_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    registrationNumber: claim.receiptNumber,
    name: proposed.name,
    legalForm: proposed.legalForm,
    // The receipt is delivered when the association is declared: its date is the founding date on record.
    foundedOn: claim.receiptDate,
    region: proposed.region,
    ...(proposed.commune ? { commune: proposed.commune } : {}),
    domains: proposed.domains,
    sizeBand: 'none',
    contact: {},
    publicUtility: proposed.legalForm === 'public_utility_association',
    compliance: { annualReportsFiled: [] },
  };
}

/** `POST /v1/association-claims/{claimId}/verify` */
function verifyClaimHandler(app: ApiApp): Handler<typeof verifyClaim> {
  return async ({ params, auth, db, now, requestId, c }) => {
    const reviewer = signedIn(auth);
    const { claim } = await decidableClaim(db, auth, params.claimId);
    let associationId = claim.associationId;
    let created: Association | undefined;
    if (claim.kind === 'claim') {
      if (!associationId || !(await readAssociation(db, associationId)))
        throw problem('not_found', `The association ${associationId} is no longer in the directory`);
    } else {
      if (await receiptInDirectory(db, claim.receiptNumber))
        throw problem(
          'receipt_already_claimed',
          'An association of the directory has this receipt number now',
        );
      created = registeredAssociation(claim, claim.proposed as ProposedAssociation);
      associationId = created.id;
    }
    if (created) await saveAssociation(db, created);
    const former = await makeRepresentative(db, associationId as string, claim.accountId, now);
    if (
      !(await decideClaim(db, claim.id, {
        state: 'verified',
        by: reviewer.id,
        at: instant(now),
        associationId,
      }))
    )
      throw new Error(`Claim ${claim.id} was decided meanwhile`);
    await audit(db, {
      at: now,
      accountId: reviewer.id,
      action: 'associationClaim.verify',
      targetType: 'association_claim',
      targetId: claim.id,
      requestId,
      details: {
        kind: claim.kind,
        associationId,
        claimantId: claim.accountId,
        formerRepresentatives: former,
        ...(created ? { created: true } : {}),
      },
    });
    const claimant = await claimantOf(db, claim.accountId);
    if (claimant)
      await enqueueMail(db, {
        to: claimant.email,
        locale: claimant.locale,
        kind: 'claim.verified',
        accountId: claim.accountId,
        ...claimVerifiedMailFor(
          claimant.locale,
          claim,
          `${app.publicUrl(c)}/my-association/?lang=${claimant.locale}`,
        ),
      });
    const decided = await readClaim(db, claim.id);
    if (!decided) throw new Error(`Claim ${claim.id} is missing`);
    return { body: decided.claim };
  };
}

function claimVerifiedMailFor(locale: Locale, claim: AssociationClaim, url: string) {
  return claimVerifiedMail(locale, {
    association: pickText(claim.associationName, locale).text,
    kind: claim.kind,
    url,
  });
}

/** `POST /v1/association-claims/{claimId}/refuse` */
async function refuseClaimHandler({
  params,
  body,
  auth,
  db,
  now,
  requestId,
}: HandlerInput<typeof refuseClaim>) {
  const reviewer = signedIn(auth);
  const { claim } = await decidableClaim(db, auth, params.claimId);
  if (
    !(await decideClaim(db, claim.id, {
      state: 'refused',
      by: reviewer.id,
      at: instant(now),
      reason: body.reason,
    }))
  )
    throw new Error(`Claim ${claim.id} was decided meanwhile`);
  await audit(db, {
    at: now,
    accountId: reviewer.id,
    action: 'associationClaim.refuse',
    targetType: 'association_claim',
    targetId: claim.id,
    requestId,
    reason: body.reason,
    details: {
      kind: claim.kind,
      claimantId: claim.accountId,
      ...(claim.associationId ? { associationId: claim.associationId } : {}),
    },
  });
  const claimant = await claimantOf(db, claim.accountId);
  if (claimant)
    await enqueueMail(db, {
      to: claimant.email,
      locale: claimant.locale,
      kind: 'claim.refused',
      accountId: claim.accountId,
      ...claimRefusedMail(claimant.locale, {
        association: pickText(claim.associationName, claimant.locale).text,
        reason: body.reason,
      }),
    });
  const decided = await readClaim(db, claim.id);
  if (!decided) throw new Error(`Claim ${claim.id} is missing`);
  return { body: decided.claim };
}

/**
 * Binds the claims routes (`mine` before `{claimId}`, which would take "mine" for an id).
 *
 * @example
 * ```ts
 * registerClaimRoutes(app);
 * ```
 */
export function registerClaimRoutes(app: ApiApp): void {
  app.bind(createClaim, createClaimHandler(app), { maxBodyBytes: MAX_CREATE_BODY_BYTES, awaitsIo: true });
  app.bind(listClaims, listClaimsHandler);
  app.bind(myClaims, myClaimsHandler);
  app.bind(getClaim, getClaimHandler);
  app.bind(claimFile, claimFileHandler(app));
  app.bind(verifyClaim, verifyClaimHandler(app));
  app.bind(refuseClaim, refuseClaimHandler);
}
