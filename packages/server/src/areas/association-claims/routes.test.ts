import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Association,
  AssociationClaim,
  MemberList,
  MyAssociations,
  PageOf,
  Problem,
} from '@nassij/contract';
import { issueToken } from '../../auth/tokens.js';
import { send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { listMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { isFileReferenced } from '../applications/files.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
type Who = 'citizen' | 'member' | 'representative' | 'admin' | 'regionAdmin' | 'ministryAdmin';

const PDF = new TextEncoder().encode('%PDF-1.4\n% récépissé\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0]);

/** A claim's multipart body: its fields and, unless left out, a receipt and a mandate. */
function claimForm(
  fields: Record<string, string>,
  files: { receipt?: Uint8Array | null; mandate?: Uint8Array | null } = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const receipt = files.receipt === undefined ? PDF : files.receipt;
  const mandate = files.mandate === undefined ? PNG : files.mandate;
  if (receipt) form.set('receipt', new Blob([receipt as Uint8Array<ArrayBuffer>]), 'recepisse.pdf');
  if (mandate) form.set('mandate', new Blob([mandate as Uint8Array<ArrayBuffer>]), 'mandat.png');
  return form;
}

describe('claims on associations', () => {
  let server: Server;
  const tokens: Partial<Record<Who, string>> = {};
  const as = (who: Who) => ({ token: tokens[who] });
  const get = async <T>(path: string, who: Who) => {
    const answer = await send(server.url, 'GET', path, as(who));
    assert.equal(answer.status, 200, answer.text);
    return answer.json as T;
  };
  const association = (id: string) => get<Association>(`/v1/associations/${id}`, 'admin');
  const create = (who: Who, form: FormData) =>
    send(server.url, 'POST', '/v1/association-claims', { ...as(who), raw: form });
  const mine = async (who: Who) =>
    (await get<{ items: AssociationClaim[] }>('/v1/association-claims/mine', who)).items;
  const claimsAudited = async () =>
    (await readAudit(server.db, { action: 'associationClaim.create' })).length;

  /** Sends a claim that must be refused with `code`, and checks that nothing was created. */
  async function refused(who: Who, form: FormData, status: number, code: string): Promise<Problem> {
    const before = { mine: (await mine(who)).length, audited: await claimsAudited() };
    const answer = await create(who, form);
    assert.equal(answer.status, status, answer.text);
    const body = answer.json as Problem;
    assert.equal(body.code, code);
    assert.equal((await mine(who)).length, before.mine, 'no claim was created');
    assert.equal(await claimsAudited(), before.audited, 'nothing was audited');
    return body;
  }

  before(async () => {
    server = await tempServer({ rateLimit: false });
    for (const who of [
      'citizen',
      'member',
      'representative',
      'admin',
      'regionAdmin',
      'ministryAdmin',
    ] as const)
      tokens[who] = await signInAs(server.url, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  });
  after(() => server.stop());

  test("the demo citizen's claim waits in the admin's queue, which other accounts do not see", async () => {
    const page = await get<PageOf<AssociationClaim>>('/v1/association-claims?state=pending', 'admin');
    const seeded = page.items.find((claim) => claim.id === F.claims.pendingOfCitizen);
    assert.ok(seeded, 'the seeded claim is pending');
    assert.equal(seeded.accountId, F.accounts.citizen);
    assert.equal(seeded.associationId, F.associations.claimedByCitizen);
    assert.ok(
      !(await get<MyAssociations>('/v1/me/associations', 'citizen')).items.length,
      'no membership yet',
    );
    for (const who of ['citizen', 'member', 'ministryAdmin'] as const) {
      const answer = await send(server.url, 'GET', '/v1/association-claims', as(who));
      assert.equal(answer.status, 403, `${who}: ${answer.text}`);
    }
    const receipt = await send(
      server.url,
      'GET',
      `/v1/association-claims/${F.claims.pendingOfCitizen}/files/receipt`,
      as('admin'),
    );
    assert.equal(receipt.status, 200);
    assert.equal(receipt.headers.get('content-type'), 'application/pdf');
    assert.ok(receipt.text.startsWith('%PDF-'));
  });

  test('a file that is neither a PDF nor an image, or a missing file, creates nothing', async () => {
    const target = await association(F.associations.unaffiliated);
    const fields = {
      kind: 'claim',
      associationId: target.id,
      nameFr: target.name.fr ?? '',
      receiptNumber: target.registrationNumber,
      receiptDate: target.foundedOn,
    };
    await refused('citizen', claimForm(fields, { mandate: ZIP }), 415, 'file_type_not_allowed');
    await refused(
      'citizen',
      claimForm(fields, { receipt: new TextEncoder().encode('plain text') }),
      415,
      'file_type_not_allowed',
    );
    const missing = await refused('citizen', claimForm(fields, { mandate: null }), 422, 'validation_failed');
    assert.equal(missing.errors?.[0]?.path, '/mandate');
  });

  test('a receipt number or a name that is not the registry’s is a registry mismatch naming the field', async () => {
    const target = await association(F.associations.unaffiliated);
    const base = { kind: 'claim', associationId: target.id, receiptDate: target.foundedOn };
    const number = await refused(
      'citizen',
      claimForm({ ...base, nameFr: target.name.fr ?? '', receiptNumber: `${target.registrationNumber}9` }),
      422,
      'registry_mismatch',
    );
    assert.equal(number.errors?.[0]?.path, '/receiptNumber');
    const name = await refused(
      'citizen',
      claimForm({ ...base, nameFr: 'Association Imaginaire', receiptNumber: target.registrationNumber }),
      422,
      'registry_mismatch',
    );
    assert.equal(name.errors?.[0]?.path, '/nameFr');
    const nameless = await refused(
      'citizen',
      claimForm({ ...base, receiptNumber: target.registrationNumber }),
      422,
      'validation_failed',
    );
    assert.equal(nameless.errors?.[0]?.path, '/nameAr');
  });

  test('a receipt number already claimed is refused, for a claim and for a registration', async () => {
    const claimed = await association(F.associations.claimedByCitizen);
    await refused(
      'member',
      claimForm({
        kind: 'claim',
        associationId: claimed.id,
        // Folded as claims compare receipts: the same receipt, written otherwise.
        nameAr: claimed.name.ar ?? '',
        receiptNumber: claimed.registrationNumber.toLowerCase().replaceAll('-', ' '),
        receiptDate: claimed.foundedOn,
      }),
      409,
      'receipt_already_claimed',
    );
    await refused(
      'member',
      claimForm({
        kind: 'register',
        nameAr: 'جمعية مكررة',
        nameFr: 'Association en double',
        legalForm: 'association',
        region: 'MA-09',
        domains: 'education',
        receiptNumber: (await association(F.associations.unaffiliated)).registrationNumber,
        receiptDate: '2020-01-10',
      }),
      409,
      'receipt_already_claimed',
    );
  });

  test('an account whose e-mail is not verified cannot claim', async () => {
    await server.db.write(
      `INSERT INTO accounts (id, email, display_name, password_hash, roles, locale, created_at, email_verified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
      [
        'acc_unverified',
        'unverified@example.ma',
        'Nadia',
        'x',
        '["citizen"]',
        'fr',
        new Date().toISOString(),
      ],
    );
    const { token } = await issueToken(server.db, 'acc_unverified', new Date());
    const target = await association(F.associations.unaffiliated);
    const answer = await send(server.url, 'POST', '/v1/association-claims', {
      token,
      raw: claimForm({
        kind: 'claim',
        associationId: target.id,
        nameFr: target.name.fr ?? '',
        receiptNumber: target.registrationNumber,
        receiptDate: target.foundedOn,
      }),
    });
    assert.equal(answer.status, 403, answer.text);
    assert.equal((answer.json as Problem).code, 'email_not_verified');
    assert.equal(
      (await server.db.all('SELECT id FROM association_claims WHERE account_id = ?', ['acc_unverified']))
        .length,
      0,
    );
  });

  test('claim, then verification: the claimant represents the association only from then on', async () => {
    const target = await association(F.associations.unaffiliated);
    const answer = await create(
      'citizen',
      claimForm({
        kind: 'claim',
        associationId: target.id,
        nameAr: target.name.ar ?? '',
        receiptNumber: target.registrationNumber,
        receiptDate: target.foundedOn,
      }),
    );
    assert.equal(answer.status, 201, answer.text);
    const claim = answer.json as AssociationClaim;
    assert.equal(claim.state, 'pending');
    assert.deepEqual(claim.receipt, {
      fileName: 'recepisse.pdf',
      size: PDF.byteLength,
      mediaType: 'application/pdf',
    });
    assert.equal(claim.mandate.mediaType, 'image/png');
    assert.ok(
      await isFileReferenced(
        server.db,
        (
          await server.db.one<{ file_sha256: string }>(
            "SELECT file_sha256 FROM association_claim_files WHERE claim_id = ? AND role = 'mandate'",
            [claim.id],
          )
        )?.file_sha256.slice(7) ?? '',
      ),
    );

    // Pending: nothing in the association's name.
    assert.ok(
      !(await get<MyAssociations>('/v1/me/associations', 'citizen')).items.some(
        (m) => m.association.id === target.id,
      ),
    );
    assert.equal(
      (await send(server.url, 'GET', `/v1/associations/${target.id}/members`, as('citizen'))).status,
      403,
    );
    assert.equal(
      (await send(server.url, 'GET', `/v1/association-claims/${claim.id}`, as('member'))).status,
      403,
    );
    const again = await create(
      'citizen',
      claimForm({
        kind: 'claim',
        associationId: target.id,
        nameAr: target.name.ar ?? '',
        receiptNumber: target.registrationNumber,
        receiptDate: target.foundedOn,
      }),
    );
    assert.equal(again.status, 409);
    assert.equal((again.json as Problem).code, 'already_exists');
    const own = await send(
      server.url,
      'GET',
      `/v1/association-claims/${claim.id}/files/mandate`,
      as('citizen'),
    );
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('content-type'), 'image/png');

    const verified = await send(server.url, 'POST', `/v1/association-claims/${claim.id}/verify`, as('admin'));
    assert.equal(verified.status, 200, verified.text);
    assert.equal((verified.json as AssociationClaim).state, 'verified');
    assert.equal((verified.json as AssociationClaim).decidedBy, F.accounts.admin);
    const mine = await get<MyAssociations>('/v1/me/associations', 'citizen');
    assert.equal(mine.items.find((m) => m.association.id === target.id)?.role, 'representative');
    const members = await get<MemberList>(`/v1/associations/${target.id}/members`, 'citizen');
    assert.deepEqual(
      members.items.map((m) => [m.accountId, m.role]),
      [[F.accounts.citizen, 'representative']],
    );
    const mail = await listMail(server.db, { to: DEMO_ACCOUNTS.citizen.email, kind: 'claim.verified' });
    assert.equal(mail.length, 1);
    assert.equal(mail[0]?.locale, DEMO_ACCOUNTS.citizen.locale);
    const twice = await send(server.url, 'POST', `/v1/association-claims/${claim.id}/verify`, as('admin'));
    assert.equal(twice.status, 409);
    assert.equal((twice.json as Problem).code, 'invalid_state');
    const audit = await readAudit(server.db, { action: 'associationClaim.verify', targetId: claim.id });
    assert.equal(audit.length, 1);
  });

  test("the region's council verifies a claim of its region; the former representative stays a member", async () => {
    const represented = await association(F.associations.represented);
    const answer = await create(
      'member',
      claimForm({
        kind: 'claim',
        associationId: represented.id,
        nameFr: represented.name.fr ?? '',
        receiptNumber: represented.registrationNumber,
        receiptDate: represented.foundedOn,
      }),
    );
    assert.equal(answer.status, 201, answer.text);
    const claim = answer.json as AssociationClaim;
    const queue = await get<PageOf<AssociationClaim>>('/v1/association-claims?state=pending', 'regionAdmin');
    assert.ok(queue.items.some((c) => c.id === claim.id));
    assert.ok(
      queue.items.every((c) => c.region === represented.region),
      'only claims of its region',
    );
    const other = await send(
      server.url,
      'POST',
      `/v1/association-claims/${claim.id}/verify`,
      as('ministryAdmin'),
    );
    assert.equal(other.status, 403, other.text);
    const verified = await send(
      server.url,
      'POST',
      `/v1/association-claims/${claim.id}/verify`,
      as('regionAdmin'),
    );
    assert.equal(verified.status, 200, verified.text);
    const members = await get<MemberList>(`/v1/associations/${represented.id}/members`, 'member');
    const roles = new Map(members.items.map((m) => [m.accountId, m.role]));
    assert.equal(roles.get(F.accounts.member), 'representative');
    assert.equal(roles.get(F.accounts.representative), 'member');
    assert.equal(members.items[0]?.accountId, F.accounts.member, 'the representative first');
  });

  test('a refused registration leaves no association; a verified one creates it', async () => {
    const fields = {
      kind: 'register',
      nameAr: 'جمعية النور للتنمية',
      nameFr: 'Association Annour pour le développement',
      legalForm: 'association',
      region: 'MA-09',
      communeFr: 'Tafraout',
      domains: 'education, youth',
      receiptNumber: 'REC-2019-7731',
      receiptDate: '2019-03-02',
    };
    const first = await create('citizen', claimForm(fields));
    assert.equal(first.status, 201, first.text);
    const claim = first.json as AssociationClaim;
    assert.equal(claim.associationId, undefined);
    assert.deepEqual(claim.proposed?.domains, ['education', 'youth']);
    const search = () =>
      get<PageOf<{ id: string }>>(
        `/v1/associations?q=${encodeURIComponent('Annour développement')}`,
        'citizen',
      );
    const registered = async () =>
      (await server.db.all('SELECT id FROM associations WHERE registration_number = ?', ['REC-2019-7731']))
        .length;
    assert.equal(await registered(), 0);

    const noReason = await send(server.url, 'POST', `/v1/association-claims/${claim.id}/refuse`, {
      ...as('admin'),
      json: {},
    });
    assert.equal(noReason.status, 422);
    const refusal = await send(server.url, 'POST', `/v1/association-claims/${claim.id}/refuse`, {
      ...as('admin'),
      json: { reason: 'Le mandat n’est pas signé.' },
    });
    assert.equal(refusal.status, 200, refusal.text);
    assert.equal((refusal.json as AssociationClaim).state, 'refused');
    assert.equal((refusal.json as AssociationClaim).reason, 'Le mandat n’est pas signé.');
    assert.equal(await registered(), 0, 'a refused registration creates nothing');
    const mail = await listMail(server.db, { to: DEMO_ACCOUNTS.citizen.email, kind: 'claim.refused' });
    assert.equal(mail.length, 1);
    assert.ok(mail[0]?.text.includes('Le mandat n’est pas signé.'));

    const second = await create('citizen', claimForm(fields));
    assert.equal(second.status, 201, second.text);
    const verified = await send(
      server.url,
      'POST',
      `/v1/association-claims/${(second.json as AssociationClaim).id}/verify`,
      as('regionAdmin'),
    );
    assert.equal(verified.status, 200, verified.text);
    const createdId = (verified.json as AssociationClaim).associationId ?? '';
    const created = await association(createdId);
    assert.equal(created.registrationNumber, 'REC-2019-7731');
    assert.deepEqual(created.name, { ar: fields.nameAr, fr: fields.nameFr });
    assert.equal(created.foundedOn, '2019-03-02');
    assert.ok((await search()).items.some((item) => item.id === createdId));
    const mine = await get<MyAssociations>('/v1/me/associations', 'citizen');
    assert.equal(mine.items.find((m) => m.association.id === createdId)?.role, 'representative');
  });
});
