import type { Area } from '../area.js';
import { registerCompetencyRoutes } from './routes.js';

/**
 * The competencies area: what associations and people learnt in completed trainings, by competency of the
 * framework and highest level. It owns no table: it reads the trainings area's and the credentials area's.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, trainingsArea, credentialsArea, competenciesArea];
 * ```
 */
export const competenciesArea: Area = {
  name: 'competencies',
  migrations: [],
  register: registerCompetencyRoutes,
};
