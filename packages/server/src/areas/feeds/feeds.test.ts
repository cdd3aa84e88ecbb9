import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Call, type CallDraft, type CallSummary, type PageOf, pickText } from '@nassij/contract';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { completeCallFields, signInAs, tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
const tokens = {} as Record<DemoAccountKey, string>;

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const key of ['regionCallManager'] as const)
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

/** A published call of the regional council, with the given titles. */
async function publishCall(title: Call['title']): Promise<Call> {
  const draft = await send<CallDraft>('POST', '/v1/calls', {
    as: 'regionCallManager',
    json: { ...completeCallFields(new Date()), title },
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const published = await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, {
    as: 'regionCallManager',
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return published.body;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
});

interface AtomText {
  '#text': string;
  '@type'?: string;
  '@xml:lang'?: string;
}
interface AtomLink {
  '@rel'?: string;
  '@href': string;
  '@type'?: string;
}
interface AtomEntry {
  id: string;
  title: AtomText | string;
  updated: string;
  author?: { name: string };
  link: AtomLink[];
  summary?: AtomText;
  category?: { '@term': string }[];
}
interface AtomFeed {
  '@xmlns': string;
  '@xml:lang': string;
  id: string;
  title: AtomText;
  updated: string;
  author?: { name: string };
  link: AtomLink[];
  entry?: AtomEntry[];
}

const text = (value: AtomText | string | undefined) =>
  typeof value === 'string' ? value : (value?.['#text'] ?? '');
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Fetches a feed, checks it is well-formed Atom with every element RFC 4287 requires, and parses it. */
async function readFeed(path: string): Promise<{ feed: AtomFeed; raw: string; response: Response }> {
  const response = await fetch(`${server.url}${path}`);
  assert.equal(response.status, 200, path);
  assert.equal(response.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
  const raw = await response.text();
  assert.equal(XMLValidator.validate(raw), true, 'well-formed XML');
  const feed = (parser.parse(raw) as { feed: AtomFeed }).feed;
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.match(feed.id, /^tag:/);
  assert.ok(text(feed.title).length > 0, 'feed title');
  assert.match(feed.updated, RFC3339);
  assert.ok(feed.author?.name, 'a feed-level author covers every entry');
  const self = feed.link.find((link) => link['@rel'] === 'self');
  assert.ok(self, 'rel=self');
  assert.equal(new URL(self['@href']).pathname, path.split('?')[0]);
  for (const entry of feed.entry ?? []) {
    assert.match(entry.id, /^tag:/);
    assert.ok(text(entry.title).length > 0, `title of ${entry.id}`);
    assert.match(entry.updated, RFC3339);
    assert.ok(
      entry.link.some((link) => (link['@rel'] ?? 'alternate') === 'alternate'),
      'an entry without content has an alternate link',
    );
    assert.ok(entry.updated <= feed.updated, 'the feed is as recent as its newest entry');
  }
  return { feed, raw, response };
}

const callIdOf = (entry: AtomEntry) => entry.id.split(':call:')[1] ?? '';

describe('the calls feed', () => {
  test('is Atom in the language asked for, newest first, each entry the call in that language', async () => {
    const { feed } = await readFeed('/v1/feeds/calls.atom?lang=fr');
    assert.equal(feed['@xml:lang'], 'fr');
    const entries = feed.entry ?? [];
    assert.ok(entries.length > 0 && entries.length <= 50, `${entries.length} entries`);
    const page = await send<PageOf<CallSummary>>('GET', '/v1/calls?sort=newest&limit=50');
    assert.deepEqual(
      entries.map(callIdOf),
      page.body.items.map((call) => call.id),
      'the call list, newest first',
    );
    const first = page.body.items[0] as CallSummary;
    const title = pickText(first.title, 'fr');
    assert.ok(text(entries[0]?.title).endsWith(title.text));
    const arabic = await readFeed('/v1/feeds/calls.atom?lang=ar');
    assert.equal(arabic.feed['@xml:lang'], 'ar');
    assert.ok(text(arabic.feed.entry?.[0]?.title).endsWith(pickText(first.title, 'ar').text));
    assert.notEqual(text(arabic.feed.title), text(feed.title), 'the feed title is translated');
  });

  test('takes the call list filters: a region gives exactly the calls the list gives', async () => {
    const { feed } = await readFeed('/v1/feeds/calls.atom?region=MA-09&status=open&lang=en');
    const page = await send<PageOf<CallSummary>>(
      'GET',
      '/v1/calls?region=MA-09&status=open&sort=newest&limit=50',
    );
    const ids = (feed.entry ?? []).map(callIdOf);
    assert.ok(ids.length > 0);
    assert.deepEqual(
      ids,
      page.body.items.map((call) => call.id),
    );
    for (const call of page.body.items) {
      assert.ok(call.coverage === 'national' || call.eligibleRegions.includes('MA-09'), call.id);
      assert.equal(call.status, 'open');
    }
    const everything = await readFeed('/v1/feeds/calls.atom?lang=en');
    assert.ok((everything.feed.entry ?? []).length > ids.length, 'the filter leaves calls out');
    assert.notEqual(feed.id, everything.feed.id, 'a filtered feed has its own id');
    const reordered = await readFeed('/v1/feeds/calls.atom?status=open&region=MA-09&lang=fr');
    assert.equal(
      reordered.feed.id,
      feed.id,
      'the same filters give the same id, whatever the order or language',
    );
  });

  test('refuses what the call list refuses', async () => {
    const refused = await send<{ code: string }>('GET', '/v1/feeds/calls.atom?region=MA-99');
    assert.equal(refused.status, 422);
    const paged = await send<{ code: string }>('GET', '/v1/feeds/calls.atom?limit=5');
    assert.equal(paged.status, 422, 'a feed has no paging');
  });

  test('escapes hostile titles, drops characters XML forbids, and never shows a draft', async () => {
    const hostile = `<script>alert("x")</script> & ']]> \u0007${Date.now()}`;
    const call = await publishCall({ fr: hostile, ar: hostile });
    const marker = `draft-only-${Date.now()}`;
    const draft = await send<CallDraft>('POST', '/v1/calls', {
      as: 'regionCallManager',
      json: { ...completeCallFields(new Date()), title: { fr: marker, ar: marker } },
    });
    assert.equal(draft.status, 201);
    const { feed, raw } = await readFeed('/v1/feeds/calls.atom?lang=fr');
    const entry = feed.entry?.find((e) => callIdOf(e) === call.id);
    assert.ok(entry, 'the new call is in the feed');
    assert.equal(text(entry.title), hostile.replace('\u0007', ''));
    assert.ok(!raw.includes('<script>'), 'no markup of the title reaches the document');
    assert.ok(!raw.includes(marker) && !raw.includes(draft.body.id), 'no draft');
  });

  test('shows a cancelled call as cancelled', async () => {
    const call = await publishCall({
      ar: `طلب سيُلغى ${Date.now()}`,
      fr: `Appel bientôt annulé ${Date.now()}`,
    });
    const cancelled = await send('POST', `/v1/calls/${call.id}/cancel`, {
      as: 'regionCallManager',
      json: { reason: { fr: 'Budget retiré' } },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    const { feed } = await readFeed('/v1/feeds/calls.atom?lang=fr&status=cancelled');
    const entry = feed.entry?.find((e) => callIdOf(e) === call.id);
    assert.ok(entry);
    assert.match(text(entry.title), /^Annulé: /);
    assert.deepEqual(
      entry.category?.map((c) => c['@term']),
      ['cancelled'],
    );
    assert.ok(entry.updated > call.dates.publishedAt, 'the cancellation updates the entry');
  });

  test('answers 304 to a reader that has the current version', async () => {
    const first = await fetch(`${server.url}/v1/feeds/calls.atom?lang=ar`);
    await first.text();
    const etag = first.headers.get('etag');
    assert.ok(etag);
    assert.equal(first.headers.get('cache-control'), 'public, no-cache');
    const again = await fetch(`${server.url}/v1/feeds/calls.atom?lang=ar`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const other = await fetch(`${server.url}/v1/feeds/calls.atom?lang=fr`, {
      headers: { 'if-none-match': etag },
    });
    assert.equal(other.status, 200, 'another language is another representation');
    await other.text();
  });
});

describe('the consultation feeds', () => {
  test('list consultations newest first with their phase', async () => {
    const { feed } = await readFeed('/v1/feeds/consultations.atom?lang=fr');
    const ids = (feed.entry ?? []).map((entry) => entry.id.split(':consultation:')[1]);
    assert.ok(ids.includes(F.consultations.draftLaw));
    assert.ok(ids.includes(F.consultations.upcoming));
  });

  test('list published syntheses only', async () => {
    const { feed } = await readFeed('/v1/feeds/syntheses.atom?lang=zgh');
    assert.equal(feed['@xml:lang'], 'zgh');
    const ids = (feed.entry ?? []).map((entry) => entry.id.split(':synthesis:')[1]);
    assert.ok(ids.includes(F.consultations.synthesisPublished));
    assert.ok(!ids.includes(F.consultations.closed), 'a closed consultation has no synthesis yet');
    const synthesis = await send<{ publishedAt: string }>(
      'GET',
      `/v1/consultations/${F.consultations.synthesisPublished}/synthesis`,
    );
    const entry = feed.entry?.find((e) => e.id.endsWith(`:synthesis:${F.consultations.synthesisPublished}`));
    assert.equal(entry?.updated, synthesis.body.publishedAt);
  });
});
