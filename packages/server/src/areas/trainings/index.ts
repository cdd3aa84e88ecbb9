import type { Area } from '../area.js';
import {
  attendedTrainingsMigration,
  trainingAttendanceMigration,
  trainingAuthoringMigration,
  trainingEvaluationsMigration,
  trainingsKeysetMigration,
  trainingsMigration,
} from './migrations.js';
import { registerTrainingRoutes } from './routes.js';
import { seedTrainings } from './seed.js';

export { readCourse } from './store.js';

/**
 * The trainings area: the capacity-building catalogue (courses and sessions) and associations'
 * registrations with their waitlist, attendance, credentials and evaluations.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, trainingsArea];
 * ```
 */
export const trainingsArea: Area = {
  name: 'trainings',
  migrations: [
    trainingsMigration,
    trainingsKeysetMigration,
    attendedTrainingsMigration,
    trainingAuthoringMigration,
    trainingAttendanceMigration,
    trainingEvaluationsMigration,
  ],
  seedDemo: seedTrainings,
  register: registerTrainingRoutes,
};
