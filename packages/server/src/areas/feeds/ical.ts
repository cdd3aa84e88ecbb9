// An iCalendar (RFC 5545) writer for the calendars of calls, consultations and training sessions: text
// escaped (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF, times in
// Africa/Casablanca with a VTIMEZONE derived from the contract's own offsets (Ramadan periods included), so
// that a calendar app shows the Moroccan wall time the platform shows, whatever its own tz data.
import {
  casablancaOffsetMinutes,
  casablancaWallClock,
  DISPLAY_TIME_ZONE,
  escapeIcsText,
  foldLine,
  icsUtc,
} from '@nassij/contract';

// The text rules (escaping, folding, UTC values) live in the contract, shared with the elements.
export { escapeIcsText, foldLine, icsUtc };

/** One event of a calendar, with instants in UTC (ISO) and text already in the reader's language. */
export interface IcsEvent {
  /** Stable across requests and changes: what lets a calendar app update the event instead of adding one. */
  uid: string;
  /** The revision of the event: bumped when what it says changes (a call's version). */
  sequence: number;
  /** When the information was last revised (RFC 5545 §3.8.7.2, without METHOD): stable, unlike "now". */
  stamp: string;
  start: string;
  end: string;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | undefined;
  /** A deadline does not make its reader busy; a training session does. */
  transparent?: boolean | undefined;
  categories?: readonly string[] | undefined;
}

/** A whole calendar: its name, the language of its text and its events. */
export interface IcsCalendar {
  name: string;
  description?: string | undefined;
  /** BCP 47 tag of the text (`LANGUAGE` parameter of SUMMARY and DESCRIPTION). */
  language: string;
  events: readonly IcsEvent[];
}

/** `YYYYMMDDTHHMMSS` of a `Date` whose UTC fields hold the wanted clock. */
function basicDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, '')
    .replace(/[-:]/g, '');
}

/**
 * The Casablanca wall time of an instant as a local DATE-TIME (`20260331T235900`), for `TZID=Africa/Casablanca`.
 *
 * @example
 * ```ts
 * icsCasablanca('2026-03-31T22:59:00Z'); // '20260331T235900'
 * ```
 */
export function icsCasablanca(instant: string): string {
  return basicDateTime(casablancaWallClock(instant));
}

