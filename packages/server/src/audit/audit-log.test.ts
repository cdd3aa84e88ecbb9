import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AUDIT_ACTIONS, type AuditAction } from '@nassij/contract';
import { readCall } from '../areas/calls/store.js';
import { send } from '../bench/kit.js';
import { type AuditRecord, readAudit } from '../db/audit.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { signInAs, tempServer } from '../testing.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

describe('audit: every privileged action is recorded with actor, time and reason', () => {
  let server: Server;
  const tokens = {} as Record<'moderator' | 'reviewer' | 'admin' | 'citizen', string>;
  const started = new Date(Date.now() - 1000);

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const key of ['moderator', 'reviewer', 'admin', 'citizen'] as const)
      tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
  });
  after(() => server.stop());

  /** The one audit line of `action` on `targetId`, checked for the common fields. */
  async function line(action: AuditAction, targetId: string, accountId: string | null): Promise<AuditRecord> {
    const lines = await readAudit(server.db, { action, targetId });
    assert.equal(lines.length, 1, `${action} on ${targetId}: ${JSON.stringify(lines)}`);
    const [entry] = lines as [AuditRecord];
    assert.equal(entry.accountId, accountId);
    assert.ok(Date.parse(entry.at) >= started.getTime() && Date.parse(entry.at) <= Date.now() + 1000);
    assert.match(entry.requestId ?? '', /^req_/);
    return entry;
  }

  test('sign-ins', async () => {
    const signIns = await readAudit(server.db, {
      action: 'auth.signIn',
      accountId: DEMO_ACCOUNTS.moderator.id,
    });
    assert.ok(signIns.length >= 1);
  });

  test('moderation decisions and official responses, with the moderator in the history', async () => {
    const hidden = await send(
      server.url,
      'POST',
      `/v1/contributions/${F.contributions.pendingComment}/moderation`,
      {
        token: tokens.moderator,
        json: { decision: 'hide', reason: 'Données personnelles' },
      },
    );
    assert.equal(hidden.status, 200, hidden.text);
    const decision = await line(
      'contribution.moderate',
      F.contributions.pendingComment,
      DEMO_ACCOUNTS.moderator.id,
    );
    assert.equal(decision.targetType, 'contribution');
    assert.equal(decision.reason, 'Données personnelles');
    assert.deepEqual(decision.details, {
      decision: 'hide',
      from: 'pending',
      to: 'hidden',
      reportsReviewed: 0,
    });
    const recorded = await server.db.one<{ actor_id: string; at: string; reason: string }>(
      "SELECT actor_id, at, reason FROM contribution_history WHERE contribution_id = ? AND action = 'hidden'",
      [F.contributions.pendingComment],
    );
    assert.equal(recorded?.actor_id, DEMO_ACCOUNTS.moderator.id);
    assert.equal(recorded?.reason, 'Données personnelles');

    const responded = await send(
      server.url,
      'POST',
      `/v1/contributions/${F.contributions.unansweredRecommendation}/response`,
      { token: tokens.admin, json: { body: { fr: 'Recommandation retenue' } } },
    );
    assert.equal(responded.status, 200, responded.text);
    const response = await line(
      'contribution.respond',
      F.contributions.unansweredRecommendation,
      DEMO_ACCOUNTS.admin.id,
    );
    assert.deepEqual(response.details?.languages, ['fr']);

    // A refused request writes nothing.
    const refused = await send(
      server.url,
      'POST',
      `/v1/contributions/${F.contributions.pendingRecommendation}/moderation`,
      {
        token: tokens.citizen,
        json: { decision: 'publish' },
      },
    );
    assert.equal(refused.status, 403);
    assert.equal((await readAudit(server.db, { targetId: F.contributions.pendingRecommendation })).length, 0);
  });

  test('reviews and decisions', async () => {
    const picked = await server.db.one<{ id: string }>(
      `SELECT id FROM applications WHERE call_id = ? AND status = 'under_review'
       AND id NOT IN (SELECT application_id FROM reviews WHERE reviewer_id = ?) ORDER BY id LIMIT 1`,
      [F.calls.underReview, DEMO_ACCOUNTS.reviewer.id],
    );
    assert.ok(picked, 'the seed has an application under review that the demo reviewer has not scored');
    const call = await readCall(server.db, F.calls.underReview);
    assert.ok(call);
    const scores = call.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore }));
    const declared = await send(server.url, 'PUT', `/v1/applications/${picked.id}/conflict-declaration`, {
      token: tokens.reviewer,
      json: { declared: false },
    });
    assert.equal(declared.status, 200, declared.text);
    const declaration = await line('application.declareConflict', picked.id, DEMO_ACCOUNTS.reviewer.id);
    assert.equal(declaration.details?.declared, false);
    const reviewed = await send(server.url, 'POST', `/v1/applications/${picked.id}/reviews`, {
      token: tokens.reviewer,
      json: { conflictOfInterest: { declared: false }, scores, comment: 'Budget réaliste' },
    });
    assert.equal(reviewed.status, 201, reviewed.text);
    const review = await line('application.review', picked.id, DEMO_ACCOUNTS.reviewer.id);
    assert.equal(review.reason, 'Budget réaliste');
    assert.equal(review.details?.reviewId, (reviewed.json as { id: string }).id);

    const decided = await send(server.url, 'POST', `/v1/applications/${picked.id}/decision`, {
      token: tokens.admin,
      json: { outcome: 'rejected', reason: 'Hors du champ de l’appel' },
    });
    assert.equal(decided.status, 200, decided.text);
    const decision = await line('application.decide', picked.id, DEMO_ACCOUNTS.admin.id);
    assert.equal(decision.reason, 'Hors du champ de l’appel');
    assert.equal(decision.details?.outcome, 'rejected');
    assert.equal(decision.details?.from, 'under_review');
  });

  test('attendance', async () => {
    const recorded = await send(
      server.url,
      'POST',
      `/v1/registrations/${F.registrations.attendedOfRepresented}/attendance`,
      { token: tokens.admin, json: { attendedHours: 6, status: 'completed' } },
    );
    assert.equal(recorded.status, 200, recorded.text);
    const attendance = await line(
      'registration.attendance',
      F.registrations.attendedOfRepresented,
      DEMO_ACCOUNTS.admin.id,
    );
    assert.equal(attendance.targetType, 'registration');
    assert.equal(attendance.details?.to, 'completed');
    assert.equal(attendance.details?.attendedHours, 6);
  });

  test('every audited action name is known, and no line carries a personal key', async () => {
    const lines = await readAudit(server.db, { since: started, limit: 1000 });
    assert.ok(lines.length >= 6);
    for (const entry of lines)
      assert.ok((AUDIT_ACTIONS as readonly string[]).includes(entry.action), entry.action);
    const text = JSON.stringify(lines.map((entry) => [entry.details, entry.reason]));
    assert.doesNotMatch(text, /@|[0-9a-f]{64}|password/i);
  });
});
