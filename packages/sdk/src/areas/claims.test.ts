// `client.claims` against the real reference server (demo seed), never a mock: the demo citizen claims an
// association of the directory with a receipt and a mandate, the platform admin finds it in the queue, reads
// the receipt and verifies it; a claim that does not match the registry and a file that is not a PDF or an
// image are refused with their codes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError, NassijValidationError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const PEOPLE = ['citizen', 'admin'] as const;
let server: Server;
const clients = {} as Record<(typeof PEOPLE)[number], NassijClient>;
const PDF = new TextEncoder().encode('%PDF-1.4\n% récépissé\n1 0 obj << >> endobj\n%%EOF\n');
const pdf = (name: string) => ({ name, type: 'application/pdf', data: PDF });

before(async () => {
  server = await tempServer({ rateLimit: false });
  for (const who of PEOPLE) {
    clients[who] = createClient({ baseUrl: server.url });
    await clients[who].auth.signIn(DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
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

describe('client.claims', () => {
  test('a claim sent with its files, found in the queue, read and verified', async () => {
    const target = await clients.citizen.associations.get(F.associations.unaffiliated);
    const input = {
      kind: 'claim' as const,
      associationId: target.id,
      name: { ar: target.name.ar ?? '' },
      receiptNumber: target.registrationNumber,
      receiptDate: target.foundedOn,
      receipt: pdf('recepisse.pdf'),
      mandate: pdf('mandat.pdf'),
    };

    const wrongName = await rejection(
      clients.citizen.claims.create({ ...input, name: { fr: 'Autre association' } }),
    );
    assert.ok(wrongName instanceof NassijApiError, String(wrongName));
    assert.equal(wrongName.status, 422);
    assert.equal(wrongName.code, 'registry_mismatch');
    const notPdf = await rejection(
      clients.citizen.claims.create({
        ...input,
        mandate: { name: 'mandat.exe', type: 'application/x-msdownload', data: new Uint8Array([77, 90]) },
      }),
    );
    assert.ok(notPdf instanceof NassijValidationError, 'refused before sending');
    assert.equal(notPdf.code, 'file_type_not_allowed');
    assert.equal(
      (await clients.citizen.claims.mine()).items.filter((c) => c.associationId === target.id).length,
      0,
    );

    const claim = await clients.citizen.claims.create(input);
    assert.equal(claim.state, 'pending');
    assert.equal(claim.receipt.fileName, 'recepisse.pdf');
    const queue = await clients.admin.claims.list({ state: 'pending' });
    assert.ok(queue.items.some((c) => c.id === claim.id));
    assert.ok(
      queue.items.some((c) => c.id === F.claims.pendingOfCitizen),
      'the seeded claim waits too',
    );
    const receipt = (await clients.admin.claims.file(claim.id, 'receipt')) as unknown as Blob;
    assert.equal(new TextDecoder().decode(new Uint8Array(await receipt.arrayBuffer())).slice(0, 5), '%PDF-');

    const verified = await clients.admin.claims.verify(claim.id);
    assert.equal(verified.state, 'verified');
    assert.equal((await clients.citizen.claims.get(claim.id)).state, 'verified');
    const mine = await clients.citizen.associations.mine();
    assert.equal(mine.items.find((m) => m.association.id === target.id)?.role, 'representative');
  });

  test('a claim refused with its reason', async () => {
    const refused = await clients.admin.claims.refuse(
      F.claims.pendingOfCitizen,
      'Le mandat n’est pas signé.',
    );
    assert.equal(refused.state, 'refused');
    assert.equal(refused.reason, 'Le mandat n’est pas signé.');
    const again = await rejection(clients.admin.claims.refuse(F.claims.pendingOfCitizen, 'Encore'));
    assert.ok(again instanceof NassijApiError);
    assert.equal(again.code, 'invalid_state');
  });
});
