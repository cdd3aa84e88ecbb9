import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Certificate, ErasureReport, PersonalDataExport, Problem } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { enqueueMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { storedFilePath } from '../applications/files.js';
import { ERASED_DISPLAY_NAME, tombstoneEmail } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const MEMBER = DEMO_ACCOUNTS.member;
const REP = DEMO_ACCOUNTS.representative;
const CITIZEN = DEMO_ACCOUNTS.citizen;
const MODERATOR = DEMO_ACCOUNTS.moderator;

describe('privacy: a person exports and deletes their own account (law 09-08)', () => {
  let server: Server;
  const tokens = {} as Record<'member' | 'representative' | 'citizen' | 'ministryCallManager', string>;

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const key of ['member', 'representative', 'citizen', 'ministryCallManager'] as const)
      tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
  });
  after(() => server.stop());

  test('the export needs a token and answers the caller’s own data only, audited', async () => {
    assert.equal((await send(server.url, 'GET', '/v1/auth/me/export')).status, 401);
    const answer = await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.member });
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.headers.get('cache-control') ?? '', /no-store/);
    const data = answer.json as PersonalDataExport;
    assert.equal(data.account.id, MEMBER.id);
    assert.equal(data.account.email, MEMBER.email);
    assert.deepEqual(data.memberships, MEMBER.memberships);
    assert.doesNotMatch(answer.text, /scrypt|password_hash/i, 'never the password hash');
    for (const other of [REP, CITIZEN]) assert.ok(!answer.text.includes(other.email), `not ${other.email}`);
    const exported = data.audit.find((line) => line.action === 'privacy.export');
    assert.ok(exported, 'the export lists itself');
    assert.equal(exported.actorId, MEMBER.id);
    assert.deepEqual(exported.target, { type: 'account', id: MEMBER.id });
  });

  test('the export lists the registrations naming the person’s account and the certificates issued to them', async () => {
    const issued = await send(
      server.url,
      'POST',
      `/v1/registrations/${F.registrations.completedOfMember}/certificate`,
      {
        token: tokens.member,
      },
    );
    assert.equal(issued.status, 201, issued.text);
    const certificate = issued.json as Certificate;
    const named = (
      await server.db.all<{ id: string }>(
        'SELECT id FROM training_registrations WHERE participant_account_id = ? ORDER BY id',
        [MEMBER.id],
      )
    ).map((row) => row.id);
    assert.ok(
      named.includes(F.registrations.completedOfMember) &&
        named.includes(F.registrations.attendedOfRepresented),
    );
    const data = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.member }))
      .json as PersonalDataExport;
    assert.deepEqual(data.registrations.map((r) => r.id).sort(), named);
    assert.ok(data.registrations.every((r) => r.participant.accountId === MEMBER.id));
    assert.deepEqual(
      data.certificates?.map((c) => [c.id, c.registrationId]),
      [[certificate.id, F.registrations.completedOfMember]],
    );
    // Nobody else's: the representative has no certificate, and the member's is not in their export.
    const theirs = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.representative }))
      .json as PersonalDataExport;
    assert.deepEqual(theirs.certificates, []);
    assert.ok(theirs.registrations.every((r) => r.participant.accountId !== MEMBER.id));
  });

  test('the export lists the award reports a person sent and the tranches a funder recorded', async () => {
    const sent = await server.db.all<{ award_id: string; submission: string }>(
      'SELECT award_id, submission FROM award_reports',
    );
    const byRep = sent.filter((r) => (JSON.parse(r.submission) as { by?: string }).by === REP.id);
    assert.ok(byRep.length > 0, 'the seed has reports sent by the representative');
    const mine = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.representative }))
      .json as PersonalDataExport;
    assert.equal(mine.awardReports?.filter((r) => r.involvement.includes('submitted')).length, byRep.length);
    assert.ok(mine.awardReports?.every((r) => r.associationId === F.associations.represented));

    const recorded = await server.db.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM disbursements WHERE recorded_by = ?',
      [F.accounts.ministryCallManager],
    );
    const staff = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.ministryCallManager }))
      .json as PersonalDataExport;
    assert.equal(staff.disbursements?.length, Number(recorded?.n));
    assert.equal(mine.disbursements?.length, 0, 'an association’s representative records no tranche');
  });

  test('deleting needs the right password; a wrong one changes nothing', async () => {
    assert.equal((await send(server.url, 'DELETE', '/v1/auth/me', { json: { password: 'x' } })).status, 401);
    const wrong = await send(server.url, 'DELETE', '/v1/auth/me', {
      token: tokens.member,
      json: { password: `${MEMBER.password}-not` },
    });
    assert.equal(wrong.status, 401, wrong.text);
    assert.equal((wrong.json as Problem).code, 'invalid_credentials');
    const missing = await send(server.url, 'DELETE', '/v1/auth/me', { token: tokens.member, json: {} });
    assert.equal(missing.status, 422, missing.text);
    assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token: tokens.member })).status, 200);
    assert.equal((await readAudit(server.db, { action: 'privacy.erase' })).length, 0);
  });

  test('the only representative of an association hands over before deleting', async () => {
    const refused = await send(server.url, 'DELETE', '/v1/auth/me', {
      token: tokens.representative,
      json: { password: REP.password },
    });
    assert.equal(refused.status, 409, refused.text);
    const problem = refused.json as Problem;
    assert.equal(problem.code, 'invalid_state');
    assert.match(problem.detail ?? '', new RegExp(F.associations.represented));
    assert.equal(
      (await send(server.url, 'GET', '/v1/auth/me', { token: tokens.representative })).status,
      200,
    );
    assert.equal((await readAudit(server.db, { action: 'privacy.erase' })).length, 0, 'nothing half-done');
  });

  test('a member deletes their account: signed out, tombstoned, messages and invitations erased, audited', async () => {
    // Messages to the member: one sent (its record stays, emptied), one still queued (dropped).
    const body = 'Votre lien : https://nassij.example/auth/reset?token=privacy-self-service';
    const message = {
      locale: 'fr' as const,
      subject: 'Réinitialisation',
      text: body,
      html: `<p>${body}</p>`,
    };
    // Each written with its state in one transaction: the worker, woken at the commit, never sends them.
    const sentId = await server.db.atomic(async () => {
      const id = await enqueueMail(server.db, {
        ...message,
        to: MEMBER.email,
        kind: 'account.reset-password',
        accountId: MEMBER.id,
      });
      await server.db.write("UPDATE mail_outbox SET state = 'sent', sent_at = created_at WHERE id = ?", [id]);
      return id;
    });
    const queuedId = await server.db.atomic(async () => {
      const id = await enqueueMail(server.db, { ...message, to: MEMBER.email.toUpperCase(), kind: 'x.test' });
      await server.db.write(
        "UPDATE mail_outbox SET next_attempt_at = '2999-01-01T00:00:00.000Z' WHERE id = ?",
        [id],
      );
      return id;
    });
    // Invitations to the member's address: one open (deleted), one accepted (kept under the tombstone).
    const invite = (id: string, associationId: string, acceptedAt: string | null) =>
      server.db.write(
        `INSERT INTO association_invitations (id, token_hash, association_id, email, role, invited_by, created_at,
           expires_at, accepted_at, accepted_by) VALUES (?, ?, ?, ?, 'member', ?, ?, ?, ?, ?)`,
        [
          id,
          `hash-${id}`,
          associationId,
          MEMBER.email,
          REP.id,
          '2026-01-01T00:00:00.000Z',
          '2026-01-08T00:00:00.000Z',
          acceptedAt,
          acceptedAt ? MEMBER.id : null,
        ],
      );
    await invite('inv_privacy_open', F.associations.unaffiliated, null);
    await invite('inv_privacy_accepted', F.associations.represented, '2026-01-02T00:00:00.000Z');

    // A calendar secret: its address answers until the erasure.
    const issued = await send(server.url, 'POST', '/v1/auth/me/calendar-token', { token: tokens.member });
    assert.equal(issued.status, 201, issued.text);
    const calendar = `/v1/calendars/me/${(issued.json as { token: string }).token}.ics`;
    assert.equal((await send(server.url, 'GET', calendar)).status, 200);

    const before = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.member }))
      .json as PersonalDataExport;
    assert.ok(before.calendarToken?.createdAt, 'the export says a calendar secret exists');
    assert.ok(!JSON.stringify(before).includes((issued.json as { token: string }).token), 'never the secret');
    assert.deepEqual(before.mail?.map((m) => m.id).sort(), [sentId, queuedId].sort());
    assert.deepEqual(before.invitations?.map((i) => i.id).sort(), [
      'inv_privacy_accepted',
      'inv_privacy_open',
    ]);
    assert.ok(!JSON.stringify(before.mail).includes('privacy-self-service'), 'never a body, nor its link');

    const reason = 'Je n’utilise plus la plateforme';
    const answer = await send(server.url, 'DELETE', '/v1/auth/me', {
      token: tokens.member,
      json: { password: MEMBER.password, reason },
    });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.json as ErasureReport;
    assert.equal(report.accountId, MEMBER.id);
    assert.equal(report.membershipsRemoved, MEMBER.memberships.length);
    assert.ok(report.tokensRevoked >= 1);
    assert.equal(report.mailErased, 2);
    assert.equal(report.invitationsErased, 2);
    assert.equal(report.calendarTokensRemoved, 1);
    assert.equal((await send(server.url, 'GET', calendar)).status, 404, 'the calendar address is dead');

    // Registrations keep their status, attendance and evaluation (the association's and the course's
    // counts), without the account nor its name; the certificate issued stays valid, leading to nobody.
    assert.equal(report.registrationsAnonymised, before.registrations.length);
    assert.ok(before.registrations.length >= 2);
    const kept = await server.db.all<{
      id: string;
      status: string;
      participant_account_id: string | null;
      data: string;
    }>(
      `SELECT id, status, participant_account_id, data FROM training_registrations WHERE id IN (${before.registrations.map(() => '?').join(', ')}) ORDER BY id`,
      before.registrations.map((r) => r.id),
    );
    assert.deepEqual(
      kept.map((r) => [r.id, r.status]),
      [...before.registrations].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r.status]),
    );
    assert.ok(kept.every((r) => r.participant_account_id === null));
    assert.ok(kept.every((r) => !r.data.includes(MEMBER.displayName) && !r.data.includes(MEMBER.id)));
    const [certificate] = before.certificates ?? [];
    assert.ok(certificate, 'the certificate issued before');
    const shown = await send(server.url, 'GET', `/v1/certificates/${certificate.id}`);
    assert.equal(shown.status, 200, shown.text);
    assert.equal((shown.json as Certificate).revokedAt, undefined);
    const link = await server.db.one<{ participant_account_id: string | null }>(
      'SELECT participant_account_id FROM certificates WHERE id = ?',
      [certificate.id],
    );
    assert.equal(link?.participant_account_id, null);

    assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token: tokens.member })).status, 401);
    const again = await send(server.url, 'POST', '/v1/auth/token', {
      json: { email: MEMBER.email, password: MEMBER.password },
    });
    assert.equal(again.status, 401);
    const row = await server.db.one<{ email: string; display_name: string }>(
      'SELECT email, display_name FROM accounts WHERE id = ?',
      [MEMBER.id],
    );
    assert.deepEqual(row, { email: tombstoneEmail(MEMBER.id), display_name: ERASED_DISPLAY_NAME });

    const mail = await server.db.all<{ id: string; recipient: string; subject: string; text_body: string }>(
      'SELECT id, recipient, subject, text_body FROM mail_outbox WHERE id IN (?, ?)',
      [sentId, queuedId],
    );
    assert.deepEqual(mail, [
      { id: sentId, recipient: tombstoneEmail(MEMBER.id), subject: '', text_body: '' },
    ]);
    const mentions = await server.db.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM mail_outbox WHERE lower(recipient) = ? OR text_body LIKE ?',
      [MEMBER.email, '%privacy-self-service%'],
    );
    assert.equal(Number(mentions?.n), 0);

    const invitations = await server.db.all<{ id: string; email: string }>(
      "SELECT id, email FROM association_invitations WHERE id LIKE 'inv_privacy_%' ORDER BY id",
    );
    assert.deepEqual(invitations, [{ id: 'inv_privacy_accepted', email: tombstoneEmail(MEMBER.id) }]);

    const [line, ...more] = await readAudit(server.db, { action: 'privacy.erase', targetId: MEMBER.id });
    assert.ok(line && more.length === 0, 'one audit line');
    assert.equal(line.accountId, MEMBER.id, 'the person is the actor');
    assert.equal(line.reason, reason);
    assert.equal(line.details?.selfService, true);
    assert.doesNotMatch(JSON.stringify(line.details), /@/);
  });

  test('a claimant’s pending claim goes with their account, files included', async () => {
    const files = await server.db.all<{ file_sha256: string }>(
      'SELECT file_sha256 FROM association_claim_files WHERE claim_id = ?',
      [F.claims.pendingOfCitizen],
    );
    assert.equal(files.length, 2, 'the seeded claim has its receipt and mandate');
    const mine = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.citizen }))
      .json as PersonalDataExport;
    assert.deepEqual(
      mine.claims?.map((c) => c.id),
      [F.claims.pendingOfCitizen],
    );
    const answer = await send(server.url, 'DELETE', '/v1/auth/me', {
      token: tokens.citizen,
      json: { password: CITIZEN.password },
    });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.json as ErasureReport;
    assert.equal(report.claimsRemoved, 1);
    assert.equal(report.filesDeleted, 2, 'no one else uses the receipt and the mandate');
    assert.equal(
      await server.db.one('SELECT 1 AS found FROM association_claims WHERE id = ?', [
        F.claims.pendingOfCitizen,
      ]),
      undefined,
    );
    for (const { file_sha256 } of files) {
      const path = storedFilePath(server.dataDir, file_sha256.replace(/^sha256:/, ''));
      for (let i = 0; i < 50 && existsSync(path); i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(existsSync(path), false, 'the claim’s file is deleted');
    }
  });

  test('after a hand-over the former representative deletes their account; the vault keeps their uploads', async () => {
    // The state a hand-over leaves (the members area's route): another member represents the association.
    await server.db.write(
      "UPDATE memberships SET role = 'member' WHERE account_id = ? AND association_id = ?",
      [REP.id, F.associations.represented],
    );
    await server.db.write(
      "INSERT INTO memberships (account_id, association_id, role) VALUES (?, ?, 'representative')",
      [MODERATOR.id, F.associations.represented],
    );
    // A statute they uploaded to the vault (as the vault's upload route records it).
    const statute = await server.db.one<{ id: string }>(
      "SELECT id FROM association_documents WHERE association_id = ? AND kind = 'statutes'",
      [F.associations.represented],
    );
    assert.ok(statute);
    await server.db.write('UPDATE association_documents SET uploaded_by = ? WHERE id = ?', [
      REP.id,
      statute.id,
    ]);
    const mine = (await send(server.url, 'GET', '/v1/auth/me/export', { token: tokens.representative }))
      .json as PersonalDataExport;
    assert.deepEqual(
      mine.vaultDocuments?.map((d) => d.id),
      [statute.id],
    );
    const answer = await send(server.url, 'DELETE', '/v1/auth/me', {
      token: tokens.representative,
      json: { password: REP.password },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.equal((answer.json as ErasureReport).accountId, REP.id);
    assert.equal((answer.json as ErasureReport).vaultDocumentsKept, 1);
    assert.deepEqual(
      await server.db.one('SELECT association_id, uploaded_by FROM association_documents WHERE id = ?', [
        statute.id,
      ]),
      { association_id: F.associations.represented, uploaded_by: null },
      'the association keeps its statutes, attributed to no one',
    );
    const left = await server.db.all<{ account_id: string }>(
      'SELECT account_id FROM memberships WHERE association_id = ?',
      [F.associations.represented],
    );
    assert.deepEqual(
      left.map((m) => m.account_id),
      [MODERATOR.id],
      'the association keeps its new representative',
    );
  });
});

describe('privacy: the password of a deletion is throttled like a sign-in', () => {
  let server: Server;
  before(async () => {
    // One free failure, then an hour's wait: the second attempt is refused whatever the machine's speed.
    server = await tempServer({
      rateLimit: {
        capacity: 1000,
        refillPerSecond: 10,
        signIn: { freeFailures: 1, firstDelaySeconds: 3600, maxDelaySeconds: 3600 },
      },
    });
  });
  after(() => server.stop());

  test('a stolen token cannot be used to guess the password', async () => {
    const token = await signInAs(server.url, MEMBER.email, MEMBER.password);
    const wrong = await send(server.url, 'DELETE', '/v1/auth/me', { token, json: { password: 'guess-1' } });
    assert.equal(wrong.status, 401, wrong.text);
    const next = await send(server.url, 'DELETE', '/v1/auth/me', {
      token,
      json: { password: MEMBER.password },
    });
    assert.equal(next.status, 429, next.text);
    assert.equal((next.json as Problem).code, 'rate_limited');
    assert.ok(Number(next.headers.get('retry-after')) > 0);
    assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token })).status, 200, 'nothing erased');
  });
});
