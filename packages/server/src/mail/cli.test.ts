// The mail worker in the real server process: killed mid-way and restarted, it delivers every message
// exactly once; `--smtp` sends through a relay without ever printing its password; bad mail flags exit 2.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/db.js';
import { migrate } from '../db/migrate.js';
import { CORE_MIGRATIONS } from '../db/migrations/index.js';
import { openDatabase } from '../db/open.js';
import { sameClock } from '../test-support/same-clock.js';
import { startSmtpSink } from '../test-support/smtp-sink.js';
import { removeTestData, testDatabaseOptions } from '../testing.js';
import { composeMail } from './layout.js';
import { enqueueMail, listMail, useMail } from './outbox.js';
import { parseMime } from './test-support/mime.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

interface Child {
  process: ChildProcess;
  output: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[]): Child {
  // The mail this test queues carries its clock's times: the worker must be on the same clock to find it due.
  const clock = sameClock();
  const child = spawn(
    process.execPath,
    ['--conditions=source', ...clock.execArgv, '--import', 'tsx', CLI, ...args],
    {
      stdio: 'pipe',
      env: { ...process.env, ...clock.env },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { process: child, output: () => output, done };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, tries = 1200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function emlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'));
}

/** Enqueues `count` messages as another process would (the outbox is shared through the database). */
async function enqueueMany(db: Db, count: number, prefix: string): Promise<string[]> {
  useMail(db, { clock: () => new Date(), messageIdHost: 'nassij.example' });
  const ids: string[] = [];
  await db.atomic(async () => {
    for (let i = 0; i < count; i++)
      ids.push(
        await enqueueMail(db, {
          to: `${prefix}-${i}@example.org`,
          locale: i % 2 === 0 ? 'ar' : 'fr',
          kind: 'test.kill',
          ...composeMail(i % 2 === 0 ? 'ar' : 'fr', {
            subject: `Message ${i}`,
            paragraphs: [`Numéro ${i}.`],
            action: { label: 'Ouvrir', url: `https://nassij.example/m/${i}` },
          }),
        }),
      );
  });
  return ids;
}

test('killed mid-way and restarted, the server delivers every message exactly once', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-mail-kill-'));
  const { database } = await testDatabaseOptions(dataDir);
  const mailDir = join(dataDir, 'mail');
  const COUNT = 600;
  const db = await openDatabase(database, { dataDir });
  let ids: string[];
  try {
    await migrate(db, CORE_MIGRATIONS);
    ids = await enqueueMany(db, COUNT, 'kill');
  } finally {
    await db.close();
  }
  const args = [
    ...['--port', '0', '--data', dataDir, '--log-level', 'error'],
    ...(database ? ['--database', database] : []),
    ...['--mail-from', 'Nassij <no-reply@nassij.example>', '--mail-lease', '1'],
  ];
  try {
    // The worker starts sending at once; kill the process as soon as some messages are out.
    const first = run(args);
    await until('the first messages', async () => (await emlFiles(mailDir)).length > 0);
    first.process.kill('SIGKILL');
    assert.equal((await first.done).signal, 'SIGKILL');
    const atKill = (await emlFiles(mailDir)).length;
    assert.ok(atKill < COUNT, `the process was killed mid-way (${atKill} of ${COUNT} written)`);

    // Restarted on the same data: the rest goes, claims of the dead process once their lease ran out.
    const second = run(args);
    try {
      await until('every message', async () => (await emlFiles(mailDir)).length >= COUNT);
      const check = await openDatabase(database, { dataDir });
      try {
        await until('every message recorded as sent', async () =>
          (await listMail(check, { kind: 'test.kill' })).every((mail) => mail.state === 'sent'),
        );
      } finally {
        await check.close();
      }
    } finally {
      second.process.kill('SIGTERM');
      assert.equal((await second.done).code, 0);
    }

    const files = (await emlFiles(mailDir)).sort();
    assert.deepEqual(files, ids.map((id) => `${id}.eml`).sort());
    const messageIds = new Set<string>();
    for (const file of files) {
      const headers = parseMime(await readFile(join(mailDir, file), 'utf8')).headers;
      messageIds.add(headers.get('message-id') ?? '');
    }
    assert.deepEqual([...messageIds].sort(), ids.map((id) => `<${id}@nassij.example>`).sort());
  } finally {
    await removeTestData(dataDir);
  }
});

test('--smtp sends through the relay and never prints its password', async () => {
  const sink = await startSmtpSink();
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-mail-smtp-'));
  const { database } = await testDatabaseOptions(dataDir);
  const password = 'relay-pa55word';
  const child = run([
    ...['--port', '0', '--data', dataDir, '--log-level', 'info'],
    ...(database ? ['--database', database] : []),
    ...['--smtp', sink.url({ user: 'mailer', pass: password })],
    ...['--public-url', 'https://nassij.example', '--dev'],
  ]);
  try {
    await until('the server', () => child.output().includes('Demo accounts'));
    const db = await openDatabase(database, { dataDir });
    let ids: string[];
    try {
      ids = await enqueueMany(db, 2, 'smtp');
    } finally {
      await db.close();
    }
    // Enqueued by another process: the server's worker finds the messages on its next poll.
    await until('the relay to receive both', () => sink.messages.length >= 2);
    assert.deepEqual(sink.messages.map((message) => message.to[0]).sort(), [
      'smtp-0@example.org',
      'smtp-1@example.org',
    ]);
    assert.deepEqual(sink.messages[0]?.auth, { user: 'mailer', pass: password });
    assert.deepEqual(
      sink.messages.map((message) => parseMime(message.data).headers.get('message-id')).sort(),
      ids.map((id) => `<${id}@nassij.example>`).sort(),
    );
    assert.match(child.output(), /Mail: +http:\/\/127\.0\.0\.1:\d+\/dev\/mail/);
    assert.match(child.output(), /smtp:\/\/mailer:\*\*\*@127\.0\.0\.1/);
  } finally {
    child.process.kill('SIGTERM');
    assert.equal((await child.done).code, 0);
    await sink.close();
    await removeTestData(dataDir);
  }
  assert.doesNotMatch(child.output(), new RegExp(password));
});

test('bad mail flags exit with code 2 and one line, without the password', async () => {
  const cases: [string[], RegExp][] = [
    [['--public-url', 'nassij.example'], /--public-url must be an origin/],
    [['--public-url', 'https://nassij.example/app'], /--public-url must be an origin/],
    [['--smtp', 'http://mailer:hunter2@relay.example'], /--smtp must be an smtp:\/\/ or smtps:\/\/ URL/],
    [['--mail-from', 'nobody'], /--mail-from must be an address/],
    [['--mail-lease', '0'], /--mail-lease must be a number of seconds from 1/],
  ];
  const results = await Promise.all(
    cases.map(async ([args]) => {
      const child = run(args);
      return { ...(await child.done), output: child.output() };
    }),
  );
  results.forEach((result, i) => {
    const [args, message] = cases[i] ?? [[], /./];
    assert.equal(result.code, 2, args.join(' '));
    assert.match(result.output, message);
    assert.equal(result.output.trim().split('\n').length, 1, 'one line');
    assert.doesNotMatch(result.output, /hunter2/);
  });
});
