// `client.credentials` and `client.competencies` against the real reference server (demo seed): the
// organisers complete a registration and issue its certificate, which `verifyCredential` checks offline with
// the platform's JWK Set (WebCrypto only), and which fails once edited; the PDF arrives as a Blob.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Certificate, Registration } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { verifyCredential } from '../credentials.js';
import { NassijApiError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

let server: Server;
let admin: NassijClient;
let anonymous: NassijClient;

before(async () => {
  server = await tempServer({ rateLimit: false });
  admin = createClient({ baseUrl: server.url });
  await admin.auth.signIn(DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  anonymous = createClient({ baseUrl: server.url });
});
after(() => server.stop());

describe('client.credentials', () => {
  let certificate: Certificate;

  test('issue() is refused before completion with registration_incomplete, then issues', async () => {
    const id = F.registrations.attendedOfRepresented;
    await assert.rejects(admin.credentials.issue(id), (error: unknown) => {
      assert.ok(error instanceof NassijApiError);
      assert.equal(error.code, 'registration_incomplete');
      return true;
    });
    const completed: Registration = await admin.registrations.recordAttendance(id, {
      attendedHours: 1,
      status: 'completed',
    });
    assert.equal(completed.status, 'completed');
    certificate = await admin.credentials.issue(id);
    assert.equal(certificate.registrationId, id);
    assert.deepEqual(await anonymous.credentials.get(certificate.id), certificate);
  });

  test('verifyCredential checks a certificate offline with the JWK Set; an edited copy fails', async () => {
    const jwks = await anonymous.credentials.jwks();
    // From here on, no request: a fetch would throw.
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('offline'));
    try {
      const good = await verifyCredential(certificate, jwks);
      assert.equal(good.valid, true, JSON.stringify(good));
      assert.equal(good.issuer?.id, certificate.credential.issuer.id);
      const edited = structuredClone(certificate);
      const achievement = edited.credential.credentialSubject.achievement;
      achievement.name = `${achievement.name.slice(0, -1)}!`;
      const bad = await verifyCredential(edited, jwks);
      assert.equal(bad.valid, false);
      assert.equal(bad.reason, 'signature_invalid');
      assert.equal((await verifyCredential(certificate, { keys: [] })).reason, 'issuer_unknown');
      assert.equal((await verifyCredential('nonsense', jwks)).reason, 'malformed');
      assert.equal((await anonymous.credentials.verifyOffline(certificate, jwks)).valid, true);
    } finally {
      globalThis.fetch = realFetch;
    }
    const online = await anonymous.credentials.verify(certificate);
    assert.equal(online.valid, true);
  });

  test('pdf() is a PDF Blob; issuer() names the key set', async () => {
    const pdf = await anonymous.credentials.pdf(certificate.id, 'fr');
    assert.ok(pdf instanceof Blob);
    assert.equal(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-');
    const issuer = await anonymous.credentials.issuer();
    assert.equal(issuer.id, certificate.credential.issuer.id);
    assert.deepEqual(issuer.keys, (await anonymous.credentials.jwks()).keys);
  });

  test('revoke() withdraws it: the platform then says revoked, the offline check cannot know', async () => {
    const revoked = await admin.credentials.revoke(certificate.id, 'Issued by mistake');
    assert.ok(revoked.revokedAt);
    assert.equal((await anonymous.credentials.verify(certificate)).reason, 'revoked');
    assert.equal((await verifyCredential(certificate, await anonymous.credentials.jwks())).valid, true);
  });

  test('client.competencies.ofAssociation lists the completed course', async () => {
    const { competencies } = await anonymous.competencies.ofAssociation(F.associations.represented);
    assert.ok(competencies.some((c) => c.acquisitions.some((a) => a.courseId === certificate.courseId)));
  });
});
