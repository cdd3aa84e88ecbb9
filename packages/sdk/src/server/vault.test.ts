// The association's profile and document vault through the SDK, against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VaultDocument } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, pdfBytes, pngBytes, signInAs, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijError, NassijValidationError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
let representative: NassijClient;
let member: NassijClient;
const ASSO: string = F.associations.represented;

/** Waits until the server's scanner has judged a vault document. */
async function scanned(documentId: string): Promise<VaultDocument['scanState']> {
  for (let i = 0; i < 100; i++) {
    const found = (await member.documents.list(ASSO)).items.find((d) => d.id === documentId);
    if (found && found.scanState !== 'pending') return found.scanState;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'pending';
}

before(async () => {
  server = await tempServer({ rateLimit: false });
  const [forRepresentative, forMember] = await Promise.all([
    signInAs(server.url, DEMO_ACCOUNTS.representative.email, DEMO_ACCOUNTS.representative.password),
    signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password),
  ]);
  representative = createClient({ baseUrl: server.url, token: forRepresentative });
  member = createClient({ baseUrl: server.url, token: forMember });
});
after(() => server.stop());

describe('client.associations: profile and logo', () => {
  test('update with ifMatch, a stale ETag is a conflict, an unsafe website a validation error', async () => {
    const { data: read, etag } = await representative.associations.profile(ASSO);
    assert.equal(read.associationId, ASSO);
    const saved = await representative.associations.update(
      ASSO,
      { descriptions: { fr: 'Écoles rurales et eau potable' }, contacts: { phone: null } },
      { ifMatch: etag },
    );
    assert.equal(saved.data.descriptions?.fr, 'Écoles rurales et eau potable');
    assert.equal(saved.data.contacts.phone, undefined);
    assert.notEqual(saved.etag, etag);
    const stale = await representative.associations
      .update(ASSO, { website: null }, { ifMatch: etag })
      .catch((error: unknown) => error);
    assert.ok(representative.associations.isConflict(stale));
    assert.equal(stale.current?.descriptions?.fr, 'Écoles rurales et eau potable');

    const unsafe = await representative.associations
      .update(ASSO, { website: 'javascript:alert(1)' }, { ifMatch: saved.etag })
      .catch((error: unknown) => error);
    assert.ok(unsafe instanceof NassijValidationError);
    assert.ok(unsafe.fieldErrors.some((e) => e.path === '/website' && e.code === 'not_allowed'));
    assert.equal((await member.associations.get(ASSO)).descriptions?.fr, 'Écoles rurales et eau potable');
  });

  test('uploadLogo stores an image that the public record links and logo() serves', async () => {
    const profile = await representative.associations.uploadLogo(ASSO, {
      file: { name: 'logo.png', type: 'image/png', data: pngBytes() },
    });
    assert.equal(profile.logo?.mediaType, 'image/png');
    assert.equal((await member.associations.get(ASSO)).logoUrl, profile.logo?.url);
    const image = await createClient({ baseUrl: server.url }).associations.logo(ASSO);
    assert.ok(image instanceof Blob);
    assert.deepEqual(new Uint8Array(await image.arrayBuffer()), pngBytes());
    const refused = await member.associations
      .uploadLogo(ASSO, { file: { name: 'logo.png', type: 'image/png', data: pngBytes() } })
      .catch((error: unknown) => error);
    assert.ok(refused instanceof NassijError);
    assert.equal(refused.status, 403);
  });
});

describe('client.documents and client.applications.attachFromVault', () => {
  test('upload, list, download, attach to a draft without re-uploading, remove', async () => {
    const statutes = await representative.documents.upload(ASSO, {
      kind: 'statutes',
      file: { name: 'statuts.pdf', type: 'application/pdf', data: pdfBytes('sdk-statutes') },
    });
    assert.equal(statutes.kind, 'statutes');
    assert.equal(await scanned(statutes.id), 'clean');
    const file = await member.documents.download(ASSO, statutes.id);
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), pdfBytes('sdk-statutes'));

    const report = await representative.documents.upload(ASSO, {
      kind: 'activity_report',
      year: 2024,
      file: { name: 'rapport.pdf', type: 'application/pdf', data: pdfBytes('sdk-report') },
    });
    assert.equal(report.year, 2024);

    const callId = F.calls.openForDrafts[2];
    const call = await member.calls.get(callId);
    const target = call.requiredDocuments.find((d) => d.mediaTypes.includes('application/pdf'));
    assert.ok(target, 'the call takes a PDF');
    const draft = await member.applications.start({ callId, associationId: ASSO });
    const attachment = await member.applications.attachFromVault(draft.id, {
      documentId: target.id,
      vaultDocumentId: statutes.id,
    });
    assert.equal(attachment.sha256, statutes.sha256);
    assert.equal(attachment.vaultDocumentId, statutes.id);
    assert.equal(attachment.scanState, 'clean');

    await representative.documents.remove(ASSO, report.id);
    const left = (await member.documents.list(ASSO)).items.map((d) => d.id);
    assert.ok(left.includes(statutes.id));
    assert.ok(!left.includes(report.id));
  });
});
