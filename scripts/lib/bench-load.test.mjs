import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { ceilingBody, ceilingHeaders, startCeiling } from './bench-ceiling.mjs';
import { loop, percentile, runLoad } from './bench-load.mjs';

describe('percentile (nearest rank)', () => {
  it('answers the smallest value with at least p % of the values at or below it', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1…100
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile(values, 1), 1);
    assert.equal(percentile([1, 2, 3, 4], 50), 2);
    assert.equal(percentile([1, 2, 3, 4], 99), 4);
    // With ten values the 99th percentile is the largest: one slow request out of ten is the p99.
    assert.equal(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 40], 99), 40);
    assert.equal(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 40], 50), 1);
    assert.equal(percentile([7], 50), 7);
    // 4 of 10 values are only 40 %: the 41st percentile is the fifth value, not the fourth.
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 41), 5);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 40), 4);
  });

  it('is NaN without values and refuses a p outside (0, 100]', () => {
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.throws(() => percentile([1], 0), RangeError);
    assert.throws(() => percentile([1], 101), RangeError);
  });
});

describe('runLoad', () => {
  /** @type {http.Server[]} */
  const servers = [];
  /** @type {string[]} */
  const bases = [];
  /** @type {number[]} */
  const hits = [0, 0];
  let inFlight = 0;
  let maxInFlight = 0;
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();

  before(async () => {
    for (const i of [0, 1]) {
      const server = http.createServer((request, response) => {
        hits[i] = (hits[i] ?? 0) + 1;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const url = new URL(request.url ?? '/', 'http://x');
        const delay = Number(url.searchParams.get('delay') ?? 0);
        const status = Number(url.searchParams.get('status') ?? 200);
        setTimeout(() => {
          inFlight--;
          response.writeHead(status, { 'content-type': 'text/plain' });
          response.end('0123456789');
        }, delay);
      });
      server.on('connection', (socket) => sockets.add(socket));
      await new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(undefined)));
      servers.push(server);
      bases.push(`http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`);
    }
  });
  after(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((ok) => server.close(ok))));
  });

  it('sends exactly `count` requests, keeps `concurrency` in flight, and reuses connections', async () => {
    hits[0] = 0;
    maxInFlight = 0;
    sockets.clear();
    const result = await runLoad({
      bases: [/** @type {string} */ (bases[0])],
      concurrency: 4,
      count: 40,
      request: () => ({ path: '/?delay=5' }),
    });
    assert.equal(result.requests, 40);
    assert.equal(hits[0], 40);
    assert.equal(result.errors, 0);
    assert.equal(result.statuses[200], 40);
    assert.equal(result.bytes, 400);
    assert.equal(maxInFlight, 4);
    // Keep-alive: four workers, four sockets, not forty.
    assert.equal(sockets.size, 4);
    // Each request waited ≥ 5 ms on the server, so no latency can be below it…
    assert.ok(result.p50 >= 4.5, `p50 ${result.p50}`);
    assert.ok(result.p99 >= result.p50 && result.max >= result.p99);
    // …and four in flight of ≥ 5 ms each cannot exceed 800 req/s.
    assert.ok(result.rps <= 800, `rps ${result.rps}`);
  });

  it('runs for about `durationMs` when no count is given', async () => {
    const t = performance.now();
    const result = await runLoad({
      bases: [/** @type {string} */ (bases[0])],
      concurrency: 2,
      durationMs: 300,
      request: () => ({ path: '/?delay=10' }),
    });
    const elapsed = performance.now() - t;
    assert.ok(elapsed >= 300 && elapsed < 600, `elapsed ${elapsed}`);
    // Two in flight of ≥ 10 ms for 0.3 s: at most about 60 requests, and surely more than 20.
    assert.ok(result.requests > 20 && result.requests <= 64, `requests ${result.requests}`);
  });

  it('spreads requests round robin over several servers', async () => {
    hits[0] = 0;
    hits[1] = 0;
    await runLoad({ bases, concurrency: 3, count: 30, request: () => ({ path: '/' }) });
    assert.deepEqual(hits, [15, 15]);
  });

  it('counts unexpected statuses as errors, out of the latencies and of req/s', async () => {
    const result = await runLoad({
      bases: [/** @type {string} */ (bases[0])],
      concurrency: 2,
      count: 10,
      request: ({ index }) => ({ path: index % 2 ? '/?status=429' : '/?status=201', expect: 201 }),
    });
    assert.equal(result.errors, 5);
    assert.deepEqual(result.statuses, { 201: 5, 429: 5 });
    assert.match(result.firstError ?? '', /status 429/);
    assert.ok(Math.abs(result.rps * result.seconds - 5) < 1e-6);
  });

  it('counts a refused connection as a network error', async () => {
    const result = await runLoad({
      bases: ['http://127.0.0.1:1'],
      concurrency: 1,
      count: 2,
      request: () => ({ path: '/' }),
    });
    assert.equal(result.errors, 2);
    assert.equal(result.statuses.network, 2);
    assert.ok(Number.isNaN(result.p50));
  });

  it('sends a body with its length and tells workers and iterations apart', async () => {
    /** @type {string[]} */
    const seen = [];
    await runLoad({
      bases: [/** @type {string} */ (bases[0])],
      concurrency: 2,
      count: 6,
      request: ({ worker, iteration }) => {
        seen.push(`${worker}:${iteration}`);
        return { method: 'POST', path: '/', body: 'é', headers: { 'content-type': 'text/plain' } };
      },
    });
    assert.deepEqual(seen.sort(), ['0:0', '0:1', '0:2', '1:0', '1:1', '1:2']);
  });

  it('refuses a load without a target, a concurrency or an end', async () => {
    await assert.rejects(runLoad({ bases: [], concurrency: 1, count: 1, request: () => ({ path: '/' }) }));
    await assert.rejects(
      runLoad({ bases: ['http://127.0.0.1:1'], concurrency: 0, count: 1, request: () => ({ path: '/' }) }),
    );
    await assert.rejects(
      runLoad({ bases: ['http://127.0.0.1:1'], concurrency: 1, request: () => ({ path: '/' }) }),
    );
  });

  it('loop() repeats a request until aborted and cuts the one in flight short', async () => {
    const stop = new AbortController();
    const running = loop(/** @type {string} */ (bases[0]), { path: '/?delay=2' }, stop.signal);
    await new Promise((ok) => setTimeout(ok, 100));
    stop.abort();
    const t = performance.now();
    const slow = loop(/** @type {string} */ (bases[0]), { path: '/?delay=5000' }, stop.signal);
    const { completed, bytes, errors } = await running;
    assert.ok(completed > 5, `completed ${completed}`);
    assert.equal(bytes, completed * 10);
    assert.equal(errors, 0);
    // Already aborted: the slow loop sends nothing.
    assert.equal((await slow).completed, 0);
    assert.ok(performance.now() - t < 1000);

    const later = new AbortController();
    const long = loop(/** @type {string} */ (bases[0]), { path: '/?delay=5000' }, later.signal);
    await new Promise((ok) => setTimeout(ok, 50));
    const cut = performance.now();
    later.abort();
    const answer = await long;
    assert.ok(performance.now() - cut < 1000, 'the request in flight is cut, not awaited');
    assert.equal(answer.completed, 0);
    assert.equal(answer.errors, 0);
  });
});

