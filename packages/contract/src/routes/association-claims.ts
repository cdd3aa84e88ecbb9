// Claims on associations: a verified account claims an association of the directory or registers a new one
// with its receipt and a mandate; the platform admin, or the organisation admin of the association's regional
// council, verifies or refuses it. Only verification gives the claimant a membership (representative).

import {
  AssociationClaim,
  ClaimFields,
  ClaimFileParams,
  ClaimListQuery,
  ClaimParams,
  MyClaims,
  RefuseClaim,
} from '../resources/association-claim.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** `POST /v1/association-claims` — claim an association, or register a new one. */
export const createClaim = /* @__PURE__ */ (() =>
  route({
    id: 'claims.create',
    method: 'POST',
    path: '/v1/association-claims',
    tag: 'association-claims',
    summary: 'Claim an association or register a new one',
    description:
      '`multipart/form-data`: the fields of `ClaimFields` and two file parts, `receipt` (the récépissé) and `mandate`, each a PDF or an image of at most 10 MB (judged from the bytes). The account must have verified its e-mail (403 `email_not_verified`). A receipt number already claimed or verified answers 409 `receipt_already_claimed`; a claim whose receipt number or name does not match the directory, 422 `registry_mismatch` naming the field; a second pending claim of the account on the same association, 409 `already_exists`. The claim is `pending`: nothing is done in the association’s name until it is verified.',
    auth: 'required',
    body: ClaimFields,
    bodyKind: 'multipart',
    errors: [
      'validation_failed',
      'not_found',
      'email_not_verified',
      'receipt_already_claimed',
      'registry_mismatch',
      'already_exists',
      'file_type_not_allowed',
      'file_too_large',
      'payload_too_large',
      'unsupported_media_type',
    ],
    idempotent: true,
    response: { status: 201, schema: AssociationClaim, description: 'The pending claim' },
  }))();

/** `GET /v1/association-claims` — the claims a reviewer decides on. */
export const listClaims = /* @__PURE__ */ (() =>
  route({
    id: 'claims.list',
    method: 'GET',
    path: '/v1/association-claims',
    tag: 'association-claims',
    summary: 'List the claims to review, newest first',
    description:
      'Platform admins see every claim; the organisation admin of a regional council sees the claims on associations of its region. Filter by `state`.',
    auth: 'required',
    roles: ['admin', 'organisation_admin'],
    query: ClaimListQuery,
    errors: ['validation_failed', 'forbidden'],
    response: { status: 200, schema: Page(AssociationClaim), description: 'A page of claims' },
  }))();

/** `GET /v1/association-claims/mine` — the signed-in account's own claims. */
export const myClaims = /* @__PURE__ */ (() =>
  route({
    id: 'claims.mine',
    method: 'GET',
    path: '/v1/association-claims/mine',
    tag: 'association-claims',
    summary: 'My claims',
    auth: 'required',
    errors: ['token_expired'],
    response: { status: 200, schema: MyClaims, description: 'The claims of the account, newest first' },
  }))();

/** `GET /v1/association-claims/{claimId}` — one claim, for its claimant and its reviewers. */
export const getClaim = /* @__PURE__ */ (() =>
  route({
    id: 'claims.get',
    method: 'GET',
    path: '/v1/association-claims/{claimId}',
    tag: 'association-claims',
    summary: 'Read one claim',
    auth: 'required',
    params: ClaimParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: AssociationClaim, description: 'The claim' },
  }))();

/** `GET /v1/association-claims/{claimId}/files/{file}` — the receipt or the mandate of a claim. */
export const claimFile = /* @__PURE__ */ (() =>
  route({
    id: 'claims.file',
    method: 'GET',
    path: '/v1/association-claims/{claimId}/files/{file}',
    tag: 'association-claims',
    summary: 'Download the receipt or the mandate of a claim',
    description: 'The claimant and the claim’s reviewers only; sent as an attachment with its media type.',
    auth: 'required',
    params: ClaimFileParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, contentType: 'application/octet-stream', description: 'The file' },
  }))();

/** `POST /v1/association-claims/{claimId}/verify` — the claimant becomes the representative. */
export const verifyClaim = /* @__PURE__ */ (() =>
  route({
    id: 'claims.verify',
    method: 'POST',
    path: '/v1/association-claims/{claimId}/verify',
    tag: 'association-claims',
    summary: 'Verify a claim',
    description:
      'The claimant becomes the association’s representative (a previous representative stays a member); a registration creates the association now, and not before. Only a pending claim (409 `invalid_state`); a receipt number taken meanwhile answers 409 `receipt_already_claimed`. The claimant is mailed the outcome.',
    auth: 'required',
    roles: ['admin', 'organisation_admin'],
    params: ClaimParams,
    errors: ['not_found', 'forbidden', 'invalid_state', 'receipt_already_claimed'],
    idempotent: true,
    response: { status: 200, schema: AssociationClaim, description: 'The verified claim' },
  }))();

/** `POST /v1/association-claims/{claimId}/refuse` — refuse a claim, saying why. */
export const refuseClaim = /* @__PURE__ */ (() =>
  route({
    id: 'claims.refuse',
    method: 'POST',
    path: '/v1/association-claims/{claimId}/refuse',
    tag: 'association-claims',
    summary: 'Refuse a claim',
    description:
      'Only a pending claim (409 `invalid_state`). A refused registration leaves no association behind. The claimant is mailed the reason.',
    auth: 'required',
    roles: ['admin', 'organisation_admin'],
    params: ClaimParams,
    body: RefuseClaim,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: AssociationClaim, description: 'The refused claim' },
  }))();

/** The routes of claims on associations. */
export const associationClaimRoutes = [
  createClaim,
  listClaims,
  myClaims,
  getClaim,
  claimFile,
  verifyClaim,
  refuseClaim,
] as const;