/** A change of Morocco's offset: the instant it happens and the offsets before and after, in minutes. */
export interface OffsetTransition {
  at: number;
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Every change of Morocco's UTC offset from 1 January of `fromYear` to the end of `toYear`, found from the
 * contract's `casablancaOffsetMinutes` (one sample a day, then to the minute): the same table the platform
 * shows deadlines with, so the calendar cannot disagree with it.
 *
 * @example
 * ```ts
 * casablancaTransitions(2026, 2026); // Ramadan 2026: to UTC+0 on 15 February, back on 22 March
 * ```
 */
export function casablancaTransitions(fromYear: number, toYear: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let at = Date.UTC(fromYear, 0, 1);
  let offset = casablancaOffsetMinutes(new Date(at));
  while (at < end) {
    const next = at + DAY_MS;
    const nextOffset = casablancaOffsetMinutes(new Date(next));
    if (nextOffset !== offset) {
      // The first minute of the new offset: changes are weeks apart, so one lies in this day.
      let low = at;
      let high = next;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (casablancaOffsetMinutes(new Date(middle)) === offset) low = middle;
        else high = middle;
      }
      transitions.push({ at: high, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    at = next;
  }
  return transitions;
}

/** `+0100` of an offset in minutes. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** `+01` as tzdata names Morocco's offsets. */
function offsetName(minutes: number): string {
  return utcOffset(minutes).slice(0, minutes % 60 === 0 ? 3 : 5);
}

/**
 * The VTIMEZONE of Africa/Casablanca for the years an calendar's events fall in: one observance per offset,
 * its onsets as RDATEs (local time before the change, as §3.6.5 asks). The Ramadan UTC+0 periods are the
 * STANDARD observance and UTC+1 the DAYLIGHT one, as tzdata's "rearguard" form has it: the form calendar
 * programs that know no negative daylight saving time read correctly.
 *
 * @example
 * ```ts
 * casablancaTimezone(2026, 2027).join('\r\n'); // BEGIN:VTIMEZONE … END:VTIMEZONE
 * ```
 */
export function casablancaTimezone(fromYear: number, toYear: number): string[] {
  const key = `${fromYear}-${toYear}`;
  let lines = timezones.get(key);
  if (!lines) {
    lines = timezoneLines(fromYear, toYear);
    // The offsets of past and future years do not change while the process runs (they come from code).
    if (timezones.size >= 64) timezones.clear();
    timezones.set(key, lines);
  }
  return lines;
}

const timezones = new Map<string, string[]>();

function timezoneLines(fromYear: number, toYear: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${DISPLAY_TIME_ZONE}`, `X-LIC-LOCATION:${DISPLAY_TIME_ZONE}`];
  // From the year before: the offset in force when the first event happens is then one a change set.
  const transitions = casablancaTransitions(fromYear - 1, toYear);
  if (transitions.length === 0) {
    const offset = utcOffset(casablancaOffsetMinutes(new Date(Date.UTC(fromYear, 0, 1))));
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      `TZNAME:${offsetName(casablancaOffsetMinutes(new Date(Date.UTC(fromYear, 0, 1))))}`,
      'END:STANDARD',
    );
  }
  const byOffset = new Map<number, OffsetTransition[]>();
  for (const transition of transitions)
    byOffset.set(transition.to, [...(byOffset.get(transition.to) ?? []), transition]);
  const standardOffset = Math.min(...byOffset.keys());
  for (const [to, onsets] of [...byOffset].sort(([a], [b]) => a - b)) {
    const kind = to === standardOffset ? 'STANDARD' : 'DAYLIGHT';
    const locals = onsets.map((onset) => basicDateTime(new Date(onset.at + onset.from * MINUTE_MS)));
    const first = onsets[0] as OffsetTransition;
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${locals[0]}`,
      `TZOFFSETFROM:${utcOffset(first.from)}`,
      `TZOFFSETTO:${utcOffset(to)}`,
      `TZNAME:${offsetName(to)}`,
    );
    // One RDATE per onset, the first one included: readers such as ical.js take one value of an RDATE
    // property only, and ignore DTSTART as an onset once RDATEs are present.
    for (const local of locals) lines.push(`RDATE:${local}`);
    lines.push(`END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function eventLines(event: IcsEvent, language: string): string[] {
  const text = (name: string, value: string) => `${name};LANGUAGE=${language}:${escapeIcsText(value)}`;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `LAST-MODIFIED:${icsUtc(event.stamp)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=${DISPLAY_TIME_ZONE}:${icsCasablanca(event.start)}`,
    `DTEND;TZID=${DISPLAY_TIME_ZONE}:${icsCasablanca(event.end)}`,
    text('SUMMARY', event.summary),
  ];
  if (event.description) lines.push(text('DESCRIPTION', event.description));
  if (event.location) lines.push(text('LOCATION', event.location));
  // A URI value is not TEXT: it is written as is, and only http(s) addresses the server built reach here.
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories?.length)
    lines.push(`CATEGORIES:${event.categories.map((c) => escapeIcsText(c)).join(',')}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  lines.push(`TRANSP:${event.transparent ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  return lines;
}

/**
 * The text of a calendar: VCALENDAR with the Casablanca VTIMEZONE for the years of its events, its events,
 * folded lines ending in CRLF.
 *
 * @example
 * ```ts
 * const text = writeCalendar({ name: 'Calls', language: 'fr', events: [deadline] });
 * ```
 */
export function writeCalendar(calendar: IcsCalendar): string {
  const years = calendar.events.flatMap((event) => [
    new Date(event.start).getUTCFullYear(),
    new Date(event.end).getUTCFullYear(),
  ]);
  const fromYear = years.length ? Math.min(...years) : new Date().getUTCFullYear();
  const toYear = years.length ? Math.max(...years) : fromYear;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Nassij//Feeds and calendars//EN',
    'CALSCALE:GREGORIAN',
    `NAME:${escapeIcsText(calendar.name)}`,
    `X-WR-CALNAME:${escapeIcsText(calendar.name)}`,
    ...(calendar.description
      ? [
          `DESCRIPTION:${escapeIcsText(calendar.description)}`,
          `X-WR-CALDESC:${escapeIcsText(calendar.description)}`,
        ]
      : []),
    `X-WR-TIMEZONE:${DISPLAY_TIME_ZONE}`,
    // Subscribed calendars are fetched again this often (RFC 7986 and the older Microsoft property).
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...casablancaTimezone(fromYear, toYear),
    ...calendar.events.flatMap((event) => eventLines(event, calendar.language)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
