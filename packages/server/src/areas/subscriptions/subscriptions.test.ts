// E-mail subscriptions end to end against a real server (demo seed): subscribe, the confirmation message,
// confirm, a call published and amended through the API by the regional council's call manager, the notices
// and digests the worker queues (read from the outbox), one-click unsubscribe, and the pages links open.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Call, CallDraft, Consultation, Problem } from '@nassij/contract';
import { listMail, type QueuedMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { completeCallFields } from '../calls/fixtures.js';
import { runDigestPass } from './digests.js';
import { nextDigestAt } from './schedule.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: a test moves time by changing it. */
let offset = 0;
const now = () => new Date(Date.now() + offset);
let managerToken = '';
let sequence = 0;

/** A fresh address per subscriber, so that tests never read each other's mail. */
function address(name: string): string {
  sequence += 1;
  return `${name}.${sequence}.${process.pid}@example.ma`;
}

async function send<T>(
  method: string,
  path: string,
  options: { json?: unknown; form?: string; token?: string } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    ...(options.form !== undefined ? { body: options.form } : {}),
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return {
    status: response.status,
    body: (json && text ? JSON.parse(text) : text) as T,
    headers: response.headers,
  };
}

/** The token of the link in the newest message of a kind to an address, as a person would click it. */
async function linkToken(to: string, kind: string, path: string): Promise<string> {
  const [mail] = await listMail(server.db, { to, kind });
  const url = mail?.text.match(/https?:\/\/\S+/g)?.find((candidate) => new URL(candidate).pathname === path);
  assert.ok(url, `a ${kind} message to ${to} with a link to ${path}`);
  return new URL(url).searchParams.get('token') ?? '';
}

/** Subscribes and confirms through the API, with the link of the confirmation message. */
async function subscribed(email: string, body: Record<string, unknown>): Promise<void> {
  const asked = await send('POST', '/v1/subscriptions', { json: { email, ...body } });
  assert.equal(asked.status, 202, JSON.stringify(asked.body));
  const token = await linkToken(email, 'subscription.confirm', '/subscriptions/confirm');
  const confirmed = await send('POST', '/v1/subscriptions/confirm', { json: { token } });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
}

/** Publishes a complete call of the regional council (Souss-Massa only) and answers it. */
async function publishCall(): Promise<Call> {
  const draft = await send<CallDraft>('POST', '/v1/calls', {
    token: managerToken,
    json: completeCallFields(now()),
  });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const published = await send<Call>('POST', `/v1/calls/${draft.body.id}/publish`, { token: managerToken });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  return published.body;
}

async function amendCall(call: Call): Promise<void> {
  const later = new Date(Date.parse(call.dates.closes?.at ?? now().toISOString()) + 7 * 86_400_000);
  const { publishedAt: _published, ...dates } = call.dates;
  const amended = await send<Call>('POST', `/v1/calls/${call.id}/amendments`, {
    token: managerToken,
    json: {
      summary: { ar: 'تمديد الأجل', fr: 'Date de clôture repoussée' },
      changes: { dates: { ...dates, closes: { at: later.toISOString(), timeZone: 'Africa/Casablanca' } } },
    },
  });
  assert.equal(amended.status, 200, JSON.stringify(amended.body));
}

/** Publishes the consultation's current text again with its first article reworded, as its staff would. */
async function publishNewVersion(consultationId: string, token: string): Promise<void> {
  const current = await send<Consultation>('GET', `/v1/consultations/${consultationId}`);
  assert.equal(current.status, 200);
  const sections = (current.body.text?.sections ?? []).map((section, s) => ({
    id: section.id,
    heading: section.heading,
    articles: section.articles.map((article, a) => ({
      id: article.id,
      number: article.number,
      ...(article.heading ? { heading: article.heading } : {}),
      body:
        s === 0 && a === 0
          ? { ar: 'صيغة معدلة للمادة', fr: "Nouvelle rédaction de l'article" }
          : article.body,
    })),
  }));
  const published = await send('POST', `/v1/consultations/${consultationId}/versions`, {
    token,
    json: {
      text: { sections },
      changeSummary: { ar: 'تعديل المادة الأولى', fr: 'Article premier reformulé' },
    },
  });
  assert.equal(published.status, 201, JSON.stringify(published.body));
}

async function pass(): Promise<void> {
  await runDigestPass(server.db, { now: now(), publicUrl: server.url });
}

async function mailOf(to: string): Promise<QueuedMail[]> {
  return (await listMail(server.db, { to })).filter((mail) => mail.kind !== 'subscription.confirm');
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  const manager = DEMO_ACCOUNTS.regionCallManager;
  managerToken = await signInAs(server.url, manager.email, manager.password);
});
after(async () => {
  await server.stop();
});

