import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AWARD_RANGE_BOUNDS,
  AWARD_RANGES,
  type Award,
  type CallSort,
  type CallSummary,
  type ClosingRange,
  casablancaDaysUntil,
  type PageOf,
  toMinorUnits,
} from '@nassij/contract';
import { figureCacheOf } from '../../db/versioned-cache.js';
import { tempServer } from '../../testing.js';
import {
  type CallSearch,
  callStatusAt,
  callStatusSql,
  readCall,
  readStoredCall,
  readStoredCalls,
  type StoredCall,
  searchCallPage,
} from './store.js';

// The call search runs in SQL (filters, facets, status and closing buckets at `now`, keyset pages). These
// tests hold it to the rules stated in JS, over the demo's calls and at several instants, so that SQL and
// the contract's own functions (`casablancaDaysUntil`, the award-range bounds) never drift apart.

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
let calls: StoredCall[] = [];

const DAY = 86_400_000;

before(async () => {
  server = await tempServer();
  const ids = await server.db.all<{ id: string }>('SELECT id FROM calls ORDER BY id');
  calls = [];
  for (const { id } of ids) {
    const call = await readStoredCall(server.db, id);
    assert.ok(call);
    calls.push(call);
  }
  assert.ok(calls.length >= 40);
});
after(async () => {
  await server.stop();
});

/** The instants the tests look from: now, and later ones at which forecast calls open and open ones close. */
function instants(): Date[] {
  const now = Date.now();
  return [0, 9, 40, 120, 400].map((days) => new Date(now + days * DAY));
}

