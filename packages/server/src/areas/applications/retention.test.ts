import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Application, Attachment, Call, RequiredDocument } from '@nassij/contract';
import { type Answer, send } from '../../bench/kit.js';
import { readAudit } from '../../db/audit.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { clockFrom, signInAs, tempServer } from '../../testing.js';
import { readCall } from '../calls/store.js';
import { holdFile, sha256Hex, storedFilePath, storeFile } from './files.js';
import { completeAnswers, fileFor, pdfBytes } from './fixtures.js';
import { parseRetentionDays, retentionDays } from './retention.js';
import { insertAttachment, readAttachments } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const DAY = 86_400_000;
const HOUR = 3_600_000;

const signIn = (server: Server, key: keyof typeof DEMO_ACCOUNTS) =>
  signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);

function ok(answer: Answer, label: string): unknown {
  assert.ok(
    answer.status >= 200 && answer.status < 300,
    `${label}: ${answer.status} ${answer.text.slice(0, 300)}`,
  );
  return answer.json;
}

function form(documentId: string, bytes: Uint8Array<ArrayBuffer>, name: string): FormData {
  const body = new FormData();
  body.set('documentId', documentId);
  body.set('file', new File([bytes], name));
  return body;
}

/** Whether the stored file of `bytes` is on disk, waiting a little for a deletion that follows a commit. */
async function stored(server: Server, bytes: Uint8Array, expected: boolean): Promise<boolean> {
  const path = storedFilePath(server.dataDir, sha256Hex(bytes));
  // Deletions happen after the response (post-commit retries, the sweep at start, not awaited): wait up to
  // 5 s for the expected state, which a loaded machine or PostgreSQL's commit round trip may need.
  for (let i = 0; i < 500 && existsSync(path) !== expected; i++) await new Promise((r) => setTimeout(r, 10));
  return existsSync(path);
}

function statutes(call: Call): RequiredDocument {
  const document = call.requiredDocuments.find((d) => d.mediaTypes.includes('application/pdf'));
  assert.ok(document, `${call.id} asks for a PDF`);
  return document;
}

async function startDraft(server: Server, token: string, callId: string): Promise<Application> {
  return ok(
    await send(server.url, 'POST', '/v1/applications', {
      token,
      json: { callId, associationId: F.associations.represented },
    }),
    `start ${callId}`,
  ) as Application;
}

