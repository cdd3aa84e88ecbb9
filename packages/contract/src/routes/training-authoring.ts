// The routes an organisation's training staff run its programme with: courses (drafts, publication),
// their sessions (creation, changes, cancellation), the staff's lists with counts, the attendance sheet
// marked per participant per day, and each person's own registrations. Every staff route answers 403 to
// staff of another organisation.

import { OrganisationParams } from '../resources/organisation.js';
import { CourseParams, Registration, SessionParams } from '../resources/training.js';
import {
  AttendanceSheet,
  CancelSession,
  CourseFields,
  CreateSession,
  ManagedCourse,
  ManagedCourseQuery,
  ManagedSession,
  ManagedSessionQuery,
  MarkAttendance,
  MyRegistrationQuery,
  SessionEvaluationQuery,
  SessionEvaluations,
  UpdateCourse,
  UpdateSession,
} from '../resources/training-authoring.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

/** Who runs a training programme: the organisation's training managers and admins, and platform admins. */
const TRAINING_STAFF = ['training_manager', 'organisation_admin', 'admin'] as const;

/** `POST /v1/organisations/{organisationId}/courses` — a new draft course of the organisation. */
export const createCourse = /* @__PURE__ */ (() =>
  route({
    id: 'courses.create',
    method: 'POST',
    path: '/v1/organisations/{organisationId}/courses',
    tag: 'training-authoring',
    summary: 'Start a draft course',
    description:
      'The course is a draft, never public, until it is published. Each competency code must be one of the framework (`GET /v1/reference/competencies`): an unknown one answers 422 naming `/competencies/{i}/code`.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: OrganisationParams,
    body: CourseFields,
    idempotent: true,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    response: { status: 201, schema: ManagedCourse, description: 'The draft course' },
  }))();

/** `GET /v1/organisations/{organisationId}/courses` — the organisation's courses, drafts included. */
export const listManagedCourses = /* @__PURE__ */ (() =>
  route({
    id: 'courses.managed',
    method: 'GET',
    path: '/v1/organisations/{organisationId}/courses',
    tag: 'training-authoring',
    summary: "An organisation's courses, drafts included, with their sessions counted",
    auth: 'required',
    roles: TRAINING_STAFF,
    params: OrganisationParams,
    query: ManagedCourseQuery,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    response: { status: 200, schema: Page(ManagedCourse), description: 'One page of courses, newest first' },
  }))();

/** `GET /v1/courses/{courseId}/draft` — the editable course, draft or published, with its ETag. */
export const getManagedCourse = /* @__PURE__ */ (() =>
  route({
    id: 'courses.getDraft',
    method: 'GET',
    path: '/v1/courses/{courseId}/draft',
    tag: 'training-authoring',
    summary: 'Read a course as its staff edit it',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: CourseParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: ManagedCourse, description: 'The course and its state' },
  }))();

/** `PATCH /v1/courses/{courseId}` — change a course (`If-Match` required); a published one changes publicly. */
export const updateCourse = /* @__PURE__ */ (() =>
  route({
    id: 'courses.update',
    method: 'PATCH',
    path: '/v1/courses/{courseId}',
    tag: 'training-authoring',
    summary: 'Change a course',
    description:
      "Each field given replaces the course's. `If-Match` must carry the ETag last read (`GET /v1/courses/{courseId}/draft` or the last write); a stale one answers 412 with the current course.",
    auth: 'required',
    roles: TRAINING_STAFF,
    params: CourseParams,
    body: UpdateCourse,
    ifMatch: 'required',
    idempotent: true,
    errors: ['validation_failed', 'not_found', 'forbidden', 'precondition_failed', 'precondition_required'],
    response: { status: 200, schema: ManagedCourse, description: 'The course as saved' },
  }))();

/** `POST /v1/courses/{courseId}/publish` — make a draft course public. */
export const publishCourse = /* @__PURE__ */ (() =>
  route({
    id: 'courses.publish',
    method: 'POST',
    path: '/v1/courses/{courseId}/publish',
    tag: 'training-authoring',
    summary: 'Publish a draft course',
    description: 'The course joins the public catalogue. A published course answers 409 `invalid_state`.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: CourseParams,
    idempotent: true,
    errors: ['not_found', 'forbidden', 'invalid_state'],
    response: { status: 200, schema: ManagedCourse, description: 'The published course' },
  }))();

/** `POST /v1/courses/{courseId}/sessions` — a new session of a published course. */
export const createSession = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.create',
    method: 'POST',
    path: '/v1/courses/{courseId}/sessions',
    tag: 'training-authoring',
    summary: 'Schedule a session of a course',
    description:
      'The course must be published (409 `invalid_state` for a draft). The session must start in the future; its registration window must close before it ends.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: CourseParams,
    body: CreateSession,
    idempotent: true,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    response: { status: 201, schema: ManagedSession, description: 'The session' },
  }))();

/** `GET /v1/courses/{courseId}/sessions` — a course's sessions for its staff, with registrations counted. */
export const listManagedSessions = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.managed',
    method: 'GET',
    path: '/v1/courses/{courseId}/sessions',
    tag: 'training-authoring',
    summary: "A course's sessions with their confirmed, waitlisted and attended registrations counted",
    auth: 'required',
    roles: TRAINING_STAFF,
    params: CourseParams,
    query: ManagedSessionQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: {
      status: 200,
      schema: Page(ManagedSession),
      description: 'One page of sessions, soonest first',
    },
  }))();

