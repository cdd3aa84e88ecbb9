// The routes an organisation's staff run a call with: a draft, its publication, amendments, an early close
// or a cancellation, and the reviewers. Every one answers 403 to staff of another organisation.

import { Call, CallParams } from '../resources/call.js';
import {
  AmendCall,
  CallActionReason,
  CallDraft,
  CallReviewers,
  CallVersion,
  CallVersionQuery,
  CreateCallDraft,
  ManagedCall,
  ManagedCallQuery,
  PublishCallResults,
  SetCallReviewers,
  UpdateCallDraft,
} from '../resources/call-authoring.js';
import { OrganisationParams } from '../resources/organisation.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** Who writes and runs calls: the organisation's call managers and admins, and platform admins. */
const CALL_STAFF = ['call_manager', 'organisation_admin', 'admin'] as const;

/** `POST /v1/calls` — a new draft call of the caller's organisation. */
export const createCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.create',
    method: 'POST',
    path: '/v1/calls',
    tag: 'call-authoring',
    summary: 'Start a draft call',
    description:
      "The draft belongs to the caller's organisation (a platform admin names it with `organisationId`). Drafts are never public; `problems` lists what publishing would still refuse.",
    auth: 'required',
    roles: CALL_STAFF,
    body: CreateCallDraft,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    idempotent: true,
    response: { status: 201, schema: CallDraft, description: 'The new draft' },
  }))();

/** `GET /v1/calls/{callId}/draft` — the editable draft of a call, for its organisation's staff. */
export const getCallDraft = /* @__PURE__ */ (() =>
  route({
    id: 'calls.getDraft',
    method: 'GET',
    path: '/v1/calls/{callId}/draft',
    tag: 'call-authoring',
    summary: 'Read the draft of a call, with what is missing to publish it',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: CallDraft, description: 'The draft' },
  }))();

/** `PATCH /v1/calls/{callId}` — edit a draft (`If-Match` required); a published call is amended instead. */
export const updateCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.update',
    method: 'PATCH',
    path: '/v1/calls/{callId}',
    tag: 'call-authoring',
    summary: 'Edit a draft call',
    description:
      "Each field given replaces the draft's field; `null` clears it. `If-Match` must carry the draft's ETag; a stale one answers 412 with the current draft. A published call answers 409 `invalid_state`: amend it.",
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    body: UpdateCallDraft,
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
    response: { status: 200, schema: CallDraft, description: 'The draft as saved' },
  }))();

/** `POST /v1/calls/{callId}/publish` — publish a complete draft. */
export const publishCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.publish',
    method: 'POST',
    path: '/v1/calls/{callId}/publish',
    tag: 'call-authoring',
    summary: 'Publish a draft call',
    description:
      'Refused with 422 `validation_failed` naming every missing or wrong field (`errors[]`) when the draft is incomplete; then nothing is published. The call is `forecast` until it opens, `open` until it closes, by the clock.',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state', 'precondition_failed'],
    ifMatch: 'optional',
    idempotent: true,
    response: { status: 200, schema: Call, description: 'The published call' },
  }))();

/** `POST /v1/calls/{callId}/amendments` — change a published call, publicly, with a reason. */
export const amendCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.amend',
    method: 'POST',
    path: '/v1/calls/{callId}/amendments',
    tag: 'call-authoring',
    summary: 'Amend a published call',
    description:
      'A new public version with the summary of what changed and why. Refused once the call is closed, and a closing date moved earlier is refused once applications exist.',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    body: AmendCall,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: Call, description: 'The amended call' },
  }))();

/** `POST /v1/calls/{callId}/close` — close an open call before its deadline. */
export const closeCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.close',
    method: 'POST',
    path: '/v1/calls/{callId}/close',
    tag: 'call-authoring',
    summary: 'Close a call early, with the reason',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    body: CallActionReason,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: Call, description: 'The closed call' },
  }))();

