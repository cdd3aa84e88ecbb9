// The routes an organisation's staff run a consultation with: a draft and its text (pasted or written),
// its publication, new versions of the text, an early close, and the list of the organisation's
// consultations. Every one answers 403 to staff of another organisation; drafts are never public.

import { Consultation, ConsultationParams } from '../resources/consultation.js';
import {
  CloseConsultation,
  ConsultationDraft,
  CreateConsultationDraft,
  ImportConsultationText,
  ManagedConsultation,
  ManagedConsultationQuery,
  PublishConsultationVersion,
  UpdateConsultationDraft,
} from '../resources/consultation-authoring.js';
import { OrganisationParams } from '../resources/organisation.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** Who writes and runs consultations: the organisation's consultation managers and admins, and platform admins. */
const CONSULTATION_STAFF = ['consultation_manager', 'organisation_admin', 'admin'] as const;

/** `POST /v1/consultations/drafts` — a new draft consultation of the caller's organisation. */
export const createConsultationDraft = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.create',
    method: 'POST',
    path: '/v1/consultations/drafts',
    tag: 'consultation-authoring',
    summary: 'Start a draft consultation',
    description:
      "The draft belongs to the caller's organisation (a platform admin names it with `organisationId`). Drafts are never public; `problems` lists what publishing would still refuse.",
    auth: 'required',
    roles: CONSULTATION_STAFF,
    body: CreateConsultationDraft,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    idempotent: true,
    response: { status: 201, schema: ConsultationDraft, description: 'The new draft' },
  }))();

/** `GET /v1/consultations/drafts/{consultationId}` — the editable draft, for its organisation's staff. */
export const getConsultationDraft = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.getDraft',
    method: 'GET',
    path: '/v1/consultations/drafts/{consultationId}',
    tag: 'consultation-authoring',
    summary: 'Read the draft of a consultation, with what is missing to publish it',
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: ConsultationParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: ConsultationDraft, description: 'The draft' },
  }))();

/** `PATCH /v1/consultations/drafts/{consultationId}` — edit a draft (`If-Match` required). */
export const updateConsultationDraft = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.update',
    method: 'PATCH',
    path: '/v1/consultations/drafts/{consultationId}',
    tag: 'consultation-authoring',
    summary: 'Edit a draft consultation',
    description:
      "Each field given replaces the draft's field; `null` clears it. Articles and sections without an id get one. `If-Match` must carry the draft's ETag; a stale one answers 412 with the current draft. A published consultation answers 409 `invalid_state`: publish a new version instead.",
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: ConsultationParams,
    body: UpdateConsultationDraft,
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
    response: { status: 200, schema: ConsultationDraft, description: 'The draft as saved' },
  }))();

/** `POST /v1/consultations/drafts/{consultationId}/import-text` — pasted text read into articles. */
export const importConsultationText = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.importText',
    method: 'POST',
    path: '/v1/consultations/drafts/{consultationId}/import-text',
    tag: 'consultation-authoring',
    summary: "Read pasted text into the draft's articles",
    description:
      'Article headings ("Article 1", "Art. 2", "Article premier", "المادة 1", "المادة الأولى", "الفصل 3", "ⴰⵎⴰⴳⵔⴰⴷ 1", with bis/ter and مكرر) and section headings are recognised, in Latin, Arabic-Indic and Eastern digits. With `replace` the text replaces the draft\'s; otherwise each article fills the article of the same number in `locale`. No article found answers 422 `no_articles_detected` with what was found in `current`.',
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: ConsultationParams,
    body: ImportConsultationText,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'no_articles_detected',
      'precondition_failed',
    ],
    ifMatch: 'optional',
    idempotent: true,
    response: { status: 200, schema: ConsultationDraft, description: 'The draft with the imported articles' },
  }))();

/** `POST /v1/consultations/drafts/{consultationId}/publish` — publish a complete draft as version 1. */
export const publishConsultationDraft = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.publish',
    method: 'POST',
    path: '/v1/consultations/drafts/{consultationId}/publish',
    tag: 'consultation-authoring',
    summary: 'Publish a draft consultation',
    description:
      'Refused with 422 `validation_failed` naming every missing or wrong field (`errors[]`) when the draft is incomplete; then nothing is published. The consultation, its text as version 1 and its articles are written at once; its phase then follows its dates and the clock.',
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: ConsultationParams,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state', 'precondition_failed'],
    ifMatch: 'optional',
    idempotent: true,
    response: { status: 200, schema: Consultation, description: 'The published consultation' },
  }))();

/** `POST /v1/consultations/{consultationId}/versions` — publish a new version of the text. */
export const publishConsultationVersion = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.publishVersion',
    method: 'POST',
    path: '/v1/consultations/{consultationId}/versions',
    tag: 'consultation-authoring',
    summary: 'Publish a new version of the consulted text',
    description:
      'Articles that keep their id stay the same articles (their contributions follow them); articles without an id are new. Removing an article that has contributions answers 409 `removed_article_has_contributions` naming them, unless `removedArticles` says `keep_contributions` for each. Refused once a synthesis is published.',
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: ConsultationParams,
    body: PublishConsultationVersion,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'removed_article_has_contributions',
    ],
    idempotent: true,
    response: {
      status: 201,
      schema: Consultation,
      description: 'The consultation with its new current version',
    },
  }))();

/** `POST /v1/consultations/{consultationId}/close` — close contributions before the planned date. */
export const closeConsultation = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.close',
    method: 'POST',
    path: '/v1/consultations/{consultationId}/close',
    tag: 'consultation-authoring',
    summary: 'Close a consultation early, with the reason',
    description:
      'Only while contributions are open or before they open. Contributions close now; the reason is public, as the change summary of the closing.',
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: ConsultationParams,
    body: CloseConsultation,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: Consultation, description: 'The closed consultation' },
  }))();

/** `GET /v1/organisations/{organisationId}/consultations` — an organisation's consultations, drafts included. */
export const listManagedConsultations = /* @__PURE__ */ (() =>
  route({
    id: 'consultations.managed',
    method: 'GET',
    path: '/v1/organisations/{organisationId}/consultations',
    tag: 'consultation-authoring',
    summary: "An organisation's consultations, drafts included, with their contributions by moderation state",
    auth: 'required',
    roles: CONSULTATION_STAFF,
    params: OrganisationParams,
    query: ManagedConsultationQuery,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    response: { status: 200, schema: Page(ManagedConsultation), description: 'One page of consultations' },
  }))();

/** The routes of the staff who run consultations. */
export const consultationAuthoringRoutes = [
  createConsultationDraft,
  getConsultationDraft,
  updateConsultationDraft,
  importConsultationText,
  publishConsultationDraft,
  publishConsultationVersion,
  closeConsultation,
  listManagedConsultations,
] as const;
