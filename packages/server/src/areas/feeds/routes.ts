// The feed and calendar routes. Feeds and calendars are read models over the public data: the same SQL as the
// call list and the consultation pages, written as Atom or iCalendar, with an ETag of their text and a 304
// for a reader that has it already (feed readers and calendar apps poll).
import {
  type AnyRoute,
  CALENDAR_MAX_CALLS,
  type CallFeedQuery,
  callCalendar,
  callsCalendar,
  callsFeed,
  consultationCalendar,
  consultationsFeed,
  FEED_MAX_ENTRIES,
  issueCalendarToken,
  type Locale,
  personalCalendar,
  pickText,
  sessionCalendar,
  synthesesFeed,
} from '@nassij/contract';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { toInstant } from '../../auth/tokens.js';
import type { ApiApp, HandlerInput } from '../../http/app.js';
import { etagMatches, etagOf } from '../../http/etag.js';
import { problem } from '../../http/problem.js';
import { callsAtom, consultationsAtom, type FeedContext, synthesesAtom } from './atom.js';
import { calendarOwner, rotateCalendarToken } from './calendar-tokens.js';
import {
  type CalendarContext,
  callEvents,
  consultationEvents,
  registrationEvent,
  sessionEvent,
} from './calendars.js';
import { type IcsEvent, writeCalendar } from './ical.js';
import { TITLES } from './messages.js';
import {
  type CallFilters,
  calendarRegistrations,
  calendarSession,
  feedCall,
  feedCalls,
  feedConsultation,
  feedConsultations,
  feedSyntheses,
} from './store.js';

const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const DEFAULT_LANG: Locale = 'ar';

/**
 * A text answer with a strong ETag of its bytes, or `304` when the reader sent that tag. Public feeds may be
 * kept by caches but are revalidated on each use, as the API's public reads are; a personal calendar (its
 * address is its secret) is kept by no shared cache.
 */
function textAnswer(
  c: Context,
  text: string,
  contentType: string,
  visibility: 'public' | 'private',
): Response {
  const etag = etagOf(text);
  const headers = new Headers({
    etag,
    'cache-control': visibility === 'public' ? 'public, no-cache' : 'private, no-cache',
    vary: 'accept-encoding',
  });
  if (etagMatches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  headers.set('content-type', contentType);
  headers.set('content-length', String(Buffer.byteLength(text)));
  return new Response(text, { status: 200, headers });
}

/** The server's origin and host name as a request sees them (`app.publicUrl`, never a forged Host). */
function placeOf(app: ApiApp, c: Context): { origin: string; host: string } {
  const origin = app.publicUrl(c).replace(/\/+$/, '');
  return { origin, host: new URL(origin).hostname };
}

/** The query as the call list reads it, keys and values sorted: the same filters give the same feed id. */
function filterKey(filters: CallFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(filters).sort()) {
    const value = filters[key as keyof CallFilters];
    if (value === undefined) continue;
    for (const item of (Array.isArray(value) ? [...value] : [value]).map(String).sort())
      params.append(key, item);
  }
  return params.toString();
}

function splitLang<Q extends { lang?: Locale | undefined }>(
  query: Q,
): { lang: Locale; rest: Omit<Q, 'lang'> } {
  const { lang, ...rest } = query;
  return { lang: lang ?? DEFAULT_LANG, rest };
}

/**
 * The route as Hono can match it when a parameter is followed by a suffix in the same segment
 * (`{callId}.ics`): Hono would read `:callId.ics` as one parameter named `callId.ics`, so the parameter gets a
 * pattern that ends with the suffix, and its value loses the suffix before the contract's schema checks it.
 */
function suffixed<R extends AnyRoute>(route: R): R {
  const match = /\{([A-Za-z0-9_]+)\}(\.[a-z]+)$/.exec(route.path);
  if (!match || !route.params) return route;
  const [whole, name, suffix] = match as unknown as [string, string, string];
  const path = `${route.path.slice(0, -whole.length)}:${name}{[^/]+\\${suffix}}`;
  const strip = z.transform((input: unknown) => {
    const params = { ...(input as Record<string, string>) };
    const value = params[name];
    if (typeof value === 'string' && value.endsWith(suffix)) params[name] = value.slice(0, -suffix.length);
    return params;
  });
  return { ...route, path, params: z.pipe(strip, route.params) } as R;
}

