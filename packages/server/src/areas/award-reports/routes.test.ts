import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Award,
  AwardReport,
  AwardReportList,
  Call,
  Disbursement,
  DisbursementList,
  Problem,
} from '@nassij/contract';
import { casablancaDate } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { isFileReferenced } from '../applications/files.js';
import { isOverdue } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const DAY = 86_400_000;
const PDF = new TextEncoder().encode('%PDF-1.4\n% rapport d’étape\n1 0 obj << >> endobj\n%%EOF\n');

/** A multipart body of a report: its summary and, when given, a file. */
function reportForm(summary: string, file?: { bytes: Uint8Array<ArrayBuffer>; name: string }): FormData {
  const form = new FormData();
  form.set('summary', summary);
  if (file) form.set('file', new Blob([file.bytes]), file.name);
  return form;
}

describe('reports and disbursements after an award', () => {
  let server: Server;
  // The server's clock: the real time, moved forward by one test to see a report fall overdue.
  let shiftMs = 0;
  const tokens: Record<string, string> = {};
  /** The reports the demo association owes, read once at the start. */
  let owed: AwardReport[];
  /** An award of a call the demo ministry runs, and that call. */
  let ministryAward: Award;

  const as = (who: keyof typeof DEMO_ACCOUNTS) => ({ token: tokens[who] });
  const reportsOf = async (awardId: string, who: keyof typeof DEMO_ACCOUNTS) => {
    const answer = await send(server.url, 'GET', `/v1/awards/${awardId}/reports`, as(who));
    assert.equal(answer.status, 200, answer.text);
    return (answer.json as AwardReportList).items;
  };
  const submit = (report: AwardReport, who: keyof typeof DEMO_ACCOUNTS, form: FormData) =>
    send(server.url, 'POST', `/v1/awards/${report.awardId}/reports/${report.requirementId}`, {
      ...as(who),
      raw: form,
    });
  const review = (report: AwardReport, who: keyof typeof DEMO_ACCOUNTS, json: unknown) =>
    send(server.url, 'POST', `/v1/awards/${report.awardId}/reports/${report.requirementId}/review`, {
      ...as(who),
      json,
    });

  before(async () => {
    server = await tempServer({ rateLimit: false, clock: () => new Date(Date.now() + shiftMs) });
    for (const who of [
      'citizen',
      'member',
      'representative',
      'admin',
      'ministryCallManager',
      'regionCallManager',
    ] as const)
      tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);

    const mine = await send(
      server.url,
      'GET',
      `/v1/associations/${F.associations.represented}/reports`,
      as('representative'),
    );
    assert.equal(mine.status, 200, mine.text);
    owed = (mine.json as AwardReportList).items;

    const awards = (await send(server.url, 'GET', '/v1/awards?limit=100')).json as { items: Award[] };
    for (const award of awards.items) {
      const call = (await send(server.url, 'GET', `/v1/calls/${award.callId}`)).json as Call;
      if (call.funder.organisationId === F.organisations.ministry) {
        ministryAward = award;
        break;
      }
    }
    assert.ok(ministryAward, 'the demo ministry has an award');
  });
  after(() => server.stop());

  test('an association owes one report per requirement of each award, in due date order', async () => {
    assert.ok(owed.length >= 2);
    assert.ok(owed.every((r) => r.associationId === F.associations.represented));
    const dates = owed.map((r) => r.dueOn);
    assert.deepEqual(dates, [...dates].sort());
    const award = owed[0]?.awardId ?? '';
    const call = (await send(server.url, 'GET', `/v1/calls/${owed[0]?.callId}`)).json as Call;
    assert.deepEqual(
      (await reportsOf(award, 'member')).map((r) => r.requirementId).sort(),
      (call.reports ?? []).map((r) => r.id).sort(),
      'the plain member reads them too',
    );
    const today = casablancaDate(new Date());
    for (const report of owed)
      assert.equal(
        report.overdue,
        report.dueOn < today && (report.status === 'due' || report.status === 'returned'),
        report.id,
      );
    assert.ok(
      owed.some((r) => r.overdue),
      'the demo association has an overdue report',
    );
  });

  test('only members and the funding organisation read them', async () => {
    const report = owed[0] as AwardReport;
    const call = (await send(server.url, 'GET', `/v1/calls/${report.callId}`)).json as Call;
    assert.notEqual(call.funder.organisationId, F.organisations.regionalCouncil);
    for (const path of [
      `/v1/awards/${report.awardId}/reports`,
      `/v1/awards/${report.awardId}/disbursements`,
    ]) {
      for (const who of ['citizen', 'regionCallManager'] as const) {
        const answer = await send(server.url, 'GET', path, as(who));
        assert.equal(answer.status, 403, `${who} ${path}: ${answer.text}`);
        assert.equal((answer.json as Problem).code, 'forbidden');
      }
      assert.equal((await send(server.url, 'GET', path)).status, 401);
    }
    const missing = F.missing.application.replace(/^app_/, 'awd_');
    const unknown = await send(server.url, 'GET', `/v1/awards/${missing}/reports`, as('representative'));
    assert.equal(unknown.status, 404, unknown.text);

    const others = await send(
      server.url,
      'GET',
      `/v1/associations/${F.associations.represented}/reports`,
      as('regionCallManager'),
    );
    assert.equal(others.status, 403, others.text);
    const nobody = await send(
      server.url,
      'GET',
      `/v1/associations/${F.missing.association}/reports`,
      as('admin'),
    );
    assert.equal(nobody.status, 404, nobody.text);
    const byCall = await send(
      server.url,
      'GET',
      `/v1/calls/${report.callId}/reports`,
      as('regionCallManager'),
    );
    assert.equal(byCall.status, 403, byCall.text);
  });

  test('submit, receive, return, submit again, accept: each step, and each refusal', async () => {
    const report = owed.find((r) => r.status === 'due' && r.overdue);
    assert.ok(report, 'an overdue report of the demo association');

    const byMember = await submit(report, 'member', reportForm('Rapport du membre'));
    assert.equal(byMember.status, 403, 'a plain member does not submit');
    const empty = await submit(report, 'representative', reportForm('   '));
    assert.equal(empty.status, 422, empty.text);
    assert.ok((empty.json as Problem).errors?.some((e) => e.path === '/summary'));
    const binary = await submit(
      report,
      'representative',
      reportForm('Rapport', { bytes: new Uint8Array([0, 1, 2, 0, 255]), name: 'rapport.bin' }),
    );
    assert.equal(binary.status, 415, binary.text);
    assert.equal((binary.json as Problem).code, 'file_type_not_allowed');

    const notYet = await review(report, 'admin', { outcome: 'accepted' });
    assert.equal(notYet.status, 409, 'nothing submitted to review');
    assert.equal((notYet.json as Problem).code, 'invalid_state');

    const sent = await submit(
      report,
      'representative',
      reportForm('Activités du semestre', { bytes: PDF, name: 'rapport.pdf' }),
    );
    assert.equal(sent.status, 200, sent.text);
    const submitted = sent.json as AwardReport;
    assert.equal(submitted.id, report.id);
    assert.equal(submitted.status, 'submitted');
    assert.equal(submitted.overdue, false);
    assert.equal(submitted.submission?.by, F.accounts.representative);
    assert.equal(submitted.submission?.attachment?.mediaType, 'application/pdf');
    assert.equal(submitted.submission?.attachment?.size, PDF.byteLength);
    assert.equal(submitted.submission?.attachment?.fileName, 'rapport.pdf');
    const storedFile = async () =>
      (
        await server.db.one<{ file_sha256: string | null }>(
          'SELECT file_sha256 FROM award_reports WHERE award_id = ? AND requirement_id = ?',
          [report.awardId, report.requirementId],
        )
      )?.file_sha256;
    assert.equal(
      await storedFile(),
      submitted.submission?.attachment?.fileId,
      'the file is findable by its id',
    );
    const hex = (submitted.submission?.attachment?.fileId ?? '').replace(/^sha256:/, '');
    assert.equal(await isFileReferenced(server.db, hex), true, 'the sweep keeps a report’s file');
    const twice = await submit(report, 'representative', reportForm('Encore'));
    assert.equal(twice.status, 409, twice.text);
    assert.equal((twice.json as Problem).code, 'invalid_state');

    const call = (await send(server.url, 'GET', `/v1/calls/${report.callId}`)).json as Call;
    const submitLine = (await readAudit(server.db, { action: 'awardReport.submit', targetId: report.id }))[0];
    assert.equal(submitLine?.accountId, F.accounts.representative);
    assert.deepEqual(submitLine?.details?.before, { status: 'due' });
    assert.equal(submitLine?.details?.organisationId, call.funder.organisationId);

    const otherOrganisation = await review(report, 'regionCallManager', { outcome: 'accepted' });
    assert.equal(otherOrganisation.status, 403, otherOrganisation.text);
    const byRepresentative = await review(report, 'representative', { outcome: 'accepted' });
    assert.equal(byRepresentative.status, 403, byRepresentative.text);
    const noReason = await review(report, 'admin', { outcome: 'returned' });
    assert.equal(noReason.status, 422, noReason.text);
    assert.ok((noReason.json as Problem).errors?.some((e) => e.path === '/reason'));

    const received = await review(report, 'admin', { outcome: 'received' });
    assert.equal(received.status, 200, received.text);
    assert.equal((received.json as AwardReport).status, 'submitted');
    assert.equal((received.json as AwardReport).review?.outcome, 'received');

    const reason = 'Les factures manquent';
    const returned = await review(report, 'admin', { outcome: 'returned', reason });
    assert.equal(returned.status, 200, returned.text);
    const back = returned.json as AwardReport;
    assert.equal(back.status, 'returned');
    assert.equal(back.review?.reason, reason);
    assert.equal(back.overdue, true, 'owed again, and its date has passed');
    const reviewLine = (await readAudit(server.db, { action: 'awardReport.review', targetId: report.id }))[0];
    assert.equal(reviewLine?.reason, reason);
    assert.deepEqual(reviewLine?.details?.after, { status: 'returned' });
    const reviewReturned = await review(report, 'admin', { outcome: 'accepted' });
    assert.equal(reviewReturned.status, 409, 'a returned report waits for a new submission');

    const again = await submit(report, 'representative', reportForm('Avec les factures'));
    assert.equal(again.status, 200, again.text);
    assert.equal((again.json as AwardReport).review, undefined, 'the new submission awaits a new review');
    assert.equal(await storedFile(), null, 'sent again without a file');
    const accepted = await review(report, 'admin', { outcome: 'accepted' });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal((accepted.json as AwardReport).status, 'accepted');
    assert.equal((await review(report, 'admin', { outcome: 'returned', reason })).status, 409);
    assert.equal((await submit(report, 'representative', reportForm('Encore'))).status, 409);
    const listed = (await reportsOf(report.awardId, 'member')).find((r) => r.id === report.id);
    assert.equal(listed?.status, 'accepted');
  });

  test("the funder's staff list and review their call's reports; filters by status and overdue", async () => {
    const path = `/v1/calls/${ministryAward.callId}/reports`;
    const all = await send(server.url, 'GET', path, as('ministryCallManager'));
    assert.equal(all.status, 200, all.text);
    const items = (all.json as AwardReportList).items;
    assert.ok(items.length > 0 && items.every((r) => r.callId === ministryAward.callId));

    const waiting = (
      (await send(server.url, 'GET', `${path}?status=submitted`, as('ministryCallManager')))
        .json as AwardReportList
    ).items;
    assert.deepEqual(
      waiting.map((r) => r.id),
      items.filter((r) => r.status === 'submitted').map((r) => r.id),
    );
    const report = waiting[0];
    assert.ok(report, 'the demo ministry has a report to review');
    const accepted = await review(report, 'ministryCallManager', { outcome: 'accepted' });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal((accepted.json as AwardReport).review?.by, F.accounts.ministryCallManager);

    const late = (
      (await send(server.url, 'GET', `${path}?overdue=true`, as('ministryCallManager')))
        .json as AwardReportList
    ).items;
    assert.deepEqual(
      late.map((r) => r.id),
      items.filter((r) => r.overdue).map((r) => r.id),
    );
    const bad = await send(server.url, 'GET', `${path}?status=lost`, as('ministryCallManager'));
    assert.equal(bad.status, 422, bad.text);
  });

  test('disbursements: the funder records tranches up to the amount awarded, never beyond', async () => {
    const path = `/v1/awards/${ministryAward.id}/disbursements`;
    const before = await send(server.url, 'GET', path, as('ministryCallManager'));
    assert.equal(before.status, 200, before.text);
    const list = before.json as DisbursementList;
    assert.deepEqual(list.awarded, ministryAward.amount);
    const minor = (amount: string) => Math.round(Number(amount) * 100);
    const remaining = minor(list.awarded.amount) - minor(list.disbursed.amount);
    assert.ok(remaining > 0, 'something remains to be paid');
    const amount = (cents: number) => ({ amount: (cents / 100).toFixed(2), currency: 'MAD' });
    const tranche = (cents: number) => ({
      amount: amount(cents),
      paidOn: casablancaDate(new Date()),
      reference: 'OP-T-1',
    });

    const tooMuch = await send(server.url, 'POST', path, {
      ...as('ministryCallManager'),
      json: tranche(remaining + 1),
    });
    assert.equal(tooMuch.status, 422, tooMuch.text);
    assert.ok((tooMuch.json as Problem).errors?.some((e) => e.path === '/amount' && e.code === 'too_big'));
    const zero = await send(server.url, 'POST', path, { ...as('ministryCallManager'), json: tranche(0) });
    assert.equal(zero.status, 422, zero.text);
    const otherOrganisation = await send(server.url, 'POST', path, {
      ...as('regionCallManager'),
      json: tranche(1),
    });
    assert.equal(otherOrganisation.status, 403, otherOrganisation.text);
    const byRepresentative = await send(server.url, 'POST', path, {
      ...as('representative'),
      json: tranche(1),
    });
    assert.equal(byRepresentative.status, 403, byRepresentative.text);

    const paid = await send(server.url, 'POST', path, {
      ...as('ministryCallManager'),
      json: tranche(remaining),
    });
    assert.equal(paid.status, 201, paid.text);
    const recorded = paid.json as Disbursement;
    assert.equal(recorded.tranche, list.items.length + 1);
    assert.equal(recorded.recordedBy, F.accounts.ministryCallManager);
    const afterPaid = (await send(server.url, 'GET', path, as('ministryCallManager')))
      .json as DisbursementList;
    assert.deepEqual(afterPaid.disbursed, afterPaid.awarded, 'paid in full');
    assert.deepEqual(
      afterPaid.items.map((d) => d.tranche),
      afterPaid.items.map((_, index) => index + 1),
    );
    const oneMore = await send(server.url, 'POST', path, { ...as('ministryCallManager'), json: tranche(1) });
    assert.equal(oneMore.status, 422, 'nothing remains');

    const line = (await readAudit(server.db, { action: 'award.disburse', targetId: ministryAward.id }))[0];
    assert.equal(line?.accountId, F.accounts.ministryCallManager);
    assert.equal(line?.details?.organisationId, F.organisations.ministry);
    assert.deepEqual(line?.details?.before, { disbursed: list.disbursed.amount });
    assert.deepEqual(line?.details?.after, { disbursed: list.awarded.amount });
  });

  test('a report still in time falls overdue once the clock passes its date in Casablanca', async () => {
    const path = `/v1/calls/${ministryAward.callId}/reports`;
    const items = ((await send(server.url, 'GET', path, as('ministryCallManager'))).json as AwardReportList)
      .items;
    const inTime = items.find((r) => r.status === 'due' && !r.overdue);
    assert.ok(inTime, 'a report not due yet');
    try {
      shiftMs = Date.parse(`${inTime.dueOn}T12:00:00Z`) + 2 * DAY - Date.now();
      // A token of the moved day: the one signed in at the real time would have expired by then.
      const manager = DEMO_ACCOUNTS.ministryCallManager;
      const token = await signInAs(server.url, manager.email, manager.password);
      const later = (
        (await send(server.url, 'GET', `${path}?overdue=true`, { token })).json as AwardReportList
      ).items;
      assert.equal(later.find((r) => r.id === inTime.id)?.overdue, true);
    } finally {
      shiftMs = 0;
    }
    const now = (await send(server.url, 'GET', `${path}?overdue=false`, as('ministryCallManager')))
      .json as AwardReportList;
    assert.ok(now.items.some((r) => r.id === inTime.id));
  });

  test('overdue starts the day after the due date in Casablanca, and never for a submitted report', () => {
    // 30 June 2026 23:30 UTC is already 1 July 00:30 in Casablanca (UTC+1).
    assert.equal(isOverdue('2026-06-30', 'due', new Date('2026-06-30T22:30:00Z')), false);
    assert.equal(isOverdue('2026-06-30', 'due', new Date('2026-06-30T23:30:00Z')), true);
    assert.equal(isOverdue('2026-06-30', 'returned', new Date('2026-07-02T12:00:00Z')), true);
    assert.equal(isOverdue('2026-06-30', 'submitted', new Date('2026-07-02T12:00:00Z')), false);
    assert.equal(isOverdue('2026-06-30', 'accepted', new Date('2026-07-02T12:00:00Z')), false);
  });
});
