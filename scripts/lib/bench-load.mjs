// @ts-check
/**
 * The load generator of `npm run bench`: N requests in flight over keep-alive connections (one
 * `http.Agent` per target, so that no request pays a TCP handshake), for a fixed duration or a fixed count,
 * timing every request from `http.request` to the last byte of its body. Several targets are served round
 * robin (several server processes on one database). No external tool: the ceiling and the server are
 * measured by the same client, so the client's own cost cancels out of their ratio.
 */
import http from 'node:http';

/**
 * One request to send. `expect` lists the statuses that count as a success (default: 200); any other
 * status, or a network error, is counted in `errors` and left out of the latencies.
 *
 * @typedef {{
 *   method?: string,
 *   path: string,
 *   headers?: Record<string, string>,
 *   body?: string,
 *   expect?: number | readonly number[],
 * }} RequestSpec
 */

/**
 * What a load answers. `rps` counts successes only; `p50`/`p99` are in milliseconds (nearest rank).
 *
 * @typedef {{
 *   requests: number,
 *   errors: number,
 *   statuses: Record<string, number>,
 *   seconds: number,
 *   rps: number,
 *   p50: number,
 *   p99: number,
 *   max: number,
 *   bytes: number,
 *   firstError?: string,
 * }} LoadResult
 */

/**
 * The `p`-th percentile (0 < p ≤ 100) of values sorted ascending, by nearest rank: the smallest value
 * such that at least p % of the values are less than or equal to it. `NaN` for no values.
 *
 * @example
 * percentile([1, 2, 3, 4], 50); // 2
 * percentile([1, 2, 3, 4], 99); // 4
 * @param {ArrayLike<number>} sorted
 * @param {number} p
 * @returns {number}
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], not ${p}`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return /** @type {number} */ (sorted[Math.max(0, rank - 1)]);
}

/**
 * Sends one request on `agent` and resolves with its status and body size once the body is read.
 *
 * @param {URL} base
 * @param {http.Agent} agent
 * @param {RequestSpec} spec
 * @param {{ signal?: AbortSignal, onBytes?: (n: number) => void }} [watch] `signal` cuts the answer short
 *   (a long export); `onBytes` sees every chunk as it arrives.
 * @returns {Promise<{ status: number, bytes: number }>}
 */
function sendOnce(base, agent, spec, watch = {}) {
  return new Promise((resolve, reject) => {
    const headers = { ...spec.headers };
    if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: spec.method ?? 'GET',
        path: spec.path,
        headers,
      },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk) => {
          bytes += chunk.length;
          watch.onBytes?.(chunk.length);
        });
        response.once('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.once('error', reject);
        // A connection cut mid-answer does not always emit 'error'; an incomplete close still settles.
        response.once('close', () => {
          if (!response.complete) reject(new Error('answer cut short'));
        });
      },
    );
    request.once('error', reject);
    if (watch.signal) {
      const cut = () => request.destroy(new Error('aborted'));
      watch.signal.addEventListener('abort', cut, { once: true });
      request.once('close', () => watch.signal?.removeEventListener('abort', cut));
    }
    request.end(spec.body);
  });
}

/**
 * Runs a load: `concurrency` workers each send a request, wait for its whole answer, and send the next,
 * until `durationMs` has passed or `count` requests were started (whichever is given; a count wins when
 * both are). The `i`-th request goes to `bases[i % bases.length]` (round robin). `warmupMs` runs the same
 * load first and throws its figures away (JIT, statement caches, connections).
 *
 * @example
 * const result = await runLoad({
 *   bases: ['http://127.0.0.1:8787'],
 *   concurrency: 8,
 *   durationMs: 2000,
 *   request: () => ({ path: '/healthz' }),
 * });
 * result.rps; // successful requests per second
 * @param {{
 *   bases: readonly string[],
 *   concurrency: number,
 *   durationMs?: number,
 *   count?: number,
 *   warmupMs?: number,
 *   request: (at: { worker: number, iteration: number, index: number }) => RequestSpec,
 *   signal?: AbortSignal,
 * }} options
 * @returns {Promise<LoadResult>}
 */
