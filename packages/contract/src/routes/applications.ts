import {
  Application,
  ApplicationListQuery,
  ApplicationParams,
  ApplicationSummary,
  Attachment,
  AttachmentParams,
  DecideApplication,
  Review,
  ReviewerListQuery,
  StartApplication,
  SubmissionResult,
  SubmitReview,
  UpdateApplication,
  UploadAttachment,
  WithdrawApplication,
} from '../resources/application.js';
import { CallParams } from '../resources/call.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

const applicant = ['association_member', 'association_representative'] as const;

/** `POST /v1/applications` — start a draft (one per association and call). */
export const startApplication = /* @__PURE__ */ (() =>
  route({
    id: 'applications.start',
    method: 'POST',
    path: '/v1/applications',
    tag: 'applications',
    summary: 'Start a draft application',
    description:
      'Refused with not_eligible (and every unmet rule) before any typing when the association is not eligible.',
    auth: 'required',
    roles: applicant,
    body: StartApplication,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'not_eligible', 'already_exists', 'deadline_passed', 'invalid_state'],
    response: { status: 201, schema: Application, description: 'The new draft' },
  }))();

/** `GET /v1/applications` — the applications of the signed-in account's associations. */
export const listApplications = /* @__PURE__ */ (() =>
  route({
    id: 'applications.list',
    method: 'GET',
    path: '/v1/applications',
    tag: 'applications',
    summary: "My associations' applications",
    auth: 'required',
    query: ApplicationListQuery,
    errors: [],
    response: { status: 200, schema: Page(ApplicationSummary), description: 'One page of applications' },
  }))();

/** `GET /v1/applications/{applicationId}` — one application (its ETag guards autosave). */
export const getApplication = /* @__PURE__ */ (() =>
  route({
    id: 'applications.get',
    method: 'GET',
    path: '/v1/applications/{applicationId}',
    tag: 'applications',
    summary: 'Read an application with its status history',
    auth: 'required',
    params: ApplicationParams,
    errors: ['forbidden', 'not_found'],
    response: { status: 200, schema: Application, description: 'The application' },
  }))();

/** `PATCH /v1/applications/{applicationId}` — autosave; `If-Match` required, 412 with the current version on conflict. */
export const updateApplication = /* @__PURE__ */ (() =>
  route({
    id: 'applications.update',
    method: 'PATCH',
    path: '/v1/applications/{applicationId}',
    tag: 'applications',
    summary: 'Autosave a draft',
    auth: 'required',
    roles: applicant,
    params: ApplicationParams,
    body: UpdateApplication,
    ifMatch: 'required',
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state', 'precondition_failed', 'precondition_required'],
    response: { status: 200, schema: Application, description: 'The saved draft (new ETag)' },
  }))();

/** `POST /v1/applications/{applicationId}/attachments` — upload one document (multipart: `file`, `documentId`). */
export const uploadAttachment = /* @__PURE__ */ (() =>
  route({
    id: 'applications.uploadAttachment',
    method: 'POST',
    path: '/v1/applications/{applicationId}/attachments',
    tag: 'applications',
    summary: 'Attach a document',
    description:
      "Size and type are checked against the call's rule for that document; the type is sniffed from the content. Uploading for a document that already has a file replaces it.",
    auth: 'required',
    roles: applicant,
    params: ApplicationParams,
    body: UploadAttachment,
    bodyKind: 'multipart',
    idempotent: true,
    errors: [
      'forbidden',
      'not_found',
      'invalid_state',
      'file_too_large',
      'file_type_not_allowed',
      'payload_too_large',
    ],
    response: { status: 201, schema: Attachment, description: 'The stored attachment and its scan state' },
  }))();

/** `DELETE /v1/applications/{applicationId}/attachments/{attachmentId}` — remove an attachment from a draft. */
export const removeAttachment = /* @__PURE__ */ (() =>
  route({
    id: 'applications.removeAttachment',
    method: 'DELETE',
    path: '/v1/applications/{applicationId}/attachments/{attachmentId}',
    tag: 'applications',
    summary: 'Remove an attachment',
    auth: 'required',
    roles: applicant,
    params: AttachmentParams,
    errors: ['forbidden', 'not_found', 'invalid_state'],
    response: { status: 204, description: 'Removed' },
  }))();

