import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type {
  AuditLogEntry,
  Consultation,
  ConsultationDraft,
  ConsultationSummary,
  Contribution,
  DraftText,
  ManagedConsultation,
  PageOf,
  Problem,
  VersionDiff,
} from '@nassij/contract';
import { listEvents } from '../../events/log.js';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';

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
  options: { as?: DemoAccountKey; json?: unknown; ifMatch?: string } = {},
): Promise<Sent<T>> {
  const headers: Record<string, string> = {};
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

/** Signs the accounts the tests use in at the server's current time (tokens expire when the clock moves). */
async function signInAll(): Promise<void> {
  const keys: DemoAccountKey[] = [
    'ministryConsultationManager',
    'ministryAdmin',
    'ministryCallManager',
    'regionAdmin',
    'citizen',
    'admin',
  ];
  const signed = await Promise.all(
    keys.map((key) => signInAs(server.url, DEMO_ACCOUNTS[key].email, DEMO_ACCOUNTS[key].password)),
  );
  keys.forEach((key, index) => {
    tokens[key] = signed[index] ?? '';
  });
}

/** Moves the server's clock to `ms` after the real time, with fresh tokens. */
async function travel(ms: number): Promise<void> {
  offset = ms;
  await signInAll();
}

const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

const ARABIC_TEXT = `مشروع قانون رقم ١٢.٢٦ يتعلق بالتشاور العمومي

الباب الأول: أحكام عامة

المادة الأولى
يهدف هذا القانون إلى تحديد شروط إشراك المواطنات والمواطنين في إعداد السياسات العمومية.

المادة ٢
يقصد بالتشاور العمومي كل مسطرة تتيح للعموم إبداء الرأي في مشروع نص.

الباب الثاني: تنظيم التشاور

المادة 3
لا يمكن أن تقل مدة التشاور العمومي عن ثلاثين يوما.

المادة 3 مكرر
تنشر الحصيلة في البوابة الوطنية.`;

const FRENCH_TEXT = `Projet de loi n° 12.26 relatif à la consultation publique

Titre premier : Dispositions générales

Article premier. – La présente loi fixe les conditions de participation des citoyennes et des citoyens.

Art. 2 – On entend par consultation publique toute procédure permettant au public de donner son avis.

Titre II : Organisation de la consultation

Article 3
La durée de la consultation publique ne peut être inférieure à trente jours.

Article 3 bis
Le bilan est publié sur le portail national.`;

/** Every field but the text, as publishing requires them. */
function completeFields() {
  return {
    title: { ar: 'مشروع قانون التشاور العمومي', fr: 'Projet de loi sur la consultation publique' },
    summary: {
      ar: 'مشروع قانون يحدد شروط التشاور',
      fr: 'Un projet de loi qui fixe les conditions de la consultation',
    },
    scope: 'national',
    subjectType: 'draft_law',
    participationMode: 'registered',
    domains: ['human-rights'],
    phases: { information: at(1), contributions_open: at(2), closed: at(30) },
  };
}

const articlesOf = (text: DraftText | undefined) =>
  text?.sections.flatMap((section) => section.articles) ?? [];

before(async () => {
  server = await tempServer({ rateLimit: false, clock: now });
  await signInAll();
});
after(async () => {
  await server.stop();
});

describe('a consultation, from draft to close', () => {
  let draft: Sent<ConsultationDraft>;
  let published: Consultation;

  test('a draft is created for the manager’s organisation, lists what is missing, and is never public', async () => {
    draft = await send<ConsultationDraft>('POST', '/v1/consultations/drafts', {
      as: 'ministryConsultationManager',
      json: { title: { ar: 'مشروع قانون التشاور العمومي' } },
    });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal(draft.body.organisationId, F.organisations.ministry);
    assert.equal(draft.body.state, 'draft');
    const paths = draft.body.problems.map((problem) => problem.path);
    for (const path of ['/title/fr', '/summary', '/scope', '/phases/contributions_open', '/text/sections'])
      assert.ok(paths.includes(path), `${path} in ${paths.join(' ')}`);
    assert.ok(!paths.includes('/title/ar'), 'the Arabic title is given');
    assert.equal((await send('GET', `/v1/consultations/${draft.body.id}`)).status, 404);
    const search = await send<PageOf<ConsultationSummary>>('GET', '/v1/consultations?limit=100');
    assert.ok(!search.body.items.some((item) => item.id === draft.body.id), 'no draft in the public list');
  });

  test('only the organisation’s consultation staff reach the draft', async () => {
    const path = `/v1/consultations/drafts/${draft.body.id}`;
    assert.equal((await send(`GET`, path)).status, 401);
    assert.equal((await send('GET', path, { as: 'regionAdmin' })).status, 403, 'another organisation');
    assert.equal(
      (await send('GET', path, { as: 'ministryCallManager' })).status,
      403,
      'calls, not consultations',
    );
    assert.equal((await send('GET', path, { as: 'citizen' })).status, 403);
    assert.equal((await send('GET', path, { as: 'ministryAdmin' })).status, 200, 'the organisation admin');
    const created = await send('POST', '/v1/consultations/drafts', { json: { title: { fr: 'x' } } });
    assert.equal(created.status, 401);
    const elsewhere = await send('POST', '/v1/consultations/drafts', {
      as: 'ministryConsultationManager',
      json: { organisationId: F.organisations.regionalCouncil, title: { fr: 'x' } },
    });
    assert.equal(elsewhere.status, 403, 'a draft for another organisation');
  });

  test('pasted text without any article is refused with what was found', async () => {
    const refused = await send<Problem>('POST', `/v1/consultations/drafts/${draft.body.id}/import-text`, {
      as: 'ministryConsultationManager',
      json: {
        text: 'Note de présentation\n\n# Chapitre I\nQuelques mots.',
        format: 'markdown',
        locale: 'fr',
      },
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'no_articles_detected');
    const preview = refused.body.current as { articles: number; lineCount: number; headings: string[] };
    assert.equal(preview.articles, 0);
    assert.equal(preview.lineCount, 3);
    assert.deepEqual(preview.headings, ['Chapitre I']);
    const unchanged = await send<ConsultationDraft>('GET', `/v1/consultations/drafts/${draft.body.id}`, {
      as: 'ministryConsultationManager',
    });
    assert.equal(unchanged.body.revision, draft.body.revision, 'nothing saved');
  });

  test('an article heading without any text under it is named, with its line', async () => {
    const refused = await send<Problem>('POST', `/v1/consultations/drafts/${draft.body.id}/import-text`, {
      as: 'ministryConsultationManager',
      json: { text: 'Article 1\nArticle 2\nTexte.', locale: 'fr' },
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'validation_failed');
    assert.deepEqual(
      refused.body.errors?.map((error) => error.params?.line),
      [1],
    );
  });

  test('pasted Arabic then French text fills the same articles, by number', async () => {
    const arabic = await send<ConsultationDraft>(
      'POST',
      `/v1/consultations/drafts/${draft.body.id}/import-text`,
      {
        as: 'ministryConsultationManager',
        json: { text: ARABIC_TEXT, format: 'plain', locale: 'ar' },
      },
    );
    assert.equal(arabic.status, 200, JSON.stringify(arabic.body));
    const text = arabic.body.fields.text;
    assert.equal(text?.sections.length, 2);
    assert.equal(text?.sections[0]?.heading?.ar, 'الباب الأول: أحكام عامة');
    assert.deepEqual(
      articlesOf(text).map((article) => article.number),
      ['1', '2', '3', '3 مكرر'],
    );
    assert.ok(
      articlesOf(text).every((article) => article.id),
      'every article has an id',
    );
    assert.match(text?.preamble?.ar ?? '', /مشروع قانون رقم ١٢\.٢٦/);
    const ids = articlesOf(text).map((article) => article.id);

    const french = await send<ConsultationDraft>(
      'POST',
      `/v1/consultations/drafts/${draft.body.id}/import-text`,
      {
        as: 'ministryConsultationManager',
        json: { text: FRENCH_TEXT, locale: 'fr' },
      },
    );
    assert.equal(french.status, 200, JSON.stringify(french.body));
    const both = articlesOf(french.body.fields.text);
    assert.deepEqual(
      both.map((article) => article.id),
      ids,
      'the French text fills the Arabic articles, no new one',
    );
    assert.match(both[0]?.body?.fr ?? '', /^La présente loi fixe/);
    assert.match(both[0]?.body?.ar ?? '', /^يهدف هذا القانون/);
    assert.match(both[3]?.body?.fr ?? '', /portail national/, '3 bis is 3 مكرر');
    assert.equal(
      french.body.fields.text?.sections[1]?.heading?.fr,
      'Titre II : Organisation de la consultation',
    );
    draft = french;
  });

  test('an edit needs the current ETag', async () => {
    const path = `/v1/consultations/drafts/${draft.body.id}`;
    const text = draft.body.fields.text as DraftText;
    const edited: DraftText = {
      ...text,
      sections: text.sections.map((section, s) => ({
        ...section,
        articles: section.articles.map((article, a) =>
          s === 1 && a === 0
            ? {
                ...article,
                body: { ...article.body, fr: 'La durée ne peut être inférieure à soixante jours.' },
              }
            : article,
        ),
      })),
    };
    const fields = { ...completeFields(), text: edited };
    const without = await send<Problem>('PATCH', path, { as: 'ministryConsultationManager', json: fields });
    assert.equal(without.status, 428);
    const stale = await send<Problem>('PATCH', path, {
      as: 'ministryConsultationManager',
      json: fields,
      ifMatch: '"stale"',
    });
    assert.equal(stale.status, 412);
    const saved = await send<ConsultationDraft>('PATCH', path, {
      as: 'ministryConsultationManager',
      json: fields,
      ifMatch: draft.etag ?? '',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.revision, draft.body.revision + 1);
    assert.equal(
      articlesOf(saved.body.fields.text)[2]?.body?.fr,
      'La durée ne peut être inférieure à soixante jours.',
    );
    assert.deepEqual(saved.body.problems, [], 'complete now');
    draft = saved;
  });

  test('publishing names every problem, then publishes version 1 whole', async () => {
    const path = `/v1/consultations/drafts/${draft.body.id}`;
    const broken = await send<ConsultationDraft>('PATCH', path, {
      as: 'ministryConsultationManager',
      json: { summary: { ar: 'ملخص' }, phases: { contributions_open: at(-1), closed: at(-2) } },
      ifMatch: draft.etag ?? '',
    });
    assert.equal(broken.status, 200);
    const refused = await send<Problem>('POST', `${path}/publish`, { as: 'ministryConsultationManager' });
    assert.equal(refused.status, 422);
    const paths = refused.body.errors?.map((error) => error.path) ?? [];
    assert.deepEqual(paths.sort(), ['/phases/closed', '/phases/contributions_open', '/summary/fr'].sort());
    assert.equal((await send('GET', `/v1/consultations/${draft.body.id}`)).status, 404, 'nothing published');

    const fixed = await send<ConsultationDraft>('PATCH', path, {
      as: 'ministryConsultationManager',
      json: { summary: completeFields().summary, phases: completeFields().phases },
      ifMatch: broken.etag ?? '',
    });
    assert.deepEqual(fixed.body.problems, []);
    const done = await send<Consultation>('POST', `${path}/publish`, { as: 'ministryConsultationManager' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    published = done.body;
    assert.match(published.reference, /^MA-CONS-\d{4}-\d{4}$/);
    assert.equal(published.phase, 'upcoming');
    assert.equal(published.currentVersionId, 'v1');
    assert.equal(published.issuingBody.sectorCode, 'relations-parliament');
    assert.deepEqual(
      published.text?.sections.flatMap((section) => section.articles.map((article) => article.id)),
      articlesOf(fixed.body.fields.text).map((article) => article.id),
      'the draft’s article ids are the published ones',
    );
    const again = await send<Problem>('POST', `${path}/publish`, { as: 'ministryConsultationManager' });
    assert.equal(again.status, 409);
    const asPublic = await send<Consultation>('GET', `/v1/consultations/${published.reference}`);
    assert.equal(asPublic.status, 200);
    const events = await listEvents(server.db, { type: 'consultation.version_published' });
    assert.ok(
      events.some((event) => {
        const data = event.data as { consultationId: string; versionId: string };
        return data.consultationId === published.id && data.versionId === 'v1';
      }),
      'consultation.version_published for version 1',
    );
  });

  test('once published, the draft no longer changes', async () => {
    const path = `/v1/consultations/drafts/${published.id}`;
    const read = await send<ConsultationDraft>('GET', path, { as: 'ministryConsultationManager' });
    assert.equal(read.body.state, 'published');
    const edit = await send<Problem>('PATCH', path, {
      as: 'ministryConsultationManager',
      json: { title: { ar: 'عنوان آخر', fr: 'Un autre titre' } },
      ifMatch: read.etag ?? '',
    });
    assert.equal(edit.status, 409);
    assert.equal(edit.body.code, 'invalid_state');
    const pasted = await send<Problem>('POST', `${path}/import-text`, {
      as: 'ministryConsultationManager',
      json: { text: FRENCH_TEXT, locale: 'fr' },
    });
    assert.equal(pasted.status, 409);
  });

  test('contributions open with the clock, on version 1', async () => {
    const early = await send<Problem>('POST', `/v1/consultations/${published.id}/contributions`, {
      as: 'citizen',
      json: {
        kind: 'comment',
        articleId: articlesOf(published.text)[0]?.id,
        body: 'Trop tôt',
        consent: true,
      },
    });
    assert.equal(early.status, 422);
    assert.equal(early.body.code, 'phase_closed');
    await travel(3 * DAY_MS);
    const read = await send<Consultation>('GET', `/v1/consultations/${published.id}`);
    assert.equal(read.body.phase, 'contributions_open');
    const listed = await send<PageOf<ConsultationSummary>>(
      'GET',
      '/v1/consultations?phase=contributions_open&limit=100',
    );
    assert.ok(
      listed.body.items.some((item) => item.id === published.id),
      'listed in its phase of now',
    );
    for (const article of articlesOf(published.text).slice(0, 3)) {
      const sent = await send<{ contribution: Contribution }>(
        'POST',
        `/v1/consultations/${published.id}/contributions`,
        {
          as: 'citizen',
          json: {
            kind: 'comment',
            articleId: article.id,
            body: `Sur l’article ${article.number}`,
            consent: true,
          },
        },
      );
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    }
  });

  test('a new version keeps article ids; removing an article with contributions needs keep_contributions', async () => {
    const current = published.text?.sections ?? [];
    const [first, second] = current;
    assert.ok(first && second);
    const [article1, article2] = first.articles;
    assert.ok(article1 && article2);
    // Article 2 is removed, article 1 modified, article 3 bis kept, a new article 4 added.
    const text: DraftText = {
      sections: [
        {
          id: first.id,
          heading: first.heading,
          articles: [{ id: article1.id, number: '1', body: { ...article1.body, fr: 'Texte modifié.' } }],
        },
        {
          id: second.id,
          heading: second.heading,
          articles: [
            ...second.articles.map(({ id, number, body }) => ({ id, number, body })),
            { number: '4', body: { ar: 'مادة جديدة', fr: 'Un article nouveau.' } },
          ],
        },
      ],
    };
    const changeSummary = { ar: 'حذف المادة 2', fr: 'Suppression de l’article 2' };
    const refused = await send<Problem>('POST', `/v1/consultations/${published.id}/versions`, {
      as: 'ministryConsultationManager',
      json: { text, changeSummary },
    });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'removed_article_has_contributions');
    assert.deepEqual(
      refused.body.errors?.map((error) => error.path),
      [`/removedArticles/${article2.id}`],
    );
    const other = await send('POST', `/v1/consultations/${published.id}/versions`, {
      as: 'regionAdmin',
      json: { text, changeSummary, removedArticles: { [article2.id]: 'keep_contributions' } },
    });
    assert.equal(other.status, 403);

    const done = await send<Consultation>('POST', `/v1/consultations/${published.id}/versions`, {
      as: 'ministryConsultationManager',
      json: { text, changeSummary, removedArticles: { [article2.id]: 'keep_contributions' } },
    });
    assert.equal(done.status, 201, JSON.stringify(done.body));
    assert.equal(done.body.currentVersionId, 'v2');
    assert.deepEqual(
      done.body.versions.map((version) => version.id),
      ['v1', 'v2'],
    );
    assert.deepEqual(done.body.versions[1]?.changeSummary, changeSummary);
    const articles = done.body.text?.sections.flatMap((section) => section.articles) ?? [];
    assert.equal(articles[0]?.id, article1.id, 'kept by id');
    assert.equal(articles[0]?.changed, 'modified');
    assert.equal(articles[0]?.contributionCount, 1, 'its contribution follows it');
    const added = articles.find((article) => article.number === '4');
    assert.ok(
      added?.id && !articlesOf(published.text).some((article) => article.id === added.id),
      'a new id',
    );
    assert.equal(added?.changed, 'added');
    const diff = await send<VersionDiff>(
      'GET',
      `/v1/consultations/${published.id}/versions/v2/diff?against=v1`,
    );
    assert.equal(diff.status, 200);
    assert.equal(diff.body.articles.find((a) => a.articleId === article2.id)?.change, 'removed');
    const row = await server.db.one<{ last_version_id: string }>(
      'SELECT last_version_id FROM consultation_articles WHERE consultation_id = ? AND id = ?',
      [published.id, article1.id],
    );
    assert.equal(row?.last_version_id, 'v2');
    const removedRow = await server.db.one<{ last_version_id: string }>(
      'SELECT last_version_id FROM consultation_articles WHERE consultation_id = ? AND id = ?',
      [published.id, article2.id],
    );
    assert.equal(removedRow?.last_version_id, 'v1', 'the removed article was last in version 1');
    const events = await listEvents(server.db, { type: 'consultation.version_published' });
    assert.ok(
      events.some((event) => {
        const data = event.data as { consultationId: string; versionId: string };
        return data.consultationId === published.id && data.versionId === 'v2';
      }),
    );
    published = done.body;
  });

  test('the organisation lists its consultations, drafts included, with their contributions', async () => {
    const other = await send<ConsultationDraft>('POST', '/v1/consultations/drafts', {
      as: 'ministryConsultationManager',
      json: { title: { fr: 'Un brouillon' } },
    });
    assert.equal(other.status, 201);
    const path = `/v1/organisations/${F.organisations.ministry}/consultations`;
    const page = await send<PageOf<ManagedConsultation>>('GET', `${path}?limit=100`, {
      as: 'ministryConsultationManager',
    });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    const mine = page.body.items.find((item) => item.id === published.id);
    assert.equal(mine?.state, 'published');
    assert.equal(mine?.phase, 'contributions_open');
    assert.equal(mine?.versions, 2);
    const contributions = mine?.contributions;
    assert.equal((contributions?.pending ?? 0) + (contributions?.published ?? 0), 3);
    const drafted = page.body.items.find((item) => item.id === other.body.id);
    assert.equal(drafted?.state, 'draft');
    assert.ok((drafted?.problemCount ?? 0) > 0);
    assert.ok(
      page.body.items.some((item) => item.id === F.consultations.draftLaw),
      'the seeded draft law of the ministry',
    );
    const drafts = await send<PageOf<ManagedConsultation>>('GET', `${path}?state=draft&limit=100`, {
      as: 'ministryConsultationManager',
    });
    assert.ok(drafts.body.items.every((item) => item.state === 'draft'));
    const first = await send<PageOf<ManagedConsultation>>('GET', `${path}?limit=1`, {
      as: 'ministryConsultationManager',
    });
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor);
    const next = await send<PageOf<ManagedConsultation>>(
      'GET',
      `${path}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
      { as: 'ministryConsultationManager' },
    );
    assert.notEqual(next.body.items[0]?.id, first.body.items[0]?.id);
    assert.equal((await send('GET', path, { as: 'regionAdmin' })).status, 403);
    assert.equal((await send('GET', path)).status, 401);
  });

  test('an early close stops contributions, with its reason public and audited', async () => {
    const reason = { ar: 'انتهاء المشاورات', fr: 'Fin anticipée des consultations' };
    const refused = await send('POST', `/v1/consultations/${published.id}/close`, {
      as: 'regionAdmin',
      json: { reason },
    });
    assert.equal(refused.status, 403);
    const closed = await send<Consultation>('POST', `/v1/consultations/${published.id}/close`, {
      as: 'ministryConsultationManager',
      json: { reason },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.phase, 'closed');
    const shown = await send<Consultation>('GET', `/v1/consultations/${published.id}`);
    assert.deepEqual(shown.body.closure?.reason, reason, 'the public reads why it closed early');
    assert.equal(shown.body.closure?.at, shown.body.phases.find((p) => p.phase === 'closed')?.period.start);
    const late = await send<Problem>('POST', `/v1/consultations/${published.id}/contributions`, {
      as: 'citizen',
      json: { kind: 'comment', body: 'Trop tard', consent: true },
    });
    assert.equal(late.status, 422);
    assert.equal(late.body.code, 'phase_closed');
    const twice = await send('POST', `/v1/consultations/${published.id}/close`, {
      as: 'ministryConsultationManager',
      json: { reason },
    });
    assert.equal(twice.status, 409);
    const audit = await send<PageOf<AuditLogEntry>>(
      'GET',
      `/v1/admin/audit?targetType=consultation&targetId=${published.id}&limit=50`,
      { as: 'admin' },
    );
    assert.equal(audit.status, 200, JSON.stringify(audit.body));
    const actions = audit.body.items.map((entry) => entry.action);
    for (const action of ['consultation.publish', 'consultation.publishVersion', 'consultation.close'])
      assert.ok(actions.includes(action as AuditLogEntry['action']), `${action} in ${actions.join(' ')}`);
  });
});

describe('phases follow the clock', () => {
  test('the seeded upcoming consultation opens when its date passes', async () => {
    await travel(0);
    const id = F.consultations.upcoming;
    const before = await send<Consultation>('GET', `/v1/consultations/${id}`);
    assert.equal(before.body.phase, 'upcoming');
    const opens = before.body.phases.find((phase) => phase.phase === 'contributions_open')?.period.start;
    assert.ok(opens);
    const refused = await send<Problem>('POST', `/v1/consultations/${id}/contributions`, {
      as: 'citizen',
      json: { kind: 'comment', body: 'Avant l’ouverture', consent: true },
    });
    assert.equal(refused.body.code, 'phase_closed');

    await travel(Date.parse(opens) - Date.now() + DAY_MS);
    const after = await send<Consultation>('GET', `/v1/consultations/${id}`);
    assert.equal(after.body.phase, 'contributions_open');
    const listed = await send<PageOf<ConsultationSummary>>(
      'GET',
      '/v1/consultations?phase=contributions_open&limit=100',
    );
    assert.ok(
      listed.body.items.some((item) => item.id === id),
      'the list filters by the phase of now',
    );
    assert.equal(listed.body.items.find((item) => item.id === id)?.phase, 'contributions_open');
    assert.ok(!listed.body.items.some((item) => item.phase !== 'contributions_open'));
    const facet = listed.body.facets?.phase?.find((value) => value.value === 'contributions_open');
    assert.equal(facet?.count, listed.body.total, 'the phase facet counts the phase of now');
    const accepted = await send('POST', `/v1/consultations/${id}/contributions`, {
      as: 'citizen',
      json: { kind: 'comment', body: 'Maintenant ouverte', consent: true },
    });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    await travel(0);
  });
});

describe('refusals', () => {
  test('a platform admin names the organisation; staff cannot name another one', async () => {
    await travel(0);
    const unnamed = await send<Problem>('POST', '/v1/consultations/drafts', {
      as: 'admin',
      json: { title: { fr: 'Sans organisation' } },
    });
    assert.equal(unnamed.status, 422);
    assert.deepEqual(
      unnamed.body.errors?.map((error) => error.path),
      ['/organisationId'],
    );
    const named = await send<ConsultationDraft>('POST', '/v1/consultations/drafts', {
      as: 'admin',
      json: { organisationId: F.organisations.regionalCouncil, title: { fr: 'Pour le conseil' } },
    });
    assert.equal(named.status, 201);
    assert.equal(named.body.organisationId, F.organisations.regionalCouncil);
    const seen = await send('GET', `/v1/consultations/drafts/${named.body.id}`, { as: 'regionAdmin' });
    assert.equal(seen.status, 200, 'the council’s admin runs it');
    const unknown = await send('GET', `/v1/organisations/${F.missing.organisation}/consultations`, {
      as: 'admin',
    });
    assert.equal(unknown.status, 404);
  });

  test('a new version with two articles of the same number is refused, naming the second', async () => {
    const id = F.consultations.draftLaw;
    const current = await send<Consultation>('GET', `/v1/consultations/${id}`);
    const [first] = current.body.text?.sections ?? [];
    assert.ok(first);
    const article = first.articles[0];
    assert.ok(article);
    const refused = await send<Problem>('POST', `/v1/consultations/${id}/versions`, {
      as: 'ministryConsultationManager',
      json: {
        text: {
          sections: [
            {
              id: first.id,
              heading: first.heading,
              articles: [
                { id: article.id, number: article.number, body: article.body },
                { number: article.number, body: { fr: 'Doublon' } },
              ],
            },
          ],
        },
        changeSummary: { fr: 'Essai' },
      },
    });
    assert.equal(refused.status, 422);
    assert.deepEqual(
      refused.body.errors?.map((error) => error.path),
      ['/text/sections/0/articles/1/number'],
    );
    const after = await send<Consultation>('GET', `/v1/consultations/${id}`);
    assert.equal(after.body.currentVersionId, current.body.currentVersionId, 'nothing published');
    const anonymous = await send('POST', `/v1/consultations/${id}/versions`, {
      json: { text: { sections: [] }, changeSummary: { fr: 'x' } },
    });
    assert.equal(anonymous.status, 401);
  });
});
