import {
  type CallDraftFields,
  createCallRef,
  getCallDraftRef,
  getCallRef,
  listCallVersionsRef,
  updateCallRef,
} from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
// The server's complete call, built in code (it imports only contract types, so it runs in the browser too).
import { completeCallFields } from '../../../server/src/areas/calls/fixtures.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import { callEditorMessages } from './call-editor.messages.js';
import './define.js';
import { callDraftKey, readCallDraft } from './draft-store.js';
import type { NassijCallEditor } from './nassij-call-editor.js';

const A11Y = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 15000 };
/** The demo ministry's call manager (`demoFixtures.accounts.ministryCallManager`), as DEMO_ACCOUNTS seeds it. */
const MANAGER = { email: 'ministry-manager@demo.nassij.ma', password: 'demo-ministry-manager-2026' };

async function manager(): Promise<BaseClient> {
  const client = createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });
  await client.auth.signIn(MANAGER.email, MANAGER.password);
  return client;
}

const $ = <T extends Element = HTMLElement>(el: NassijCallEditor, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function editor(lang: string, client: BaseClient, callId?: string): Promise<NassijCallEditor> {
  const el = await fixture<NassijCallEditor>(
    html`<nassij-call-editor lang=${lang} call-id=${callId ?? ''} autosave-delay="50" .client=${client}></nassij-call-editor>`,
  );
  if (callId) await waitUntil(() => el.loaded.value, 'draft loaded', T);
  await el.updateComplete;
  return el;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

/** A complete call opening `opensInMs` from now, closing 30 days later. */
function completeFields(opensInMs: number): CallDraftFields {
  const fields = completeCallFields(new Date());
  const opensAt = new Date(Date.now() + opensInMs).toISOString();
  const closes = new Date(Date.now() + 30 * 86_400_000).toISOString();
  return { ...fields, dates: { opensAt, closes: { at: closes, timeZone: 'Africa/Casablanca' } } };
}

describe('<nassij-call-editor>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(callEditorMessages)).to.deep.equal([]);
  });

  it('creates, fills, publishes, amends and closes a call with the keyboard only', async function () {
    this.timeout(90000);
    const client = await manager();
    const el = await editor('fr', client);
    // The "new call" button is the first stop of the tab order.
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button.new-call'));
    const created = oneEvent(el, 'nassij-call-created');
    await press('Enter');
    const callId = (await created).detail.callId;
    expect(el.callId).to.equal(callId);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('f-title-ar');
    await sendKeys({ type: 'دعم المبادرات الشبابية' });
    await press('Tab');
    await sendKeys({ type: 'Soutien aux initiatives des jeunes' });
    // Everything else at once, as the server's complete call has it, except the contact, typed below.
    // The call opens in 15 s: the close at the end needs an open call, and publishing a future opening.
    const { title: _title, contact: _contact, ...rest } = completeFields(15_000);
    for (const [name, value] of Object.entries(rest)) el.edit(name as keyof CallDraftFields, value as never);
    await el.save();
    const saved = await client.request(getCallDraftRef, { params: { callId } });
    expect(saved.fields.title).to.deep.equal({
      ar: 'دعم المبادرات الشبابية',
      fr: 'Soutien aux initiatives des jeunes',
    });
    expect(saved.problems.map((p) => p.path)).to.deep.equal(['/contact']);

    // Publishing with the contact missing shows the error summary, whose link leads to the field.
    $(el, 'button.publish').focus();
    await press('Enter');
    await waitUntil(() => el.showErrors, 'problems shown', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('ce-summary');
    const links = el.shadowRoot!.querySelectorAll('.error-summary a');
    expect([...links].map((a) => a.getAttribute('data-problem'))).to.deep.equal(['/contact']);
    await press('Tab');
    expect(deepActive()).to.equal(links[0]);
    await press('Enter');
    await waitUntil(() => deepActive()?.id === 'f-contact-email', 'focus on the e-mail field', T);
    expect($(el, '#f-contact-email').getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ type: 'appels@ministere.example.ma' });
    await el.save();
    expect(el.problems).to.deep.equal([]);
    expect($(el, '#ce-summary').textContent?.trim()).to.equal(el.t('ce.ready'));

    // Phone, web page, the contact's name (Arabic, French, other languages), the preview's disclosure, Publish.
    await press('Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    expect(deepActive()).to.equal($(el, 'button.publish'));
    const published = oneEvent(el, 'nassij-call-published');
    await press('Enter');
    const { detail } = await published;
    expect(detail.callId).to.equal(callId);
    expect(detail.status).to.equal('forecast');
    await waitUntil(() => el.published, 'shown as published', T);
    expect(readCallDraft(callDraftKey(callId))).to.equal(undefined);

    // Amend: change the web page, then the amendment's public summary.
    $(el, '#f-contact-url').focus();
    await sendKeys({ type: 'https://ministere.example.ma/appels' });
    await press('Tab', 'Tab', 'Tab', 'Tab', 'Tab');
    expect(deepActive()).to.equal($(el, 'button.open-amend'));
    await press('Enter');
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('amend-summary-ar');
    await sendKeys({ type: 'إضافة صفحة على الإنترنت' });
    await press('Tab');
    await sendKeys({ type: 'Ajout d’une page web' });
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button.send-amend'));
    const amended = oneEvent(el, 'nassij-call-amended');
    await press('Enter');
    expect((await amended).detail.version).to.equal(2);
    await waitUntil(() => el.loaded.value?.versions?.length === 2, 'history of two versions', T);
    const history = await client.request(listCallVersionsRef, { params: { callId } });
    expect(history.items[1]?.amendment?.summary.fr).to.equal('Ajout d’une page web');
    expect(history.items[1]?.call.contact.url).to.equal('https://ministere.example.ma/appels');
    expect(el.shadowRoot!.querySelectorAll('.versions li').length).to.equal(2);

    // Wait for the opening (a real clock), then close early with a reason.
    for (let i = 0; i < 40 && el.loaded.value?.call?.status !== 'open'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await el.reload();
    }
    expect(el.loaded.value?.call?.status).to.equal('open');
    await el.updateComplete;
    $(el, 'button.open-close').focus();
    await press('Enter');
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('end-reason-ar');
    await sendKeys({ type: 'استنفاد الميزانية' });
    await press('Tab');
    await sendKeys({ type: 'Budget épuisé' });
    await press('Tab');
    const ended = oneEvent(el, 'nassij-call-ended');
    await press('Enter');
    expect((await ended).detail.kind).to.equal('closed_early');
    const call = await client.request(getCallRef, { params: { callId } });
    expect(call.status).to.equal('closed');
    expect(call.closure?.reason.fr).to.equal('Budget épuisé');
  });

  it('keeps the text typed when another tab saved first (stale ETag), then saves it over', async () => {
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, {
      body: { title: { ar: 'عنوان أول', fr: 'Premier titre' } },
    });
    const el = await editor('fr', client, draft.id);
    // Another tab saves a new title: the editor's ETag is now stale.
    const { etag } = await client.transport.opWithEtag(getCallDraftRef, { params: { callId: draft.id } });
    await client.transport.opWithEtag(
      updateCallRef,
      { params: { callId: draft.id }, body: { title: { ar: 'عنوان ثان', fr: 'Second titre' } } },
      { ifMatch: etag! },
    );
    $(el, '#f-summary-fr').focus();
    await sendKeys({ type: 'Mon résumé' });
    await waitUntil(() => el.conflict, 'conflict shown', T);
    await el.updateComplete;
    expect(deepActive()?.id).to.equal('ce-conflict');
    expect($<HTMLTextAreaElement>(el, '#f-summary-fr').value).to.equal('Mon résumé');
    expect(readCallDraft(callDraftKey(draft.id))?.fields.summary?.fr).to.equal('Mon résumé');
    await expect(el).to.be.accessible(A11Y);
    // "Save my text": the newer title stays, the summary typed here goes over it.
    await press('Tab');
    expect(deepActive()).to.equal($(el, 'button.keep-mine'));
    await press('Enter');
    await waitUntil(() => !el.conflict && el.saveState === 'saved', 'saved over', T);
    const saved = await client.request(getCallDraftRef, { params: { callId: draft.id } });
    expect(saved.fields.summary).to.deep.equal({ fr: 'Mon résumé' });
    expect(saved.fields.title?.fr).to.equal('Second titre');
    expect(readCallDraft(callDraftKey(draft.id))).to.equal(undefined);
  });

  it('keeps a half-written field on the device and saves the others meanwhile', async () => {
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, { body: {} });
    const el = await editor('fr', client, draft.id);
    $(el, '#f-contact-email').focus();
    await sendKeys({ type: 'appels@' });
    $(el, '#f-title-fr').focus();
    await sendKeys({ type: 'Titre' });
    await waitUntil(
      async () => {
        const saved = await client.request(getCallDraftRef, { params: { callId: draft.id } });
        return saved.fields.title?.fr === 'Titre';
      },
      'the title saved',
      T,
    );
    await el.save();
    // The server refused the e-mail as it stands: it waits on the device, shown as not saved yet.
    expect((await client.request(getCallDraftRef, { params: { callId: draft.id } })).fields.contact).to.equal(
      undefined,
    );
    expect(el.saveState).to.equal('device');
    expect(readCallDraft(callDraftKey(draft.id))?.fields.contact).to.deep.equal({ email: 'appels@' });
    $(el, '#f-contact-email').focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: 'example.ma' });
    await waitUntil(() => el.saveState === 'saved', 'all saved', T);
    const saved = await client.request(getCallDraftRef, { params: { callId: draft.id } });
    expect(saved.fields.contact).to.deep.equal({ email: 'appels@example.ma' });
  });

  it('adds, reorders and removes form fields from the keyboard', async () => {
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, { body: {} });
    const el = await editor('fr', client, draft.id);
    const fieldIds = () => el.fields.form?.sections.flatMap((section) => section.fields.map((f) => f.id));
    for (const label of ['Titre du projet', 'Montant demandé']) {
      $(el, 'button.add-field').focus();
      await press('Enter');
      await el.updateComplete;
      const index = (fieldIds()?.length ?? 0) - 1;
      $(el, `#f-form-sections-0-fields-${index}-label-fr`).focus();
      await sendKeys({ type: label });
    }
    expect(fieldIds()).to.deep.equal(['field_1', 'field_2']);
    // Move the first field down: focus follows it to its new place.
    $(el, 'li[data-field="field_1"] button.move-down').focus();
    await press('Enter');
    await waitUntil(
      () => deepActive()?.id === 'f-form-sections-0-fields-1-type',
      'focus follows the field',
      T,
    );
    expect(fieldIds()).to.deep.equal(['field_2', 'field_1']);
    expect($(el, 'li[data-field="field_2"] button.move-up').hasAttribute('disabled')).to.equal(true);
    $(el, 'li[data-field="field_2"] button.remove-field').focus();
    await press('Enter');
    await el.updateComplete;
    expect(fieldIds()).to.deep.equal(['field_1']);
    await el.save();
    const saved = await client.request(getCallDraftRef, { params: { callId: draft.id } });
    expect(saved.fields.form?.sections[0]?.fields.map((f) => [f.id, f.label.fr])).to.deep.equal([
      ['field_1', 'Titre du projet'],
    ]);
  });

  it('restores unsaved edits from the device when the editor opens again', async () => {
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, { body: {} });
    const first = await editor('fr', client, draft.id);
    first.autosaveDelay = 60_000;
    $(first, '#f-title-fr').focus();
    await sendKeys({ type: 'Titre pas encore envoyé' });
    first.remove();
    const again = await editor('fr', client, draft.id);
    expect($<HTMLInputElement>(again, '#f-title-fr').value).to.equal('Titre pas encore envoyé');
    await again.save();
    const saved = await client.request(getCallDraftRef, { params: { callId: draft.id } });
    expect(saved.fields.title?.fr).to.equal('Titre pas encore envoyé');
  });

  it('lays out right to left in Arabic, links each problem to its field, and passes axe', async () => {
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, {
      body: { title: { ar: 'دعم الجمعيات', fr: 'Soutien aux associations' } },
    });
    const el = await editor('ar', client, draft.id);
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle($(el, 'section.editor')).direction).to.equal('rtl');
    // A field's label starts at the right edge of its field.
    const field = $(el, '#f-title-fr').closest('.field')!.getBoundingClientRect();
    const label = $(el, 'label[for="f-title-fr"]').getBoundingClientRect();
    expect(Math.abs(label.right - field.right)).to.be.below(2);
    await expect(el).to.be.accessible(A11Y);
    $(el, 'button.publish').click();
    // The refusal moves focus to the error summary.
    await waitUntil(() => deepActive()?.id === 'ce-summary', 'focus on the error summary', T);
    expect($(el, '#ce-summary').getAttribute('role')).to.equal('alert');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.error-summary a')];
    expect(links.map((a) => a.dataset.problem)).to.include.members([
      '/summary',
      '/budget',
      '/criteria',
      '/contact',
    ]);
    expect(links.map((a) => a.dataset.problem)).not.to.include('/title');
    links.find((a) => a.dataset.problem === '/criteria')!.click();
    await waitUntil(() => deepActive()?.id === 'f-criteria-sum', 'focus on the weights', T);
    links.find((a) => a.dataset.problem === '/summary')!.click();
    await waitUntil(() => deepActive()?.id === 'f-summary-ar', 'focus on the summary', T);
    expect($(el, '#f-summary-ar').getAttribute('aria-describedby')).to.equal('f-summary-ar-error');
    await expect(el).to.be.accessible(A11Y);
    await setViewport({ width: 320, height: 640 });
    expectNoSideScroll(el, 'ar, problems shown');
    await setViewport({ width: 800, height: 600 });
  });

  it('previews eligibility rule by rule on a sample association, and sums the weights live', async () => {
    const client = await manager();
    const { data: draft } = await client.transport.opWithEtag(createCallRef, { body: {} });
    const el = await editor('en', client, draft.id);
    $<HTMLSelectElement>(el, '#f-eligibility-type').value = 'min_age_years';
    $(el, 'button.add-rule').click();
    await el.updateComplete;
    const years = $<HTMLInputElement>(el, '#f-eligibility-rules-0-years');
    years.value = '3';
    years.dispatchEvent(new Event('input'));
    $<HTMLSelectElement>(el, '#f-eligibility-type').value = 'region_in';
    $(el, 'button.add-rule').click();
    await el.updateComplete;
    // The sample association is in MA-01; the rule asks for MA-09.
    const region = $<HTMLInputElement>(el, '#f-eligibility-rules-1-regions-MA-09');
    region.click();
    await el.updateComplete;
    // The sample was founded in 2020: old enough for three years, outside the region.
    const result = (rule: string) => $(el, `.rule-results [data-rule="${rule}"]`).dataset.met;
    expect(result('min-age-years1')).to.equal('true');
    expect(result('region-in2')).to.equal('false');
    expect($(el, '.verdict').textContent?.trim()).to.equal(el.t('ce.sample.notEligible'));
    const founded = $<HTMLInputElement>(el, '#f-sample-foundedOn');
    founded.value = new Date().toISOString().slice(0, 10);
    founded.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(result('min-age-years1')).to.equal('false');
    expect($(el, '.rule-results [data-rule="min-age-years1"]').textContent).to.contain(
      el.t('ce.reason.too_young'),
    );

    $(el, 'button.add-criterion').click();
    $(el, 'button.add-criterion').click();
    await el.updateComplete;
    const weight = (index: number, value: string) => {
      const input = $<HTMLInputElement>(el, `#f-criteria-${index}-weight`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    weight(0, '60');
    await el.updateComplete;
    expect($(el, '#f-criteria-sum').dataset.sumOk).to.equal('false');
    expect($(el, '#f-criteria-sum').textContent).to.contain('60');
    weight(1, '40');
    await el.updateComplete;
    expect($(el, '#f-criteria-sum').dataset.sumOk).to.equal('true');
    expect(el.problems.some((p) => p.path === '/criteria' && p.code === 'invalid_value')).to.equal(false);
  });
});
