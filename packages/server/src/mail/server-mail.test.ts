import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { StartupError } from '../db/sqlite.js';
import type { ApiApp } from '../http/app.js';
import { startServer } from '../server.js';
import { startSmtpSink } from '../test-support/smtp-sink.js';
import { removeTestData, tempServer } from '../testing.js';
import { composeMail } from './layout.js';
import { enqueueMail, getMail } from './outbox.js';
import { parseMime } from './test-support/mime.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

/** GET /test/public-url with a Host header of our choosing (fetch does not let a caller set it). */
function probeWithHost(base: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${base}/test/public-url`, { headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
  });
}

async function enqueueOn(server: Server, to: string, name: string): Promise<string> {
  return server.db.atomic(() =>
    enqueueMail(server.db, {
      to,
      locale: 'ar',
      kind: 'test.dev-mail',
      ...composeMail('ar', {
        subject: `مرحبا ${name}`,
        paragraphs: [`أهلا ${name}.`],
        action: { label: 'تأكيد', url: 'https://nassij.example/auth/verify?token=tok-1&lang=ar' },
      }),
    }),
  );
}

describe('/dev/mail in demo or --dev mode', () => {
  let server: Server;
  before(async () => {
    server = await tempServer({ seed: 'none', devPages: true });
  });
  after(() => server.stop());

  test('lists the messages newest first and shows each text part with its links', async () => {
    const first = await enqueueOn(server, 'first@example.org', 'الأول');
    const second = await enqueueOn(server, 'second@example.org', '<b>الثاني</b>');
    await server.sendMail();

    const list = await fetch(`${server.url}/dev/mail`);
    assert.equal(list.status, 200);
    assert.match(list.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.doesNotMatch(list.headers.get('content-security-policy') ?? '', /script-src/);
    const html = await list.text();
    assert.ok(html.indexOf(`/dev/mail/${second}`) < html.indexOf(`/dev/mail/${first}`), 'newest first');
    assert.match(html, /second@example\.org/);
    assert.doesNotMatch(html, /<b>الثاني<\/b>/, 'subjects are escaped');
    assert.match(html, /&#60;b&#62;الثاني&#60;\/b&#62;/);
    assert.doesNotMatch(html, /<script/);

    const page = await fetch(`${server.url}/dev/mail/${second}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const body = await page.text();
    assert.match(body, /<pre lang="ar" dir="rtl">/);
    assert.match(
      body,
      /<a href="https:\/\/nassij\.example\/auth\/verify\?token=tok-1&#38;lang=ar">https:\/\/nassij\.example\/auth\/verify\?token=tok-1&#38;lang=ar<\/a>/,
    );
    assert.match(body, /&#60;b&#62;الثاني/);
    assert.doesNotMatch(body, /<script/);

    // The HTML part as sent, sandboxed; the .eml file as written.
    const part = await fetch(`${server.url}/dev/mail/${second}/html`);
    assert.match(part.headers.get('content-security-policy') ?? '', /sandbox/);
    assert.match(await part.text(), /<html lang="ar" dir="rtl">/);
    const eml = await fetch(`${server.url}/dev/mail/${second}.eml`);
    assert.equal(eml.headers.get('content-type'), 'message/rfc822');
    assert.equal(
      parseMime(await eml.text()).headers.get('message-id'),
      (await getMail(server.db, second))?.messageId,
    );

    assert.equal((await fetch(`${server.url}/dev/mail/mail_unknown`)).status, 404);
  });
});

