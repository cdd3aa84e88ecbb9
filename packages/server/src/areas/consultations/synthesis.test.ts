import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  AuditLogEntry,
  Consultation,
  Contribution,
  ContributionReceipt,
  DocumentVersion,
  PageOf,
  Problem,
  Synthesis,
  SynthesisCandidate,
  SynthesisCandidateGroups,
  SynthesisDraft,
  UpdateSynthesisDraft,
} from '@nassij/contract';
import { wordDiff } from '@nassij/contract';
import { listEvents } from '../../events/log.js';
import { listMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { addSupport } from './store.js';
import { CONTRIBUTION_VERSION_BACKFILL } from './synthesis-migrations.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface Sent<T = unknown> {
  status: number;
  body: T;
  etag: string | null;
}

const DAY_MS = 86_400_000;
let server: Server;
/** The server's clock runs `offset` ms ahead of the real one: a test moves time by changing it. */
let offset = 0;
const now = () => new Date(Date.now() + offset);
const tokens = {} as Record<DemoAccountKey, string>;

async function send<T>(
  method: string,
  path: string,
  options: { as?: DemoAccountKey; json?: unknown; ifMatch?: string; headers?: Record<string, string> } = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as) headers.authorization = `Bearer ${tokens[options.as]}`;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    etag: response.headers.get('etag'),
  };
}

