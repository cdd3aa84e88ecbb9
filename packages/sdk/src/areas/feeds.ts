import {
  type CalendarToken,
  type CallSearchQuery,
  callCalendar,
  callCalendarRef,
  callsCalendar,
  callsCalendarRef,
  callsFeed,
  callsFeedRef,
  consultationCalendar,
  consultationCalendarRef,
  consultationsFeed,
  consultationsFeedRef,
  issueCalendarToken,
  issueCalendarTokenRef,
  type Locale,
  personalCalendar,
  personalCalendarRef,
  sessionCalendar,
  sessionCalendarRef,
  synthesesFeed,
  synthesesFeedRef,
} from '@nassij/contract';
import { buildUrl, type Transport } from '../transport.js';
import type { RequestOptions } from '../types.js';

/** The routes `client.feeds` wraps: the feeds and calendars (as addresses) and the calendar secret. */
export const feedsRoutes = [
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

/**
 * `client.feeds`: addresses of the Atom feeds and iCalendar calendars, to put in a `<link rel="alternate">`, an
 * "Add to calendar" link or a feed reader. Feed readers and calendar apps fetch them themselves; nothing here
 * downloads them. The builders read only paths, so an embedded element carries no schema for them.
 *
 * @example
 * ```ts
 * link.href = client.feeds.callsFeedUrl({ region: ['MA-09'], status: ['open'] }, 'fr');
 * const { url } = await client.feeds.issueCalendarToken();
 * ```
 */
export interface FeedsArea {
  /**
   * The Atom feed of the calls the call list would show with `query` (paging and sort are left out: a feed
   * lists the newest calls first), in `lang`.
   *
   * @example
   * ```ts
   * client.feeds.callsFeedUrl({ region: ['MA-09'] }, 'ar'); // …/v1/feeds/calls.atom?region=MA-09&lang=ar
   * ```
   */
  callsFeedUrl(query: CallSearchQuery, lang: Locale): string;
  /**
   * The calendar of openings and deadlines of the calls matching `query`, in `lang` (default: the client's
   * locale, else the platform's default).
   *
   * @example
   * ```ts
   * client.feeds.callsCalendarUrl({ sector: ['education'], status: ['open'] });
   * ```
   */
  callsCalendarUrl(query: CallSearchQuery, lang?: Locale): string;
  /**
   * The calendar of one call: its opening and its deadline (23:59 Moroccan time).
   *
   * @example
   * ```ts
   * addToCalendar.href = client.feeds.callCalendarUrl(call.id);
   * ```
   */
  callCalendarUrl(callId: string, lang?: Locale): string;
  /**
   * The calendar of a consultation's phases.
   *
   * @example
   * ```ts
   * client.feeds.consultationCalendarUrl(consultation.id, 'fr');
   * ```
   */
  consultationCalendarUrl(consultationId: string, lang?: Locale): string;
  /**
   * The calendar of one training session: its time and place (the training finder's "add to my calendar").
   *
   * @example
   * ```ts
   * addToCalendar.href = client.feeds.sessionCalendarUrl(session.id, 'ar');
   * ```
   */
  sessionCalendarUrl(sessionId: string, lang?: Locale): string;
  /**
   * The Atom feed of public consultations, in `lang`.
   *
   * @example
   * ```ts
   * client.feeds.consultationsFeedUrl('zgh');
   * ```
   */
  consultationsFeedUrl(lang: Locale): string;
  /**
   * The Atom feed of published consultation syntheses, in `lang`.
   *
   * @example
   * ```ts
   * client.feeds.synthesesFeedUrl('en');
   * ```
   */
  synthesesFeedUrl(lang: Locale): string;
  /**
   * The calendar of a person's training sessions, from their calendar secret.
   *
   * @example
   * ```ts
   * client.feeds.personalCalendarUrl(token);
   * ```
   */
  personalCalendarUrl(token: string, lang?: Locale): string;
  /**
   * Issues a new calendar secret for the signed-in account (the previous one stops working) and gives the
   * address of its calendar. The secret is shown once: the server keeps only its digest.
   *
   * @example
   * ```ts
   * const { url } = await client.feeds.issueCalendarToken();
   * subscribeLink.href = url.replace(/^https?:/, 'webcal:');
   * ```
   */
  issueCalendarToken(options?: RequestOptions): Promise<CalendarToken>;
}

/** The filters of the call list a feed or calendar takes: all but paging and sort. */
function callFilters(query: CallSearchQuery): Record<string, unknown> {
  const { limit: _limit, cursor: _cursor, sort: _sort, ...filters } = query;
  return filters;
}

/**
 * Builds `client.feeds` over a transport. By default it issues calendar secrets through the schema-less route, so
 * that an embedded element carries no schema; `createClient` passes the full route, whose answer is checked.
 *
 * @example
 * ```ts
 * const feeds = feedsArea(client.transport); // a base client's transport, in an element
 * link.href = feeds.callCalendarUrl(callId);
 * ```
 */
export function feedsArea(
  t: Transport,
  issueRoute: typeof issueCalendarToken = issueCalendarTokenRef,
): FeedsArea {
  const url = (path: string, params?: Record<string, unknown>, query?: Record<string, unknown>) =>
    buildUrl(t.config.baseUrl, path, params, query);
  const calendarLang = (lang: Locale | undefined) => {
    const chosen = lang ?? t.config.locale;
    return chosen === undefined ? {} : { lang: chosen };
  };
  return {
    callsFeedUrl: (query, lang) => url(callsFeedRef.path, undefined, { ...callFilters(query), lang }),
    callsCalendarUrl: (query, lang) =>
      url(callsCalendarRef.path, undefined, { ...callFilters(query), ...calendarLang(lang) }),
    callCalendarUrl: (callId, lang) => url(callCalendarRef.path, { callId }, calendarLang(lang)),
    consultationCalendarUrl: (consultationId, lang) =>
      url(consultationCalendarRef.path, { consultationId }, calendarLang(lang)),
    sessionCalendarUrl: (sessionId, lang) => url(sessionCalendarRef.path, { sessionId }, calendarLang(lang)),
    consultationsFeedUrl: (lang) => url(consultationsFeedRef.path, undefined, { lang }),
    synthesesFeedUrl: (lang) => url(synthesesFeedRef.path, undefined, { lang }),
    personalCalendarUrl: (token, lang) =>
      url(personalCalendarRef.path, { calendarToken: token }, calendarLang(lang)),
    issueCalendarToken: (options) => t.op(issueRoute, {}, options),
  };
}
