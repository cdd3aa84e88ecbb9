// `client.accounts` against the real reference server (demo seed), never a mock: sign up, open the link read
// from the server's mail outbox, sign in, reset the password, change the address, end the other sessions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tempServer } from '@nassij/server/testing';
import { createClient } from '../client.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const PASSWORD = 'olive trees along the Souss river';

describe('client.accounts', () => {
  let server: Server;
  before(async () => {
    server = await tempServer({ rateLimit: false });
  });
  after(() => server.stop());

  /** The token in the newest message of a kind to an address, as a person would click it. */
  async function tokenMailed(to: string, kind: string): Promise<string> {
    const [row] = await server.db.all<{ text_body: string }>(
      'SELECT text_body FROM mail_outbox WHERE recipient = ? AND kind = ? ORDER BY created_at DESC, id DESC',
      [to, kind],
    );
    const url = /https?:\/\/\S+/.exec(row?.text_body ?? '')?.[0];
    assert.ok(url, `a ${kind} message to ${to}`);
    return new URL(url).searchParams.get('token') ?? '';
  }

  test('sign up, verify, sign in, reset the password, change the address, sign out the others', async () => {
    const client = createClient({ baseUrl: server.url });
    const email = `sdk.${process.pid}@example.ma`;
    assert.deepEqual(
      await client.accounts.signUp({ email, password: PASSWORD, displayName: 'Amina Benali', locale: 'ar' }),
      { status: 'accepted' },
    );
    await assert.rejects(client.auth.signIn(email, PASSWORD), (error: unknown) => {
      assert.ok(error instanceof NassijApiError);
      assert.equal(error.code, 'email_not_verified');
      return true;
    });
    const verified = await client.accounts.verifyEmail(await tokenMailed(email, 'account.verify-email'));
    assert.deepEqual(verified, { purpose: 'verify_email', email });
    const { account } = await client.auth.signIn(email, PASSWORD);
    assert.equal(account.emailVerified, true);

    // A second session, then only this one stays.
    await createClient({ baseUrl: server.url }).auth.signIn(email, PASSWORD);
    assert.deepEqual(await client.accounts.signOutOthers(), { revoked: 1 });

    const moved = `sdk.moved.${process.pid}@example.ma`;
    assert.deepEqual(await client.accounts.changeEmail(moved, PASSWORD), { status: 'accepted' });
    const change = await client.accounts.verifyEmail(await tokenMailed(moved, 'account.change-email'));
    assert.deepEqual(change, { purpose: 'change_email', email: moved });
    assert.equal((await client.auth.me()).email, moved);

    await client.accounts.requestPasswordReset(moved);
    const resetToken = await tokenMailed(moved, 'account.password-reset');
    await assert.rejects(client.accounts.resetPassword(resetToken, 'too short'), (error: unknown) => {
      assert.ok(error instanceof NassijApiError);
      assert.equal(error.code, 'password_too_short');
      return true;
    });
    const renewed = 'a new sentence about cedar forests of the Atlas';
    await client.accounts.resetPassword(resetToken, renewed);
    // The reset ended every session, this one's too.
    await assert.rejects(client.auth.me(), NassijApiError);
    assert.equal((await client.auth.signIn(moved, renewed)).account.id, account.id);
  });

  test("export and delete one's own account", async () => {
    const client = createClient({ baseUrl: server.url });
    const email = `sdk.leaving.${process.pid}@example.ma`;
    await client.accounts.signUp({ email, password: PASSWORD, displayName: 'Youssef', locale: 'fr' });
    await client.accounts.verifyEmail(await tokenMailed(email, 'account.verify-email'));
    const { account } = await client.auth.signIn(email, PASSWORD);
    const data = await client.accounts.export();
    assert.equal(data.account.id, account.id);
    await assert.rejects(
      client.accounts.delete({ password: 'not the password of this account' }),
      NassijApiError,
    );
    const report = await client.accounts.delete({ password: PASSWORD });
    assert.equal(report.accountId, account.id);
    // The client forgot the revoked token, and the account cannot sign in any more.
    await assert.rejects(client.auth.me(), NassijApiError);
    await assert.rejects(client.auth.signIn(email, PASSWORD), NassijApiError);
  });

  test('the public steps answer the same for an unknown address', async () => {
    const client = createClient({ baseUrl: server.url });
    const unknown = `nobody.${process.pid}@example.ma`;
    assert.deepEqual(await client.accounts.requestPasswordReset(unknown), { status: 'accepted' });
    assert.deepEqual(await client.accounts.resendVerification(unknown), { status: 'accepted' });
  });
});
