import type { Area } from '../area.js';
import { certificatesMigration, platformKeysMigration } from './migrations.js';
import { registerCredentialRoutes } from './routes.js';

export { verifyWithPlatformKeys } from './verification.js';

/**
 * The credentials area: certificates of completed trainings as signed Open Badges 3.0 credentials (JSON, PDF
 * and a public verification page), the platform's signing key and its JWK Set. It reads the trainings and
 * associations areas' tables, so it comes after them.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, trainingsArea, credentialsArea];
 * ```
 */
export const credentialsArea: Area = {
  name: 'credentials',
  migrations: [platformKeysMigration, certificatesMigration],
  register: registerCredentialRoutes,
};
