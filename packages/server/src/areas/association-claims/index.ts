import { registerFileReferences } from '../applications/files.js';
import type { Area } from '../area.js';
import { associationClaimsMigration, claimsByRegionNewestMigration } from './migrations.js';
import { registerClaimRoutes } from './routes.js';
import { seedAssociationClaims } from './seed.js';

export { readClaim, receiptKeyOf } from './store.js';

// A claim's receipt and mandate are stored with the applications' files: the sweep must not take them for
// orphans.
registerFileReferences('association_claim_files', 'file_sha256');

/**
 * Claims on associations: a verified account claims an association of the directory or registers a new one;
 * a platform admin or the region's council verifies or refuses. It comes after the associations, members and
 * organisations areas (it reads the directory and the reviewers' organisations and writes memberships).
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, organisationsArea, associationMembersArea, associationClaimsArea];
 * ```
 */
export const associationClaimsArea: Area = {
  name: 'association-claims',
  migrations: [associationClaimsMigration, claimsByRegionNewestMigration],
  seedDemo: seedAssociationClaims,
  register: registerClaimRoutes,
};
