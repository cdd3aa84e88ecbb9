import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Application, Attachment } from '@nassij/contract';
import { storedFilePath } from '../areas/applications/files.js';
import { fileFor } from '../areas/applications/fixtures.js';
import { readCall } from '../areas/calls/store.js';
import { type Answer, send } from '../bench/kit.js';
import { DEMO_ACCOUNTS } from '../seed/demo.js';
import { demoFixtures as F } from '../seed/fixtures.js';
import { type RunningServer, startServer } from '../server.js';
import { removeTestData, signInAs, testDatabaseOptions } from '../testing.js';

const TABLES = [
  'accounts',
  'associations',
  'calls',
  'applications',
  'attachments',
  'reviews',
  'decisions',
  'consultations',
  'contributions',
  'contribution_supports',
  'training_sessions',
  'training_registrations',
];

async function counts(server: RunningServer): Promise<Record<string, number>> {
  return Object.fromEntries(
    await Promise.all(
      TABLES.map(async (t) => [
        t,
        (await server.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))?.n ?? -1,
      ]),
    ),
  );
}

const sign = (url: string, key: keyof typeof DEMO_ACCOUNTS) =>
  signInAs(url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password);

function created(answer: Answer, label: string): Record<string, unknown> {
  assert.ok(
    answer.status >= 200 && answer.status < 300,
    `${label}: ${answer.status} ${answer.text.slice(0, 300)}`,
  );
  return answer.json as Record<string, unknown>;
}

let dataDir = '';
let closeOnFailure: () => Promise<void> = async () => {};
after(async () => {
  await closeOnFailure();
  await removeTestData(dataDir);
});

