import type { AnyRoute } from '@nassij/contract';
import { accountRoutes } from './accounts.js';
import { applicationsRoutes } from './applications.js';
import { associationsRoutes } from './associations.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { awardReportsRoutes } from './award-reports.js';
import { awardsRoutes } from './awards.js';
import { callsRoutes } from './calls.js';
import { claimsRoutes } from './claims.js';
import { competenciesRoutes } from './competencies.js';
import { consultationsRoutes } from './consultations.js';
import { contributionsRoutes } from './contributions.js';
import { coursesRoutes } from './courses.js';
import { credentialsRoutes } from './credentials.js';
import { documentsRoutes } from './documents.js';
import { feedsRoutes } from './feeds.js';
import { indicatorsRoutes } from './indicators.js';
import { membersRoutes } from './members.js';
import { metaRoutes } from './meta.js';
import { moderationRoutes } from './moderation.js';
import { openDataRoutes } from './open-data.js';
import { organisationsRoutes } from './organisations.js';
import { privacyRoutes } from './privacy.js';
import { referenceRoutes } from './reference.js';
import { registrationsRoutes } from './registrations.js';
import { reviewsRoutes } from './reviews.js';
import { sessionsRoutes } from './sessions.js';
import { subscriptionRoutes } from './subscriptions.js';
import { synthesesRoutes } from './syntheses.js';
import { webhooksRoutes } from './webhooks.js';

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
  documents: documentsRoutes,
  reviews: reviewsRoutes,
  consultations: consultationsRoutes,
  contributions: contributionsRoutes,
  moderation: moderationRoutes,
  courses: coursesRoutes,
  sessions: sessionsRoutes,
  registrations: registrationsRoutes,
  credentials: credentialsRoutes,
  competencies: competenciesRoutes,
  indicators: indicatorsRoutes,
  openData: openDataRoutes,
  feeds: feedsRoutes,
  audit: auditRoutes,
  privacy: privacyRoutes,
  claims: claimsRoutes,
  members: membersRoutes,
  webhooks: webhooksRoutes,
  accounts: accountRoutes,
  subscriptions: subscriptionRoutes,
  syntheses: synthesesRoutes,
};
