// Every namespace of the client against the real reference server (demo seed), never a mock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '@nassij/server';
import { completeAnswers, demoFixtures as F, pdfBytes, tempServer, zipBytes } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

let server: Server;
const clients = {} as Record<DemoAccountKey | 'anonymous', NassijClient>;

before(async () => {
  server = await tempServer({ rateLimit: false });
  clients.anonymous = createClient({ baseUrl: server.url });
  const keys = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
  await Promise.all(
    keys.map(async (key) => {
      const client = createClient({ baseUrl: server.url });
      await client.auth.signIn(DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);
      clients[key] = client;
    }),
  );
});
after(() => server.stop());

/** An xlsx as the server sniffs it: a ZIP with the workbook entries. */
const xlsxBytes = () =>
  zipBytes([
    { name: '[Content_Types].xml', content: '<Types/>' },
    { name: 'xl/workbook.xml', content: '<w/>' },
  ]);

describe('public reads', () => {
  test('meta: health and the OpenAPI document', async () => {
    const health = await clients.anonymous.meta.health();
    assert.equal(health.status, 'ok');
    const doc = (await clients.anonymous.meta.openapi()) as { openapi?: string; paths?: object };
    assert.match(doc.openapi ?? '', /^3\./);
    assert.ok(Object.keys(doc.paths ?? {}).includes('/v1/calls'));
  });

  test('reference: the twelve regions with Arabic names', async () => {
    const reference = await clients.anonymous.reference.get();
    assert.equal(reference.regions.length, 12);
    assert.ok(reference.regions.every((region) => /[\u0600-\u06FF]/.test(region.name.ar ?? '')));
    assert.ok(reference.domains.length > 0 && reference.legalForms.length > 0);
  });

  test('associations: region filter honoured, facets present, one by id', async () => {
    const page = await clients.anonymous.associations.search({ region: ['MA-06'], limit: 50 });
    assert.ok((page.total ?? 0) > 0);
    assert.ok(page.items.every((item) => item.region === 'MA-06'));
    assert.ok(page.facets?.region, 'facets name the regions');
    const first = page.items[0];
    assert.ok(first);
    const one = await clients.anonymous.associations.get(first.id);
    assert.equal(one.id, first.id);
    assert.match(one.name.ar ?? '', /[\u0600-\u06FF]/);
  });

  test('associations.mine: the member sees the represented and the member-only associations', async () => {
    const mine = await clients.member.associations.mine();
    const ids = mine.items.map((m) => m.association.id).sort();
    assert.deepEqual(ids, [F.associations.represented, F.associations.memberOnly].sort());
    assert.ok(mine.items.every((m) => m.role === 'member'));
  });

  test('calls: search with a region filter, facets, Arabic title, get, eligibility, awards', async () => {
    const all = await clients.anonymous.calls.search({ limit: 100 });
    assert.equal(all.total, 43);
    assert.ok(all.facets?.status && all.facets.region);
    const regional = await clients.anonymous.calls.search({ region: ['MA-01'], limit: 100 });
    assert.ok((regional.total ?? 0) > 0 && (regional.total ?? 0) < (all.total ?? 0));
    for (const call of regional.items) {
      const full = await clients.anonymous.calls.get(call.id);
      assert.ok(
        full.coverage === 'national' || full.eligibleRegions.includes('MA-01'),
        `${call.id} is open to MA-01`,
      );
    }
    const call = await clients.anonymous.calls.get(F.calls.openEligible);
    assert.match(call.title.ar ?? '', /[\u0600-\u06FF]/);
    assert.ok(call.requiredDocuments.some((d) => d.id === 'statutes'));

    const eligible = await clients.member.calls.checkEligibility(call.id, F.associations.represented);
    assert.equal(eligible.eligible, true);
    const ineligible = await clients.member.calls.checkEligibility(call.id, F.associations.memberOnly);
    assert.equal(ineligible.eligible, false);

    const awards = await clients.anonymous.awards.search({ limit: 100 });
    assert.ok((awards.total ?? 0) > 0);
    const withAwards = awards.items[0]?.callId;
    assert.ok(withAwards);
    const ofCall = await clients.anonymous.calls.awards(withAwards);
    assert.ok(ofCall.items.length > 0 && ofCall.items.every((a) => a.callId === withAwards));
  });

  test('awards: filter by the awarded call', async () => {
    const page = await clients.anonymous.awards.search({ callId: F.calls.awarded });
    assert.ok(page.items.length > 0 && page.items.every((a) => a.callId === F.calls.awarded));
  });

  test('consultations: search, get, version, diff, stats of the draft law; a published synthesis', async () => {
    const page = await clients.anonymous.consultations.search({ limit: 50 });
    assert.ok(page.items.some((c) => c.id === F.consultations.draftLaw));
    const law = await clients.anonymous.consultations.get(F.consultations.draftLaw);
    assert.equal(law.participationMode, 'open');
    assert.match(law.title.ar ?? '', /[\u0600-\u06FF]/);
    const v1 = await clients.anonymous.consultations.getVersion(law.id, 'v1');
    assert.equal(v1.id, 'v1');
    const diff = await clients.anonymous.consultations.compareVersions(law.id, 'v2', 'v1');
    assert.ok(JSON.stringify(diff).length > 2);
    const stats = await clients.anonymous.consultations.stats(law.id);
    assert.ok(stats.contributions > 0);
    const synthesis = await clients.anonymous.consultations.synthesis(F.consultations.synthesisPublished);
    assert.ok(JSON.stringify(synthesis).length > 20);
  });

  test('courses and sessions: search, iterate, get a second edition', async () => {
    const courses = await clients.anonymous.courses.search({ limit: 10 });
    assert.equal(courses.total, 36);
    const ids = new Set<string>();
    for await (const course of clients.anonymous.courses.iterate({ limit: 10 })) ids.add(course.id);
    assert.equal(ids.size, 36);
    const course = await clients.anonymous.courses.get(F.courses.secondEdition);
    assert.match(course.title.ar ?? '', /[\u0600-\u06FF]/);

    const sessions = await clients.anonymous.sessions.search({ state: ['open'], limit: 100 });
    assert.ok(sessions.items.length > 0 && sessions.items.every((s) => s.registrationState === 'open'));
    const first = sessions.items[0];
    assert.ok(first);
    assert.equal((await clients.anonymous.sessions.get(first.id)).id, first.id);
  });

  test('indicators and open data: catalogue, CSV and JSON exports, awards 360', async () => {
    const indicators = await clients.anonymous.indicators.get();
    assert.ok(indicators.indicators.length > 0);
    assert.ok(indicators.indicators.some((i) => i.code === 'associations_supported_share'));

    const catalogue = await clients.anonymous.openData.catalogue();
    assert.ok(catalogue.datasets.some((d) => d.id === 'calls'));
    const csv = await clients.anonymous.openData.export('calls', { format: 'csv' });
    assert.equal(typeof csv, 'string');
    const lines = String(csv).trim().split(/\r?\n/);
    assert.equal(lines.length, 44, 'a header and one line per call');
    const rows = await clients.anonymous.openData.export('calls', { format: 'json' });
    assert.ok(Array.isArray(rows));
    assert.equal(rows.length, 43);
    const awards360 = await clients.anonymous.openData.awards360();
    assert.ok(JSON.stringify(awards360).length > 20);
  });
});

