import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type {
  Application,
  Attachment,
  Contribution,
  ErasureReport,
  PersonalDataExport,
  Problem,
  Registration,
} from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { createAccount, DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { sha256Hex, storedFilePath } from '../applications/files.js';
import { pdfBytes } from '../applications/fixtures.js';
import { readCall } from '../calls/store.js';
import {
  ANONYMOUS_AUTHOR,
  containsPattern,
  ERASED_DISPLAY_NAME,
  ERASED_PARTICIPANT,
  tombstoneEmail,
} from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
type Key = 'citizen' | 'member' | 'representative' | 'reviewer' | 'moderator' | 'admin';

const REP = DEMO_ACCOUNTS.representative;
const exportPath = (id: string) => `/v1/admin/accounts/${id}/export`;
const erasePath = (id: string) => `/v1/admin/accounts/${id}/erase`;

describe('privacy: export and erasure of one person’s data (law 09-08)', () => {
  let server: Server;
  const tokens = {} as Record<Key, string>;
  let registration: Registration;
  let draft: Application;
  let draftUpload: Attachment;
  const uploaded = pdfBytes('privacy-erasure-draft');

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const key of Object.keys(DEMO_ACCOUNTS) as Key[])
      tokens[key] = await signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);

    // The representative registers themself to a session (naming their account) and uploads to a draft.
    // Keyed: its stored answer (which names them) must go with the erasure.
    const registered = await send(server.url, 'POST', '/v1/registrations', {
      token: tokens.representative,
      headers: { 'idempotency-key': 'privacy-registration' },
      json: {
        sessionId: F.sessions.openWithSeats,
        associationId: F.associations.represented,
        participant: { accountId: REP.id, role: 'Présidente' },
        consent: true,
      },
    });
    assert.equal(registered.status, 201, registered.text);
    registration = registered.json as Registration;
    const callId = F.calls.openForDrafts[0] ?? '';
    const started = await send(server.url, 'POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId, associationId: F.associations.represented },
    });
    assert.equal(started.status, 201, started.text);
    draft = started.json as Application;
    const document = (await readCall(server.db, callId))?.requiredDocuments.find((d) =>
      d.mediaTypes.includes('application/pdf'),
    );
    assert.ok(document);
    const form = new FormData();
    form.set('documentId', document.id);
    form.set('file', new File([uploaded], 'statuts.pdf'));
    const stored = await send(server.url, 'POST', `/v1/applications/${draft.id}/attachments`, {
      token: tokens.representative,
      raw: form,
    });
    assert.equal(stored.status, 201, stored.text);
    draftUpload = stored.json as Attachment;
  });
  after(() => server.stop());

  test('admins only: 401 without a token, 403 for every other role, 404 for an unknown account', async () => {
    assert.equal((await send(server.url, 'GET', exportPath(REP.id))).status, 401);
    assert.equal((await send(server.url, 'POST', erasePath(REP.id), { json: { reason: 'x' } })).status, 401);
    for (const key of ['citizen', 'member', 'representative', 'reviewer', 'moderator'] as const) {
      const read = await send(server.url, 'GET', exportPath(REP.id), { token: tokens[key] });
      assert.equal(read.status, 403, `${key} export`);
      assert.equal((read.json as Problem).code, 'forbidden');
      const erase = await send(server.url, 'POST', erasePath(DEMO_ACCOUNTS.citizen.id), {
        token: tokens[key],
        json: { reason: 'Essai' },
      });
      assert.equal(erase.status, 403, `${key} erase`);
    }
    assert.equal(
      (await readAudit(server.db, { action: 'privacy.export' })).length,
      0,
      'a refusal writes nothing',
    );
    assert.equal((await readAudit(server.db, { action: 'privacy.erase' })).length, 0);
    const missing = await send(server.url, 'GET', exportPath('acc_privacy_missing'), { token: tokens.admin });
    assert.equal(missing.status, 404, missing.text);
    const noReason = await send(server.url, 'POST', erasePath(REP.id), { token: tokens.admin, json: {} });
    assert.equal(noReason.status, 422);
  });

  test('the export holds the account, memberships, contributions, registrations, applications and audit lines', async () => {
    const answer = await send(server.url, 'GET', exportPath(REP.id), { token: tokens.admin });
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.headers.get('cache-control') ?? '', /no-store/);
    const data = answer.json as PersonalDataExport;
    assert.deepEqual(
      { id: data.account.id, email: data.account.email, name: data.account.displayName },
      { id: REP.id, email: REP.email, name: REP.displayName },
    );
    assert.deepEqual(data.account.roles, REP.roles);
    assert.equal(data.account.erasedAt, undefined);
    assert.doesNotMatch(answer.text, /scrypt|password/i, 'never the password hash');
    assert.deepEqual(data.memberships, REP.memberships);
    assert.ok(data.tokens.length >= 1 && data.tokens.every((t) => !('hash' in t)));

    const written = await server.db.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM contributions WHERE account_id = ?',
      [REP.id],
    );
    assert.ok(Number(written?.n) > 0, 'the seed has contributions by the representative');
    assert.equal(data.contributions.length, Number(written?.n));

    assert.deepEqual(
      data.registrations.map((r) => r.id),
      [registration.id],
      'the registration naming their account',
    );
    const mine = data.applications.find((a) => a.id === draft.id);
    assert.ok(mine, 'the draft they started');
    assert.deepEqual(mine.involvement, ['created', 'uploaded']);
    assert.deepEqual(
      mine.attachments.map((a) => a.id),
      [draftUpload.id],
    );
    const submitted = data.applications.find((a) => a.id === F.applications.awardedOfRepresented);
    assert.ok(submitted, 'an application they submitted');
    assert.ok(submitted.involvement.includes('submitted'));
    assert.ok(submitted.attachments.length > 0, 'with its attachments’ metadata');
    assert.equal(submitted.status, 'awarded');
    assert.ok(
      submitted.retainedUntil && submitted.decidedAt && submitted.retainedUntil > submitted.decidedAt,
    );

    assert.ok(data.audit.some((line) => line.action === 'auth.signIn' && line.actorId === REP.id));
    const exported = data.audit.find((line) => line.action === 'privacy.export');
    assert.ok(exported, 'the export lists itself');
    assert.equal(exported.actorId, DEMO_ACCOUNTS.admin.id);
    assert.deepEqual(exported.target, { type: 'account', id: REP.id });
    const [line] = await readAudit(server.db, { action: 'privacy.export', targetId: REP.id });
    assert.equal(line?.accountId, DEMO_ACCOUNTS.admin.id);
    assert.match(line?.requestId ?? '', /^req_/);
  });

  test('erasure tombstones the account, anonymises what stays, deletes draft uploads, and is audited', async () => {
    const reason = 'Demande de la personne du 2026-12-01, réf. 42';
    const storedAnswers = async () =>
      (await server.db.all('SELECT idem_key FROM idempotency_keys WHERE scope = ?', [`account:${REP.id}`]))
        .length;
    assert.ok((await storedAnswers()) > 0, 'the keyed registration stored its answer');
    const answer = await send(server.url, 'POST', erasePath(REP.id), {
      token: tokens.admin,
      json: { reason },
      headers: { 'idempotency-key': 'erase-representative' },
    });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.json as ErasureReport;
    assert.equal(report.accountId, REP.id);
    assert.ok(report.tokensRevoked >= 1);
    assert.equal(report.membershipsRemoved, REP.memberships.length);
    assert.ok(report.contributionsAnonymised > 0);
    assert.equal(report.registrationsAnonymised, 1);
    assert.ok(report.applicationsAnonymised > 0, 'the applications they submitted');
    assert.equal(report.attachmentsRemoved, 1, 'the draft upload');
    assert.equal(report.filesDeleted, 1);
    assert.deepEqual(report.documentsRetained, [], 'they uploaded nothing to a submitted application');
    assert.equal(await storedAnswers(), 0, 'no stored answer of theirs is left');

    // A replay with the same key answers the same report and erases nothing twice.
    const replay = await send(server.url, 'POST', erasePath(REP.id), {
      token: tokens.admin,
      json: { reason },
      headers: { 'idempotency-key': 'erase-representative' },
    });
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.json, report);

    const path = storedFilePath(server.dataDir, sha256Hex(uploaded));
    for (let i = 0; i < 50 && existsSync(path); i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(existsSync(path), false, 'the uploaded file is deleted');

    // Signed out everywhere, and the old password opens nothing.
    assert.equal(
      (await send(server.url, 'GET', '/v1/auth/me', { token: tokens.representative })).status,
      401,
    );
    const again = await send(server.url, 'POST', '/v1/auth/token', {
      json: { email: REP.email, password: REP.password },
    });
    assert.equal(again.status, 401);

    const after = (await send(server.url, 'GET', exportPath(REP.id), { token: tokens.admin }))
      .json as PersonalDataExport;
    assert.equal(after.account.email, tombstoneEmail(REP.id));
    assert.equal(after.account.displayName, ERASED_DISPLAY_NAME);
    assert.equal(after.account.erasedAt, report.erasedAt);
    assert.deepEqual(after.account.roles, []);
    assert.deepEqual(after.memberships, []);
    assert.ok(after.tokens.every((t) => t.revokedAt !== undefined));
    assert.ok(!JSON.stringify(after).includes(REP.email), 'the e-mail is gone');
    assert.equal(after.contributions.length, report.contributionsAnonymised, 'contributions keep their text');
    assert.ok(
      after.contributions.every((c) =>
        c.author.participantType === 'association'
          ? c.author.displayName !== REP.displayName
          : c.author.displayName === ANONYMOUS_AUTHOR,
      ),
    );
    assert.equal(after.applications.find((a) => a.id === draft.id)?.attachments.length ?? 0, 0);
    const erased = after.audit.find((line) => line.action === 'privacy.erase');
    assert.equal(erased?.reason, reason);
    assert.equal(erased?.actorId, DEMO_ACCOUNTS.admin.id);

    // What others see.
    const contribution = after.contributions.find((c) => c.moderation.state === 'published');
    if (contribution) {
      const shown = await send(server.url, 'GET', `/v1/contributions/${contribution.id}`);
      assert.equal(shown.status, 200, shown.text);
      assert.notEqual((shown.json as Contribution).author.displayName, REP.displayName);
    }
    const reg = await send(server.url, 'GET', `/v1/registrations/${registration.id}`, {
      token: tokens.member,
    });
    assert.equal(reg.status, 200, reg.text);
    assert.deepEqual((reg.json as Registration).participant, { name: ERASED_PARTICIPANT });
    const unlinked = await server.db.one<{ participant_account_id: string | null; status: string }>(
      'SELECT participant_account_id, status FROM training_registrations WHERE id = ?',
      [registration.id],
    );
    assert.deepEqual(unlinked, { participant_account_id: null, status: registration.status });
    const awarded = await send(server.url, 'GET', `/v1/applications/${F.applications.awardedOfRepresented}`, {
      token: tokens.member,
    });
    assert.equal((awarded.json as Application).submittedBy?.displayName, ERASED_DISPLAY_NAME);
    assert.ok(!(await server.db.one('SELECT 1 FROM accounts WHERE display_name = ?', [REP.displayName])));

    const [line, ...more] = await readAudit(server.db, { action: 'privacy.erase', targetId: REP.id });
    assert.ok(line && more.length === 0, 'one audit line');
    assert.equal(line.reason, reason);
    assert.equal(line.details?.filesDeleted, 1);
    assert.doesNotMatch(JSON.stringify(line.details), /@/);
  });

  test('an erased account cannot be erased again; an admin cannot erase their own', async () => {
    const twice = await send(server.url, 'POST', erasePath(REP.id), {
      token: tokens.admin,
      json: { reason: 'x' },
    });
    assert.equal(twice.status, 409);
    assert.equal((twice.json as Problem).code, 'invalid_state');
    const self = await send(server.url, 'POST', erasePath(DEMO_ACCOUNTS.admin.id), {
      token: tokens.admin,
      json: { reason: 'x' },
    });
    assert.equal(self.status, 409);
    assert.equal((await send(server.url, 'GET', '/v1/auth/me', { token: tokens.admin })).status, 200);
  });

  test('documents of a submitted application stay under the retention rule', async () => {
    const other = {
      id: 'acc_privacy_uploader',
      email: 'uploader@privacy.nassij.ma',
      password: 'uploader-privacy-2026',
      displayName: 'Uploader',
      roles: ['citizen' as const],
      memberships: [],
    };
    await createAccount(server.db, other, new Date());
    const row = await server.db.one<{ id: string; application_id: string }>(
      'SELECT id, application_id FROM attachments WHERE application_id = ?',
      [F.applications.awardedOfRepresented],
    );
    assert.ok(row);
    await server.db.write('UPDATE attachments SET uploaded_by = ? WHERE id = ?', [other.id, row.id]);
    const answer = await send(server.url, 'POST', erasePath(other.id), {
      token: tokens.admin,
      json: { reason: 'Demande' },
    });
    assert.equal(answer.status, 200, answer.text);
    const report = answer.json as ErasureReport;
    assert.equal(report.attachmentsRemoved, 0);
    assert.equal(report.documentsRetained.length, 1);
    const kept = report.documentsRetained[0];
    assert.equal(kept?.applicationId, F.applications.awardedOfRepresented);
    assert.equal(kept?.status, 'awarded');
    assert.ok(kept?.retainedUntil, 'until the end of the retention after the award');
    assert.ok(await server.db.one('SELECT 1 FROM attachments WHERE id = ? AND purged_at IS NULL', [row.id]));
  });

  test('a reviewer’s name leaves the reviews they wrote, which keep their scores', async () => {
    const reviewer = DEMO_ACCOUNTS.reviewer;
    const before = await server.db.one<{ n: number }>(
      'SELECT COUNT(*) AS n FROM reviews WHERE reviewer_id = ?',
      [reviewer.id],
    );
    assert.ok(Number(before?.n) > 0, 'the seed has reviews by the demo reviewer');
    const answer = await send(server.url, 'POST', erasePath(reviewer.id), {
      token: tokens.admin,
      json: { reason: 'Fin de mission, demande de la personne' },
    });
    assert.equal(answer.status, 200, answer.text);
    assert.equal((answer.json as ErasureReport).reviewsAnonymised, Number(before?.n));
    assert.equal(
      (
        await server.db.one<{ n: number }>('SELECT COUNT(*) AS n FROM reviews WHERE reviewer_name = ?', [
          reviewer.displayName,
        ])
      )?.n,
      0,
    );
  });
});

describe('containsPattern', () => {
  let server: Server;
  before(async () => {
    server = await tempServer({ areas: [], seed: 'none' });
  });
  after(async () => {
    await server.stop();
  });

  test('lowercases, keeps plain e-mail characters and widens the rest, on both dialects', async () => {
    assert.equal(containsPattern('Amina_B+x@Example.MA'), '%amina%b%x@example.ma%');
    assert.equal(containsPattern('ref_0001'), '%ref%0001%');
    assert.equal(containsPattern('زينب@exemple.ma'), '%%@exemple.ma%');
    // The same rows match on SQLite and PostgreSQL: lower() on the column, an ASCII-only pattern.
    const matches = async (text: string, value: string) =>
      (
        await server.db.one<{ n: number }>(
          'SELECT COUNT(*) AS n FROM (SELECT lower(?) AS t) x WHERE x.t LIKE ?',
          [text, containsPattern(value)],
        )
      )?.n;
    assert.equal(
      await matches('{"participant":{"email":"AMINA_B+X@example.ma"}}', 'amina_b+x@EXAMPLE.ma'),
      1,
    );
    assert.equal(await matches('{"participant":{"email":"other@example.ma"}}', 'amina@example.ma'), 0);
  });
});
