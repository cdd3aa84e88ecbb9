import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AuditLogEntry } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F, signInAs, tempServer } from '../../testing.js';

let server: Awaited<ReturnType<typeof tempServer>>;
const tokens: Partial<Record<'admin' | 'moderator', string>> = {};

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const key of ['admin', 'moderator'] as const)
    tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
});
after(() => server.stop());

type AuditPage = { items: AuditLogEntry[]; nextCursor: string | null };

test('admins read who moderated what and why; nobody else reads the log', async () => {
  const decided = await send(
    server.url,
    'POST',
    `/v1/contributions/${F.contributions.pendingComment}/moderation`,
    {
      token: tokens.moderator,
      json: { decision: 'hide', reason: 'Données personnelles' },
    },
  );
  assert.ok(decided.status < 300, decided.text);

  const log = await send(server.url, 'GET', '/v1/admin/audit?action=contribution.moderate', {
    token: tokens.admin,
  });
  assert.equal(log.status, 200, log.text);
  const line = (log.json as AuditPage).items.find(
    (item) => item.target?.id === F.contributions.pendingComment,
  );
  assert.ok(line, 'the moderation is in the log');
  assert.equal(line.actorId, F.accounts.moderator);
  assert.equal(line.reason, 'Données personnelles');
  assert.ok(!JSON.stringify(line).includes(DEMO_ACCOUNTS.moderator.email), 'no e-mail in the log');

  const asModerator = await send(server.url, 'GET', '/v1/admin/audit', { token: tokens.moderator });
  assert.equal(asModerator.status, 403);
  assert.equal((await send(server.url, 'GET', '/v1/admin/audit')).status, 401);
});

test('the log pages newest first without repeating or skipping a line', async () => {
  const all = await send(server.url, 'GET', '/v1/admin/audit?limit=100', { token: tokens.admin });
  const expected = (all.json as AuditPage).items.map((item) => item.id);
  assert.ok(expected.length >= 3, `sign-ins and the moderation are logged (${expected.length})`);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const path = `/v1/admin/audit?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await send(server.url, 'GET', path, { token: tokens.admin })).json as AuditPage;
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor && seen.length <= expected.length);
  assert.deepEqual(seen, expected);
  const ats = (all.json as AuditPage).items.map((item) => item.at);
  assert.deepEqual(ats, [...ats].sort().reverse());
});

test('filters are checked by the contract', async () => {
  const bad = await send(server.url, 'GET', '/v1/admin/audit?action=drop.tables', { token: tokens.admin });
  assert.equal(bad.status, 422);
  assert.equal((bad.json as { code: string }).code, 'validation_failed');
});
