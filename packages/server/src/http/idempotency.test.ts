import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Application, type Problem, route } from '@nassij/contract';
import * as z from 'zod/mini';
import { readCall } from '../areas/calls/store.js';
import { type Answer, send } from '../bench/kit.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { signInAs, tempServer } from '../testing.js';
import { problem } from './problem.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const Note = z.strictObject({ id: z.string(), text: z.string(), run: z.number() });
const NewNote = z.strictObject({ text: z.string().check(z.minLength(1)) });

const noteRoute = (id: string, path: string) =>
  route({
    id: `test.idem.${id}`,
    method: 'POST',
    path,
    tag: 'test',
    summary: id,
    auth: 'public',
    body: NewNote,
    errors: [],
    response: { status: 201, schema: Note, description: 'The note' },
  });
const syncNote = noteRoute('sync', '/v1/test/idem/notes');
const refusingNote = route({
  ...noteRoute('refuse', '/v1/test/idem/refusals/{code}'),
  params: z.strictObject({ code: z.string() }),
});
const slowNote = noteRoute('slow', '/v1/test/idem/slow');
const uploadNote = route({
  id: 'test.idem.upload',
  method: 'POST',
  path: '/v1/test/idem/upload',
  tag: 'test',
  summary: 'upload',
  auth: 'public',
  bodyKind: 'multipart',
  body: z.strictObject({ title: z.string() }),
  errors: [],
  response: { status: 201, schema: Note, description: 'The note' },
});

const LEASE_MS = 30_000;
let offsetMs = 0;
let runs = 0;
/** Set to make the next synchronous write fail after writing (an unexpected error, like a crash). */
let failNext = false;
/** Runs of the slow route waiting for the test to let them finish, in order. */
const waiting: (() => void)[] = [];

async function insertNote(
  server: Server['db'],
  text: string,
): Promise<{ id: string; text: string; run: number }> {
  runs += 1;
  const id = `note_${runs}`;
  await server.write('INSERT INTO test_notes (id, text) VALUES (?, ?)', [id, text]);
  return { id, text, run: runs };
}

