import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { StartupError, startServer } from './index.js';
import { DEMO_ACCOUNTS } from './seed/demo.js';
import { removeTestData, signInAs, testDatabaseOptions } from './testing.js';

test('a restart on the same data directory keeps data and does not seed again', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-restart-'));
  try {
    // On PostgreSQL (the API suite's second pass) the restart finds the same database again.
    const database = await testDatabaseOptions(dataDir);
    const first = await startServer({ dataDir, ...database, seed: 'demo', logLevel: 'silent', areas: [] });
    assert.equal(first.seeded, true);
    const token = await signInAs(first.url, DEMO_ACCOUNTS.citizen.email, DEMO_ACCOUNTS.citizen.password);
    await first.db.write('UPDATE accounts SET display_name = ? WHERE id = ?', [
      'Amina (edited)',
      DEMO_ACCOUNTS.citizen.id,
    ]);
    await first.close();

    const second = await startServer({ dataDir, ...database, seed: 'demo', logLevel: 'silent', areas: [] });
    try {
      assert.equal(second.seeded, false);
      const me = await fetch(`${second.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200, 'the token issued before the restart still works');
      assert.equal(((await me.json()) as { displayName: string }).displayName, 'Amina (edited)');
      assert.equal((await second.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM accounts'))?.n, 6);
    } finally {
      await second.close();
    }
  } finally {
    await removeTestData(dataDir);
  }
});

test('a port in use is a StartupError EADDRINUSE', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-port-'));
  const first = await startServer({ dataDir, logLevel: 'silent', areas: [] });
  try {
    await assert.rejects(
      startServer({ dataDir: join(dataDir, 'other'), port: first.port, logLevel: 'silent', areas: [] }),
      (error: unknown) => error instanceof StartupError && error.code === 'EADDRINUSE',
    );
  } finally {
    await first.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('examples and cdn folders are served with media types and no traversal; openapi.json answers', async () => {
  const root = await mkdtemp(join(tmpdir(), 'nassij-static-'));
  const examplesDir = join(root, 'examples');
  const cdnDir = join(root, 'cdn');
  await mkdir(join(examplesDir, 'region'), { recursive: true });
  await mkdir(cdnDir);
  await writeFile(join(examplesDir, 'index.html'), '<!doctype html><title>Examples</title>');
  await writeFile(join(examplesDir, 'region', 'index.html'), '<!doctype html><title>Region</title>');
  await writeFile(join(cdnDir, 'nassij.js'), 'export {};');
  await writeFile(join(root, 'secret.txt'), 'secret');
  const server = await startServer({
    dataDir: join(root, 'data'),
    logLevel: 'silent',
    areas: [],
    examplesDir,
    cdnDir,
  });
  try {
    const index = await fetch(`${server.url}/`);
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.match(await index.text(), /Examples/);
    assert.match(await (await fetch(`${server.url}/region/`)).text(), /Region/);

    const bundle = await fetch(`${server.url}/cdn/nassij.js`);
    assert.equal(bundle.headers.get('content-type'), 'text/javascript; charset=utf-8');

    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/cdn/..%2f..%2fsecret.txt',
      '/cdn/%2e%2e%2fsecret.txt',
    ]) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /secret$/);
    }

    const openapi = await fetch(`${server.url}/openapi.json`);
    assert.ok(openapi.status === 200 || openapi.status === 503, `openapi.json answered ${openapi.status}`);
    const body = (await openapi.json()) as { openapi?: string; code?: string };
    assert.ok(body.openapi?.startsWith('3.1') || body.code === 'unavailable');
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
});