/** `POST /v1/calls/{callId}/cancel` — cancel a published call before any decision. */
export const cancelCall = /* @__PURE__ */ (() =>
  route({
    id: 'calls.cancel',
    method: 'POST',
    path: '/v1/calls/{callId}/cancel',
    tag: 'call-authoring',
    summary: 'Cancel a call, with the reason',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    body: CallActionReason,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: Call, description: 'The cancelled call' },
  }))();

/** `GET /v1/calls/{callId}/versions` — the public history of a published call. */
export const listCallVersions = /* @__PURE__ */ (() =>
  route({
    id: 'calls.versions',
    method: 'GET',
    path: '/v1/calls/{callId}/versions',
    tag: 'calls',
    summary: 'The versions of a published call, oldest first, one page at a time',
    auth: 'public',
    params: CallParams,
    query: CallVersionQuery,
    errors: ['validation_failed', 'not_found'],
    response: { status: 200, schema: Page(CallVersion), description: 'One page of versions' },
  }))();

/** `GET /v1/calls/{callId}/reviewers` — who reviews a call. */
export const listCallReviewers = /* @__PURE__ */ (() =>
  route({
    id: 'calls.reviewers',
    method: 'GET',
    path: '/v1/calls/{callId}/reviewers',
    tag: 'call-authoring',
    summary: 'The reviewers assigned to a call',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: CallReviewers, description: 'The reviewers' },
  }))();

/** `PUT /v1/calls/{callId}/reviewers` — assign the reviewers of a call (the whole list). */
export const setCallReviewers = /* @__PURE__ */ (() =>
  route({
    id: 'calls.setReviewers',
    method: 'PUT',
    path: '/v1/calls/{callId}/reviewers',
    tag: 'call-authoring',
    summary: 'Assign the reviewers of a call',
    description:
      "Each account must have the reviewer role and belong to the call's organisation, or to none (an independent expert). A reviewer who has already reviewed an application of the call stays.",
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    body: SetCallReviewers,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    idempotent: true,
    response: { status: 200, schema: CallReviewers, description: 'The reviewers now' },
  }))();

/** `POST /v1/calls/{callId}/results` — publish the awards of a closed call whose applications are all decided. */
export const publishCallResults = /* @__PURE__ */ (() =>
  route({
    id: 'calls.publishResults',
    method: 'POST',
    path: '/v1/calls/{callId}/results',
    tag: 'call-authoring',
    summary: 'Publish the results (the awards) of a call',
    description:
      'Every admissible application must be decided (409 reviews_incomplete otherwise). The awards become public (call awards, award search, open data) and the call `awarded`, as a new public version.',
    auth: 'required',
    roles: CALL_STAFF,
    params: CallParams,
    body: PublishCallResults,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'call_still_open',
      'reviews_incomplete',
    ],
    idempotent: true,
    response: { status: 200, schema: Call, description: 'The call with its results' },
  }))();

/** `GET /v1/organisations/{organisationId}/calls` — an organisation's calls, drafts included, for its staff. */
export const listManagedCalls = /* @__PURE__ */ (() =>
  route({
    id: 'calls.managed',
    method: 'GET',
    path: '/v1/organisations/{organisationId}/calls',
    tag: 'call-authoring',
    summary: "An organisation's calls, drafts included, with their applications by stage",
    auth: 'required',
    roles: CALL_STAFF,
    params: OrganisationParams,
    query: ManagedCallQuery,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    response: { status: 200, schema: Page(ManagedCall), description: 'One page of calls' },
  }))();

/** The routes of the staff who run calls, and the public version history. */
export const callAuthoringRoutes = [
  createCall,
  getCallDraft,
  updateCall,
  publishCall,
  amendCall,
  closeCall,
  cancelCall,
  listCallVersions,
  listCallReviewers,
  setCallReviewers,
  publishCallResults,
  listManagedCalls,
] as const;