describe('subscribing', () => {
  test('answers 202 whatever the address, and only a confirmed subscription hears anything', async () => {
    const email = address('amina');
    const body = { email, locale: 'fr', filter: { kind: 'calls', region: 'MA-09' }, digest: 'immediate' };
    const first = await send('POST', '/v1/subscriptions', { json: body });
    const again = await send('POST', '/v1/subscriptions', { json: body });
    assert.equal(first.status, 202);
    assert.deepEqual(first.body, { status: 'accepted' });
    assert.deepEqual(again.body, first.body, 'the same answer for an address already asked for');
    const confirmations = await listMail(server.db, { to: email, kind: 'subscription.confirm' });
    assert.equal(confirmations.length, 2);
    assert.equal(confirmations[0]?.locale, 'fr');
    assert.match(confirmations[0]?.subject ?? '', /Confirmez/);
    const newest = await linkToken(email, 'subscription.confirm', '/subscriptions/confirm');
    const oldestUrl = confirmations[1]?.text.match(/https?:\/\/\S+/)?.[0];
    assert.ok(oldestUrl);
    const oldest = new URL(oldestUrl).searchParams.get('token') ?? '';

    // Opening the link changes nothing (mail scanners do), and the page posts the token with a button.
    const page = await send<string>('GET', `/subscriptions/confirm?token=${newest}&lang=fr`);
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="fr" dir="ltr">/);
    assert.match(page.body, /<form method="post" action="\/subscriptions\/confirm">/);
    assert.doesNotMatch(page.body, /<script/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const pending = await server.db.one<{ state: string }>(
      'SELECT state FROM subscriptions WHERE email = ?',
      [email],
    );
    assert.equal(pending?.state, 'pending');

    // A call published before the confirmation is never told.
    const early = await publishCall();
    await pass();
    assert.deepEqual(await mailOf(email), []);

    const oldLink = await send<Problem>('POST', '/v1/subscriptions/confirm', { json: { token: oldest } });
    assert.equal(oldLink.status, 400, 'a renewed request replaces the older link');
    assert.equal(oldLink.body.code, 'link_invalid');
    const confirmed = await send('POST', '/v1/subscriptions/confirm', { json: { token: newest } });
    assert.equal(confirmed.status, 200);
    assert.deepEqual(confirmed.body, {
      status: 'confirmed',
      locale: 'fr',
      filter: { kind: 'calls', region: 'MA-09' },
      digest: 'immediate',
    });
    const used = await send<Problem>('POST', '/v1/subscriptions/confirm', { json: { token: newest } });
    assert.equal(used.status, 410);
    assert.equal(used.body.code, 'link_used');
    await pass();
    assert.ok(
      !(await mailOf(email)).some((mail) => mail.text.includes(early.reference)),
      'events before the confirmation are not sent',
    );
  });

  test('an unknown region, sector, funder or consultation is refused naming the field, and sends nothing', async () => {
    const email = address('unknown');
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'calls', region: 'MA-13' }, '/filter/region'],
      [{ kind: 'calls', sector: 'no-such-sector' }, '/filter/sector'],
      [{ kind: 'calls', domain: 'no-such-domain' }, '/filter/domain'],
      [{ kind: 'calls', funder: 'org_no-such-funder' }, '/filter/funder'],
      [{ kind: 'consultation', consultationId: 'cons_no_such' }, '/filter/consultationId'],
    ];
    for (const [filter, path] of cases) {
      const refused = await send<Problem>('POST', '/v1/subscriptions', {
        json: { email, locale: 'ar', filter, digest: 'daily' },
      });
      assert.equal(refused.status, 422, path);
      assert.equal(refused.body.code, 'validation_failed');
      assert.ok(
        refused.body.errors?.some((error) => error.path.startsWith(path)),
        `${path} in ${JSON.stringify(refused.body.errors)}`,
      );
    }
    assert.deepEqual(await listMail(server.db, { to: email }), []);
    const known = await send('POST', '/v1/subscriptions', {
      json: {
        email,
        locale: 'ar',
        filter: { kind: 'calls', funder: F.organisations.regionalCouncil, region: 'MA-09' },
        digest: 'daily',
      },
    });
    assert.equal(known.status, 202);
    const consultation = await send('POST', '/v1/subscriptions', {
      json: {
        email,
        locale: 'ar',
        filter: { kind: 'consultation', consultationId: F.consultations.draftLaw },
      },
    });
    assert.equal(consultation.status, 202);
  });
});

