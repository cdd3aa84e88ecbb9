// Moderators are scoped as calls' staff are: a platform moderator (no organisation) moderates every
// consultation; an organisation's moderator only the consultations its organisation holds — its queue, the
// contributions it may read before publication, and its decisions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Contribution, PageOf } from '@nassij/contract';
import { createAccount, DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

let server: Awaited<ReturnType<typeof tempServer>>;
let ministryModerator = '';
let platformModerator = '';
/** A contribution of a consultation another organisation holds, hidden by the platform moderator. */
let otherHidden = { id: '', consultationId: '' };
const MINISTRY_SECTOR = F.organisations.ministry.replace(/^org_/, '');

async function send<T>(method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** The sector issuing each consultation, straight from the table. */
async function issuers(): Promise<Map<string, string>> {
  const rows = await server.db.all<{ id: string; issuing_sector: string }>(
    'SELECT id, issuing_sector FROM consultations',
  );
  return new Map(rows.map((row) => [row.id, row.issuing_sector]));
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  const account = {
    id: 'acc_scoped_moderator',
    email: 'ministry-moderator@test.nassij.ma',
    password: 'ministry-moderator-password',
    displayName: 'Modératrice du ministère',
    roles: ['moderator' as const],
    memberships: [],
    organisationId: F.organisations.ministry,
  };
  await createAccount(server.db, account, new Date());
  ministryModerator = await signInAs(server.url, account.email, account.password);
  platformModerator = await signInAs(
    server.url,
    DEMO_ACCOUNTS.moderator.email,
    DEMO_ACCOUNTS.moderator.password,
  );
  const other = await server.db.one<{ id: string; consultation_id: string }>(
    `SELECT c.id, c.consultation_id FROM contributions c JOIN consultations k ON k.id = c.consultation_id
      WHERE k.issuing_sector <> ? AND c.moderation_state = 'published' ORDER BY c.id LIMIT 1`,
    [MINISTRY_SECTOR],
  );
  assert.ok(other, 'the demo data has contributions on other organisations’ consultations');
  otherHidden = { id: other.id, consultationId: other.consultation_id };
  const hidden = await send('POST', `/v1/contributions/${other.id}/moderation`, platformModerator, {
    decision: 'hide',
    reason: 'Hors sujet',
  });
  assert.equal(hidden.status, 200, 'the platform moderator decides on any consultation');
});
after(() => server.stop());

describe('moderators of an organisation', () => {
  test('see the queue of their organisation’s consultations only; a platform moderator sees every one', async () => {
    const sectors = await issuers();
    const ministrySector = F.organisations.ministry.replace(/^org_/, '');
    const all = await send<PageOf<Contribution>>(
      'GET',
      '/v1/moderation/contributions?state=pending&limit=100',
      platformModerator,
    );
    assert.equal(all.status, 200);

    const own = await send<PageOf<Contribution>>(
      'GET',
      '/v1/moderation/contributions?state=pending&limit=100',
      ministryModerator,
    );
    assert.equal(own.status, 200);
    assert.ok(own.body.items.length > 0, 'the ministry’s draft law has contributions waiting');
    assert.ok(own.body.items.every((c) => sectors.get(c.consultationId) === ministrySector));
    assert.deepEqual(
      own.body.items.map((c) => c.id).sort(),
      all.body.items
        .filter((c) => sectors.get(c.consultationId) === ministrySector)
        .map((c) => c.id)
        .sort(),
    );
    assert.equal(own.body.total, own.body.items.length, 'the total counts the organisation’s queue only');

    const otherConsultation = otherHidden.consultationId;
    const refused = await send(
      'GET',
      `/v1/moderation/contributions?state=pending&consultationId=${otherConsultation}`,
      ministryModerator,
    );
    assert.equal(refused.status, 403);
  });

  test('decide on their own organisation’s contributions, not on another’s, which they cannot read either', async () => {
    const other = otherHidden;
    const unread = await send('GET', `/v1/contributions/${other.id}`, ministryModerator);
    assert.equal(unread.status, 404, 'a hidden contribution of another organisation stays unseen');
    const refused = await send('POST', `/v1/contributions/${other.id}/moderation`, ministryModerator, {
      decision: 'publish',
    });
    assert.equal(refused.status, 403);

    const decided = await send<Contribution>(
      'POST',
      `/v1/contributions/${F.contributions.pendingComment}/moderation`,
      ministryModerator,
      { decision: 'publish' },
    );
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.moderation.state, 'published');
    const byPlatform = await send<Contribution>(
      'POST',
      `/v1/contributions/${other.id}/moderation`,
      platformModerator,
      {
        decision: 'publish',
      },
    );
    assert.equal(byPlatform.status, 200, 'the platform moderator still decides everywhere');
  });
});
