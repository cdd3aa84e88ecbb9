import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function run(args: string[]): {
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  kill(): void;
  stdout: () => string;
} {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args], {
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { done, kill: () => child.kill('SIGTERM'), stdout: () => stdout };
}

test('bad flags exit with code 2 and a one-line message', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-cli-'));
  try {
    const file = join(dir, 'file');
    await writeFile(file, '');
    const cases: [string[], RegExp][] = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--port', 'abc'], /--port must be a port number/],
      [['--seed', 'lots'], /--seed must be demo or none/],
      [['--log-level', 'loud'], /--log-level must be one of/],
      [['--cors-origin', 'region.ma'], /--cors-origin must be an origin/],
      [['--idempotency-lease', 'soon'], /--idempotency-lease must be a number of seconds/],
      [['--idempotency-lease', '0'], /--idempotency-lease must be a number of seconds from 1/],
      [['--trust-proxy', '0'], /--trust-proxy: a hop count is from 1 to 16/],
      [['--trust-proxy', 'proxy.internal'], /--trust-proxy: "proxy.internal" is neither an address/],
      [['--trust-proxy', '10.0.0.0/33'], /--trust-proxy: "10.0.0.0\/33" is neither/],
      [['--trust-proxy', '1', '--trust-proxy', '10.0.0.1'], /--trust-proxy: give either one hop count/],
      [
        ['--trust-proxy', '1', '--proxy-header', 'x-real-ip'],
        /--proxy-header must be x-forwarded-for or forwarded/,
      ],
      [['--proxy-header', 'forwarded'], /--proxy-header needs --trust-proxy/],
      [['--retain-documents-days', 'forever'], /--retain-documents-days: give a number of days/],
      [['--retain-documents-days', 'awarded=99999'], /--retain-documents-days: .* from 0 to 36500/],
      [['--retain-documents-days', 'rejected=30,rejected=60'], /"rejected" is given twice/],
      [['--data', join(file, 'data'), '--port', '0'], /not writable/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args).done));
    results.forEach((result, i) => {
      const [args, message] = cases[i] ?? [[], /./];
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--help prints usage and starting prints the listening line and the demo accounts', async () => {
  const help = await run(['--help']).done;
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--cors-origin <origin>/);

  const dir = await mkdtemp(join(tmpdir(), 'nassij-cli-'));
  const child = run([
    ...['--port', '0', '--data', dir, '--seed', 'demo', '--log-level', 'error'],
    ...['--trust-proxy', 'loopback', '--trust-proxy', '10.0.0.0/8', '--proxy-header', 'forwarded'],
    ...['--retain-documents-days', 'awarded=3650,rejected=180'],
  ]);
  try {
    // Waits for the seed (up to 30 s on a busy machine) before reading what the server printed.
    for (let i = 0; i < 600 && !child.stdout().includes('Demo accounts'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const lines = child.stdout().split('\n');
    assert.match(lines[0] ?? '', /^Nassij server listening on http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(child.stdout(), /\/openapi\.json/);
    assert.match(child.stdout(), /admin@demo\.nassij\.ma\s+demo-admin-2026/);
  } finally {
    child.kill();
    const { code } = await child.done;
    assert.equal(code, 0);
    await rm(dir, { recursive: true, force: true });
  }
});
