import * as z from 'zod/mini';

/**
 * What an account may do. An association member acts for the associations they belong to; a
 * representative may also sign and submit for them; reviewers score applications; moderators handle
 * contributions; admins manage the platform.
 */
export const ROLES = [
  'citizen',
  'association_member',
  'association_representative',
  'reviewer',
  'moderator',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export const Role = /* @__PURE__ */ (() => z.enum(ROLES))();
