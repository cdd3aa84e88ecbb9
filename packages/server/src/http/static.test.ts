import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { tempServer } from '../testing.js';

let server: Awaited<ReturnType<typeof tempServer>>;
let cdnDir: string;
const entry = 'export const answer = 42;\n'.repeat(100);
const chunk = 'export const chunk = "lit";\n'.repeat(100);

before(async () => {
  cdnDir = await mkdtemp(join(tmpdir(), 'nassij-cdn-'));
  await mkdir(join(cdnDir, 'chunks'));
  await writeFile(join(cdnDir, 'nassij.js'), entry);
  await writeFile(join(cdnDir, 'nassij.js.br'), brotliCompressSync(entry));
  await writeFile(join(cdnDir, 'nassij.js.gz'), gzipSync(entry));
  await writeFile(join(cdnDir, 'chunks', 'lit-AbC123.js'), chunk);
  server = await tempServer({ areas: [], seed: 'none', cdnDir });
});
after(async () => {
  await server.stop();
  await rm(cdnDir, { recursive: true, force: true });
});

test('the CDN answers any origin: a site that is on no list can load the bundles', async () => {
  const response = await fetch(`${server.url}/cdn/nassij.js`, {
    headers: { origin: 'https://commune.example' },
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), '*');
  assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
});

test('hashed chunks are immutable for a year; entries and the loader are short-lived', async () => {
  const hashed = await fetch(`${server.url}/cdn/chunks/lit-AbC123.js`);
  assert.equal(hashed.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(await hashed.text(), chunk);
  const loader = await fetch(`${server.url}/cdn/nassij.js`);
  assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
});

test('the build-time brotli or gzip copy is sent when accepted, the plain file otherwise', async () => {
  const br = await fetch(`${server.url}/cdn/nassij.js`, { headers: { 'accept-encoding': 'gzip, br' } });
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.equal(await br.text(), entry);
  const gz = await fetch(`${server.url}/cdn/nassij.js`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  assert.equal(await gz.text(), entry);
  const plain = await fetch(`${server.url}/cdn/nassij.js`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(await plain.text(), entry);
  // Without a precompressed copy the answer is compressed on the way out.
  const onTheFly = await fetch(`${server.url}/cdn/chunks/lit-AbC123.js`, {
    headers: { 'accept-encoding': 'br' },
  });
  assert.equal(onTheFly.headers.get('content-encoding'), 'br');
  assert.equal(await onTheFly.text(), chunk);
  for (const answer of [br, gz, plain]) assert.match(answer.headers.get('vary') ?? '', /Accept-Encoding/);
});

test('every answer carries the security headers; pages get a CSP without inline script', async () => {
  const pagesDir = await mkdtemp(join(tmpdir(), 'nassij-pages-'));
  await writeFile(join(pagesDir, 'index.html'), '<!doctype html><title>Région</title>');
  const site = await tempServer({ areas: [], seed: 'none', examplesDir: pagesDir, cdnDir });
  try {
    const page = await fetch(`${site.url}/index.html`);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    for (const path of ['/index.html', '/cdn/nassij.js', '/healthz', '/v1/nothing-here']) {
      const answer = await fetch(`${site.url}${path}`);
      assert.equal(answer.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(answer.headers.get('x-frame-options'), 'DENY', path);
      // Bundles and answers are for other sites; the popup needs its opener, so no COOP anywhere.
      assert.equal(answer.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
      assert.equal(answer.headers.get('cross-origin-opener-policy'), null, path);
      // The TLS proxy sends HSTS; the server, plain HTTP, never does.
      assert.equal(answer.headers.get('strict-transport-security'), null, path);
    }
    const api = await fetch(`${site.url}/healthz`);
    assert.match(api.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  } finally {
    await site.stop();
    await rm(pagesDir, { recursive: true, force: true });
  }
});