/** Every call of a search, through keyset pages of `limit`. */
async function everyPage(query: Omit<CallSearch, 'limit' | 'cursor'>, now: Date, limit: number) {
  const items: CallSummary[] = [];
  let cursor: string | undefined;
  let total = -1;
  for (let pages = 0; pages < 100; pages++) {
    const page = await searchCallPage(server.db, { ...query, limit, cursor }, now);
    assert.ok(page.items.length <= limit);
    items.push(...page.items);
    total = page.total;
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return { items, total };
}

function closingOf(closesAt: string | undefined, now: Date): ClosingRange | undefined {
  if (closesAt === undefined) return 'no-deadline';
  if (closesAt < now.toISOString()) return undefined;
  const days = casablancaDaysUntil(closesAt, now);
  return days <= 7 ? 'within-7-days' : days <= 30 ? 'within-30-days' : 'later';
}

test('readStoredCalls reads calls together as readStoredCall does one by one, in the order asked', async () => {
  const ids = calls.map((call) => call.id).reverse();
  const asked = [ids[0] ?? '', 'call_unknown', ...ids.slice(1)];
  assert.deepEqual(await readStoredCalls(server.db, asked), [...calls].reverse());
  assert.deepEqual(await readStoredCalls(server.db, []), []);
  const later = instants()[3] as Date;
  const atLater = await readStoredCalls(server.db, ids, later);
  for (const [index, id] of ids.entries())
    assert.deepEqual(atLater[index], await readStoredCall(server.db, id, later), id);
  assert.ok(
    atLater.some((call, index) => call.status !== [...calls].reverse()[index]?.status),
    'a status moved with the clock',
  );
});

describe('call search in SQL', () => {
  test('the status follows the clock, in SQL as in callStatusAt', async () => {
    let moved = 0;
    for (const at of instants()) {
      const rows = await server.db.all<{ id: string; status: string }>(
        `SELECT c.id, ${callStatusSql(at)} AS status FROM calls c ORDER BY c.id`,
      );
      const expected = calls.map((call) => ({ id: call.id, status: callStatusAt(call, at) }));
      assert.deepEqual(rows, expected, at.toISOString());
      moved += expected.filter((e, i) => e.status !== calls[i]?.status).length;
    }
    // The demo has forecast calls that open and open calls that close within 400 days.
    assert.ok(moved > 0, 'some status moved with the clock');
    const later = new Date(Date.now() + 400 * DAY);
    const forecast = calls.find(
      (call) => call.status === 'forecast' && call.dates.opensAt < later.toISOString(),
    );
    assert.ok(forecast, 'a forecast call opens within 400 days');
    assert.notEqual(callStatusAt(forecast, later), 'forecast');
    // A status set by hand stays.
    for (const call of calls.filter((c) => ['cancelled', 'awarded', 'under_review'].includes(c.status)))
      assert.equal(callStatusAt(call, later), call.status);
  });

  test('items, filters and facets use the status at now', async () => {
    const later = new Date(Date.now() + 40 * DAY);
    const all = await searchCallPage(server.db, { sort: 'newest', limit: 100 }, later);
    for (const item of all.items) {
      const call = calls.find((c) => c.id === item.id);
      assert.ok(call);
      assert.equal(item.status, callStatusAt(call, later), item.id);
    }
    const open = await searchCallPage(server.db, { status: ['open'], sort: 'newest', limit: 100 }, later);
    const expected = calls.filter((call) => callStatusAt(call, later) === 'open').map((call) => call.id);
    assert.deepEqual(open.items.map((c) => c.id).sort(), expected.sort());
    assert.equal(open.total, expected.length);
    assert.equal(all.facets?.status?.find((f) => f.value === 'open')?.count, expected.length);
  });

  test('closing buckets agree with casablancaDaysUntil at every instant', async () => {
    for (const at of instants()) {
      const page = await searchCallPage(server.db, { sort: 'newest', limit: 100 }, at);
      for (const bucket of ['within-7-days', 'within-30-days', 'later', 'no-deadline'] as const) {
        const expected = calls
          .filter((call) => closingOf(call.dates.closes?.at, at) === bucket)
          .map((c) => c.id);
        const found = await searchCallPage(server.db, { closing: [bucket], sort: 'newest', limit: 100 }, at);
        assert.deepEqual(
          found.items.map((c) => c.id).sort(),
          [...expected].sort(),
          `${bucket} at ${at.toISOString()}`,
        );
        assert.equal(page.facets?.closing?.find((f) => f.value === bucket)?.count ?? 0, expected.length);
      }
    }
  });

  test('award ranges and region facets count in SQL what the rules say', async () => {
    const page = await searchCallPage(server.db, { sort: 'newest', limit: 100 }, new Date());
    for (const range of AWARD_RANGES) {
      const [min, max] = AWARD_RANGE_BOUNDS[range];
      const expected = calls.filter((call) => {
        if (!call.budget.maxAward) return false;
        const mad = Number(toMinorUnits(call.budget.maxAward)) / 100;
        return mad >= min && (max === null || mad < max);
      }).length;
      assert.equal(page.facets?.awardRange?.find((f) => f.value === range)?.count ?? 0, expected, range);
    }
    for (const region of ['MA-01', 'MA-06', 'MA-12']) {
      const expected = calls.filter(
        (call) => call.coverage === 'national' || call.eligibleRegions.includes(region as never),
      ).length;
      assert.equal(page.facets?.region?.find((f) => f.value === region)?.count ?? 0, expected, region);
    }
  });

  test('every sort pages by keyset in the order of one big page, without duplicates or gaps', async () => {
    const now = new Date();
    for (const sort of ['closing_soonest', 'newest', 'largest'] as CallSort[]) {
      const whole = await searchCallPage(server.db, { sort, limit: 100 }, now);
      assert.equal(whole.nextCursor, null);
      assert.equal(whole.items.length, whole.total);
      for (const limit of [1, 4, 7]) {
        const paged = await everyPage({ sort }, now, limit);
        assert.deepEqual(
          paged.items.map((c) => c.id),
          whole.items.map((c) => c.id),
          `${sort} by ${limit}`,
        );
        assert.equal(paged.total, whole.total);
      }
    }
    // closing_soonest: upcoming deadlines (soonest first), then past ones (latest first), then none.
    const order = (await searchCallPage(server.db, { sort: 'closing_soonest', limit: 100 }, now)).items;
    const iso = now.toISOString();
    const rank = (c: CallSummary) => (c.dates.closes === undefined ? 2 : c.dates.closes.at >= iso ? 0 : 1);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]] as [CallSummary, CallSummary];
      assert.ok(rank(a) <= rank(b), `${a.id} before ${b.id}`);
      if (rank(a) === rank(b) && rank(a) === 0)
        assert.ok((a.dates.closes?.at ?? '') <= (b.dates.closes?.at ?? ''));
      if (rank(a) === rank(b) && rank(a) === 1)
        assert.ok((a.dates.closes?.at ?? '') >= (b.dates.closes?.at ?? ''));
    }
  });

  test('counts are kept per filter combination until a deadline passes or a call is written', async () => {
    const cache = figureCacheOf(server.db);
    const counted = () => cache.computedByKind.get('calls') ?? 0;
    const now = new Date();
    const query: CallSearch = { status: ['open'], sort: 'newest', limit: 3 };
    const first = await searchCallPage(server.db, query, now);
    const computed = counted();
    // Another page and another sort of the same filters: the same counts, none computed.
    const second = await searchCallPage(server.db, { ...query, cursor: first.nextCursor ?? undefined }, now);
    const largest = await searchCallPage(server.db, { ...query, sort: 'largest' }, now);
    assert.equal(counted(), computed);
    assert.deepEqual([second.total, largest.total], [first.total, first.total]);
    // Just past the next deadline of an open call, it is closed: counted again, one fewer open.
    const deadline = calls
      .filter((call) => callStatusAt(call, now) === 'open' && call.dates.closes)
      .map((call) => call.dates.closes?.at as string)
      .sort()[0];
    assert.ok(deadline, 'an open call has a deadline');
    const past = new Date(Date.parse(deadline) + 1000);
    const closing = calls.filter(
      (call) => callStatusAt(call, now) === 'open' && callStatusAt(call, past) === 'closed',
    ).length;
    const opening = calls.filter(
      (call) => callStatusAt(call, now) !== 'open' && callStatusAt(call, past) === 'open',
    ).length;
    const later = await searchCallPage(server.db, query, past);
    assert.equal(counted(), computed + 1);
    assert.equal(later.total, first.total - closing + opening);
    assert.ok(closing > 0);
    // A write to a call is seen at once.
    const call = calls.find((c) => callStatusAt(c, past) === 'open');
    assert.ok(call);
    await server.db.write("UPDATE calls SET status = 'cancelled' WHERE id = ?", [call.id]);
    try {
      const written = await searchCallPage(server.db, query, past);
      assert.equal(written.total, later.total - 1);
    } finally {
      await server.db.write('UPDATE calls SET status = ? WHERE id = ?', [call.status, call.id]);
    }
  });

  test('a call read at an instant is kept until its own deadline or a write', async () => {
    const cache = figureCacheOf(server.db);
    const now = new Date();
    const open = calls.find((call) => callStatusAt(call, now) === 'open' && call.dates.closes);
    assert.ok(open?.dates.closes);
    const read = async (at: Date) => {
      const before = cache.computedByKind.get('call') ?? 0;
      const call = await readCall(server.db, open.id, at);
      return { status: call?.status, computed: (cache.computedByKind.get('call') ?? 0) - before };
    };
    assert.equal((await read(now)).status, 'open');
    assert.deepEqual(await read(new Date(now.getTime() + 1000)), { status: 'open', computed: 0 });
    const past = new Date(Date.parse(open.dates.closes.at) + 1000);
    assert.deepEqual(await read(past), { status: 'closed', computed: 1 });
    await server.db.write("UPDATE calls SET status = 'cancelled' WHERE id = ?", [open.id]);
    try {
      // The row's JSON still says open: the stored column changed, and the version with it.
      assert.equal((await read(past)).computed, 1);
    } finally {
      await server.db.write('UPDATE calls SET status = ? WHERE id = ?', [open.status, open.id]);
    }
  });

  test('a cursor of another sort, or an offset cursor of old, is a 422 on /cursor', async () => {
    const first = await searchCallPage(server.db, { sort: 'newest', limit: 5 }, new Date());
    assert.ok(first.nextCursor);
    for (const [sort, cursor] of [
      ['largest', first.nextCursor],
      ['newest', Buffer.from(JSON.stringify({ v: 1, offset: 5, sort: 'newest' })).toString('base64url')],
    ] as const) {
      const response = await fetch(
        `${server.url}/v1/calls?sort=${sort}&cursor=${encodeURIComponent(cursor)}`,
      );
      assert.equal(response.status, 422);
      const body = (await response.json()) as { errors: { path: string }[] };
      assert.equal(body.errors[0]?.path, '/cursor');
    }
  });

  test('awards: word search by prefix, facets and keyset pages in SQL', async () => {
    const all = (await (await fetch(`${server.url}/v1/awards?limit=100`)).json()) as PageOf<Award>;
    assert.ok(all.items.length > 3);
    const sample = all.items[0] as Award;
    // A prefix of the project title's first word and of the association's name: the award is found.
    const word = sample.projectTitle.split(/\s+/)[0] ?? '';
    const prefix = word.slice(0, Math.max(3, word.length - 2));
    const found = (await (
      await fetch(`${server.url}/v1/awards?limit=100&q=${encodeURIComponent(prefix)}`)
    ).json()) as PageOf<Award>;
    assert.ok(
      found.items.some((a) => a.id === sample.id),
      `${prefix} finds ${sample.id}`,
    );
    assert.ok((found.total ?? Number.NaN) <= (all.total ?? Number.NaN));
    const none = (await (
      await fetch(`${server.url}/v1/awards?limit=100&q=${encodeURIComponent(`${prefix} zzzqqq`)}`)
    ).json()) as PageOf<Award>;
    assert.equal(none.total, 0, 'every word must match');
    // Facet counts add up to the total where an award has one value.
    const years = all.facets?.fiscalYear ?? [];
    assert.equal(
      years.reduce((sum, f) => sum + f.count, 0),
      all.total,
    );
  });
});
