import { ReferenceData } from '../reference/index.js';
import { route } from './route.js';

/** `GET /v1/reference` — regions, sectors, domains, competencies and legal forms in one document. */
export const getReference = /* @__PURE__ */ (() =>
  route({
    id: 'reference.get',
    method: 'GET',
    path: '/v1/reference',
    tag: 'reference',
    summary: 'All reference data',
    description:
      'Regions (ISO 3166-2:MA), government sectors, domains of intervention, the competency framework and ' +
      'legal forms, each named in ar, fr, zgh and en. Changes only with a new version of the platform.',
    auth: 'public',
    errors: [],
    response: { status: 200, schema: ReferenceData, description: 'The reference data' },
  }))();

/** The reference-data routes. */
export const referenceRoutes = [getReference] as const;
