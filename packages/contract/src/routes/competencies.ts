import {
  AssociationCompetencies,
  AssociationCompetenciesParams,
  MyCompetencies,
} from '../resources/competency-record.js';
import { route } from './route.js';

/** `GET /v1/associations/{associationId}/competencies` — what an association's members learnt, publicly. */
export const associationCompetencies = /* @__PURE__ */ (() =>
  route({
    id: 'competencies.ofAssociation',
    method: 'GET',
    path: '/v1/associations/{associationId}/competencies',
    tag: 'competencies',
    summary: "An association's competencies from completed trainings",
    description:
      'Each competency of the framework reached through a completed registration, its highest level, and the ' +
      'courses and sessions (with dates) it came from. No person is named.',
    auth: 'public',
    params: AssociationCompetenciesParams,
    errors: ['not_found'],
    response: { status: 200, schema: AssociationCompetencies, description: 'The competencies' },
  }))();

/** `GET /v1/me/competencies` — the signed-in person's competencies, with their certificates. */
export const myCompetencies = /* @__PURE__ */ (() =>
  route({
    id: 'competencies.mine',
    method: 'GET',
    path: '/v1/me/competencies',
    tag: 'competencies',
    summary: 'My competencies and certificates',
    auth: 'required',
    errors: [],
    response: { status: 200, schema: MyCompetencies, description: 'The competencies' },
  }))();

/** The competency routes. */
export const competencyRoutes = [associationCompetencies, myCompetencies] as const;
