// `client.consultations`' staff methods against the real reference server (demo seed), never a mock: the
// ministry's consultation manager writes a draft from pasted text, publishes it, publishes a new version
// and closes it; another organisation's staff are refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importArticles } from '@nassij/contract';
import { DEMO_ACCOUNTS } from '@nassij/server';
import { demoFixtures as F, tempServer } from '@nassij/server/testing';
import { createClient, type NassijClient } from '../client.js';
import { NassijApiError, NassijConflictError, NassijValidationError } from '../errors.js';

type Server = Awaited<ReturnType<typeof tempServer>>;

const DAY_MS = 86_400_000;
let server: Server;
const offset = 0;
const now = () => new Date(Date.now() + offset);
const at = (days: number) => new Date(now().getTime() + days * DAY_MS).toISOString();

const STAFF = ['ministryConsultationManager', 'regionAdmin'] as const;
const clients = {} as Record<(typeof STAFF)[number] | 'anonymous', NassijClient>;

async function signInStaff(): Promise<void> {
  await Promise.all(
    STAFF.map(async (key) => {
      const account = DEMO_ACCOUNTS[key];
      await clients[key].auth.signIn(account.email, account.password);
    }),
  );
}

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  clients.anonymous = createClient({ baseUrl: server.url });
  for (const key of STAFF) clients[key] = createClient({ baseUrl: server.url });
  await signInStaff();
});
after(() => server.stop());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(
    (value) => assert.fail(`expected a rejection, got ${JSON.stringify(value).slice(0, 200)}`),
    (error: unknown) => error,
  );
}

const manager = () => clients.ministryConsultationManager;

const ARABIC = 'الباب الأول\nالمادة الأولى\nيهدف هذا القانون إلى تنظيم التشاور.\nالمادة ٢\nتنشر الحصيلة.';
const FRENCH =
  'Titre premier\nArticle premier\nLa présente loi organise la consultation.\nArticle 2\nLe bilan est publié.';

describe('a consultation manager runs a consultation through the SDK', () => {
  test('draft, pasted text, edit, publish, new version, close', async () => {
    const preview = importArticles(ARABIC, { format: 'plain' });
    assert.deepEqual(
      preview.articles.map((article) => article.number),
      ['1', '2'],
    );
    const draft = await manager().consultations.create({
      title: { ar: 'مشروع قانون', fr: 'Projet de loi' },
      summary: { ar: 'ملخص', fr: 'Résumé' },
      scope: 'national',
      subjectType: 'draft_law',
      participationMode: 'open',
      domains: ['human-rights'],
      phases: { contributions_open: at(1), closed: at(20) },
    });
    assert.equal(draft.organisationId, F.organisations.ministry);
    const empty = await rejection(
      manager().consultations.importText(draft.id, { text: 'Rien', locale: 'fr' }),
    );
    assert.ok(empty instanceof NassijApiError);
    assert.equal(empty.code, 'no_articles_detected');
    await manager().consultations.importText(draft.id, { text: ARABIC, locale: 'ar' });
    const both = await manager().consultations.importText(draft.id, { text: FRENCH, locale: 'fr' });
    const articles = both.fields.text?.sections.flatMap((section) => section.articles) ?? [];
    assert.equal(articles.length, 2);
    assert.equal(articles[1]?.body.fr, 'Le bilan est publié.');
    assert.deepEqual(both.problems, []);

    const { data, etag } = await manager().consultations.getDraftWithEtag(draft.id);
    const saved = await manager().consultations.update(
      draft.id,
      { participationMode: 'registered' },
      { ifMatch: etag },
    );
    assert.equal(saved.data.fields.participationMode, 'registered');
    const stale = await rejection(
      manager().consultations.update(draft.id, { participationMode: 'open' }, { ifMatch: etag }),
    );
    assert.ok(manager().consultations.isDraftConflict(stale));
    assert.ok(stale instanceof NassijConflictError);
    assert.equal(data.revision + 1, saved.data.revision);

    const refused = await rejection(clients.regionAdmin.consultations.publish(draft.id));
    assert.ok(refused instanceof NassijApiError);
    assert.equal(refused.status, 403);
    const published = await manager().consultations.publish(draft.id);
    assert.equal(published.phase, 'upcoming');

    const text = {
      sections: (published.text?.sections ?? []).map(({ id, heading, articles: list }) => ({
        id,
        heading,
        articles: list.map(({ id: articleId, number, body }) => ({ id: articleId, number, body })),
      })),
    };
    const invalid = await rejection(
      manager().consultations.publishVersion(published.id, {
        text: { sections: [] },
        changeSummary: { fr: 'Vide' },
      }),
    );
    assert.ok(invalid instanceof NassijValidationError);
    assert.deepEqual(
      invalid.fieldErrors.map((error) => error.path),
      ['/text/sections'],
    );
    const v2 = await manager().consultations.publishVersion(published.id, {
      text: {
        sections: [
          {
            ...text.sections[0],
            articles: [...(text.sections[0]?.articles ?? []), { number: '3', body: { fr: 'Nouveau.' } }],
          },
        ],
      },
      changeSummary: { ar: 'إضافة مادة', fr: 'Ajout d’un article' },
    });
    assert.equal(v2.currentVersionId, 'v2');
    const diff = await manager().consultations.compareVersions(published.id, 'v2', 'v1');
    assert.deepEqual(
      diff.articles.map((article) => article.change),
      ['unchanged', 'unchanged', 'added'],
    );
    const closed = await manager().consultations.close(published.id, { ar: 'سبب', fr: 'Motif' });
    assert.equal(closed.phase, 'closed');

    const managed = await manager()
      .consultations.iterateManaged(F.organisations.ministry)
      .collect({ limit: 100 });
    assert.ok(managed.some((item) => item.id === published.id && item.versions === 2));
  });
});
