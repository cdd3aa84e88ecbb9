import {
  Association,
  AssociationParams,
  AssociationSearchQuery,
  AssociationSummary,
  MyAssociations,
} from '../resources/association.js';
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

/** The association routes. */
export const associationRoutes = [searchAssociations, getAssociation, myAssociations] as const;
