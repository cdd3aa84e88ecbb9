import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../db/db.js';
import { composeMail } from './layout.js';
import { enqueueMail, getMail, type QueuedMail, useMail } from './outbox.js';
import { type MailTestDb, mailTestDb } from './test-support/mail-db.js';
import { fileTransport, type MailTransport } from './transport.js';
import { retryDelayMs, startMailWorker } from './worker.js';

const START = Date.parse('2027-03-01T09:00:00.000Z');

/** A transport that records every attempt and answers as `outcome` says (throw to fail). */
function scriptedTransport(
  outcome: (mail: QueuedMail, attempt: number) => Promise<void> | void,
): MailTransport & {
  attempts: QueuedMail[];
} {
  const attempts: QueuedMail[] = [];
  return {
    description: 'scripted',
    attempts,
    async send(mail) {
      attempts.push(mail);
      await outcome(mail, attempts.filter((seen) => seen.id === mail.id).length);
    },
    close: async () => undefined,
  };
}

async function enqueue(db: Db, to: string): Promise<string> {
  return db.atomic(() =>
    enqueueMail(db, {
      to,
      locale: 'fr',
      kind: 'test.worker',
      ...composeMail('fr', { subject: 'Essai', paragraphs: ['Bonjour.'] }),
    }),
  );
}

