import { searchMigrations } from '../search/search.js';
import { accountsArea } from './accounts/index.js';
import { applicationsArea } from './applications/index.js';
import type { Area } from './area.js';
import { associationClaimsArea } from './association-claims/index.js';
import { associationDocumentsArea } from './association-documents/index.js';
import { associationMembersArea } from './association-members/index.js';
import { associationsArea } from './associations/index.js';
import { auditLogArea } from './audit-log/index.js';
import { awardReportsArea } from './award-reports/index.js';
import { callsArea } from './calls/index.js';
import { competenciesArea } from './competencies/index.js';
import { consultationAuthoringArea } from './consultations/authoring.js';
import { consultationsArea } from './consultations/index.js';
import { synthesesArea } from './consultations/synthesis.js';
import { credentialsArea } from './credentials/index.js';
import { feedsArea } from './feeds/index.js';
import { indicatorsArea } from './indicators/index.js';
import { noticesArea } from './notices/index.js';
import { openDataArea } from './open-data/index.js';
import { organisationsArea } from './organisations/index.js';
import { privacyArea } from './privacy/index.js';
import { referenceArea } from './reference/index.js';
import { subscriptionsArea } from './subscriptions/index.js';
import { trainingsArea } from './trainings/index.js';
import { webhooksArea } from './webhooks/index.js';

export type { Area, SeedContext } from './area.js';

/** The search index every area writes to; first, so that its table exists before any area seeds. */
const searchArea: Area = { name: 'search', migrations: [...searchMigrations], register() {} };

/**
 * Every area of the platform, in seeding order (associations before the areas that reference them;
 * organisations and their staff accounts before the calls they run).
 */
export const AREAS: Area[] = [
  searchArea,
  associationsArea,
  associationDocumentsArea,
  organisationsArea,
  associationMembersArea,
  associationClaimsArea,
  callsArea,
  applicationsArea,
  awardReportsArea,
  consultationsArea,
  consultationAuthoringArea,
  synthesesArea,
  trainingsArea,
  credentialsArea,
  competenciesArea,
  referenceArea,
  indicatorsArea,
  openDataArea,
  feedsArea,
  auditLogArea,
  privacyArea,
  accountsArea,
  webhooksArea,
  noticesArea,
  subscriptionsArea,
];