async function signInAll(): Promise<void> {
  const keys = Object.keys(DEMO_ACCOUNTS) as DemoAccountKey[];
  const signed = await Promise.all(
    keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
  keys.forEach((key, index) => {
    tokens[key] = signed[index] ?? '';
  });
}

const draftPath = (id: string) => `/v1/consultations/${id}/synthesis/draft`;

async function contribute(consultationId: string, as: DemoAccountKey, body: string): Promise<Contribution> {
  const sent = await send<ContributionReceipt>('POST', `/v1/consultations/${consultationId}/contributions`, {
    as,
    json: { kind: 'comment', body, consent: true },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  return sent.body.contribution;
}

/** Every top-level published contribution of a consultation, as the public list gives them. */
async function publicContributions(consultationId: string): Promise<Contribution[]> {
  const all: Contribution[] = [];
  let cursor: string | undefined;
  do {
    const page = await send<PageOf<Contribution>>(
      'GET',
      `/v1/consultations/${consultationId}/contributions?limit=100&sort=newest${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.equal(page.status, 200, JSON.stringify(page.body));
    all.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Every candidate a filter keeps (`articleId=…`, `wholeText=true` or none), paged `limit` at a time: checks
 * that each page but the last is full and has a cursor, that `total` holds on every page, and that the last
 * page says `nextCursor: null`.
 */
async function pageThroughCandidates(
  consultationId: string,
  filter: string,
  limit: number,
): Promise<{ items: SynthesisCandidate[]; pages: number }> {
  const items: SynthesisCandidate[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let total: number | undefined;
  do {
    const query = [filter, `limit=${limit}`, cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
    const page = await send<PageOf<SynthesisCandidate>>(
      'GET',
      `/v1/consultations/${consultationId}/synthesis/candidates?${query}`,
      { as: 'ministryAdmin' },
    );
    assert.equal(page.status, 200, JSON.stringify(page.body));
    pages += 1;
    total ??= page.body.total;
    assert.equal(page.body.total, total, 'the same total on every page');
    if (page.body.nextCursor) assert.equal(page.body.items.length, limit, 'a page before the last is full');
    items.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
    assert.ok(pages <= 1000, 'the pages end');
  } while (cursor);
  assert.equal(items.length, total, 'the pages hold exactly the total');
  return { items, pages };
}

/** Whether `a` comes before `b` in the candidates' order: most supported, then newest. */
function supportedFirst(a: SynthesisCandidate, b: SynthesisCandidate): boolean {
  return a.supports > b.supports || (a.supports === b.supports && a.createdAt >= b.createdAt);
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  await signInAll();
});
after(async () => {
  await server.stop();
});

describe('contributions carry the version they were written on', () => {
  test('the seed: the draft law’s contributions before version 2 carry v1, later ones v2', async () => {
    const law = (await send<Consultation>('GET', `/v1/consultations/${F.consultations.draftLaw}`)).body;
    const secondAt = law.versions.find((v) => v.id === 'v2')?.publishedAt;
    assert.ok(secondAt, 'the draft law has a second version');
    const contributions = await publicContributions(F.consultations.draftLaw);
    const seen = new Set<string | undefined>();
    for (const c of [...contributions, ...contributions.flatMap((p) => p.replies ?? [])]) {
      const expected: string = c.createdAt >= secondAt ? 'v2' : 'v1';
      assert.equal(c.versionId, expected, `${c.id} written ${c.createdAt}`);
      seen.add(c.versionId);
    }
    assert.deepEqual([...seen].sort(), ['v1', 'v2'], 'the seed has contributions on both versions');
    const followed = await send<Contribution>(
      'GET',
      `/v1/contributions/${F.contributions.answeredAmendment}`,
    );
    assert.equal(followed.body.versionId, 'v1');
  });

  test('the backfill of migration 045 gives every seeded contribution the version the seed wrote', async () => {
    const db = server.db;
    const read = () =>
      db.all<{ id: string; version_id: string | null }>(
        'SELECT id, version_id FROM contributions ORDER BY id',
      );
    const seeded = await read();
    assert.ok(seeded.length > 50);
    assert.ok(seeded.every((r) => r.version_id !== null));
    let backfilled: { id: string; version_id: string | null }[] = [];
    const rollback = new Error('roll back');
    await assert.rejects(
      db.atomic(async () => {
        await db.write('UPDATE contributions SET version_id = NULL');
        await db.script(CONTRIBUTION_VERSION_BACKFILL);
        backfilled = await read();
        throw rollback;
      }),
      rollback,
    );
    assert.deepEqual(backfilled, seeded);
    assert.deepEqual(await read(), seeded, 'the trial was rolled back');
  });

  test('written under v1 then v2, each carries its version; the widget finds what changed and diffs the amendment', async () => {
    const id = F.consultations.registeredOnly;
    const db = server.db;
    const v1Row = await db.one<{ data: string; position: number }>(
      "SELECT data, position FROM consultation_versions WHERE consultation_id = ? AND id = 'v1'",
      [id],
    );
    assert.ok(v1Row);
    const v1 = JSON.parse(v1Row.data) as DocumentVersion;
    const articles = v1.sections.flatMap((section) => section.articles);
    const amended = articles[0];
    const dropped = articles[articles.length - 1];
    assert.ok(amended?.body.ar && dropped && amended.id !== dropped.id);
    const proposedText = amended.body.ar.replace('سوس', 'سوس وماسة');
    const amendment = await send<ContributionReceipt>('POST', `/v1/consultations/${id}/contributions`, {
      as: 'citizen',
      json: { kind: 'amendment', articleId: amended.id, body: 'توسيع النطاق', proposedText, consent: true },
    });
    assert.equal(amendment.status, 201, JSON.stringify(amendment.body));
    assert.equal(amendment.body.contribution.versionId, 'v1');
    const onDropped = await send<ContributionReceipt>('POST', `/v1/consultations/${id}/contributions`, {
      as: 'citizen',
      json: { kind: 'comment', articleId: dropped.id, body: 'ملاحظة على المادة الأخيرة', consent: true },
    });
    assert.equal(onDropped.body.contribution.versionId, 'v1');

    // A second version, as publishing one leaves the tables: the first article reworded, the last removed.
    const at = now().toISOString();
    const v2: DocumentVersion = {
      ...v1,
      id: 'v2',
      label: { fr: 'Version 2' },
      publishedAt: at,
      sections: v1.sections.map((section) => ({
        ...section,
        articles: section.articles
          .filter((a) => a.id !== dropped.id)
          .map((a) =>
            a.id === amended.id ? { ...a, body: { ...a.body, ar: `${a.body.ar} في أجل سنتين` } } : a,
          ),
      })),
    };
    const row = await db.one<{ data: string }>('SELECT data FROM consultations WHERE id = ?', [id]);
    const stored = JSON.parse(row?.data ?? '{}') as Consultation;
    await db.atomic(async () => {
      await db.write(
        'INSERT INTO consultation_versions (consultation_id, id, position, published_at, data) VALUES (?, ?, ?, ?, ?)',
        [id, 'v2', Number(v1Row.position) + 1, at, JSON.stringify(v2)],
      );
      await db.write("UPDATE consultations SET current_version_id = 'v2', data = ? WHERE id = ?", [
        JSON.stringify({
          ...stored,
          currentVersionId: 'v2',
          versions: [...stored.versions, { id: 'v2', label: v2.label, publishedAt: at }],
        }),
        id,
      ]);
    });
    const later = await contribute(id, 'representative', 'Remarque sur la version 2');
    assert.equal(later.versionId, 'v2');
    const followed = await send<Contribution>('GET', `/v1/contributions/${amendment.body.contribution.id}`);
    assert.equal(followed.body.versionId, 'v1', 'an older contribution keeps its version');

    // What the widget does: compare the contribution's version with the current one…
    const diff = await send<{ articles: { articleId: string; change: string }[] }>(
      'GET',
      `/v1/consultations/${id}/versions/v2/diff?against=${followed.body.versionId}`,
    );
    assert.equal(diff.status, 200);
    const change = (articleId: string) => diff.body.articles.find((a) => a.articleId === articleId)?.change;
    assert.equal(change(amended.id), 'modified', 'the amended article changed since');
    assert.equal(change(dropped.id), 'removed', 'the commented article is gone');
    assert.equal(change(articles[1]?.id ?? ''), 'unchanged');
    // …and show the amendment against the article as it stood in that version.
    const original = await send<DocumentVersion>('GET', `/v1/consultations/${id}/versions/v1`);
    const body = original.body.sections.flatMap((s) => s.articles).find((a) => a.id === amended.id)?.body.ar;
    assert.equal(body, amended.body.ar);
    const changes = wordDiff(body ?? '', followed.body.proposedText ?? '').filter(
      (part) => part.op !== 'equal',
    );
    assert.deepEqual(
      changes.map((part) => ({ op: part.op, text: part.text.trim() })),
      [{ op: 'insert', text: 'وماسة' }],
      'one word inserted',
    );
  });
});

describe('the synthesis draft', () => {
  test('only the staff of the consultation’s organisation and platform admins read it', async () => {
    const path = draftPath(F.consultations.draftLaw);
    assert.equal((await send('GET', path)).status, 401);
    assert.equal((await send('GET', path, { as: 'citizen' })).status, 403);
    assert.equal((await send('GET', path, { as: 'regionAdmin' })).status, 403, 'another organisation');
    assert.equal((await send('GET', path, { as: 'ministryCallManager' })).status, 403, 'calls only');
    assert.equal((await send('GET', path, { as: 'ministryAdmin' })).status, 200);
    assert.equal((await send('GET', path, { as: 'ministryConsultationManager' })).status, 200);
    assert.equal((await send('GET', path, { as: 'admin' })).status, 200);
    assert.equal((await send('GET', draftPath('cons_missing'), { as: 'admin' })).status, 404);
    const candidates = `/v1/consultations/${F.consultations.draftLaw}/synthesis/candidates`;
    assert.equal((await send('GET', candidates, { as: 'regionCallManager' })).status, 403);
    assert.equal(
      (
        await send('POST', `/v1/consultations/${F.consultations.closed}/synthesis/publish`, {
          as: 'ministryAdmin',
        })
      ).status,
      403,
      'the ministry does not hold the closed consultation',
    );
  });

  test('groups the published recommendations and amendments by article, with their counts', async () => {
    const sent = await send<SynthesisCandidateGroups>(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/synthesis/candidates/groups`,
      { as: 'ministryAdmin' },
    );
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.ok(sent.body.groups.length > 0);
    assert.equal(
      sent.body.total,
      sent.body.groups.reduce((sum, group) => sum + group.count, 0),
    );
    assert.equal(
      new Set(sent.body.groups.map((g) => g.articleId)).size,
      sent.body.groups.length,
      'once each',
    );
    const whole = sent.body.groups.findIndex((g) => g.articleId === null);
    if (whole >= 0) assert.equal(whole, sent.body.groups.length - 1, 'the whole text comes last');
    const everything = await pageThroughCandidates(F.consultations.draftLaw, '', 100);
    assert.equal(everything.items.length, sent.body.total);
    for (const group of sent.body.groups) {
      const filter = group.articleId === null ? 'wholeText=true' : `articleId=${group.articleId}`;
      const { items } = await pageThroughCandidates(F.consultations.draftLaw, filter, 100);
      assert.equal(items.length, group.count, `the count of ${group.articleId}`);
    }
    const regional = await send(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/synthesis/candidates/groups`,
      {
        as: 'regionCallManager',
      },
    );
    assert.equal(regional.status, 403);
  });

  test('pages the candidates most supported first, then newest, with no repeat and no gap', async () => {
    const id = F.consultations.draftLaw;
    const { items: all, pages } = await pageThroughCandidates(id, '', 2);
    assert.ok(pages >= 2, 'more candidates than one page of 2');
    const ids = all.map((c) => c.contributionId);
    assert.equal(new Set(ids).size, ids.length, 'no candidate twice');
    all.slice(1).forEach((candidate, index) => {
      const before = all[index] as SynthesisCandidate;
      assert.ok(
        supportedFirst(before, candidate),
        `${before.contributionId} before ${candidate.contributionId}`,
      );
    });
    // No gap: one page of everything holds the same candidates in the same order.
    const whole = await send<PageOf<SynthesisCandidate>>(
      'GET',
      `/v1/consultations/${id}/synthesis/candidates?limit=100`,
      { as: 'ministryAdmin' },
    );
    assert.equal(whole.body.nextCursor, null);
    assert.deepEqual(
      whole.body.items.map((c) => c.contributionId),
      ids,
    );
    assert.ok(ids.includes(F.contributions.unansweredRecommendation));
    assert.ok(ids.includes(F.contributions.answeredAmendment));
    assert.ok(!ids.includes(F.contributions.pendingRecommendation), 'pending ones wait for moderation');
    assert.ok(
      !ids.includes(F.contributions.publishedWithReplies),
      'comments are not answered in the synthesis',
    );
    assert.ok(all.every((c) => c.kind === 'recommendation' || c.kind === 'amendment'));
    const amendment = all.find((c) => c.contributionId === F.contributions.answeredAmendment);
    assert.ok(amendment?.proposedText, 'an amendment comes with its wording');
    assert.equal(amendment?.versionId, 'v1');

    // One article's candidates, a page of one at a time: the same order, that article only. Two new
    // recommendations make sure the article has more than one page.
    const groups = await send<SynthesisCandidateGroups>(
      'GET',
      `/v1/consultations/${id}/synthesis/candidates/groups`,
      {
        as: 'ministryAdmin',
      },
    );
    const onArticle = groups.body.groups.find((g) => g.articleId !== null);
    assert.ok(onArticle?.articleId);
    for (const as of ['citizen', 'moderator'] as const) {
      const sent: Sent<ContributionReceipt> = await send('POST', `/v1/consultations/${id}/contributions`, {
        as,
        json: {
          kind: 'recommendation',
          articleId: onArticle.articleId,
          body: `Une recommandation de ${as}`,
          consent: true,
        },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.equal(sent.body.contribution.moderation.state, 'published', 'signed in: published at once');
    }
    const everyone = (await pageThroughCandidates(id, '', 100)).items.map((c) => c.contributionId);
    const filter = onArticle.articleId === null ? 'wholeText=true' : `articleId=${onArticle.articleId}`;
    const article = await pageThroughCandidates(id, filter, 1);
    assert.equal(article.pages, onArticle.count + 2);
    assert.ok(
      article.items.every((c) => c.createdAt),
      'whole candidates',
    );
    assert.deepEqual(
      article.items.map((c) => c.contributionId),
      everyone.filter((candidate) => article.items.some((c) => c.contributionId === candidate)),
      'in the order of the whole list',
    );
  });

  test('refuses a damaged cursor, and an article and the whole text at once', async () => {
    const path = `/v1/consultations/${F.consultations.draftLaw}/synthesis/candidates`;
    const damaged = await send<Problem>('GET', `${path}?cursor=not-a-cursor`, { as: 'ministryAdmin' });
    assert.equal(damaged.status, 422);
    const both = await send<Problem>('GET', `${path}?articleId=art-1&wholeText=true`, {
      as: 'ministryAdmin',
    });
    assert.equal(both.status, 422);
    const unknown = await send<PageOf<SynthesisCandidate>>('GET', `${path}?articleId=art-404`, {
      as: 'ministryAdmin',
    });
    assert.deepEqual(unknown.body, { items: [], nextCursor: null, total: 0 });
  });

  test('round trip with If-Match: 428 without, 412 when stale, saved otherwise', async () => {
    const path = draftPath(F.consultations.draftLaw);
    const empty = await send<SynthesisDraft>('GET', path, { as: 'ministryAdmin' });
    assert.equal(empty.body.revision, 0);
    assert.ok(empty.body.problems.some((p) => p.path === '/summary'));
    assert.ok(
      empty.body.problems.some(
        (p) => p.path === `/decisions/${F.contributions.unansweredRecommendation}/outcome`,
      ),
    );
    assert.ok(empty.etag);
    const body: UpdateSynthesisDraft = {
      summary: { ar: 'تلقت الوزارة مساهمات كثيرة', fr: 'De nombreuses contributions' },
      articles: [{ articleId: 'art-5', summary: { ar: 'طالب المساهمون بتمديد الأجل' } }],
      decisions: [
        {
          contributionId: F.contributions.unansweredRecommendation,
          outcome: 'out_of_scope',
          reason: { fr: 'Relève d’un décret d’application' },
        },
      ],
    };
    assert.equal((await send('PUT', path, { as: 'ministryAdmin', json: body })).status, 428);
    const saved = await send<SynthesisDraft>('PUT', path, {
      as: 'ministryAdmin',
      json: body,
      ifMatch: empty.etag,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.revision, 1);
    assert.deepEqual(saved.body.decisions, body.decisions);
    assert.ok(!saved.body.problems.some((p) => p.path === '/summary'));
    assert.ok(
      !saved.body.problems.some((p) =>
        p.path.startsWith(`/decisions/${F.contributions.unansweredRecommendation}/`),
      ),
    );
    assert.notEqual(saved.etag, empty.etag);
    const stale = await send<Problem & { current?: SynthesisDraft }>('PUT', path, {
      as: 'ministryAdmin',
      json: { articles: [], decisions: [] },
      ifMatch: empty.etag,
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.current?.revision, 1, 'the current draft comes back to merge');
    const read = await send<SynthesisDraft>('GET', path, { as: 'ministryAdmin' });
    assert.deepEqual(read.body, saved.body);
    assert.equal(read.etag, saved.etag);
    const candidates = await pageThroughCandidates(F.consultations.draftLaw, '', 100);
    const answered = candidates.items.find(
      (c) => c.contributionId === F.contributions.unansweredRecommendation,
    );
    assert.equal(answered?.outcome, 'out_of_scope', 'the editor list shows the draft’s outcome');
  });

  test('refuses ids that are not of this consultation, and an id given twice', async () => {
    const path = draftPath(F.consultations.draftLaw);
    const { etag } = await send<SynthesisDraft>('GET', path, { as: 'ministryAdmin' });
    assert.ok(etag);
    const wrong = await send<Problem>('PUT', path, {
      as: 'ministryAdmin',
      ifMatch: etag,
      json: {
        articles: [{ articleId: 'art-404', summary: { fr: 'x' } }],
        decisions: [{ contributionId: F.contributions.publishedWithReplies, outcome: 'accepted' }],
      },
    });
    assert.equal(wrong.status, 422);
    assert.deepEqual(wrong.body.errors?.map((e) => e.path).sort(), [
      '/articles/0/articleId',
      '/decisions/0/contributionId',
    ]);
    const twice = await send<Problem>('PUT', path, {
      as: 'ministryAdmin',
      ifMatch: etag,
      json: {
        articles: [],
        decisions: [
          { contributionId: F.contributions.unansweredRecommendation, outcome: 'accepted' },
          { contributionId: F.contributions.unansweredRecommendation, outcome: 'not_retained' },
        ],
      },
    });
    assert.equal(twice.status, 422);
    assert.equal(twice.body.errors?.[0]?.path, '/decisions/1');
    assert.equal(
      (await send<SynthesisDraft>('GET', path, { as: 'ministryAdmin' })).etag,
      etag,
      'nothing saved',
    );
  });
  test('two saves from one ETag at once: one is saved, the other answers 412 with the draft as saved', async () => {
    for (const round of [0, 1]) {
      // Round 0 races the first save of a draft (an insert), round 1 a later one (an update).
      const path = draftPath(F.consultations.closed);
      const { etag, body } = await send<SynthesisDraft>('GET', path, { as: 'admin' });
      assert.equal(body.revision, round);
      assert.ok(etag);
      const save = (summary: string) =>
        send<SynthesisDraft & Problem>('PUT', path, {
          as: 'admin',
          ifMatch: etag,
          json: { summary: { fr: summary }, articles: [], decisions: [] },
        });
      const answers = await Promise.all([save('Première'), save('Seconde')]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 412]);
      const saved = answers.find((a) => a.status === 200)?.body;
      const refused = answers.find((a) => a.status === 412)?.body as Problem & { current?: SynthesisDraft };
      assert.equal(saved?.revision, round + 1);
      assert.deepEqual(refused.current, saved, 'the loser gets the winner’s draft to merge');
    }
  });
});

describe('publishing the synthesis', () => {
  test('the seeded synthesis carries its figures at closing, and the public reads it', async () => {
    const seeded = await send<Consultation>('GET', `/v1/consultations/${F.consultations.synthesisPublished}`);
    const closesAt = seeded.body.phases.find((p) => p.phase === 'contributions_open')?.period.end;
    const { participants, contributions, supports } = seeded.body.stats;
    assert.deepEqual(seeded.body.synthesis?.frozen, {
      participants,
      contributions,
      supports,
      closedAt: closesAt,
    });
    assert.ok(seeded.body.synthesis?.recommendations.every((r) => r.kind === 'recommendation'));
    const asStaff = await send<SynthesisDraft>('GET', draftPath(F.consultations.synthesisPublished), {
      as: 'admin',
    });
    assert.equal(asStaff.body.revision, 0, 'a seeded synthesis has no draft');
  });

  test('is refused while contributions are open', async () => {
    const sent = await send<Problem>(
      'POST',
      `/v1/consultations/${F.consultations.draftLaw}/synthesis/publish`,
      {
        as: 'ministryAdmin',
      },
    );
    assert.equal(sent.status, 409);
    assert.equal(sent.body.code, 'invalid_state');
  });

  test('once closed: refused while incomplete, then freezes the figures, records the event and mails participants', async () => {
    const id = F.consultations.draftLaw;
    // Participants before closing: two accounts in their own languages, and an anonymous person.
    await contribute(id, 'citizen', 'أؤيد تمديد مدة التشاور');
    await contribute(id, 'moderator', 'ⴰⵎⵙⴰⵙⴰ ⵉⵙⵙⵓⴼⵖ ⵜⴰⵎⴰⵣⵉⵖⵜ');
    const anonymous = await send<ContributionReceipt>('POST', `/v1/consultations/${id}/contributions`, {
      headers: { 'x-nassij-device': 'synthesis-test-device-0001' },
      json: {
        kind: 'comment',
        body: 'Contribution anonyme',
        consent: true,
        author: { displayName: 'Anonyme', participantType: 'citizen' },
      },
    });
    assert.equal(anonymous.status, 201, JSON.stringify(anonymous.body));

    // Contributions close: the clock passes their end, and the stored phase says so.
    const law = (await send<Consultation>('GET', `/v1/consultations/${id}`)).body;
    const closesAt = law.phases.find((p) => p.phase === 'contributions_open')?.period.end;
    assert.ok(closesAt);
    offset = Date.parse(closesAt) - Date.now() + DAY_MS;
    await signInAll();
    const row = await server.db.one<{ data: string }>('SELECT data FROM consultations WHERE id = ?', [id]);
    await server.db.write(
      "UPDATE consultations SET phase = 'closed', phase_rank = 3, data = ? WHERE id = ?",
      [JSON.stringify({ ...(JSON.parse(row?.data ?? '{}') as Consultation), phase: 'closed' }), id],
    );

    const publishPath = `/v1/consultations/${id}/synthesis/publish`;
    // Read two at a time: more candidates than one page, and the publication reads them all itself.
    const { items: candidates, pages } = await pageThroughCandidates(id, '', 2);
    assert.ok(candidates.length >= 3 && pages >= 2);
    const [undecided, ...decided] = candidates.map((c) => c.contributionId);
    const draft = await send<SynthesisDraft>('GET', draftPath(id), { as: 'ministryConsultationManager' });
    const reason = { ar: 'أُدرج المقترح في الصيغة النهائية', fr: 'Intégré à la version finale' };
    const partial = await send<SynthesisDraft>('PUT', draftPath(id), {
      as: 'ministryConsultationManager',
      ifMatch: draft.etag ?? '',
      json: {
        summary: { ar: 'حصيلة التشاور', fr: 'Synthèse de la consultation', zgh: 'ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵎⵙⴰⵙⴰ' },
        articles: [],
        decisions: [
          { contributionId: undecided, outcome: 'accepted' },
          ...decided.map((contributionId) => ({
            contributionId,
            outcome: 'partly_accepted' as const,
            reason,
          })),
        ],
      },
    });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    const incomplete = await send<Problem>('POST', publishPath, { as: 'ministryConsultationManager' });
    assert.equal(incomplete.status, 422);
    assert.equal(incomplete.body.code, 'synthesis_incomplete');
    assert.deepEqual(
      incomplete.body.errors?.map((e) => e.path),
      [`/decisions/${undecided}/reason`],
    );
    assert.equal((await send('GET', `/v1/consultations/${id}/synthesis`)).status, 404, 'nothing published');

    const complete = await send<SynthesisDraft>('PUT', draftPath(id), {
      as: 'ministryConsultationManager',
      ifMatch: partial.etag ?? '',
      json: {
        summary: partial.body.summary,
        articles: [{ articleId: 'art-5', summary: { fr: 'Délais jugés trop courts' } }],
        decisions: [
          { contributionId: undecided, outcome: 'out_of_scope', reason },
          ...decided.map((contributionId) => ({
            contributionId,
            outcome: 'partly_accepted' as const,
            reason,
          })),
        ],
      },
    });
    assert.equal(complete.status, 200);
    assert.deepEqual(complete.body.problems, []);
    const statsAtClosing = (await send<Consultation>('GET', `/v1/consultations/${id}`)).body.stats;
    const published = await send<Synthesis>('POST', publishPath, { as: 'ministryConsultationManager' });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.deepEqual(published.body.frozen, {
      participants: statsAtClosing.participants,
      contributions: statsAtClosing.contributions,
      supports: statsAtClosing.supports,
      closedAt: closesAt,
    });
    assert.equal(published.body.recommendations.length, candidates.length);
    assert.equal(
      published.body.recommendations.find((r) => r.contributionId === undecided)?.outcome,
      'out_of_scope',
    );

    const publicView = await send<Consultation>('GET', `/v1/consultations/${id}`);
    assert.equal(publicView.body.phase, 'synthesis_published');
    const publicSynthesis = await send<Synthesis>('GET', `/v1/consultations/${id}/synthesis`);
    assert.deepEqual(publicSynthesis.body, published.body);

    const events = await listEvents(server.db, { type: 'synthesis.published' });
    assert.equal(
      events.filter((e) => (e.data as { consultationId: string }).consultationId === id).length,
      1,
    );

    const audit = await send<PageOf<AuditLogEntry>>(
      'GET',
      `/v1/admin/audit?targetType=consultation&targetId=${id}&action=consultation.publishSynthesis`,
      { as: 'admin' },
    );
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    assert.deepEqual(
      audit.body.items.map((entry) => [entry.action, entry.actorId]),
      [['consultation.publishSynthesis', F.accounts.ministryConsultationManager]],
    );

    // Each account that contributed is told once, in its language; the anonymous person left no address.
    const mails = await listMail(server.db, { kind: 'synthesis.published' });
    const byRecipient = new Map(mails.map((m) => [m.to, m]));
    assert.equal(byRecipient.size, mails.length, 'one message per participant');
    for (const key of ['citizen', 'moderator', 'representative'] as const) {
      const mail = byRecipient.get(DEMO_ACCOUNTS[key].email);
      assert.ok(mail, `${key} is told`);
      assert.equal(mail.locale, DEMO_ACCOUNTS[key].locale);
      assert.ok(mail.subject.includes(law.reference));
    }
    assert.equal(byRecipient.get(DEMO_ACCOUNTS.representative.email)?.subject.includes('Synthèse'), true);
    assert.ok(
      !byRecipient.has(DEMO_ACCOUNTS.ministryAdmin.email),
      'staff who did not contribute are not told',
    );
    const accounts = await server.db.all<{ email: string }>(
      `SELECT DISTINCT a.email FROM contributions c JOIN accounts a ON a.id = c.account_id WHERE c.consultation_id = ?`,
      [id],
    );
    assert.deepEqual([...byRecipient.keys()].sort(), accounts.map((a) => a.email).sort());

    // A later support moves the live figures, not the frozen ones.
    await addSupport(server.db, decided[0] as string, 'seed:after-synthesis', now().toISOString());
    const later = await send<Consultation>('GET', `/v1/consultations/${id}`);
    assert.equal(later.body.stats.supports, statsAtClosing.supports + 1);
    assert.deepEqual(later.body.synthesis?.frozen, published.body.frozen);

    const again = await send<Problem>('POST', publishPath, { as: 'ministryConsultationManager' });
    assert.equal(again.status, 409);
    const edit = await send<Problem>('PUT', draftPath(id), {
      as: 'ministryConsultationManager',
      ifMatch: complete.etag ?? '',
      json: { articles: [], decisions: [] },
    });
    assert.equal(edit.status, 409, 'a published synthesis no longer changes');
    assert.equal(
      (await listMail(server.db, { kind: 'synthesis.published' })).length,
      mails.length,
      'mailed once',
    );
  });
});
