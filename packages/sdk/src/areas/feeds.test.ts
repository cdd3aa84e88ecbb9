import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CalendarToken, CallFeedQuery, validate } from '@nassij/contract';
import { createBaseClient, createClient } from '../client.js';
import { NassijResponseValidationError } from '../errors.js';
import { type Peer, startPeer } from '../test-support/peer.js';
import { feedsArea } from './feeds.js';

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

test('feed and calendar addresses carry the call list filters, without paging or sort', () => {
  const client = createClient({ baseUrl: 'https://platform.example/api/' });
  const feed = new URL(
    client.feeds.callsFeedUrl(
      { region: ['MA-09', 'MA-01'], status: ['open'], sort: 'newest', limit: 10, cursor: 'abc' },
      'fr',
    ),
  );
  assert.equal(feed.origin + feed.pathname, 'https://platform.example/api/v1/feeds/calls.atom');
  assert.deepEqual(feed.searchParams.getAll('region'), ['MA-09', 'MA-01']);
  assert.equal(feed.searchParams.get('lang'), 'fr');
  for (const paging of ['sort', 'limit', 'cursor'])
    assert.equal(feed.searchParams.has(paging), false, paging);
  // What the builder writes is what the server's schema accepts.
  const query = Object.fromEntries(
    [...new Set(feed.searchParams.keys())].map((key) => {
      const values = feed.searchParams.getAll(key);
      return [key, key === 'region' || key === 'status' ? values : values[0]];
    }),
  );
  assert.equal(validate(CallFeedQuery, query).ok, true);

  const calendar = new URL(client.feeds.callsCalendarUrl({ sector: ['education'] }));
  assert.equal(calendar.pathname, '/api/v1/calendars/calls.ics');
  assert.equal(calendar.search, '?sector=education', 'no language unless the client or the caller has one');
});

test('one call, a consultation, the consultation feeds and a personal calendar', () => {
  const client = createClient({ baseUrl: 'https://platform.example', locale: 'ar' });
  assert.equal(
    client.feeds.callCalendarUrl('call_x'),
    'https://platform.example/v1/calendars/calls/call_x.ics?lang=ar',
  );
  assert.equal(
    client.feeds.consultationCalendarUrl('cons_x', 'fr'),
    'https://platform.example/v1/calendars/consultations/cons_x.ics?lang=fr',
  );
  assert.equal(
    client.feeds.consultationsFeedUrl('zgh'),
    'https://platform.example/v1/feeds/consultations.atom?lang=zgh',
  );
  assert.equal(
    client.feeds.synthesesFeedUrl('en'),
    'https://platform.example/v1/feeds/syntheses.atom?lang=en',
  );
  assert.equal(
    client.feeds.personalCalendarUrl('s3cr3t-token_value-0123456789'),
    'https://platform.example/v1/calendars/me/s3cr3t-token_value-0123456789.ics?lang=ar',
  );
  // Path parameters are encoded: an id cannot step out of its segment.
  assert.ok(client.feeds.callCalendarUrl('a/b').includes('/calls/a%2Fb.ics'));
});

test('issueCalendarToken posts with the bearer token and checks the answer', async () => {
  const answer = {
    token: 'x'.repeat(43),
    url: 'https://platform.example/v1/calendars/me/x.ics',
    issuedAt: '2026-12-05T09:00:00Z',
  };
  assert.equal(validate(CalendarToken, answer).ok, true);
  let body = JSON.stringify(answer);
  const server = await startPeer((_request, response) => {
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(body);
  });
  peers.push(server);
  const client = createClient({ baseUrl: server.url, token: 'bearer-token' });
  assert.deepEqual(await client.feeds.issueCalendarToken(), answer);
  assert.equal(server.received[0]?.method, 'POST');
  assert.equal(server.received[0]?.url, '/v1/auth/me/calendar-token');
  assert.equal(server.received[0]?.headers.authorization, 'Bearer bearer-token');
  body = JSON.stringify({ token: 'short' });
  await assert.rejects(client.feeds.issueCalendarToken(), NassijResponseValidationError);
  // An embed's base client takes the schema-less route: the same call, the answer unchecked.
  const embedded = feedsArea(createBaseClient({ baseUrl: server.url, token: 'bearer-token' }).transport);
  body = JSON.stringify(answer);
  assert.deepEqual(await embedded.issueCalendarToken(), answer);
});