describe('the ceiling', () => {
  it('has a body of exactly the asked size, valid JSON', () => {
    for (const size of [1024, 2048, 4096]) {
      const body = ceilingBody(size);
      assert.equal(body.length, size);
      const json = JSON.parse(body.toString('utf8'));
      assert.equal(json.items.length, 4);
    }
    assert.throws(() => ceilingBody(100), RangeError);
  });

  it('sends the reference server’s headers, a fresh request id each time', () => {
    const a = ceilingHeaders(2048);
    const b = ceilingHeaders(2048);
    assert.equal(a['content-length'], '2048');
    assert.equal(a['content-type'], 'application/json; charset=utf-8');
    assert.notEqual(a['x-request-id'], b['x-request-id']);
    // About the reference server's header bytes (≈ 800 with Date and Connection): not a bare minimum.
    const bytes = Object.entries(a).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
    assert.ok(bytes > 600 && bytes < 1000, `${bytes} header bytes`);
  });

  it('answers 2 KB to any method and path over keep-alive', async () => {
    const server = await startCeiling();
    try {
      const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
      const result = await runLoad({
        bases: [base],
        concurrency: 2,
        count: 20,
        request: ({ index }) =>
          index % 2 ? { path: '/v1/anything?x=1' } : { method: 'POST', path: '/w', body: '{"a":1}' },
      });
      assert.equal(result.errors, 0);
      assert.equal(result.bytes, 20 * 2048);
    } finally {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
  });
});
