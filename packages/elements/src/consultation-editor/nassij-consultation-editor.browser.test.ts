import {
  type ConsultationDraftFields,
  closeConsultationRef,
  createConsultationDraftRef,
  createContributionRef,
  getConsultationDraftRef,
  getConsultationRef,
  publishConsultationDraftRef,
  updateConsultationDraftRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import { consultationEditorMessages } from './consultation-editor.messages.js';
import './define.js';
import {
  consultationDraftKey,
  readConsultationDraft,
  writeConsultationDraft,
  writePasted,
} from './draft-store.js';
import type { NassijConsultationEditor } from './nassij-consultation-editor.js';

const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
/** The demo ministry's consultation manager (`demoFixtures.accounts.ministryConsultationManager`), as DEMO_ACCOUNTS seeds it. */
const MANAGER = {
  email: 'ministry-consultations@demo.nassij.ma',
  password: 'demo-ministry-consultations-2026',
};
/** The demo citizen (`demoFixtures.accounts.citizen`), who contributes. */
const CITIZEN = { email: 'citizen@demo.nassij.ma', password: 'demo-citizen-2026' };

async function signedIn(account: { email: string; password: string }): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  await client.auth.signIn(account.email, account.password);
  return client;
}

const $ = <E extends Element = HTMLElement>(el: NassijConsultationEditor, selector: string): E => {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function editor(lang: string, client: BaseClient, id?: string): Promise<NassijConsultationEditor> {
  const el = await fixture<NassijConsultationEditor>(
    html`<nassij-consultation-editor lang=${lang} consultation-id=${id ?? ''} autosave-delay="50" .client=${client}></nassij-consultation-editor>`,
  );
  await waitUntil(() => (id ? el.loaded.value : el.listing.value), id ? 'draft loaded' : 'list loaded', T);
  await el.updateComplete;
  return el;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

/** Types `text` line by line, Enter between lines, as pasting would put it in the box. */
async function typeLines(text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line) await sendKeys({ type: line });
    if (index < lines.length - 1) await press('Enter');
  }
}

const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const DAY = 86_400_000;

/** Everything a draft needs but its title, French summary and text: typed or fixed in the journey. */
function restOfFields(): ConsultationDraftFields {
  return {
    summary: { ar: 'مشروع قانون يتعلق بالتشاور العمومي' },
    scope: 'national',
    subjectType: 'draft_law',
    participationMode: 'open',
    domains: ['human-rights'],
    phases: { contributions_open: at(2 * DAY), closed: at(30 * DAY) },
  };
}

const PASTED =
  'الباب الأول: أحكام عامة\nالمادة 1\nيهدف هذا القانون إلى تنظيم التشاور.\nالمادة 2\nلا تقل مدة التشاور عن ثلاثين يوما.';