/** What an Atom writer needs of the request: the server's place, the language, and the feed's own URL. */
function feedContext(app: ApiApp, c: Context, lang: Locale): FeedContext {
  const url = new URL(c.req.url);
  const { origin, host } = placeOf(app, c);
  return { origin, host, lang, selfUrl: `${origin}${url.pathname}${url.search}` };
}

function calendarContext(app: ApiApp, c: Context, lang: Locale): CalendarContext {
  return { ...placeOf(app, c), lang };
}

function calendarText(lang: Locale, name: string, events: IcsEvent[]): string {
  return writeCalendar({ name, language: lang, events });
}

/** `feeds.calls`: the newest calls matching the call list's filters; the feed's id carries the filters. */
async function callsFeedHandler(app: ApiApp, { db, query, now, c }: HandlerInput<typeof callsFeed>) {
  const { lang, rest } = splitLang(query as CallFeedQuery);
  const filters = rest as CallFilters;
  const ctx = feedContext(app, c, lang);
  const calls = await feedCalls(db, filters, 'newest', FEED_MAX_ENTRIES, now);
  const key = filterKey(filters);
  const xml = callsAtom(ctx, calls, key, `${ctx.origin}/v1/calls?${key ? `${key}&` : ''}sort=newest`);
  return textAnswer(c, xml, ATOM_TYPE, 'public');
}

/** `feeds.consultations`: the newest consultations. */
async function consultationsFeedHandler(
  app: ApiApp,
  { db, query, now, c }: HandlerInput<typeof consultationsFeed>,
) {
  const ctx = feedContext(app, c, query.lang ?? DEFAULT_LANG);
  const xml = consultationsAtom(ctx, await feedConsultations(db, FEED_MAX_ENTRIES, now));
  return textAnswer(c, xml, ATOM_TYPE, 'public');
}

/** `feeds.syntheses`: the newest published syntheses. */
async function synthesesFeedHandler(app: ApiApp, { db, query, now, c }: HandlerInput<typeof synthesesFeed>) {
  const ctx = feedContext(app, c, query.lang ?? DEFAULT_LANG);
  const xml = synthesesAtom(ctx, await feedSyntheses(db, FEED_MAX_ENTRIES, now));
  return textAnswer(c, xml, ATOM_TYPE, 'public');
}

/** `calendars.calls`: the deadlines of the calls matching the call list's filters. */
async function callsCalendarHandler(app: ApiApp, { db, query, now, c }: HandlerInput<typeof callsCalendar>) {
  const { lang, rest } = splitLang(query as CallFeedQuery);
  const ctx = calendarContext(app, c, lang);
  // Upcoming deadlines first, then the latest past ones: the bound drops the oldest.
  const calls = await feedCalls(db, rest as CallFilters, 'closing_soonest', CALENDAR_MAX_CALLS, now);
  const events = calls.flatMap((call) => callEvents(ctx, call));
  const text = calendarText(lang, pickText(TITLES.callsCalendar, lang).text, events);
  return textAnswer(c, text, CALENDAR_TYPE, 'public');
}

/** `calendars.call`: one published call's dates. */
async function callCalendarHandler(
  app: ApiApp,
  { db, params, query, now, c }: HandlerInput<typeof callCalendar>,
) {
  const lang = query.lang ?? DEFAULT_LANG;
  const call = await feedCall(db, params.callId, now);
  if (!call) throw problem('not_found', 'No published call has this id');
  const name = `${pickText(call.call.title, lang).text} — ${call.call.reference}`;
  const text = calendarText(lang, name, callEvents(calendarContext(app, c, lang), call));
  return textAnswer(c, text, CALENDAR_TYPE, 'public');
}

