// @ts-check
/**
 * `npm run bench`: the reference server against a bare node:http ceiling, loopback only. For each endpoint,
 * R rounds alternate the ceiling and the server under the same load (keep-alive, N requests in flight) and
 * the medians are printed: req/s, p50, p99, the ratio to the ceiling and the targets of issue 15 with ✓/✗
 * (printed, never asserted). Then `/healthz` while exports stream, a write with rate limits lifted, a growth
 * table across scales, PostgreSQL against SQLite, and the in-process micro-benchmarks. Exits 0 unless a
 * server cannot start. `--help` lists the options; docs/benchmarks.md explains the figures.
 *
 * @example
 * // npm run bench
 * // npm run bench -- --scale demo,10x,national --data-dir /srv/bench-data
 * // npm run bench -- --database postgres://localhost/nassij_bench --processes 2
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { loop, runLoad } from './lib/bench-load.mjs';
import { cliOptions, startProcess, stopProcess } from './lib/bench-servers.mjs';
import {
  backendTable,
  endpointTable,
  fixed,
  growthTable,
  median,
  nationalChecks,
  summarize,
} from './lib/bench-table.mjs';

const HELP = `Usage: npm run bench -- [options]

  --scale <list>        Scales to measure, smallest first: demo, 10x, national (default: demo)
  --data-dir <dir>      Prebuilt data: <dir>/<scale>/nassij.sqlite, built with
                        nassij-server seed --scale <scale> --data <dir>/<scale>. A scale other than demo
                        without its directory is skipped; demo without one is seeded in a temporary directory
  --database <url>      Also measure on PostgreSQL (postgres://…); {scale} in the URL is replaced by the
                        scale's name (one database per scale; demo is seeded when the database is new)
  --processes <n>       Server processes sharing the PostgreSQL database, round robin (default 1; SQLite: 1)
  --no-sqlite           With --database: measure PostgreSQL only
  --rounds <n>          Rounds per endpoint, alternating ceiling and server (default 3)
  --duration <ms>       Length of one round (default 1500)
  --concurrency <n>     Requests in flight (default 8)
  --deep <k>            Pages followed by nextCursor for the deep-page rows (default 5)
  --only <list>         Only the endpoints whose name contains one of these texts (comma-separated)
  --cli <file>          The server's CLI (default: packages/server/src/cli.ts under tsx; a built dist/cli.js
                        runs with plain node)
  --kysely              Also measure Kysely against our Db and bare better-sqlite3 (see docs/benchmarks.md)
  --no-micro            Skip the in-process micro-benchmarks
  --json <file>         Also write every median as JSON
  --help                Show this help
`;

const SCALES = ['demo', '10x', 'national'];

/** @type {ReturnType<typeof parse>['values']} */
let opts;
function parse() {
  return parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      scale: { type: 'string', default: 'demo' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      processes: { type: 'string', default: '1' },
      'no-sqlite': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '1500' },
      concurrency: { type: 'string', default: '8' },
      deep: { type: 'string', default: '5' },
      only: { type: 'string' },
      cli: { type: 'string' },
      kysely: { type: 'boolean', default: false },
      'no-micro': { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  opts = parse().values;
} catch (error) {
  process.stderr.write(`bench: ${/** @type {Error} */ (error).message}\n${HELP}`);
  process.exit(2);
}
if (opts.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** @param {string} name @param {string} value @param {number} min */
function count(name, value, min) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: --${name} must be a whole number ≥ ${min}, not "${value}"\n`);
    process.exit(2);
  }
  return n;
}
const rounds = count('rounds', opts.rounds, 1);
const durationMs = count('duration', opts.duration, 100);
const concurrency = count('concurrency', opts.concurrency, 1);
const deep = count('deep', opts.deep, 1);
const processes = count('processes', opts.processes, 1);
const scales = opts.scale.split(',').map((s) => s.trim());
for (const scale of scales)
  if (!SCALES.includes(scale)) {
    process.stderr.write(`bench: --scale takes ${SCALES.join(', ')}, not "${scale}"\n`);
    process.exit(2);
  }
scales.sort((a, b) => SCALES.indexOf(a) - SCALES.indexOf(b));
const only = opts.only?.split(',').map((s) => s.trim().toLowerCase());

const root = resolve(import.meta.dirname, '..');
const TSX = ['--conditions=source', '--import', 'tsx'];
const cliFile = resolve(root, opts.cli ?? 'packages/server/src/cli.ts');
const cliArgs = /\.[cm]?ts$/.test(cliFile) ? [...TSX, cliFile] : [cliFile];
const flags = cliOptions(cliArgs, root);

/** @type {typeof import('../packages/server/src/seed/fixtures.ts').demoFixtures} */
const F = (await tsImport('../packages/server/src/seed/fixtures.ts', import.meta.url)).demoFixtures;
/** @type {typeof import('../packages/server/src/seed/demo.ts').DEMO_ACCOUNTS} */
const ACCOUNTS = (await tsImport('../packages/server/src/seed/demo.ts', import.meta.url)).DEMO_ACCOUNTS;

const say = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
/** @type {string[]} */
const temporary = [];
const temp = (/** @type {string} */ prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};

/**
 * An endpoint to measure: its request for the server and, except for loads the ceiling cannot stand for,
 * the same request for the ceiling. `before` runs before every round (a write resets its state).
 *
 * @typedef {{
 *   name: string,
 *   kind: import('./lib/bench-table.mjs').EndpointKind,
 *   request: (at: { worker: number, iteration: number, index: number }) => import('./lib/bench-load.mjs').RequestSpec,
 *   concurrency?: number,
 *   ceiling?: boolean,
 *   before?: () => Promise<void>,
 *   note?: string,
 * }} Endpoint
 */

/** @param {string} base @param {string} path @param {RequestInit} [init] */
async function getJson(base, path, init) {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  /** @type {any} */
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/**
 * Follows `nextCursor` from `path` (which has a query) up to `k` times and answers the deepest page's path
 * and how deep it is.
 *
 * @param {string} base
 * @param {string} path
 * @param {number} k
 */
async function deepPath(base, path, k) {
  let current = path;
  let depth = 0;
  while (depth < k) {
    const { json } = await getJson(base, current);
    const cursor = json?.nextCursor;
    if (typeof cursor !== 'string') break;
    current = `${path}&cursor=${encodeURIComponent(cursor)}`;
    depth++;
  }
  return { path: current, depth };
}

/** The first id of a list, when the fixture's id is not in this dataset (a generated scale). */
async function idOr(/** @type {string} */ base, /** @type {string} */ wanted, /** @type {string} */ list) {
  if ((await getJson(base, `${list.split('?')[0]}/${wanted}`)).status === 200) return wanted;
  const { json } = await getJson(base, list);
  return /** @type {string | undefined} */ (json?.items?.[0]?.id);
}

/**
 * The endpoints of one server, found through its API: the demo fixtures' ids when the data has them,
 * else the first of a list (a generated scale need not keep the demo's ids).
 *
 * @param {string} base
 * @returns {Promise<Endpoint[]>}
 */
async function endpointsOf(base) {
  /** @type {Endpoint[]} */
  const list = [];
  const get = (/** @type {string} */ path) => () => ({ path });
  const callId = await idOr(base, F.calls.openEligible, '/v1/calls?limit=1');
  const associationId = await idOr(base, F.associations.represented, '/v1/associations?limit=1');
  const consultationId = await idOr(base, F.consultations.draftLaw, '/v1/consultations?limit=1');
  const courseId = await idOr(base, F.courses.first, '/v1/courses?limit=1');

  list.push({ name: 'GET /v1/calls?status=open', kind: 'list', request: get('/v1/calls?status=open') });
  const first = await fetch(`${base}/v1/calls?status=open`);
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (etag)
    list.push({
      name: 'GET /v1/calls?status=open (If-None-Match)',
      kind: 'other',
      request: () => ({ path: '/v1/calls?status=open', headers: { 'if-none-match': etag }, expect: 304 }),
    });
  if (callId) list.push({ name: 'GET /v1/calls/{id}', kind: 'item', request: get(`/v1/calls/${callId}`) });
  if (associationId)
    list.push({
      name: 'GET /v1/associations/{id}',
      kind: 'item',
      request: get(`/v1/associations/${associationId}`),
    });
  for (const [lang, q] of [
    ['ar', 'جمعية الماء'],
    ['fr', 'association eau'],
  ]) {
    const path = `/v1/associations?q=${encodeURIComponent(q ?? '')}&limit=20`;
    const { json } = await getJson(base, path);
    list.push({
      name: `GET /v1/associations?q=<${lang}>`,
      kind: 'search',
      request: get(path),
      note: `${json?.total ?? '?'} found`,
    });
  }
  // Pages, counts and facets are kept per data version, so the rows above read them from memory after their
  // first request. Two rows measure searches seen for the first time. "new filters" never repeats a text and
  // filter combination (a word and two regions, drawn in turn from 40 × 66 > the 2 048 entries kept): the
  // text's counted matches are kept, so each request counts its filters from them and reads a page it has
  // never read. "new text" never repeats a text: words and word beginnings of the directory's own names,
  // each sent once, so that each request runs its full-text match and counts it, as a first visit does.
  const words = [
    'الماء',
    'التنمية',
    'الأمل',
    'النساء',
    'الشباب',
    'البيئة',
    'الثقافة',
    'التعاون',
    'الرياضة',
    'التضامن',
  ];
  const more = [
    'association',
    'développement',
    'femmes',
    'jeunes',
    'culture',
    'sport',
    'environnement',
    'eau',
  ];
  const regions = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);
  const pairs = regions.flatMap((a, i) => regions.slice(i + 1).map((b) => [a, b]));
  const texts = [...words, ...more, ...words.map((w) => `جمعية ${w}`), ...more.map((w) => `${w} maroc`)];
  let turn = 0;
  list.push({
    name: 'GET /v1/associations?q=… (new filters)',
    kind: 'search',
    request: () => {
      turn += 1;
      const [a, b] = pairs[turn % pairs.length] ?? [];
      const q = texts[Math.floor(turn / pairs.length) % texts.length] ?? '';
      return { path: `/v1/associations?q=${encodeURIComponent(q)}&region=${a}&region=${b}&limit=20` };
    },
    note: `${texts.length * pairs.length} combinations`,
  });
  const fresh = await freshTexts(base);
  let next = 0;
  list.push({
    name: 'GET /v1/associations?q=… (new text)',
    kind: 'search',
    request: () => {
      next += 1;
      const q = fresh[next % fresh.length] ?? '';
      return { path: `/v1/associations?q=${encodeURIComponent(q)}&limit=20` };
    },
    note: `${fresh.length} texts`,
  });
  list.push({
    name: 'GET /v1/associations (page 1)',
    kind: 'list',
    request: get('/v1/associations?limit=20'),
  });
  const associationsDeep = await deepPath(base, '/v1/associations?limit=20', deep);
  if (associationsDeep.depth > 0)
    list.push({
      name: `GET /v1/associations (deep cursor)`,
      kind: 'deep',
      request: get(associationsDeep.path),
      note: `page ${associationsDeep.depth + 1}`,
    });
  if (consultationId) {
    const path = `/v1/consultations/${consultationId}/contributions?limit=20`;
    list.push({ name: 'GET contributions (page 1)', kind: 'list', request: get(path) });
    const contributionsDeep = await deepPath(base, path, deep);
    if (contributionsDeep.depth > 0)
      list.push({
        name: 'GET contributions (deep cursor)',
        kind: 'deep',
        request: get(contributionsDeep.path),
        note: `page ${contributionsDeep.depth + 1}`,
      });
    else say(`  (contributions of ${consultationId} fit on one page: no deep-cursor row at this scale)`);
  }
  list.push({
    name: 'GET /v1/consultations (page 1)',
    kind: 'list',
    request: get('/v1/consultations?limit=20'),
  });
  if (consultationId)
    list.push({
      name: 'GET /v1/consultations/{id}',
      kind: 'item',
      request: get(`/v1/consultations/${consultationId}`),
    });
  list.push({ name: 'GET /v1/indicators', kind: 'indicators', request: get('/v1/indicators') });
  if (courseId)
    list.push({
      name: 'GET /v1/sessions?courseId={id}',
      kind: 'list',
      request: get(`/v1/sessions?courseId=${courseId}&limit=20`),
    });
  list.push({ name: 'GET /healthz', kind: 'health', request: get('/healthz') });
  return list;
}

/**
 * Texts a directory search has never been asked, from the directory's own names: every word of the names on
 * its first pages, its first 3, 4 and 5 letters (a search typed in part), and each word with the beginning of
 * the next, each once, shuffled by a fixed seed: a few thousand, so that the "new text" row sends few of them
 * twice in a run (the note under the table says how many there are).
 *
 * @param {string} base
 */
async function freshTexts(base) {
  const seen = new Set();
  let path = '/v1/associations?limit=100';
  for (let page = 0; page < 40 && path; page += 1) {
    const { json } = await getJson(base, path);
    for (const item of json?.items ?? [])
      for (const name of Object.values(item.name ?? {})) {
        const words = String(name)
          .toLocaleLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((word) => [...word].length >= 3);
        words.forEach((word, index) => {
          const letters = [...word];
          for (const length of [3, 4, 5, letters.length]) seen.add(letters.slice(0, length).join(''));
          // Two words of one name, the second begun: a search typed further.
          const following = words[index + 1];
          if (following) seen.add(`${word} ${[...following].slice(0, 4).join('')}`);
        });
      }
    path = json?.nextCursor ? `/v1/associations?limit=100&cursor=${json.nextCursor}` : '';
  }
  const texts = [...seen];
  let seed = 15;
  for (let i = texts.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [texts[i], texts[j]] = [texts[j], texts[i]];
  }
  return texts;
}

/**
 * The write row: the citizen supports, then withdraws the support of, published contributions of an open
 * consultation, each request in flight on a contribution of its own (two at once on one would answer
 * `already_supported`). A string, the reason, when this data or this CLI cannot do it.
 *
 * @param {string} base
 * @returns {Promise<Endpoint | string>}
 */
async function writeEndpoint(base) {
  if (!flags.has('--no-rate-limit'))
    return 'the CLI has no --no-rate-limit yet: writes would be measured as 429s, so the write row is skipped';
  const citizen = ACCOUNTS.citizen;
  const signIn = await getJson(base, '/v1/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: citizen.email, password: citizen.password }),
  });
  const token = signIn.json?.token;
  if (typeof token !== 'string') return `cannot sign in as ${citizen.email} (status ${signIn.status})`;
  const auth = { authorization: `Bearer ${token}` };
  const consultationId = await idOr(base, F.consultations.draftLaw, '/v1/consultations?limit=1');
  const page = await getJson(base, `/v1/consultations/${consultationId}/contributions?limit=50`, {
    headers: auth,
  });
  /** @type {string[]} */
  const ids = (page.json?.items ?? [])
    .filter((/** @type {any} */ c) => c.moderation?.state === 'published' || c.moderation === undefined)
    .map((/** @type {any} */ c) => c.id);
  // Only contributions the citizen may support (not their own, phase open): probe each once.
  /** @type {string[]} */
  const usable = [];
  for (const id of ids) {
    await fetch(`${base}/v1/contributions/${id}/supports`, { method: 'DELETE', headers: auth });
    const probe = await fetch(`${base}/v1/contributions/${id}/supports`, { method: 'POST', headers: auth });
    await probe.arrayBuffer();
    if (probe.status === 201) usable.push(id);
    await (
      await fetch(`${base}/v1/contributions/${id}/supports`, { method: 'DELETE', headers: auth })
    ).arrayBuffer();
    if (usable.length >= concurrency) break;
  }
  if (usable.length === 0) return `no contribution of ${consultationId} takes supports`;
  return {
    name: 'POST+DELETE support (write)',
    kind: 'write',
    concurrency: usable.length,
    note: `${usable.length} in flight, rate limits off`,
    // Every round starts with no support given, so a worker's first request is always a POST.
    before: async () => {
      for (const id of usable)
        await (
          await fetch(`${base}/v1/contributions/${id}/supports`, { method: 'DELETE', headers: auth })
        ).arrayBuffer();
    },
    request: ({ worker, iteration }) => ({
      method: iteration % 2 === 0 ? 'POST' : 'DELETE',
      path: `/v1/contributions/${usable[worker % usable.length]}/supports`,
      headers: auth,
      expect: iteration % 2 === 0 ? 201 : 200,
    }),
  };
}

/**
 * R rounds of one endpoint, each the ceiling then the server (the ceiling first in odd rounds, so neither
 * always runs on a warmer machine), with a short warm-up of both first.
 *
 * @param {Endpoint} endpoint
 * @param {readonly string[]} bases
 * @param {string} ceiling
 */
async function measureEndpoint(endpoint, bases, ceiling) {
  const c = endpoint.concurrency ?? concurrency;
  const load = async (/** @type {readonly string[]} */ to, /** @type {number} */ warmupMs) => {
    // The warm-up is a load of its own so that `before` resets what it left (a write ends mid-toggle).
    if (warmupMs) {
      await endpoint.before?.();
      await runLoad({ bases: to, concurrency: c, durationMs: warmupMs, request: endpoint.request });
    }
    await endpoint.before?.();
    return runLoad({ bases: to, concurrency: c, durationMs, request: endpoint.request });
  };
  const ceilingRequest = /** @type {typeof endpoint.request} */ (at) => ({
    ...endpoint.request(at),
    expect: 200,
  });
  const onCeiling = async (/** @type {number} */ warmupMs) =>
    runLoad({ bases: [ceiling], concurrency: c, durationMs, warmupMs, request: ceilingRequest });
  /** @type {import('./lib/bench-load.mjs').LoadResult[]} */
  const server = [];
  /** @type {import('./lib/bench-load.mjs').LoadResult[]} */
  const roof = [];
  for (let round = 0; round < rounds; round++) {
    const warm = round === 0 ? 300 : 0;
    if (endpoint.ceiling === false) server.push(await load(bases, warm));
    else if (round % 2 === 0) {
      roof.push(await onCeiling(warm));
      server.push(await load(bases, warm));
    } else {
      server.push(await load(bases, warm));
      roof.push(await onCeiling(warm));
    }
  }
  await endpoint.before?.();
  const summary = summarize(endpoint.name, endpoint.kind, server, roof);
  const firstError = server.find((r) => r.firstError)?.firstError;
  const notes = [endpoint.note, firstError ? `first error: ${firstError}` : undefined].filter(Boolean);
  return notes.length ? { ...summary, note: notes.join('; ') } : summary;
}

/**
 * `/healthz` measured while every server process streams the largest export in a loop (each export is cut
 * when the round ends): what a liveness probe sees while someone downloads all contributions.
 *
 * @param {readonly string[]} bases
 */
async function healthzWhileExporting(bases) {
  const dataset = '/v1/open-data/contributions?format=csv';
  /** @type {import('./lib/bench-load.mjs').LoadResult[]} */
  const results = [];
  let exported = 0;
  let bytes = 0;
  let seconds = 0;
  for (let round = 0; round < rounds; round++) {
    const stop = new AbortController();
    const streams = bases.map((base) => loop(base, { path: dataset }, stop.signal));
    // Let the exports get going before the probe starts.
    await new Promise((ok) => setTimeout(ok, 200));
    results.push(
      await runLoad({
        bases,
        concurrency: Math.min(2, concurrency),
        durationMs,
        request: () => ({ path: '/healthz' }),
      }),
    );
    stop.abort();
    for (const s of await Promise.all(streams)) {
      exported += s.completed;
      bytes += s.bytes;
      seconds += s.seconds / bases.length;
    }
  }
  const summary = summarize('GET /healthz while an export streams', 'health-export', results);
  return {
    ...summary,
    note: `${exported} full exports, ${fixed(bytes / 1e6 / seconds, 1)} MB/s streamed (${dataset})`,
  };
}

/**
 * Where a scale's data is, for a backend: SQLite's data directory, or PostgreSQL's URL and a directory for
 * stored files. A string is why the scale is skipped.
 *
 * @param {'sqlite' | 'postgres'} backend
 * @param {string} scale
 * @returns {{ dataDir: string, database?: string, seed: 'demo' | 'none' } | string}
 */
function dataFor(backend, scale) {
  const prebuilt = opts['data-dir'] ? resolve(opts['data-dir'], scale) : undefined;
  if (backend === 'postgres') {
    if (!flags.has('--database')) return 'the CLI has no --database yet';
    const database = /** @type {string} */ (opts.database).replaceAll('{scale}', scale);
    return {
      dataDir: prebuilt && existsSync(prebuilt) ? prebuilt : temp('nassij-bench-files-'),
      database,
      seed: scale === 'demo' ? 'demo' : 'none',
    };
  }
  if (prebuilt && existsSync(join(prebuilt, 'nassij.sqlite'))) return { dataDir: prebuilt, seed: 'none' };
  if (scale === 'demo') return { dataDir: temp('nassij-bench-'), seed: 'demo' };
  return `no ${prebuilt ? join(prebuilt, 'nassij.sqlite') : `--data-dir (expected <dir>/${scale}/nassij.sqlite)`}; build it with \`nassij-server seed --scale ${scale} --data <dir>/${scale}\``;
}

/**
 * Starts the server processes of one backend and scale: the first one seeds (when asked) before the
 * others start, so that they never race to create the schema.
 *
 * @param {{ dataDir: string, database?: string, seed: 'demo' | 'none' }} data
 * @param {number} n
 */
async function startServers(data, n) {
  /** @type {import('./lib/bench-servers.mjs').Started[]} */
  const started = [];
  for (let i = 0; i < n; i++) {
    const args = [
      ...cliArgs,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      data.dataDir,
      '--seed',
      i === 0 ? data.seed : 'none',
      '--log-level',
      'error',
      ...(data.database ? ['--database', data.database] : []),
      ...(flags.has('--no-rate-limit') ? ['--no-rate-limit'] : []),
    ];
    // Production mode: response self-validation (a development check) would dominate the figures.
    started.push(await startProcess(args, { cwd: root, env: { ...process.env, NODE_ENV: 'production' } }));
  }
  return started;
}

const ceilingProcess = await startProcess([join(root, 'scripts/lib/bench-ceiling.mjs')], { cwd: root });
say(`ceiling (bare node:http, 2 KB JSON) on ${ceilingProcess.url}`);
// One warm-up of the ceiling and of this client before anything is measured: the first endpoint's rounds
// would otherwise pay for the JIT of both.
await runLoad({ bases: [ceilingProcess.url], concurrency, durationMs: 1000, request: () => ({ path: '/' }) });
say(
  `rounds ${rounds} × ${durationMs} ms per side, ${concurrency} in flight; CLI ${cliFile.replace(`${root}/`, '')}` +
    `${flags.has('--no-rate-limit') ? '' : ' (no --no-rate-limit)'}${flags.has('--database') ? '' : ' (no --database)'}`,
);

/** @type {Array<'sqlite' | 'postgres'>} */
const backends = [];
if (!opts['no-sqlite']) backends.push('sqlite');
if (opts.database) backends.push('postgres');
if (opts['no-sqlite'] && !opts.database) say('--no-sqlite without --database: nothing to measure');
if (processes > 1 && !opts.database) say('--processes applies to PostgreSQL only: SQLite runs one process');

/** @type {Map<string, Map<string, import('./lib/bench-table.mjs').Summary[]>>} backend → scale → rows */
const results = new Map();
/** @type {string | undefined} a seeded demo directory for the micro-benchmarks */
let demoDir;
const started = performance.now();
try {
  for (const backend of backends) {
    const byScale = new Map();
    results.set(backend, byScale);
    for (const scale of scales) {
      const data = dataFor(backend, scale);
      if (typeof data === 'string') {
        console.log(`\n[${backend} ${scale}] skipped: ${data}`);
        continue;
      }
      const n = backend === 'postgres' ? processes : 1;
      say(`\n[${backend} ${scale}] starting ${n} server process${n > 1 ? 'es' : ''}…`);
      const servers = await startServers(data, n);
      const bases = servers.map((s) => s.url);
      /** @type {import('./lib/bench-table.mjs').Summary[]} */
      const rows = [];
      try {
        const endpoints = await endpointsOf(/** @type {string} */ (bases[0]));
        const write = await writeEndpoint(/** @type {string} */ (bases[0]));
        if (typeof write === 'string') say(`  write row skipped: ${write}`);
        else endpoints.push(write);
        for (const endpoint of endpoints) {
          if (only && !only.some((o) => endpoint.name.toLowerCase().includes(o))) continue;
          say(`  ${endpoint.name}…`);
          rows.push(await measureEndpoint(endpoint, bases, ceilingProcess.url));
        }
        if (!only || only.some((o) => 'healthz while an export'.includes(o))) {
          say('  /healthz while an export streams…');
          rows.push(await healthzWhileExporting(bases));
        }
      } finally {
        await Promise.all(servers.map((s) => stopProcess(s.child)));
      }
      byScale.set(scale, rows);
      if (backend === 'sqlite' && scale === 'demo') demoDir = data.dataDir;
      const startMs = median(servers.map((s) => s.ms));
      console.log(
        `\n[${backend} ${scale}${n > 1 ? `, ${n} processes` : ''}] start${data.seed === 'demo' ? ' + demo seed' : ''}: ${fixed(startMs)} ms`,
      );
      console.log(endpointTable(rows, scale === 'demo'));
      if (scale === 'national' && backend === 'sqlite') {
        console.log('\nnational-scale targets (SQLite):');
        for (const line of nationalChecks(rows)) console.log(`  ${line}`);
      }
    }
  }
} finally {
  await stopProcess(ceilingProcess.child);
}

for (const [backend, byScale] of results)
  if (byScale.size > 1) {
    console.log(`\ngrowth (${backend}), ms:`);
    console.log(growthTable(byScale));
  }
const sqlite = results.get('sqlite');
const postgres = results.get('postgres');
if (sqlite && postgres)
  for (const [scale, pgRows] of postgres) {
    const liteRows = sqlite.get(scale);
    if (!liteRows) continue;
    console.log(
      `\nPostgreSQL (${processes} process${processes > 1 ? 'es' : ''}) against SQLite at ${scale}:`,
    );
    console.log(backendTable(liteRows, pgRows, processes));
  }
console.log(`\nload measured in ${fixed((performance.now() - started) / 1000)} s`);

if (opts.json) {
  const out = Object.fromEntries(
    [...results].map(([backend, byScale]) => [backend, Object.fromEntries(byScale)]),
  );
  writeFileSync(
    opts.json,
    `${JSON.stringify({ rounds, durationMs, concurrency, processes, results: out }, null, 2)}\n`,
  );
}

if (!opts['no-micro'] && demoDir) {
  const micro = spawnSync(
    process.execPath,
    [...TSX, join(root, 'packages/server/src/bench/micro.ts'), demoDir],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  try {
    /** @type {Record<string, number>} */
    const ops = JSON.parse(micro.stdout.trim().split('\n').at(-1) ?? '{}');
    console.log(`\n${'in-process'.padEnd(40)}${'ops/s'.padStart(12)}`);
    for (const [name, n] of Object.entries(ops)) console.log(`${name.padEnd(40)}${String(n).padStart(12)}`);
  } catch {
    say(`micro-benchmarks failed: ${micro.stderr.slice(0, 500)}`);
  }
}
if (opts.kysely) {
  const kysely = spawnSync(
    process.execPath,
    [...TSX, join(root, 'packages/server/src/bench/kysely.ts'), ...(demoDir ? [demoDir] : [])],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (kysely.status !== 0) say(`the Kysely measurement failed (exit ${kysely.status})`);
}
for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
