import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { tempServer } from '@nassij/server/testing';
import { createClient } from '../client.js';
import { NassijApiError } from '../errors.js';
import { type Peer, sendJson, startPeer } from '../test-support/peer.js';
import { NassijPopupError, type PopupHost, type PopupWindow } from './auth.js';

const account = {
  id: 'acc_stub',
  email: 'amina@example.ma',
  displayName: 'Amina',
  roles: ['association_member'],
  memberships: [{ associationId: 'asso_stub', role: 'member' }],
  locale: 'ar',
};
const issued = {
  token: 'tok_stub_abcdefghijklmno',
  tokenType: 'Bearer',
  expiresAt: '2099-01-01T00:00:00Z',
  account,
};
const unauthenticated = { type: 't', title: 'Token revoked', status: 401, code: 'unauthenticated' };

const peers: Peer[] = [];
after(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
});

async function authPeer(signOutStatus: 204 | 401 | 503): Promise<Peer> {
  const server = await startPeer((request, response) => {
    if (request.method === 'POST' && request.url === '/v1/auth/token') sendJson(response, 201, issued);
    else if (request.method === 'GET' && request.url === '/v1/auth/me') sendJson(response, 200, account);
    else if (request.method === 'DELETE' && signOutStatus === 204) {
      response.writeHead(204);
      response.end();
    } else if (request.method === 'DELETE' && signOutStatus === 401) sendJson(response, 401, unauthenticated);
    else sendJson(response, 503, { type: 't', title: 'Down', status: 503, code: 'unavailable' });
  });
  peers.push(server);
  return server;
}

describe('sign in and out', () => {
  test('signIn stores the token, which later calls send', async () => {
    const server = await authPeer(204);
    const client = createClient({ baseUrl: server.url });
    const signedIn = await client.auth.signIn('amina@example.ma', 'secret');
    assert.equal(signedIn.account.displayName, 'Amina');
    assert.equal(client.tokens.get(), issued.token);
    assert.deepEqual(JSON.parse(server.received[0]?.body.toString() ?? ''), {
      email: 'amina@example.ma',
      password: 'secret',
    });
    const me = await client.auth.me();
    assert.equal(me.email, 'amina@example.ma');
    assert.equal(server.received[1]?.headers.authorization, `Bearer ${issued.token}`);
  });

  test('signOut revokes on the server, then clears the token', async () => {
    const server = await authPeer(204);
    const client = createClient({ baseUrl: server.url, token: issued.token });
    await client.auth.signOut();
    assert.equal(server.received[0]?.method, 'DELETE');
    assert.equal(server.received[0]?.headers.authorization, `Bearer ${issued.token}`);
    assert.equal(client.tokens.get(), null);
  });

  test('signOut clears the token even when the server answers 401', async () => {
    const server = await authPeer(401);
    const client = createClient({ baseUrl: server.url, token: issued.token });
    await client.auth.signOut();
    assert.equal(client.tokens.get(), null);
  });

  test('signOut reports other failures, and still clears the token', async () => {
    const server = await authPeer(503);
    const client = createClient({ baseUrl: server.url, token: issued.token, retry: { limit: 0 } });
    await assert.rejects(client.auth.signOut(), NassijApiError);
    assert.equal(client.tokens.get(), null);
  });
});

/** A stand-in for the browser window and its popup: the opener side of the postMessage exchange. */
class FakeHost implements PopupHost {
  readonly #events = new EventTarget();
  readonly location = { origin: 'https://region.example' };
  opened: string | undefined;
  readonly popup: PopupWindow & { closed: boolean } = {
    closed: false,
    close: () => {
      this.popup.closed = true;
    },
  };
  constructor(private readonly blocked = false) {}
  open(url: string): PopupWindow | null {
    this.opened = url;
    return this.blocked ? null : this.popup;
  }
  post(data: unknown, origin: string, source: unknown): void {
    this.#events.dispatchEvent(Object.assign(new Event('message'), { data, origin, source }));
  }
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void {
    this.#events.addEventListener(type, listener as EventListener);
  }
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void {
    this.#events.removeEventListener(type, listener as EventListener);
  }
}

