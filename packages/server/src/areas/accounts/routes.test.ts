import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Problem, TokenResponse } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { listMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { tempServer } from '../../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const HOUR = 60 * 60 * 1000;
/** A password the policy accepts: long, not common, not made of the address or the name. */
const GOOD = 'olive trees along the Souss river';

describe('accounts: sign-up, verification, reset, change of address, other sessions', () => {
  let server: Server;
  // Real pace plus a shift the expiry tests move forward.
  let shiftMs = 0;
  let serial = 0;
  /** A fresh address per test, so that tests share no account and no mail budget. */
  const freshEmail = (label: string) => `${label}.${process.pid}.${++serial}@example.ma`;

  before(async () => {
    server = await tempServer({
      clock: () => new Date(Date.now() + shiftMs),
      // Writes are not what these tests are about; the mail budget and the sign-in throttle stay on.
      rateLimit: { capacity: 10_000, refillPerSecond: 100 },
    });
  });
  after(() => server.stop());

  const post = (path: string, json: unknown, token?: string) =>
    send(server.url, 'POST', path, { json, ...(token ? { token } : {}) });
  const signIn = (email: string, password: string) => post('/v1/auth/token', { email, password });
  const signUp = (email: string, overrides: Record<string, unknown> = {}) =>
    post('/v1/accounts', { email, password: GOOD, displayName: 'Amina Benali', locale: 'fr', ...overrides });

  /** The token of the newest message of a kind to an address (tests read links from the plain text). */
  async function linkToken(to: string, kind: string): Promise<{ token: string; url: string }> {
    const [mail] = await listMail(server.db, { to, kind });
    assert.ok(mail, `a ${kind} message to ${to}`);
    const url = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    const token = new URL(url).searchParams.get('token') ?? '';
    assert.ok(token.length >= 40, 'the link carries a token');
    return { token, url };
  }

  async function signUpVerified(label: string): Promise<{ email: string; token: string; id: string }> {
    const email = freshEmail(label);
    assert.equal((await signUp(email)).status, 202);
    const { token } = await linkToken(email, 'account.verify-email');
    assert.equal((await post('/v1/accounts/email-verification', { token })).status, 200);
    const signedIn = await signIn(email, GOOD);
    assert.equal(signedIn.status, 201);
    const body = signedIn.json as TokenResponse;
    return { email, token: body.token, id: body.account.id };
  }

  test('sign up → message → verify → sign in; not before the address is verified', async () => {
    const email = freshEmail('amina');
    const answer = await signUp(email.toUpperCase());
    assert.equal(answer.status, 202);
    assert.deepEqual(answer.json, { status: 'accepted' });

    const early = await signIn(email, GOOD);
    assert.equal(early.status, 403);
    assert.equal((early.json as Problem).code, 'email_not_verified');
    // A wrong password says nothing of the verification.
    const wrong = await signIn(email, `${GOOD} but wrong`);
    assert.equal((wrong.json as Problem).code, 'invalid_credentials');

    const [message] = await listMail(server.db, { to: email, kind: 'account.verify-email' });
    assert.ok(message);
    assert.equal(message.locale, 'fr');
    assert.match(message.subject, /Confirmez/);
    assert.match(message.text, /Amina Benali/);
    const { token, url } = await linkToken(email, 'account.verify-email');
    assert.ok(url.startsWith(`${server.url}/auth/verify?token=`), url);
    assert.equal(new URL(url).searchParams.get('lang'), 'fr');

    const verified = await post('/v1/accounts/email-verification', { token });
    assert.equal(verified.status, 200);
    assert.deepEqual(verified.json, { purpose: 'verify_email', email });

    const signedIn = await signIn(email, GOOD);
    assert.equal(signedIn.status, 201);
    const { account } = signedIn.json as TokenResponse;
    assert.equal(account.emailVerified, true);
    assert.deepEqual(account.roles, ['citizen']);
    const actions = (await readAudit(server.db, { targetId: account.id })).map((line) => line.action);
    assert.ok(actions.includes('account.signUp') && actions.includes('account.verifyEmail'), actions.join());
  });

  test('the demo accounts are verified and sign in as before', async () => {
    const demo = DEMO_ACCOUNTS.citizen;
    const answer = await signIn(demo.email, demo.password);
    assert.equal(answer.status, 201);
    const { account } = answer.json as TokenResponse;
    assert.equal(account.id, F.accounts.citizen);
    assert.equal(account.emailVerified, true);
  });

  test('a link works once; an altered or unknown one is invalid', async () => {
    const email = freshEmail('once');
    await signUp(email);
    const { token } = await linkToken(email, 'account.verify-email');
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const tampered = await post('/v1/accounts/email-verification', { token: altered });
    assert.equal(tampered.status, 400);
    assert.equal((tampered.json as Problem).code, 'link_invalid');

    assert.equal((await post('/v1/accounts/email-verification', { token })).status, 200);
    const again = await post('/v1/accounts/email-verification', { token });
    assert.equal(again.status, 410);
    assert.equal((again.json as Problem).code, 'link_used');
  });

  test('a verification link expires after 24 hours; a new one replaces it', async () => {
    const email = freshEmail('late');
    await signUp(email);
    const first = await linkToken(email, 'account.verify-email');
    shiftMs += 24 * HOUR + 1000;
    const late = await post('/v1/accounts/email-verification', { token: first.token });
    assert.equal(late.status, 410);
    assert.equal((late.json as Problem).code, 'link_expired');

    assert.equal((await post('/v1/accounts/email-verification/resend', { email })).status, 202);
    const second = await linkToken(email, 'account.verify-email');
    assert.notEqual(second.token, first.token);
    assert.equal((await post('/v1/accounts/email-verification', { token: second.token })).status, 200);
    assert.equal((await signIn(email, GOOD)).status, 201);
  });

  test('sign-up answers the same for a known address, whose owner gets a notice instead of a link', async () => {
    const demo = DEMO_ACCOUNTS.member;
    const unknown = await signUp(freshEmail('nobody'));
    const known = await signUp(demo.email, { password: 'a different long sentence about argan oil' });
    assert.equal(known.status, unknown.status);
    assert.equal(known.text, unknown.text);

    const notices = await listMail(server.db, { to: demo.email, kind: 'account.sign-up-existing' });
    assert.equal(notices.length, 1);
    assert.equal((await listMail(server.db, { to: demo.email, kind: 'account.verify-email' })).length, 0);
    // Nothing changed on the existing account.
    assert.equal((await signIn(demo.email, demo.password)).status, 201);

    const resetKnown = await post('/v1/accounts/password-reset', { email: DEMO_ACCOUNTS.moderator.email });
    const resetUnknown = await post('/v1/accounts/password-reset', { email: freshEmail('nobody') });
    assert.equal(resetKnown.status, 202);
    assert.equal(resetKnown.text, resetUnknown.text);
    const resendVerified = await post('/v1/accounts/email-verification/resend', { email: demo.email });
    assert.equal(resendVerified.text, resetUnknown.text);
  });

  test('a second sign-up of an address never verified replaces the first one, password and link', async () => {
    const email = freshEmail('squatted');
    const squatter = 'someone else chose this sentence first';
    assert.equal((await signUp(email, { password: squatter, displayName: 'Squatter' })).status, 202);
    const first = await linkToken(email, 'account.verify-email');
    const again = await signUp(email);
    assert.equal(again.status, 202);
    const second = await linkToken(email, 'account.verify-email');
    assert.notEqual(second.token, first.token);
    assert.equal(
      ((await post('/v1/accounts/email-verification', { token: first.token })).json as Problem).code,
      'link_expired',
    );
    assert.equal((await post('/v1/accounts/email-verification', { token: second.token })).status, 200);
    assert.equal((await signIn(email, squatter)).status, 401);
    const owner = (await signIn(email, GOOD)).json as TokenResponse;
    assert.equal(owner.account.displayName, 'Amina Benali');
  });

  test('password policy: NIST SP 800-63B rev. 4 lengths in code points, blocklist, context words', async () => {
    const refused = async (password: string, code: string, field?: string) => {
      const answer = await signUp(freshEmail('policy'), { password });
      assert.equal(answer.status, 422, `${password} → ${answer.text}`);
      const problem = answer.json as Problem;
      assert.equal(problem.code, code);
      if (field) assert.equal(problem.errors?.[0]?.code, field);
      assert.equal(problem.errors?.[0]?.path, '/password');
    };
    await refused('fourteen chars', 'password_too_short', 'too_short');
    // 14 characters outside the BMP are 28 UTF-16 units, still 14 characters.
    await refused('🌳'.repeat(14), 'password_too_short');
    await refused('passwordpassword', 'password_breached');
    await refused('aaaaaaaaaaaaaaaaaaaa', 'password_breached');
    await refused('x'.repeat(129), 'password_too_long', 'too_long');
    const email = freshEmail('self');
    const self = await signUp(email, { password: `${email}!!` });
    assert.equal((self.json as Problem).code, 'password_context');
    const named = await signUp(freshEmail('named'), { password: 'Amina Benali 2026 nassij' });
    assert.equal((named.json as Problem).code, 'password_context');

    for (const password of [
      'exactly 15 char',
      // 64 different characters outside the BMP: 128 UTF-16 units.
      Array.from({ length: 64 }, (_, i) => String.fromCodePoint(0x1f330 + i)).join(''),
      'a'.repeat(50) + 'b'.repeat(78),
    ]) {
      const answer = await signUp(freshEmail('accepted'), { password });
      assert.equal(answer.status, 202, `${[...password].length} code points → ${answer.text}`);
    }
    // No composition rule: only lower-case letters and spaces are fine.
    assert.equal((await signUp(freshEmail('plain'), { password: 'the quiet sea at dawn' })).status, 202);
  });

  test('password reset: 202 always, a 1-hour single-use link, every session ends, a notice is sent', async () => {
    const { email, token: session } = await signUpVerified('reset');
    const other = (await signIn(email, GOOD).then((a) => a.json)) as TokenResponse;

    assert.equal((await post('/v1/accounts/password-reset', { email })).status, 202);
    const { token, url } = await linkToken(email, 'account.password-reset');
    assert.ok(url.startsWith(`${server.url}/auth/reset?token=`), url);

    const weak = await post('/v1/accounts/password-reset/confirm', { token, password: 'short' });
    assert.equal((weak.json as Problem).code, 'password_too_short');
    const renewed = 'a brand new sentence about cedar forests';
    const done = await post('/v1/accounts/password-reset/confirm', { token, password: renewed });
    assert.equal(done.status, 204);

    for (const old of [session, other.token])
      assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token: old })).status, 401);
    assert.equal((await signIn(email, GOOD)).status, 401);
    assert.equal((await signIn(email, renewed)).status, 201);
    assert.equal((await listMail(server.db, { to: email, kind: 'account.password-changed' })).length, 1);
    const reused = await post('/v1/accounts/password-reset/confirm', { token, password: `${renewed} again` });
    assert.equal((reused.json as Problem).code, 'link_used');

    await post('/v1/accounts/password-reset', { email });
    const late = await linkToken(email, 'account.password-reset');
    shiftMs += HOUR + 1000;
    const expired = await post('/v1/accounts/password-reset/confirm', {
      token: late.token,
      password: `${renewed} later`,
    });
    assert.equal(expired.status, 410);
    assert.equal((expired.json as Problem).code, 'link_expired');
  });

  test('change of address: password required, link to the new address, notice to the old one', async () => {
    const { email, token: session, id } = await signUpVerified('mover');
    const target = freshEmail('moved');

    const wrong = await post(
      '/v1/auth/me/email',
      { email: target, password: 'not my password at all' },
      session,
    );
    assert.equal((wrong.json as Problem).code, 'invalid_credentials');
    const asked = await post('/v1/auth/me/email', { email: target, password: GOOD }, session);
    assert.equal(asked.status, 202);
    assert.equal((await listMail(server.db, { to: email, kind: 'account.change-email-notice' })).length, 1);
    const { token } = await linkToken(target, 'account.change-email');
    // Until the link is opened, the old address stays the sign-in address.
    assert.equal((await signIn(email, GOOD)).status, 201);

    const confirmed = await post('/v1/accounts/email-verification', { token });
    assert.deepEqual(confirmed.json, { purpose: 'change_email', email: target });
    assert.equal((await signIn(email, GOOD)).status, 401);
    const moved = (await signIn(target, GOOD)).json as TokenResponse;
    assert.equal(moved.account.id, id);
    assert.equal(moved.account.email, target);
    const actions = (await readAudit(server.db, { targetId: id })).map((line) => line.action);
    assert.ok(actions.includes('account.changeEmail') && actions.includes('account.confirmEmailChange'));
  });

  test('change to a taken address: the same answer, no link, and refused at confirmation if taken since', async () => {
    const { email, token: session } = await signUpVerified('taker');
    const taken = DEMO_ACCOUNTS.reviewer.email;
    const free = freshEmail('free');
    const toTaken = await post('/v1/auth/me/email', { email: taken, password: GOOD }, session);
    const toFree = await post('/v1/auth/me/email', { email: free, password: GOOD }, session);
    assert.equal(toTaken.status, toFree.status);
    assert.equal(toTaken.text, toFree.text);
    assert.equal((await listMail(server.db, { to: taken, kind: 'account.change-email' })).length, 0);
    assert.equal((await listMail(server.db, { to: taken, kind: 'account.email-taken' })).length, 1);

    // Someone signs up with the free address before the link is opened.
    const { token } = await linkToken(free, 'account.change-email');
    await signUp(free);
    const late = await post('/v1/accounts/email-verification', { token });
    assert.equal(late.status, 409);
    assert.equal((late.json as Problem).code, 'already_exists');
    assert.equal((await signIn(email, GOOD)).status, 201);
  });

  test('sign out of other sessions keeps the current one', async () => {
    const { email, token: current } = await signUpVerified('sessions');
    const others = [];
    for (let i = 0; i < 2; i++) others.push(((await signIn(email, GOOD)).json as TokenResponse).token);
    const answer = await send(server.url, 'DELETE', '/v1/auth/me/other-sessions', { token: current });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { revoked: 2 });
    assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token: current })).status, 200);
    for (const token of others)
      assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token })).status, 401);
  });

  test('messages to one address are throttled, whether or not it has an account', async () => {
    const resend = async (email: string, times: number) => {
      const statuses = [];
      for (let i = 0; i < times; i++)
        statuses.push((await post('/v1/accounts/email-verification/resend', { email })).status);
      return statuses;
    };
    // Sign-up and resends share one budget of 3 messages per address.
    const pending = freshEmail('flood');
    assert.equal((await signUp(pending)).status, 202);
    assert.deepEqual(await resend(pending, 3), [202, 202, 429]);
    assert.equal((await listMail(server.db, { to: pending, kind: 'account.verify-email' })).length, 3);
    assert.deepEqual(await resend(freshEmail('nobody'), 4), [202, 202, 202, 429]);
  });
});
