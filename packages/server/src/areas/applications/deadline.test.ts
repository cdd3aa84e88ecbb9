import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Application, Problem } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { readCall } from '../calls/store.js';
import { completeAnswers } from './fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const signIn = (server: Server, key: keyof typeof DEMO_ACCOUNTS) =>
  signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);

async function send(
  server: Server,
  method: string,
  path: string,
  options: { token: string; json?: unknown; headers?: Record<string, string> },
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers, authorization: `Bearer ${options.token}` };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

describe('applications after the deadline', () => {
  let server: Server;
  let at: Date | undefined;

  before(async () => {
    server = await tempServer({ rateLimit: false, clock: () => at ?? new Date() });
  });
  after(() => server.stop());

  test('a late submission is refused with deadline_passed and the draft is kept', async () => {
    const call = await readCall(server.db, F.calls.openEligible);
    assert.ok(call?.dates.closes);
    const token = await signIn(server, 'representative');
    const started = await send(server, 'POST', '/v1/applications', {
      token,
      json: { callId: call.id, associationId: F.associations.represented },
    });
    assert.equal(started.status, 201);
    const id = (started.body as Application).id;
    const filled = await send(server, 'PATCH', `/v1/applications/${id}`, {
      token,
      headers: { 'if-match': started.headers.get('etag') ?? '' },
      json: { projectTitle: 'Projet en retard', answers: completeAnswers(call) },
    });
    assert.equal(filled.status, 200);
    const before = filled.body as Application;

    at = new Date(Date.parse(call.dates.closes.at) + 60 * 60 * 1000);
    const lateToken = await signIn(server, 'representative');
    const late = await send(server, 'POST', `/v1/applications/${id}/submit`, { token: lateToken });
    assert.equal(late.status, 422);
    assert.equal((late.body as Problem).code, 'deadline_passed');
    const kept = await send(server, 'GET', `/v1/applications/${id}`, { token: lateToken });
    assert.equal(kept.status, 200);
    assert.deepEqual(kept.body, before);

    const lateStart = await send(server, 'POST', '/v1/applications', {
      token: await signIn(server, 'member'),
      json: { callId: call.id, associationId: F.associations.memberOnly },
    });
    assert.equal(lateStart.status, 422);
    assert.equal((lateStart.body as Problem).code, 'deadline_passed');
    const lateWithdraw = await send(server, 'POST', `/v1/applications/${id}/withdraw`, {
      token: lateToken,
      json: {},
    });
    assert.equal(lateWithdraw.status, 422);
  });
});
