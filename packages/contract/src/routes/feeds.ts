import { ConsultationParams } from '../resources/consultation.js';
import {
  CalendarToken,
  CallCalendarParams,
  CallFeedQuery,
  FeedQuery,
  PersonalCalendarParams,
} from '../resources/feed.js';
import { SessionParams } from '../resources/training.js';
import { route } from './route.js';

const ATOM = 'application/atom+xml';
const ICALENDAR = 'text/calendar';

/** `GET /v1/feeds/calls.atom` — an Atom feed of the calls matching the call list's filters. */
export const callsFeed = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.calls',
    method: 'GET',
    path: '/v1/feeds/calls.atom',
    tag: 'feeds',
    summary: 'Atom feed of calls (any filter of the call list)',
    description:
      'Atom 1.0 (RFC 4287), newest first, at most 50 entries, text in `lang` (with the usual fallback). ' +
      'Published, closed and cancelled calls only, never drafts. Carries an ETag; send `If-None-Match`.',
    auth: 'public',
    query: CallFeedQuery,
    errors: ['validation_failed'],
    response: { status: 200, contentType: ATOM, description: 'An Atom feed' },
  }))();

/** `GET /v1/feeds/consultations.atom` — an Atom feed of public consultations. */
export const consultationsFeed = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.consultations',
    method: 'GET',
    path: '/v1/feeds/consultations.atom',
    tag: 'feeds',
    summary: 'Atom feed of public consultations',
    description: 'Atom 1.0, newest first, at most 50 entries, text in `lang`. Carries an ETag.',
    auth: 'public',
    query: FeedQuery,
    errors: ['validation_failed'],
    response: { status: 200, contentType: ATOM, description: 'An Atom feed' },
  }))();

/** `GET /v1/feeds/syntheses.atom` — an Atom feed of the published syntheses of consultations. */
export const synthesesFeed = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.syntheses',
    method: 'GET',
    path: '/v1/feeds/syntheses.atom',
    tag: 'feeds',
    summary: 'Atom feed of published consultation syntheses',
    description: 'Atom 1.0, newest first, at most 50 entries, text in `lang`. Carries an ETag.',
    auth: 'public',
    query: FeedQuery,
    errors: ['validation_failed'],
    response: { status: 200, contentType: ATOM, description: 'An Atom feed' },
  }))();

/** `GET /v1/calendars/calls.ics` — the deadlines of the calls matching the call list's filters. */
export const callsCalendar = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.callsCalendar',
    method: 'GET',
    path: '/v1/calendars/calls.ics',
    tag: 'feeds',
    summary: 'iCalendar of call openings and deadlines (any filter of the call list)',
    description:
      'iCalendar (RFC 5545) with a VTIMEZONE for Africa/Casablanca, Ramadan periods included: one event per ' +
      'deadline and one per opening, times in Moroccan time. UIDs are stable; SEQUENCE is the call version.',
    auth: 'public',
    query: CallFeedQuery,
    errors: ['validation_failed'],
    response: { status: 200, contentType: ICALENDAR, description: 'An iCalendar' },
  }))();

/** `GET /v1/calendars/calls/{callId}.ics` — one call's opening and deadline. */
export const callCalendar = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.callCalendar',
    method: 'GET',
    path: '/v1/calendars/calls/{callId}.ics',
    tag: 'feeds',
    summary: "iCalendar of one call's opening and deadline",
    auth: 'public',
    params: CallCalendarParams,
    query: FeedQuery,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, contentType: ICALENDAR, description: 'An iCalendar' },
  }))();

/** `GET /v1/calendars/consultations/{consultationId}.ics` — a consultation's phases. */
export const consultationCalendar = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.consultationCalendar',
    method: 'GET',
    path: '/v1/calendars/consultations/{consultationId}.ics',
    tag: 'feeds',
    summary: "iCalendar of a consultation's phases",
    auth: 'public',
    params: ConsultationParams,
    query: FeedQuery,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, contentType: ICALENDAR, description: 'An iCalendar' },
  }))();

/** `GET /v1/calendars/sessions/{sessionId}.ics` — one training session (the finder's "add to calendar"). */
export const sessionCalendar = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.sessionCalendar',
    method: 'GET',
    path: '/v1/calendars/sessions/{sessionId}.ics',
    tag: 'feeds',
    summary: 'iCalendar of one training session',
    description:
      'Its time and place, in Africa/Casablanca; SEQUENCE moves when it is postponed or cancelled.',
    auth: 'public',
    params: SessionParams,
    query: FeedQuery,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, contentType: ICALENDAR, description: 'An iCalendar' },
  }))();

/**
 * `GET /v1/calendars/me/{calendarToken}.ics` — a person's training sessions. Calendar apps send no bearer
 * token: the secret in the path stands for it (`POST /v1/auth/me/calendar-token` issues it).
 */
export const personalCalendar = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.personalCalendar',
    method: 'GET',
    path: '/v1/calendars/me/{calendarToken}.ics',
    tag: 'feeds',
    summary: "iCalendar of a person's training sessions (by calendar secret)",
    description: 'An unknown or rotated secret answers 404.',
    auth: 'public',
    params: PersonalCalendarParams,
    query: FeedQuery,
    errors: ['not_found', 'validation_failed'],
    response: { status: 200, contentType: ICALENDAR, description: 'An iCalendar' },
  }))();

/** `POST /v1/auth/me/calendar-token` — issues (or rotates) the signed-in account's calendar secret. */
export const issueCalendarToken = /* @__PURE__ */ (() =>
  route({
    id: 'feeds.issueCalendarToken',
    method: 'POST',
    path: '/v1/auth/me/calendar-token',
    tag: 'feeds',
    summary: 'Issue or rotate my calendar secret',
    description: 'The previous secret stops working at once. Only its SHA-256 is stored.',
    auth: 'required',
    errors: [],
    response: { status: 201, schema: CalendarToken, description: 'The new secret and its calendar address' },
  }))();

/** The feed and calendar routes. */
export const feedRoutes = [
  callsFeed,
  consultationsFeed,
  synthesesFeed,
  callsCalendar,
  callCalendar,
  consultationCalendar,
  sessionCalendar,
  personalCalendar,
  issueCalendarToken,
] as const;
