import { getOrganisation, listOrganisationStaff, type Role, searchOrganisations } from '@nassij/contract';
import type { ApiApp, Handler } from '../../http/app.js';
import { problem } from '../../http/problem.js';
import { runsCallsOf } from './organisation.js';
import { readOrganisation, searchOrganisations as searchOrganisationRows } from './store.js';

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
 * `GET /v1/organisations/{organisationId}/staff`: the organisation's staff by name, for its admins and call
 * managers (and platform admins); with `role=reviewer`, the independent reviewers (no organisation) too.
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
  const pool = query.role === 'reviewer' ? ' OR organisation_id IS NULL' : '';
  const rows = await db.all<{
    id: string;
    display_name: string;
    roles: string;
    organisation_id: string | null;
  }>(
    `SELECT id, display_name, roles, organisation_id FROM accounts
     WHERE organisation_id = ?${pool} ORDER BY display_name, id`,
    [params.organisationId],
  );
  const items = rows
    .map((row) => ({ row, roles: JSON.parse(row.roles) as Role[] }))
    .filter(({ row, roles }) =>
      query.role ? roles.includes(query.role) : row.organisation_id === params.organisationId,
    )
    .map(({ row, roles }) => ({
      accountId: row.id,
      displayName: row.display_name,
      roles,
      ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
    }));
  return { body: { items } };
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
