import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type CalendarToken,
  type Call,
  type CallDraft,
  type Consultation,
  casablancaDate,
  casablancaEndOfDay,
  casablancaOffsetMinutes,
  type Registration,
  type Session,
} from '@nassij/contract';
import ICAL from 'ical.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { completeCallFields, signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
let host: string;
const tokens = {} as Record<DemoAccountKey, string>;
const DAY_MS = 86_400_000;

before(async () => {
  server = await tempServer({ rateLimit: false });
  host = new URL(server.url).hostname;
  for (const key of ['regionCallManager', 'representative', 'citizen'] as const)
    tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
});
after(async () => {
  await server.stop();
});

async function send<T>(method: string, path: string, options: { as?: DemoAccountKey; json?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.as) headers.authorization = `Bearer ${tokens[options.as]}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A published call of the regional council that closes at `closes`. */
async function publishCallClosing(closes: string): Promise<Call> {
  const fields = completeCallFields(new Date());
  // Reports fall due after the call closes, however far the deadline (the next Ramadan may be months away).
  const reports = fields.reports?.map((report, index) => ({
    ...report,
    dueOn: new Date(Date.parse(closes) + (index + 1) * 120 * DAY_MS).toISOString().slice(0, 10),
  }));
  const draft = await send<CallDraft>('POST', '/v1/calls', {
    as: 'regionCallManager',
    json: {
      ...fields,
      dates: { ...fields.dates, closes: { at: closes, timeZone: 'Africa/Casablanca' } },
      ...(reports ? { reports } : {}),
    },
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const published = await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, {
    as: 'regionCallManager',
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return published.body;
}

/**
 * The end of the first Casablanca day, at least `fromDays` days from now, whose 23:59 falls in (or out of)
 * Ramadan's UTC+0 period, by the contract's own clock rules.
 */
function deadlineWhere(ramadan: boolean, fromDays: number): string {
  for (let day = fromDays; day < fromDays + 800; day++) {
    const end = casablancaEndOfDay(casablancaDate(new Date(Date.now() + day * DAY_MS)));
    if ((casablancaOffsetMinutes(end) === 0) === ramadan) return end;
  }
  throw new Error('no such day');
}

interface ParsedEvent {
  uid: string;
  sequence: number;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time;
  status: string | undefined;
}

/** Fetches and parses a calendar with ical.js, its Africa/Casablanca zone taken from the calendar itself. */
async function readCalendar(
  path: string,
): Promise<{ events: ParsedEvent[]; raw: string; response: Response }> {
  const response = await fetch(`${server.url}${path}`);
  assert.equal(response.status, 200, path);
  assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const raw = await response.text();
  for (const line of raw.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  assert.ok(raw.endsWith('\r\n') && !/[^\r]\n/.test(raw), 'CRLF line ends');
  const calendar = new ICAL.Component(ICAL.parse(raw));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  assert.ok(zone, 'a VTIMEZONE');
  ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
      status: component.getFirstPropertyValue('status')?.toString(),
    };
  });
  return { events, raw, response };
}

describe('calendars of calls', () => {
  test('a deadline reads 23:59 Moroccan time, in Ramadan and out of it, and converts to its instant', async () => {
    for (const ramadan of [true, false]) {
      const closes = deadlineWhere(ramadan, 5);
      const call = await publishCallClosing(closes);
      const { events } = await readCalendar(`/v1/calendars/calls/${call.id}.ics?lang=fr`);
      const deadline = events.find((event) => event.uid === `${call.id}-closes@${host}`);
      assert.ok(deadline, `the deadline of ${call.id}`);
      assert.equal(deadline.start.zone?.tzid, 'Africa/Casablanca');
      assert.equal(
        `${deadline.start.hour}:${deadline.start.minute}`,
        '23:59',
        `wall time (Ramadan: ${ramadan})`,
      );
      assert.equal(deadline.start.toJSDate().toISOString(), new Date(closes).toISOString());
      assert.equal(deadline.end.toJSDate().getTime(), deadline.start.toJSDate().getTime());
      // During Ramadan 23:59 there is 23:59 UTC; out of it, 22:59 UTC.
      assert.equal(new Date(closes).getUTCHours(), ramadan ? 23 : 22);
      assert.match(deadline.summary, /^Date limite: /);
    }
  });

  test('UIDs are stable and SEQUENCE follows the call version after an amendment', async () => {
    const call = await publishCallClosing(deadlineWhere(false, 10));
    const path = `/v1/calendars/calls/${call.id}.ics`;
    const first = await readCalendar(path);
    const again = await readCalendar(path);
    assert.deepEqual(
      again.events.map((e) => e.uid),
      first.events.map((e) => e.uid),
    );
    assert.equal(first.raw, again.raw, 'the same text while nothing changed');
    const before = first.events.find((e) => e.uid === `${call.id}-closes@${host}`);
    assert.equal(before?.sequence, 1);
    const later = new Date(Date.parse(call.dates.closes?.at ?? '') + 7 * DAY_MS);
    const closes = casablancaEndOfDay(casablancaDate(later));
    const { publishedAt: _published, ...dates } = call.dates;
    const amended = await send<Call>('POST', `/v1/calls/${call.id}/amendments`, {
      as: 'regionCallManager',
      json: {
        changes: { dates: { ...dates, closes: { at: closes, timeZone: 'Africa/Casablanca' } } },
        summary: { ar: 'تمديد الأجل', fr: 'Report de la date limite' },
      },
    });
    assert.equal(amended.status, 200, JSON.stringify(amended.body));
    const after = await readCalendar(path);
    const moved = after.events.find((e) => e.uid === `${call.id}-closes@${host}`);
    assert.equal(moved?.sequence, 2);
    assert.equal(moved?.start.toJSDate().toISOString(), new Date(closes).toISOString());
  });

  test('the calendar of a filter has the deadlines of the matching calls, and a 304 for a known one', async () => {
    const open = await send<{ items: Call[] }>('GET', '/v1/calls?region=MA-09&status=open&limit=100');
    const { events, response } = await readCalendar(
      '/v1/calendars/calls.ics?region=MA-09&status=open&lang=ar',
    );
    const uids = new Set(events.map((e) => e.uid));
    const withDeadline = open.body.items.filter((call) => call.dates.closes);
    assert.ok(withDeadline.length > 0);
    for (const call of withDeadline) {
      // A call taking applications at cut-offs has one deadline event per cut-off.
      const expected =
        call.deadlineModel.kind === 'cutoffs'
          ? call.deadlineModel.cutoffs.map((_, index) => `${call.id}-closes-${index + 1}@${host}`)
          : [`${call.id}-closes@${host}`];
      for (const uid of expected) assert.ok(uids.has(uid), uid);
    }
    const ids = new Set(open.body.items.map((call) => call.id));
    for (const uid of uids)
      assert.ok(ids.has(uid.replace(/-(closes|opens)(-\d+)?@.*$/, '')), `${uid} matches`);
    const etag = response.headers.get('etag') ?? '';
    const cached = await fetch(`${server.url}/v1/calendars/calls.ics?region=MA-09&status=open&lang=ar`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(cached.status, 304);
  });

  test('escapes text and marks a cancelled call', async () => {
    const call = await publishCallClosing(deadlineWhere(false, 12));
    const cancelled = await send('POST', `/v1/calls/${call.id}/cancel`, {
      as: 'regionCallManager',
      json: { reason: { ar: 'سحب الميزانية', fr: 'Budget retiré' } },
    });
    assert.equal(cancelled.status, 200);
    const { events } = await readCalendar(`/v1/calendars/calls/${call.id}.ics?lang=fr`);
    const deadline = events.find((e) => e.uid === `${call.id}-closes@${host}`);
    assert.equal(deadline?.status, 'CANCELLED');
    assert.match(deadline?.summary ?? '', /^Annulé: Date limite: /);
    assert.equal(deadline?.sequence, call.version + 1);
  });

  test('an unknown call is 404', async () => {
    const missing = await send('GET', `/v1/calendars/calls/${F.missing.call}.ics`);
    assert.equal(missing.status, 404);
  });
});

describe('the calendar of a consultation', () => {
  test('has one event per phase, at its dates', async () => {
    const consultation = await send<Consultation>('GET', `/v1/consultations/${F.consultations.draftLaw}`);
    const { events } = await readCalendar(
      `/v1/calendars/consultations/${F.consultations.draftLaw}.ics?lang=fr`,
    );
    assert.equal(events.length, consultation.body.phases.length);
    for (const phase of consultation.body.phases) {
      const event = events.find((e) => e.uid === `${F.consultations.draftLaw}-${phase.phase}@${host}`);
      assert.ok(event, phase.phase);
      assert.equal(event.start.toJSDate().toISOString(), new Date(phase.period.start).toISOString());
    }
    const missing = await send('GET', `/v1/calendars/consultations/${F.missing.consultation}.ics`);
    assert.equal(missing.status, 404);
  });
});

describe('the calendar of one training session', () => {
  test('has its one event at its time and place, stable across requests; an unknown session is 404', async () => {
    const session = await send<{ id: string; period: { start: string; end: string } }>(
      'GET',
      `/v1/sessions/${F.sessions.openWithSeats}`,
    );
    assert.equal(session.status, 200);
    const path = `/v1/calendars/sessions/${F.sessions.openWithSeats}.ics?lang=ar`;
    const first = await readCalendar(path);
    assert.equal(first.events.length, 1);
    const [event] = first.events;
    assert.equal(event?.uid, `${F.sessions.openWithSeats}@${host}`);
    assert.equal(event?.start.toJSDate().toISOString(), new Date(session.body.period.start).toISOString());
    assert.equal(event?.end.toJSDate().toISOString(), new Date(session.body.period.end).toISOString());
    assert.equal((await readCalendar(path)).events[0]?.uid, event?.uid);
    const missing = await send('GET', `/v1/calendars/sessions/${F.missing.session}.ics`);
    assert.equal(missing.status, 404);
  });
});

describe('a person’s calendar of training sessions', () => {
  test('needs a signed-in owner to issue its secret', async () => {
    const anonymous = await send('POST', '/v1/auth/me/calendar-token');
    assert.equal(anonymous.status, 401);
  });

  test('lists the sessions of their registrations behind a secret; a wrong or rotated one is 404', async () => {
    const issued = await send<CalendarToken>('POST', '/v1/auth/me/calendar-token', { as: 'representative' });
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    const url = new URL(issued.body.url);
    assert.ok(url.pathname.endsWith(`/${issued.body.token}.ics`));
    const { events, response } = await readCalendar(`${url.pathname}${url.search}`);
    assert.equal(response.headers.get('cache-control'), 'private, no-cache');
    const registration = await send<Registration>(
      'GET',
      `/v1/registrations/${F.registrations.upcomingOfRepresented}`,
      { as: 'representative' },
    );
    const session = await send<Session>('GET', `/v1/sessions/${registration.body.sessionId}`);
    const event = events.find((e) => e.uid === `${F.registrations.upcomingOfRepresented}@${host}`);
    assert.ok(event, 'the upcoming registration');
    assert.equal(event.start.toJSDate().toISOString(), new Date(session.body.period.start).toISOString());
    assert.equal(event.end.toJSDate().toISOString(), new Date(session.body.period.end).toISOString());

    const citizen = await send<CalendarToken>('POST', '/v1/auth/me/calendar-token', { as: 'citizen' });
    const theirs = await readCalendar(new URL(citizen.body.url).pathname);
    assert.ok(
      !theirs.events.some((e) => e.uid === `${F.registrations.upcomingOfRepresented}@${host}`),
      'another person does not see them',
    );

    const wrong = await send('GET', `/v1/calendars/me/${'x'.repeat(43)}.ics`);
    assert.equal(wrong.status, 404);
    const rotated = await send<CalendarToken>('POST', '/v1/auth/me/calendar-token', { as: 'representative' });
    assert.notEqual(rotated.body.token, issued.body.token);
    const old = await send('GET', url.pathname);
    assert.equal(old.status, 404, 'the previous secret stops working');
    const current = await fetch(`${server.url}${new URL(rotated.body.url).pathname}`);
    assert.equal(current.status, 200);
    await current.text();
    const stored = await server.db.all<{ token_hash: string }>('SELECT token_hash FROM calendar_tokens');
    assert.ok(!stored.some((row) => row.token_hash === rotated.body.token), 'only the digest is stored');
  });
});
