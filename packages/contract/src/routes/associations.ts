import {
  Association,
  AssociationParams,
  AssociationSearchQuery,
  AssociationSummary,
  MyAssociations,
} from '../resources/association.js';
import { AssociationProfile, AssociationProfilePatch } from '../resources/association-profile.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** `GET /v1/associations` — search the public directory of associations. */
export const searchAssociations = /* @__PURE__ */ (() =>
  route({
    id: 'associations.search',
    method: 'GET',
    path: '/v1/associations',
    tag: 'associations',
    summary: 'Search associations',
    description:
      'Free text over names and acronyms, filtered by region, domain, legal form and public-utility status. ' +
      'The page carries facets `region`, `domain` and `legalForm`.',
    auth: 'public',
    query: AssociationSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(AssociationSummary), description: 'A page of associations' },
  }))();

/** `GET /v1/associations/{associationId}` — one association's public record. */
export const getAssociation = /* @__PURE__ */ (() =>
  route({
    id: 'associations.get',
    method: 'GET',
    path: '/v1/associations/{associationId}',
    tag: 'associations',
    summary: 'Read one association',
    auth: 'public',
    params: AssociationParams,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, schema: Association, description: 'The association' },
  }))();

/** `GET /v1/me/associations` — the associations of the signed-in account, each with its role there. */
export const myAssociations = /* @__PURE__ */ (() =>
  route({
    id: 'associations.mine',
    method: 'GET',
    path: '/v1/me/associations',
    tag: 'associations',
    summary: 'My associations',
    auth: 'required',
    errors: ['token_expired'],
    response: { status: 200, schema: MyAssociations, description: 'The associations the account belongs to' },
  }))();

/** `GET /v1/associations/{associationId}/profile` — the editable profile, hidden contacts included. */
export const getAssociationProfile = /* @__PURE__ */ (() =>
  route({
    id: 'associations.profile',
    method: 'GET',
    path: '/v1/associations/{associationId}/profile',
    tag: 'associations',
    summary: "Read an association's editable profile",
    description:
      'For members of the association and platform admins: every contact with whether it is shown. Its ETag is the one `PATCH` takes in `If-Match`.',
    auth: 'required',
    params: AssociationParams,
    errors: ['forbidden', 'not_found'],
    response: { status: 200, schema: AssociationProfile, description: 'The profile' },
  }))();

/** `PATCH /v1/associations/{associationId}` — edit the public profile (representative or admin). */
export const updateAssociation = /* @__PURE__ */ (() =>
  route({
    id: 'associations.update',
    method: 'PATCH',
    path: '/v1/associations/{associationId}',
    tag: 'associations',
    summary: "Edit an association's profile",
    description:
      'Descriptions, website (http or https only), contacts each shown or hidden, removing the logo. By the representative or a platform admin, with `If-Match` (the ETag of the profile or of the public record).',
    auth: 'required',
    params: AssociationParams,
    body: AssociationProfilePatch,
    ifMatch: 'required',
    idempotent: true,
    errors: ['forbidden', 'not_found', 'precondition_failed', 'precondition_required'],
    response: { status: 200, schema: AssociationProfile, description: 'The saved profile (new ETag)' },
  }))();

/** `PUT /v1/associations/{associationId}/logo` — upload the logo (multipart `file`: PNG or JPEG). */
export const uploadAssociationLogo = /* @__PURE__ */ (() =>
  route({
    id: 'associations.uploadLogo',
    method: 'PUT',
    path: '/v1/associations/{associationId}/logo',
    tag: 'associations',
    summary: "Upload an association's logo",
    description:
      'By the representative or a platform admin. PNG or JPEG, judged from the content, at most 512 KB; replaces the previous logo.',
    auth: 'required',
    params: AssociationParams,
    bodyKind: 'multipart',
    idempotent: true,
    errors: ['forbidden', 'not_found', 'file_too_large', 'file_type_not_allowed', 'payload_too_large'],
    response: { status: 200, schema: AssociationProfile, description: 'The profile with its new logo' },
  }))();

/** `GET /v1/associations/{associationId}/logo` — the logo image, public. */
export const getAssociationLogo = /* @__PURE__ */ (() =>
  route({
    id: 'associations.logo',
    method: 'GET',
    path: '/v1/associations/{associationId}/logo',
    tag: 'associations',
    summary: "Read an association's logo",
    auth: 'public',
    params: AssociationParams,
    errors: ['not_found'],
    response: { status: 200, contentType: 'image/*', description: 'The logo (PNG or JPEG), with an ETag' },
  }))();

/** The association routes. */
export const associationRoutes = [
  searchAssociations,
  getAssociation,
  myAssociations,
  getAssociationProfile,
  updateAssociation,
  uploadAssociationLogo,
  getAssociationLogo,
] as const;
