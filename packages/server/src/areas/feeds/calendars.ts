// The events of the calendars: a call's opening and deadline(s), a consultation's phases, a person's training
// sessions. UIDs are built from ids and the server's host only, so the same event keeps its UID across
// requests and changes; SEQUENCE follows what changes it (a call's version, a registration's history).
import { type Locale, type LocalizedText, pickText } from '@nassij/contract';
import type { IcsEvent } from './ical.js';
import { CALL_STATUS, LABELS, PHASE, REGISTRATION_STATUS } from './messages.js';
import type { CalendarRegistration, FeedCall, FeedConsultation } from './store.js';

/** Where the events point to: the server's origin and the host name their UIDs end with. */
export interface CalendarContext {
  origin: string;
  host: string;
  lang: Locale;
}

function word(text: LocalizedText, lang: Locale): string {
  return pickText(text, lang).text;
}

/**
 * The events of a call: its deadline (`<callId>-closes@<host>`), or one per cut-off date for a call taking
 * applications at cut-offs, and its opening when it was announced before it opened (a forecast call). A
 * cancelled or early-closed call keeps its events, marked CANCELLED, so that calendars that imported them
 * learn it rather than keep a stale date. SEQUENCE is the call's version: it bumps on every amendment.
 *
 * @example
 * ```ts
 * const events = callEvents(ctx, await feedCall(db, callId, now));
 * ```
 */
export function callEvents(ctx: CalendarContext, { call, status, updated }: FeedCall): IcsEvent[] {
  const title = word(call.title, ctx.lang);
  const ended = status === 'cancelled' || call.closure !== undefined;
  const marker =
    status === 'cancelled'
      ? `${word(CALL_STATUS.cancelled, ctx.lang)}: `
      : call.closure?.kind === 'closed_early'
        ? `${word(LABELS.closedEarly, ctx.lang)}: `
        : '';
  const url = `${ctx.origin}/v1/calls/${call.id}`;
  const description = [
    word(call.summary, ctx.lang),
    `${word(LABELS.reference, ctx.lang)}: ${call.reference}`,
    word(call.funder.name, ctx.lang),
  ].join('\n');
  const common = {
    sequence: call.version,
    stamp: updated,
    description,
    url,
    transparent: true,
    status: ended ? ('CANCELLED' as const) : ('CONFIRMED' as const),
  };
  const events: IcsEvent[] = [];
  const deadlines =
    call.deadlineModel.kind === 'cutoffs'
      ? call.deadlineModel.cutoffs.map((cutoff, index) => ({
          at: cutoff.at,
          uid: `${call.id}-closes-${index + 1}`,
        }))
      : call.dates.closes
        ? [{ at: call.dates.closes.at, uid: `${call.id}-closes` }]
        : [];
  for (const deadline of deadlines) {
    events.push({
      ...common,
      uid: `${deadline.uid}@${ctx.host}`,
      start: deadline.at,
      end: deadline.at,
      summary: `${marker}${word(LABELS.deadline, ctx.lang)}: ${title}`,
    });
  }
  if (call.dates.opensAt > call.dates.publishedAt) {
    events.push({
      ...common,
      uid: `${call.id}-opens@${ctx.host}`,
      start: call.dates.opensAt,
      end: call.dates.opensAt,
      summary: `${marker}${word(LABELS.opens, ctx.lang)}: ${title}`,
    });
  }
  return events;
}

/**
 * The events of a consultation: one per phase with dates (`<consultationId>-<phase>@<host>`), from its start
 * to its end (a phase without a planned end is a moment: the synthesis published).
 *
 * @example
 * ```ts
 * const events = consultationEvents(ctx, await feedConsultation(db, consultationId, now));
 * ```
 */
export function consultationEvents(ctx: CalendarContext, entry: FeedConsultation): IcsEvent[] {
  const c = entry.consultation;
  const title = word(c.title, ctx.lang);
  return c.phases.map((phase) => ({
    uid: `${c.id}-${phase.phase}@${ctx.host}`,
    // A consultation has no version number of its own: its text versions stand for its revisions.
    sequence: c.versions.length - 1,
    stamp: entry.updated,
    start: phase.period.start,
    end: phase.period.end ?? phase.period.start,
    summary: `${word(PHASE[phase.phase], ctx.lang)}: ${title}`,
    description: `${word(c.summary, ctx.lang)}\n${c.reference}`,
    url: `${ctx.origin}/v1/consultations/${c.id}`,
    transparent: true,
    status: 'CONFIRMED',
  }));
}

/**
 * The event of a training registration: its session's time and place, the participant and the status.
 * UID `<registrationId>@<host>`; SEQUENCE counts the registration's status changes.
 *
 * @example
 * ```ts
 * const events = (await calendarRegistrations(db, associationIds)).map((r) => registrationEvent(ctx, r));
 * ```
 */
export function registrationEvent(ctx: CalendarContext, registration: CalendarRegistration): IcsEvent {
  const { session, course } = registration;
  const location = sessionPlace(ctx, session);
  const cancelled = session.status === 'cancelled';
  return {
    uid: `${registration.id}@${ctx.host}`,
    sequence: Math.max(0, registration.changes - 1) + (cancelled || session.status === 'postponed' ? 1 : 0),
    stamp: registration.changedAt,
    start: session.period.start,
    end: session.period.end,
    summary: `${cancelled ? `${word(CALL_STATUS.cancelled, ctx.lang)}: ` : ''}${word(course.title, ctx.lang)}`,
    description: [
      `${word(LABELS.participant, ctx.lang)}: ${registration.participant.name}`,
      word(REGISTRATION_STATUS[registration.status], ctx.lang),
      course.reference,
    ].join('\n'),
    location,
    url: `${ctx.origin}/v1/registrations/${registration.id}`,
    transparent: false,
    status: cancelled ? 'CANCELLED' : registration.status === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED',
  };
}

/** Where a session takes place, in the reader's language: its address and town, or "online" and the platform. */
function sessionPlace(ctx: CalendarContext, session: CalendarRegistration['session']): string {
  return session.location.kind === 'on_site'
    ? [session.location.address, session.location.city]
        .filter((part): part is LocalizedText => part !== undefined)
        .map((part) => word(part, ctx.lang))
        .join(', ')
    : [word(LABELS.online, ctx.lang), session.location.platform].filter(Boolean).join(' — ');
}

/**
 * The event of one training session, for anyone who adds it to a calendar from the training finder.
 * UID `<sessionId>@<host>`; SEQUENCE moves when the session is postponed or cancelled.
 *
 * @example
 * ```ts
 * const event = sessionEvent(ctx, { session, course, changedAt: session.period.start });
 * ```
 */
export function sessionEvent(
  ctx: CalendarContext,
  { session, course, changedAt }: Pick<CalendarRegistration, 'session' | 'course' | 'changedAt'>,
): IcsEvent {
  const cancelled = session.status === 'cancelled';
  return {
    uid: `${session.id}@${ctx.host}`,
    sequence: cancelled || session.status === 'postponed' ? 1 : 0,
    stamp: changedAt,
    start: session.period.start,
    end: session.period.end,
    summary: `${cancelled ? `${word(CALL_STATUS.cancelled, ctx.lang)}: ` : ''}${word(course.title, ctx.lang)}`,
    description: course.reference,
    location: sessionPlace(ctx, session),
    url: `${ctx.origin}/v1/sessions/${session.id}`,
    transparent: false,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}