describe('immediate notices', () => {
  test('a matching call published and amended: one message each, in the subscriber’s language, with RFC 8058 headers', async () => {
    const amina = address('amina');
    const elsewhere = address('elsewhere');
    const unconfirmed = address('unconfirmed');
    await subscribed(amina, {
      locale: 'fr',
      filter: { kind: 'calls', region: 'MA-09' },
      digest: 'immediate',
    });
    await subscribed(elsewhere, { locale: 'en', filter: { kind: 'calls', region: 'MA-01' } });
    const asked = await send('POST', '/v1/subscriptions', {
      json: { email: unconfirmed, locale: 'ar', filter: { kind: 'calls' }, digest: 'immediate' },
    });
    assert.equal(asked.status, 202);

    const call = await publishCall();
    await amendCall(call);
    // Two workers at once, then another pass: still one message per event.
    await Promise.all([pass(), pass()]);
    await pass();

    const notices = (await mailOf(amina)).filter((mail) => mail.text.includes(call.reference));
    assert.equal(notices.length, 2, 'published and amended, each once whatever the passes');
    const subjects = notices.map((mail) => mail.subject).sort();
    assert.match(subjects[0] ?? '', /^Appel modifié/);
    assert.match(subjects[1] ?? '', /^Nouvel appel/);
    for (const mail of notices) {
      assert.equal(mail.locale, 'fr');
      assert.equal(mail.kind, 'subscription.notice');
      const header = mail.headers?.['List-Unsubscribe'] ?? '';
      assert.match(
        header,
        new RegExp(`^<${server.url}/v1/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]+>$`),
      );
      assert.equal(mail.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
      assert.match(mail.text, /Se désabonner: https?:\/\/\S+\/subscriptions\/unsubscribe\?token=/);
    }
    assert.deepEqual(await mailOf(elsewhere), [], 'a call of Souss-Massa only is not one of Tanger-Tétouan');
    assert.deepEqual(await mailOf(unconfirmed), [], 'nothing to an unconfirmed subscription');

    // The headers leave with the message.
    await server.sendMail();
    const eml = await readFile(join(server.dataDir, 'mail', `${notices[0]?.id}.eml`), 'utf8');
    assert.match(
      eml,
      /^List-Unsubscribe:\s+<http:\/\/\S+\/v1\/subscriptions\/unsubscribe\?token=[\w-]+>\r?$/m,
    );
    assert.match(eml, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
  });

  test('a one-click POST unsubscribes, erases the address, and nothing is sent after', async () => {
    const email = address('leaving');
    await subscribed(email, {
      locale: 'ar',
      filter: { kind: 'calls', funder: F.organisations.regionalCouncil },
    });
    const first = await publishCall();
    await pass();
    const [notice] = (await mailOf(email)).filter((mail) => mail.text.includes(first.reference));
    assert.ok(notice, 'a notice for the funder’s call');
    const oneClick = new URL((notice.headers?.['List-Unsubscribe'] ?? '').slice(1, -1));

    const done = await send('POST', `${oneClick.pathname}${oneClick.search}`, {
      form: 'List-Unsubscribe=One-Click',
    });
    assert.equal(done.status, 200);
    assert.deepEqual(done.body, { status: 'unsubscribed' });
    const twice = await send('POST', `${oneClick.pathname}${oneClick.search}`, {
      form: 'List-Unsubscribe=One-Click',
    });
    assert.deepEqual(twice.body, { status: 'unsubscribed' }, 'a repeated click answers the same');
    assert.equal(await server.db.one('SELECT id FROM subscriptions WHERE email = ?', [email]), undefined);

    const second = await publishCall();
    await pass();
    assert.ok(!(await mailOf(email)).some((mail) => mail.text.includes(second.reference)));
    const unknown = await send<Problem>('POST', `/v1/subscriptions/unsubscribe?token=${'x'.repeat(43)}`, {
      form: 'List-Unsubscribe=One-Click',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.code, 'link_invalid');
  });
});

describe('consultation subscriptions', () => {
  test('hear about their consultation only, in Tamazight', async () => {
    const email = address('yuba');
    const consultationId = F.consultations.draftLaw;
    await subscribed(email, { locale: 'zgh', filter: { kind: 'consultation', consultationId } });
    const references = await server.db.all<{ id: string; reference: string }>(
      'SELECT id, reference FROM consultations WHERE id IN (?, ?)',
      [consultationId, F.consultations.associationsOnly],
    );
    // A new version of each, published through the API by the platform admin (who may act for any issuer).
    const admin = DEMO_ACCOUNTS.admin;
    const adminToken = await signInAs(server.url, admin.email, admin.password);
    for (const row of references) await publishNewVersion(row.id, adminToken);
    await pass();
    const [notice, ...others] = await mailOf(email);
    const own = references.find((row) => row.id === consultationId)?.reference ?? '';
    const other = references.find((row) => row.id !== consultationId)?.reference ?? '';
    assert.ok(notice, 'a notice about the subscribed consultation');
    assert.deepEqual(others, []);
    assert.equal(notice.locale, 'zgh');
    assert.ok(notice.subject.includes(own), notice.subject);
    assert.ok(!notice.text.includes(other), 'not the other consultation');
  });
});

describe('pages', () => {
  test('the unsubscribe page only unsubscribes after its button, in the reader’s language and direction', async () => {
    const email = address('page');
    await subscribed(email, { locale: 'ar', filter: { kind: 'calls', region: 'MA-09' } });
    const call = await publishCall();
    await pass();
    const token = await linkToken(email, 'subscription.notice', '/subscriptions/unsubscribe');
    assert.ok((await mailOf(email)).some((mail) => mail.text.includes(call.reference)));

    for (const lang of ['ar', 'fr', 'zgh', 'en'] as const) {
      const page = await send<string>('GET', `/subscriptions/unsubscribe?token=${token}&lang=${lang}`);
      assert.equal(page.status, 200);
      const htmlLang = lang === 'zgh' ? 'zgh-Tfng' : lang;
      assert.match(page.body, new RegExp(`<html lang="${htmlLang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`));
      assert.doesNotMatch(page.body, /<script|\sstyle=|\son[a-z]+=/);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    }
    const still = await server.db.one<{ state: string }>('SELECT state FROM subscriptions WHERE email = ?', [
      email,
    ]);
    assert.equal(still?.state, 'active', 'opening the page changed nothing');

    const pressed = await send<string>('POST', '/subscriptions/unsubscribe', {
      form: new URLSearchParams({ token, lang: 'fr' }).toString(),
    });
    assert.equal(pressed.status, 200);
    assert.match(pressed.body, /Désabonnement fait/);
    assert.equal(await server.db.one('SELECT id FROM subscriptions WHERE email = ?', [email]), undefined);

    const noToken = await send<string>('GET', '/subscriptions/confirm?lang=en');
    assert.match(noToken.body, /This link is not valid/);
    assert.doesNotMatch(noToken.body, /<form/);
  });
});

describe('digests', () => {
  test('a daily digest goes out at 08:00 Moroccan time, lists the matching events once, and nothing when none matched', async () => {
    const daily = address('daily');
    const quiet = address('quiet');
    await subscribed(daily, { locale: 'ar', filter: { kind: 'calls', region: 'MA-09' }, digest: 'daily' });
    await subscribed(quiet, { locale: 'fr', filter: { kind: 'calls', region: 'MA-01' }, digest: 'daily' });
    const call = await publishCall();
    await amendCall(call);
    await pass();
    assert.deepEqual(await mailOf(daily), [], 'nothing before the hour');

    // Just past the next 08:00 in Casablanca (the server's clock moves; the real one does not).
    offset = nextDigestAt(now(), 'daily').getTime() + 60_000 - Date.now();
    await pass();
    await pass();
    const digests = await mailOf(daily);
    assert.equal(digests.length, 1, 'one digest for the period, whatever the passes');
    const [digest] = digests;
    assert.equal(digest?.kind, 'subscription.daily');
    assert.equal(digest?.locale, 'ar');
    assert.equal(digest?.text.split(call.reference).length, 3, 'both events of the call listed');
    assert.equal(digest?.headers?.['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.deepEqual(await mailOf(quiet), [], 'no digest when nothing matched');

    // The next day, nothing new: nothing sent.
    offset = nextDigestAt(now(), 'daily').getTime() + 60_000 - Date.now();
    await pass();
    assert.equal((await mailOf(daily)).length, 1);
  });
});

describe('throttling', () => {
  test('an erased account’s subscriptions are in its export, then end with it and keep no address', async () => {
    const person = DEMO_ACCOUNTS.citizen;
    await subscribed(person.email, {
      locale: 'fr',
      filter: { kind: 'calls', region: 'MA-09' },
      digest: 'weekly',
    });
    const admin = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const exported = await send<{ subscriptions?: { kind: string; digest: string; state: string }[] }>(
      'GET',
      `/v1/admin/accounts/${person.id}/export`,
      { token: admin },
    );
    assert.equal(exported.status, 200);
    assert.deepEqual(
      exported.body.subscriptions?.map(({ kind, digest, state }) => ({ kind, digest, state })),
      [{ kind: 'calls', digest: 'weekly', state: 'active' }],
    );
    const erased = await send<{ subscriptionsEnded?: number }>(
      'POST',
      `/v1/admin/accounts/${person.id}/erase`,
      {
        token: admin,
        json: { reason: 'Demande de la personne' },
      },
    );
    assert.equal(erased.status, 200, JSON.stringify(erased.body));
    assert.equal(erased.body.subscriptionsEnded, 1);
    const left = await server.db.all<{ email: string | null }>(
      "SELECT email FROM subscriptions WHERE state <> 'unsubscribed' AND email = ?",
      [person.email],
    );
    assert.deepEqual(left, []);
  });

  test('one address gets 3 confirmation messages at once, then 429, whatever the filters', async () => {
    const limited = await tempServer({});
    try {
      const email = address('flooded');
      const statuses: number[] = [];
      for (const region of ['MA-01', 'MA-02', 'MA-03', 'MA-04']) {
        const response = await fetch(`${limited.url}/v1/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, locale: 'en', filter: { kind: 'calls', region } }),
        });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [202, 202, 202, 429]);
      assert.equal((await listMail(limited.db, { to: email })).length, 3);
    } finally {
      await limited.stop();
    }
  });
});
