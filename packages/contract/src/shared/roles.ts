import * as z from 'zod/mini';

/**
 * What an account may do. An association member acts for the associations they belong to (drafts
 * applications, registers for trainings); a treasurer also submits financial reports; a representative may
 * also sign and submit for them, invite members and hand over. Staff belong to one organisation (`Account.organisationId`)
 * and their roles stop at its calls: an organisation admin manages its staff and everything of its calls, a
 * call manager writes, publishes and runs its calls, a training manager authors its courses and runs their
 * sessions (`runsTrainingsOf`), a reviewer scores the applications of the calls they are
 * assigned to (a reviewer with no organisation is an independent expert any organisation may assign).
 * A consultation manager prepares, publishes and runs its organisation's consultations (`runsConsultationsOf`).
 * Moderators handle contributions; admins manage the platform.
 */
export const ROLES = [
  'citizen',
  'association_member',
  'association_representative',
  'association_treasurer',
  'organisation_admin',
  'call_manager',
  'consultation_manager',
  'training_manager',
  'reviewer',
  'moderator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const Role = /* @__PURE__ */ (() => z.enum(ROLES))();