describe('applications and reviews on the open eligible call', () => {
  test('start, withdraw, start again, autosave, upload, remove, submit, check, declare, download, review, decide, results', async () => {
    const member = clients.member;
    const call = await member.calls.get(F.calls.openEligible);

    const firstDraft = await member.applications.start({
      callId: call.id,
      associationId: F.associations.represented,
    });
    assert.equal(firstDraft.status, 'draft');
    // A member drafts; withdrawing and submitting commit the association: its representative does them.
    await assert.rejects(member.applications.withdraw(firstDraft.id, 'Brouillon de test'), { status: 403 });
    const withdrawn = await clients.representative.applications.withdraw(firstDraft.id, 'Brouillon de test');
    assert.equal(withdrawn.status, 'withdrawn');

    const draft = await member.applications.start({
      callId: call.id,
      associationId: F.associations.represented,
    });
    assert.notEqual(draft.id, firstDraft.id, 'a withdrawn application frees the slot');
    assert.equal((await member.applications.get(draft.id)).id, draft.id);
    const read = await member.applications.getWithEtag(draft.id);
    const saved = await member.applications.update(
      draft.id,
      {
        projectTitle: 'مشروع تكوين الشباب',
        requestedAmount: call.budget.minAward ?? { amount: '30000.00', currency: 'MAD' },
        answers: completeAnswers(call),
      },
      { ifMatch: read.etag },
    );
    assert.equal(saved.data.projectTitle, 'مشروع تكوين الشباب');
    assert.notEqual(saved.etag, read.etag);

    const statutes = await member.applications.upload(draft.id, {
      documentId: 'statutes',
      file: { name: 'statuts.pdf', type: 'application/pdf', data: pdfBytes('statuts') },
      rules: member.applications.rulesFor(call, 'statutes'),
    });
    assert.equal(statutes.documentId, 'statutes');
    await member.applications.removeAttachment(draft.id, statutes.id);
    const afterRemove = await member.applications.get(draft.id);
    assert.equal(
      afterRemove.attachments.some((a) => a.id === statutes.id),
      false,
    );
    await member.applications.upload(draft.id, {
      documentId: 'statutes',
      file: { name: 'statuts.pdf', type: 'application/pdf', data: pdfBytes('statuts-2') },
    });
    await member.applications.upload(draft.id, {
      documentId: 'budget',
      file: {
        name: 'budget.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: xlsxBytes(),
      },
    });

    const listed = await member.applications.list({ callId: call.id });
    assert.ok(listed.items.some((a) => a.id === draft.id));

    await assert.rejects(member.applications.submit(draft.id), { status: 403 });
    const { application, receipt } = await clients.representative.applications.submit(draft.id);
    assert.equal(application.status, 'received');
    assert.match(receipt.number, /^RC-\d{4}-\d{6}$/);

    // The call's staff find it admissible; the reviewer declares, opens it, its statutes, then scores.
    const manager = clients.ministryCallManager;
    const checked = await manager.reviews.checkEligibility(draft.id, { admissible: true });
    assert.equal(checked.status, 'under_review');
    const queue = await clients.reviewer.reviews.listApplications(call.id);
    assert.equal(queue.items.find((a) => a.id === draft.id)?.myDeclaration, 'none');
    const declaration = await clients.reviewer.reviews.declareConflict(draft.id, { declared: false });
    assert.equal(declaration.declared, false);
    let opened = await clients.reviewer.applications.get(draft.id);
    for (let i = 0; i < 100 && opened.attachments.some((a) => a.scanState === 'pending'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      opened = await clients.reviewer.applications.get(draft.id);
    }
    const stored = opened.attachments.find((a) => a.documentId === 'statutes');
    assert.ok(stored);
    const file = await clients.reviewer.applications.downloadAttachment(draft.id, stored.id);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), pdfBytes('statuts-2'));
    const review = await clients.reviewer.reviews.submit(draft.id, {
      conflictOfInterest: { declared: false },
      scores: call.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore })),
      comment: 'ملف متين',
    });
    assert.equal(review.scores.length, call.criteria.length);

    // Decided once the call is closed, then public with the results.
    const amount = call.budget.minAward ?? { amount: '30000.00', currency: 'MAD' as const };
    await assert.rejects(manager.reviews.decide(draft.id, { outcome: 'awarded', amount }), {
      code: 'call_still_open',
    });
    await manager.calls.close(call.id, { ar: 'استنفاد الميزانية', fr: 'Budget épuisé' });
    const decided = await manager.reviews.decide(draft.id, { outcome: 'awarded', amount });
    assert.equal(decided.status, 'awarded');
    const before = await clients.anonymous.awards.search({ callId: call.id });
    assert.equal(
      before.items.some((a) => a.applicationId === draft.id),
      false,
    );
    const results = await manager.calls.publishResults(call.id);
    assert.equal(results.status, 'awarded');
    const awards = await clients.anonymous.awards.search({ callId: call.id });
    assert.ok(awards.items.some((a) => a.applicationId === draft.id));
  });
});

