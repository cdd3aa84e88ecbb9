// @ts-check
/**
 * `npm run bench`: loopback load figures for the reference server. Starts the CLI from source (tsx) on a
 * temporary data directory, sends bounded loads to 127.0.0.1 only and prints a table. No assertions on
 * timing; exits 0 unless the server cannot start.
 *
 * @example
 * // npm run bench
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

/** @type {typeof import('../packages/server/src/seed/fixtures.ts').demoFixtures} */
const F = (await tsImport('../packages/server/src/seed/fixtures.ts', import.meta.url)).demoFixtures;

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'packages/server/src/cli.ts');
const micro = join(root, 'packages/server/src/bench/micro.ts');
const TSX = ['--conditions=source', '--import', 'tsx'];

/** @param {string} dataDir @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, ms: number }>} */
function startCli(dataDir) {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...TSX,
      cli,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      '--seed',
      'demo',
      '--log-level',
      'error',
    ],
    // Production mode: response self-validation (a development check) would dominate the figures.
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  return new Promise((ok, fail) => {
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk) => {
      if (!buffer.includes('\u0000')) buffer += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(buffer);
      if (match?.[1] && !buffer.includes('\u0000')) {
        buffer += '\u0000';
        ok({ url: match[1], child, ms: performance.now() - started });
      }
    });
    child.once('exit', (code) => fail(new Error(`server exited (code ${code})`)));
  });
}

/** @param {import('node:child_process').ChildProcess} child */
function stop(child) {
  return new Promise((ok) => {
    if (child.exitCode !== null) return ok(undefined);
    child.once('exit', ok);
    child.kill('SIGTERM');
  });
}

/** @param {number[]} sorted @param {number} p */
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * @param {string} name
 * @param {number} total
 * @param {number} concurrency
 * @param {(i: number) => Promise<number>} once returns the bytes received
 */
async function load(name, total, concurrency, once) {
  process.stderr.write(`  ${name}…\n`);
  /** @type {number[]} */
  const latencies = [];
  let next = 0;
  let bytes = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        try {
          bytes += await once(i);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: total,
    rps: total / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    mbps: bytes / 1e6 / seconds,
    errors,
  };
}

/** @param {Response} response @param {number} [want] */
async function drain(response, want) {
  const body = await response.arrayBuffer();
  if (want !== undefined && response.status !== want) throw new Error(`status ${response.status}`);
  return body.byteLength;
}

const dataDir = mkdtempSync(join(tmpdir(), 'nassij-bench-'));
const { url, child, ms: seedMs } = await startCli(dataDir);
/** @type {Awaited<ReturnType<typeof load>>[]} */
const rows = [];
try {
  const signIn = await fetch(`${url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'citizen@demo.nassij.ma', password: 'demo-citizen-2026' }),
  });
  const { token } = /** @type {{ token: string }} */ (await signIn.json());
  process.stderr.write(`  server ${url}, signed in\n`);

  const open = `${url}/v1/calls?status=open`;
  const first = await fetch(open);
  await first.arrayBuffer();
  const etag = first.headers.get('etag') ?? '';
  rows.push(
    await load('GET /v1/calls?status=open (cold)', 2000, 16, async () => drain(await fetch(open), 200)),
  );
  rows.push(
    await load('GET /v1/calls?status=open (If-None-Match)', 2000, 16, async () =>
      drain(await fetch(open, { headers: { 'if-none-match': etag } }), 304),
    ),
  );
  const q = encodeURIComponent('الجمعيات التنمية');
  rows.push(
    await load('GET /v1/calls?q=<Arabic>', 1000, 16, async () =>
      drain(await fetch(`${url}/v1/calls?q=${q}`), 200),
    ),
  );
  rows.push(
    await load('GET /v1/calls/{openEligible}', 2000, 16, async () =>
      drain(await fetch(`${url}/v1/calls/${F.calls.openEligible}`), 200),
    ),
  );

  const consultations = /** @type {{ items: { id: string }[] }} */ (
    await (await fetch(`${url}/v1/consultations?limit=50`)).json()
  );
  let target = '';
  for (const c of consultations.items) {
    const probe = await fetch(`${url}/v1/consultations/${c.id}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ kind: 'comment', body: 'قياس الأداء: مساهمة تجريبية', consent: true }),
    });
    await probe.arrayBuffer();
    if (probe.status === 201) {
      target = c.id;
      break;
    }
  }
  if (target) {
    // The server's write limits apply per token, so a 429 shows up as an error count rather than a crash.
    rows.push(
      await load(`POST contributions (${target}; 10/h per account, so errors = 429s)`, 300, 4, async (i) =>
        drain(
          await fetch(`${url}/v1/consultations/${target}/contributions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ kind: 'comment', body: `مساهمة رقم ${i} في قياس الأداء`, consent: true }),
          }),
          201,
        ),
      ),
    );
  }
  rows.push(
    await load('GET /v1/open-data/calls (CSV)', 200, 4, async () =>
      drain(await fetch(`${url}/v1/open-data/calls`), 200),
    ),
  );
} finally {
  await stop(child);
}

const microRun = spawnSync(process.execPath, [...TSX, micro, dataDir], { cwd: root, encoding: 'utf8' });
rmSync(dataDir, { recursive: true, force: true });
/** @type {Record<string, number>} */
let microResults = {};
try {
  microResults = JSON.parse(microRun.stdout.trim().split('\n').at(-1) ?? '{}');
} catch {
  process.stderr.write(`micro-benchmarks failed: ${microRun.stderr.slice(0, 500)}\n`);
}

const f = (/** @type {number} */ n, d = 1) => n.toFixed(d).padStart(9);
console.log(
  `\n${'load (127.0.0.1)'.padEnd(52)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'MB/s'.padStart(9)}${'errors'.padStart(8)}`,
);
for (const r of rows)
  console.log(
    `${r.name.padEnd(52)}${f(r.rps, 0)}${f(r.p50, 2)}${f(r.p95, 2)}${f(r.p99, 2)}${f(r.mbps, 2)}${String(r.errors).padStart(8)}`,
  );
const cold = rows[0];
const cached = rows[1];
if (cold && cached)
  console.log(
    `\n304 vs 200 throughput ratio: ${(cached.rps / cold.rps).toFixed(2)}x (p50 ${(cold.p50 / cached.p50).toFixed(2)}x faster)`,
  );
console.log(`start + demo seed on a fresh dir (CLI spawn to listening): ${seedMs.toFixed(0)} ms`);
console.log(`\n${'in-process'.padEnd(52)}${'ops/s'.padStart(12)}`);
for (const [name, ops] of Object.entries(microResults))
  console.log(`${name.padEnd(52)}${String(ops).padStart(12)}`);