export async function runLoad(options) {
  if (options.bases.length === 0) throw new RangeError('runLoad needs at least one base URL');
  if (!(options.concurrency >= 1)) throw new RangeError('runLoad needs a concurrency of at least 1');
  if (options.durationMs === undefined && options.count === undefined)
    throw new RangeError('runLoad needs durationMs or count');
  const targets = options.bases.map((base) => ({
    url: new URL(base),
    // One socket per worker at most: a request never queues in the agent behind another worker's.
    agent: new http.Agent({ keepAlive: true, maxSockets: options.concurrency }),
  }));
  try {
    if (options.warmupMs)
      await measure(targets, { ...options, durationMs: options.warmupMs, count: undefined });
    return await measure(targets, options);
  } finally {
    for (const { agent } of targets) agent.destroy();
  }
}

/**
 * @param {{ url: URL, agent: http.Agent }[]} targets
 * @param {Parameters<typeof runLoad>[0]} options
 * @returns {Promise<LoadResult>}
 */
async function measure(targets, options) {
  /** @type {number[]} */
  const latencies = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  let started = 0;
  let errors = 0;
  let bytes = 0;
  /** @type {string | undefined} */
  let firstError;
  const t0 = performance.now();
  const deadline = options.count === undefined ? t0 + (options.durationMs ?? 0) : Number.POSITIVE_INFINITY;
  const more = () =>
    !options.signal?.aborted &&
    (options.count === undefined ? performance.now() < deadline : started < options.count);

  /** @param {number} worker */
  const work = async (worker) => {
    for (let iteration = 0; more(); iteration++) {
      const index = started++;
      const target = /** @type {{ url: URL, agent: http.Agent }} */ (targets[index % targets.length]);
      const spec = options.request({ worker, iteration, index });
      const expected = spec.expect === undefined ? [200] : [spec.expect].flat();
      const t = performance.now();
      try {
        const answer = await sendOnce(target.url, target.agent, spec);
        const ms = performance.now() - t;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        bytes += answer.bytes;
        if (expected.includes(answer.status)) latencies.push(ms);
        else {
          errors++;
          firstError ??= `${spec.method ?? 'GET'} ${spec.path}: status ${answer.status}`;
        }
      } catch (error) {
        errors++;
        statuses.network = (statuses.network ?? 0) + 1;
        firstError ??= `${spec.method ?? 'GET'} ${spec.path}: ${/** @type {Error} */ (error).message}`;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, worker) => work(worker)));
  const seconds = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: started,
    errors,
    statuses,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? /** @type {number} */ (sorted[sorted.length - 1]) : Number.NaN,
    bytes,
    ...(firstError ? { firstError } : {}),
  };
}

/**
 * Sends requests one after another in a loop until `signal` aborts (a background load, such as an export
 * streaming while `/healthz` is measured), and answers how many completed and how many bytes were read
 * (the answer in flight when `signal` aborts is cut short: its bytes count, it does not).
 *
 * @example
 * const stop = new AbortController();
 * const exports = loop('http://127.0.0.1:8787', { path: '/v1/open-data/contributions?format=csv' }, stop.signal);
 * // … measure something else …
 * stop.abort();
 * const { completed, bytes } = await exports;
 * @param {string} base
 * @param {RequestSpec} spec
 * @param {AbortSignal} signal
 * @returns {Promise<{ completed: number, bytes: number, errors: number, seconds: number }>}
 */
export async function loop(base, spec, signal) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let completed = 0;
  let bytes = 0;
  let errors = 0;
  const t0 = performance.now();
  try {
    const onBytes = (/** @type {number} */ n) => {
      bytes += n;
    };
    while (!signal.aborted) {
      try {
        const answer = await sendOnce(url, agent, spec, { signal, onBytes });
        if (answer.status === 200) completed++;
        else errors++;
      } catch {
        if (!signal.aborted) errors++;
      }
    }
  } finally {
    agent.destroy();
  }
  return { completed, bytes, errors, seconds: (performance.now() - t0) / 1000 };
}
