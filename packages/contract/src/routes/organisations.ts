import {
  Organisation,
  OrganisationParams,
  OrganisationSearchQuery,
  StaffList,
  StaffQuery,
} from '../resources/organisation.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** `GET /v1/organisations` — the public bodies that run calls, consultations and trainings. */
export const searchOrganisations = /* @__PURE__ */ (() =>
  route({
    id: 'organisations.search',
    method: 'GET',
    path: '/v1/organisations',
    tag: 'organisations',
    summary: 'List the organisations (ministries, public establishments, councils)',
    description: 'Filter by level and region; in name order (French, then Arabic).',
    auth: 'public',
    query: OrganisationSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(Organisation), description: 'One page of organisations' },
  }))();

/** `GET /v1/organisations/{organisationId}` — one organisation. */
export const getOrganisation = /* @__PURE__ */ (() =>
  route({
    id: 'organisations.get',
    method: 'GET',
    path: '/v1/organisations/{organisationId}',
    tag: 'organisations',
    summary: 'Read an organisation with its level and region',
    auth: 'public',
    params: OrganisationParams,
    errors: ['not_found'],
    response: { status: 200, schema: Organisation, description: 'The organisation' },
  }))();

/** `GET /v1/organisations/{organisationId}/staff` — who works for an organisation, for its admins and call managers. */
export const listOrganisationStaff = /* @__PURE__ */ (() =>
  route({
    id: 'organisations.staff',
    method: 'GET',
    path: '/v1/organisations/{organisationId}/staff',
    tag: 'organisations',
    summary: "An organisation's staff (and, for reviewers, the independent experts)",
    description:
      "For the organisation's admins and call managers, and platform admins: whom a call can be assigned to. With `role=reviewer`, the independent reviewers of the platform's pool come too. One page at a time, by name then id (`limit`, `cursor`).",
    auth: 'required',
    roles: ['organisation_admin', 'call_manager', 'admin'],
    params: OrganisationParams,
    query: StaffQuery,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    response: { status: 200, schema: StaffList, description: 'One page of the staff, by name' },
  }))();

/** The organisations routes. */
export const organisationRoutes = [searchOrganisations, getOrganisation, listOrganisationStaff] as const;
