import { getOrganisation, listOrganisationStaff, searchOrganisations } from '@nassij/contract';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { runsCallsOf } from './organisation.js';
import { listStaffPage, readOrganisation, searchOrganisations as searchOrganisationRows } from './store.js';

/**
 * `GET /v1/organisations`: one page of organisations under the level and region filters, in name order.
 *
 * @example
 * ```ts
 * app.bind(searchOrganisations, searchOrganisationsHandler);
 * ```
 */
export const searchOrganisationsHandler: Handler<typeof searchOrganisations> = async ({ db, query }) => ({
  body: await searchOrganisationRows(db, query),
});

/**
 * `GET /v1/organisations/{organisationId}`: one organisation; 404 for an unknown id.
 *
 * @example
 * ```ts
 * app.bind(getOrganisation, getOrganisationHandler);
 * ```
 */
export const getOrganisationHandler: Handler<typeof getOrganisation> = async ({ db, params }) => {
  const organisation = await readOrganisation(db, params.organisationId);
  if (!organisation) throw problem('not_found', 'No such organisation');
  return { body: organisation };
};

/**
 * `GET /v1/organisations/{organisationId}/staff`: one page of the organisation's staff by name, for its admins
 * and call managers (and platform admins); with `role=reviewer`, the independent reviewers (no organisation) too.
 *
 * @example
 * ```ts
 * app.bind(listOrganisationStaff, listOrganisationStaffHandler);
 * ```
 */
export const listOrganisationStaffHandler: Handler<typeof listOrganisationStaff> = async ({
  db,
  params,
  query,
  auth,
}) => {
  if (!(await readOrganisation(db, params.organisationId)))
    throw problem('not_found', 'No such organisation');
  if (!runsCallsOf(auth, params.organisationId))
    throw problem('forbidden', 'Only the organisation’s admins and call managers see its staff');
  return { body: await listStaffPage(db, params.organisationId, query) };
};

/**
 * Binds the organisations routes: the two public reads and the staff list.
 *
 * @example
 * ```ts
 * registerOrganisationRoutes(app);
 * ```
 */
export function registerOrganisationRoutes(app: ApiApp): void {
  app.bind(searchOrganisations, searchOrganisationsHandler);
  app.bind(getOrganisation, getOrganisationHandler);
  app.bind(listOrganisationStaff, listOrganisationStaffHandler);
}
