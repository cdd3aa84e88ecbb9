import {
  type ConsultationQuestion,
  type Contribution,
  createContributionRef,
  EMBEDDED_REPLIES_MAX,
  listContributionsRef,
  TAMAZIGHT_MONTHS,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { errorMessage } from '../base/states.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { consultationMessages } from './consultation.messages.js';
import './define.js';
import { deepActive } from '../test-support/focus.js';
import { forgetStored } from '../test-support/storage.js';
import type { NassijConsultation } from './nassij-consultation.js';

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
  beforeEach(() => forgetStored('nassij:consultation:', 'nassij:device'));

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
    // The shown version's date is written out under the picker, which points to it.
    const v1 = el.data?.versions.find((v) => v.id === 'v1');
    expect($(el, '#version-date')?.textContent).to.equal(
      el.t('cons.version.published', { date: el.fmt.date(v1?.publishedAt ?? '') }),
    );
    expect(select.getAttribute('aria-describedby')).to.equal('version-date');
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
    expect($(el, '#f-body-count')?.textContent).to.contain('13');
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
    expect($(citizen, 'form.contribute [role="alert"]')?.textContent).to.equal(
      errorMessage(citizen, 'forbidden'),
    );
  });

  it('support is stated once (a fixed label and aria-pressed), given once, and a stale list hears "already supported"', async () => {
    let supportRequests = 0;
    const counting: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST' && request.url.endsWith('/supports')) supportRequests++;
      return fetch(request);
    };
    const client = newClient(counting);
    await client.auth.signIn('member@demo.nassij.ma', 'demo-member-2026');
    const el = await consultation(CONSULTATIONS.draftLaw, client);
    await openArticle(el, 'art-8');
    const first = el.contributions?.find((c) => !c.supportedByMe);
    expect(first, 'a contribution not yet supported').to.exist;
    const button = () =>
      $<HTMLButtonElement>(
        el,
        `article.contribution[data-id="${first?.id}"] button.support`,
      ) as HTMLButtonElement;
    const count = () => $(el, `#${button().getAttribute('aria-describedby')}`);
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().textContent?.trim()).to.equal(el.t('cons.support.action'));
    button().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => el.contributions?.find((c) => c.id === first?.id)?.supportedByMe,
      'not supported',
      T,
    );
    await el.updateComplete;
    const supports = (first?.supports ?? 0) + 1;
    expect(el.contributions?.find((c) => c.id === first?.id)?.supports).to.equal(supports);
    // The state is aria-pressed alone: the label stays (a screen reader would state it twice); the count,
    // beside the button and describing it, changes.
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(button().textContent?.trim()).to.equal(el.t('cons.support.action'));
    expect(count()?.textContent).to.equal(el.t('cons.support.count', { count: supports }));
    expect(el.shadowRoot?.activeElement).to.equal(button());
    expect(supportRequests).to.equal(1);
    expect(el.actionError).to.equal(undefined);

    // A list read before this reader supported it (another tab): the platform refuses, the button catches up.
    el.contributions = el.contributions?.map((c) =>
      c.id === first?.id ? { ...c, supportedByMe: false } : c,
    );
    await el.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    button().click();
    await waitUntil(() => el.actionError, 'no refusal', T);
    await el.updateComplete;
    expect(supportRequests).to.equal(2);
    expect(el.actionError?.code).to.equal('already_supported');
    expect($(el, `article.contribution[data-id="${first?.id}"] [role="alert"]`)?.textContent).to.equal(
      errorMessage(el, 'already_supported'),
    );
    expect(button().getAttribute('aria-pressed')).to.equal('true');
  });

  it('pressing a pressed support withdraws it once the platform confirms: the count goes back, focus stays; a failure keeps it', async () => {
    let failWithdrawals = false;
    const flaky: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (failWithdrawals && request.method === 'DELETE')
        return Promise.reject(new TypeError('Failed to fetch'));
      return fetch(request);
    };
    const client = newClient(flaky);
    await client.auth.signIn('representative@demo.nassij.ma', 'demo-representative-2026');
    const el = await consultation(CONSULTATIONS.draftLaw, client, 'fr');
    await openArticle(el, 'art-8');
    const target = el.contributions?.find((c) => !c.supportedByMe);
    expect(target, 'a contribution not yet supported').to.exist;
    const before = target?.supports ?? 0;
    const button = () =>
      $<HTMLButtonElement>(
        el,
        `article.contribution[data-id="${target?.id}"] button.support`,
      ) as HTMLButtonElement;
    const pressed = () => button().getAttribute('aria-pressed');
    const onServer = async () => {
      const page = await client.request(listContributionsRef, {
        params: { consultationId: CONSULTATIONS.draftLaw },
        query: { articleId: 'art-8', limit: 100 },
      });
      return page.items.find((c) => c.id === target?.id);
    };
    button().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pressed() === 'true', 'not supported', T);
    expect((await onServer())?.supports).to.equal(before + 1);

    // Withdrawing fails (the network): the button stays pressed and the error shows, focus stays.
    failWithdrawals = true;
    const failures: string[] = [];
    el.addEventListener('nassij-error', (e) =>
      failures.push((e as CustomEvent<{ code: string }>).detail.code),
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.actionError, 'no failure shown', T);
    await el.updateComplete;
    expect(failures.length).to.equal(1);
    expect(pressed()).to.equal('true');
    expect($(el, `article.contribution[data-id="${target?.id}"] [role="alert"]`)?.textContent).to.not.equal(
      '',
    );
    expect(el.shadowRoot?.activeElement).to.equal(button());

    // Again, with the network back: withdrawn on the platform, the count goes back, focus stays.
    failWithdrawals = false;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => pressed() === 'false', 'not withdrawn', T);
    await el.updateComplete;
    expect(el.actionError).to.equal(undefined);
    expect(el.contributions?.find((c) => c.id === target?.id)?.supports).to.equal(before);
    expect(button().textContent?.trim()).to.equal('Soutenir');
    expect($(el, `#${button().getAttribute('aria-describedby')}`)?.textContent).to.equal(
      el.t('cons.support.count', { count: before }),
    );
    expect(el.shadowRoot?.activeElement).to.equal(button());
    const after = await onServer();
    expect(after?.supports).to.equal(before);
    expect(after?.supportedByMe).to.equal(false);
    await expect(el).to.be.accessible(AXE);
  });

  it('checks only the submitted question form: one form marked invalid, every id unique, focus on its field', async () => {
    const el = await consultation(CONSULTATIONS.draftLaw);
    const forms = $$<HTMLFormElement>(el, 'form.question');
    expect(forms.length).to.be.greaterThan(2);
    (forms[1] as HTMLFormElement).requestSubmit();
    await waitUntil(() => el.errorForm, 'no errors', T);
    await el.updateComplete;
    const invalid = (form: Element) => form.querySelectorAll('[aria-invalid="true"]').length;
    expect(forms.map(invalid).map(Boolean)).to.deep.equal(forms.map((_, index) => index === 1));
    const ids = $$(el, '[id]').map((node) => node.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).to.deep.equal([]);
    // Every description a field points to exists, in its own form.
    for (const field of forms[1]?.querySelectorAll('[aria-describedby]') ?? []) {
      for (const id of field.getAttribute('aria-describedby')?.split(/\s+/) ?? []) {
        expect(forms[1]?.querySelector(`#${id}`), id).to.exist;
      }
    }
    expect(forms[1]?.querySelector('.field-error')?.textContent).to.equal(el.t('field.required'));
    expect(el.shadowRoot?.activeElement?.closest('form')).to.equal(forms[1]);
    expect(el.shadowRoot?.activeElement?.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible(AXE);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`reflows at 320 px in ${lang}: text, questions, article with an amendment form, no horizontal scroll`, async () => {
      const el = await fixture<NassijConsultation>(
        html`<div style="inline-size: 320px"><nassij-consultation lang=${lang} consultation=${CONSULTATIONS.draftLaw} .client=${newClient()}></nassij-consultation></div>`,
      ).then((box) => box.firstElementChild as NassijConsultation);
      await waitUntil(() => el.data && el.diff, 'the consultation did not load', T);
      await el.whenMessagesReady();
      // What a reader would have to scroll sideways: boxes wider than their room that do not clip or scroll
      // it themselves (the bots' trap is a clipped 1 px box, a table scrolls in its own container).
      const overflowing = () =>
        [el, ...$$(el, '*')]
          .filter(
            (node) =>
              node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX === 'visible',
          )
          .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(overflowing()).to.deep.equal([]);
      await openArticle(el, 'art-5');
      ($(el, 'button[data-kind="amendment"]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(overflowing()).to.deep.equal([]);
    });
  }

  it('after a popup sign-in, focus is on the form the reader was on, and the popup speaks their language', async () => {
    const el = await consultation(CONSULTATIONS.registeredOnly, newClient(), 'fr');
    await el.whenMessagesReady();
    await openArticle(el, null);
    ($(el, 'button[data-kind="comment"]') as HTMLButtonElement).click();
    await el.updateComplete;
    ($(el, 'button[data-sign-in]') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Enter' });
    const { url } = (await executeServerCommand('nassij-popup-sign-in', {
      email: 'citizen@demo.nassij.ma',
      password: 'demo-citizen-2026',
    })) as { url: string };
    expect(new URL(url).searchParams.get('lang')).to.equal('fr');
    await waitUntil(() => el.account, 'not signed in', T);
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'form-heading', 'focus not on the form', T);
    expect(document.activeElement).to.equal(el);
    expect($(el, 'button[data-sign-in]')).to.equal(null);
  });

  it('in Tamazight, names version without Arabic, dates phases with Tifinagh months; answers list in the page language', async () => {
    const zgh = await consultation(CONSULTATIONS.draftLaw, newClient(), 'zgh');
    await zgh.whenMessagesReady();
    const options = $$(zgh, '#version option').map((o) => o.textContent ?? '');
    expect(options.length).to.be.greaterThan(1);
    for (const option of options) expect(option).not.to.match(/[\u0600-\u06FF]/);
    const dates = $$(zgh, '.timeline time').map((t) => t.textContent ?? '');
    expect(dates.some((d) => TAMAZIGHT_MONTHS.some((m) => d.includes(m)))).to.equal(true);
    zgh.remove();

    const fr = await consultation(CONSULTATIONS.draftLaw, newClient(), 'fr');
    await fr.whenMessagesReady();
    const question = fr.data?.questions.find((q) => q.multiple);
    const index = fr.data?.questions.indexOf(question as ConsultationQuestion) ?? -1;
    const form = $<HTMLFormElement>(fr, `form[data-form="q-${index}"]`) as HTMLFormElement;
    const picked = (question?.options ?? []).slice(0, 2);
    for (const option of picked)
      (form.querySelector(`input[value="${option.id}"]`) as HTMLInputElement).checked = true;
    (form.querySelector('input[name="displayName"]') as HTMLInputElement).value = 'Amina';
    const consent = form.querySelector<HTMLInputElement>('input[name="consent"]');
    if (consent) consent.checked = true;
    form.requestSubmit();
    const receipt = await receiptOf(fr);
    expect(receipt?.contribution.body).to.equal(
      new Intl.ListFormat('fr', { type: 'conjunction' }).format(picked.map((o) => o.label.fr ?? '')),
    );
  });

  it('focus never falls to the page: cancelling a form and sending a report return to the button that opened them', async () => {
    const el = await consultation(CONSULTATIONS.draftLaw);
    await openArticle(el, 'art-5');
    ($(el, 'button[data-kind="recommendation"]') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'form-heading', 'form not focused', T);
    $<HTMLButtonElement>(el, 'form.contribute button[data-variant="secondary"]')?.click();
    await waitUntil(() => !el.form, 'form still open', T);
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement).to.equal($(el, 'button[data-kind="recommendation"]'));

    const id = el.contributions?.[0]?.id;
    const item = `article.contribution[data-id="${id}"]`;
    $<HTMLButtonElement>(el, `${item} button.report`)?.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, `${item} form.report-form button[type="submit"]`)?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !el.reporting, 'report not sent', T);
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement).to.equal($(el, `${item} button.report`));
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
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'outbox-h', 'focus not on the outbox', T);
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

  it('shows the first replies and, by keyboard, the next ones with "show more replies (N)", announced', async () => {
    // A contribution on an article no other test opens, given more replies than a list carries.
    const writer = await signedIn('reviewer@demo.nassij.ma', 'demo-reviewer-2026');
    const onArticle = await writer.request(listContributionsRef, {
      params: { consultationId: CONSULTATIONS.draftLaw },
      query: { articleId: 'art-12', limit: 100 },
    });
    const parent = onArticle.items.find((c) => (c.replyCount ?? 0) > 0) as Contribution;
    expect(parent, 'a seeded contribution on art-12 with a reply').to.exist;
    const added: string[] = [];
    for (let i = 0; i < EMBEDDED_REPLIES_MAX + 1; i++) {
      const receipt = await writer.request(createContributionRef, {
        params: { consultationId: CONSULTATIONS.draftLaw },
        body: { kind: 'comment', parentId: parent.id, body: `Réponse ${i + 1}`, consent: true },
      });
      added.push(receipt.contribution.id);
    }
    const total = (parent.replyCount ?? 0) + added.length;

    const el = await consultation(CONSULTATIONS.draftLaw, newClient(), 'fr');
    await el.whenMessagesReady();
    await openArticle(el, 'art-12');
    const thread = () => $(el, `article.contribution[data-id="${parent.id}"]`) as HTMLElement;
    const shown = () => [...thread().querySelectorAll<HTMLElement>('.replies article.contribution')];
    expect(shown().length).to.equal(EMBEDDED_REPLIES_MAX);
    const more = thread().querySelector<HTMLButtonElement>('button.more-replies') as HTMLButtonElement;
    expect(more.textContent?.trim()).to.equal(
      el.t('cons.replies.more', { count: total - EMBEDDED_REPLIES_MAX }),
    );
    await expect(el).to.be.accessible(AXE);

    const recording = { heard: [] as string[] };
    const region = el.shadowRoot?.querySelector('[aria-live]') as Element;
    const observer = new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) recording.heard.push(text);
    });
    observer.observe(region, { subtree: true, childList: true, characterData: true });
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shown().length === total, 'the next replies did not show', T);
    observer.disconnect();
    await el.updateComplete;
    const ids = shown().map((r) => r.dataset.id);
    expect(new Set(ids).size).to.equal(total);
    expect(ids.slice(-added.length)).to.deep.equal(added);
    // Every reply is shown: no button left, focus on the first reply added, the number added announced.
    expect(thread().querySelector('button.more-replies')).to.equal(null);
    const firstAdded = shown()[EMBEDDED_REPLIES_MAX] as HTMLElement;
    expect(deepActive()).to.equal(firstAdded);
    expect(recording.heard).to.include(el.t('cons.replies.shown', { count: total - EMBEDDED_REPLIES_MAX }));
    await expect(el).to.be.accessible(AXE);
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

