import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Application,
  type Association,
  type Call,
  casablancaDate,
  type Problem,
  type VaultDocument,
  type VaultDocumentList,
} from '@nassij/contract';
import { etagOf } from '../../http/etag.js';
import { createAccount, DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { completeAnswers, fileFor, pdfBytes } from '../applications/fixtures.js';
import { readCall } from '../calls/store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

interface Sent {
  status: number;
  body: unknown;
  bytes: Uint8Array;
  headers: Headers;
}

const DAY = 86_400_000;
const ASSO: string = F.associations.represented;

let server: Server;
const tokens = {} as Record<
  | 'citizen'
  | 'member'
  | 'representative'
  | 'admin'
  | 'ministryCallManager'
  | 'regionCallManager'
  | 'other'
  | 'treasurer'
  | 'reviewer',
  string
>;

async function send(
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
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  const text = type.includes('json') ? new TextDecoder().decode(bytes) : '';
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    bytes,
    headers: response.headers,
  };
}

function documentForm(
  fields: Record<string, string>,
  bytes: Uint8Array<ArrayBuffer>,
  name: string,
): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new File([bytes], name));
  return form;
}

async function upload(
  fields: Record<string, string>,
  note: string,
  association = ASSO,
): Promise<VaultDocument> {
  const sent = await send('POST', `/v1/associations/${association}/documents`, {
    token: tokens.representative,
    form: documentForm(fields, pdfBytes(note), `${note}.pdf`),
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  return sent.body as VaultDocument;
}

/** The whole vault, following `nextCursor` page after page (`limit` documents each). */
async function vaultPages(
  association = ASSO,
  token = tokens.member,
  limit = 100,
): Promise<VaultDocumentList[]> {
  const pages: VaultDocumentList[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/v1/associations/${association}/documents?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const sent = await send('GET', path, { token });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const page = sent.body as VaultDocumentList;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length <= 100);
  return pages;
}

async function vault(association = ASSO, token = tokens.member): Promise<VaultDocument[]> {
  return (await vaultPages(association, token)).flatMap((page) => page.items);
}

/** Waits until the scanner has judged a vault document. */
async function scanned(documentId: string): Promise<VaultDocument['scanState']> {
  for (let i = 0; i < 100; i++) {
    const found = (await vault()).find((d) => d.id === documentId);
    if (found && found.scanState !== 'pending') return found.scanState;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'pending';
}

async function filedYears(): Promise<number[]> {
  const sent = await send('GET', `/v1/associations/${ASSO}`);
  assert.equal(sent.status, 200);
  return (sent.body as Association).compliance.annualReportsFiled;
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  await createAccount(
    server.db,
    {
      id: 'acc_test_vault_other',
      email: 'vault-other@test.nassij.ma',
      password: 'vault-other-member-2026',
      displayName: 'Member of another association',
      roles: ['citizen', 'association_member'],
      memberships: [{ associationId: F.associations.memberOnly, role: 'member' }],
    },
    new Date(),
  );
  await createAccount(
    server.db,
    {
      id: 'acc_test_vault_treasurer',
      email: 'vault-treasurer@test.nassij.ma',
      password: 'vault-treasurer-member-2026',
      displayName: 'Treasurer',
      roles: ['citizen', 'association_member'],
      memberships: [{ associationId: ASSO, role: 'treasurer' }],
    },
    new Date(),
  );
  const keys = [
    'citizen',
    'member',
    'representative',
    'admin',
    'ministryCallManager',
    'regionCallManager',
    'reviewer',
  ] as const;
  const signed = await Promise.all([
    ...keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
    signInAs(server.url, 'vault-other@test.nassij.ma', 'vault-other-member-2026'),
    signInAs(server.url, 'vault-treasurer@test.nassij.ma', 'vault-treasurer-member-2026'),
  ]);
  keys.forEach((key, i) => {
    tokens[key] = signed[i] ?? '';
  });
  tokens.other = signed[keys.length] ?? '';
  tokens.treasurer = signed[keys.length + 1] ?? '';
});
after(() => server.stop());

describe('documents: who reads and who keeps the vault', () => {
  test('members and admins read it; a stranger, another association and a funder do not', async () => {
    const seeded = await vault();
    assert.ok(seeded.some((d) => d.id === F.vaultDocuments.statutesOfRepresented && d.kind === 'statutes'));
    assert.ok(seeded.every((d) => d.associationId === ASSO));
    // The seed's expired bank certificate is flagged from the clock; the current one is not.
    const certificates = seeded.filter((d) => d.kind === 'bank_certificate');
    assert.deepEqual(certificates.map((d) => d.expired).sort(), [false, true]);
    assert.equal((await vault(ASSO, tokens.admin)).length, seeded.length);
    for (const token of [tokens.citizen, tokens.other, tokens.ministryCallManager]) {
      const refused = await send('GET', `/v1/associations/${ASSO}/documents`, { token });
      assert.equal(refused.status, 403);
      assert.equal((refused.body as Problem).code, 'forbidden');
    }
    const unknown = await send('GET', `/v1/associations/${F.missing.association}/documents`, {
      token: tokens.admin,
    });
    assert.equal(unknown.status, 404);
    const anonymous = await send('GET', `/v1/associations/${ASSO}/documents`);
    assert.equal(anonymous.status, 401);
  });

  test('only the representative adds; PDF or image only; a report names its year', async () => {
    const byMember = await send('POST', `/v1/associations/${ASSO}/documents`, {
      token: tokens.member,
      form: documentForm({ kind: 'statutes' }, pdfBytes('member'), 'statuts.pdf'),
    });
    assert.equal(byMember.status, 403);
    const text = await send('POST', `/v1/associations/${ASSO}/documents`, {
      token: tokens.representative,
      form: documentForm({ kind: 'statutes' }, new TextEncoder().encode('not a pdf at all'), 'statuts.pdf'),
    });
    assert.equal(text.status, 415);
    assert.equal((text.body as Problem).code, 'file_type_not_allowed');
    const noYear = await send('POST', `/v1/associations/${ASSO}/documents`, {
      token: tokens.representative,
      form: documentForm({ kind: 'activity_report' }, pdfBytes('no year'), 'rapport.pdf'),
    });
    assert.equal(noYear.status, 422);
    assert.ok((noYear.body as Problem).errors?.some((e) => e.path === '/year' && e.code === 'required'));
    const before = (await vault()).length;
    const minutes = await upload({ kind: 'general_assembly_minutes' }, 'pv-ag');
    assert.equal(minutes.kind, 'general_assembly_minutes');
    assert.equal(minutes.uploadedBy, DEMO_ACCOUNTS.representative.id);
    assert.equal(minutes.mediaType, 'application/pdf');
    assert.equal(await scanned(minutes.id), 'clean');
    assert.equal((await vault()).length, before + 1);

    const content = await send('GET', `/v1/associations/${ASSO}/documents/${minutes.id}/content`, {
      token: tokens.member,
    });
    assert.equal(content.status, 200);
    assert.deepEqual(content.bytes, pdfBytes('pv-ag'));
    assert.equal(content.headers.get('x-content-type-options'), 'nosniff');
    const stranger = await send('GET', `/v1/associations/${ASSO}/documents/${minutes.id}/content`, {
      token: tokens.citizen,
    });
    assert.equal(stranger.status, 403);

    const removedByMember = await send('DELETE', `/v1/associations/${ASSO}/documents/${minutes.id}`, {
      token: tokens.member,
    });
    assert.equal(removedByMember.status, 403);
    const removed = await send('DELETE', `/v1/associations/${ASSO}/documents/${minutes.id}`, {
      token: tokens.representative,
    });
    assert.equal(removed.status, 204);
    const again = await send('DELETE', `/v1/associations/${ASSO}/documents/${minutes.id}`, {
      token: tokens.representative,
    });
    assert.equal(again.status, 404);
  });

  test('the treasurer keeps the vault too', async () => {
    const sent = await send('POST', `/v1/associations/${ASSO}/documents`, {
      token: tokens.treasurer,
      form: documentForm({ kind: 'bank_certificate', validUntil: '2099-12-31' }, pdfBytes('rib'), 'rib.pdf'),
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    const certificate = sent.body as VaultDocument;
    assert.equal(certificate.expired, false);
    assert.equal(certificate.validUntil, '2099-12-31');
    const removed = await send('DELETE', `/v1/associations/${ASSO}/documents/${certificate.id}`, {
      token: tokens.treasurer,
    });
    assert.equal(removed.status, 204);
    const lines = await server.db.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE account_id = ? AND action LIKE 'document.%'",
      ['acc_test_vault_treasurer'],
    );
    assert.deepEqual(lines.map((line) => line.action).sort(), ['document.remove', 'document.upload']);
  });

  test('"annual reports filed" follows the vault: both reports of a year, no fewer', async () => {
    const year = Number(casablancaDate(new Date()).slice(0, 4));
    const start = await filedYears();
    assert.ok(start.length > 0, 'the seeded vault proves some years');
    assert.ok(!start.includes(year), 'the current year is not filed yet');
    const activity = await upload({ kind: 'activity_report', year: String(year) }, 'activite');
    assert.deepEqual(await filedYears(), start, 'one report of two is not a filed year');
    const financial = await upload({ kind: 'financial_report', year: String(year) }, 'financier');
    assert.deepEqual(await filedYears(), [...start, year]);
    assert.equal(financial.year, year);
    const removed = await send('DELETE', `/v1/associations/${ASSO}/documents/${activity.id}`, {
      token: tokens.representative,
    });
    assert.equal(removed.status, 204);
    assert.deepEqual(await filedYears(), start);
  });
});

describe('documents: the vault in pages', () => {
  test('pages newest year first, then by kind, the latest upload first: no repeat, no gap', async () => {
    // Rows written directly (the listing reads no file): another association than the other tests', with
    // two reports of one year uploaded at the same instant, so that the id orders them.
    const association = F.associations.memberOnly;
    const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY).toISOString();
    const rows: [string, string, number | null, string][] = [
      ['vdoc_test_page_a', 'statutes', null, at(1)],
      ['vdoc_test_page_b', 'activity_report', 2024, at(2)],
      ['vdoc_test_page_d', 'activity_report', 2025, at(3)],
      ['vdoc_test_page_c', 'activity_report', 2025, at(3)],
      ['vdoc_test_page_e', 'financial_report', 2025, at(4)],
      ['vdoc_test_page_f', 'activity_report', 2025, at(5)],
      ['vdoc_test_page_g', 'bank_certificate', null, at(6)],
    ];
    for (const [id, kind, year, uploadedAt] of rows)
      await server.db.write(
        `INSERT INTO association_documents (id, association_id, kind, fiscal_year, valid_from, valid_until,
           file_name, size, media_type, sha256, scan_state, uploaded_by, uploaded_at)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 10, 'application/pdf', ?, 'clean', NULL, ?)`,
        [id, association, kind, year, `${id}.pdf`, `sha256:${'0'.repeat(64)}`, uploadedAt],
      );
    const whole = await vault(association, tokens.other);
    const key = (d: VaultDocument) => [-(d.year ?? 0), d.kind, -Date.parse(d.uploadedAt), d.id] as const;
    const expected = [...whole]
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        for (let i = 0; i < x.length; i++)
          if (x[i] !== y[i]) return (x[i] as never) < (y[i] as never) ? -1 : 1;
        return 0;
      })
      .map((d) => d.id);
    const pages = await vaultPages(association, tokens.other, 2);
    const ids = pages.flatMap((page) => page.items.map((d) => d.id));
    assert.deepEqual(ids, expected, 'in order, no repeat, no gap');
    assert.ok(rows.every(([id]) => ids.includes(id)));
    assert.ok(ids.indexOf('vdoc_test_page_f') < ids.indexOf('vdoc_test_page_c'), 'the latest upload first');
    assert.ok(ids.indexOf('vdoc_test_page_c') < ids.indexOf('vdoc_test_page_d'), 'then the id');
    assert.ok(ids.indexOf('vdoc_test_page_b') < ids.indexOf('vdoc_test_page_a'), 'a year before none');
    assert.ok(pages.length >= 4);
    assert.ok(pages.slice(0, -1).every((page) => page.items.length === 2 && page.nextCursor !== null));
    assert.equal(pages.at(-1)?.nextCursor, null);

    const damaged = await send('GET', `/v1/associations/${association}/documents?cursor=bm90LWEtY3Vyc29y`, {
      token: tokens.other,
    });
    assert.equal(damaged.status, 422);
    const tooMany = await send('GET', `/v1/associations/${association}/documents?limit=101`, {
      token: tokens.other,
    });
    assert.equal(tooMany.status, 422);
  });
});

