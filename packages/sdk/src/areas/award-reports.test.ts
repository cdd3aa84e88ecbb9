// `client.awardReports` against the real reference server (demo seed), never a mock: the demo association's
// representative submits a report, the funder returns it, the association sends it again and it is accepted;
// a report's file is scanned, then downloaded; the demo ministry records a tranche; another organisation's
// staff are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Award, Call, ScanState } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError, NassijValidationError } from '../errors.js';
import { type AwardReportsArea, awardReportsArea } from './award-reports.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const PEOPLE = ['representative', 'member', 'admin', 'ministryCallManager', 'regionCallManager'] as const;
let server: Server;
const clients = {} as Record<(typeof PEOPLE)[number], NassijClient>;
const reports = {} as Record<(typeof PEOPLE)[number], AwardReportsArea>;
const PDF = new TextEncoder().encode('%PDF-1.4\n% bilan\n1 0 obj << >> endobj\n%%EOF\n');

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const who of PEOPLE) {
    clients[who] = createClient({ baseUrl: server.url });
    await clients[who].auth.signIn(DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
    reports[who] = awardReportsArea(clients[who].transport);
  }
});
after(() => server.stop());

/** What `promise` rejected with; fails the test when it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value).slice(0, 200)}`),
    (error: unknown) => error,
  );
}

function assertApiError(error: unknown, status: number, code: string): void {
  assert.ok(error instanceof NassijApiError, String(error));
  assert.equal(error.status, status);
  assert.equal(error.code, code);
}

describe('client.awardReports', () => {
  test('a report submitted with a file, returned with a reason, sent again and accepted', async () => {
    const owed = await reports.representative.ofAssociation(F.associations.represented, {
      status: ['due'],
      overdue: true,
    });
    const report = owed.items[0];
    assert.ok(report, 'the demo association owes an overdue report');
    assert.ok(owed.items.every((r) => r.status === 'due' && r.overdue));

    const refused = await rejection(
      reports.representative.submit(report.awardId, report.requirementId, {
        summary: 'Bilan',
        file: { name: 'bilan.exe', type: 'application/x-msdownload', data: new Uint8Array([77, 90]) },
      }),
    );
    assert.ok(refused instanceof NassijValidationError, 'checked before sending');
    assertApiError(
      await rejection(reports.member.submit(report.awardId, report.requirementId, { summary: 'Bilan' })),
      403,
      'forbidden',
    );

    const sent = await reports.representative.submit(report.awardId, report.requirementId, {
      summary: 'Bilan du semestre',
      file: { name: 'bilan.pdf', type: 'application/pdf', data: PDF },
    });
    assert.equal(sent.status, 'submitted');
    assert.equal(sent.submission?.attachment?.fileName, 'bilan.pdf');
    assertApiError(
      await rejection(
        reports.representative.submit(report.awardId, report.requirementId, { summary: 'Encore' }),
      ),
      409,
      'invalid_state',
    );

    assertApiError(
      await rejection(
        reports.regionCallManager.review(report.awardId, report.requirementId, { outcome: 'accepted' }),
      ),
      403,
      'forbidden',
    );
    const returned = await reports.admin.review(report.awardId, report.requirementId, {
      outcome: 'returned',
      reason: 'Il manque les factures',
    });
    assert.equal(returned.status, 'returned');
    const again = await reports.representative.submit(report.awardId, report.requirementId, {
      summary: 'Avec les factures',
    });
    assert.equal(again.status, 'submitted');
    assert.equal(again.submission?.attachment, undefined, 'sent without a file this time');
    const accepted = await reports.admin.review(report.awardId, report.requirementId, {
      outcome: 'accepted',
    });
    assert.equal(accepted.status, 'accepted');
    const listed = await reports.member.list(report.awardId);
    assert.equal(listed.items.find((r) => r.id === report.id)?.status, 'accepted');
  });

  test("a report's file, once scanned clean, downloads as a Blob for the association's members", async () => {
    const owed = await reports.representative.ofAssociation(F.associations.represented, { status: ['due'] });
    const report = owed.items[0];
    assert.ok(report, 'the demo association still owes a report');
    const sent = await reports.representative.submit(report.awardId, report.requirementId, {
      summary: 'Bilan avec pièce',
      file: { name: 'bilan.pdf', type: 'application/pdf', data: PDF },
    });
    assert.equal(sent.submission?.attachment?.scanState, 'pending');
    let state: ScanState | undefined = sent.submission?.attachment?.scanState;
    for (let i = 0; i < 100 && state === 'pending'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const listed = await reports.member.list(report.awardId);
      state = listed.items.find((r) => r.id === report.id)?.submission?.attachment?.scanState;
    }
    assert.equal(state, 'clean');

    const file = await reports.member.downloadFile(report.awardId, report.requirementId);
    assert.ok(file instanceof Blob);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
    assert.equal(file.type, 'application/pdf');
    assertApiError(
      await rejection(reports.regionCallManager.downloadFile(report.awardId, report.requirementId)),
      403,
      'forbidden',
    );
  });

  test("the ministry records a tranche of its award, never beyond it; another organisation's staff may not", async () => {
    let award: Award | undefined;
    for await (const candidate of clients.admin.awards.iterate({})) {
      const call: Call = await clients.admin.calls.get(candidate.callId);
      if (call.funder.organisationId === F.organisations.ministry) {
        award = candidate;
        break;
      }
    }
    assert.ok(award, 'an award of the demo ministry');
    const { items, nextCursor } = await reports.ministryCallManager.ofCall(award.callId, { limit: 100 });
    assert.ok(items.length > 0 && items.every((r) => r.callId === award.callId));
    assert.equal(nextCursor, null, 'one page of 100 holds them all');
    // Pages of 2, followed to the end: the same reports in the same order.
    const iterated = await reports.ministryCallManager
      .iterateOfCall(award.callId, { limit: 2 })
      .collect({ limit: 1000 });
    assert.deepEqual(
      iterated.map((r) => r.id),
      items.map((r) => r.id),
    );
    const owed = await reports.representative
      .iterateOfAssociation(F.associations.represented, { limit: 1 })
      .collect({ limit: 1000 });
    assert.deepEqual(
      owed.map((r) => r.id),
      (await reports.representative.ofAssociation(F.associations.represented, { limit: 100 })).items.map(
        (r) => r.id,
      ),
    );

    const before = await reports.ministryCallManager.disbursements(award.id);
    const cents = (amount: string) => Math.round(Number(amount) * 100);
    const remaining = cents(before.awarded.amount) - cents(before.disbursed.amount);
    const tranche = (value: number) => ({
      amount: { amount: (value / 100).toFixed(2), currency: 'MAD' as const },
      paidOn: '2026-07-15',
      reference: 'OP-SDK-1',
    });
    const tooMuch = await rejection(
      reports.ministryCallManager.recordDisbursement(award.id, tranche(remaining + 1)),
    );
    assert.ok(tooMuch instanceof NassijValidationError, String(tooMuch));
    assert.ok(tooMuch.fieldErrors.some((e) => e.path === '/amount'));
    assertApiError(
      await rejection(reports.regionCallManager.recordDisbursement(award.id, tranche(1))),
      403,
      'forbidden',
    );
    const paid = await reports.ministryCallManager.recordDisbursement(award.id, tranche(100));
    assert.equal(paid.tranche, before.items.length + 1);
    const afterPaid = await reports.ministryCallManager.disbursements(award.id);
    assert.equal(cents(afterPaid.disbursed.amount), cents(before.disbursed.amount) + 100);
  });
});
