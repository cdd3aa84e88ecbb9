import { escapeIcsText, foldLine, icsUtc, type SessionSummary } from '@nassij/contract';

// "Add to calendar" for one training session, written by the element itself as an RFC 5545 file in a `data:`
// link: it works offline and in data mode, and reveals nothing to the server (the server also answers
// `GET /v1/calendars/sessions/{sessionId}.ics`, for links from elsewhere). The text rules are the contract's.

/**
 * A `data:` URL of an iCalendar file with one event for a training session: its period in UTC, the course
 * title and the place in the reader's language, and a `UID` made of the session id, so that adding it twice
 * updates the same event rather than doubling it.
 *
 * @example
 * ```ts
 * sessionCalendarHref(session, 'Gestion financière', 'Agadir, Souss-Massa');
 * // 'data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR%0D%0A…'
 * ```
 */
export function sessionCalendarHref(session: SessionSummary, title: string, place: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nassij//Trainings//EN',
    'BEGIN:VEVENT',
    `UID:${session.id}@nassij`,
    `DTSTAMP:${icsUtc(new Date().toISOString())}`,
    `DTSTART:${icsUtc(session.period.start)}`,
    `DTEND:${icsUtc(session.period.end)}`,
    `SUMMARY:${escapeIcsText(title)}`,
    `LOCATION:${escapeIcsText(place)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(`${lines.map(foldLine).join('\r\n')}\r\n`)}`;
}