async function upload(
  server: Server,
  token: string,
  applicationId: string,
  document: RequiredDocument,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Attachment> {
  return ok(
    await send(server.url, 'POST', `/v1/applications/${applicationId}/attachments`, {
      token,
      raw: form(document.id, bytes, `${document.id}.pdf`),
    }),
    `upload ${document.id}`,
  ) as Attachment;
}

describe('stored files: no orphan after replace or delete, and the sweep', () => {
  let server: Server;
  let rep: string;

  before(async () => {
    server = await tempServer({ rateLimit: false, fileSweep: { intervalMs: 0 } });
    rep = await signIn(server, 'representative');
  });
  after(() => server.stop());

  test('replacing or removing an attachment deletes its file unless another attachment has the same bytes', async () => {
    const [firstCall, secondCall] = F.calls.openForDrafts;
    assert.ok(firstCall && secondCall);
    const call = await readCall(server.db, firstCall);
    const other = await readCall(server.db, secondCall);
    assert.ok(call && other);
    const one = await startDraft(server, rep, firstCall);
    const two = await startDraft(server, rep, secondCall);
    const first = pdfBytes('replaced-first');
    const second = pdfBytes('replaced-second');

    await upload(server, rep, one.id, statutes(call), first);
    assert.equal(await stored(server, first, true), true);
    // The same document again: the first file is no longer referenced and goes with the replace.
    const replacing = await upload(server, rep, one.id, statutes(call), second);
    assert.equal(await stored(server, first, false), false, 'the replaced file is deleted');
    assert.equal(await stored(server, second, true), true);

    // Another application holds the same bytes: one copy, referenced twice.
    const shared = await upload(server, rep, two.id, statutes(other), second);
    assert.equal(shared.sha256, replacing.sha256);
    const removed = await send(
      server.url,
      'DELETE',
      `/v1/applications/${one.id}/attachments/${replacing.id}`,
      {
        token: rep,
      },
    );
    assert.equal(removed.status, 204, removed.text);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(
      existsSync(storedFilePath(server.dataDir, sha256Hex(second))),
      true,
      'still used by the other',
    );

    const last = await send(server.url, 'DELETE', `/v1/applications/${two.id}/attachments/${shared.id}`, {
      token: rep,
    });
    assert.equal(last.status, 204, last.text);
    assert.equal(await stored(server, second, false), false, 'the last reference went, so did the file');
  });

  test('the sweep deletes unreferenced files past the grace period and keeps fresh, used and held ones', async () => {
    const old = new Date(Date.now() - 2 * HOUR);
    const orphan = pdfBytes('sweep-old-orphan');
    const fresh = pdfBytes('sweep-fresh-orphan');
    const used = pdfBytes('sweep-old-used');
    const held = pdfBytes('sweep-old-held');
    for (const bytes of [orphan, fresh, used, held]) await storeFile(server.dataDir, bytes);
    await insertAttachment(server.db, F.applications.awardedOfRepresented, {
      id: 'att_sweep_used',
      documentId: 'statutes',
      fileName: 'statuts.pdf',
      size: used.byteLength,
      mediaType: 'application/pdf',
      sha256: `sha256:${sha256Hex(used)}`,
      scanState: 'clean',
      uploadedAt: old.toISOString(),
    });
    // What a crash in the middle of writing an upload leaves.
    const temporary = `${storedFilePath(server.dataDir, sha256Hex(pdfBytes('sweep-cut')))}.${randomUUID()}.tmp`;
    await mkdir(dirname(temporary), { recursive: true });
    await writeFile(temporary, 'half a file');
    for (const path of [
      ...[orphan, used, held].map((bytes) => storedFilePath(server.dataDir, sha256Hex(bytes))),
      temporary,
    ])
      await utimes(path, old, old);
    // "Fresh" on the server's clock, which a test may have moved away from the file system's.
    const now = new Date();
    await utimes(storedFilePath(server.dataDir, sha256Hex(fresh)), now, now);

    const release = holdFile(server.dataDir, sha256Hex(held));
    try {
      const report = await server.sweepFiles();
      assert.equal(report.deletedFiles, 1, JSON.stringify(report));
      assert.equal(report.deletedTemporary, 1, JSON.stringify(report));
      assert.equal(await stored(server, orphan, false), false, 'an old orphan is deleted');
      assert.equal(existsSync(temporary), false, 'an old temporary file is deleted');
      assert.equal(await stored(server, fresh, true), true, 'a fresh file may be an upload in progress');
      assert.equal(await stored(server, used, true), true, 'a referenced file stays, however old');
      assert.equal(await stored(server, held, true), true, 'an upload holds it');
    } finally {
      release();
    }
    const again = await server.sweepFiles();
    assert.equal(again.deletedFiles, 1, 'released, the held orphan goes at the next sweep');
    assert.equal(await stored(server, held, false), false);
    assert.equal(await stored(server, fresh, true), true);
  });
});

describe('retention: documents of ended applications are deleted after their period', () => {
  const started = Date.now();
  let dataDir = '';
  let current: Server | undefined;
  after(async () => {
    await current?.stop();
  });

  test('withdrawn after a year, awarded after five; bytes another application still uses stay', async () => {
    const first = await tempServer({ rateLimit: false });
    current = first;
    dataDir = first.dataDir;
    const [withdrawnCall, awardedCall] = F.calls.openForDrafts;
    assert.ok(withdrawnCall && awardedCall);
    const call = await readCall(first.db, awardedCall);
    const otherCall = await readCall(first.db, withdrawnCall);
    assert.ok(call && otherCall);
    const rep = await signIn(first, 'representative');
    const admin = await signIn(first, 'admin');

    // Awarded: complete, submitted, awarded now.
    const awarded = await startDraft(first, rep, awardedCall);
    const read = await send(first.url, 'GET', `/v1/applications/${awarded.id}`, { token: rep });
    ok(
      await send(first.url, 'PATCH', `/v1/applications/${awarded.id}`, {
        token: rep,
        headers: { 'if-match': read.headers.get('etag') ?? '' },
        json: { answers: completeAnswers(call), requestedAmount: { amount: '1000.00', currency: 'MAD' } },
      }),
      'autosave',
    );
    const files = call.requiredDocuments.map((document) => ({ document, ...fileFor(document) }));
    for (const { document, bytes } of files) await upload(first, rep, awarded.id, document, bytes);
    ok(await send(first.url, 'POST', `/v1/applications/${awarded.id}/submit`, { token: rep }), 'submit');
    // The selection as it runs: the call closes, the application is found admissible, an assigned
    // reviewer declares no conflict and scores it, then the staff decide.
    const reviewer = await signIn(first, 'reviewer');
    const reason = { fr: 'Clôture anticipée' };
    ok(
      await send(first.url, 'POST', `/v1/calls/${awardedCall}/close`, { token: admin, json: { reason } }),
      'close',
    );
    ok(
      await send(first.url, 'POST', `/v1/applications/${awarded.id}/eligibility-check`, {
        token: admin,
        json: { admissible: true },
      }),
      'eligibility check',
    );
    ok(
      await send(first.url, 'PUT', `/v1/applications/${awarded.id}/conflict-declaration`, {
        token: reviewer,
        json: { declared: false },
      }),
      'declaration',
    );
    const scores = call.criteria.map((criterion) => ({
      criterionId: criterion.id,
      score: criterion.maxScore,
    }));
    ok(
      await send(first.url, 'POST', `/v1/applications/${awarded.id}/reviews`, {
        token: reviewer,
        json: { conflictOfInterest: { declared: false }, scores },
      }),
      'review',
    );
    const amount = call.budget.minAward ?? call.budget.maxAward ?? { amount: '1000.00', currency: 'MAD' };
    ok(
      await send(first.url, 'POST', `/v1/applications/${awarded.id}/decision`, {
        token: admin,
        json: { outcome: 'awarded', amount },
      }),
      'award',
    );

    // Withdrawn: one file of its own, one the awarded application also has.
    const withdrawn = await startDraft(first, rep, withdrawnCall);
    const own = pdfBytes('retention-withdrawn-own');
    await upload(first, rep, withdrawn.id, statutes(otherCall), own);
    const shared = files.find((f) => f.document.id === 'budget');
    assert.ok(shared, 'both calls ask for a budget');
    await upload(first, rep, withdrawn.id, shared.document, shared.bytes);
    ok(
      await send(first.url, 'POST', `/v1/applications/${withdrawn.id}/withdraw`, {
        token: rep,
        json: { reason: 'Projet reporté' },
      }),
      'withdraw',
    );
    await first.close();

    // 400 days on: the withdrawn application's year is over, the award's five years are not.
    const second = await tempServer({ dataDir, clock: clockFrom(new Date(started + 400 * DAY)) });
    current = second;
    assert.equal(second.seeded, false);
    assert.equal(await stored(second, own, false), false, 'the withdrawn application’s own file is deleted');
    for (const { bytes, name } of files)
      assert.equal(await stored(second, bytes, true), true, `${name} is kept`);
    const purged = await readAttachments(second.db, withdrawn.id);
    assert.ok(purged.length > 0 && purged.every((a) => a.purgedAt !== undefined), JSON.stringify(purged));
    assert.ok(
      purged.every((a) => a.scanState !== undefined && a.sha256.startsWith('sha256:')),
      'the record stays',
    );
    assert.ok((await readAttachments(second.db, awarded.id)).every((a) => a.purgedAt === undefined));
    const [line, ...more] = await readAudit(second.db, { action: 'privacy.purge', targetId: withdrawn.id });
    assert.ok(line && more.length === 0, 'one audit line');
    assert.equal(line.accountId, null, 'the platform acted');
    assert.equal(line.details?.outcome, 'withdrawn');
    // The sweep at start is not awaited by the server: join it (or run one more) before the next one.
    await second.sweepFiles();
    assert.deepEqual(await second.sweepFiles(), {
      purgedApplications: 0,
      purgedAttachments: 0,
      deletedFiles: 0,
      deletedTemporary: 0,
    });
    // The API shows the purge.
    const repLater = await signIn(second, 'representative');
    const shown = ok(
      await send(second.url, 'GET', `/v1/applications/${withdrawn.id}`, { token: repLater }),
      'read',
    );
    assert.ok((shown as Application).attachments.every((a) => typeof a.purgedAt === 'string'));
    await second.close();

    // Six years on: the award's documents go too.
    const third = await tempServer({ dataDir, clock: clockFrom(new Date(started + 6 * 365 * DAY)) });
    current = third;
    for (const { bytes, name } of files)
      assert.equal(await stored(third, bytes, false), false, `${name} is deleted`);
    assert.ok((await readAttachments(third.db, awarded.id)).every((a) => a.purgedAt !== undefined));
    assert.equal((await readAudit(third.db, { action: 'privacy.purge', targetId: awarded.id })).length, 1);
  });

  test('the retention is configurable, per outcome or for all', () => {
    assert.deepEqual(retentionDays(), { awarded: 1825, rejected: 365, withdrawn: 365 });
    assert.deepEqual(retentionDays({ rejected: 30 }), { awarded: 1825, rejected: 30, withdrawn: 365 });
    assert.deepEqual(retentionDays(90), { awarded: 90, rejected: 90, withdrawn: 90 });
    assert.deepEqual(parseRetentionDays('awarded=3650, withdrawn=0'), { awarded: 3650, withdrawn: 0 });
    assert.equal(parseRetentionDays('730'), 730);
    assert.throws(() => parseRetentionDays('rejected=-1'), RangeError);
    assert.throws(() => retentionDays({ awarded: 1.5 }), RangeError);
  });
});
