import type { Area } from '../area.js';
import {
  associationFacetCubeMigration,
  associationGroupKeysMigration,
  associationProfileMigration,
  associationSearchKeyChangesMigration,
  associationSearchKeysMigration,
  associationSearchNameChangesMigration,
  associationSortKeysMigration,
  associationsDirectoryMigration,
  associationsMigration,
} from './migrations.js';
import { registerAssociationRoutes } from './routes.js';
import { seedAssociations } from './seed.js';

export { associationName, associationProfile, associationRegion, readAssociation } from './store.js';

/**
 * The associations area: the public directory, one association's record with its stats,
 * "my associations", and the profile its representative edits (descriptions, website, contacts, logo). Seeds `asso_0001` (Souss-Massa) and `asso_0002` (Casablanca-Settat) and ~300 others.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea];
 * ```
 */
export const associationsArea: Area = {
  name: 'associations',
  migrations: [
    associationsMigration,
    associationsDirectoryMigration,
    associationSearchKeysMigration,
    associationProfileMigration,
    associationFacetCubeMigration,
    associationSearchKeyChangesMigration,
    associationGroupKeysMigration,
    associationSearchNameChangesMigration,
    associationSortKeysMigration,
  ],
  seedDemo: seedAssociations,
  register: registerAssociationRoutes,
};
