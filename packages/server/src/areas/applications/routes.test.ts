import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Application, Attachment, Call, Problem, Receipt, Review } from '@nassij/contract';
import { etagOf } from '../../http/etag.js';
import { createAccount, DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { readCall } from '../calls/store.js';
import { completeAnswers, eicarPdfBytes, fileFor, pdfBytes, pngBytes, untilScanned } from './fixtures.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

interface Sent {
  status: number;
  body: unknown;
  headers: Headers;
}

function client(server: Server) {
  return async function send(
    method: string,
    path: string,
    options: { token?: string; json?: unknown; form?: FormData; headers?: Record<string, string> } = {},
  ): Promise<Sent> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    const response = await fetch(`${server.url}${path}`, { method, headers, ...(body ? { body } : {}) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
}

const signIn = (server: Server, key: keyof typeof DEMO_ACCOUNTS) =>
  signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);

function upload(documentId: string, bytes: Uint8Array<ArrayBuffer>, name: string): FormData {
  const form = new FormData();
  form.set('documentId', documentId);
  form.set('file', new File([bytes], name));
  return form;
}

async function waitForScan(
  send: ReturnType<typeof client>,
  token: string,
  applicationId: string,
  attachmentId: string,
): Promise<Attachment['scanState']> {
  for (let i = 0; i < 100; i++) {
    const read = await send('GET', `/v1/applications/${applicationId}`, { token });
    const found = (read.body as Application).attachments.find((a) => a.id === attachmentId);
    if (found && found.scanState !== 'pending') return found.scanState;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'pending';
}

describe('applications', () => {
  let server: Server;
  let send: ReturnType<typeof client>;
  let call: Call;
  const tokens = {} as Record<
    | 'citizen'
    | 'member'
    | 'representative'
    | 'reviewer'
    | 'admin'
    | 'ministryCallManager'
    | 'other'
    | 'conflicted',
    string
  >;

  before(async () => {
    server = await tempServer({ rateLimit: false });
    send = client(server);
    const stored = await readCall(server.db, F.calls.openEligible);
    assert.ok(stored, 'the demo seed has the open eligible call');
    call = stored;
    const now = new Date();
    await createAccount(
      server.db,
      {
        id: 'acc_test_other_member',
        email: 'other-member@test.nassij.ma',
        password: 'other-member-2026',
        displayName: 'Other member',
        roles: ['citizen', 'association_member'],
        memberships: [{ associationId: F.associations.memberOnly, role: 'member' }],
      },
      now,
    );
    await createAccount(
      server.db,
      {
        id: 'acc_test_conflicted',
        email: 'conflicted@test.nassij.ma',
        password: 'conflicted-reviewer-2026',
        displayName: 'Conflicted reviewer',
        roles: ['reviewer'],
        memberships: [{ associationId: F.associations.represented, role: 'member' }],
      },
      now,
    );
    const keys = ['citizen', 'member', 'representative', 'reviewer', 'admin', 'ministryCallManager'] as const;
    const signed = await Promise.all([
      ...keys.map((key) => signIn(server, key)),
      signInAs(server.url, 'other-member@test.nassij.ma', 'other-member-2026'),
      signInAs(server.url, 'conflicted@test.nassij.ma', 'conflicted-reviewer-2026'),
    ]);
    keys.forEach((key, i) => {
      tokens[key] = signed[i] ?? '';
    });
    tokens.other = signed[keys.length] ?? '';
    tokens.conflicted = signed[keys.length + 1] ?? '';
  });
  after(() => server.stop());

  let draft: Application;
  let etag: string;

  test('start: authorisation, eligibility and one application per association', async () => {
    const forCitizen = await send('POST', '/v1/applications', {
      token: tokens.citizen,
      json: { callId: call.id, associationId: F.associations.represented },
    });
    assert.equal(forCitizen.status, 403);
    const notMember = await send('POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: call.id, associationId: F.associations.memberOnly },
    });
    assert.equal(notMember.status, 403);
    const unknownCall = await send('POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: F.missing.call, associationId: F.associations.represented },
    });
    assert.equal(unknownCall.status, 404);

    const ineligible = await send('POST', '/v1/applications', {
      token: tokens.member,
      json: { callId: call.id, associationId: F.associations.memberOnly },
    });
    assert.equal(ineligible.status, 422);
    const problemDoc = ineligible.body as Problem;
    assert.equal(problemDoc.code, 'not_eligible');
    assert.ok((problemDoc.errors ?? []).length > 0);
    for (const error of problemDoc.errors ?? []) {
      assert.equal(error.path, '/associationId');
      assert.equal(typeof error.params?.rule, 'string');
      assert.equal(typeof error.params?.reason, 'string');
    }

    const started = await send('POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: call.id, associationId: F.associations.represented },
    });
    assert.equal(started.status, 201);
    draft = started.body as Application;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.revision, 1);
    assert.deepEqual(draft.answers, {});
    assert.equal(draft.history[0]?.status, 'draft');
    etag = started.headers.get('etag') ?? '';
    assert.equal(etag, etagOf(JSON.stringify(draft)));

    const again = await send('POST', '/v1/applications', {
      token: tokens.member,
      json: { callId: call.id, associationId: F.associations.represented },
    });
    assert.equal(again.status, 409);
    assert.equal((again.body as Problem).code, 'already_exists');
    assert.equal((again.body as Problem).current, draft.id);
  });

  test('read and list: members and admins; reviewers once submitted', async () => {
    const read = await send('GET', `/v1/applications/${draft.id}`, { token: tokens.member });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), etag);
    assert.equal((read.body as Application).reviews, undefined);
    const admin = await send('GET', `/v1/applications/${draft.id}`, { token: tokens.admin });
    assert.equal(admin.status, 200);
    assert.deepEqual((admin.body as Application).reviews, []);
    // A draft does not exist for reviewers until it is submitted (the submit test reads it then).
    const reviewer = await send('GET', `/v1/applications/${draft.id}`, { token: tokens.reviewer });
    assert.equal(reviewer.status, 404);
    for (const token of [tokens.other, tokens.citizen]) {
      const refused = await send('GET', `/v1/applications/${draft.id}`, { token });
      assert.equal(refused.status, 403);
    }
    assert.equal((await send('GET', '/v1/applications/app_missing', { token: tokens.member })).status, 404);
    assert.equal((await send('GET', `/v1/applications/${draft.id}`)).status, 401);

    const mine = await send('GET', `/v1/applications?callId=${call.id}`, { token: tokens.representative });
    assert.equal(mine.status, 200);
    const page = mine.body as { items: { id: string }[]; total: number };
    assert.ok(page.items.some((item) => item.id === draft.id));
    const others = await send('GET', `/v1/applications?callId=${call.id}`, { token: tokens.other });
    assert.equal(
      (others.body as { items: { id: string }[] }).items.some((item) => item.id === draft.id),
      false,
    );
  });

  test('autosave: If-Match required, answers merged, stale ETag gives 412 with current', async () => {
    const fields = call.form.sections.flatMap((s) => s.fields).filter((f) => f.type !== 'attachment');
    const all = completeAnswers(call);
    const [first, second] = fields;
    assert.ok(first && second, 'the open call has at least two answer fields');

    const noIfMatch = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      json: { projectTitle: 'Projet' },
    });
    assert.equal(noIfMatch.status, 428);

    const saved1 = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: { projectTitle: 'مشروع تكوين الشباب', answers: { [first.id]: all[first.id] ?? null } },
    });
    assert.equal(saved1.status, 200, JSON.stringify(saved1.body));
    const app1 = saved1.body as Application;
    assert.equal(app1.revision, 2);
    assert.ok(app1.autosavedAt);
    const stale = etag;
    etag = saved1.headers.get('etag') ?? '';
    assert.equal(etag, etagOf(JSON.stringify(app1)));

    const saved2 = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.member,
      headers: { 'if-match': etag },
      json: { answers: { [second.id]: all[second.id] ?? null } },
    });
    assert.equal(saved2.status, 200);
    const app2 = saved2.body as Application;
    assert.equal(app2.revision, 3);
    assert.deepEqual(app2.answers[first.id], all[first.id], 'answers merge by field');
    assert.deepEqual(app2.answers[second.id], all[second.id]);
    assert.equal(app2.projectTitle, 'مشروع تكوين الشباب');
    etag = saved2.headers.get('etag') ?? '';

    const conflict = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': stale },
      json: { projectTitle: 'Écrasé' },
    });
    assert.equal(conflict.status, 412);
    assert.equal((conflict.body as Problem).code, 'precondition_failed');
    assert.equal(((conflict.body as Problem).current as Application).revision, 3);

    const cleared = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: { answers: { [second.id]: null } },
    });
    assert.equal(cleared.status, 200);
    assert.equal((cleared.body as Application).answers[second.id], undefined);
    etag = cleared.headers.get('etag') ?? '';

    const unknown = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etag },
      json: { answers: { no_such_field: 'x' } },
    });
    assert.equal(unknown.status, 422);
    assert.equal((unknown.body as Problem).errors?.[0]?.path, '/answers/no_such_field');

    const outsider = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.other,
      headers: { 'if-match': etag },
      json: { projectTitle: 'x' },
    });
    assert.equal(outsider.status, 403);
  });

  test('uploads: sniffed type, size limit, replacement and scanning', async () => {
    const pdfDocument = call.requiredDocuments.find((d) => d.mediaTypes.includes('application/pdf'));
    assert.ok(pdfDocument, 'the open call asks for a PDF document');
    const path = `/v1/applications/${draft.id}/attachments`;

    const disguised = await send('POST', path, {
      token: tokens.representative,
      form: upload(pdfDocument.id, pngBytes(), 'statuts.pdf'),
    });
    assert.equal(disguised.status, 415);
    assert.equal((disguised.body as Problem).code, 'file_type_not_allowed');

    const big = new Uint8Array(pdfDocument.maxBytes + 1);
    big.set(pdfBytes());
    const tooLarge = await send('POST', path, {
      token: tokens.representative,
      form: upload(pdfDocument.id, big, 'big.pdf'),
    });
    assert.equal(tooLarge.status, 413);
    assert.equal((tooLarge.body as Problem).code, 'file_too_large');

    const unknownDoc = await send('POST', path, {
      token: tokens.representative,
      form: upload('no_such_document', pdfBytes(), 'a.pdf'),
    });
    assert.equal(unknownDoc.status, 422);

    const infected = await send('POST', path, {
      token: tokens.representative,
      form: upload(pdfDocument.id, eicarPdfBytes(), 'eicar.pdf'),
    });
    assert.equal(infected.status, 201);
    const infectedAttachment = infected.body as Attachment;
    assert.equal(infectedAttachment.mediaType, 'application/pdf');
    assert.equal(await waitForScan(send, tokens.representative, draft.id, infectedAttachment.id), 'infected');

    const bytes = pdfBytes('statuts');
    const uploaded = await send('POST', path, {
      token: tokens.representative,
      form: upload(pdfDocument.id, bytes, '../../statuts de l’association.pdf'),
    });
    assert.equal(uploaded.status, 201);
    const attachment = uploaded.body as Attachment;
    assert.equal(attachment.scanState, 'pending');
    assert.equal(attachment.fileName, 'statuts de l’association.pdf');
    assert.equal(attachment.size, bytes.byteLength);
    assert.match(attachment.sha256, /^sha256:[0-9a-f]{64}$/);
    assert.equal(await waitForScan(send, tokens.representative, draft.id, attachment.id), 'clean');
    const read = (await send('GET', `/v1/applications/${draft.id}`, { token: tokens.member }))
      .body as Application;
    assert.deepEqual(
      read.attachments.filter((a) => a.documentId === pdfDocument.id).map((a) => a.id),
      [attachment.id],
      'a new upload replaces the previous file of the document',
    );

    const other = await send('POST', path, {
      token: tokens.other,
      form: upload(pdfDocument.id, bytes, 'x.pdf'),
    });
    assert.equal(other.status, 403);
  });

  test('submit: complete check, receipt, no double submit, then withdraw', async () => {
    const current = (await send('GET', `/v1/applications/${draft.id}`, { token: tokens.member }))
      .body as Application;
    const required = call.form.sections
      .flatMap((s) => s.fields)
      .filter((f) => f.required && f.type !== 'attachment');
    const missingField = required[required.length - 1];
    assert.ok(missingField, 'the open call has a required answer field');
    const all = completeAnswers(call);
    const { [missingField.id]: _left, ...almost } = all;
    const patched = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etagOf(JSON.stringify(current)) },
      json: {
        answers: { ...almost, [missingField.id]: null },
        requestedAmount: { amount: '1000.00', currency: 'MAD' },
      },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    etag = patched.headers.get('etag') ?? '';
    for (const document of call.requiredDocuments) {
      if ((patched.body as Application).attachments.some((a) => a.documentId === document.id)) continue;
      const { bytes, name } = fileFor(document);
      const stored = await send('POST', `/v1/applications/${draft.id}/attachments`, {
        token: tokens.representative,
        form: upload(document.id, bytes, name),
      });
      assert.equal(stored.status, 201, `${document.id}: ${JSON.stringify(stored.body)}`);
    }

    const incomplete = await send('POST', `/v1/applications/${draft.id}/submit`, {
      token: tokens.representative,
    });
    assert.equal(incomplete.status, 422);
    assert.equal((incomplete.body as Problem).code, 'validation_failed');
    assert.ok(
      (incomplete.body as Problem).errors?.some(
        (e) => e.path === `/answers/${missingField.id}` && e.code === 'required',
      ),
    );

    const latest = (
      await untilScanned(() => send('GET', `/v1/applications/${draft.id}`, { token: tokens.member }))
    ).body as Application;
    const completed = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etagOf(JSON.stringify(latest)) },
      json: { answers: { [missingField.id]: all[missingField.id] ?? null } },
    });
    assert.equal(completed.status, 200);

    const submitted = await send('POST', `/v1/applications/${draft.id}/submit`, {
      token: tokens.representative,
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const { application, receipt } = submitted.body as { application: Application; receipt: Receipt };
    assert.match(receipt.number, /^RC-\d{4}-\d{6}$/);
    assert.equal(receipt.timeZone, 'Africa/Casablanca');
    assert.match(receipt.contentHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(application.status, 'received');
    assert.deepEqual(
      application.history.map((h) => h.status),
      ['draft', 'submitted', 'received'],
    );
    assert.deepEqual(application.receipt, receipt);
    assert.equal(application.submittedBy?.id, DEMO_ACCOUNTS.representative.id);

    const twice = await send('POST', `/v1/applications/${draft.id}/submit`, { token: tokens.representative });
    assert.equal(twice.status, 409);
    assert.equal((twice.body as Problem).code, 'invalid_state');
    const lateEdit = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etagOf(JSON.stringify(application)) },
      json: { projectTitle: 'Trop tard' },
    });
    assert.equal(lateEdit.status, 409);

    // Withdrawing commits the association, as submitting does: its representative does it, not a member.
    const byMember = await send('POST', `/v1/applications/${draft.id}/withdraw`, {
      token: tokens.member,
      json: { reason: 'Projet reporté' },
    });
    assert.equal(byMember.status, 403);
    assert.equal((byMember.body as Problem).code, 'forbidden');
    const withdrawn = await send('POST', `/v1/applications/${draft.id}/withdraw`, {
      token: tokens.representative,
      json: { reason: 'Projet reporté' },
    });
    assert.equal(withdrawn.status, 200);
    const after = withdrawn.body as Application;
    assert.equal(after.status, 'withdrawn');
    assert.equal(after.history.at(-1)?.reason, 'Projet reporté');
    const again = await send('POST', `/v1/applications/${draft.id}/withdraw`, {
      token: tokens.representative,
      json: {},
    });
    assert.equal(again.status, 409);
  });

  let submittedId: string;

  test('idempotent submit: a replay gives the same receipt and one application', async () => {
    const started = await send('POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: call.id, associationId: F.associations.represented },
      headers: { 'idempotency-key': 'start-2' },
    });
    assert.equal(started.status, 201, 'a withdrawn application frees the slot');
    const id = (started.body as Application).id;
    const startReplay = await send('POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: call.id, associationId: F.associations.represented },
      headers: { 'idempotency-key': 'start-2' },
    });
    assert.equal((startReplay.body as Application).id, id);

    const filled = await send('PATCH', `/v1/applications/${id}`, {
      token: tokens.representative,
      headers: { 'if-match': started.headers.get('etag') ?? '' },
      json: {
        projectTitle: 'ⴰⵙⵏⴼⵍ Projet jeunesse',
        requestedAmount: { amount: '1000.00', currency: 'MAD' },
        answers: completeAnswers(call),
      },
    });
    assert.equal(filled.status, 200, JSON.stringify(filled.body));
    let removable: string | undefined;
    for (const document of call.requiredDocuments) {
      const { bytes, name } = fileFor(document);
      const stored = await send('POST', `/v1/applications/${id}/attachments`, {
        token: tokens.representative,
        form: upload(document.id, bytes, name),
      });
      assert.equal(stored.status, 201);
      removable ??= (stored.body as Attachment).id;
    }
    assert.ok(removable);
    const removed = await send('DELETE', `/v1/applications/${id}/attachments/${removable}`, {
      token: tokens.representative,
    });
    assert.equal(removed.status, 204);
    const gone = await send('DELETE', `/v1/applications/${id}/attachments/${removable}`, {
      token: tokens.representative,
    });
    assert.equal(gone.status, 404);
    const readBack = (await send('GET', `/v1/applications/${id}`, { token: tokens.member }))
      .body as Application;
    assert.equal(
      readBack.attachments.some((a) => a.id === removable),
      false,
    );
    const document = call.requiredDocuments[0];
    assert.ok(document);
    const { bytes, name } = fileFor(document);
    await send('POST', `/v1/applications/${id}/attachments`, {
      token: tokens.representative,
      form: upload(document.id, bytes, name),
    });

    const headers = { 'idempotency-key': 'submit-once-2' };
    const first = await send('POST', `/v1/applications/${id}/submit`, {
      token: tokens.representative,
      headers,
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const replay = await send('POST', `/v1/applications/${id}/submit`, {
      token: tokens.representative,
      headers,
    });
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(
      (replay.body as { receipt: Receipt }).receipt,
      (first.body as { receipt: Receipt }).receipt,
    );
    const list = await send(
      'GET',
      `/v1/applications?callId=${call.id}&associationId=${F.associations.represented}&status=received`,
      {
        token: tokens.representative,
      },
    );
    assert.deepEqual(
      (list.body as { items: { id: string }[] }).items.map((item) => item.id),
      [id],
    );
    submittedId = id;
  });

  test('reviews: listing, eligibility check, declarations, scores, decision after closing', async () => {
    const listing = await send('GET', `/v1/calls/${call.id}/applications`, { token: tokens.reviewer });
    assert.equal(listing.status, 200);
    const page = listing.body as {
      items: { id: string; reviewCount?: number }[];
      facets?: Record<string, unknown>;
    };
    const row = page.items.find((item) => item.id === submittedId);
    assert.equal(row?.reviewCount, 0);
    assert.ok(page.facets?.status);
    assert.equal(
      page.items.some((item) => item.id === draft.id),
      false,
      'withdrawn ones are left out',
    );
    assert.equal(
      (await send('GET', `/v1/calls/${call.id}/applications`, { token: tokens.member })).status,
      403,
    );

    const full = call.criteria.map((c) => ({ criterionId: c.id, score: c.maxScore }));
    const beforeCheck = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.reviewer,
      json: { conflictOfInterest: { declared: false }, scores: full },
    });
    assert.equal(beforeCheck.status, 409, 'nobody scores before the eligibility check');
    assert.equal(
      (
        await send('POST', `/v1/applications/${submittedId}/eligibility-check`, {
          token: tokens.reviewer,
          json: { admissible: true },
        })
      ).status,
      403,
      'reviewers do not make the eligibility check',
    );
    const noReason = await send('POST', `/v1/applications/${submittedId}/eligibility-check`, {
      token: tokens.ministryCallManager,
      json: { admissible: false },
    });
    assert.equal(noReason.status, 422);
    assert.equal((noReason.body as Problem).errors?.[0]?.path, '/reason');
    const checked = await send('POST', `/v1/applications/${submittedId}/eligibility-check`, {
      token: tokens.ministryCallManager,
      json: { admissible: true },
    });
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.equal((checked.body as Application).status, 'under_review');
    assert.equal((checked.body as Application).eligibilityCheck?.admissible, true);
    const checkedTwice = await send('POST', `/v1/applications/${submittedId}/eligibility-check`, {
      token: tokens.ministryCallManager,
      json: { admissible: false, reason: 'Trop tard' },
    });
    assert.equal(checkedTwice.status, 409);

    const undeclared = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.reviewer,
      json: { conflictOfInterest: { declared: false }, scores: full },
    });
    assert.equal(undeclared.status, 403);
    assert.equal((undeclared.body as Problem).code, 'declaration_required');
    const unopened = await send('GET', `/v1/applications/${submittedId}`, { token: tokens.reviewer });
    assert.equal(
      (unopened.body as Problem).code,
      'declaration_required',
      'nothing is shown before declaring',
    );
    const listed = await send('GET', `/v1/calls/${call.id}/applications`, { token: tokens.reviewer });
    const mine = (listed.body as { items: { id: string; myDeclaration?: string }[] }).items.find(
      (item) => item.id === submittedId,
    );
    assert.equal(mine?.myDeclaration, 'none');
    const declaration = await send('PUT', `/v1/applications/${submittedId}/conflict-declaration`, {
      token: tokens.reviewer,
      json: { declared: false },
    });
    assert.equal(declaration.status, 200, JSON.stringify(declaration.body));
    const opened = await send('GET', `/v1/applications/${submittedId}`, { token: tokens.reviewer });
    assert.equal(opened.status, 200);

    const conflicted = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.conflicted,
      json: { conflictOfInterest: { declared: false }, scores: full },
    });
    assert.equal(conflicted.status, 403);
    assert.equal((conflicted.body as Problem).code, 'conflict_of_interest');

    const first = call.criteria[0];
    assert.ok(first, 'the open call has criteria');
    const overMax = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.reviewer,
      json: {
        conflictOfInterest: { declared: false },
        scores: [{ criterionId: first.id, score: first.maxScore + 1 }, ...full.slice(1)],
      },
    });
    assert.equal(overMax.status, 422);
    assert.equal((overMax.body as Problem).errors?.[0]?.path, '/scores/0/score');
    if (call.criteria.length > 1) {
      const partial = await send('POST', `/v1/applications/${submittedId}/reviews`, {
        token: tokens.reviewer,
        json: { conflictOfInterest: { declared: false }, scores: full.slice(1) },
      });
      assert.equal(partial.status, 422);
    }

    const reviewed = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.reviewer,
      json: { conflictOfInterest: { declared: false }, scores: full, comment: 'Dossier solide' },
    });
    assert.equal(reviewed.status, 201, JSON.stringify(reviewed.body));
    const review = reviewed.body as Review;
    const weights = call.criteria.reduce((sum, c) => sum + c.weight, 0);
    assert.equal(review.weightedTotal, Math.min(100, Math.round(weights * 100) / 100));
    const twice = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.reviewer,
      json: { conflictOfInterest: { declared: false }, scores: full },
    });
    assert.equal(twice.status, 409);
    const declared = await send('POST', `/v1/applications/${submittedId}/reviews`, {
      token: tokens.admin,
      json: { conflictOfInterest: { declared: true, statement: 'Ancien bénévole' }, scores: [] },
    });
    assert.equal(declared.status, 201);
    assert.deepEqual((declared.body as Review).scores, []);
    assert.equal((declared.body as Review).weightedTotal, undefined);

    const scored = await send('GET', `/v1/calls/${call.id}/applications?status=under_review`, {
      token: tokens.reviewer,
    });
    const scoredRow = (
      scored.body as { items: { id: string; reviewCount?: number; averageScore?: number }[] }
    ).items.find((item) => item.id === submittedId);
    assert.equal(scoredRow?.reviewCount, 1);
    assert.equal(scoredRow?.averageScore, review.weightedTotal);

    const amount = call.budget.minAward ??
      call.budget.maxAward ?? { amount: '1000.00', currency: 'MAD' as const };
    const byReviewer = await send('POST', `/v1/applications/${submittedId}/decision`, {
      token: tokens.reviewer,
      json: { outcome: 'awarded', amount },
    });
    assert.equal(byReviewer.status, 403, 'reviewers do not decide');
    const whileOpen = await send('POST', `/v1/applications/${submittedId}/decision`, {
      token: tokens.ministryCallManager,
      json: { outcome: 'awarded', amount },
    });
    assert.equal(whileOpen.status, 409);
    assert.equal((whileOpen.body as Problem).code, 'call_still_open');
    // The call's manager closes it early (this test is the last of the suite to use the call).
    const closed = await send('POST', `/v1/calls/${call.id}/close`, {
      token: tokens.ministryCallManager,
      json: { reason: { ar: 'استنفاد الميزانية', fr: 'Budget épuisé' } },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));

    const max = call.budget.maxAward?.amount;
    if (max) {
      const tooMuch = await send('POST', `/v1/applications/${submittedId}/decision`, {
        token: tokens.ministryCallManager,
        json: {
          outcome: 'awarded',
          amount: { amount: `${Number.parseInt(max, 10) + 1}.00`, currency: 'MAD' },
        },
      });
      assert.equal(tooMuch.status, 422);
      assert.equal((tooMuch.body as Problem).errors?.[0]?.path, '/amount');
    }
    const conflictedDecision = await send('POST', `/v1/applications/${submittedId}/decision`, {
      token: tokens.conflicted,
      json: { outcome: 'awarded', amount },
    });
    assert.equal(conflictedDecision.status, 403);
    const decided = await send('POST', `/v1/applications/${submittedId}/decision`, {
      token: tokens.ministryCallManager,
      json: { outcome: 'awarded', amount, conditions: 'Rapport final sous 12 mois' },
    });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal((decided.body as Application).status, 'awarded');

    const seen = (await send('GET', `/v1/applications/${submittedId}`, { token: tokens.representative }))
      .body as Application;
    assert.equal(seen.decision?.outcome, 'awarded');
    assert.equal(seen.decision?.conditions, 'Rapport final sous 12 mois');
    assert.equal(seen.eligibilityCheck?.admissible, true, 'the applicant sees the eligibility check');
    assert.ok(
      (seen.decision?.appealUntil ?? '') > (seen.decision?.decidedAt ?? '~'),
      'the appeal window ends after the decision',
    );
    assert.equal(seen.reviews, undefined, 'applicants do not see reviews');

    const awards = await send('GET', `/v1/awards?callId=${call.id}`);
    assert.equal(awards.status, 200);
    const award = (awards.body as { items: { applicationId: string }[] }).items.find(
      (item) => item.applicationId === submittedId,
    );
    assert.equal(award, undefined, 'an award is public once the results are published, not before');

    const redecide = await send('POST', `/v1/applications/${submittedId}/decision`, {
      token: tokens.admin,
      json: { outcome: 'rejected' },
    });
    assert.equal(redecide.status, 409);
  });
});