describe('contributions and moderation on the draft law', () => {
  test('anonymous create with a device, queue, publish, get, support, withdraw, report, respond, list', async () => {
    const device = { 'x-nassij-device': 'sdk-test-device-00000001' };
    const receipt = await clients.anonymous.contributions.create(
      F.consultations.draftLaw,
      {
        kind: 'comment',
        articleId: 'art-5',
        body: 'رأي من اختبار العميل',
        consent: true,
        author: { displayName: 'ⵎⵓⵃⵎⵎⴷ', participantType: 'citizen', region: 'MA-09' },
      },
      { headers: device },
    );
    assert.equal(receipt.awaitingModeration, true);
    const id = receipt.contribution.id;
    const own = await clients.anonymous.contributions.get(id, { headers: device });
    assert.equal(own.id, id);

    const queue = await clients.moderator.moderation.queue({ limit: 100 });
    assert.ok(queue.items.some((c) => c.id === id));
    const published = await clients.moderator.moderation.decide(id, { decision: 'publish' });
    assert.equal(published.moderation.state, 'published');

    const supported = await clients.citizen.contributions.support(id);
    assert.equal(supported.supportedByMe, true);
    assert.equal(supported.supports, 1);
    const withdrawn = await clients.citizen.contributions.withdrawSupport(id);
    assert.deepEqual(withdrawn, { contributionId: id, supports: 0, supportedByMe: false });
    assert.equal((await clients.citizen.contributions.get(id)).supportedByMe, false);
    // Idempotent: nothing left to withdraw is not an error.
    assert.equal((await clients.citizen.contributions.withdrawSupport(id)).supports, 0);
    await clients.member.contributions.report(id, { reason: 'other', detail: 'اختبار' });
    const responded = await clients.admin.contributions.respond(id, {
      body: { ar: 'شكرا على مساهمتكم', fr: 'Merci pour votre contribution' },
    });
    assert.match(responded.officialResponse?.body.ar ?? '', /شكرا/);

    const list = await clients.anonymous.contributions.list(F.consultations.draftLaw, {
      articleId: 'art-5',
      limit: 100,
    });
    assert.ok(list.items.some((c) => c.id === id));
    assert.ok(list.items.every((c) => c.articleId === 'art-5'));
  });
});

