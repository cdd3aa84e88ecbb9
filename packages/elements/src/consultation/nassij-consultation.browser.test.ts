import {
  type Contribution,
  createContributionRef,
  getConsultationRef,
  listContributionsRef,
  moderateContributionRef,
  reportContributionRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { consultationMessages } from './consultation.messages.js';
import './define.js';
import type { NassijConsultation } from './nassij-consultation.js';
import '../consultation-list/define.js';
import type { NassijConsultationList } from '../consultation-list/nassij-consultation-list.js';
import '../moderation-queue/define.js';
import type { NassijModerationQueue } from '../moderation-queue/nassij-moderation-queue.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 10000 };
const CONSULTATIONS = FIXTURES.consultations;

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot?.querySelector<E>(s) ?? null;
const $$ = <E extends Element = HTMLElement>(el: Element, s: string) => [
  ...(el.shadowRoot?.querySelectorAll<E>(s) ?? []),
];

/** A client of its own, so that a sign-in in one test does not leak into another. */
const newClient = (fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({
    baseUrl: API_BASE,
    retry: { limit: 0 },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

async function signedIn(email: string, password: string): Promise<BaseClient> {
  const client = newClient();
  await client.auth.signIn(email, password);
  return client;
}

async function consultation(id: string, client = newClient(), lang = 'ar'): Promise<NassijConsultation> {
  const el = await fixture<NassijConsultation>(
    html`<nassij-consultation lang=${lang} consultation=${id} .client=${client}></nassij-consultation>`,
  );
  await waitUntil(
    () => el.data && el.versionText && (el.data.versions.length < 2 || el.diff),
    'the consultation did not load',
    T,
  );
  await el.updateComplete;
  return el;
}

async function openArticle(el: NassijConsultation, articleId: string | null): Promise<void> {
  await el.openArticle(articleId);
  await waitUntil(() => el.contributions !== undefined, 'contributions did not load', T);
  await el.updateComplete;
}

function setField(el: NassijConsultation, selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(el, selector);
  if (!field) throw new Error(`no field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fillAndSend(el: NassijConsultation, body: string, consent = true): Promise<void> {
  setField(el, '#f-body', body);
  if ($(el, '#f-name')) setField(el, '#f-name', 'أمينة');
  const consentBox = $<HTMLInputElement>(el, 'input[name="consent"]');
  if (consentBox && consent) consentBox.checked = true;
  $<HTMLFormElement>(el, 'form.contribute')?.requestSubmit();
}

const receiptOf = async (el: NassijConsultation) => {
  await waitUntil(() => el.receipt || el.formError, 'no receipt', T);
  await el.updateComplete;
  return el.receipt;
};

async function pendingBodies(consultationId: string, text: string): Promise<Contribution[]> {
  const moderator = await signedIn('moderator@demo.nassij.ma', 'demo-moderator-2026');
  const page = await moderator.request(listContributionsRef, {
    params: { consultationId },
    query: { state: 'pending', sort: 'newest', limit: 100 },
  });
  const items: Contribution[] = page.items;
  return items.filter((c) => c.body === text);
}

describe('<nassij-consultation> against the reference server', () => {
  beforeEach(() => localStorage.clear());

  it('has every message in every locale', async () => {
    expect(await catalogProblems(consultationMessages)).to.deep.equal([]);
  });

  it('reads the draft law: header, phases with their zone, text, versions and what changed', async () => {
    const el = await consultation(CONSULTATIONS.draftLaw);
    expect($(el, '#title')?.textContent).to.contain('مشروع');
    expect($(el, '.phase[aria-current="step"]')?.textContent).to.contain(
      el.t('cons.phase.contributions_open'),
    );
    expect($(el, '.timeline time')?.textContent).to.contain('توقيت المغرب');
    expect($$(el, '.figures dd').length).to.equal(4);
    expect($$(el, '.toc a').length).to.equal($$(el, 'article.article').length);
    expect(el.versionId).to.equal('v2');
    expect($(el, 'article.article[data-article="art-9b"]')?.dataset.change).to.equal('added');
    expect($(el, 'article.article[data-article="art-5"] .mark')?.textContent).to.contain(
      el.t('cons.change.modified'),
    );
    expect($(el, '.removed')?.textContent).to.contain(el.t('cons.change.removed'));
    const first = el.versionText?.sections[0]?.articles[0];
    expect($(el, 'article.article .count')?.textContent).to.equal(
      el.t('count.contributions', { count: first?.contributionCount ?? 0 }),
    );

    const select = $<HTMLSelectElement>(el, '#version') as HTMLSelectElement;
    select.value = 'v1';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => el.versionText?.id === 'v1', 'v1 did not load', T);
    await el.updateComplete;
    expect($(el, 'article.article[data-article="art-9b"]')).to.equal(null);
    expect($(el, 'article.article[data-article="art-14"]')).to.exist;
    expect($$(el, 'article.article .mark').length).to.equal(0);
  });

  it('opens a modified article: before and after, contributions with positions as text, replies, responses', async () => {
    const el = await consultation(CONSULTATIONS.draftLaw);
    await openArticle(el, 'art-5');
    expect($(el, '.detail del')?.textContent?.trim().length).to.be.greaterThan(0);
    expect($(el, '.detail ins')?.textContent?.trim().length).to.be.greaterThan(0);
    const items = $$(el, '.contributions > li > article.contribution');
    expect(items.length).to.be.greaterThan(1);
    const supports = items.map((i) => Number(i.querySelector('.supports')?.textContent?.replace(/\D/g, '')));
    expect(supports).to.deep.equal([...supports].sort((a, b) => b - a));
    expect($(el, '.position')?.textContent).to.match(
      new RegExp(
        `${el.t('cons.position.for')}|${el.t('cons.position.against')}|${el.t('cons.position.neutral')}`,
      ),
    );
    expect($(el, '.response')?.textContent).to.contain(el.t('cons.response.title'));
    expect(document.activeElement === el && el.shadowRoot?.activeElement?.id).to.equal('detail-heading');
    await expect(el).to.be.accessible(AXE);
  });

  it('open mode: consent first, then an anonymous contribution waits for moderation with a receipt', async () => {
    const el = await consultation(CONSULTATIONS.draftLaw);
    await openArticle(el, 'art-3');
    ($(el, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '.trap input[name="website"]')).to.exist;
    expect($(el, '.consent')?.textContent).to.contain('09-08');
    await fillAndSend(el, 'تعليق للاختبار بدون موافقة', false);
    await el.updateComplete;
    expect(el.fieldErrors.consent).to.equal(el.t('cons.consent.required'));
    expect(el.receipt).to.equal(undefined);

    const body = `تعليق مجهول ${Date.now()}`;
    await fillAndSend(el, body);
    const receipt = await receiptOf(el);
    expect(receipt?.awaitingModeration).to.equal(true);
    expect($(el, '.receipt-number')?.textContent).to.equal(receipt?.receiptNumber);
    expect($(el, '.receipt .pending')?.textContent).to.equal(el.t('cons.receipt.pending'));
    expect($<HTMLAnchorElement>(el, 'a.follow')?.href).to.match(/^http:.*\/v1\/contributions\/ctb_/);
    expect(localStorage.getItem('nassij:device')).to.match(/[0-9a-f-]{36}/);
    expect(await pendingBodies(CONSULTATIONS.draftLaw, body)).to.have.length(1);
  });

  it('keeps a draft per article and kind across a reload, and counts characters', async () => {
    let el = await consultation(CONSULTATIONS.draftLaw);
    await openArticle(el, 'art-5');
    ($(el, 'button[data-kind="amendment"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '.compare .current')?.textContent?.trim().length).to.be.greaterThan(0);
    setField(el, '#f-body', 'مسودة لا تضيع');
    setField(el, '#f-proposed', 'صيغة مقترحة');
    await el.updateComplete;
    expect($(el, '#body-count')?.textContent).to.contain('13');
    el.remove();

    el = await consultation(CONSULTATIONS.draftLaw);
    await openArticle(el, 'art-5');
    ($(el, 'button[data-kind="amendment"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#f-body')?.value).to.equal('مسودة لا تضيع');
    expect($<HTMLTextAreaElement>(el, '#f-proposed')?.value).to.equal('صيغة مقترحة');
    ($(el, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#f-body')?.value).to.equal('');
  });

  it('registered mode: asks to sign in, then stores a published contribution', async () => {
    const anonymous = await consultation(CONSULTATIONS.registeredOnly);
    await openArticle(anonymous, null);
    ($(anonymous, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await anonymous.updateComplete;
    expect($(anonymous, 'button[data-sign-in]')).to.exist;
    anonymous.remove();

    const el = await consultation(
      CONSULTATIONS.registeredOnly,
      await signedIn('citizen@demo.nassij.ma', 'demo-citizen-2026'),
    );
    await openArticle(el, null);
    ($(el, 'button[data-kind="recommendation"]') as HTMLButtonElement).click();
    await waitUntil(() => el.account, 'no account', T);
    await el.updateComplete;
    expect($(el, '.identity')?.textContent).to.contain(el.account?.displayName ?? '?');
    await fillAndSend(el, `توصية مسجلة ${Date.now()}`);
    const receipt = await receiptOf(el);
    expect(receipt?.awaitingModeration).to.equal(false);
    expect(receipt?.contribution.kind).to.equal('recommendation');
  });

  it('associations only: the representative acts for the association they represent; a citizen is refused', async () => {
    const rep = await consultation(
      CONSULTATIONS.associationsOnly,
      await signedIn('representative@demo.nassij.ma', 'demo-representative-2026'),
    );
    await openArticle(rep, null);
    ($(rep, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await waitUntil(() => rep.associations, 'no associations', T);
    await rep.updateComplete;
    expect($<HTMLSelectElement>(rep, 'select[name="associationId"]')?.value).to.equal(
      FIXTURES.associations.represented,
    );
    await fillAndSend(rep, `باسم الجمعية ${Date.now()}`);
    const receipt = await receiptOf(rep);
    expect(receipt?.contribution.author.associationId).to.equal(FIXTURES.associations.represented);
    expect(receipt?.contribution.author.participantType).to.equal('association');
    rep.remove();

    const citizen = await consultation(
      CONSULTATIONS.associationsOnly,
      await signedIn('citizen@demo.nassij.ma', 'demo-citizen-2026'),
    );
    await openArticle(citizen, null);
    ($(citizen, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await waitUntil(() => citizen.associations, 'no associations', T);
    await citizen.updateComplete;
    expect($(citizen, '[data-not-representative]')?.textContent).to.equal(
      citizen.t('cons.identity.notRepresentative'),
    );
    await fillAndSend(citizen, 'مواطن يحاول');
    await waitUntil(() => citizen.formError, 'no refusal', T);
    await citizen.updateComplete;
    expect(citizen.formError).to.equal('forbidden');
    expect($(citizen, 'form.contribute [role="alert"]')?.textContent).to.equal(citizen.t('error.forbidden'));
  });

  it('supports a contribution once; the second support is refused with a translated message', async () => {
    const el = await consultation(
      CONSULTATIONS.draftLaw,
      await signedIn('member@demo.nassij.ma', 'demo-member-2026'),
    );
    await openArticle(el, 'art-8');
    const first = el.contributions?.find((c) => !c.supportedByMe);
    expect(first, 'a contribution not yet supported').to.exist;
    const button = () =>
      $<HTMLButtonElement>(el, `article.contribution[data-id="${first?.id}"] button.support`);
    button()?.click();
    await waitUntil(
      () => el.contributions?.find((c) => c.id === first?.id)?.supportedByMe,
      'not supported',
      T,
    );
    await el.updateComplete;
    expect(el.contributions?.find((c) => c.id === first?.id)?.supports).to.equal((first?.supports ?? 0) + 1);
    expect(button()?.getAttribute('aria-pressed')).to.equal('true');
    button()?.click();
    await waitUntil(() => el.actionError, 'no refusal', T);
    await el.updateComplete;
    expect(el.actionError?.code).to.equal('already_supported');
    expect($(el, `article.contribution[data-id="${first?.id}"] [role="alert"]`)?.textContent).to.equal(
      el.t('error.already_supported'),
    );
  });

  it('offline, then back: the contribution waits in the outbox and is stored exactly once', async () => {
    let offline = true;
    let lostAnswers = 1;
    const flaky: typeof fetch = async (input, init) => {
      if (offline) throw new TypeError('Failed to fetch');
      const response = await fetch(input, init);
      // The first write reaches the server but its answer is lost: the retry must not store it twice.
      if (init?.method === 'POST' && lostAnswers-- > 0) throw new TypeError('connection reset');
      return response;
    };
    offline = false;
    const el = await consultation(CONSULTATIONS.draftLaw, newClient(flaky));
    offline = true;
    await openArticle(el, null).catch(() => undefined);
    el.articleId = null;
    el.contributions = [];
    await el.updateComplete;
    ($(el, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const body = `مساهمة دون اتصال ${Date.now()}`;
    await fillAndSend(el, body);
    await waitUntil(() => el.outbox.length === 1 && !el.busy, 'not queued', T);
    await el.updateComplete;
    expect($(el, '[data-outbox] .waiting')?.textContent).to.contain(el.t('cons.outbox.waiting'));
    const stored = JSON.parse(localStorage.getItem('nassij:consultation:outbox') ?? '[]');
    expect(stored).to.have.length(1);
    const key = stored[0].key;

    offline = false;
    window.dispatchEvent(new Event('online'));
    el.flushOutbox();
    await waitUntil(() => el.outbox.length === 0 || el.receipt, 'still waiting', T);
    // The answer of the first attempt was lost: the entry stays, with the SAME key, and goes again.
    if (!el.receipt) {
      expect(JSON.parse(localStorage.getItem('nassij:consultation:outbox') ?? '[]')[0]?.key).to.equal(key);
      window.dispatchEvent(new Event('online'));
      el.flushOutbox();
    }
    await waitUntil(() => el.receipt, 'no receipt', T);
    expect(el.outbox).to.have.length(0);
    expect(localStorage.getItem('nassij:consultation:outbox')).to.equal(null);
    expect(await pendingBodies(CONSULTATIONS.draftLaw, body)).to.have.length(1);
  });

  it('stores XSS payloads and shows them inert, as text', async () => {
    let alerted = false;
    const original = window.alert;
    window.alert = () => {
      alerted = true;
    };
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=2</script>',
      '"><svg onload=window.__xss=3>',
      'javascript:alert(1)',
      '<a href="javascript:alert(1)">x</a>',
    ];
    const client = await signedIn('citizen@demo.nassij.ma', 'demo-citizen-2026');
    const el = await consultation(CONSULTATIONS.registeredOnly, client);
    for (const payload of payloads) {
      await openArticle(el, null);
      el.receipt = undefined;
      ($(el, 'button[data-kind="comment"]') as HTMLButtonElement).click();
      await el.updateComplete;
      await fillAndSend(el, payload);
      expect((await receiptOf(el))?.contribution.body).to.equal(payload);
    }
    el.sort = 'newest';
    await openArticle(el, null);
    const bodies = $$(el, '.contribution .body').map((b) => b.textContent);
    for (const payload of payloads) expect(bodies).to.include(payload);
    expect(
      $$(el, '.contribution img, .contribution script, .contribution svg, .contribution a'),
    ).to.have.length(0);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(alerted).to.equal(false);
    window.alert = original;
  });

  it('shows a published synthesis with outcomes, reasons and open data downloads', async () => {
    const el = await consultation(CONSULTATIONS.synthesisPublished);
    await waitUntil(() => el.synthesis, 'no synthesis', T);
    await el.updateComplete;
    const recs = $$(el, '.recommendation');
    expect(recs.length).to.equal(el.synthesis?.recommendations.length);
    expect(recs.length).to.be.greaterThan(0);
    expect(recs[0]?.querySelector('.outcome')?.textContent).to.match(
      new RegExp(
        ['accepted', 'partly_accepted', 'not_retained'].map((o) => el.t(`cons.outcome.${o}`)).join('|'),
      ),
    );
    const links = $$<HTMLAnchorElement>(el, '.downloads a').map((a) => a.href);
    expect(links).to.deep.equal([
      `${API_BASE.replace(/\/+$/, '')}/v1/open-data/contributions?format=csv&consultationId=${CONSULTATIONS.synthesisPublished}`,
      `${API_BASE.replace(/\/+$/, '')}/v1/open-data/contributions?format=json&consultationId=${CONSULTATIONS.synthesisPublished}`,
    ]);
    const csv = await fetch(links[0] as string);
    expect(csv.status).to.equal(200);
    expect($(el, 'button[data-kind]')).to.equal(null);
  });

  it('mirrors the layout in Arabic (geometry) and not in French', async () => {
    const ar = await consultation(CONSULTATIONS.draftLaw);
    const row = (el: NassijConsultation) => {
      const count = $(el, 'article.article .count')?.getBoundingClientRect();
      const button = $(el, 'article.article button[data-open]')?.getBoundingClientRect();
      return { count, button };
    };
    const a = row(ar);
    expect(getComputedStyle(ar).direction).to.equal('rtl');
    expect((a.count?.right ?? 0) > (a.button?.right ?? 0)).to.equal(true);
    ar.remove();
    const fr = await consultation(CONSULTATIONS.draftLaw, newClient(), 'fr');
    await fr.whenMessagesReady();
    const f = row(fr);
    expect(getComputedStyle(fr).direction).to.equal('ltr');
    expect((f.count?.left ?? 0) < (f.button?.left ?? 0)).to.equal(true);
  });

  it('is usable with the keyboard: open an article, reach the form, come back', async () => {
    const el = await consultation(CONSULTATIONS.draftLaw);
    const open = $<HTMLButtonElement>(el, 'button[data-open="art-5"]') as HTMLButtonElement;
    open.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'detail-heading', 'focus not moved', T);
    await waitUntil(() => el.contributions !== undefined, 'contributions', T);
    await el.updateComplete;
    ($(el, 'button[data-kind="comment"]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'form-heading', 'form not focused', T);
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot?.activeElement as HTMLInputElement | null)?.name).to.equal('position');
    ($(el, 'button.back') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => el.shadowRoot?.activeElement?.getAttribute('data-open') === 'art-5',
      'focus not back',
      T,
    );
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has no axe violations in ${lang} (text, form, synthesis)`, async () => {
      const el = await consultation(CONSULTATIONS.draftLaw, newClient(), lang);
      await el.whenMessagesReady();
      await expect(el).to.be.accessible(AXE);
      await openArticle(el, 'art-5');
      ($(el, 'button[data-kind="amendment"]') as HTMLButtonElement).click();
      await el.updateComplete;
      if (lang !== 'ar') expect($(el, '#form-heading')?.textContent).not.to.match(/[\u0600-\u06FF]{3}/);
      await expect(el).to.be.accessible(AXE);
      const synthesis = await consultation(CONSULTATIONS.synthesisPublished, newClient(), lang);
      await synthesis.whenMessagesReady();
      await waitUntil(() => synthesis.synthesis, 'no synthesis', T);
      await expect(synthesis).to.be.accessible(AXE);
    });
  }
});

describe('<nassij-consultation-list> against the reference server', () => {
  it('filters by region and phase, and emits the selection', async () => {
    const client = newClient();
    const regional = await client.request(getConsultationRef, {
      params: { consultationId: CONSULTATIONS.registeredOnly },
    });
    expect(regional.region, 'the regional consultation has a region').to.be.a('string');
    const el = await fixture<NassijConsultationList>(
      html`<nassij-consultation-list .client=${client}></nassij-consultation-list>`,
    );
    await waitUntil(() => el.consultations, 'no list', T);
    const all = el.consultations?.length ?? 0;
    expect(all).to.be.greaterThan(3);
    const region = $<HTMLSelectElement>(el, '#filter-region') as HTMLSelectElement;
    region.value = regional.region ?? '';
    region.dispatchEvent(new Event('change'));
    await waitUntil(() => (el.consultations?.length ?? 0) < all, 'not filtered', T);
    expect(el.consultations?.every((c) => c.region === regional.region)).to.equal(true);
    expect(el.consultations?.some((c) => c.id === CONSULTATIONS.registeredOnly)).to.equal(true);
    await el.updateComplete;
    const picked = new Promise<CustomEvent>((ok) =>
      el.addEventListener('nassij-consultation-select', (e) => ok(e as CustomEvent), { once: true }),
    );
    $<HTMLButtonElement>(el, `article.card[data-id="${CONSULTATIONS.registeredOnly}"] button.link`)?.click();
    expect((await picked).detail.id).to.equal(CONSULTATIONS.registeredOnly);
    await expect(el).to.be.accessible(AXE);
  });

  it('links cards only to http(s) or relative addresses', async () => {
    const el = await fixture<NassijConsultationList>(
      html`<nassij-consultation-list .client=${newClient()} href-template="javascript:alert('{id}')"></nassij-consultation-list>`,
    );
    await waitUntil(() => el.consultations, 'no list', T);
    await el.updateComplete;
    expect($$(el, 'article.card a').length).to.equal(0);
    expect($$(el, 'article.card button.link').length).to.equal(el.consultations?.length);
  });
});

describe('<nassij-moderation-queue> against the reference server', () => {
  it('publishes, and hides only with a reason that goes into the history', async () => {
    const anon = newClient();
    const device = { 'x-nassij-device': crypto.randomUUID() };
    const created: string[] = [];
    for (const n of [1, 2]) {
      const receipt = await anon.request(createContributionRef, {
        params: { consultationId: CONSULTATIONS.draftLaw },
        body: {
          kind: 'comment',
          body: `للإشراف ${n} ${Date.now()}`,
          consent: true,
          author: { displayName: 'زائر', participantType: 'citizen' },
        },
        headers: device,
      });
      created.push(receipt.contribution.id);
    }
    const moderator = await signedIn('moderator@demo.nassij.ma', 'demo-moderator-2026');
    const el = await fixture<NassijModerationQueue>(
      html`<nassij-moderation-queue consultation=${CONSULTATIONS.draftLaw} .client=${moderator}></nassij-moderation-queue>`,
    );
    await waitUntil(() => el.items, 'no queue', T);
    await el.updateComplete;
    for (const id of created) expect($(el, `article[data-id="${id}"]`), id).to.exist;
    await expect(el).to.be.accessible(AXE);

    const [toPublish, toHide] = created as [string, string];
    $<HTMLButtonElement>(el, `article[data-id="${toHide}"] button[value="hide"]`)?.click();
    await el.updateComplete;
    expect(el.itemErrors[toHide]).to.equal(el.t('cons.mod.reasonRequired'));
    const reason = $<HTMLTextAreaElement>(el, `article[data-id="${toHide}"] textarea`) as HTMLTextAreaElement;
    reason.value = 'معطيات شخصية';
    $<HTMLButtonElement>(el, `article[data-id="${toHide}"] button[value="hide"]`)?.click();
    await waitUntil(() => el.decided[toHide], 'not hidden', T);
    expect(el.decided[toHide]?.moderation.state).to.equal('hidden');
    expect(
      el.decided[toHide]?.history?.some((e) => e.action === 'hidden' && e.reason === 'معطيات شخصية'),
    ).to.equal(true);

    $<HTMLButtonElement>(el, `article[data-id="${toPublish}"] button[value="publish"]`)?.click();
    await waitUntil(() => el.decided[toPublish], 'not published', T);
    await el.updateComplete;
    expect(el.decided[toPublish]?.moderation.state).to.equal('published');
    expect($(el, `article[data-id="${toHide}"] .history`)?.textContent).to.contain('معطيات شخصية');
    expect($(el, `article[data-id="${toPublish}"] .badge`)?.textContent).to.equal(
      el.t('cons.state.published'),
    );
  });

  it('offers "keep published" or "hide" for a reported contribution, which stays public meanwhile', async () => {
    const anon = newClient();
    const receipt = await anon.request(createContributionRef, {
      params: { consultationId: CONSULTATIONS.draftLaw },
      body: {
        kind: 'comment',
        body: `تعليق سيُبلّغ عنه ${Date.now()}`,
        consent: true,
        author: { displayName: 'زائر', participantType: 'citizen' },
      },
      headers: { 'x-nassij-device': crypto.randomUUID() },
    });
    const id = receipt.contribution.id;
    const moderator = await signedIn('moderator@demo.nassij.ma', 'demo-moderator-2026');
    await moderator.request(moderateContributionRef, {
      params: { contributionId: id },
      body: { decision: 'publish' },
    });
    await anon.request(reportContributionRef, {
      params: { contributionId: id },
      body: { reason: 'abuse' },
      headers: { 'x-nassij-device': crypto.randomUUID() },
    });
    const el = await fixture<NassijModerationQueue>(
      html`<nassij-moderation-queue consultation=${CONSULTATIONS.draftLaw} .client=${moderator}></nassij-moderation-queue>`,
    );
    await waitUntil(() => el.items, 'no queue', T);
    await el.updateComplete;
    expect($(el, `article[data-id="${id}"] .badge`)?.textContent).to.equal(el.t('cons.state.published'));
    const keep = $<HTMLButtonElement>(el, `article[data-id="${id}"] button[value="publish"]`);
    expect(keep?.textContent).to.equal(el.t('cons.mod.keep'));
    expect($(el, `article[data-id="${id}"] button[value="hide"]`)).to.exist;
    await expect(el).to.be.accessible(AXE);
    keep?.click();
    await waitUntil(() => el.decided[id], 'not decided', T);
    await el.updateComplete;
    expect(el.decided[id]?.moderation.state).to.equal('published');
    expect($(el, `article[data-id="${id}"] form.decide`)).to.equal(null);
  });
});