describe('applications: attachments from the vault', () => {
  test('attach without re-uploading, flag an expired document, refuse it at submission, then submit', async () => {
    // An open call the represented association may apply to, run by an organisation with a demo call manager.
    const managers: Record<string, string> = {
      [F.organisations.ministry]: tokens.ministryCallManager,
      [F.organisations.regionalCouncil]: tokens.regionCallManager,
    };
    let call: Call | undefined;
    for (const id of F.calls.openForDrafts) {
      const candidate = await readCall(server.db, id);
      if (
        candidate &&
        managers[candidate.funder.organisationId ?? ''] &&
        candidate.requiredDocuments.some((d) => d.mediaTypes.includes('application/pdf'))
      ) {
        call = candidate;
        break;
      }
    }
    assert.ok(call, 'an open call run by a demo organisation takes a PDF');
    const staff = managers[call.funder.organisationId ?? ''] ?? '';
    const target = call.requiredDocuments.find((d) => d.mediaTypes.includes('application/pdf'));
    assert.ok(target);

    const started = await send('POST', '/v1/applications', {
      token: tokens.representative,
      json: { callId: call.id, associationId: ASSO },
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    const draft = started.body as Application;
    let current = (await send('GET', `/v1/applications/${draft.id}`, { token: tokens.representative }))
      .body as Application;
    const answered = await send('PATCH', `/v1/applications/${draft.id}`, {
      token: tokens.representative,
      headers: { 'if-match': etagOf(JSON.stringify(current)) },
      json: { answers: completeAnswers(call), requestedAmount: { amount: '1000.00', currency: 'MAD' } },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    for (const document of call.requiredDocuments) {
      if (document.id === target.id) continue;
      const { bytes, name } = fileFor(document);
      const form = new FormData();
      form.set('documentId', document.id);
      form.set('file', new File([bytes], name));
      const stored = await send('POST', `/v1/applications/${draft.id}/attachments`, {
        token: tokens.representative,
        form,
      });
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
    }

    // Valid until two days ago (in Casablanca, whatever the hour): expired.
    const expired = await upload(
      { kind: 'bank_certificate', validUntil: casablancaDate(new Date(Date.now() - 2 * DAY)) },
      'rib-expire',
    );
    assert.equal(expired.expired, true);
    assert.equal(await scanned(expired.id), 'clean');
    const byMember = await send('POST', `/v1/applications/${draft.id}/attachments/from-vault`, {
      token: tokens.member,
      json: { documentId: target.id, vaultDocumentId: expired.id },
    });
    assert.equal(byMember.status, 201, 'a member drafts applications, vault documents included');
    const attached = await send('POST', `/v1/applications/${draft.id}/attachments/from-vault`, {
      token: tokens.representative,
      json: { documentId: target.id, vaultDocumentId: expired.id },
    });
    assert.equal(attached.status, 201, JSON.stringify(attached.body));
    current = (await send('GET', `/v1/applications/${draft.id}`, { token: tokens.representative }))
      .body as Application;
    const fromVault = current.attachments.filter((a) => a.documentId === target.id);
    assert.equal(fromVault.length, 1, 'attaching again replaces the attachment of the same document');
    assert.equal(fromVault[0]?.sha256, expired.sha256, 'the same stored file, not a new upload');
    assert.equal(fromVault[0]?.vaultDocumentId, expired.id);
    assert.equal(fromVault[0]?.validUntil, expired.validUntil);
    assert.equal(fromVault[0]?.scanState, 'clean', 'the scan state comes with it');

    const refused = await send('POST', `/v1/applications/${draft.id}/submit`, {
      token: tokens.representative,
    });
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal((refused.body as Problem).code, 'document_expired');
    assert.ok(
      (refused.body as Problem).errors?.some(
        (e) => e.path === `/attachments/${target.id}` && e.params?.reason === 'document_expired',
      ),
    );

    // Another association's document is not the applicant's to attach.
    const foreign = (await vault(F.associations.memberOnly, tokens.admin))[0];
    assert.ok(foreign);
    const notOurs = await send('POST', `/v1/applications/${draft.id}/attachments/from-vault`, {
      token: tokens.representative,
      json: { documentId: target.id, vaultDocumentId: foreign.id },
    });
    assert.equal(notOurs.status, 422);
    assert.ok((notOurs.body as Problem).errors?.some((e) => e.path === '/vaultDocumentId'));

    const valid = await upload({ kind: 'statutes' }, 'statuts-2026');
    assert.equal(valid.expired, false);
    assert.equal(await scanned(valid.id), 'clean');
    const replaced = await send('POST', `/v1/applications/${draft.id}/attachments/from-vault`, {
      token: tokens.representative,
      json: { documentId: target.id, vaultDocumentId: valid.id },
    });
    assert.equal(replaced.status, 201, JSON.stringify(replaced.body));
    const submitted = await send('POST', `/v1/applications/${draft.id}/submit`, {
      token: tokens.representative,
    });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    const attachmentId = (replaced.body as { id: string }).id;

    // The vault lets the document go; the submitted application keeps its file.
    const removed = await send('DELETE', `/v1/associations/${ASSO}/documents/${valid.id}`, {
      token: tokens.representative,
    });
    assert.equal(removed.status, 204);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = await send('GET', `/v1/applications/${draft.id}/attachments/${attachmentId}`, {
      token: staff,
    });
    assert.equal(read.status, 200, 'the staff who run the call read the attachment taken from the vault');
    assert.deepEqual(read.bytes, pdfBytes('statuts-2026'));
    // They still do not read the vault itself.
    const vaultForStaff = await send('GET', `/v1/associations/${ASSO}/documents`, { token: staff });
    assert.equal(vaultForStaff.status, 403);

    // A reviewer the staff assign reads it too, once they declared no conflict of interest.
    const assigned = (await send('GET', `/v1/calls/${call.id}/reviewers`, { token: staff })).body as {
      items: { accountId: string }[];
    };
    const reviewers = await send('PUT', `/v1/calls/${call.id}/reviewers`, {
      token: staff,
      json: {
        accountIds: [...new Set([...assigned.items.map((r) => r.accountId), DEMO_ACCOUNTS.reviewer.id])],
      },
    });
    assert.equal(reviewers.status, 200, JSON.stringify(reviewers.body));
    const declared = await send('PUT', `/v1/applications/${draft.id}/conflict-declaration`, {
      token: tokens.reviewer,
      json: { declared: false },
    });
    assert.equal(declared.status, 200, JSON.stringify(declared.body));
    const forReviewer = await send('GET', `/v1/applications/${draft.id}/attachments/${attachmentId}`, {
      token: tokens.reviewer,
    });
    assert.equal(forReviewer.status, 200);
    assert.deepEqual(forReviewer.bytes, pdfBytes('statuts-2026'));
    const vaultForReviewer = await send('GET', `/v1/associations/${ASSO}/documents`, {
      token: tokens.reviewer,
    });
    assert.equal(vaultForReviewer.status, 403);
  });
});