describe('signInWithPopup', () => {
  const baseUrl = 'https://platform.example/api';

  test("opens the popup in the language asked for, over the client's", async () => {
    const host = new FakeHost(true);
    const client = createClient({ baseUrl, locale: 'ar' });
    await client.auth.signInWithPopup({ window: host, locale: 'fr' }).catch(() => {});
    assert.equal(new URL(host.opened ?? '').searchParams.get('lang'), 'fr');
    const plain = createClient({ baseUrl });
    await plain.auth.signInWithPopup({ window: host }).catch(() => {});
    assert.equal(new URL(host.opened ?? '').searchParams.get('lang'), null);
  });

  test('accepts only the popup, from the server origin, with the same state', async () => {
    const host = new FakeHost();
    const client = createClient({ baseUrl, locale: 'zgh' });
    const pending = client.auth.signInWithPopup({ window: host, timeoutMs: 5_000 });
    const opened = new URL(host.opened ?? '');
    assert.equal(`${opened.origin}${opened.pathname}`, 'https://platform.example/api/auth/popup');
    assert.equal(opened.searchParams.get('origin'), 'https://region.example');
    assert.equal(opened.searchParams.get('lang'), 'zgh');
    const state = opened.searchParams.get('state') ?? '';
    assert.ok(state.length >= 32);
    const message = {
      type: 'nassij:auth',
      token: 'tok_from_popup',
      expiresAt: '2099-01-01T00:00:00Z',
      state,
    };
    host.post({ ...message, token: 'evil_origin' }, 'https://evil.example', host.popup);
    host.post({ ...message, token: 'evil_source' }, 'https://platform.example', {});
    host.post(
      { ...message, token: 'wrong_state', state: 'another-request' },
      'https://platform.example',
      host.popup,
    );
    host.post({ type: 'nassij:auth', token: 'malformed' }, 'https://platform.example', host.popup);
    assert.equal(client.tokens.get(), null, 'no impostor was accepted');
    host.post(message, 'https://platform.example', host.popup);
    assert.deepEqual(await pending, { token: 'tok_from_popup', expiresAt: '2099-01-01T00:00:00Z' });
    assert.equal(client.tokens.get(), 'tok_from_popup');
    assert.equal(host.popup.closed, true);
  });

  test('a blocked popup rejects at once', async () => {
    const client = createClient({ baseUrl });
    const error = await client.auth.signInWithPopup({ window: new FakeHost(true) }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijPopupError);
    assert.equal(error.reason, 'blocked');
    assert.equal(error.code, 'popup_blocked');
  });

  test('closing the popup rejects', async () => {
    const host = new FakeHost();
    const client = createClient({ baseUrl });
    const pending = client.auth.signInWithPopup({ window: host });
    host.popup.close();
    const error = await pending.catch((e: unknown) => e);
    assert.ok(error instanceof NassijPopupError);
    assert.equal(error.reason, 'closed');
  });

  test('no answer in time rejects', async () => {
    const host = new FakeHost();
    const client = createClient({ baseUrl });
    const error = await client.auth.signInWithPopup({ window: host, timeoutMs: 20 }).catch((e: unknown) => e);
    assert.ok(error instanceof NassijPopupError);
    assert.equal(error.reason, 'timeout');
    assert.equal(host.popup.closed, true, 'the abandoned popup is closed');
  });
});

describe('against the reference server', async () => {
  const server = await tempServer();
  after(() => server.stop());
  const member = DEMO_ACCOUNTS.member;

  test('signs in, reads the account, and signing out revokes the token', async () => {
    const client = createClient({ baseUrl: server.url });
    const signedIn = await client.auth.signIn(member.email, member.password);
    assert.equal(signedIn.account.email, member.email);
    assert.equal(client.tokens.get(), signedIn.token);
    const account = await client.auth.me();
    assert.equal(account.id, member.id);
    assert.deepEqual(account.memberships, member.memberships);

    await client.auth.signOut();
    assert.equal(client.tokens.get(), null);
    const stale = createClient({ baseUrl: server.url, token: signedIn.token, retry: { limit: 0 } });
    const refused = await stale.auth.me().catch((error: unknown) => error);
    assert.ok(refused instanceof NassijApiError, 'the revoked token is refused');
    assert.equal(refused.status, 401);
  });

  test('a wrong password throws NassijApiError invalid_credentials', async () => {
    const client = createClient({ baseUrl: server.url, retry: { limit: 0 } });
    const error = await client.auth.signIn(member.email, 'not-the-password').catch((e: unknown) => e);
    assert.ok(error instanceof NassijApiError);
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.status, 401);
    assert.equal(client.tokens.get(), null);
  });

  test('meta.health answers ok', async () => {
    const client = createClient({ baseUrl: server.url });
    const health = await client.meta.health();
    assert.equal(health.status, 'ok');
  });
});
