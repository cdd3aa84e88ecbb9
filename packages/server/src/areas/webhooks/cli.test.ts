// The webhook worker in the real server process: killed while its attempts hang at the receiver, and
// restarted on the same data, it posts every pending delivery (the dead process's claims once their lease
// ran out), each event with its own stable `webhook-id`: nothing lost, and nothing sent more than the
// at-least-once promise allows.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../db/migrate.js';
import { CORE_MIGRATIONS } from '../../db/migrations/index.js';
import { openDatabase } from '../../db/open.js';
import { recordEvent, useEvents } from '../../events/log.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { sameClock } from '../../test-support/same-clock.js';
import { removeTestData, testDatabaseOptions } from '../../testing.js';
import { AREAS } from '../index.js';
import { insertEndpoint } from './store.js';

const CLI = fileURLToPath(new URL('../../cli.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[]): Child {
  // The events this test records carry its clock's times: the server must be on the same clock to find them due.
  const clock = sameClock();
  const child = spawn(
    process.execPath,
    ['--conditions=source', ...clock.execArgv, '--import', 'tsx', CLI, ...args],
    {
      stdio: 'ignore',
      env: { ...process.env, ...clock.env },
    },
  );
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { process: child, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, tries = 2400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

test('killed while deliveries hang and restarted, the server posts every pending delivery', async () => {
  const COUNT = 25;
  // The receiver holds every request until told to answer: the first process dies with its claims open.
  let answering = false;
  const held: ServerResponse[] = [];
  const posts: string[] = [];
  const answered = new Set<string>();
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = String(request.headers['webhook-id']);
      posts.push(id);
      if (!answering) {
        held.push(response);
        return;
      }
      answered.add(id);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-webhook-kill-'));
  const { database } = await testDatabaseOptions(dataDir);
  const ids: string[] = [];
  const db = await openDatabase(database, { dataDir });
  try {
    await migrate(db, [...CORE_MIGRATIONS, ...AREAS.flatMap((area) => area.migrations)]);
    useEvents(db, { clock: () => new Date() });
    await db.atomic(async () => {
      await insertEndpoint(db, {
        organisationId: null,
        url,
        eventTypes: ['call.published'],
        createdBy: F.accounts.admin,
        now: new Date(),
      });
      for (let i = 0; i < COUNT; i++) {
        const event = await recordEvent(db, 'call.published', {
          callId: F.calls.openEligible,
          reference: 'MA-TEST-2026-0001',
          organisationId: F.organisations.ministry,
          title: { ar: `طلب ${i}`, fr: `Appel ${i}` },
          version: i + 1,
          status: 'forecast',
          opensAt: new Date().toISOString(),
        });
        if (event) ids.push(event.id);
      }
    });
  } finally {
    await db.close();
  }
  assert.equal(ids.length, COUNT);

  const args = [
    ...[
      '--port',
      '0',
      '--data',
      dataDir,
      '--log-level',
      'error',
      '--webhook-lease',
      '1',
      '--webhook-allow-private',
    ],
    ...(database ? ['--database', database] : []),
  ];
  try {
    const first = run(args);
    await until('the first deliveries', () => held.length > 0);
    first.process.kill('SIGKILL');
    assert.equal((await first.done).signal, 'SIGKILL');
    const atKill = new Set(posts).size;
    assert.ok(atKill < COUNT, `killed mid-way (${atKill} of ${COUNT} posted)`);
    for (const response of held.splice(0)) response.destroy();

    answering = true;
    const second = run(args);
    try {
      await until('every event answered', () => answered.size >= COUNT);
      const check = await openDatabase(database, { dataDir });
      try {
        await until('every delivery recorded as succeeded', async () => {
          const rows = await check.all<{ state: string }>('SELECT state FROM webhook_deliveries');
          return rows.length === COUNT && rows.every((row) => row.state === 'succeeded');
        });
      } finally {
        await check.close();
      }
    } finally {
      second.process.kill('SIGTERM');
      assert.equal((await second.done).code, 0);
    }
    assert.deepEqual([...answered].sort(), [...ids].sort(), 'every event, by its own id');
    // At least once: an event is posted again only if the dead process had posted it.
    for (const id of ids) {
      const times = posts.filter((posted) => posted === id).length;
      assert.ok(times <= 2, `${id} posted ${times} times`);
    }
  } finally {
    await new Promise<void>((resolve) => {
      receiver.close(() => resolve());
      receiver.closeAllConnections();
    });
    await removeTestData(dataDir);
  }
});
