import type { Area } from '../area.js';
import { consultationAuthoringMigration } from './authoring-migrations.js';
import {
  consultationsMigration,
  contributionPagesMigration,
  contributionReviewsMigration,
  dropConsultationsListedMigration,
} from './migrations.js';
import { participationMigration } from './participation.js';
import { registerConsultationRoutes } from './routes.js';
import { seedConsultations } from './seed.js';

/**
 * The consultations area: public consultations on draft laws, decrees, policies and regional plans,
 * their versioned texts, contributions, supports, reports, moderation and syntheses.
 *
 * @example
 * ```ts
 * const AREAS: Area[] = [searchArea, associationsArea, callsArea, applicationsArea, consultationsArea];
 * ```
 */
export const consultationsArea: Area = {
  name: 'consultations',
  migrations: [
    consultationsMigration,
    contributionReviewsMigration,
    contributionPagesMigration,
    participationMigration,
    consultationAuthoringMigration,
    dropConsultationsListedMigration,
  ],
  seedDemo: seedConsultations,
  register: registerConsultationRoutes,
};
