// `client.subscriptions` against the real reference server (demo seed), never a mock: subscribe, open the
// confirmation link read from the server's mail outbox, unsubscribe with the one-click request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tempServer } from '@nassij/server/testing';
import { createClient } from '../client.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

describe('client.subscriptions', () => {
  let server: Server;
  before(async () => {
    server = await tempServer({ rateLimit: false });
  });
  after(() => server.stop());

  /** The token of the link to `path` in the newest message of a kind to an address. */
  async function tokenMailed(to: string, kind: string): Promise<string> {
    const [row] = await server.db.all<{ text_body: string }>(
      'SELECT text_body FROM mail_outbox WHERE recipient = ? AND kind = ? ORDER BY created_at DESC, id DESC',
      [to, kind],
    );
    const url = /https?:\/\/\S+/.exec(row?.text_body ?? '')?.[0];
    assert.ok(url, `a ${kind} message to ${to}`);
    return new URL(url).searchParams.get('token') ?? '';
  }

  test('subscribe, confirm, unsubscribe', async () => {
    const client = createClient({ baseUrl: server.url });
    const email = `sdk.subscriber.${process.pid}@example.ma`;
    assert.deepEqual(
      await client.subscriptions.subscribe({
        email,
        locale: 'fr',
        filter: { kind: 'calls', region: 'MA-09' },
        digest: 'weekly',
      }),
      { status: 'accepted' },
    );
    const confirmed = await client.subscriptions.confirm(await tokenMailed(email, 'subscription.confirm'));
    assert.deepEqual(confirmed, {
      status: 'confirmed',
      locale: 'fr',
      filter: { kind: 'calls', region: 'MA-09' },
      digest: 'weekly',
    });
    await assert.rejects(
      client.subscriptions.confirm(await tokenMailed(email, 'subscription.confirm')),
      (error: unknown) => error instanceof NassijApiError && error.code === 'link_used',
    );

    const row = await server.db.one<{ unsubscribe_token: string }>(
      'SELECT unsubscribe_token FROM subscriptions WHERE email = ?',
      [email],
    );
    assert.ok(row);
    assert.deepEqual(await client.subscriptions.unsubscribe(row.unsubscribe_token), {
      status: 'unsubscribed',
    });
    assert.equal(await server.db.one('SELECT id FROM subscriptions WHERE email = ?', [email]), undefined);
  });

  test('an unknown sector is refused naming the field', async () => {
    const client = createClient({ baseUrl: server.url });
    await assert.rejects(
      client.subscriptions.subscribe({
        email: `sdk.unknown.${process.pid}@example.ma`,
        locale: 'ar',
        filter: { kind: 'calls', sector: 'no-such-sector' },
      }),
      (error: unknown) =>
        error instanceof NassijApiError &&
        error.code === 'validation_failed' &&
        JSON.stringify(error.problem).includes('/filter/sector'),
    );
  });
});
