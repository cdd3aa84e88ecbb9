import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { callListMessages } from './call-list.messages.js';
import './define.js';
import { demoCallDetail, demoCalls } from '../test-support/demo/calls.js';
import type { NassijCallList } from './nassij-call-list.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };

const $ = <T extends Element = HTMLElement>(el: NassijCallList, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;
const $$ = <T extends Element = HTMLElement>(el: NassijCallList, selector: string) => [
  ...(el.shadowRoot?.querySelectorAll<T>(selector) ?? []),
];

/** Waits for the element to have finished a search (client mode). */
async function settled(el: NassijCallList): Promise<void> {
  await waitUntil(() => !el.loading && el.results !== undefined, 'the search did not finish', {
    timeout: 10000,
  });
  await el.updateComplete;
}

async function serverList(attrs = 'status="open"'): Promise<NassijCallList> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><nassij-call-list api-base="${API_BASE}" ${attrs}></nassij-call-list></div>`,
  );
  const el = wrapper.querySelector('nassij-call-list') as NassijCallList;
  await settled(el);
  await el.whenMessagesReady();
  return el;
}

const facetInput = (el: NassijCallList, facet: string, value: string) =>
  $<HTMLInputElement>(el, `fieldset[data-facet="${facet}"] input[value="${value}"]`);

describe('<nassij-call-list> against the reference server', () => {
  before(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('renders the open calls with their status, funder and deadline', async () => {
    const el = await serverList();
    const cards = $$(el, 'article.card');
    expect(cards.length).to.be.greaterThan(0);
    expect(el.results?.every((call) => call.status === 'open')).to.equal(true);
    expect(cards[0]?.querySelector('.status')?.textContent).to.equal(el.t('status.open'));
    expect($(el, '.total')?.textContent).to.match(/\d/);
    expect($(el, 'time.deadline-at')?.textContent).to.contain('توقيت المغرب');
  });

  it('shows facets with counts; checking one filters the results and updates the counts', async () => {
    const el = await serverList('');
    const before = el.resultTotal;
    const open = facetInput(el, 'status', 'open');
    expect(open, 'status=open facet').to.exist;
    const label = open?.closest('label')?.textContent ?? '';
    const count = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(count).to.be.greaterThan(0);
    open?.click();
    await settled(el);
    expect(el.resultTotal).to.equal(count);
    expect(el.resultTotal).to.be.lessThan(before);
    expect(el.results?.every((call) => call.status === 'open')).to.equal(true);
    const regionCounts = $$(el, 'fieldset[data-facet="region"] .count').map((c) => c.textContent);
    expect(regionCounts.length).to.be.greaterThan(0);
  });

  it('finds a call with an Arabic word typed without diacritics', async () => {
    const el = await serverList('');
    const input = $<HTMLInputElement>(el, 'input[type="search"]') as HTMLInputElement;
    input.value = 'الشراكة';
    $<HTMLFormElement>(el, 'form')?.requestSubmit();
    await settled(el);
    expect(el.resultTotal).to.be.greaterThan(0);
    expect(
      el.results?.some((call) => (call.title.ar ?? '').replace(/[\u064B-\u0652]/g, '').includes('الشراكة')),
    ).to.equal(true);
  });

  it('sorts by largest award', async () => {
    const el = await serverList();
    const select = $<HTMLSelectElement>(el, '#sort') as HTMLSelectElement;
    select.value = 'largest';
    select.dispatchEvent(new Event('change'));
    await settled(el);
    const amounts = (el.results ?? []).map((call) =>
      Number(call.budget.maxAward?.amount ?? call.budget.total.amount),
    );
    expect(amounts.length).to.be.greaterThan(1);
    expect(amounts).to.deep.equal([...amounts].sort((a, b) => b - a));
  });

  it('loads more with the server cursor', async () => {
    const el = await serverList('page-size="5"');
    expect(el.results?.length).to.equal(5);
    expect(el.resultTotal).to.be.greaterThan(5);
    $<HTMLButtonElement>(el, '.more button')?.click();
    await waitUntil(() => (el.results?.length ?? 0) > 5, 'no second page', { timeout: 10000 });
    const ids = el.results?.map((call) => call.id) ?? [];
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('mirrors the filters in the URL and a new element restores them', async () => {
    const el = await serverList('sync-url');
    facetInput(el, 'status', 'open')?.click();
    await settled(el);
    const region = $<HTMLInputElement>(el, 'fieldset[data-facet="region"] input');
    const regionCode = region?.value ?? '';
    region?.click();
    await settled(el);
    const params = new URLSearchParams(location.search);
    expect(params.getAll('nassij-status')).to.deep.equal(['open']);
    expect(params.getAll('nassij-region')).to.deep.equal([regionCode]);
    const again = await serverList('sync-url');
    expect(again.filters.values.status).to.deep.equal(['open']);
    expect(again.filters.values.region).to.deep.equal([regionCode]);
    expect(again.resultTotal).to.equal(el.resultTotal);
    expect(facetInput(again, 'status', 'open')?.checked).to.equal(true);
  });

  it('switches from Arabic to French: strings and direction follow', async () => {
    const el = await serverList();
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect($(el, '#results-title')?.textContent).to.equal('طلبات الدعم العمومي');
    el.parentElement?.setAttribute('lang', 'fr');
    await waitUntil(() => el.locale === 'fr');
    await el.whenMessagesReady();
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect($(el, '#results-title')?.textContent).to.equal('Appels à projets');
  });

  it('mirrors the layout in Arabic: facets on the right, deadline badge on the left (and the reverse in French)', async () => {
    const el = await serverList();
    const geometry = () => {
      const facets = ($(el, '.facets') as HTMLElement).getBoundingClientRect();
      const results = ($(el, '.results') as HTMLElement).getBoundingClientRect();
      const card = ($(el, 'article.card') as HTMLElement).getBoundingClientRect();
      const badge = ($(el, 'article.card .days') as HTMLElement).getBoundingClientRect();
      return { facets, results, cardMid: card.left + card.width / 2, badge };
    };
    const ar = geometry();
    expect(ar.facets.left).to.be.greaterThan(ar.results.right - 1);
    expect(ar.badge.right).to.be.lessThan(ar.cardMid);
    el.setAttribute('lang', 'fr');
    await waitUntil(() => el.locale === 'fr');
    await el.whenMessagesReady();
    const fr = geometry();
    expect(fr.facets.right).to.be.lessThan(fr.results.left + 1);
    expect(fr.badge.left).to.be.greaterThan(fr.cardMid);
  });

  it('works with the keyboard: search, facet, card, detail and back', async () => {
    const el = await serverList('');
    $<HTMLInputElement>(el, '#q')?.focus();
    await sendKeys({ type: 'الشراكة' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(el.filters.q).to.equal('الشراكة');
    const box = $$<HTMLInputElement>(el, 'fieldset input[type="checkbox"]')[0] as HTMLInputElement;
    box.focus();
    await sendKeys({ press: 'Space' });
    await settled(el);
    expect(el.filters.values[box.name as 'status']).to.include(box.value);
    const card = $<HTMLButtonElement>(el, 'button.open-call') as HTMLButtonElement;
    const id = card.dataset.callId;
    card.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.detail') !== null && el.shadowRoot?.activeElement?.id === 'detail-title');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset.callId === id);
    expect($(el, '.detail')).to.equal(null);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has no axe violations in ${lang}`, async () => {
      const el = await serverList(`lang="${lang}"`);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('has no axe violations in the detail view, which shows criteria and documents', async () => {
    const el = await serverList();
    const id = el.results?.[0]?.id ?? '';
    await el.openCall(id);
    await waitUntil(() => $$(el, '.detail h3').length > 3, 'the full call did not load', { timeout: 10000 });
    expect($(el, '.detail')?.textContent).to.contain('معايير الانتقاء');
    await expect(el).to.be.accessible(AXE);
  });
});

