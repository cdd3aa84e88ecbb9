import type { Area } from '../area.js';
import { accountLifecycleMigration } from './migrations.js';
import { registerAccountRoutes } from './routes.js';

export { accountLifecycleMigration } from './migrations.js';

/**
 * Accounts people create and manage themselves: sign-up with e-mail verification, resending the link,
 * password reset by one-time link, change of address and sign-out of other sessions (`accounts.*`; the
 * privacy area binds `accounts.delete` and `accounts.export`). Every step is audited and its message queued
 * in the mail outbox in the same transaction. See docs/server.md, "Accounts".
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [..., privacyArea, accountsArea];
 * ```
 */
export const accountsArea: Area = {
  name: 'accounts',
  migrations: [accountLifecycleMigration],
  register: registerAccountRoutes,
};