describe('Idempotency-Key: crash-safe claims, leases and stored refusals', () => {
  let server: Server;
  const notes = async (text: string) =>
    (await server.db.one<{ n: number }>('SELECT count(*) AS n FROM test_notes WHERE text = ?', [text]))?.n;
  const keyRow = async (key: string) =>
    await server.db.one<{ status: number; locked_until: string | null }>(
      'SELECT status, locked_until FROM idempotency_keys WHERE idem_key = ?',
      [key],
    );
  const post = (path: string, json: unknown, key: string) =>
    send(server.url, 'POST', path, { json, headers: { 'idempotency-key': key } });
  const code = (answer: Answer) => (answer.json as Problem).code;

  before(async () => {
    server = await tempServer({
      areas: [],
      seed: 'none',
      rateLimit: false,
      idempotencyLeaseMs: LEASE_MS,
      clock: () => new Date(Date.now() + offsetMs),
      extend: async (app) => {
        await app.db.script('CREATE TABLE test_notes (id TEXT PRIMARY KEY, text TEXT NOT NULL)');
        app.bind(syncNote, async ({ body, db }) => {
          const note = await insertNote(db, body.text);
          if (failNext) {
            failNext = false;
            throw new Error('failed after writing');
          }
          return { status: 201, body: note };
        });
        app.bind(refusingNote, async ({ params, body, db }) => {
          await insertNote(db, body.text);
          throw problem(params.code as never, `refused (run ${runs})`);
        });
        // Both await more than the database, as an upload does: they declare it and run outside the write lock.
        app.bind(
          slowNote,
          async ({ body, db }) => {
            await new Promise<void>((resolve) => waiting.push(resolve));
            return { status: 201, body: await insertNote(db, body.text) };
          },
          { awaitsIo: true },
        );
        app.bind(
          uploadNote,
          async ({ body, files, db }) => {
            const bytes = new Uint8Array(await files.file!.arrayBuffer());
            return { status: 201, body: await insertNote(db, `${body.title}:${bytes.byteLength}`) };
          },
          { awaitsIo: true },
        );
      },
    });
  });
  after(() => server.stop());

  test('a write commits its claim, writes and answer at once; nothing stays in progress', async () => {
    const first = await post('/v1/test/idem/notes', { text: 'sync' }, 'sync-1');
    assert.equal(first.status, 201);
    assert.equal((await keyRow('sync-1'))?.status, 201);
    assert.equal((await keyRow('sync-1'))?.locked_until, null);
    const replay = await post('/v1/test/idem/notes', { text: 'sync' }, 'sync-1');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.text, first.text);
    assert.equal(await notes('sync'), 1);
  });

  test('a handler that fails after writing rolls back its writes with the claim: the retry runs once', async () => {
    failNext = true;
    const failed = await post('/v1/test/idem/notes', { text: 'rolled back' }, 'crash-1');
    assert.equal(failed.status, 500);
    assert.equal(await notes('rolled back'), 0, 'the write went with the claim');
    assert.equal(await keyRow('crash-1'), undefined, 'the key is free');
    const retried = await post('/v1/test/idem/notes', { text: 'rolled back' }, 'crash-1');
    assert.equal(retried.status, 201);
    const replay = await post('/v1/test/idem/notes', { text: 'rolled back' }, 'crash-1');
    assert.equal(replay.text, retried.text);
    assert.equal(await notes('rolled back'), 1);
  });

  test('refusals the handler decides from state are stored and replayed; curable ones run again', async () => {
    for (const stored of ['deadline_passed', 'invalid_state', 'not_found', 'phase_closed']) {
      const text = `stored ${stored}`;
      const first = await post(`/v1/test/idem/refusals/${stored}`, { text }, `refuse-${stored}`);
      assert.equal(code(first), stored);
      const replay = await post(`/v1/test/idem/refusals/${stored}`, { text }, `refuse-${stored}`);
      assert.equal(replay.status, first.status, stored);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true', stored);
      assert.equal(replay.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(replay.text, first.text, `${stored}: the same answer, not a second run`);
      assert.equal(await notes(text), 1, `${stored}: what the handler wrote before refusing is kept, once`);
    }
    for (const curable of [
      'forbidden',
      'unauthenticated',
      'validation_failed',
      'not_eligible',
      'precondition_failed',
      'conflict',
    ]) {
      const text = `curable ${curable}`;
      const first = await post(`/v1/test/idem/refusals/${curable}`, { text }, `refuse-${curable}`);
      assert.equal(code(first), curable);
      const again = await post(`/v1/test/idem/refusals/${curable}`, { text }, `refuse-${curable}`);
      assert.equal(code(again), curable);
      assert.equal(again.headers.get('idempotent-replayed'), null, `${curable} runs again`);
      assert.notEqual(again.text, first.text);
      assert.equal(await keyRow(`refuse-${curable}`), undefined);
    }
  });

  test('a refusal before the handler (validation) stores nothing: the corrected request runs with the key', async () => {
    const invalid = await post('/v1/test/idem/notes', { text: '' }, 'fix-1');
    assert.equal(code(invalid), 'validation_failed');
    const fixed = await post('/v1/test/idem/notes', { text: 'fixed' }, 'fix-1');
    assert.equal(fixed.status, 201);
    const other = await post('/v1/test/idem/notes', { text: 'another' }, 'fix-1');
    assert.equal(code(other), 'idempotency_key_reused');
  });

  test('an awaiting write holds its key for the lease (409, Retry-After), then a retry takes it over', async () => {
    const text = 'slow';
    const first = post('/v1/test/idem/slow', { text }, 'slow-1');
    while (waiting.length < 1) await new Promise((resolve) => setImmediate(resolve));
    assert.equal((await keyRow('slow-1'))?.status, 0, 'in progress, committed with its lease');
    const during = await post('/v1/test/idem/slow', { text }, 'slow-1');
    assert.equal(during.status, 409);
    assert.equal(code(during), 'conflict');
    assert.equal(during.headers.get('retry-after'), String(LEASE_MS / 1000));

    offsetMs += LEASE_MS - 1000;
    const stillHeld = await post('/v1/test/idem/slow', { text }, 'slow-1');
    assert.equal(stillHeld.status, 409);
    assert.equal(stillHeld.headers.get('retry-after'), '1');

    // Past the lease, as when the attempt died with its process: the retry runs.
    offsetMs += 1000;
    const takeover = post('/v1/test/idem/slow', { text }, 'slow-1');
    while (waiting.length < 2) await new Promise((resolve) => setImmediate(resolve));
    waiting[1]?.();
    const taken = await takeover;
    assert.equal(taken.status, 201);
    // The first attempt, which outlived its lease, still answers its own client but stores nothing.
    waiting[0]?.();
    assert.equal((await first).status, 201);
    const replay = await post('/v1/test/idem/slow', { text }, 'slow-1');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.text, taken.text);
  });

  test('a key left in progress by a server before leases is free at once', async () => {
    const text = 'legacy';
    const first = post('/v1/test/idem/slow', { text }, 'legacy-1');
    while (waiting.length < 3) await new Promise((resolve) => setImmediate(resolve));
    await server.db.write(
      'UPDATE idempotency_keys SET claim_id = NULL, locked_until = NULL WHERE idem_key = ?',
      ['legacy-1'],
    );
    const retry = post('/v1/test/idem/slow', { text }, 'legacy-1');
    while (waiting.length < 4) await new Promise((resolve) => setImmediate(resolve));
    waiting[3]?.();
    waiting[2]?.();
    const [old, taken] = await Promise.all([first, retry]);
    assert.equal(old.status, 201);
    assert.equal(taken.status, 201);
    const replay = await post('/v1/test/idem/slow', { text }, 'legacy-1');
    assert.equal(replay.text, taken.text);
  });

  test('a multipart form encoded again with another boundary is the same request', async () => {
    const form = (bytes: string, boundary: string) =>
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="title"',
        '',
        'statuts',
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="statuts.pdf"',
        'Content-Type: application/pdf',
        '',
        bytes,
        `--${boundary}--`,
        '',
      ].join('\r\n');
    const upload = (bytes: string, boundary: string) =>
      send(server.url, 'POST', '/v1/test/idem/upload', {
        raw: form(bytes, boundary),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'idempotency-key': 'form-1' },
      });
    const first = await upload('%PDF-1.7 same bytes', 'boundaryAAAA');
    assert.equal(first.status, 201);
    const again = await upload('%PDF-1.7 same bytes', 'boundaryBBBBBBBB');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, first.text);
    const other = await upload('%PDF-1.7 other bytes', 'boundaryAAAA');
    assert.equal(code(other), 'idempotency_key_reused');
  });
});

