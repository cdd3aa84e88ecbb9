import {
  CancelRegistration,
  Course,
  CourseDetail,
  CourseParams,
  CourseSearchQuery,
  CreateRegistration,
  EvaluateRegistration,
  RecordAttendance,
  Registration,
  RegistrationListQuery,
  RegistrationParams,
  Session,
  SessionParams,
  SessionSearchQuery,
} from '../resources/training.js';
import { Page } from '../shared/page.js';
import { route } from './route.js';

const ASSOCIATION_ROLES = ['association_member', 'association_representative'] as const;

/** `GET /v1/courses` — find trainings by competency, level, modality, region, date and language. */
export const searchCourses = /* @__PURE__ */ (() =>
  route({
    id: 'courses.search',
    method: 'GET',
    path: '/v1/courses',
    tag: 'trainings',
    summary: 'Search training courses',
    description:
      'Each course carries up to three `nextSessions`. Facets: `competency`, `level`, `modality`, `region`, `language`.',
    auth: 'public',
    query: CourseSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(Course), description: 'A page of courses with facet counts' },
  }))();

/** `GET /v1/courses/{courseId}` — one course with its next sessions. */
export const getCourse = /* @__PURE__ */ (() =>
  route({
    id: 'courses.get',
    method: 'GET',
    path: '/v1/courses/{courseId}',
    tag: 'trainings',
    summary: 'Read one course and its next sessions',
    description:
      'Embeds the sessions not started yet, soonest first, at most 20, and `upcomingSessionCount`, how many there are in all. `GET /v1/sessions?courseId=` pages every session of the course, past ones included.',
    auth: 'public',
    params: CourseParams,
    errors: ['not_found'],
    response: { status: 200, schema: CourseDetail, description: 'The course with its next sessions' },
  }))();

/** `GET /v1/sessions` — sessions by course, region, start date and registration state. */
export const searchSessions = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.search',
    method: 'GET',
    path: '/v1/sessions',
    tag: 'trainings',
    summary: 'Search training sessions',
    auth: 'public',
    query: SessionSearchQuery,
    errors: ['validation_failed'],
    response: { status: 200, schema: Page(Session), description: 'A page of sessions, soonest first' },
  }))();

/** `GET /v1/sessions/{sessionId}` — one session. */
export const getSession = /* @__PURE__ */ (() =>
  route({
    id: 'sessions.get',
    method: 'GET',
    path: '/v1/sessions/{sessionId}',
    tag: 'trainings',
    summary: 'Read one session',
    auth: 'public',
    params: SessionParams,
    errors: ['not_found'],
    response: { status: 200, schema: Session, description: 'The session' },
  }))();

/**
 * `POST /v1/registrations` — register a participant of one of the caller's associations to a session.
 * The registration is `confirmed` while seats are left, `waitlisted` when the session is full.
 */
export const createRegistration = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.create',
    method: 'POST',
    path: '/v1/registrations',
    tag: 'trainings',
    summary: 'Register a participant to a session',
    description:
      'The answer is `confirmed` while seats are left and `waitlisted` (with its position) when the session is full. ' +
      '`invalid_state` when registration is closed or suspended; `already_registered` when this participant of ' +
      'this association is already registered to the session; `forbidden` when the caller is not a member of the association.',
    auth: 'required',
    roles: ASSOCIATION_ROLES,
    body: CreateRegistration,
    idempotent: true,
    errors: ['already_registered', 'not_found', 'invalid_state', 'forbidden', 'validation_failed'],
    response: { status: 201, schema: Registration, description: 'The registration, confirmed or waitlisted' },
  }))();

/** `GET /v1/registrations` — the registrations of the signed-in account's associations ("my registrations"). */
export const listRegistrations = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.list',
    method: 'GET',
    path: '/v1/registrations',
    tag: 'trainings',
    summary: 'List the registrations of my associations',
    auth: 'required',
    query: RegistrationListQuery,
    errors: ['forbidden', 'validation_failed'],
    response: {
      status: 200,
      schema: Page(Registration),
      description: 'A page of registrations, newest first',
    },
  }))();

/** `GET /v1/registrations/{registrationId}` — one registration, for its association or an admin. */
export const getRegistration = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.get',
    method: 'GET',
    path: '/v1/registrations/{registrationId}',
    tag: 'trainings',
    summary: 'Read one registration',
    auth: 'required',
    params: RegistrationParams,
    errors: ['not_found', 'forbidden'],
    response: { status: 200, schema: Registration, description: 'The registration' },
  }))();

/**
 * `POST /v1/registrations/{registrationId}/cancel` — cancel a registration; the first waitlisted
 * registration of the session, if any, is promoted to `confirmed`.
 */
export const cancelRegistration = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.cancel',
    method: 'POST',
    path: '/v1/registrations/{registrationId}/cancel',
    tag: 'trainings',
    summary: 'Cancel a registration (promotes the first waitlisted one)',
    auth: 'required',
    params: RegistrationParams,
    body: CancelRegistration,
    idempotent: true,
    errors: ['not_found', 'forbidden', 'invalid_state', 'validation_failed'],
    response: { status: 200, schema: Registration, description: 'The cancelled registration' },
  }))();

/** `POST /v1/registrations/{registrationId}/attendance` — organisers record attendance. */
export const recordAttendance = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.recordAttendance',
    method: 'POST',
    path: '/v1/registrations/{registrationId}/attendance',
    tag: 'trainings',
    summary: 'Record attendance (organisers)',
    description: '`completed` issues the course credential and sets `credentialIssuedOn`.',
    auth: 'required',
    roles: ['admin'],
    params: RegistrationParams,
    body: RecordAttendance,
    idempotent: true,
    errors: ['not_found', 'forbidden', 'invalid_state', 'validation_failed'],
    response: { status: 200, schema: Registration, description: 'The registration with its attendance' },
  }))();

/** `POST /v1/registrations/{registrationId}/evaluation` — the participant's evaluation, once the session ended. */
export const evaluateRegistration = /* @__PURE__ */ (() =>
  route({
    id: 'registrations.evaluate',
    method: 'POST',
    path: '/v1/registrations/{registrationId}/evaluation',
    tag: 'trainings',
    summary: 'Evaluate a session after it ends',
    description:
      '`invalid_state` before the session ends or when the participant did not attend; `already_exists` when evaluated already.',
    auth: 'required',
    roles: ASSOCIATION_ROLES,
    params: RegistrationParams,
    body: EvaluateRegistration,
    idempotent: true,
    errors: ['not_found', 'forbidden', 'invalid_state', 'already_exists', 'validation_failed'],
    response: { status: 200, schema: Registration, description: 'The registration with its evaluation' },
  }))();

/** The training routes: courses, sessions and registrations. */
export const trainingRoutes = [
  searchCourses,
  getCourse,
  searchSessions,
  getSession,
  createRegistration,
  listRegistrations,
  getRegistration,
  cancelRegistration,
  recordAttendance,
  evaluateRegistration,
] as const;
