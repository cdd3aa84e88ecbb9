// Autosave conflicts between two tabs and attachment uploads, against the real reference server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Call } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, pdfBytes, signInAs, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijConflictError, NassijValidationError } from '../errors.js';
import type { UploadProgress } from '../upload.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;
let token: string;
let call: Call;
let applicationId: string;
let requests = 0;

/** A client that counts every request it sends, so a refusal can be shown to send none. */
const tab = (): NassijClient =>
  createClient({
    baseUrl: server.url,
    token,
    hooks: {
      beforeRequest: () => {
        requests++;
        return undefined;
      },
    },
  });

/** A valid PDF of about 240 KB, so that upload progress has several steps. */
const bigPdf = (note: string) => pdfBytes(note, `% ${'padding '.repeat(30_000)}`);

/**
 * The opaque tag of an ETag, for weak comparison (RFC 9110 §8.8.3.2): the server weakens the ETag of an
 * answer it compresses (`W/"…"`), so the same representation may come strong in a small answer and weak
 * in a large one.
 */
const opaque = (etag: string | undefined) => etag?.replace(/^W\//, '');

before(async () => {
  server = await tempServer({ rateLimit: false });
  token = await signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
  const client = tab();
  call = await client.calls.get(F.calls.openEligible);
  applicationId = (
    await client.applications.start({ callId: call.id, associationId: F.associations.represented })
  ).id;
});
after(() => server.stop());

describe('autosave from two tabs', () => {
  test('the stale tab gets NassijConflictError with current, merges, and saves with the new ETag', async () => {
    const tabA = tab();
    const tabB = tab();
    const a = await tabA.applications.getWithEtag(applicationId);
    const b = await tabB.applications.getWithEtag(applicationId);
    assert.equal(a.etag, b.etag);

    const savedA = await tabA.applications.update(
      applicationId,
      { projectTitle: 'عنوان من النافذة الأولى' },
      { ifMatch: a.etag },
    );
    const conflict = await tabB.applications
      .update(applicationId, { projectTitle: 'Titre de l’onglet B' }, { ifMatch: b.etag })
      .catch((error: unknown) => error);
    assert.ok(conflict instanceof NassijConflictError);
    assert.equal(conflict.status, 412);
    assert.equal(opaque(conflict.etag), opaque(savedA.etag));
    const current = conflict.current as { projectTitle?: string };
    assert.equal(current.projectTitle, 'عنوان من النافذة الأولى');

    const merged = `${current.projectTitle} / Titre de l’onglet B`;
    const savedB = await tabB.applications.update(
      applicationId,
      { projectTitle: merged },
      { ifMatch: conflict.etag ?? '' },
    );
    assert.notEqual(opaque(savedB.etag), opaque(savedA.etag));
    const final = await tabA.applications.get(applicationId);
    assert.equal(final.projectTitle, merged);
    assert.match(final.projectTitle ?? '', /النافذة الأولى/);
    assert.match(final.projectTitle ?? '', /onglet B/);
  });
});

describe('attachment upload', () => {
  test('a real PDF to the statutes document reports progress up to the total', async () => {
    const client = tab();
    const bytes = bigPdf('statuts');
    const progress: UploadProgress[] = [];
    const attachment = await client.applications.upload(applicationId, {
      documentId: 'statutes',
      file: { name: 'statuts.pdf', type: 'application/pdf', data: bytes },
      rules: client.applications.rulesFor(call, 'statutes'),
      onProgress: (p) => progress.push(p),
    });
    assert.equal(attachment.documentId, 'statutes');
    assert.equal(attachment.size, bytes.byteLength);
    assert.equal(attachment.mediaType, 'application/pdf');
    const last = progress.at(-1);
    assert.ok(last && progress.length > 1, 'several progress events');
    assert.equal(last.loaded, last.total);
    assert.ok(last.total > bytes.byteLength, 'the total counts the whole multipart body');
    for (let i = 1; i < progress.length; i++) {
      assert.ok((progress[i]?.loaded ?? 0) >= (progress[i - 1]?.loaded ?? 0), 'progress never goes back');
    }
    const read = await client.applications.get(applicationId);
    assert.ok(read.attachments.some((a) => a.id === attachment.id));
  });

  test('a wrong type or a too large file is refused before any request', async () => {
    const client = tab();
    const rules = client.applications.rulesFor(call, 'statutes');
    assert.deepEqual(rules, { maxBytes: 5_242_880, mediaTypes: ['application/pdf'] });
    requests = 0;
    const wrongType = await client.applications
      .upload(applicationId, {
        documentId: 'statutes',
        file: { name: 'statuts.png', type: 'image/png', data: new Uint8Array(10) },
        rules,
      })
      .catch((error: unknown) => error);
    assert.ok(wrongType instanceof NassijValidationError);
    assert.equal(wrongType.code, 'file_type_not_allowed');

    const tooBig = await client.applications
      .upload(applicationId, {
        documentId: 'statutes',
        file: { name: 'statuts.pdf', type: 'application/pdf', data: new Uint8Array(5_242_881) },
        rules,
      })
      .catch((error: unknown) => error);
    assert.ok(tooBig instanceof NassijValidationError);
    assert.equal(tooBig.code, 'file_too_large');
    assert.equal(requests, 0, 'nothing was sent');
  });

  test('without rules the server refuses the same files, with the same class and code', async () => {
    const client = tab();
    requests = 0;
    const wrongType = await client.applications
      .upload(applicationId, {
        documentId: 'statutes',
        file: { name: 'statuts.png', type: 'image/png', data: new Uint8Array(10).fill(7) },
      })
      .catch((error: unknown) => error);
    assert.ok(wrongType instanceof NassijValidationError);
    assert.equal(wrongType.code, 'file_type_not_allowed');
    assert.equal(wrongType.status, 415);

    const tooBig = await client.applications
      .upload(applicationId, {
        documentId: 'statutes',
        file: { name: 'statuts.pdf', type: 'application/pdf', data: new Uint8Array(5_242_881) },
      })
      .catch((error: unknown) => error);
    assert.ok(tooBig instanceof NassijValidationError);
    assert.equal(tooBig.code, 'file_too_large');
    assert.equal(tooBig.status, 413);
    assert.equal(requests, 2, 'both went to the server');
  });
});
