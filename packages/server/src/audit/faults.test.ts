// The fault suite: the real server CLI is killed with SIGKILL in the middle of writes (JSON contributions in
// flight, an upload whose handler holds its Idempotency-Key, an upload whose body is still streaming), then
// restarted on the same data. Every acknowledged write must be there exactly once, and every key must be
// retryable to completion (an interrupted one after its lease) with the same answer on a second replay.
// Nothing waits on a timer: the upload is stopped inside its handler by a preload
// (test-support/hold-file-writes.ts), and the lease is passed by starting the last server with its clock moved
// on (scripts/lib/shift-process-clock.mjs).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  Application,
  Attachment,
  Call,
  ContributionReceipt,
  Problem,
  RequiredDocument,
} from '@nassij/contract';
import { fileFor, pdfBytes } from '../areas/applications/fixtures.js';
import { type Answer, send } from '../bench/kit.js';
import { openSqlite } from '../db/sqlite.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { signInAs } from '../testing.js';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));
const HOLD = pathToFileURL(
  fileURLToPath(new URL('../test-support/hold-file-writes.ts', import.meta.url)),
).href;
const CLOCK = new URL('../../../../scripts/lib/shift-process-clock.mjs', import.meta.url).href;
const HOLD_MARKER = 'nassij-fault-hold';
const LEASE_SECONDS = 60;

interface Cli {
  url: string;
  child: ChildProcess;
  /** Resolves when stderr has printed a line matching `pattern`. */
  stderrLine(pattern: RegExp): Promise<void>;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
let dataDir = '';
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/**
 * Starts `cli.ts` on `dataDir` with its clock at this process's "now" plus `clockShiftMs` (so that a shifted
 * `npm test` run moves the servers too) and waits for its listening line.
 */
async function startCli(options: { clockShiftMs?: number; hold?: boolean } = {}): Promise<Cli> {
  const args = [
    '--conditions=source',
    '--import',
    CLOCK,
    '--import',
    'tsx',
    ...(options.hold ? ['--import', HOLD] : []),
    CLI,
    '--port',
    '0',
    '--data',
    dataDir,
    '--seed',
    'demo',
    '--log-level',
    'error',
    '--idempotency-lease',
    String(LEASE_SECONDS),
  ];
  const env = {
    ...process.env,
    NASSIJ_CLOCK: new Date(Date.now() + (options.clockShiftMs ?? 0)).toISOString(),
    ...(options.hold ? { NASSIJ_TEST_HOLD_MARKER: HOLD_MARKER } : {}),
  };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
    for (const waiter of waiters.filter((w) => w.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    child,
    exited,
    stderrLine: (pattern) =>
      pattern.test(stderr)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ pattern, resolve });
            void exited.then(() => reject(new Error(`the server exited before printing ${pattern}`)));
          }),
  };
}

async function kill(cli: Cli): Promise<void> {
  cli.child.kill('SIGKILL');
  await cli.exited;
}

/** One keyed write, replayable as is: the same method, path, key and body bytes (a form is encoded again). */
interface Write {
  label: string;
  method: string;
  path: string;
  key: string;
  token: string;
  json?: unknown;
  form?: () => FormData;
  /** The answer received before the kill, when there was one. */
  acknowledged?: Answer;
  /** The answer of the first completed retry. */
  completed?: Answer;
}

const fire = (url: string, write: Write): Promise<Answer> =>
  send(url, write.method, write.path, {
    token: write.token,
    headers: { 'idempotency-key': write.key },
    ...(write.json !== undefined ? { json: write.json } : {}),
    ...(write.form ? { raw: write.form() } : {}),
  });

function uploadForm(documentId: string, bytes: Uint8Array, name: string): () => FormData {
  return () => {
    const form = new FormData();
    form.set('documentId', documentId);
    form.set('file', new File([bytes.slice()], name));
    return form;
  };
}