describe('Idempotency-Key on a real route: a late submission is answered the same way for the key', () => {
  let server: Server;
  let at: Date | undefined;
  before(async () => {
    server = await tempServer({ rateLimit: false, clock: () => at ?? new Date() });
  });
  after(() => server.stop());

  test('deadline_passed is stored: a replay answers it again, even on a clock sent back', async () => {
    const call = await readCall(server.db, F.calls.openEligible);
    assert.ok(call?.dates.closes);
    const { email, password } = DEMO_ACCOUNTS.representative;
    const started = await send(server.url, 'POST', '/v1/applications', {
      token: await signInAs(server.url, email, password),
      json: { callId: call.id, associationId: F.associations.represented },
    });
    assert.equal(started.status, 201, started.text);
    const id = (started.json as Application).id;

    at = new Date(Date.parse(call.dates.closes.at) + 60 * 60 * 1000);
    const late = await send(server.url, 'POST', `/v1/applications/${id}/submit`, {
      token: await signInAs(server.url, email, password),
      headers: { 'idempotency-key': 'late-submit-1' },
    });
    assert.equal((late.json as Problem).code, 'deadline_passed');

    // Before the deadline again, the same key still answers what was decided, without running the handler.
    at = undefined;
    const replay = await send(server.url, 'POST', `/v1/applications/${id}/submit`, {
      token: await signInAs(server.url, email, password),
      headers: { 'idempotency-key': 'late-submit-1' },
    });
    assert.equal(replay.status, 422);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.text, late.text);
  });
});