const CITIZEN = { email: 'citizen@demo.nassij.ma', password: 'demo-citizen-2026' };

/** Presses Tab until focus is on an element matching `selector` (inside the consultation); returns it. */
async function tabTo(selector: string, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active?.matches(selector)) return active;
  }
  throw new Error(`Tab never reached ${selector}`);
}

// The keyboard journey "read a draft, comment on an article and support a contribution": keyboard only
// (sendKeys), the real sign-in popup; after every step the test says where focus is (through the shadow
// root). In this file rather than its own: files run side by side and share localStorage (the consent).
describe('<nassij-consultation> keyboard journey', () => {
  beforeEach(() => forgetStored('nassij:consultation:', 'nassij:device'));

  it('read a draft, comment on an article and support a contribution', async () => {
    // A published contribution on article 5 this reader has not supported yet.
    const reader = await signedIn(CITIZEN.email, CITIZEN.password);
    const page = await reader.request(listContributionsRef, {
      params: { consultationId: CONSULTATIONS.draftLaw },
      query: { articleId: 'art-5', sort: 'most_supported', limit: 50 },
    });
    const target = page.items.find((c) => !c.supportedByMe);
    expect(target, 'a contribution on article 5 the citizen has not supported').to.exist;

    const client = newClient();
    const el = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="ar" consultation=${CONSULTATIONS.draftLaw} .client=${client}></nassij-consultation>`,
    );
    await waitUntil(() => el.data && el.diff, 'the consultation did not load', T);
    await el.updateComplete;
    const $ = (selector: string) => el.shadowRoot?.querySelector(selector) ?? null;

    // 1. Read: the table of contents leads to article 5, whose heading takes focus.
    const link = await tabTo('a[href="#article-art-5"]');
    expect(link.closest('nav')).to.equal($('nav.toc'));
    await sendKeys({ press: 'Enter' });
    expect(deepActive()).to.equal($('#article-art-5 h5'));

    // 2. The next Tab is the article's own button, which opens it; focus goes to its heading.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($('button[data-open="art-5"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'detail-heading', 'focus not on the article', T);
    await waitUntil(() => el.contributions, 'no contributions', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($('#detail-heading'));

    // 3. Comment: the form opens with focus on its heading.
    await tabTo('button[data-kind="comment"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'form-heading', 'focus not on the form', T);

    // 4. Fill it in and send it.
    const body = await tabTo('textarea[name="body"]');
    await sendKeys({ type: 'تعليق بلوحة المفاتيح' });
    expect(deepActive()).to.equal(body);
    const name = await tabTo('input[name="displayName"]');
    await sendKeys({ type: 'أمينة' });
    expect(deepActive()).to.equal(name);
    const consent = (await tabTo('input[name="consent"]')) as HTMLInputElement;
    await sendKeys({ press: 'Space' });
    expect(consent.checked).to.equal(true);
    expect(deepActive()).to.equal(consent);
    await tabTo('form.contribute button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'receipt-heading', 'focus not on the receipt', T);
    expect(el.receipt?.awaitingModeration).to.equal(true);

    // 5. Support a contribution: the popup signs in, the support is given, focus stays on the button.
    const selector = `article.contribution[data-id="${target?.id}"] button.support`;
    const support = await tabTo(selector);
    expect(support.getAttribute('aria-pressed')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await executeServerCommand('nassij-popup-sign-in', CITIZEN);
    await waitUntil(() => $(selector)?.getAttribute('aria-pressed') === 'true', 'not supported', T);
    await el.updateComplete;
    expect(deepActive()).to.equal($(selector));
    expect($(selector)?.textContent?.trim()).to.equal(el.t('cons.support.action'));
    expect(el.contributions?.find((c) => c.id === target?.id)?.supports).to.equal(
      (target?.supports ?? 0) + 1,
    );
  });
});
