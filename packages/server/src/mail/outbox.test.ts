import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { composeMail } from './layout.js';
import { enqueueMail, getMail, listMail, type OutgoingMail, useMail } from './outbox.js';
import { type MailTestDb, mailTestDb } from './test-support/mail-db.js';
import { decodeWords, parseMime } from './test-support/mime.js';
import { fileTransport } from './transport.js';
import { type MailWorker, startMailWorker } from './worker.js';

const NOW = new Date('2027-03-01T09:00:00.000Z');
const FROM = 'Nassij <no-reply@nassij.example>';

function verifyMail(to: string, locale: OutgoingMail['locale'] = 'ar'): OutgoingMail {
  return {
    to,
    locale,
    kind: 'test.verify-email',
    ...composeMail(locale, {
      subject: locale === 'ar' ? 'أكّد عنوان بريدك' : 'Confirm your address',
      greeting: locale === 'ar' ? 'مرحبا <أمينة>،' : 'Hello,',
      paragraphs: [locale === 'ar' ? 'لتفعيل حسابك، أكّد عنوان بريدك.' : 'Confirm your address.'],
      action: { label: 'OK', url: `https://nassij.example/auth/verify?token=t-${to}&lang=${locale}` },
    }),
  };
}

async function emlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
}

describe('the mail outbox', () => {
  let data: MailTestDb;
  let worker: MailWorker;
  let mailDir: string;
  let woken = 0;

  before(async () => {
    data = await mailTestDb();
    mailDir = join(data.dir, 'mail');
    // pollMs 0: the worker runs only when woken (after a commit) or asked (runOnce).
    worker = startMailWorker({
      db: data.db,
      transport: fileTransport({ dir: mailDir, from: FROM, clock: () => NOW }),
      clock: () => NOW,
      pollMs: 0,
    });
    useMail(data.db, {
      clock: () => NOW,
      messageIdHost: 'nassij.example',
      wake: () => {
        woken += 1;
        worker.wake();
      },
    });
  });
  after(async () => {
    await worker.stop();
    await data.remove();
  });

  test('a message enqueued in a transaction that rolls back is never sent', async () => {
    const before = woken;
    await assert.rejects(
      data.db.atomic(async () => {
        await enqueueMail(data.db, verifyMail('rolled-back@example.org'));
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal(woken, before, 'nobody is woken for a rolled-back message');
    assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 0, failed: 0 });
    assert.deepEqual(await listMail(data.db, { to: 'rolled-back@example.org' }), []);
    assert.deepEqual(await emlFiles(mailDir), []);
  });

  test('a committed message is written once as a real MIME message, in its language', async () => {
    const id = await data.db.atomic(() => enqueueMail(data.db, verifyMail('amina@example.org')));
    // The commit woke the worker; runOnce joins its pass, then runs another that finds nothing.
    await worker.runOnce();
    assert.deepEqual(await worker.runOnce(), { sent: 0, retried: 0, failed: 0 });
    assert.deepEqual(await emlFiles(mailDir), [`${id}.eml`]);

    const stored = await getMail(data.db, id);
    assert.equal(stored?.state, 'sent');
    assert.equal(stored?.attempts, 1);
    assert.equal(stored?.sentAt, NOW.toISOString());
    assert.equal(stored?.messageId, `<${id}@nassij.example>`);

    const message = parseMime(await readFile(join(mailDir, `${id}.eml`), 'utf8'));
    assert.equal(message.headers.get('message-id'), `<${id}@nassij.example>`);
    assert.equal(message.headers.get('to'), 'amina@example.org');
    assert.match(message.headers.get('from') ?? '', /no-reply@nassij\.example/);
    assert.equal(message.headers.get('content-language'), 'ar');
    // The subject is encoded (RFC 2047), and reads back as written.
    assert.match(message.headers.get('subject') ?? '', /^=\?UTF-8\?/i);
    assert.equal(decodeWords(message.headers.get('subject') ?? ''), 'أكّد عنوان بريدك');
    assert.match(message.headers.get('content-type') ?? '', /^multipart\/alternative/);
    const [text, html] = message.parts;
    assert.match(text?.headers.get('content-type') ?? '', /^text\/plain; charset=utf-8/i);
    assert.match(html?.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/i);
    assert.match(text?.body ?? '', /لتفعيل حسابك/);
    assert.match(
      text?.body ?? '',
      /https:\/\/nassij\.example\/auth\/verify\?token=t-amina@example\.org&lang=ar/,
    );
    assert.match(html?.body ?? '', /<html lang="ar" dir="rtl">/);
    assert.match(html?.body ?? '', /مرحبا &#60;أمينة&#62;،/);
  });

  test('a commit wakes the worker: the message goes without waiting for a poll', async () => {
    const id = await data.db.atomic(() => enqueueMail(data.db, verifyMail('woken@example.org', 'fr')));
    // No runOnce here: only the wake after the commit can send it (the worker does not poll).
    for (let i = 0; i < 400 && (await getMail(data.db, id))?.state !== 'sent'; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    assert.equal((await getMail(data.db, id))?.state, 'sent');
    assert.ok((await emlFiles(mailDir)).includes(`${id}.eml`));
  });

  test('listMail filters by address and kind, newest first', async () => {
    const ids: string[] = [];
    await data.db.atomic(async () => {
      for (const kind of ['test.a', 'test.b', 'test.a'])
        ids.push(await enqueueMail(data.db, { ...verifyMail('list@example.org', 'en'), kind }));
    });
    const all = await listMail(data.db, { to: 'list@example.org' });
    assert.deepEqual(
      all.map((mail) => mail.id),
      [...ids].reverse(),
    );
    const onlyA = await listMail(data.db, { to: 'list@example.org', kind: 'test.a' });
    assert.deepEqual(
      onlyA.map((mail) => mail.id),
      [ids[2], ids[0]],
    );
    assert.equal(onlyA[0]?.locale, 'en');
    assert.match(onlyA[0]?.text ?? '', /token=t-list@example\.org/);
  });

  test('refuses what no mail server would take', async () => {
    for (const to of ['no-at-sign', 'a@b.example\r\nBcc: c@d.example', 'two words@example.org'])
      await assert.rejects(enqueueMail(data.db, verifyMail(to)), RangeError, to);
    await assert.rejects(
      enqueueMail(data.db, { ...verifyMail('x@example.org'), subject: 'one\ntwo' }),
      RangeError,
    );
    await assert.rejects(
      enqueueMail(data.db, { ...verifyMail('x@example.org'), locale: 'de' as OutgoingMail['locale'] }),
      RangeError,
    );
    assert.deepEqual(await listMail(data.db, { to: 'x@example.org' }), []);
  });
});