/** `GET /v1/sessions/{sessionId}/managed` — a session as its staff edit it, with counts and its ETag. */
export const getManagedSession = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.getManaged',
    method: 'GET',
    path: '/v1/sessions/{sessionId}/managed',
    tag: 'training-authoring',
    summary: 'Read a session as its staff edit it',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: SessionParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: ManagedSession, description: 'The session, its join link and counts' },
  }))();

/** `PATCH /v1/sessions/{sessionId}` — change a session (`If-Match` required). */
export const updateSession = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.update',
    method: 'PATCH',
    path: '/v1/sessions/{sessionId}',
    tag: 'training-authoring',
    summary: 'Change a session',
    description:
      'A capacity below the confirmed registrations answers 409 `capacity_below_confirmed`; a capacity that grows confirms the waitlist, first in line first. A cancelled or ended session answers 409 `invalid_state`.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: SessionParams,
    body: UpdateSession,
    ifMatch: 'required',
    idempotent: true,
    errors: [
      'validation_failed',
      'not_found',
      'forbidden',
      'invalid_state',
      'capacity_below_confirmed',
      'precondition_failed',
      'precondition_required',
    ],
    response: { status: 200, schema: ManagedSession, description: 'The session as saved' },
  }))();

/** `POST /v1/sessions/{sessionId}/cancel` — cancel a session; every registrant is told by e-mail. */
export const cancelSession = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.cancel',
    method: 'POST',
    path: '/v1/sessions/{sessionId}/cancel',
    tag: 'training-authoring',
    summary: 'Cancel a session, with the reason',
    description:
      'Confirmed and waitlisted registrations are cancelled with the reason, and their participants are told by e-mail in their language. An ended or cancelled session answers 409 `invalid_state`.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: SessionParams,
    body: CancelSession,
    idempotent: true,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state'],
    response: { status: 200, schema: ManagedSession, description: 'The cancelled session' },
  }))();

/** `GET /v1/sessions/{sessionId}/attendance` — the attendance sheet: each seat holder and each day. */
export const getAttendance = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.attendance',
    method: 'GET',
    path: '/v1/sessions/{sessionId}/attendance',
    tag: 'training-authoring',
    summary: 'Read the attendance sheet of a session',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: SessionParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: AttendanceSheet, description: 'The sheet' },
  }))();

/** `PUT /v1/sessions/{sessionId}/attendance` — mark participants present or absent, day by day. */
export const markAttendance = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.markAttendance',
    method: 'PUT',
    path: '/v1/sessions/{sessionId}/attendance',
    tag: 'training-authoring',
    summary: 'Mark attendance per participant per day',
    description:
      'Once the session has ended, each marked registration becomes `completed` (present every day), `attended` (some days) or `no_show` (none). A registration not on this session, or holding no seat, answers 422 `not_registered` naming the mark; nothing is saved then.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: SessionParams,
    body: MarkAttendance,
    idempotent: true,
    errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_state', 'not_registered'],
    response: { status: 200, schema: AttendanceSheet, description: 'The sheet as saved' },
  }))();

/** `GET /v1/sessions/{sessionId}/evaluations` — what the participants said of a session, without names. */
export const getSessionEvaluations = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.evaluations',
    method: 'GET',
    path: '/v1/sessions/{sessionId}/evaluations',
    tag: 'training-authoring',
    summary: "Read a session's evaluations",
    description:
      'The count, the average rating (one decimal) and how many gave each rating, over every evaluation of the session; and one page of the comments with their rating and date, oldest first (`limit`, `cursor` from `nextCursor`). No participant is named: evaluations are candid. For the staff of the organisation providing the course and platform admins.',
    auth: 'required',
    roles: TRAINING_STAFF,
    params: SessionParams,
    query: SessionEvaluationQuery,
    errors: ['validation_failed', 'not_found', 'forbidden'],
    response: {
      status: 200,
      schema: SessionEvaluations,
      description: 'The evaluations summed up, and one page of comments, anonymous',
    },
  }))();

/** `GET /v1/me/registrations` — the signed-in person's own registrations, whatever the association. */
export const listMyRegistrations = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.mine',
    method: 'GET',
    path: '/v1/me/registrations',
    tag: 'trainings',
    summary: 'List my own registrations',
    description:
      'The registrations naming the signed-in account as participant, newest first; `GET /v1/registrations` lists those of my associations instead.',
    auth: 'required',
    query: MyRegistrationQuery,
    errors: ['validation_failed'],
    response: {
      status: 200,
      schema: Page(Registration),
      description: 'A page of registrations, newest first',
    },
  }))();

/** The routes of a training programme's staff, and each person's own registrations. */
export const trainingAuthoringRoutes = [
  createCourse,
  listManagedCourses,
  getManagedCourse,
  updateCourse,
  publishCourse,
  createSession,
  listManagedSessions,
  getManagedSession,
  updateSession,
  cancelSession,
  getAttendance,
  markAttendance,
  getSessionEvaluations,
  listMyRegistrations,
] as const;