/** `calendars.consultation`: one consultation's phases. */
async function consultationCalendarHandler(
  app: ApiApp,
  { db, params, query, now, c }: HandlerInput<typeof consultationCalendar>,
) {
  const lang = query.lang ?? DEFAULT_LANG;
  const consultation = await feedConsultation(db, params.consultationId, now);
  if (!consultation) throw problem('not_found', 'No consultation has this id');
  const name = `${pickText(consultation.consultation.title, lang).text} — ${consultation.consultation.reference}`;
  const events = consultationEvents(calendarContext(app, c, lang), consultation);
  return textAnswer(c, calendarText(lang, name, events), CALENDAR_TYPE, 'public');
}

/** `calendars.session`: one training session. */
async function sessionCalendarHandler(
  app: ApiApp,
  { db, params, query, c }: HandlerInput<typeof sessionCalendar>,
) {
  const lang = query.lang ?? DEFAULT_LANG;
  const found = await calendarSession(db, params.sessionId);
  if (!found) throw problem('not_found', 'No training session has this id');
  const name = `${pickText(found.course.title, lang).text} — ${found.course.reference}`;
  const text = calendarText(lang, name, [sessionEvent(calendarContext(app, c, lang), found)]);
  return textAnswer(c, text, CALENDAR_TYPE, 'public');
}

/** `calendars.personal`: the sessions of a person's associations, behind the calendar secret. */
async function personalCalendarHandler(
  app: ApiApp,
  { db, params, query, c }: HandlerInput<typeof personalCalendar>,
) {
  const account = await calendarOwner(db, params.calendarToken);
  // Unknown, replaced and erased alike: a guessed address learns nothing.
  if (!account) throw problem('not_found', 'No calendar has this address');
  const lang = query.lang ?? account.locale ?? DEFAULT_LANG;
  const ctx = calendarContext(app, c, lang);
  const registrations = await calendarRegistrations(
    db,
    account.memberships.map((m) => m.associationId),
  );
  const events = registrations.map((registration) => registrationEvent(ctx, registration));
  const text = calendarText(lang, pickText(TITLES.personalCalendar, lang).text, events);
  return textAnswer(c, text, CALENDAR_TYPE, 'private');
}

/** `calendars.issueToken`: a new calendar secret for the signed-in account; the old address stops working. */
async function issueCalendarTokenHandler(
  app: ApiApp,
  { db, auth, now, c }: HandlerInput<typeof issueCalendarToken>,
) {
  if (!auth) throw problem('unauthenticated');
  const issuedAt = toInstant(now);
  const token = await rotateCalendarToken(db, auth.id, issuedAt);
  const { origin } = placeOf(app, c);
  const lang = auth.locale ? `?lang=${auth.locale}` : '';
  return { status: 201, body: { token, url: `${origin}/v1/calendars/me/${token}.ics${lang}`, issuedAt } };
}

/**
 * Binds the feed and calendar routes. Each handler takes the app as well as the request, for the server's
 * public address (`app.publicUrl`) that feed ids and calendar links are built from.
 *
 * @example
 * ```ts
 * export const feedsArea: Area = { name: 'feeds', migrations: [], register: registerFeedRoutes };
 * ```
 */
export function registerFeedRoutes(app: ApiApp): void {
  app.bind(callsFeed, (input) => callsFeedHandler(app, input));
  app.bind(consultationsFeed, (input) => consultationsFeedHandler(app, input));
  app.bind(synthesesFeed, (input) => synthesesFeedHandler(app, input));
  app.bind(callsCalendar, (input) => callsCalendarHandler(app, input));
  app.bind(suffixed(callCalendar), (input) => callCalendarHandler(app, input));
  app.bind(suffixed(consultationCalendar), (input) => consultationCalendarHandler(app, input));
  app.bind(suffixed(sessionCalendar), (input) => sessionCalendarHandler(app, input));
  app.bind(suffixed(personalCalendar), (input) => personalCalendarHandler(app, input));
  app.bind(issueCalendarToken, (input) => issueCalendarTokenHandler(app, input));
}
