import { seedStaffAccounts } from '../../seed/demo.js';
import type { Area } from '../area.js';
import { organisationsMigration, staffOrderMigration } from './migrations.js';
import { registerOrganisationRoutes } from './routes.js';
import { ensureSectorOrganisations } from './store.js';

export { organisationIdOf, sectorOrganisations } from './organisation.js';
export { organisationOfSector, readOrganisation } from './store.js';

/** Days before the seeding instant that the staff accounts were created, as the core demo accounts. */
const STAFF_ACCOUNTS_AGE_DAYS = 400;

/**
 * The organisations area: the public bodies that run calls (one per sector of the reference data, on every
 * deployment, demo or not), `GET /v1/organisations` and `GET /v1/organisations/{organisationId}`, and the
 * organisation a staff account works for (`accounts.organisation_id`). Its demo seed creates the staff
 * accounts of the demo ministry and regional council; it comes before the calls area, whose calls and
 * reviewers reference organisations and their staff.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, organisationsArea, callsArea];
 * ```
 */
export const organisationsArea: Area = {
  name: 'organisations',
  migrations: [organisationsMigration, staffOrderMigration],
  // Staff accounts need `accounts.organisation_id`, which only this area's migration adds: a server
  // without the area has the core accounts only.
  seedDemo: ({ db, now }) =>
    seedStaffAccounts(db, new Date(now.getTime() - STAFF_ACCOUNTS_AGE_DAYS * 86_400_000)),
  prepare: async (db, log) => {
    const created = await ensureSectorOrganisations(db);
    if (created > 0) log.info('organisations created for new sectors', { created });
  },
  register: registerOrganisationRoutes,
};
