// The routes the staff of the organisation that holds a consultation write and publish its synthesis with.
// Staff of another organisation get 403; the public reads the published synthesis at
// `GET /v1/consultations/{consultationId}/synthesis`.

import { ConsultationParams, Synthesis } from '../resources/consultation.js';
import {
  SynthesisCandidate,
  SynthesisCandidateGroups,
  SynthesisCandidateQuery,
  SynthesisDraft,
  UpdateSynthesisDraft,
} from '../resources/synthesis-authoring.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

const STAFF_ONLY =
  'Staff of the organisation that holds the consultation (its organisation admins and consultation managers) and platform admins; others get 403.';

/** `GET /v1/consultations/{consultationId}/synthesis/draft` — the synthesis being written. */
export const getSynthesisDraft = /* @__PURE__ */ (() =>
  route({
    id: 'syntheses.getDraft',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/synthesis/draft',
    tag: 'synthesis-authoring',
    summary: 'Read the synthesis being written, with what publishing would still refuse',
    description: `${STAFF_ONLY} Answers an empty draft (revision 0) until the first save. The ETag is what \`PUT\` needs in \`If-Match\`.`,
    auth: 'required',
    params: ConsultationParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: SynthesisDraft, description: 'The draft' },
  }))();

/** `PUT /v1/consultations/{consultationId}/synthesis/draft` — save the whole draft (`If-Match` required). */
export const updateSynthesisDraft = /* @__PURE__ */ (() =>
  route({
    id: 'syntheses.update',
    method: 'PUT',
    path: '/v1/consultations/{consultationId}/synthesis/draft',
    tag: 'synthesis-authoring',
    summary: 'Save the synthesis draft',
    description: `${STAFF_ONLY} Replaces the draft. \`If-Match\` must carry the ETag last read; a stale one answers 412 with the current draft. Article ids must be in the current text and contribution ids among the candidates (422 otherwise). Refused with 409 \`invalid_state\` once the synthesis is published.`,
    auth: 'required',
    params: ConsultationParams,
    body: UpdateSynthesisDraft,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'precondition_failed',
      'precondition_required',
    ],
    ifMatch: 'required',
    idempotent: true,
    response: { status: 200, schema: SynthesisDraft, description: 'The draft as saved' },
  }))();

/** `GET /v1/consultations/{consultationId}/synthesis/candidates` — a page of what the synthesis must answer. */
export const listSynthesisCandidates = /* @__PURE__ */ (() =>
  route({
    id: 'syntheses.candidates',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/synthesis/candidates',
    tag: 'synthesis-authoring',
    summary: 'A page of the recommendations and amendments to answer, with their supports',
    description: `${STAFF_ONLY} Published top-level recommendations and amendments, most supported first (then newest), each with what the draft says of it so far. \`articleId\` keeps one article's, \`wholeText=true\` those on the whole text, neither every one; \`total\` counts what the filter keeps. \`…/candidates/groups\` lists the articles and their counts.`,
    auth: 'required',
    params: ConsultationParams,
    query: SynthesisCandidateQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: { status: 200, schema: Page(SynthesisCandidate), description: 'A page of candidates' },
  }))();

/** `GET /v1/consultations/{consultationId}/synthesis/candidates/groups` — the articles with candidates. */
export const listSynthesisCandidateGroups = /* @__PURE__ */ (() =>
  route({
    id: 'syntheses.candidateGroups',
    method: 'GET',
    path: '/v1/consultations/{consultationId}/synthesis/candidates/groups',
    tag: 'synthesis-authoring',
    summary: 'The articles that have recommendations and amendments to answer, with their counts',
    description: `${STAFF_ONLY} One group per article with candidates, in the order of the current text, then articles since removed, then the whole text (\`articleId: null\`), each with its count; page through a group's candidates with \`…/candidates?articleId=\`.`,
    auth: 'required',
    params: ConsultationParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: SynthesisCandidateGroups, description: 'The groups and their counts' },
  }))();

/** `POST /v1/consultations/{consultationId}/synthesis/publish` — publish the synthesis of a closed consultation. */
export const publishSynthesis = /* @__PURE__ */ (() =>
  route({
    id: 'syntheses.publish',
    method: 'POST',
    path: '/v1/consultations/{consultationId}/synthesis/publish',
    tag: 'synthesis-authoring',
    summary: 'Publish the synthesis',
    description: `${STAFF_ONLY} Only once contributions are closed: 409 \`invalid_state\` before then and once published. Refused with 422 \`synthesis_incomplete\` naming, in \`errors[]\`, the missing summary and every recommendation or amendment without an outcome or a reason. Publishing freezes the participation figures, moves the consultation to \`synthesis_published\`, records the \`synthesis.published\` event and e-mails each signed-in participant with a verified address, once, in their language.`,
    auth: 'required',
    params: ConsultationParams,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'synthesis_incomplete',
      'precondition_failed',
    ],
    ifMatch: 'optional',
    idempotent: true,
    response: { status: 200, schema: Synthesis, description: 'The published synthesis' },
  }))();

/** The routes of the staff who write a consultation's synthesis. */
export const synthesisAuthoringRoutes = [
  getSynthesisDraft,
  updateSynthesisDraft,
  listSynthesisCandidates,
  listSynthesisCandidateGroups,
  publishSynthesis,
] as const;