describe('registrations', () => {
  test('create, get, list, cancel; evaluate a past one; admin records attendance', async () => {
    const member = clients.member;
    const session = await clients.anonymous.sessions.get(F.sessions.openWithSeats);
    assert.equal(session.registrationState, 'open');
    const created = await member.registrations.create({
      sessionId: session.id,
      associationId: F.associations.represented,
      participant: { accountId: F.accounts.member },
      consent: true,
    });
    assert.equal(created.status, 'confirmed');
    assert.equal((await member.registrations.get(created.id)).id, created.id);
    const mine = await member.registrations.list({ associationId: F.associations.represented, limit: 100 });
    assert.ok(mine.items.some((r) => r.id === created.id));
    const cancelled = await member.registrations.cancel(created.id, 'تعذر الحضور');
    assert.equal(cancelled.status, 'cancelled');

    const past = await member.registrations.list({
      associationId: F.associations.represented,
      status: ['completed', 'attended'],
      limit: 100,
    });
    assert.ok(past.items.every((r) => r.status === 'completed' || r.status === 'attended'));
    const target = past.items.find((r) => r.id === F.registrations.attendedOfRepresented);
    assert.ok(target, 'the attended registration of the represented association is listed');
    assert.equal(target.evaluation, undefined);
    const evaluated = await member.registrations.evaluate(target.id, { rating: 5, comment: 'مفيد' });
    assert.equal(evaluated.evaluation?.rating, 5);

    const recorded = await clients.admin.registrations.recordAttendance(target.id, {
      attendedHours: 6,
      status: 'completed',
    });
    assert.equal(recorded.status, 'completed');
    assert.equal(recorded.attendance?.attendedHours, 6);
  });
});

describe('audit', () => {
  test('admins read the privileged actions of the tests above, newest first; others are refused', async () => {
    const lines = await clients.admin.audit
      .iterate({ action: 'registration.attendance' })
      .collect({ limit: 10 });
    assert.ok(lines.length > 0, 'attendance recorded by the admin is in the log');
    assert.ok(lines.every((line) => line.action === 'registration.attendance' && line.actorId));
    const page = await clients.admin.audit.list({ limit: 2 });
    assert.ok(page.items.length === 2 && (page.items[0]?.at ?? '') >= (page.items[1]?.at ?? ''));
    const refused = await clients.moderator.audit.list().catch((error: unknown) => error);
    assert.ok(refused instanceof NassijApiError && refused.status === 403, String(refused));
  });
});

describe('privacy', () => {
  test('admins export and erase one person’s data; the erasure shows in the next export; others are refused', async () => {
    const citizen = DEMO_ACCOUNTS.citizen;
    const data = await clients.admin.privacy.export(citizen.id);
    assert.equal(data.account.email, citizen.email);
    assert.ok(data.audit.some((line) => line.action === 'privacy.export'));
    const refused = await clients.moderator.privacy.export(citizen.id).catch((error: unknown) => error);
    assert.ok(refused instanceof NassijApiError && refused.status === 403, String(refused));

    // Last in this file: the citizen's client is signed out by the erasure.
    const report = await clients.admin.privacy.erase(citizen.id, { reason: 'Demande de la personne' });
    assert.equal(report.accountId, citizen.id);
    assert.ok(report.tokensRevoked >= 1);
    const after = await clients.admin.privacy.export(citizen.id);
    assert.equal(after.account.erasedAt, report.erasedAt);
    assert.notEqual(after.account.email, citizen.email);
    const signedOut = await clients.citizen.auth.me().catch((error: unknown) => error);
    assert.ok(signedOut instanceof NassijApiError && signedOut.status === 401, String(signedOut));
  });
});