describe('mail options of the server', () => {
  test('/dev/mail does not exist outside demo and --dev mode', async () => {
    const server = await tempServer({ seed: 'none' });
    try {
      const answer = await fetch(`${server.url}/dev/mail`);
      assert.equal(answer.status, 404);
      assert.match(answer.headers.get('content-type') ?? '', /problem\+json/);
    } finally {
      await server.stop();
    }
  });

  test('publicUrl is the origin of links; without it, the origin of the request', async () => {
    const bindProbe = (app: ApiApp) => {
      app.hono.get('/test/public-url', (c) => c.text(app.publicUrl(c)));
    };
    const configured = await tempServer({
      seed: 'none',
      publicUrl: 'https://nassij.example/',
      extend: bindProbe,
    });
    const plain = await tempServer({ seed: 'none', extend: bindProbe });
    try {
      assert.equal(await (await fetch(`${configured.url}/test/public-url`)).text(), 'https://nassij.example');
      assert.equal(await (await fetch(`${plain.url}/test/public-url`)).text(), plain.url);
      const port = new URL(plain.url).port;
      assert.equal(await probeWithHost(plain.url, `localhost:${port}`), `http://localhost:${port}`);
      // A Host header the client made up never becomes the origin of a link (reset-link poisoning).
      assert.equal(await probeWithHost(plain.url, 'attacker.example'), plain.url);
      assert.equal(await probeWithHost(configured.url, 'attacker.example'), 'https://nassij.example');
    } finally {
      await Promise.all([configured.stop(), plain.stop()]);
    }
  });

  test('messages are named at the sender domain, which defaults to the public host', async () => {
    const server = await tempServer({ seed: 'none', publicUrl: 'https://region.example' });
    const named = await tempServer({ seed: 'none', mailFrom: 'Région <contact@souss.example>' });
    try {
      const id = await enqueueOn(server, 'a@example.org', 'أ');
      assert.equal((await getMail(server.db, id))?.messageId, `<${id}@region.example>`);
      const other = await enqueueOn(named, 'a@example.org', 'أ');
      await named.sendMail();
      const files = await readdir(join(named.dataDir, 'mail'));
      assert.deepEqual(files, [`${other}.eml`]);
      const eml = await readFile(join(named.dataDir, 'mail', files[0] ?? ''), 'utf8');
      const headers = parseMime(eml).headers;
      assert.equal(headers.get('message-id'), `<${other}@souss.example>`);
      assert.match(headers.get('from') ?? '', /contact@souss\.example/);
    } finally {
      await Promise.all([server.stop(), named.stop()]);
    }
  });

  test('bad mail options stop the start with a clear message', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'nassij-mail-options-'));
    try {
      for (const [options, message] of [
        [{ publicUrl: 'ftp://nassij.example' }, /publicUrl must be an http\(s\) origin/],
        [{ publicUrl: 'https://nassij.example/path' }, /publicUrl must be an http\(s\) origin/],
        [{ mailFrom: 'nobody' }, /mailFrom must be an address/],
        [{ smtpUrl: 'http://user:hunter2@relay.example' }, /smtpUrl must be an smtp:\/\/ or smtps:\/\/ URL/],
      ] as const) {
        const error = await startServer({ dataDir, logLevel: 'silent', ...options }).then(
          () => undefined,
          (reason: unknown) => reason,
        );
        assert.ok(error instanceof StartupError, JSON.stringify(options));
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /hunter2/);
      }
    } finally {
      await removeTestData(dataDir);
    }
  });

  test('through an SMTP relay: a refused attempt is retried, then the message is delivered', async () => {
    const sink = await startSmtpSink();
    let now = Date.parse('2027-03-01T09:00:00.000Z');
    const server = await tempServer({
      seed: 'none',
      clock: () => new Date(now),
      smtpUrl: sink.url({ user: 'mailer', pass: 'p@ss:w0rd/!' }),
      mailFrom: 'Nassij <no-reply@nassij.example>',
      mailWorker: { pollMs: 0, backoffMs: 60_000 },
    });
    try {
      sink.refuseNext(1);
      const id = await enqueueOn(server, 'relay@example.org', 'ريم');
      await server.sendMail();
      const refused = await getMail(server.db, id);
      assert.equal(refused?.state, 'queued');
      assert.match(refused?.lastError ?? '', /451/);
      assert.equal(sink.messages.length, 0);

      now += 60_000;
      assert.deepEqual(await server.sendMail(), { sent: 1, retried: 0, failed: 0 });
      assert.equal(sink.messages.length, 1);
      const [message] = sink.messages;
      assert.deepEqual(message?.to, ['relay@example.org']);
      assert.equal(message?.from, 'no-reply@nassij.example');
      assert.deepEqual(message?.auth, { user: 'mailer', pass: 'p@ss:w0rd/!' });
      const parsed = parseMime(message?.data ?? '');
      assert.equal(parsed.headers.get('message-id'), `<${id}@nassij.example>`);
      assert.match(parsed.headers.get('content-type') ?? '', /^multipart\/alternative/);
      assert.match(parsed.parts[0]?.body ?? '', /token=tok-1/);
      assert.equal((await getMail(server.db, id))?.state, 'sent');
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});
