import type { Area } from '../area.js';
import { callKeysetsMigration, callsMigration } from './migrations.js';
import { registerCallRoutes } from './routes.js';
import { seedCalls } from './seed.js';

/**
 * The calls area: calls for public support with their applications, reviews, decisions and awards
 * (tables and store), the public call and award search, and the demo calls with their applications.
 *
 * @example
 * ```ts
 * export const AREAS: Area[] = [searchArea, associationsArea, callsArea];
 * ```
 */
export const callsArea: Area = {
  name: 'calls',
  migrations: [callsMigration, callKeysetsMigration],
  seedDemo: seedCalls,
  register: registerCallRoutes,
};
