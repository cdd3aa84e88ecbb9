import type { Area } from '../area.js';
import { membershipRolesMigration } from './migrations.js';
import { registerMemberRoutes } from './routes.js';

export {
  deleteMembership,
  listMembers,
  makeRepresentative,
  putMembership,
  readMember,
  syncAssociationRoles,
} from './store.js';

/**
 * The members of an association: the list its members read, invitations by e-mail, acceptance, removal,
 * leaving and the hand-over of the representation. Its migration lets memberships hold treasurers.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, associationMembersArea, associationClaimsArea];
 * ```
 */
export const associationMembersArea: Area = {
  name: 'association-members',
  migrations: [membershipRolesMigration],
  register: registerMemberRoutes,
};
