import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  Consultation,
  Contribution,
  ContributionReceipt,
  DocumentVersion,
  VersionDiff,
} from '@nassij/contract';
import { readAudit } from '../../db/audit.js';
import { createAccount, DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { REPORTS_BEFORE_REVIEW, REPORTS_PER_HOUR } from './routes.js';
import { recountContributions } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

let server: Server;
const tokens: Record<string, string> = {};

async function call(
  method: string,
  path: string,
  options: { token?: string; device?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.device) headers['x-nassij-device'] = options.device;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

const anonymousAuthor = { displayName: 'ⵎⵓⵃⵎⵎⴷ', participantType: 'citizen', region: 'MA-09' } as const;
let deviceCounter = 0;
const newDevice = () => `test-device-${String(++deviceCounter).padStart(8, '0')}`;

/** Signed-in readers who report, one account each (automatic hiding needs distinct accounts). */
const reporters: string[] = [];

before(async () => {
  // One trusted proxy: the tests name anonymous readers by X-Forwarded-For.
  server = await tempServer({ rateLimit: false, trustProxy: { hops: 1 } });
  for (const [key, account] of Object.entries(DEMO_ACCOUNTS)) {
    tokens[key] = await signInAs(server.url, account.email, account.password);
  }
  for (let i = 1; i <= REPORTS_BEFORE_REVIEW + 1; i++) {
    const account = {
      id: `acc_reader_${String.fromCharCode(96 + i)}`,
      email: `reader-${i}@test.nassij.ma`,
      password: `reader-password-${i}`,
      displayName: `Reader ${i}`,
      roles: ['citizen' as const],
      memberships: [],
    };
    await createAccount(server.db, account, new Date());
    reporters.push(await signInAs(server.url, account.email, account.password));
  }
});
after(() => server.stop());

describe('consultations', () => {
  test('search has every phase, facets, and finds by words and by reference', async () => {
    const all = await call('GET', '/v1/consultations?limit=100');
    assert.equal(all.status, 200);
    const items = all.json.items as unknown as { id: string; phase: string; participationMode: string }[];
    assert.ok(items.length >= 6);
    for (const phase of ['upcoming', 'information', 'contributions_open', 'closed', 'synthesis_published']) {
      assert.ok(
        items.some((c) => c.phase === phase),
        phase,
      );
    }
    assert.equal(items.filter((c) => c.phase === 'contributions_open').length >= 2, true);
    const facets = all.json.facets as unknown as Record<string, { value: string; count: number }[]>;
    for (const name of ['phase', 'region', 'subjectType', 'scope', 'issuingBody'])
      assert.ok(facets[name], name);

    const open = await call('GET', '/v1/consultations?phase=contributions_open&scope=regional');
    const openItems = open.json.items as unknown as { id: string }[];
    assert.deepEqual(
      openItems.map((c) => c.id),
      [F.consultations.registeredOnly],
    );
    // The phase facet ignores the phase filter itself.
    const phaseFacet = (open.json.facets as unknown as Record<string, { value: string }[]>).phase ?? [];
    assert.ok(phaseFacet.some((f) => f.value === 'synthesis_published'));

    const words = await call('GET', `/v1/consultations?q=${encodeURIComponent('التشاور العمومي')}`);
    assert.ok(
      (words.json.items as unknown as { id: string }[]).some((c) => c.id === F.consultations.draftLaw),
    );
    const page = await call('GET', '/v1/consultations?limit=2');
    assert.equal(typeof page.json.nextCursor, 'string');
    const next = await call('GET', `/v1/consultations?limit=2&cursor=${page.json.nextCursor}`);
    assert.notEqual(
      (next.json.items as unknown as { id: string }[])[0]?.id,
      (page.json.items as unknown as { id: string }[])[0]?.id,
    );
    assert.equal((await call('GET', '/v1/consultations?cursor=bogus!')).status, 422);
  });

  test('the draft law: current text with counts, both versions and the diff', async () => {
    const response = await call('GET', `/v1/consultations/${F.consultations.draftLaw}`);
    assert.equal(response.status, 200);
    const law = response.json as unknown as Consultation;
    assert.equal(law.subjectType, 'draft_law');
    assert.equal(law.currentVersionId, 'v2');
    assert.equal(law.versions.length, 2);
    const articles = law.text?.sections.flatMap((s) => s.articles) ?? [];
    assert.ok(articles.length >= 12);
    assert.ok((law.text?.sections.length ?? 0) >= 3);
    assert.ok((articles.find((a) => a.id === 'art-5')?.contributionCount ?? 0) >= 2);
    assert.equal(articles.find((a) => a.id === 'art-9b')?.changed, 'added');
    assert.equal(articles.find((a) => a.id === 'art-5')?.changed, 'modified');
    assert.equal(
      articles.find((a) => a.id === 'art-14'),
      undefined,
    );

    const byReference = await call('GET', `/v1/consultations/${law.reference}`);
    assert.equal((byReference.json as unknown as Consultation).id, F.consultations.draftLaw);

    const v1 = (await call('GET', `/v1/consultations/${F.consultations.draftLaw}/versions/v1`))
      .json as unknown as DocumentVersion;
    assert.ok(v1.sections.flatMap((s) => s.articles).some((a) => a.id === 'art-14'));
    assert.equal(
      (await call('GET', `/v1/consultations/${F.consultations.draftLaw}/versions/v9`)).status,
      404,
    );

    const diff = (
      await call('GET', `/v1/consultations/${F.consultations.draftLaw}/versions/v2/diff?against=v1`)
    ).json as unknown as VersionDiff;
    const change = (id: string) => diff.articles.find((a) => a.articleId === id);
    assert.equal(change('art-9b')?.change, 'added');
    assert.equal(change('art-14')?.change, 'removed');
    assert.ok(change('art-14')?.before);
    assert.equal(change('art-5')?.change, 'modified');
    assert.notDeepEqual(change('art-5')?.before, change('art-5')?.after);
    assert.equal(change('art-1')?.change, 'unchanged');
    assert.equal(
      (await call('GET', `/v1/consultations/${F.consultations.draftLaw}/versions/v2/diff?against=v7`)).status,
      422,
    );
    assert.equal((await call('GET', '/v1/consultations/nope/versions/v2/diff?against=v1')).status, 404);
  });

  test('stats are computed from the published contributions', async () => {
    const stats = (await call('GET', `/v1/consultations/${F.consultations.draftLaw}/stats`))
      .json as unknown as Consultation['stats'];
    const list = await call('GET', `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100`);
    const items = list.json.items as unknown as Contribution[];
    const published = items.length + items.reduce((n, c) => n + (c.replyCount ?? 0), 0);
    assert.equal(stats.contributions, published);
    // Every reply of the seed is embedded (none has more than the first few), so the supports add up below.
    assert.ok(items.every((c) => c.replies?.length === c.replyCount));
    const supports = items.reduce(
      (n, c) => n + c.supports + (c.replies ?? []).reduce((m, r) => m + r.supports, 0),
      0,
    );
    assert.equal(stats.supports, supports);
    assert.equal(
      stats.byParticipantType.reduce((n, t) => n + t.contributions, 0),
      stats.contributions,
    );
    assert.ok(stats.participants > 0 && stats.participants <= stats.contributions);

    const before = stats.contributions;
    const created = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
      token: tokens.reviewer,
      body: {
        kind: 'recommendation',
        body: 'Recommandation de test',
        consent: true,
        author: { displayName: 'x', participantType: 'citizen', region: 'MA-12' },
      },
    });
    assert.equal(created.status, 201);
    const afterStats = (await call('GET', `/v1/consultations/${F.consultations.draftLaw}/stats`))
      .json as unknown as Consultation['stats'];
    assert.equal(afterStats.contributions, before + 1);
    assert.equal(afterStats.recommendations, stats.recommendations + 1);
    assert.ok(afterStats.byRegion.some((r) => r.region === 'MA-12'));
  });

  test('synthesis: 404 before publication, present after', async () => {
    assert.equal((await call('GET', `/v1/consultations/${F.consultations.draftLaw}/synthesis`)).status, 404);
    assert.equal((await call('GET', `/v1/consultations/${F.consultations.closed}/synthesis`)).status, 404);
    const synthesis = await call('GET', `/v1/consultations/${F.consultations.synthesisPublished}/synthesis`);
    assert.equal(synthesis.status, 200);
    const recommendations = synthesis.json.recommendations as unknown as {
      outcome: string;
      contributionId: string;
    }[];
    assert.ok(recommendations.length > 0);
    const outcomes = new Set(recommendations.map((r) => r.outcome));
    assert.ok(outcomes.has('accepted'));
    const list = await call(
      'GET',
      `/v1/consultations/${F.consultations.synthesisPublished}/contributions?kind=recommendation&limit=100`,
    );
    assert.equal(recommendations.length, (list.json.items as unknown as unknown[]).length);
    assert.ok((await call('GET', `/v1/consultations/${F.consultations.synthesisPublished}`)).json.synthesis);
  });
});