describe('<nassij-call-list> in data mode', () => {
  before(() => setViewport({ width: 1200, height: 900 }));

  it('renders the calls it is given without a client', async () => {
    const calls = demoCalls(6);
    const el = await fixture<NassijCallList>(
      html`<nassij-call-list lang="fr" .calls=${calls}></nassij-call-list>`,
    );
    await el.whenMessagesReady();
    expect($$(el, 'article.card').length).to.equal(6);
    expect($(el, '.total')?.textContent).to.equal('6 appels');
    expect($(el, 'article.card')?.textContent).to.contain('National (toutes les régions)');
    expect($(el, 'fieldset[data-facet="domain"]')).to.exist;
  });

  it('renders fewer than 60 cards for 500 calls while the count says 500', async () => {
    const el = await fixture<NassijCallList>(
      html`<nassij-call-list lang="en" .calls=${demoCalls(500)}></nassij-call-list>`,
    );
    await aTimeout(50);
    await el.whenMessagesReady();
    const cards = $$(el, 'article.card');
    expect(cards.length).to.be.greaterThan(0);
    expect(cards.length).to.be.lessThan(60);
    expect($(el, '.total')?.textContent).to.equal('500 calls');
    expect(el.announcer.message).to.contain('500 calls');
    expect($(el, 'ul.cards > li')?.getAttribute('aria-setsize')).to.equal('500');
    // Arrow keys walk past the rendered window.
    const last = $$<HTMLButtonElement>(el, 'button.open-call').at(-1) as HTMLButtonElement;
    const lastIndex = Number(last.closest('li')?.getAttribute('aria-posinset'));
    last.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(
      () =>
        (el.shadowRoot?.activeElement as HTMLElement | null)?.closest('li')?.getAttribute('aria-posinset') ===
        String(lastIndex + 1),
    );
  });

  it('emits nassij-apply with the call id and links to apply-href', async () => {
    const calls = demoCalls(3);
    const detail = demoCallDetail();
    const el = await fixture<NassijCallList>(
      html`<nassij-call-list .calls=${calls} .details=${{ [detail.id]: detail }} apply-href="/apply.html?call={id}"></nassij-call-list>`,
    );
    await el.openCall(detail.id);
    const link = $<HTMLAnchorElement>(el, 'a[part="apply"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(new URL(`/apply.html?call=${detail.id}`, location.href).href);
    el.addEventListener('nassij-apply', (event) => event.preventDefault(), { once: true });
    const event = oneEvent(el, 'nassij-apply');
    link.click();
    const { detail: applied } = await event;
    expect(applied).to.deep.equal({ callId: detail.id, reference: detail.reference });
    // Only http(s) document links are rendered.
    expect($$(el, '.detail a[href^="javascript"]').length).to.equal(0);
    expect($(el, '.detail')?.textContent).to.contain('ميغابايت');
  });

  it('shows the empty, error and loading states', async () => {
    const empty = await fixture<NassijCallList>(html`<nassij-call-list .calls=${[]}></nassij-call-list>`);
    expect($(empty, '[data-state="empty"]')).to.exist;
    const error = await fixture<NassijCallList>(
      html`<nassij-call-list .errorCode=${'unavailable'}></nassij-call-list>`,
    );
    expect($(error, '[data-state="error"]')).to.exist;
    const loading = await fixture<NassijCallList>(html`<nassij-call-list></nassij-call-list>`);
    expect($(loading, '[data-state="loading"]')).to.exist;
  });

  it('collapses the facets into a disclosure on a phone', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await fixture<NassijCallList>(
      html`<nassij-call-list .calls=${demoCalls(4)}></nassij-call-list>`,
    );
    const toggle = $<HTMLButtonElement>(el, '.filters-toggle') as HTMLButtonElement;
    expect(getComputedStyle($(el, '.facets') as HTMLElement).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(getComputedStyle($(el, '.facets') as HTMLElement).display).to.equal('block');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await setViewport({ width: 1200, height: 900 });
  });

  it('has complete catalogs', async () => {
    expect(await catalogProblems(callListMessages)).to.deep.equal([]);
  });
});
