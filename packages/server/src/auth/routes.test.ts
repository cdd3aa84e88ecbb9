import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { tempServer } from '../testing.js';

let server: Awaited<ReturnType<typeof tempServer>>;
before(async () => {
  server = await tempServer({ areas: [], corsOrigins: ['https://region.example'] });
});
after(() => server.stop());

const json = { 'content-type': 'application/json' };

test('sign-in returns a token, me reads the account, sign-out revokes it', async () => {
  const { email, password } = DEMO_ACCOUNTS.member;
  const signIn = await fetch(`${server.url}/v1/auth/token`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  assert.equal(signIn.status, 201);
  assert.equal(signIn.headers.get('set-cookie'), null);
  const body = (await signIn.json()) as {
    token: string;
    tokenType: string;
    expiresAt: string;
    account: { id: string; memberships: unknown[] };
  };
  assert.equal(body.tokenType, 'Bearer');
  assert.match(body.token, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(Date.parse(body.expiresAt) - Date.now() > 11 * 3600 * 1000);
  assert.deepEqual(body.account.memberships, [
    { associationId: F.associations.represented, role: 'member' },
    { associationId: F.associations.memberOnly, role: 'member' },
  ]);
  const stored = await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM tokens WHERE hash = ?', [
    body.token,
  ]);
  assert.equal(stored?.n, 0, 'the raw token is never stored');

  const auth = { authorization: `Bearer ${body.token}` };
  const me = await fetch(`${server.url}/v1/auth/me`, { headers: auth });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { id: string }).id, DEMO_ACCOUNTS.member.id);
  assert.equal(me.headers.get('cache-control'), 'private, no-store');

  const signOut = await fetch(`${server.url}/v1/auth/token`, { method: 'DELETE', headers: auth });
  assert.equal(signOut.status, 204);
  const after = await fetch(`${server.url}/v1/auth/me`, { headers: auth });
  assert.equal(after.status, 401);
  assert.equal(((await after.json()) as { code: string }).code, 'unauthenticated');
});

test('a wrong password or unknown e-mail is 401 invalid_credentials', async () => {
  for (const credentials of [
    { email: DEMO_ACCOUNTS.admin.email, password: 'wrong-password' },
    { email: 'nobody@demo.nassij.ma', password: 'whatever' },
  ]) {
    const response = await fetch(`${server.url}/v1/auth/token`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(credentials),
    });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(((await response.json()) as { code: string }).code, 'invalid_credentials');
  }
});

test('an expired token is 401 token_expired', async () => {
  const token = 'expired-token-for-the-test-0123456789abcdef';
  const { createHash } = await import('node:crypto');
  await server.db.write('INSERT INTO tokens (hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    createHash('sha256').update(token).digest('hex'),
    DEMO_ACCOUNTS.citizen.id,
    '2020-01-01T00:00:00Z',
    '2020-01-01T12:00:00Z',
  ]);
  const response = await fetch(`${server.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 401);
  assert.equal(((await response.json()) as { code: string }).code, 'token_expired');
});

test('the popup page is Arabic by default, under a strict CSP, for an allowlisted origin', async () => {
  const response = await fetch(`${server.url}/auth/popup?origin=https://region.example&state=state-1234`);
  assert.equal(response.status, 200);
  assert.equal(
    response.headers.get('content-security-policy'),
    "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'",
  );
  assert.equal(response.headers.get('set-cookie'), null);
  const html = await response.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /<label for="email">البريد الإلكتروني<\/label>/);
  assert.match(html, /data-origin="https:\/\/region\.example"/);
  assert.match(html, /<script type="module" src="\/auth\/popup\.js"><\/script>/);
  assert.doesNotMatch(html, /<script>|<style|style="/, 'no inline script or style');

  const french = await (
    await fetch(`${server.url}/auth/popup?origin=https://region.example&state=state-1234&lang=fr`)
  ).text();
  assert.match(french, /<html lang="fr" dir="ltr">/);

  const script = await fetch(`${server.url}/auth/popup.js`);
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.match(await script.text(), /postMessage\(\s*\{ type: 'nassij:auth'/);
});

test('the popup refuses an origin that is not allowlisted, and allows the server itself', async () => {
  const refused = await fetch(
    `${server.url}/auth/popup?origin=https://evil.example&state=state-1234&lang=en`,
  );
  assert.equal(refused.status, 403);
  assert.ok(refused.headers.get('content-security-policy'));
  const html = await refused.text();
  assert.match(html, /not on the list of sites allowed/);
  assert.doesNotMatch(html, /id="signin"/);

  const own = await fetch(
    `${server.url}/auth/popup?origin=${encodeURIComponent(server.url)}&state=state-1234`,
  );
  assert.equal(own.status, 200);
});

test('healthz answers and the demo accounts exist once', async () => {
  const health = await fetch(`${server.url}/healthz`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, 'ok');
  // A server without the organisations area (as here) seeds the accounts of no organisation only; the
  // organisations area's tests count the staff accounts.
  const core = Object.values(DEMO_ACCOUNTS).filter((account) => account.organisationId === undefined);
  assert.ok(core.length > 0 && core.length < Object.keys(DEMO_ACCOUNTS).length);
  const ids = (await server.db.all<{ id: string }>('SELECT id FROM accounts ORDER BY id')).map(
    (row) => row.id,
  );
  assert.deepEqual(ids, core.map((account) => account.id).sort());
});
