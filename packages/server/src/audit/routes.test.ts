import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openApiDocument, ROUTES } from '@nassij/contract';
import { fillPath, send } from '../bench/kit.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { signInAs, tempServer } from '../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

describe('audit: every route of the contract is bound', () => {
  let server: Server;
  let admin: string;

  before(async () => {
    server = await tempServer({ rateLimit: false });
    admin = await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  });
  after(() => server.stop());

  test('the core answers "No route" for an unknown path (the probe below relies on it)', async () => {
    const answer = await send(server.url, 'GET', '/v1/no-such-thing');
    assert.equal(answer.status, 404);
    assert.match(String((answer.json as { detail?: string }).detail), /^No route for /);
  });

  for (const route of ROUTES) {
    test(`${route.method} ${route.path} (${route.id})`, async () => {
      // Signing out must not revoke the token the other probes use.
      const token =
        route.id === 'auth.signOut'
          ? await signInAs(server.url, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password)
          : admin;
      const write = route.method !== 'GET';
      const answer = await send(server.url, route.method, fillPath(route.path), {
        token,
        ...(write && route.bodyKind !== 'multipart' ? { json: {} } : {}),
      });
      const detail = String((answer.json as { detail?: unknown } | undefined)?.detail ?? '');
      assert.ok(!detail.startsWith('No route for'), `unbound: ${answer.status} ${detail}`);
      assert.notEqual(answer.status, 405, `method not bound: ${answer.text.slice(0, 200)}`);
      assert.ok(answer.status < 500, `${answer.status}: ${answer.text.slice(0, 300)}`);
    });
  }

  test('/openapi.json is the contract document, byte for byte', async () => {
    const answer = await send(server.url, 'GET', '/openapi.json');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(answer.text, JSON.stringify(openApiDocument()));
  });

  test('/healthz is ok', async () => {
    const answer = await send(server.url, 'GET', '/healthz');
    assert.equal(answer.status, 200);
    assert.ok(answer.json && typeof answer.json === 'object');
  });
});