/** A multipart body built by hand, so that it can be sent in two halves with the same bytes later. */
function multipart(documentId: string, bytes: Uint8Array, name: string): { body: Buffer; type: string } {
  const boundary = 'nassijFaultBoundary7MA';
  const head = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="documentId"',
    '',
    documentId,
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; filename="${name}"`,
    'Content-Type: application/pdf',
    '',
    '',
  ].join('\r\n');
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The JSON body of an answer that must be there. */
function jsonOf<T>(answer: Answer | undefined): T {
  assert.ok(answer, 'an answer');
  return answer.json as T;
}

const sha = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

test('SIGKILL during writes and uploads: acknowledged writes stay once, every key completes on retry', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nassij-faults-'));
  const first = await startCli({ hold: true });
  const sign = (key: keyof typeof DEMO_ACCOUNTS) =>
    signInAs(first.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
  const [citizen, member, rep] = await Promise.all([sign('citizen'), sign('member'), sign('representative')]);

  // Two drafts (JSON writes, acknowledged), each call asking for statutes (PDF) and a budget.
  const calls = [F.calls.openEligible, F.calls.openForDrafts[0] ?? ''];
  const starts: Write[] = calls.map((callId, i) => ({
    label: `start ${i}`,
    method: 'POST',
    path: '/v1/applications',
    key: `fault-start-${i}`,
    token: rep,
    json: { callId, associationId: F.associations.represented },
  }));
  for (const start of starts) {
    start.acknowledged = await fire(first.url, start);
    assert.equal(start.acknowledged.status, 201, start.acknowledged.text);
  }
  const [appA, appB] = starts.map((s) => jsonOf<Application>(s.acknowledged).id);
  const documents = async (callId: string) => {
    const call = (await send(first.url, 'GET', `/v1/calls/${callId}`)).json as Call;
    const find = (id: string) => call.requiredDocuments.find((d) => d.id === id) as RequiredDocument;
    return { statutes: find('statutes'), budget: find('budget') };
  };
  const docsA = await documents(calls[0] ?? '');
  const docsB = await documents(calls[1] ?? '');
  assert.ok(docsA.statutes && docsA.budget && docsB.statutes, 'both calls ask for statutes and a budget');

  // U0, acknowledged: the budget of draft A.
  const budget = fileFor(docsA.budget);
  const u0: Write = {
    label: 'upload acknowledged',
    method: 'POST',
    path: `/v1/applications/${appA}/attachments`,
    key: 'fault-upload-acknowledged',
    token: rep,
    form: uploadForm('budget', budget.bytes, budget.name),
  };
  u0.acknowledged = await fire(first.url, u0);
  assert.equal(u0.acknowledged.status, 201, u0.acknowledged.text);

  // U1, held inside its handler: the statutes of draft A, whose stored-file write never completes.
  const heldBytes = pdfBytes(HOLD_MARKER);
  const u1: Write = {
    label: 'upload killed in its handler',
    method: 'POST',
    path: `/v1/applications/${appA}/attachments`,
    key: 'fault-upload-held',
    token: rep,
    form: uploadForm('statutes', heldBytes, 'statuts.pdf'),
  };
  const heldAttempt = fire(first.url, u1).catch(() => undefined);
  await first.stderrLine(/holding the write/);

  // U2, still streaming: the statutes of draft B, half its body sent.
  const streamedBytes = pdfBytes('fault-streamed', `% ${'x'.repeat(256 * 1024)}`);
  const streamed = multipart('statutes', streamedBytes, 'statuts-b.pdf');
  const u2: Write = {
    label: 'upload killed while streaming',
    method: 'POST',
    path: `/v1/applications/${appB}/attachments`,
    key: 'fault-upload-streaming',
    token: rep,
  };
  const partial = request(`${first.url}${u2.path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${rep}`,
      'content-type': streamed.type,
      'content-length': String(streamed.body.byteLength),
      'idempotency-key': u2.key,
    },
  });
  partial.on('error', () => undefined);
  await new Promise<void>((resolve) =>
    partial.write(streamed.body.subarray(0, streamed.body.byteLength >> 1), () => resolve()),
  );

  // Contributions in flight, five by the citizen and five by the member; the kill follows the fourth answer.
  const contributions: Write[] = Array.from({ length: 10 }, (_, i) => ({
    label: `contribution ${i}`,
    method: 'POST',
    path: `/v1/consultations/${F.consultations.draftLaw}/contributions`,
    key: `fault-contribution-${i}`,
    token: i % 2 === 0 ? citizen : member,
    json: { kind: 'comment', body: `مساهمة ⵜⴰⵎⴰⵣⵉⵖⵜ fault ${i}`, consent: true },
  }));
  let answered = 0;
  let killed: Promise<void> | undefined;
  await Promise.all(
    contributions.map(async (write) => {
      try {
        const answer = await fire(first.url, write);
        if (killed !== undefined) return;
        assert.equal(answer.status, 201, answer.text);
        write.acknowledged = answer;
        answered += 1;
        if (answered === 4) killed = kill(first);
      } catch {
        // Cut off by the kill: not acknowledged.
      }
    }),
  );
  await killed;
  await heldAttempt;
  assert.equal(answered, 4, 'four acknowledged, six cut off or unanswered');

  // Restart on the same data: replays, fresh runs, and the held upload still within its lease.
  const second = await startCli();
  for (const write of [...starts, u0, ...contributions]) {
    const answer = await fire(second.url, write);
    assert.equal(answer.status, 201, `${write.label}: ${answer.text}`);
    if (write.acknowledged) {
      assert.equal(answer.headers.get('idempotent-replayed'), 'true', write.label);
      assert.equal(answer.text, write.acknowledged.text, `${write.label}: the acknowledged answer`);
    }
    write.completed = answer;
  }
  const retryStreamed = () =>
    send(second.url, 'POST', u2.path, {
      token: rep,
      raw: new Uint8Array(streamed.body),
      headers: { 'content-type': streamed.type, 'idempotency-key': u2.key },
    });
  const streamedAnswer = await retryStreamed();
  assert.equal(streamedAnswer.status, 201, streamedAnswer.text);
  assert.equal(
    streamedAnswer.headers.get('idempotent-replayed'),
    null,
    'a body never received claims nothing',
  );
  assert.equal((streamedAnswer.json as Attachment).sha256, sha(streamedBytes));
  const streamedReplay = await retryStreamed();
  assert.equal(streamedReplay.text, streamedAnswer.text);
  u2.completed = streamedAnswer;

  const during = await fire(second.url, u1);
  assert.equal(during.status, 409, during.text);
  assert.equal((during.json as Problem).code, 'conflict');
  const wait = Number(during.headers.get('retry-after'));
  assert.ok(wait >= 1 && wait <= LEASE_SECONDS, `Retry-After ${wait}`);
  for (const write of [...starts, u0, ...contributions]) {
    const replay = await fire(second.url, write);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true', write.label);
    assert.equal(replay.text, write.completed?.text, `${write.label}: the same answer on a second replay`);
  }
  await kill(second);

  // After the lease (on the server's clock), the interrupted upload is taken over and runs once.
  const third = await startCli({ clockShiftMs: (LEASE_SECONDS + 60) * 1000 });
  try {
    const taken = await fire(third.url, u1);
    assert.equal(taken.status, 201, taken.text);
    assert.equal(taken.headers.get('idempotent-replayed'), null);
    assert.equal((taken.json as Attachment).sha256, sha(heldBytes));
    u1.completed = taken;
    for (const write of [...starts, u0, u1, ...contributions]) {
      const replay = await fire(third.url, write);
      assert.equal(replay.headers.get('idempotent-replayed'), 'true', write.label);
      assert.equal(replay.text, write.completed?.text, `${write.label}: stored across restarts`);
    }

    const read = async (id: string | undefined) =>
      (await send(third.url, 'GET', `/v1/applications/${id}`, { token: rep })).json as Application;
    const [a, b] = [await read(appA), await read(appB)];
    assert.deepEqual(
      a.attachments.map((x) => [x.documentId, x.id]).sort(),
      [
        ['budget', jsonOf<Attachment>(u0.acknowledged).id],
        ['statutes', (taken.json as Attachment).id],
      ],
      'draft A: the acknowledged budget and the retried statutes, once each',
    );
    assert.deepEqual(
      b.attachments.map((x) => [x.documentId, x.sha256]),
      [['statutes', sha(streamedBytes)]],
    );
  } finally {
    third.child.kill('SIGTERM');
    assert.equal(await third.exited, 0);
  }

  const db = openSqlite(dataDir);
  try {
    for (const write of contributions) {
      const body = (write.json as { body: string }).body;
      const rows = await db.all<{ id: string }>('SELECT id FROM contributions WHERE body = ?', [body]);
      assert.equal(rows.length, 1, `${write.label} is stored exactly once`);
      const answer = write.acknowledged ?? write.completed;
      assert.equal(rows[0]?.id, jsonOf<ContributionReceipt>(answer).contribution.id);
    }
    for (const [i, start] of starts.entries()) {
      const rows = await db.all<{ id: string }>(
        'SELECT id FROM applications WHERE call_id = ? AND association_id = ?',
        [calls[i] ?? '', F.associations.represented],
      );
      assert.deepEqual(
        rows.map((row) => row.id),
        [jsonOf<Application>(start.acknowledged).id],
        `${start.label}: one application`,
      );
    }
    assert.deepEqual(
      await db.all('SELECT idem_key FROM idempotency_keys WHERE status = 0'),
      [],
      'no key in progress',
    );
  } finally {
    await db.close();
  }
});