test('a restart on the same data directory keeps every write and reseeds nothing', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'nassij-audit-restart-'));
  const options = {
    dataDir,
    // On PostgreSQL (the API suite's second pass) both servers open the same database.
    ...(await testDatabaseOptions(dataDir)),
    seed: 'demo' as const,
    logLevel: 'silent' as const,
    rateLimit: false as const,
  };
  const first = await startServer(options);
  // A failed assertion must not leave the server listening (the run would hang).
  closeOnFailure = () => first.close();
  assert.equal(first.seeded, true);
  const url = first.url;
  const [rep, citizen, reviewer, admin, moderator, member] = await Promise.all(
    (['representative', 'citizen', 'reviewer', 'admin', 'moderator', 'member'] as const).map((k) =>
      sign(url, k),
    ),
  );
  // Reads to compare after the restart: [path, token].
  const reads: [string, string | undefined][] = [];

  // Applications: draft, autosave, attachment.
  const draft = created(
    await send(url, 'POST', '/v1/applications', {
      token: rep,
      json: { callId: F.calls.openEligible, associationId: F.associations.represented },
    }),
    'start',
  ) as unknown as Application;
  const saved = created(
    await send(url, 'PATCH', `/v1/applications/${draft.id}`, {
      token: rep,
      headers: {
        'if-match': etagFrom(await send(url, 'GET', `/v1/applications/${draft.id}`, { token: rep })),
      },
      json: { projectTitle: 'مشروع ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ après redémarrage' },
    }),
    'autosave',
  ) as unknown as Application;
  assert.equal(saved.revision, 2);
  const call = await readCall(first.db, F.calls.openEligible);
  const document = call?.requiredDocuments[0];
  assert.ok(document, 'the open call asks for a document');
  const { bytes, name } = fileFor(document);
  const form = new FormData();
  form.set('documentId', document.id);
  form.set('file', new File([bytes], name));
  const attachment = created(
    await send(url, 'POST', `/v1/applications/${draft.id}/attachments`, { token: rep, raw: form }),
    'upload',
  ) as unknown as Attachment;
  const sha = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  assert.equal(attachment.sha256, sha);
  reads.push([`/v1/applications/${draft.id}`, member]);

  // Review (a declared conflict needs no scores) and a decision on seeded applications under review: one the
  // demo reviewer has not reviewed, one they have (a decision needs the call's review).
  const underReview = (reviewed: boolean) =>
    first.db.one<{ id: string }>(
      `SELECT id FROM applications a WHERE call_id = ? AND status = 'under_review'
       AND ${reviewed ? '' : 'NOT '}EXISTS (SELECT 1 FROM reviews r WHERE r.application_id = a.id AND r.reviewer_id = ?)
       ORDER BY id LIMIT 1`,
      [F.calls.underReview, DEMO_ACCOUNTS.reviewer.id],
    );
  const [toReview, toDecide] = [await underReview(false), await underReview(true)];
  assert.ok(toReview && toDecide);
  created(
    await send(url, 'POST', `/v1/applications/${toReview.id}/reviews`, {
      token: reviewer,
      json: { conflictOfInterest: { declared: true, statement: 'Audit' }, scores: [] },
    }),
    'review',
  );
  reads.push([`/v1/applications/${toReview.id}`, admin]);
  created(
    await send(url, 'POST', `/v1/applications/${toDecide.id}/decision`, {
      token: admin,
      json: { outcome: 'rejected', reason: 'Audit de redémarrage' },
    }),
    'decision',
  );
  reads.push([`/v1/applications/${toDecide.id}`, admin]);

  // Consultations: a contribution on the first consultation open for it, a support, a moderation.
  const consultations = (await send(url, 'GET', '/v1/consultations?limit=50')).json as {
    items: { id: string }[];
  };
  let contributionId = '';
  for (const c of consultations.items) {
    const answer = await send(url, 'POST', `/v1/consultations/${c.id}/contributions`, {
      token: citizen,
      json: { kind: 'comment', body: 'مساهمة ⵜⴰⵎⴰⵣⵉⵖⵜ contribution persistante', consent: true },
    });
    if (answer.status === 201) {
      const body = answer.json as { id?: string; contribution?: { id: string } };
      contributionId = String(body.id ?? body.contribution?.id ?? '');
      break;
    }
  }
  assert.ok(contributionId, 'some consultation takes contributions');
  reads.push([`/v1/contributions/${contributionId}`, moderator]);
  const queue = (await send(url, 'GET', '/v1/moderation/contributions?limit=5', { token: moderator }))
    .json as {
    items: { id: string }[];
  };
  const toModerate = queue.items.find((i) => i.id !== contributionId);
  assert.ok(toModerate);
  created(
    await send(url, 'POST', `/v1/contributions/${toModerate.id}/moderation`, {
      token: moderator,
      json: { decision: 'publish' },
    }),
    'moderation',
  );
  reads.push([`/v1/contributions/${toModerate.id}`, moderator]);
  created(
    await send(url, 'POST', `/v1/contributions/${toModerate.id}/supports`, { token: member }),
    'support',
  );
  reads.push([`/v1/contributions/${toModerate.id}`, undefined]);

  // Trainings: a registration to a session open for registration.
  const sessions = (await send(url, 'GET', '/v1/sessions?limit=100')).json as {
    items: { id: string; registrationState: string }[];
  };
  let registrationId = '';
  for (const s of sessions.items.filter((i) => i.registrationState === 'open')) {
    const answer = await send(url, 'POST', '/v1/registrations', {
      token: rep,
      json: {
        sessionId: s.id,
        associationId: F.associations.represented,
        participant: { accountId: F.accounts.member },
        consent: true,
      },
    });
    if (answer.status === 201) {
      const body = answer.json as { id?: string; registration?: { id: string } };
      registrationId = String(body.id ?? body.registration?.id ?? '');
      break;
    }
  }
  assert.ok(registrationId, 'some session takes registrations');
  reads.push([`/v1/registrations/${registrationId}`, rep]);

  const before: string[] = [];
  for (const [path, token] of reads) before.push((await send(url, 'GET', path, { token })).text);
  const countsBefore = await counts(first);
  await first.close();

  const second = await startServer(options);
  try {
    assert.equal(second.seeded, false, 'nothing is reseeded');
    assert.deepEqual(await counts(second), countsBefore);
    const again = second.url;
    // Tokens are stored: the same tokens still work after the restart.
    for (const [i, [path, token]] of reads.entries()) {
      const answer = await send(again, 'GET', path, { token });
      assert.equal(answer.status, 200, path);
      assert.equal(answer.text, before[i], `${path} reads back identically`);
    }
    const stored = await readFile(storedFilePath(dataDir, sha.slice('sha256:'.length)));
    assert.deepEqual(new Uint8Array(stored), bytes, 'the stored file keeps its bytes');
    const read = (await send(again, 'GET', `/v1/applications/${draft.id}`, { token: rep }))
      .json as Application;
    const kept = read.attachments.find((a) => a.id === attachment.id);
    assert.equal(kept?.sha256, sha);
    assert.equal(kept?.size, bytes.byteLength);
  } finally {
    await second.close();
  }
});

function etagFrom(answer: Answer): string {
  return answer.headers.get('etag') ?? '';
}