describe('contributions', () => {
  test('open mode, anonymous: device header and author required, pending with a receipt, visible to its author only', async () => {
    const path = `/v1/consultations/${F.consultations.draftLaw}/contributions`;
    const body = {
      kind: 'comment',
      articleId: 'art-5',
      body: 'Avis anonyme',
      consent: true,
      author: anonymousAuthor,
    };
    const noAuthor = await call('POST', path, { device: newDevice(), body: { ...body, author: undefined } });
    assert.equal(noAuthor.status, 422);
    assert.equal((noAuthor.json.errors as unknown as { path: string }[])[0]?.path, '/author');
    const noDevice = await call('POST', path, { body });
    assert.equal(noDevice.status, 422);
    assert.equal((noDevice.json.errors as unknown as { path: string }[])[0]?.path, '/X-Nassij-Device');

    const device = newDevice();
    const created = await call('POST', path, { device, body });
    assert.equal(created.status, 201);
    const receipt = created.json as unknown as ContributionReceipt;
    assert.equal(receipt.awaitingModeration, true);
    assert.equal(receipt.contribution.moderation.state, 'pending');
    assert.match(receipt.receiptNumber, /^MA-CTB-\d{4}-\d{6}$/);
    assert.equal(receipt.followUrl, `/v1/contributions/${receipt.contribution.id}`);

    assert.equal((await call('GET', receipt.followUrl)).status, 404);
    assert.equal((await call('GET', receipt.followUrl, { device: newDevice() })).status, 404);
    const own = await call('GET', receipt.followUrl, { device });
    assert.equal(own.status, 200);
    assert.equal((own.json as unknown as Contribution).history?.[0]?.action, 'created');
    const list = await call('GET', `${path}?limit=100&sort=newest`);
    assert.ok(!(list.json.items as unknown as Contribution[]).some((c) => c.id === receipt.contribution.id));
  });

  test('registered mode: 401 without a token, published with one', async () => {
    const path = `/v1/consultations/${F.consultations.registeredOnly}/contributions`;
    const body = {
      kind: 'comment',
      articleId: 'pdr-1',
      body: 'Le dessalement est prioritaire',
      consent: true,
    };
    const anonymous = await call('POST', path, {
      device: newDevice(),
      body: { ...body, author: anonymousAuthor },
    });
    assert.equal(anonymous.status, 401);
    const signed = await call('POST', path, { token: tokens.citizen, body });
    assert.equal(signed.status, 201);
    const receipt = signed.json as unknown as ContributionReceipt;
    assert.equal(receipt.awaitingModeration, false);
    assert.equal(receipt.contribution.author.displayName, DEMO_ACCOUNTS.citizen.displayName);
    assert.equal(receipt.contribution.moderation.state, 'published');
    const unknownArticle = await call('POST', path, {
      token: tokens.citizen,
      body: { ...body, articleId: 'art-1' },
    });
    assert.equal(unknownArticle.status, 422);
    assert.equal((unknownArticle.json.errors as unknown as { path: string }[])[0]?.path, '/articleId');
  });

  test('associations_only: a representative of the association may, a citizen or a member may not', async () => {
    const path = `/v1/consultations/${F.consultations.associationsOnly}/contributions`;
    const body = {
      kind: 'recommendation',
      articleId: 'g-1-1',
      body: 'Porter le délai à quarante-cinq jours',
      consent: true,
      author: {
        displayName: 'جمعية الأمل',
        participantType: 'association',
        associationId: F.associations.represented,
      },
    };
    const ok = await call('POST', path, { token: tokens.representative, body });
    assert.equal(ok.status, 201);
    const author = (ok.json as unknown as ContributionReceipt).contribution.author;
    assert.equal(author.participantType, 'association');
    assert.equal(author.associationId, F.associations.represented);
    assert.equal((await call('POST', path, { token: tokens.citizen, body })).status, 403);
    assert.equal((await call('POST', path, { token: tokens.member, body })).status, 403);
    const otherAssociation = {
      ...body,
      author: { ...body.author, associationId: F.associations.memberOnly },
    };
    assert.equal(
      (await call('POST', path, { token: tokens.representative, body: otherAssociation })).status,
      403,
    );
    assert.equal((await call('POST', path, { body })).status, 401);
  });

  test('phase_closed on a closed consultation, 404 on an unknown one', async () => {
    const body = { kind: 'comment', body: 'Trop tard', consent: true };
    const closed = await call('POST', `/v1/consultations/${F.consultations.closed}/contributions`, {
      token: tokens.citizen,
      body,
    });
    assert.equal(closed.status, 422);
    assert.equal(closed.json.code, 'phase_closed');
    assert.equal(
      (
        await call('POST', `/v1/consultations/${F.missing.consultation}/contributions`, {
          token: tokens.citizen,
          body,
        })
      ).status,
      404,
    );
  });

  test('XSS payloads are stored and returned byte for byte as plain text', async () => {
    for (const payload of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
    ]) {
      const created = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
        token: tokens.member,
        body: { kind: 'amendment', articleId: 'art-3', body: payload, proposedText: payload, consent: true },
      });
      assert.equal(created.status, 201);
      const id = (created.json as unknown as ContributionReceipt).contribution.id;
      const read = (await call('GET', `/v1/contributions/${id}`)).json as unknown as Contribution;
      assert.equal(read.body, payload);
      assert.equal(read.proposedText, payload);
    }
  });

  test('bad bodies: too long, control characters, reply depth, answers', async () => {
    const path = `/v1/consultations/${F.consultations.draftLaw}/contributions`;
    const tooLong = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'comment', body: 'x'.repeat(4001), consent: true },
    });
    assert.equal(tooLong.status, 422);
    const error = (tooLong.json.errors as unknown as { path: string; code: string }[])[0];
    assert.equal(error?.path, '/body');
    assert.equal(error?.code, 'too_long');
    const control = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'comment', body: 'bonjour\u0007', consent: true },
    });
    assert.equal(control.status, 422);
    assert.equal((control.json.errors as unknown as { path: string }[])[0]?.path, '/body');

    const parentId = F.contributions.publishedWithReplies;
    const parent = (await call('GET', `/v1/contributions/${parentId}`)).json as unknown as Contribution;
    assert.ok(parent.articleId, 'the parent is on an article');
    const reply = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'comment', parentId, body: 'Réponse', consent: true },
    });
    assert.equal(reply.status, 201);
    const replyId = (reply.json as unknown as ContributionReceipt).contribution.id;
    assert.equal(
      (reply.json as unknown as ContributionReceipt).contribution.articleId,
      parent.articleId,
      'a reply is on its parent’s article',
    );
    const deep = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'comment', parentId: replyId, body: 'Trop profond', consent: true },
    });
    assert.equal(deep.status, 422);
    assert.equal((deep.json.errors as unknown as { path: string }[])[0]?.path, '/parentId');

    const answer = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'answer', questionId: 'q1', answer: ['yes'], body: 'Oui', consent: true },
    });
    assert.equal(answer.status, 201);
    const badOption = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'answer', questionId: 'q1', answer: ['maybe'], body: 'Peut-être', consent: true },
    });
    assert.equal(badOption.status, 422);
    const twoOnSingle = await call('POST', path, {
      token: tokens.admin,
      body: { kind: 'answer', questionId: 'q1', answer: ['yes', 'no'], body: 'Les deux', consent: true },
    });
    assert.equal(twoOnSingle.status, 422);
  });

  test('honeypot: a plausible 201 receipt, nothing stored', async () => {
    const device = newDevice();
    const created = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
      device,
      body: {
        kind: 'comment',
        body: 'Buy cheap pills',
        consent: true,
        author: anonymousAuthor,
        honeypot: 'http://spam',
      },
    });
    assert.equal(created.status, 201);
    const receipt = created.json as unknown as ContributionReceipt;
    assert.equal(receipt.awaitingModeration, true);
    assert.match(receipt.receiptNumber, /^MA-CTB-/);
    assert.equal((await call('GET', receipt.followUrl, { device })).status, 404);
    const queue = await call('GET', '/v1/moderation/contributions?limit=100', { token: tokens.moderator });
    assert.ok(!(queue.json.items as unknown as Contribution[]).some((c) => c.body === 'Buy cheap pills'));
  });

  test('rate limit per device: the 11th contribution in an hour is 429 with retryAfterSeconds', async () => {
    const device = newDevice();
    const body = { kind: 'comment', body: 'Encore', consent: true, author: anonymousAuthor };
    for (let i = 0; i < 10; i++) {
      assert.equal(
        (await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, { device, body }))
          .status,
        201,
      );
    }
    const limited = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
      device,
      body,
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.json.code, 'rate_limited');
    assert.ok((limited.json.retryAfterSeconds as unknown as number) > 0);
  });

  test('support once, then 409; supportedByMe for the caller', async () => {
    const target = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?articleId=art-8`,
    );
    const targetId = (target.json.items as unknown as Contribution[])[0]?.id as string;
    const first = await call('POST', `/v1/contributions/${targetId}/supports`, { token: tokens.citizen });
    assert.equal(first.status, 201);
    assert.equal(first.json.supportedByMe, true);
    const again = await call('POST', `/v1/contributions/${targetId}/supports`, { token: tokens.citizen });
    assert.equal(again.status, 409);
    assert.equal(again.json.code, 'already_supported');
    assert.equal((await call('POST', `/v1/contributions/${targetId}/supports`)).status, 401);
    const list = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?articleId=art-8`,
      {
        token: tokens.citizen,
      },
    );
    const item = (list.json.items as unknown as Contribution[]).find((c) => c.id === targetId);
    assert.equal(item?.supportedByMe, true);
    assert.equal(item?.supports, first.json.supports as unknown as number);
    const anonymous = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?articleId=art-8`,
    );
    assert.equal((anonymous.json.items as unknown as Contribution[])[0]?.supportedByMe, undefined);
  });

  test('withdraw a support: the count goes back, only the caller’s, idempotent, 401/404/422, phase_closed', async () => {
    const id = F.contributions.answeredAmendment;
    const path = `/v1/contributions/${id}/supports`;
    const before = (await call('GET', `/v1/contributions/${id}`)).json.supports as unknown as number;
    assert.equal((await call('POST', path, { token: tokens.member })).status, 201);
    const given = await call('POST', path, { token: tokens.citizen });
    assert.equal(given.json.supports, before + 2);

    const withdrawn = await call('DELETE', path, { token: tokens.citizen });
    assert.equal(withdrawn.status, 200);
    assert.deepEqual(withdrawn.json, { contributionId: id, supports: before + 1, supportedByMe: false });
    const mine = await call('GET', `/v1/contributions/${id}`, { token: tokens.citizen });
    assert.equal(mine.json.supportedByMe, false);
    assert.equal(mine.json.supports, before + 1);
    // The other reader's support stays.
    assert.equal(
      (await call('GET', `/v1/contributions/${id}`, { token: tokens.member })).json.supportedByMe,
      true,
    );
    // Idempotent: nothing left to withdraw answers the count as it stands.
    const again = await call('DELETE', path, { token: tokens.citizen });
    assert.equal(again.status, 200);
    assert.equal(again.json.supports, before + 1);
    // And it can be given again.
    assert.equal((await call('POST', path, { token: tokens.citizen })).json.supports, before + 2);
    assert.equal((await call('DELETE', path, { token: tokens.citizen })).json.supports, before + 1);
    assert.equal((await call('DELETE', path, { token: tokens.member })).json.supports, before);

    assert.equal((await call('DELETE', path)).status, 401);
    const missing = await call('DELETE', `/v1/contributions/${F.missing.contribution}/supports`, {
      token: tokens.citizen,
    });
    assert.equal(missing.status, 404);
    const hidden = await call('DELETE', `/v1/contributions/${F.contributions.hidden}/supports`, {
      token: tokens.citizen,
    });
    assert.equal(hidden.status, 404);
    const bad = await call('DELETE', '/v1/contributions/%3Cscript%3E/supports', { token: tokens.citizen });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.code, 'validation_failed');

    const closed = await server.db.one<{ id: string }>(
      "SELECT id FROM contributions WHERE consultation_id = ? AND moderation_state = 'published' LIMIT 1",
      [F.consultations.closed],
    );
    assert.ok(closed, 'the closed consultation has a published contribution');
    const late = await call('DELETE', `/v1/contributions/${closed.id}/supports`, { token: tokens.citizen });
    assert.equal(late.status, 422);
    assert.equal(late.json.code, 'phase_closed');
  });

  test('list: filters, sort, nested replies, pending only for moderators', async () => {
    const list = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?articleId=art-5&sort=most_supported`,
    );
    const items = list.json.items as unknown as Contribution[];
    assert.ok(items.every((c) => c.articleId === 'art-5' && c.moderation.state === 'published'));
    for (let i = 1; i < items.length; i++)
      assert.ok((items[i - 1]?.supports ?? 0) >= (items[i]?.supports ?? 0));
    assert.ok(items.some((c) => (c.replies?.length ?? 0) > 0));
    const against = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?position=against&kind=comment`,
    );
    assert.ok(
      (against.json.items as unknown as Contribution[]).every(
        (c) => c.position === 'against' && c.kind === 'comment',
      ),
    );
    assert.equal(
      (await call('GET', `/v1/consultations/${F.consultations.draftLaw}/contributions?state=pending`)).status,
      403,
    );
    assert.equal(
      (
        await call('GET', `/v1/consultations/${F.consultations.draftLaw}/contributions?state=pending`, {
          token: tokens.citizen,
        })
      ).status,
      403,
    );
    const pending = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?state=pending`,
      {
        token: tokens.moderator,
      },
    );
    assert.equal(pending.status, 200);
    assert.ok(
      (pending.json.items as unknown as Contribution[]).every((c) => c.moderation.state === 'pending'),
    );
    assert.ok((pending.json.items as unknown as Contribution[]).length > 0);
  });

  test('reports: any number of anonymous ones leave it public and queue it for moderators as reported', async () => {
    const created = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
      token: tokens.representative,
      body: { kind: 'comment', body: 'Texte signalé anonymement', consent: true },
    });
    const id = (created.json as unknown as ContributionReceipt).contribution.id;
    // The finding: made-up device tokens from one address; here also as many addresses as reports.
    for (let i = 0; i < 3 * REPORTS_BEFORE_REVIEW; i++) {
      const sources: Record<string, string>[] = [{}, { 'x-forwarded-for': `198.51.100.${i + 1}` }];
      for (const headers of sources) {
        const report = await call('POST', `/v1/contributions/${id}/reports`, {
          device: newDevice(),
          headers,
          body: { reason: 'spam', detail: `Signalement ${i}` },
        });
        assert.equal(report.status, 202);
      }
    }
    const seen = await call('GET', `/v1/contributions/${id}`);
    assert.equal(seen.status, 200, 'still public');
    const publicView = seen.json as unknown as Contribution;
    assert.equal(publicView.moderation.state, 'published');
    assert.ok(!publicView.history?.some((e) => e.action === 'reported'), 'the public reads no report');
    const listed = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100&sort=newest`,
    );
    assert.ok((listed.json.items as unknown as Contribution[]).some((c) => c.id === id));

    const queue = await call(
      'GET',
      `/v1/moderation/contributions?limit=100&consultationId=${F.consultations.draftLaw}`,
      { token: tokens.moderator },
    );
    const item = (queue.json.items as unknown as Contribution[]).find((c) => c.id === id);
    assert.ok(item, 'in the moderators’ queue');
    assert.equal(item.moderation.state, 'published');
    const reported = item.history?.filter((e) => e.action === 'reported') ?? [];
    // One address counts once, whatever its device tokens: 15 proxied addresses plus the proxy itself.
    assert.equal(reported.length, 3 * REPORTS_BEFORE_REVIEW + 1);
    assert.ok(reported.every((e) => e.reason?.startsWith('spam · anonymous · Signalement ') && e.at));
    const asModerator = await call('GET', `/v1/contributions/${id}`, { token: tokens.moderator });
    assert.equal(
      (asModerator.json as unknown as Contribution).history?.filter((e) => e.action === 'reported').length,
      reported.length,
    );
    // No personal key reaches the moderator: no device hash, address or account.
    const text = JSON.stringify(queue.json);
    assert.doesNotMatch(text, /198\.51\.100|test-device-|[0-9a-f]{64}|acc_/);
    assert.equal(
      (await call('POST', `/v1/contributions/${id}/reports`, { body: { reason: 'nope' } })).status,
      422,
    );
  });

  test(`reports: ${REPORTS_BEFORE_REVIEW} distinct signed-in accounts send it back to moderation, once per decision`, async () => {
    const created = await call('POST', `/v1/consultations/${F.consultations.draftLaw}/contributions`, {
      token: tokens.representative,
      body: { kind: 'comment', body: 'Texte signalé', consent: true },
    });
    const id = (created.json as unknown as ContributionReceipt).contribution.id;
    const report = (token: string, reason = 'abuse') =>
      call('POST', `/v1/contributions/${id}/reports`, { token, body: { reason } });
    for (let i = 0; i < REPORTS_BEFORE_REVIEW - 1; i++) {
      assert.equal((await report(reporters[i] as string)).status, 202);
      // The same account again counts once.
      assert.equal((await report(reporters[i] as string, 'spam')).status, 202);
    }
    assert.equal(
      ((await call('GET', `/v1/contributions/${id}`)).json as unknown as Contribution).moderation.state,
      'published',
      `${REPORTS_BEFORE_REVIEW - 1} accounts: still public`,
    );
    assert.equal((await report(reporters[REPORTS_BEFORE_REVIEW - 1] as string)).status, 202);
    assert.equal((await call('GET', `/v1/contributions/${id}`)).status, 404, 'hidden from the public');
    const own = (await call('GET', `/v1/contributions/${id}`, { token: tokens.representative }))
      .json as unknown as Contribution;
    assert.equal(own.moderation.state, 'pending');
    assert.deepEqual(
      own.history?.filter((e) => e.action === 'reported').map((e) => e.reason),
      [`Back to moderation after reports from ${REPORTS_BEFORE_REVIEW} signed-in accounts`],
      'the author sees why, not the reports',
    );
    const automatic = await readAudit(server.db, { action: 'contribution.autoHide', targetId: id });
    assert.equal(automatic.length, 1);
    assert.equal(automatic[0]?.accountId, null);

    // A moderator keeps it: public again, out of the queue, and the decision names the moderator.
    const kept = await call('POST', `/v1/contributions/${id}/moderation`, {
      token: tokens.moderator,
      body: { decision: 'publish', reason: 'Critique légitime' },
    });
    assert.equal(kept.status, 200);
    const history = (kept.json as unknown as Contribution).history ?? [];
    assert.equal(history.filter((e) => e.action === 'reported').length, REPORTS_BEFORE_REVIEW + 1);
    assert.ok(history.some((e) => e.reason === 'abuse · signed in'));
    assert.equal((await call('GET', `/v1/contributions/${id}`)).status, 200);
    const decision = await server.db.one<{ actor_id: string | null }>(
      "SELECT actor_id FROM contribution_history WHERE contribution_id = ? AND action = 'published' ORDER BY seq DESC",
      [id],
    );
    assert.equal(decision?.actor_id, DEMO_ACCOUNTS.moderator.id);
    const queue = await call('GET', '/v1/moderation/contributions?limit=100', { token: tokens.moderator });
    assert.ok(!(queue.json.items as unknown as Contribution[]).some((c) => c.id === id));

    // The same accounts cannot take it down again; a new account's report queues it without hiding it.
    for (const token of reporters.slice(0, REPORTS_BEFORE_REVIEW))
      assert.equal((await report(token)).status, 202);
    assert.equal((await report(reporters[REPORTS_BEFORE_REVIEW] as string)).status, 202);
    assert.equal((await call('GET', `/v1/contributions/${id}`)).status, 200, 'still public');
    const again = await call('GET', '/v1/moderation/contributions?limit=100', { token: tokens.moderator });
    assert.ok(
      (again.json.items as unknown as Contribution[]).some((c) => c.id === id),
      'queued again',
    );
  });

  test(`reports: at most ${REPORTS_PER_HOUR} an hour per account, then 429`, async () => {
    const page = await call(
      'GET',
      `/v1/consultations/${F.consultations.draftLaw}/contributions?limit=100&sort=newest`,
    );
    const ids = (page.json.items as unknown as Contribution[]).map((c) => c.id);
    const token = reporters[REPORTS_BEFORE_REVIEW] as string;
    assert.ok(ids.length > REPORTS_PER_HOUR + 1);
    const statuses: number[] = [];
    for (const id of ids) {
      const status = (
        await call('POST', `/v1/contributions/${id}/reports`, { token, body: { reason: 'spam' } })
      ).status;
      statuses.push(status);
      if (status !== 202) break;
    }
    assert.equal(statuses.at(-1), 429, statuses.join(' '));
    const filed = await server.db.one<{ n: number }>(
      "SELECT COUNT(*) AS n FROM contribution_reports WHERE reporter_key = 'acc:' || (SELECT id FROM accounts WHERE email = ?)",
      [`reader-${REPORTS_BEFORE_REVIEW + 1}@test.nassij.ma`],
    );
    assert.equal(filed?.n, REPORTS_PER_HOUR);
    const refused = ids[statuses.length - 1];
    const limited = await call('POST', `/v1/contributions/${refused}/reports`, {
      token,
      body: { reason: 'spam' },
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.json.code, 'rate_limited');
    assert.ok((limited.json.retryAfterSeconds as unknown as number) > 0);
  });

  test('moderation: queue for moderators only, publish and hide with reason in history', async () => {
    assert.equal((await call('GET', '/v1/moderation/contributions', { token: tokens.citizen })).status, 403);
    assert.equal((await call('GET', '/v1/moderation/contributions')).status, 401);
    const queue = await call('GET', '/v1/moderation/contributions?limit=100', { token: tokens.moderator });
    assert.equal(queue.status, 200);
    const items = queue.json.items as unknown as Contribution[];
    // Waiting for a moderator: pending contributions, and published ones with reports not yet looked at.
    assert.ok(
      items.length > 0 &&
        items.every(
          (c) =>
            c.moderation.state === 'pending' ||
            (c.moderation.state === 'published' && c.history?.some((e) => e.action === 'reported')),
        ),
    );
    const pending = items.filter((c) => c.moderation.state === 'pending');
    for (let i = 1; i < pending.length; i++)
      assert.ok((pending[i - 1]?.createdAt ?? '') <= (pending[i]?.createdAt ?? ''));
    const [first, second] = pending;
    assert.ok(first && second);

    const published = await call('POST', `/v1/contributions/${first.id}/moderation`, {
      token: tokens.moderator,
      body: { decision: 'publish' },
    });
    assert.equal(published.status, 200);
    assert.equal((published.json as unknown as Contribution).moderation.state, 'published');
    assert.equal((await call('GET', `/v1/contributions/${first.id}`)).status, 200);

    const noReason = await call('POST', `/v1/contributions/${second.id}/moderation`, {
      token: tokens.moderator,
      body: { decision: 'hide' },
    });
    assert.equal(noReason.status, 422);
    const hidden = await call('POST', `/v1/contributions/${second.id}/moderation`, {
      token: tokens.admin,
      body: { decision: 'hide', reason: 'Hors sujet' },
    });
    assert.equal(hidden.status, 200);
    const contribution = hidden.json as unknown as Contribution;
    assert.equal(contribution.moderation.state, 'hidden');
    assert.equal(contribution.moderation.reason, 'Hors sujet');
    assert.ok(contribution.history?.some((e) => e.action === 'hidden' && e.reason === 'Hors sujet'));
    assert.equal(
      (
        await call('POST', `/v1/contributions/${second.id}/moderation`, {
          token: tokens.citizen,
          body: { decision: 'publish' },
        })
      ).status,
      403,
    );
  });

  test('official response by a moderator; the seeded hidden one shows its reason to moderators', async () => {
    const responded = await call(
      'POST',
      `/v1/contributions/${F.contributions.unansweredRecommendation}/response`,
      {
        token: tokens.moderator,
        body: { body: { fr: 'Recommandation étudiée', ar: 'تمت دراسة التوصية' } },
      },
    );
    assert.equal(responded.status, 200);
    const contribution = responded.json as unknown as Contribution;
    assert.equal(contribution.officialResponse?.body.fr, 'Recommandation étudiée');
    assert.ok(contribution.history?.some((e) => e.action === 'responded'));
    assert.equal(
      (
        await call('POST', `/v1/contributions/${F.contributions.unansweredRecommendation}/response`, {
          token: tokens.citizen,
          body: { body: { fr: 'x' } },
        })
      ).status,
      403,
    );
    const seededHidden = await call(
      'GET',
      `/v1/moderation/contributions?state=hidden&consultationId=${F.consultations.draftLaw}`,
      {
        token: tokens.moderator,
      },
    );
    const reasons = (seededHidden.json.items as unknown as Contribution[]).map((c) => c.moderation.reason);
    assert.ok(reasons.some((r) => r?.includes('données personnelles')));
    assert.equal((await call('GET', `/v1/contributions/${F.missing.contribution}`)).status, 404);
  });
});

/** Every page of a list, following `nextCursor`, with the totals each page reported. */
async function walk(
  path: string,
  token?: string,
): Promise<{ ids: string[]; totals: number[]; pages: number }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(
      'GET',
      `${path}${cursor ? `${separator}cursor=${cursor}` : ''}`,
      token ? { token } : {},
    );
    assert.equal(page.status, 200, JSON.stringify(page.json));
    ids.push(...(page.json.items as unknown as { id: string }[]).map((c) => c.id));
    totals.push(page.json.total as number);
    cursor = page.json.nextCursor as string | null;
    pages += 1;
    assert.ok(pages < 500, 'the walk ends');
  } while (cursor);
  return { ids, totals, pages };
}

describe('lists: keyset pages and counted totals', () => {
  const contributionsOf = `/v1/consultations/${F.consultations.draftLaw}/contributions`;

  test('contributions: pages of 2 walk the same order as one page, each sort, with exact totals', async () => {
    for (const [sort, filter] of [
      ['newest', ''],
      ['most_supported', ''],
      ['most_supported', '&kind=comment&kind=amendment'],
      ['newest', '&articleId=art-5'],
      ['newest', '&position=against'],
    ] as const) {
      const whole = await call('GET', `${contributionsOf}?limit=100&sort=${sort}${filter}`);
      const items = whole.json.items as unknown as Contribution[];
      assert.ok(items.length > 0 && whole.json.nextCursor === null, `${sort}${filter}`);
      assert.equal(whole.json.total, items.length, `${sort}${filter}: the total counts what the list holds`);
      const walked = await walk(`${contributionsOf}?limit=2&sort=${sort}${filter}`);
      assert.deepEqual(
        walked.ids,
        items.map((c) => c.id),
        `${sort}${filter}`,
      );
      assert.equal(walked.pages, Math.ceil(items.length / 2), 'no empty last page');
      assert.ok(walked.totals.every((t) => t === items.length));
      // The order the sort promises, strictly (ties broken by the newer contribution).
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1] as Contribution, items[i] as Contribution];
        const before =
          sort === 'newest'
            ? a.createdAt >= b.createdAt
            : a.supports > b.supports || (a.supports === b.supports && a.createdAt >= b.createdAt);
        assert.ok(before, `${sort}: ${a.id} before ${b.id}`);
      }
    }
  });

  test('contributions: a cursor of another sort, an offset cursor of old, or a damaged one is 422', async () => {
    const first = await call('GET', `${contributionsOf}?limit=1&sort=newest`);
    const cursor = first.json.nextCursor as string;
    assert.equal(typeof cursor, 'string');
    assert.equal((await call('GET', `${contributionsOf}?limit=1&sort=newest&cursor=${cursor}`)).status, 200);
    assert.equal(
      (await call('GET', `${contributionsOf}?limit=1&sort=most_supported&cursor=${cursor}`)).status,
      422,
    );
    const offset = Buffer.from(JSON.stringify({ v: 1, o: 1, s: 'newest' })).toString('base64url');
    assert.equal((await call('GET', `${contributionsOf}?limit=1&sort=newest&cursor=${offset}`)).status, 422);
    assert.equal((await call('GET', `${contributionsOf}?cursor=${cursor.slice(0, -3)}`)).status, 422);
  });

  test('counters agree with the rows after every write of the suites above', async () => {
    const truth = await server.db.all<{
      consultation_id: string;
      moderation_state: string;
      top: number;
      n: number;
    }>(
      `SELECT consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END AS top, COUNT(*) AS n
       FROM contributions GROUP BY consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END
       ORDER BY consultation_id, moderation_state, top`,
    );
    const counted = await server.db.all<{
      consultation_id: string;
      moderation_state: string;
      top: number;
      n: number;
    }>(
      `SELECT consultation_id, moderation_state, top_level AS top, SUM(n) AS n FROM contribution_counts
       GROUP BY consultation_id, moderation_state, top_level HAVING SUM(n) <> 0
       ORDER BY consultation_id, moderation_state, top`,
    );
    assert.ok(truth.length > 3);
    assert.deepEqual(counted, truth);
    // And per article, kind and position, as the filters read them.
    const fine = await server.db.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM (
         SELECT consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END AS top,
           COALESCE(article_id, '') AS article, kind, COALESCE(position, '') AS pos, COUNT(*) AS n
         FROM contributions
         GROUP BY consultation_id, moderation_state, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END,
           COALESCE(article_id, ''), kind, COALESCE(position, '')
       ) t WHERE NOT EXISTS (
         SELECT 1 FROM contribution_counts c WHERE c.consultation_id = t.consultation_id
           AND c.moderation_state = t.moderation_state AND c.top_level = t.top AND c.article_id = t.article
           AND c.kind = t.kind AND c.position = t.pos AND c.n = t.n
       )`,
    );
    assert.equal(fine?.n, 0);
  });

  test('the maintained counters are exactly what a recount from the rows gives', async () => {
    type Counter = { c: string; s: string; t: number; a: string; k: string; p: string; n: number };
    const read = () =>
      server.db.all<Counter>(
        `SELECT consultation_id AS c, moderation_state AS s, top_level AS t, article_id AS a, kind AS k,
           position AS p, n FROM contribution_counts WHERE n <> 0 ORDER BY c, s, t, a, k, p`,
      );
    const maintained = await read();
    assert.ok(maintained.length > 10);
    await recountContributions(server.db);
    assert.deepEqual(await read(), maintained);
  });

  test('participation counters give the figures a count of the published contributions gives', async () => {
    // By now the suite has published, hidden, restored and replied: the counters moved with each change.
    type Group = { c: string; g: string; participants: number; contributions: number };
    const fromRows = () =>
      server.db.all<Group>(
        `SELECT consultation_id AS c, g, COUNT(DISTINCT participant_key) AS participants, COUNT(*) AS contributions
         FROM (
           SELECT consultation_id, 'all' AS g, participant_key FROM contributions WHERE moderation_state = 'published'
           UNION ALL SELECT consultation_id, 'type:' || participant_type, participant_key FROM contributions
             WHERE moderation_state = 'published'
           UNION ALL SELECT consultation_id, 'region:' || region, participant_key FROM contributions
             WHERE moderation_state = 'published' AND region IS NOT NULL
         ) t GROUP BY consultation_id, g ORDER BY c, g`,
      );
    const fromCounters = () =>
      server.db.all<Group>(
        `SELECT consultation_id AS c, CASE WHEN dimension = 'all' THEN 'all' ELSE dimension || ':' || value END AS g,
           participants, contributions
         FROM consultation_participation WHERE contributions <> 0 ORDER BY c, g`,
      );
    const truth = await fromRows();
    assert.ok(truth.length > 10);
    assert.deepEqual(await fromCounters(), truth);
    // And the API serves them: the draft law's figures are the counted ones.
    const stats = await call('GET', `/v1/consultations/${F.consultations.draftLaw}/stats`);
    const all = truth.find((g) => g.c === F.consultations.draftLaw && g.g === 'all');
    assert.equal(stats.json.participants, all?.participants);
    assert.equal(stats.json.contributions, all?.contributions);
    // A recount from the rows changes nothing.
    await recountContributions(server.db);
    assert.deepEqual(await fromCounters(), truth);
  });

  test('moderation queue: pages of 1 walk the one-page order, oldest wait first, exact totals', async () => {
    // A fresh pending contribution, so that the pending queue holds more than one page.
    for (let i = 0; i < 3; i++) {
      const created = await call('POST', contributionsOf, {
        device: newDevice(),
        body: { kind: 'comment', body: `Queue walk ${i}`, consent: true, author: anonymousAuthor },
      });
      assert.equal(created.status, 201);
    }
    for (const query of [
      'state=pending',
      'state=hidden',
      `state=published&consultationId=${F.consultations.draftLaw}`,
    ]) {
      const whole = await call('GET', `/v1/moderation/contributions?limit=100&${query}`, {
        token: tokens.moderator,
      });
      const items = whole.json.items as unknown as Contribution[];
      assert.ok(items.length >= 2, query);
      assert.equal(whole.json.total, items.length, query);
      const walked = await walk(`/v1/moderation/contributions?limit=1&${query}`, tokens.moderator);
      assert.deepEqual(
        walked.ids,
        items.map((c) => c.id),
        query,
      );
      assert.ok(walked.totals.every((t) => t === items.length));
      // Every item carries its whole history, read for the page at once.
      assert.ok(
        items.every((c) => c.history?.[0]?.action === 'created'),
        query,
      );
    }
    const pending = await call('GET', '/v1/moderation/contributions?limit=1&state=pending', {
      token: tokens.moderator,
    });
    const cursor = pending.json.nextCursor as string;
    assert.equal(
      (
        await call('GET', `/v1/moderation/contributions?state=hidden&cursor=${cursor}`, {
          token: tokens.moderator,
        })
      ).status,
      422,
    );
  });
});
