import { accountRoutes } from './accounts.js';
import { applicationRoutes } from './applications.js';
import { associationClaimRoutes } from './association-claims.js';
import { associationDocumentRoutes } from './association-documents.js';
import { associationMemberRoutes } from './association-members.js';
import { associationRoutes } from './associations.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { awardReportRoutes } from './award-reports.js';
import { callAuthoringRoutes } from './call-authoring.js';
import { callRoutes } from './calls.js';
import { competencyRoutes } from './competencies.js';
import { consultationAuthoringRoutes } from './consultation-authoring.js';
import { consultationRoutes, contributionRoutes } from './consultations.js';
import { credentialRoutes } from './credentials.js';
import { feedRoutes } from './feeds.js';
import { indicatorRoutes } from './indicators.js';
import { openDataRoutes } from './open-data.js';
import { organisationRoutes } from './organisations.js';
import { privacyRoutes } from './privacy.js';
import { referenceRoutes } from './reference.js';
import type { AnyRoute } from './route.js';
import { subscriptionRoutes } from './subscriptions.js';
import { synthesisAuthoringRoutes } from './synthesis-authoring.js';
import { trainingAuthoringRoutes } from './training-authoring.js';
import { trainingRoutes } from './trainings.js';
import { webhookRoutes } from './webhooks.js';

export * from './accounts.js';
export * from './applications.js';
export * from './association-claims.js';
export * from './association-documents.js';
export * from './association-members.js';
export * from './associations.js';
export * from './audit.js';
export * from './auth.js';
export * from './award-reports.js';
export * from './call-authoring.js';
export * from './calls.js';
export * from './competencies.js';
export * from './consultation-authoring.js';
export * from './consultations.js';
export * from './credentials.js';
export * from './feeds.js';
export * from './indicators.js';
export * from './open-data.js';
export * from './organisations.js';
export * from './privacy.js';
export * from './reference.js';
export * from './route.js';
export * from './subscriptions.js';
export * from './synthesis-authoring.js';
export * from './training-authoring.js';
export * from './trainings.js';
export * from './webhooks.js';

/**
 * Every route of the API, in the order the OpenAPI document lists them. The server binds each one;
 * a test checks that none is left without a handler.
 *
 * @example
 * ```ts
 * ROUTES.filter((r) => r.method === 'GET').length;
 * ```
 */
export const ROUTES: readonly AnyRoute[] = [
  ...authRoutes,
  ...accountRoutes,
  ...referenceRoutes,
  ...associationRoutes,
  ...associationDocumentRoutes,
  ...associationClaimRoutes,
  ...associationMemberRoutes,
  ...organisationRoutes,
  ...callRoutes,
  ...callAuthoringRoutes,
  ...applicationRoutes,
  ...awardReportRoutes,
  ...consultationRoutes,
  ...consultationAuthoringRoutes,
  ...contributionRoutes,
  ...synthesisAuthoringRoutes,
  ...trainingRoutes,
  ...trainingAuthoringRoutes,
  ...credentialRoutes,
  ...competencyRoutes,
  ...indicatorRoutes,
  ...openDataRoutes,
  ...feedRoutes,
  ...auditRoutes,
  ...privacyRoutes,
  ...webhookRoutes,
  ...subscriptionRoutes,
];

/**
 * Finds a route by its operation id.
 *
 * @example
 * ```ts
 * routeById('calls.search')?.path; // '/v1/calls'
 * ```
 */
export function routeById(id: string): AnyRoute | undefined {
  return ROUTES.find((r) => r.id === id);
}
export * from './refs.js';