describe('the mail worker', () => {
  let data: MailTestDb;
  let now = START;
  const clock = () => new Date(now);

  before(async () => {
    data = await mailTestDb();
    // No wake: each test runs its workers' passes itself.
    useMail(data.db, { clock, messageIdHost: 'nassij.example' });
  });
  after(() => data.remove());

  test('the delay after a failure doubles, up to its cap', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 10].map((attempts) => retryDelayMs(attempts, 1000, 5000)),
      [1000, 2000, 4000, 5000, 5000],
    );
  });

  test('a failed attempt is retried after a growing delay, then succeeds', async () => {
    const id = await enqueue(data.db, 'retry@example.org');
    const transport = scriptedTransport((_mail, attempt) => {
      if (attempt <= 2) throw new Error(`relay down (attempt ${attempt})`);
    });
    const worker = startMailWorker({
      db: data.db,
      transport,
      clock,
      pollMs: 0,
      backoffMs: 60_000,
      maxBackoffMs: 600_000,
    });
    try {
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 1, failed: 0 });
      let mail = await getMail(data.db, id);
      assert.equal(mail?.state, 'queued');
      assert.equal(mail?.attempts, 1);
      assert.equal(mail?.lastError, 'relay down (attempt 1)');
      assert.equal(mail?.nextAttemptAt, new Date(now + 60_000).toISOString());

      // Not due yet: nothing is attempted.
      now += 59_999;
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 0, failed: 0 });
      assert.equal(transport.attempts.length, 1);

      now += 1;
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 1, failed: 0 });
      mail = await getMail(data.db, id);
      assert.equal(mail?.attempts, 2);
      assert.equal(mail?.nextAttemptAt, new Date(now + 120_000).toISOString(), 'the delay doubled');

      now += 120_000;
      assert.deepEqual(await worker.runOnce(), { sent: 1, retried: 0, failed: 0 });
      mail = await getMail(data.db, id);
      assert.equal(mail?.state, 'sent');
      assert.equal(mail?.attempts, 3);
      assert.equal(mail?.sentAt, new Date(now).toISOString());
      assert.equal(mail?.lastError, null);
      assert.deepEqual(
        transport.attempts.map((attempt) => attempt.messageId),
        [mail?.messageId, mail?.messageId, mail?.messageId],
        'every attempt carries the same Message-ID',
      );
    } finally {
      await worker.stop();
    }
  });

  test('a message ends failed after the last attempt and is never tried again', async () => {
    const id = await enqueue(data.db, 'bounce@example.org');
    const transport = scriptedTransport(() => {
      throw new Error('550 no such mailbox');
    });
    const worker = startMailWorker({
      db: data.db,
      transport,
      clock,
      pollMs: 0,
      maxAttempts: 3,
      backoffMs: 1000,
    });
    try {
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 1, failed: 0 });
      now += 1000;
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 1, failed: 0 });
      now += 2000;
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 0, failed: 1 });
      const mail = await getMail(data.db, id);
      assert.equal(mail?.state, 'failed');
      assert.equal(mail?.attempts, 3);
      assert.equal(mail?.lastError, '550 no such mailbox');
      now += 86_400_000;
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 0, failed: 0 });
      assert.equal(transport.attempts.filter((attempt) => attempt.id === id).length, 3);
    } finally {
      await worker.stop();
    }
  });

  test('a claim left by a crashed process waits for its lease, then is taken over', async () => {
    const id = await enqueue(data.db, 'crashed@example.org');
    // What a process that died mid-send leaves: the message claimed, its lease running.
    await data.db.write(
      `UPDATE mail_outbox SET state = 'sending', attempts = 1, lease_until = ? WHERE id = ?`,
      [new Date(now + 30_000).toISOString(), id],
    );
    const transport = scriptedTransport(() => undefined);
    const worker = startMailWorker({ db: data.db, transport, clock, pollMs: 0, leaseMs: 30_000 });
    try {
      assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 0, failed: 0 });
      now += 30_000;
      assert.deepEqual(await worker.runOnce(), { sent: 1, retried: 0, failed: 0 });
      const mail = await getMail(data.db, id);
      assert.equal(mail?.state, 'sent');
      assert.equal(mail?.attempts, 2);
      assert.deepEqual(
        transport.attempts.map((attempt) => attempt.id),
        [id],
      );
    } finally {
      await worker.stop();
    }
  });

  test('a file written before a crash counts as sent: a restart never writes it again', async () => {
    const id = await enqueue(data.db, 'written@example.org');
    const dir = join(data.dir, 'mail-crash');
    // The crashed attempt renamed its file into place, then died before recording the message as sent.
    await data.db.write(
      `UPDATE mail_outbox SET state = 'sending', attempts = 1, lease_until = ? WHERE id = ?`,
      [new Date(now - 1).toISOString(), id],
    );
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${id}.eml`), 'the message as the crashed attempt wrote it');
    const worker = startMailWorker({
      db: data.db,
      transport: fileTransport({ dir, from: 'Nassij <no-reply@nassij.example>', clock }),
      clock,
      pollMs: 0,
    });
    try {
      assert.deepEqual(await worker.runOnce(), { sent: 1, retried: 0, failed: 0 });
      assert.equal((await getMail(data.db, id))?.state, 'sent');
      assert.equal(
        await readFile(join(dir, `${id}.eml`), 'utf8'),
        'the message as the crashed attempt wrote it',
      );
    } finally {
      await worker.stop();
    }
  });

  test('an attempt that outlived its lease does not overwrite the outcome of the one that took over', async () => {
    const id = await enqueue(data.db, 'slow@example.org');
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = scriptedTransport(() => blocked);
    const first = startMailWorker({ db: data.db, transport: slow, clock, pollMs: 0, leaseMs: 10_000 });
    // The first worker's pass starts at once and hangs in its send.
    for (let i = 0; i < 400 && slow.attempts.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(slow.attempts.length, 1);
    now += 10_000;
    const quick = scriptedTransport(() => undefined);
    const second = startMailWorker({ db: data.db, transport: quick, clock, pollMs: 0, leaseMs: 10_000 });
    try {
      await second.runOnce();
      const sentAt = new Date(now).toISOString();
      assert.deepEqual(
        quick.attempts.map((attempt) => attempt.id),
        [id],
      );
      now += 5000;
      release();
      await first.runOnce();
      const mail = await getMail(data.db, id);
      assert.equal(mail?.state, 'sent');
      assert.equal(mail?.attempts, 2);
      assert.equal(mail?.sentAt, sentAt, "the late attempt's outcome is not recorded");
    } finally {
      release();
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  test('two workers on one database (two processes) send each message once', async () => {
    const other = await data.open();
    useMail(other, { clock, messageIdHost: 'nassij.example' });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await enqueue(data.db, `many-${i}@example.org`));
    const sends = new Map<string, number>();
    const counting = () =>
      scriptedTransport(async (mail) => {
        sends.set(mail.id, (sends.get(mail.id) ?? 0) + 1);
        // Yield, so the two workers' claims and sends interleave.
        await new Promise((resolve) => setImmediate(resolve));
      });
    const workers = [
      startMailWorker({ db: data.db, transport: counting(), clock, pollMs: 0, batchSize: 4 }),
      startMailWorker({ db: other, transport: counting(), clock, pollMs: 0, batchSize: 4 }),
    ];
    try {
      await Promise.all(workers.map((worker) => worker.runOnce()));
      for (const id of ids) {
        assert.equal(sends.get(id), 1, id);
        assert.equal((await getMail(data.db, id))?.state, 'sent');
      }
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
  });
});
