import {
  Application,
  ApplicationListQuery,
  ApplicationParams,
  ApplicationSummary,
  Attachment,
  AttachmentParams,
  CheckApplicationEligibility,
  ConflictDeclaration,
  DecideApplication,
  DeclareConflict,
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
/** The staff who run a call's selection: its organisation's call managers and admins, and platform admins. */
const callStaff = ['call_manager', 'organisation_admin', 'admin'] as const;

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

/** `GET /v1/applications/{applicationId}/attachments/{attachmentId}` — the file itself, to those who may read the application. */
export const getAttachmentContent = /* @__PURE__ */ (() =>
  route({
    id: 'applications.attachmentContent',
    method: 'GET',
    path: '/v1/applications/{applicationId}/attachments/{attachmentId}',
    tag: 'applications',
    summary: 'Download an attachment',
    description:
      'For members of the applicant association, the staff who run the call, and its assigned reviewers once they declared no conflict of interest. Only files whose scan found them clean are served (409 otherwise).',
    auth: 'required',
    params: AttachmentParams,
    errors: ['forbidden', 'not_found', 'invalid_state', 'declaration_required'],
    response: { status: 200, contentType: 'application/octet-stream', description: 'The file, as uploaded' },
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
      'The representative of the association submits (members and the treasurer draft; they get 403 forbidden). Refused after the deadline (deadline_passed; the draft is kept), when required answers are missing (validation_failed with each field), and when a document taken from the vault has expired or expires before the call closes (document_expired, with each document in `errors`).',
    auth: 'required',
    roles: ['association_representative'],
    params: ApplicationParams,
    idempotent: true,
    errors: [
      'forbidden',
      'not_found',
      'invalid_state',
      'deadline_passed',
      'validation_failed',
      'not_eligible',
      'document_expired',
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
    description: 'By the representative of the association, before the deadline.',
    auth: 'required',
    roles: ['association_representative'],
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
    summary: "A call's submitted applications, for its reviewers and staff",
    description:
      'For the reviewers assigned to the call and the staff who run it. Shows who applies and the project title, enough for a reviewer to declare a conflict of interest before opening an application.',
    auth: 'required',
    roles: ['reviewer', 'call_manager', 'organisation_admin', 'admin'],
    params: CallParams,
    query: ReviewerListQuery,
    errors: ['forbidden', 'not_found'],
    response: { status: 200, schema: Page(ApplicationSummary), description: 'One page of applications' },
  }))();

/** `POST /v1/applications/{applicationId}/eligibility-check` — admissible or not, before any scoring. */
export const checkApplicationEligibility = /* @__PURE__ */ (() =>
  route({
    id: 'reviews.checkEligibility',
    method: 'POST',
    path: '/v1/applications/{applicationId}/eligibility-check',
    tag: 'reviews',
    summary: 'Record the eligibility check of a submitted application',
    description:
      'By the staff who run the call. Admissible: the application goes to review. Not admissible: it is rejected with the reason, which the applicant reads.',
    auth: 'required',
    roles: callStaff,
    params: ApplicationParams,
    body: CheckApplicationEligibility,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state', 'validation_failed', 'conflict_of_interest'],
    response: { status: 200, schema: Application, description: 'The application with its check' },
  }))();

/** `PUT /v1/applications/{applicationId}/conflict-declaration` — a reviewer's declaration, before reading. */
export const declareConflict = /* @__PURE__ */ (() =>
  route({
    id: 'reviews.declareConflict',
    method: 'PUT',
    path: '/v1/applications/{applicationId}/conflict-declaration',
    tag: 'reviews',
    summary: 'Declare whether you have a conflict of interest with an application',
    description:
      'An assigned reviewer declares before the application is shown to them. A declared conflict recuses them from it; a declaration cannot be changed once a review is submitted.',
    auth: 'required',
    roles: ['reviewer', 'admin'],
    params: ApplicationParams,
    body: DeclareConflict,
    idempotent: true,
    errors: ['forbidden', 'not_found', 'invalid_state'],
    response: { status: 200, schema: ConflictDeclaration, description: 'The declaration' },
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
    errors: [
      'forbidden',
      'not_found',
      'invalid_state',
      'conflict_of_interest',
      'declaration_required',
      'already_exists',
    ],
    response: { status: 201, schema: Review, description: 'The recorded review' },
  }))();

/** `POST /v1/applications/{applicationId}/decision` — award or reject, after the call closed and the reviews. */
export const decideApplication = /* @__PURE__ */ (() =>
  route({
    id: 'reviews.decide',
    method: 'POST',
    path: '/v1/applications/{applicationId}/decision',
    tag: 'reviews',
    summary: 'Decide on an application',
    description:
      "By the staff who run the call, once it is closed (409 call_still_open) and the application has the call's number of reviews (409 reviews_incomplete); not by its only reviewer. The applicant reads the amount, conditions, reason and the end of the appeal window; awards become public when the call's results are published.",
    auth: 'required',
    roles: callStaff,
    params: ApplicationParams,
    body: DecideApplication,
    idempotent: true,
    errors: [
      'forbidden',
      'not_found',
      'invalid_state',
      'conflict_of_interest',
      'call_still_open',
      'reviews_incomplete',
      'validation_failed',
    ],
    response: { status: 200, schema: Application, description: 'The application with its decision' },
  }))();

/** The application and review routes. */
export const applicationRoutes = [
  startApplication,
  listApplications,
  getApplication,
  updateApplication,
  uploadAttachment,
  getAttachmentContent,
  removeAttachment,
  submitApplication,
  withdrawApplication,
  listCallApplications,
  checkApplicationEligibility,
  declareConflict,
  submitReview,
  decideApplication,
] as const;