/** `POST /v1/applications/{applicationId}/submit` — submit once; replays give the same receipt. */
export const submitApplication = /* @__PURE__ */ (() =>
  route({
    id: 'applications.submit',
    method: 'POST',
    path: '/v1/applications/{applicationId}/submit',
    tag: 'applications',
    summary: 'Submit an application and get a receipt',
    description:
      'Refused after the deadline (deadline_passed; the draft is kept) and when required answers are missing (validation_failed with each field).',
    auth: 'required',
    roles: applicant,
    params: ApplicationParams,
    idempotent: true,
    errors: [
      'forbidden',
      'not_found',
      'invalid_state',
      'deadline_passed',
      'validation_failed',
      'not_eligible',
    ],
    response: {
      status: 200,
      schema: SubmissionResult,
      description: 'The submitted application and its receipt',
    },
  }))();

/** `POST /v1/applications/{applicationId}/withdraw` — withdraw before the deadline. */
export const withdrawApplication = /* @__PURE__ */ (() =>
  route({
    id: 'applications.withdraw',
    method: 'POST',
    path: '/v1/applications/{applicationId}/withdraw',
    tag: 'applications',
    summary: 'Withdraw an application',
    auth: 'required',
    roles: applicant,
    params: ApplicationParams,
    body: WithdrawApplication,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state', 'deadline_passed'],
    response: { status: 200, schema: Application, description: 'The withdrawn application' },
  }))();

/** `GET /v1/calls/{callId}/applications` — reviewers' listing of a call's submitted applications. */
export const listCallApplications = /* @__PURE__ */ (() =>
  route({
    id: 'reviews.listApplications',
    method: 'GET',
    path: '/v1/calls/{callId}/applications',
    tag: 'reviews',
    summary: "A call's submitted applications, for reviewers",
    auth: 'required',
    roles: ['reviewer', 'admin'],
    params: CallParams,
    query: ReviewerListQuery,
    errors: ['forbidden', 'not_found'],
    response: { status: 200, schema: Page(ApplicationSummary), description: 'One page of applications' },
  }))();

/** `POST /v1/applications/{applicationId}/reviews` — score per criterion, after a conflict-of-interest declaration. */
export const submitReview = /* @__PURE__ */ (() =>
  route({
    id: 'reviews.submit',
    method: 'POST',
    path: '/v1/applications/{applicationId}/reviews',
    tag: 'reviews',
    summary: 'Review an application',
    description:
      'Scores must cover every criterion within its maximum. A reviewer who is a member of the applicant association is refused (conflict_of_interest).',
    auth: 'required',
    roles: ['reviewer', 'admin'],
    params: ApplicationParams,
    body: SubmitReview,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state', 'conflict_of_interest', 'already_exists'],
    response: { status: 201, schema: Review, description: 'The recorded review' },
  }))();

/** `POST /v1/applications/{applicationId}/decision` — award or reject; an award becomes public. */
export const decideApplication = /* @__PURE__ */ (() =>
  route({
    id: 'reviews.decide',
    method: 'POST',
    path: '/v1/applications/{applicationId}/decision',
    tag: 'reviews',
    summary: 'Decide on an application',
    auth: 'required',
    roles: ['reviewer', 'admin'],
    params: ApplicationParams,
    body: DecideApplication,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state', 'conflict_of_interest'],
    response: { status: 200, schema: Application, description: 'The application with its decision' },
  }))();

/** The application and review routes. */
export const applicationRoutes = [
  startApplication,
  listApplications,
  getApplication,
  updateApplication,
  uploadAttachment,
  removeAttachment,
  submitApplication,
  withdrawApplication,
  listCallApplications,
  submitReview,
  decideApplication,
] as const;