describe('<nassij-consultation-editor>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(consultationEditorMessages)).to.deep.equal([]);
  });

  it('creates a consultation from a pasted Arabic text and publishes it, keyboard only', async function () {
    this.timeout(120000);
    const client = await signedIn(MANAGER);
    const el = await editor('ar', client);
    // The list of the ministry's consultations: the seeded draft law is among them, published.
    expect(el.shadowRoot!.querySelector('li[data-state="published"]')).to.not.equal(null);
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button.new-consultation'));
    const created = oneEvent(el, 'nassij-consultation-created');
    await press('Enter');
    const consultationId = (await created).detail.consultationId;
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('f-title-ar');
    await sendKeys({ type: 'مشروع قانون التشاور العمومي' });
    await press('Tab');
    await sendKeys({ type: 'Projet de loi sur la consultation publique' });
    for (const [name, value] of Object.entries(restOfFields()))
      el.edit(name as keyof ConsultationDraftFields, value as never);

    // A text without articles: the preview says so, with what it found, and the import refuses.
    $(el, '#f-text-sections').focus();
    await typeLines('مقدمة\nنص بدون مواد');
    await el.updateComplete;
    expect($(el, '.preview').getAttribute('data-found')).to.equal('0');
    expect($(el, '.preview').textContent).to.include(el.t('co.import.none'));
    expect($(el, '.preview').textContent).to.include('نص بدون مواد');
    await press('Tab', 'Tab', 'Tab');
    expect(deepActive()).to.equal($(el, 'button.import-send'));
    await press('Enter');
    await el.updateComplete;
    expect($(el, '#co-import-error').textContent).to.equal(el.t('co.import.none'));
    expect(deepActive()?.id).to.equal('f-text-sections');

    // The real text: the live preview shows its section and two articles before anything is imported.
    $<HTMLTextAreaElement>(el, '#f-text-sections').select();
    await press('Delete');
    await typeLines(PASTED);
    await el.updateComplete;
    expect($(el, '.preview').getAttribute('data-found')).to.equal('2');
    expect(
      [...el.shadowRoot!.querySelectorAll('.preview-articles li')].map((li) =>
        li.getAttribute('data-number'),
      ),
    ).to.deep.equal(['1', '2']);
    expect(el.sections).to.deep.equal([]);
    await expect(el).to.be.accessible(A11Y);
    $(el, '#f-text-sections').focus();
    await press('Tab', 'Tab', 'Tab', 'Enter');
    await el.updateComplete;
    expect(el.sections.flatMap((s) => s.articles.map((a) => a.number))).to.deep.equal(['1', '2']);
    expect(deepActive()?.id).to.equal('f-text-sections-0-articles-0-number');
    expect($<HTMLTextAreaElement>(el, '#f-text-sections').value).to.equal('');

    // Edit article 2, then move it up with the keyboard: the focus follows it.
    $(el, '#f-text-sections-0-articles-1-body-ar').focus();
    await press('End');
    await sendKeys({ type: ' من تاريخ النشر' });
    $(el, '#f-text-sections-0-articles-1-up').focus();
    await press('Enter');
    await el.updateComplete;
    expect(el.sections[0]?.articles.map((a) => a.number)).to.deep.equal(['2', '1']);
    // First now: its "up" is disabled, the focus is on its "down".
    expect(deepActive()?.id).to.equal('f-text-sections-0-articles-0-down');
    expect(el.announcer.message).to.include(el.t('co.moved', { number: '2', position: '1' }));
    // ...and back down: last now, the focus lands on its "up".
    await press('Enter');
    await el.updateComplete;
    expect(el.sections[0]?.articles.map((a) => a.number)).to.deep.equal(['1', '2']);
    expect(deepActive()?.id).to.equal('f-text-sections-0-articles-1-up');

    await el.save();
    const saved = await client.request(getConsultationDraftRef, { params: { consultationId } });
    const articles = saved.fields.text?.sections.flatMap((s) => s.articles) ?? [];
    expect(articles.map((a) => a.body.ar)).to.deep.equal([
      'يهدف هذا القانون إلى تنظيم التشاور.',
      'لا تقل مدة التشاور عن ثلاثين يوما. من تاريخ النشر',
    ]);
    expect(articles.every((a) => typeof a.id === 'string')).to.equal(true);
    expect(saved.problems.map((p) => p.path)).to.deep.equal(['/summary/fr']);

    // Publishing is refused with the missing French summary named; its link leads to the field.
    $(el, 'button.publish').focus();
    await press('Enter');
    await waitUntil(() => el.showErrors, 'problems shown', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('co-summary');
    const links = [...el.shadowRoot!.querySelectorAll('.error-summary a')];
    expect(links.map((a) => a.getAttribute('data-problem'))).to.deep.equal(['/summary/fr']);
    expect(links[0]?.textContent).to.include(el.t('co.f.summary'));
    await press('Tab');
    expect(deepActive()).to.equal(links[0]);
    await press('Enter');
    await waitUntil(() => deepActive()?.id === 'f-summary-fr', 'focus on the French summary', T);
    expect($(el, '#f-summary-fr').getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: 'Projet de loi relatif à la consultation publique' });
    await el.save();
    expect(el.problems).to.deep.equal([]);
    expect($(el, '#co-summary').textContent?.trim()).to.equal(el.t('co.ready'));

    $(el, 'button.publish').focus();
    const published = oneEvent(el, 'nassij-consultation-published');
    await press('Enter');
    expect((await published).detail.consultationId).to.equal(consultationId);
    await waitUntil(() => el.published && el.loaded.value?.consultation, 'shown as published', T);
    expect(readConsultationDraft(consultationDraftKey(consultationId))).to.equal(undefined);
    const consultation = await client.request(getConsultationRef, { params: { consultationId } });
    expect(consultation.versions.length).to.equal(1);

    // A new version: edit article 1, give the public summary of the change, publish.
    await el.updateComplete;
    $(el, '#f-text-sections-0-articles-0-body-ar').focus();
    await press('End');
    await sendKeys({ type: ' والمشاركة' });
    expect(readConsultationDraft(consultationDraftKey(consultationId))?.dirty).to.deep.equal(['text']);
    $(el, 'button.open-version').focus();
    await press('Enter');
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('version-summary-ar');
    await sendKeys({ type: 'إضافة المشاركة' });
    await press('Tab');
    await sendKeys({ type: 'Ajout de la participation' });
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button.send-version'));
    const version = oneEvent(el, 'nassij-consultation-version-published');
    await press('Enter');
    expect((await version).detail.consultationId).to.equal(consultationId);
    await waitUntil(() => el.loaded.value?.consultation?.versions.length === 2, 'two versions', T);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.versions li').length).to.equal(2);
    expect($(el, '.versions').textContent).to.include('إضافة المشاركة');
    const v2 = await client.request(getConsultationRef, { params: { consultationId } });
    const first = v2.text?.sections[0]?.articles[0];
    expect(first?.body.ar).to.equal('يهدف هذا القانون إلى تنظيم التشاور. والمشاركة');
    expect(first?.id).to.equal(articles[0]?.id);
    expect(readConsultationDraft(consultationDraftKey(consultationId))).to.equal(undefined);
  });

  it('asks what becomes of the contributions of a removed article, then keeps them', async function () {
    this.timeout(60000);
    const client = await signedIn(MANAGER);
    const { data: draft } = await client.transport.opWithEtag(createConsultationDraftRef, {
      body: {
        ...restOfFields(),
        title: { ar: 'مشروع مرسوم', fr: 'Projet de décret' },
        summary: { ar: 'ملخص', fr: 'Résumé' },
        // Contributions open in a few seconds: the test waits for them (a real clock).
        phases: { contributions_open: at(8000), closed: at(30 * DAY) },
        text: {
          sections: [
            {
              articles: [
                { number: '1', body: { ar: 'المادة الأولى' } },
                { number: '2', body: { ar: 'المادة الثانية' } },
              ],
            },
          ],
        },
      },
    });
    const el = await editor('fr', client, draft.id);
    const published = oneEvent(el, 'nassij-consultation-published');
    $(el, 'button.publish').click();
    await published;
    await waitUntil(() => el.loaded.value?.consultation, 'published', T);
    const articleId = el.sections[0]?.articles[1]?.id;
    expect(articleId).to.be.a('string');
    // A citizen comments on article 2 once contributions open (the comment waits for moderation).
    const citizen = await signedIn(CITIZEN);
    let sent = false;
    for (let i = 0; i < 30 && !sent; i++) {
      try {
        await citizen.request(createContributionRef, {
          params: { consultationId: draft.id },
          body: { kind: 'comment', articleId, body: 'Un avis sur l’article 2', consent: true },
        });
        sent = true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    expect(sent, 'the comment was accepted').to.equal(true);

    // Remove article 2 and publish a new version: the server names it, the editor asks.
    $(el, '#f-text-sections-0-articles-1-remove').focus();
    await press('Enter');
    await el.updateComplete;
    expect(el.sections[0]?.articles.map((a) => a.number)).to.deep.equal(['1']);
    expect(deepActive()?.id).to.equal('f-text-sections-0-articles-0-remove');
    $(el, 'button.open-version').click();
    await el.updateComplete;
    $<HTMLTextAreaElement>(el, '#version-summary-fr').value = 'Article 2 retiré';
    $(el, 'button.send-version').click();
    await waitUntil(() => el.removedPending, 'the question', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('co-removed');
    expect(el.removedPending).to.deep.equal([{ articleId, number: '2', contributions: 1 }]);
    await expect(el).to.be.accessible(A11Y);
    // "Put them back" restores the article; then removing again and keeping the contributions publishes.
    $(el, 'button.restore-articles').focus();
    await press('Enter');
    // The answer runs in the actions' module, loaded on demand: wait for it rather than for one render.
    await waitUntil(() => el.removedPending === undefined, 'the question answered', T);
    await el.updateComplete;
    expect(el.sections[0]?.articles.map((a) => a.id)).to.include(articleId);
    $(el, '#f-text-sections-0-articles-1-remove').click();
    $(el, 'button.send-version').click();
    await waitUntil(() => el.removedPending, 'asked again', T);
    await el.updateComplete;
    const version = oneEvent(el, 'nassij-consultation-version-published');
    $(el, 'button.keep-contributions').focus();
    await press('Enter');
    await version;
    const after = await client.request(getConsultationRef, { params: { consultationId: draft.id } });
    expect(after.versions.length).to.equal(2);
    expect(after.text?.sections.flatMap((s) => s.articles.map((a) => a.id))).to.not.include(articleId);

    // Close early: the reason is required, in Arabic or French.
    await waitUntil(() => el.loaded.value?.consultation?.versions.length === 2, 'reloaded', T);
    await el.updateComplete;
    $(el, 'button.open-close').focus();
    await press('Enter');
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('close-reason-ar');
    await press('Tab', 'Tab');
    expect(deepActive()).to.equal($(el, 'button.send-close'));
    await press('Enter');
    await waitUntil(() => el.reasonMissing, 'reason asked for', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('close-reason-ar');
    expect($(el, '#close-reason-error').textContent).to.equal(el.t('co.reason.required'));
    await sendKeys({ type: 'Texte retiré pour réécriture' });
    $(el, 'button.send-close').focus();
    const closed = oneEvent(el, 'nassij-consultation-closed');
    await press('Enter');
    expect((await closed).detail.consultationId).to.equal(draft.id);
    const ended = await client.request(getConsultationRef, { params: { consultationId: draft.id } });
    expect(ended.phase).to.equal('closed');
  });

  it('links a closed consultation to its synthesis page, and a published one to its public page, through safeHref', async function () {
    this.timeout(60000);
    const client = await signedIn(MANAGER);
    const draft = await client.request(createConsultationDraftRef, {
      body: {
        ...restOfFields(),
        title: { ar: 'مشروع مرسوم', fr: 'Projet de décret' },
        summary: { ar: 'ملخص', fr: 'Résumé' },
        text: { sections: [{ articles: [{ number: '1', body: { ar: 'المادة الأولى' } }] }] },
      },
    });
    await client.request(publishConsultationDraftRef, { params: { consultationId: draft.id } });
    const el = await fixture<NassijConsultationEditor>(
      html`<nassij-consultation-editor lang="fr" consultation-id=${draft.id} .client=${client}
        synthesis-href="/office/synthesis/?consultation={consultationId}"
        public-href="/consultations/read.html?c={consultationId}"></nassij-consultation-editor>`,
    );
    await waitUntil(() => el.loaded.value?.consultation, 'published consultation loaded', T);
    await el.updateComplete;
    // Not closed yet: no way to a synthesis, but the public page.
    expect(el.shadowRoot!.querySelector('a.synthesis-link')).to.equal(null);
    expect($(el, 'a.public-link').getAttribute('href')).to.equal(
      new URL(`/consultations/read.html?c=${draft.id}`, document.baseURI).href,
    );

    await client.request(closeConsultationRef, {
      params: { consultationId: draft.id },
      body: { reason: { ar: 'انتهت المشاورات.', fr: 'Consultation terminée.' } },
    });
    await el.reload();
    await el.updateComplete;
    expect(el.loaded.value?.consultation?.phase).to.equal('closed');
    const link = $(el, 'a.synthesis-link');
    expect(link.getAttribute('href')).to.equal(
      new URL(`/office/synthesis/?consultation=${draft.id}`, document.baseURI).href,
    );
    expect(link.textContent?.trim()).to.equal(el.t('co.synthesis.write'));
    await expect(el).to.be.accessible(A11Y);

    // A template that gives no http(s) address shows no link, nor does a missing one.
    el.synthesisHref = 'javascript:alert("{consultationId}")';
    el.publicHref = undefined;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('a.synthesis-link, a.public-link')).to.equal(null);
  });

  it('opens a consultation of the list, the seeded draft law, with its contributions per article', async () => {
    const client = await signedIn(MANAGER);
    const el = await editor('fr', client);
    const row = $(el, `li[data-consultation="${FIXTURES.consultations.draftLaw}"]`);
    expect(row.getAttribute('data-state')).to.equal('published');
    row.querySelector<HTMLButtonElement>('button.open')!.focus();
    await press('Enter');
    await waitUntil(() => el.loaded.value?.consultation, 'opened', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('co-title');
    expect(el.published).to.equal(true);
    const seeded = await client.request(getConsultationRef, {
      params: { consultationId: FIXTURES.consultations.draftLaw },
    });
    expect(el.shadowRoot!.querySelectorAll('li.article').length).to.equal(
      seeded.text?.sections.flatMap((s) => s.articles).length,
    );
    expect(el.shadowRoot!.querySelectorAll('.versions li').length).to.equal(seeded.versions.length);
    const counted = seeded.text?.sections
      .flatMap((s) => s.articles)
      .find((a) => (a.contributionCount ?? 0) > 0);
    expect(counted, 'the seeded draft law has contributions on an article').to.not.equal(undefined);
    expect($(el, `li.article[data-article="${counted?.id}"] .contributions`).textContent).to.equal(
      el.t('co.article.contributions', { count: counted?.contributionCount ?? 0 }),
    );
    await expect(el).to.be.accessible(A11Y);
    // Back to the list, the focus on its heading.
    $(el, 'button.back').focus();
    await press('Enter');
    await waitUntil(() => el.listing.value && !el.consultationId, 'the list again', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('co-title');
  });

  it('keeps the text typed when the draft changed elsewhere (412), then saves it over', async () => {
    const client = await signedIn(MANAGER);
    const { data: draft } = await client.transport.opWithEtag(createConsultationDraftRef, {
      body: { title: { ar: 'عنوان أول', fr: 'Premier titre' } },
    });
    const el = await editor('fr', client, draft.id);
    const { etag } = await client.transport.opWithEtag(getConsultationDraftRef, {
      params: { consultationId: draft.id },
    });
    await client.transport.opWithEtag(
      updateConsultationDraftRef,
      { params: { consultationId: draft.id }, body: { title: { ar: 'عنوان ثان', fr: 'Second titre' } } },
      { ifMatch: etag! },
    );
    $(el, '#f-summary-fr').focus();
    await sendKeys({ type: 'Mon résumé' });
    await waitUntil(() => el.conflict, 'conflict shown', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('co-conflict');
    expect($<HTMLTextAreaElement>(el, '#f-summary-fr').value).to.equal('Mon résumé');
    expect(readConsultationDraft(consultationDraftKey(draft.id))?.fields.summary).to.deep.equal({
      fr: 'Mon résumé',
    });
    await expect(el).to.be.accessible(A11Y);
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button.keep-mine'));
    await press('Enter');
    await waitUntil(() => !el.conflict && el.saveState === 'saved', 'saved over', T);
    const saved = await client.request(getConsultationDraftRef, { params: { consultationId: draft.id } });
    expect(saved.fields.summary).to.deep.equal({ fr: 'Mon résumé' });
    expect(saved.fields.title?.fr).to.equal('Second titre');
  });

  it('gives back the edits a closed tab left on the device, then saves them', async () => {
    const client = await signedIn(MANAGER);
    const { data: draft, etag } = await client.transport.opWithEtag(createConsultationDraftRef, {
      body: { title: { ar: 'عنوان', fr: 'Titre' } },
    });
    // What a tab closed before its autosave leaves behind: the edit on the device, the paste in the tab.
    writeConsultationDraft(consultationDraftKey(draft.id), {
      fields: { summary: { ar: 'ملخص لم يُحفظ بعد' } },
      dirty: ['summary'],
      etag,
    });
    writePasted(draft.id, 'Article 1\nTexte collé');
    const el = await editor('fr', client, draft.id);
    expect(el.fields.summary).to.deep.equal({ ar: 'ملخص لم يُحفظ بعد' });
    expect(el.fields.title).to.deep.equal({ ar: 'عنوان', fr: 'Titre' });
    expect($<HTMLTextAreaElement>(el, '#f-text-sections').value).to.equal('Article 1\nTexte collé');
    expect($(el, '.preview').getAttribute('data-found')).to.equal('1');
    await waitUntil(() => el.saveState === 'saved', 'saved from the device', T);
    const saved = await client.request(getConsultationDraftRef, { params: { consultationId: draft.id } });
    expect(saved.fields.summary).to.deep.equal({ ar: 'ملخص لم يُحفظ بعد' });
    expect(readConsultationDraft(consultationDraftKey(draft.id))).to.equal(undefined);
    writePasted(draft.id, '');
  });

  it('lays out right to left in Arabic, reflows at 320 px and passes axe with problems shown', async () => {
    const client = await signedIn(MANAGER);
    const { data: draft } = await client.transport.opWithEtag(createConsultationDraftRef, {
      body: {
        title: { ar: 'مشروع قانون' },
        text: { sections: [{ articles: [{ number: '1', body: { ar: 'نص المادة الأولى' } }] }] },
      },
    });
    const el = await editor('ar', client, draft.id);
    el.showErrors = true;
    el.setPaste({ text: PASTED });
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    // The back button starts the line: on the right in Arabic.
    const box = $(el, 'section.editor').getBoundingClientRect();
    const back = $(el, 'button.back').getBoundingClientRect();
    expect(Math.abs(box.right - back.right)).to.be.below(2);
    expect(box.left).to.be.below(back.left);
    // Every problem is listed and each field says its own.
    const paths = [...el.shadowRoot!.querySelectorAll('.error-summary a')].map((a) =>
      a.getAttribute('data-problem'),
    );
    expect(paths).to.include.members(['/title/fr', '/summary', '/scope', '/phases/contributions_open']);
    expect($(el, '#f-title-fr').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible(A11Y);
    await setViewport({ width: 320, height: 640 });
    expectNoSideScroll(el, 'ar, problems shown, text previewed');
    await setViewport({ width: 800, height: 600 });
  });

  it('completes the Arabic articles with the French text pasted after them', async () => {
    const client = await signedIn(MANAGER);
    const { data: draft } = await client.transport.opWithEtag(createConsultationDraftRef, {
      body: { title: { ar: 'مشروع قانون', fr: 'Projet de loi' } },
    });
    const el = await editor('fr', client, draft.id);
    el.setPaste({ text: PASTED });
    await el.updateComplete;
    $(el, 'button.import-send').click();
    await el.updateComplete;
    expect(el.sections[0]?.articles.map((a) => a.body.fr)).to.deep.equal([undefined, undefined]);
    // The French text, article 3 new: the language chosen with the keyboard, then import.
    $(el, '#f-text-sections').focus();
    await typeLines(
      'Article premier\nLa présente loi organise la consultation.\nArticle 3\nEntrée en vigueur.',
    );
    $(el, '#co-import-language').focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.paste.language).to.equal('fr');
    expect($<HTMLInputElement>(el, '#co-import-replace').checked).to.equal(false);
    $(el, 'button.import-send').click();
    await el.updateComplete;
    const articles = el.sections.flatMap((section) => section.articles);
    expect(articles.map((a) => [a.number, a.body.ar, a.body.fr])).to.deep.equal([
      ['1', 'يهدف هذا القانون إلى تنظيم التشاور.', 'La présente loi organise la consultation.'],
      ['2', 'لا تقل مدة التشاور عن ثلاثين يوما.', undefined],
      ['3', undefined, 'Entrée en vigueur.'],
    ]);
    await el.save();
    const saved = await client.request(getConsultationDraftRef, { params: { consultationId: draft.id } });
    expect(saved.fields.text?.sections.flatMap((s) => s.articles).map((a) => a.body.fr)).to.deep.equal([
      'La présente loi organise la consultation.',
      undefined,
      'Entrée en vigueur.',
    ]);
  });

  it('asks for the region of a regional consultation and forgets it for a national one (arrow keys)', async () => {
    const client = await signedIn(MANAGER);
    const { data: draft } = await client.transport.opWithEtag(createConsultationDraftRef, {
      body: { title: { ar: 'برنامج جهوي', fr: 'Programme régional' }, scope: 'national' },
    });
    const el = await editor('en', client, draft.id);
    expect(el.shadowRoot!.querySelector('#f-region')).to.equal(null);
    $(el, '#f-scope').focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.fields.scope).to.equal('regional');
    const region = $<HTMLSelectElement>(el, '#f-region');
    region.focus();
    await press('ArrowDown');
    await el.updateComplete;
    expect(el.fields.region).to.equal(region.value);
    expect(el.problems.map((p) => p.path)).to.not.include('/region');
    // Back on the checked radio (where Tab lands in a radio group), one up: national.
    $(el, '#f-scope-regional').focus();
    await press('ArrowUp');
    await el.updateComplete;
    expect(el.fields.scope).to.equal('national');
    expect(el.fields.region).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('#f-region')).to.equal(null);
    await el.save();
    const saved = await client.request(getConsultationDraftRef, { params: { consultationId: draft.id } });
    expect(saved.fields.scope).to.equal('national');
    expect(saved.fields.region).to.equal(undefined);
  });

  it('tells a call manager without the consultation role that the list is not theirs', async () => {
    const callManager = await signedIn({
      email: 'ministry-manager@demo.nassij.ma',
      password: 'demo-ministry-manager-2026',
    });
    const el = await fixture<NassijConsultationEditor>(
      html`<nassij-consultation-editor lang="fr" .client=${callManager}></nassij-consultation-editor>`,
    );
    await waitUntil(() => el.listing.status === 'error', 'refused', T);
    await el.updateComplete;
    expect(el.listing.errorCode).to.equal('forbidden');
    expect($(el, '[role="alert"]').textContent).to.not.equal('');
    expect(el.shadowRoot!.querySelector('button.new-consultation')).to.equal(null);
  });

  it('offers the sign-in to a reader who is not signed in', async () => {
    const anonymous = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
    const el = await fixture<NassijConsultationEditor>(
      html`<nassij-consultation-editor lang="en" .client=${anonymous}></nassij-consultation-editor>`,
    );
    await el.updateComplete;
    expect($(el, '.sign-in').textContent).to.include(el.t('co.signIn'));
    expect(el.listing.status).to.equal('idle');
    await expect(el).to.be.accessible(A11Y);
  });
});
