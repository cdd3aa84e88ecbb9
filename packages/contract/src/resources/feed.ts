import * as z from 'zod/mini';
import { Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { Locale } from '../shared/localized-text.js';
import { CallSearchQuery } from './call.js';

/** How many entries a feed carries at most, newest first: readers poll, they do not page. */
export const FEED_MAX_ENTRIES = 50;

/** How many calls a calendar of calls carries at most (the ones closing last are left out first). */
export const CALENDAR_MAX_CALLS = 200;

/**
 * Query of a feed that is not a list of calls: the language of its text (`ar` by default, the platform's
 * default; a text missing in that language falls back as everywhere else).
 *
 * @example
 * ```ts
 * FeedQuery.parse({ lang: 'fr' });
 * ```
 */
export const FeedQuery = /* @__PURE__ */ (() => z.strictObject({ lang: z.optional(Locale) }))();
export type FeedQuery = z.input<typeof FeedQuery>;

/**
 * Query of the calls feed and the calls calendar: every filter of the call list (`GET /v1/calls`), without its
 * paging and sorting (a feed lists the newest calls first, a calendar every matching call), and `lang`.
 *
 * @example
 * ```ts
 * CallFeedQuery.parse({ region: ['MA-09'], status: ['open'], lang: 'fr' });
 * ```
 */
export const CallFeedQuery = /* @__PURE__ */ (() =>
  z.extend(z.omit(CallSearchQuery, { limit: true, cursor: true, sort: true }), {
    lang: z.optional(Locale),
  }))();
export type CallFeedQuery = z.input<typeof CallFeedQuery>;

/**
 * Path parameters of `GET /v1/calendars/me/{calendarToken}.ics`: the person's calendar secret.
 *
 * @example
 * ```ts
 * PersonalCalendarParams.parse({ calendarToken: token });
 * ```
 */
export const PersonalCalendarParams = /* @__PURE__ */ (() =>
  z.strictObject({
    calendarToken: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,128}$/, { message: 'A calendar token' })),
  }))();
export type PersonalCalendarParams = z.infer<typeof PersonalCalendarParams>;

/**
 * Path parameters of one call's calendar.
 *
 * @example
 * ```ts
 * CallCalendarParams.parse({ callId });
 * ```
 */
export const CallCalendarParams = /* @__PURE__ */ (() => z.strictObject({ callId: Id }))();
export type CallCalendarParams = z.infer<typeof CallCalendarParams>;

/**
 * A new calendar secret of the signed-in account and the address of its calendar; the previous one stops working.
 * Only its digest is stored: it cannot be shown again.
 *
 * @example
 * ```ts
 * const { url } = CalendarToken.parse(await response.json());
 * ```
 */
export const CalendarToken = /* @__PURE__ */ (() =>
  z.strictObject({
    token: z.string().check(z.minLength(20)),
    url: z.string(),
    issuedAt: Instant,
  }))();
export type CalendarToken = z.infer<typeof CalendarToken>;
