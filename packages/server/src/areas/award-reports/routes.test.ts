import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Award,
  AwardReport,
  AwardReportList,
  AwardReportPage,
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
  /** Every report of a paged list, following `nextCursor` with pages of `limit`; each page checked. */
  const allPages = async (path: string, auth: { token?: string | undefined }, limit = 100) => {
    const items: AwardReport[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 1000; page++) {
      const query = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const answer = await send(server.url, 'GET', `${path}${path.includes('?') ? '&' : '?'}${query}`, auth);
      assert.equal(answer.status, 200, answer.text);
      const body = answer.json as AwardReportPage;
      assert.ok(body.items.length <= limit);
      assert.ok(body.nextCursor === null || body.items.length === limit, 'a cursor only after a full page');
      items.push(...body.items);
      cursor = body.nextCursor;
      if (cursor === null) return items;
    }
    throw new Error(`${path} never ends`);
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

    owed = await allPages(`/v1/associations/${F.associations.represented}/reports`, as('representative'));

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

  test('an association owes one report per requirement of each award, award by award in due date order', async () => {
    assert.ok(owed.length >= 2);
    assert.ok(owed.every((r) => r.associationId === F.associations.represented));
    // Each award's reports together, and as the award's own list gives them (in due date order).
    const awardIds = [...new Set(owed.map((r) => r.awardId))];
    assert.deepEqual(
      owed.map((r) => r.awardId),
      awardIds.flatMap((id) => owed.filter((r) => r.awardId === id).map(() => id)),
    );
    for (const id of awardIds)
      assert.deepEqual(
        owed.filter((r) => r.awardId === id),
        await reportsOf(id, 'representative'),
      );
    // The most recently decided award first.
    const decided = new Map(
      (
        (await send(server.url, 'GET', `/v1/awards?associationId=${F.associations.represented}&limit=100`))
          .json as {
          items: Award[];
        }
      ).items.map((a) => [a.id, a.decidedAt]),
    );
    const order = awardIds.map((id) => decided.get(id) ?? '');
    assert.deepEqual(order, [...order].sort().reverse());
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
    const items = await allPages(path, as('ministryCallManager'));
    assert.ok(items.length > 0 && items.every((r) => r.callId === ministryAward.callId));

    const waiting = await allPages(`${path}?status=submitted`, as('ministryCallManager'));
    assert.deepEqual(
      waiting.map((r) => r.id),
      items.filter((r) => r.status === 'submitted').map((r) => r.id),
    );
    const report = waiting[0];
    assert.ok(report, 'the demo ministry has a report to review');
    const accepted = await review(report, 'ministryCallManager', { outcome: 'accepted' });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal((accepted.json as AwardReport).review?.by, F.accounts.ministryCallManager);

    const afterReview = await allPages(path, as('ministryCallManager'));
    const late = await allPages(`${path}?overdue=true`, as('ministryCallManager'));
    assert.deepEqual(
      late.map((r) => r.id),
      afterReview.filter((r) => r.overdue).map((r) => r.id),
    );
    const lateOrAccepted = await allPages(
      `${path}?overdue=false&status=accepted&status=returned`,
      as('ministryCallManager'),
    );
    assert.deepEqual(
      lateOrAccepted.map((r) => r.id),
      afterReview.filter((r) => !r.overdue && ['accepted', 'returned'].includes(r.status)).map((r) => r.id),
    );
    assert.ok(
      lateOrAccepted.some((r) => r.id === report.id),
      'the report just accepted',
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
    const items = await allPages(path, as('ministryCallManager'));
    const inTime = items.find((r) => r.status === 'due' && !r.overdue);
    assert.ok(inTime, 'a report not due yet');
    try {
      shiftMs = Date.parse(`${inTime.dueOn}T12:00:00Z`) + 2 * DAY - Date.now();
      // A token of the moved day: the one signed in at the real time would have expired by then.
      const manager = DEMO_ACCOUNTS.ministryCallManager;
      const token = await signInAs(server.url, manager.email, manager.password);
      const later = await allPages(`${path}?overdue=true`, { token });
      assert.equal(later.find((r) => r.id === inTime.id)?.overdue, true);
    } finally {
      shiftMs = 0;
    }
    const now = await allPages(`${path}?overdue=false`, as('ministryCallManager'));
    assert.ok(now.some((r) => r.id === inTime.id));
  });

  test('small pages of a call and of an association give every report once, in order, to a null cursor', async () => {
    for (const [path, auth] of [
      [`/v1/calls/${ministryAward.callId}/reports`, as('ministryCallManager')],
      [`/v1/associations/${F.associations.represented}/reports`, as('representative')],
      [`/v1/calls/${ministryAward.callId}/reports?status=due&status=submitted`, as('ministryCallManager')],
    ] as const) {
      const whole = await allPages(path, auth);
      assert.ok(whole.length > 2, `${path}: more than one page of 2`);
      const paged = await allPages(path, auth, 2);
      assert.deepEqual(
        paged.map((r) => r.id),
        whole.map((r) => r.id),
        `${path}: same order, no repeat, no gap`,
      );
      assert.equal(new Set(paged.map((r) => r.id)).size, paged.length);
    }
    // A cursor of another list's sort, or a damaged one, is refused.
    const damaged = await send(
      server.url,
      'GET',
      `/v1/calls/${ministryAward.callId}/reports?cursor=bm90LWEtY3Vyc29y`,
      as('ministryCallManager'),
    );
    assert.equal(damaged.status, 422, damaged.text);
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
