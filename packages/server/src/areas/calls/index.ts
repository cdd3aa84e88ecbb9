import type { Area } from '../area.js';
import {
  callAuthoringMigration,
  callKeysetsMigration,
  callsMigration,
  managedCallsIndexMigration,
} from './migrations.js';
import { registerCallRoutes } from './routes.js';
import { seedCalls } from './seed.js';

/**
 * The calls area: calls for public support with their applications, reviews, decisions and awards
 * (tables and store), the public call and award search, the staff's drafts, publication, amendments and
 * reviewers (`authoring.ts`), and the demo calls with their applications.
 *
 * @example
 * ```ts
 * export const AREAS: Area[] = [searchArea, associationsArea, callsArea];
 * ```
 */
export const callsArea: Area = {
  name: 'calls',
  migrations: [callsMigration, callKeysetsMigration, callAuthoringMigration, managedCallsIndexMigration],
  seedDemo: seedCalls,
  register: registerCallRoutes,
};
