import type { AnyRoute } from '@nassij/contract';
import { applicationsRoutes } from './applications.js';
import { associationsRoutes } from './associations.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { awardReportsRoutes } from './award-reports.js';
import { awardsRoutes } from './awards.js';
import { callsRoutes } from './calls.js';
import { consultationsRoutes } from './consultations.js';
import { contributionsRoutes } from './contributions.js';
import { coursesRoutes } from './courses.js';
import { indicatorsRoutes } from './indicators.js';
import { metaRoutes } from './meta.js';
import { moderationRoutes } from './moderation.js';
import { openDataRoutes } from './open-data.js';
import { organisationsRoutes } from './organisations.js';
import { privacyRoutes } from './privacy.js';
import { referenceRoutes } from './reference.js';
import { registrationsRoutes } from './registrations.js';
import { reviewsRoutes } from './reviews.js';
import { sessionsRoutes } from './sessions.js';

/** The routes each namespace of the client wraps, by namespace; a test checks that they cover `ROUTES`. */
export const AREA_ROUTES: Readonly<Record<string, readonly AnyRoute[]>> = {
  auth: authRoutes,
  meta: metaRoutes,
  reference: referenceRoutes,
  associations: associationsRoutes,
  organisations: organisationsRoutes,
  calls: callsRoutes,
  awards: awardsRoutes,
  awardReports: awardReportsRoutes,
  applications: applicationsRoutes,
  reviews: reviewsRoutes,
  consultations: consultationsRoutes,
  contributions: contributionsRoutes,
  moderation: moderationRoutes,
  courses: coursesRoutes,
  sessions: sessionsRoutes,
  registrations: registrationsRoutes,
  indicators: indicatorsRoutes,
  openData: openDataRoutes,
  audit: auditRoutes,
  privacy: privacyRoutes,
};
