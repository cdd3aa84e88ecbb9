// The treasurer rule: the representative of the awarded association submits every report, its treasurer the
// financial ones only; a plain member none, and the treasurer of another association none of this one's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AwardReport, AwardReportList, Problem } from '@nassij/contract';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { addReportRequirement, awardOfApplication, createTestAccount, type TestAccount } from './fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const PDF = new TextEncoder().encode('%PDF-1.4\n% état des dépenses\n1 0 obj << >> endobj\n%%EOF\n');

function reportForm(summary: string, file?: { bytes: Uint8Array<ArrayBuffer>; name: string }): FormData {
  const form = new FormData();
  form.set('summary', summary);
  if (file) form.set('file', new Blob([file.bytes]), file.name);
  return form;
}

describe('the treasurer submits the financial reports', () => {
  let server: Server;
  let awardId: string;
  let treasurer: TestAccount;
  const tokens: Record<string, string> = {};

  const submit = (requirementId: string, who: string, form: FormData) =>
    send(server.url, 'POST', `/v1/awards/${awardId}/reports/${requirementId}`, {
      token: tokens[who],
      raw: form,
    });

  before(async () => {
    server = await tempServer({ rateLimit: false });
    const award = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
    awardId = award.awardId;
    // The demo calls ask for no financial report of its own: this one is due 90 days from now.
    await addReportRequirement(server.db, award.callId, 'financial', 'financial', new Date());
    treasurer = await createTestAccount(
      server.db,
      'reports_treasurer',
      {
        roles: ['citizen', 'association_member', 'association_treasurer'],
        memberships: [{ associationId: F.associations.represented, role: 'treasurer' }],
      },
      new Date(),
    );
    const elsewhere = await createTestAccount(
      server.db,
      'reports_treasurer_elsewhere',
      {
        roles: ['citizen', 'association_member', 'association_treasurer'],
        memberships: [{ associationId: F.associations.unaffiliated, role: 'treasurer' }],
      },
      new Date(),
    );
    tokens.treasurer = await signInAs(server.url, treasurer.email, treasurer.password);
    tokens.elsewhere = await signInAs(server.url, elsewhere.email, elsewhere.password);
    for (const who of ['member', 'representative'] as const)
      tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  });
  after(() => server.stop());

  test('a treasurer submits a financial report and is refused a progress report', async () => {
    const listed = await send(server.url, 'GET', `/v1/awards/${awardId}/reports`, {
      token: tokens.treasurer,
    });
    assert.equal(listed.status, 200, listed.text);
    const reports = (listed.json as AwardReportList).items;
    const financial = reports.find((r) => r.requirementId === 'financial');
    assert.equal(financial?.kind, 'financial');
    assert.equal(financial?.status, 'due');
    const progress = reports.find((r) => r.kind === 'progress');
    assert.ok(progress, 'the award owes a progress report');

    // Whatever the progress report's state, the treasurer is refused it before anything else.
    const refused = await submit(progress.requirementId, 'treasurer', reportForm('Activités'));
    assert.equal(refused.status, 403, refused.text);
    assert.equal((refused.json as Problem).code, 'forbidden');
    const notFinal = reports.find((r) => r.kind === 'final');
    if (notFinal)
      assert.equal((await submit(notFinal.requirementId, 'treasurer', reportForm('Bilan'))).status, 403);

    const byMember = await submit('financial', 'member', reportForm('État des dépenses'));
    assert.equal(byMember.status, 403, 'a plain member does not submit');
    const byOtherTreasurer = await submit('financial', 'elsewhere', reportForm('État des dépenses'));
    assert.equal(byOtherTreasurer.status, 403, 'the treasurer of another association does not either');

    const sent = await submit(
      'financial',
      'treasurer',
      reportForm('État des dépenses certifié', { bytes: PDF, name: 'depenses.pdf' }),
    );
    assert.equal(sent.status, 200, sent.text);
    const report = sent.json as AwardReport;
    assert.equal(report.status, 'submitted');
    assert.equal(report.submission?.by, treasurer.id);
    assert.equal(report.submission?.attachment?.fileName, 'depenses.pdf');
    const line = (await readAudit(server.db, { action: 'awardReport.submit', targetId: report.id }))[0];
    assert.equal(line?.accountId, treasurer.id);

    const again = await submit('financial', 'treasurer', reportForm('Encore'));
    assert.equal(again.status, 409, 'once submitted, it waits for the funder');
    assert.equal((again.json as Problem).code, 'invalid_state');
  });

  test('the representative submits a financial report too', async () => {
    // Its own award and requirement, so as not to depend on the test above.
    const award = await awardOfApplication(server.db, F.applications.awardedOfRepresented);
    await addReportRequirement(server.db, award.callId, 'financial_2', 'financial', new Date());
    const sent = await submit('financial_2', 'representative', reportForm('État des dépenses'));
    assert.equal(sent.status, 200, sent.text);
    assert.equal((sent.json as AwardReport).submission?.by, F.accounts.representative);
  });
});
