import type { CallSummary } from '@nassij/contract';
import { type Call, fileTypeName, getCallRef } from '@nassij/contract';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { type BaseClient, clientFor } from '../base/client.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { formatters } from '../i18n/format.js';
import { loadedCatalog } from '../i18n/load.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import { ownServer } from '../test-support/own-server.js';
import { callListMessages } from './call-list.messages.js';
import './define.js';
import { fileSize } from '../i18n/file-size.js';
import { demoCallDetail, demoCalls } from '../test-support/demo/calls.js';
import { attachAndListen } from '../test-support/live-region.js';
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
  // The file's own server: its totals are compared across requests, which another file's published call
  // would change in between on the shared one.
  const wrapper = await fixture<HTMLDivElement>(
    `<div><nassij-call-list api-base="${await ownServer()}" ${attrs}></nassij-call-list></div>`,
  );
  const el = wrapper.querySelector('nassij-call-list') as NassijCallList;
  await settled(el);
  await el.whenMessagesReady();
  return el;
}

/** A client whose search answers when the test says so. */
function slowClient() {
  let resolve: (calls: CallSummary[]) => void = () => {};
  const answer = new Promise<CallSummary[]>((ok) => {
    resolve = ok;
  });
  const client = {
    request: async () => {
      const items = await answer;
      return { items, facets: {}, total: items.length, nextCursor: null };
    },
  } as unknown as BaseClient;
  return { client, resolve };
}

const facetInput = (el: NassijCallList, facet: string, value: string) =>
  $<HTMLInputElement>(el, `fieldset[data-facet="${facet}"] input[value="${value}"]`);

/** Left edges of each character of an element's text, in logical order. */
function characterLefts(element: Element): { char: string; left: number }[] {
  const out: { char: string; left: number }[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.textContent ?? '';
    for (let i = 0; i < value.length; i++) {
      if (!value[i]?.trim()) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      out.push({ char: value[i] as string, left: range.getBoundingClientRect().left });
    }
  }
  return out;
}

// First in the file, while the French catalogue has not been loaded by any other test.
describe('<nassij-call-list> and the language of its announcements', () => {
  it('never puts Arabic words in the live region of a French list while the French catalogue loads', async () => {
    expect(loadedCatalog(callListMessages, 'fr'), 'the French catalogue is not loaded yet').to.equal(
      undefined,
    );
    const calls = demoCalls(3);
    // The answer comes at once, before the French words arrive: the race that once announced "3 طلبات".
    const client = {
      request: async () => ({ items: calls, facets: {}, total: calls.length, nextCursor: null }),
    } as unknown as BaseClient;
    const el = document.createElement('nassij-call-list');
    el.setAttribute('lang', 'fr');
    el.client = client;
    const { heard, stop } = attachAndListen(el);
    // The host asks for a search at once (as a preset change or a retry would), before the French words.
    void el.load();
    try {
      await waitUntil(() => el.announcer.message.includes('3'), 'the count was not announced', {
        timeout: 10000,
      });
      await el.updateComplete;
      stop();
      expect(heard.length).to.be.greaterThan(0);
      for (const text of heard) expect(text, 'an announcement').to.not.match(/[\u0600-\u06FF]/);
      expect(heard.at(-1)).to.contain('3 appels');
    } finally {
      stop();
    }
  });
});

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

describe('<nassij-call-list> on a phone (320 px)', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 1200, height: 900 }));
  afterEach(() => history.replaceState(null, '', location.pathname));

  for (const lang of ['fr', 'ar', 'zgh', 'en']) {
    it(`reflows in ${lang}: cards, days-left badges and the open filters never scroll sideways`, async () => {
      const el = await serverList(`lang="${lang}"`);
      expect($$(el, '.days').length).to.be.greaterThan(0);
      expectNoSideScroll(el, 'the list');
      $<HTMLButtonElement>(el, '.filters-toggle')?.click();
      await el.updateComplete;
      expectNoSideScroll(el, 'the open filters');
      if (lang === 'fr' || lang === 'ar') await expect(el).to.be.accessible(AXE);
      for (const badge of $$(el, '.days')) {
        const card = badge.closest('article') as HTMLElement;
        expect(badge.getBoundingClientRect().right).to.be.at.most(card.getBoundingClientRect().right + 0.5);
        expect(badge.getBoundingClientRect().left).to.be.at.least(card.getBoundingClientRect().left - 0.5);
      }
    });
  }

  for (const lang of ['fr', 'ar']) {
    it(`reflows in ${lang}: the details of a call with required documents`, async () => {
      const el = await serverList(`lang="${lang}"`);
      await el.openCall(FIXTURES.calls.openEligible);
      await waitUntil(() => $(el, '.detail strong') !== null, 'the full call did not load', {
        timeout: 10000,
      });
      await el.updateComplete;
      expectNoSideScroll(el, 'the details');
    });
  }

  for (const lang of ['fr', 'en', 'zgh', 'ar']) {
    it(`reads the number of chosen filters in order on the filters button in ${lang}`, async () => {
      const el = await serverList(`lang="${lang}"`);
      const toggle = $<HTMLButtonElement>(el, '.filters-toggle') as HTMLButtonElement;
      toggle.click();
      await el.updateComplete;
      facetInput(el, 'status', 'open')?.click();
      await settled(el);
      expect(toggle.textContent?.trim()).to.equal(el.t('callList.filtersToggle', { count: 1 }));
      const chars = characterLefts(toggle);
      const at = (char: string) => chars.find((c) => c.char === char)?.left ?? Number.NaN;
      // Left to right: "(", "1", ")" in French, English and Tamazight; right to left in Arabic.
      const order = [at('('), at('1'), at(')')];
      if (lang === 'ar') expect(order).to.deep.equal([...order].sort((a, b) => b - a));
      else expect(order).to.deep.equal([...order].sort((a, b) => a - b));
      expect(getComputedStyle(toggle).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
    });
  }

  it('names file formats and sizes as people know them, in the list style of the language', async () => {
    const expected: Call = await clientFor(await ownServer()).request(getCallRef, {
      params: { callId: FIXTURES.calls.openEligible },
    });
    for (const lang of ['fr', 'ar'] as const) {
      const el = await serverList(`lang="${lang}"`);
      await el.openCall(FIXTURES.calls.openEligible);
      await waitUntil(() => $(el, '.detail strong') !== null, 'the full call did not load', {
        timeout: 10000,
      });
      const shown = $(el, '.detail')?.textContent ?? '';
      const fmt = formatters(lang);
      expect(shown).to.not.match(/application\/|vnd\.|opendocument|officedocument/i);
      expect(shown).to.not.match(/\bMB\b|\bKB\b|ميغابايت/);
      for (const document of expected.requiredDocuments) {
        expect(shown).to.contain(fmt.list(document.mediaTypes.map(fileTypeName), 'disjunction'));
        expect(shown).to.contain(fileSize(fmt, document.maxBytes));
      }
      if (lang === 'fr') expect(shown).to.not.contain('،');
    }
  });

  it('keyboard journey: filter calls by region and open one, focus followed at every step', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      `<div lang="fr"><button id="before">avant</button><nassij-call-list api-base="${await ownServer()}"></nassij-call-list></div>`,
    );
    const el = wrapper.querySelector('nassij-call-list') as NassijCallList;
    await settled(el);
    await el.whenMessagesReady();
    (wrapper.querySelector('#before') as HTMLButtonElement).focus();
    // Into the list: search field, search button, sort, then the filters button.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#q'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '.search button[type="submit"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(el, '#sort'));
    await sendKeys({ press: 'Tab' });
    const toggle = $(el, '.filters-toggle') as HTMLButtonElement;
    expect(deepActive()).to.equal(toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActive()).to.equal(toggle);
    // Through the filters to the first region.
    for (let step = 0; step < 40; step++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive() as HTMLInputElement;
      expect(active?.closest('#facets'), `step ${step}: focus stays in the filters`).to.exist;
      if (active.name === 'region') break;
    }
    const region = deepActive() as HTMLInputElement;
    expect(region.name).to.equal('region');
    const code = region.value;
    await sendKeys({ press: 'Space' });
    await settled(el);
    expect(el.filters.values.region).to.deep.equal([code]);
    expect(deepActive()).to.equal(region);
    // On to "show results" (the apply step), which closes the filters and takes focus to the count.
    for (let step = 0; step < 60; step++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive() as HTMLElement;
      expect(active?.closest('#facets'), `step ${step}: focus stays in the filters`).to.exist;
      if (active.classList.contains('show-results')) break;
    }
    expect(deepActive()).to.equal($(el, '.show-results'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === $(el, '.total'), 'focus did not reach the result count');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '.total')?.textContent).to.equal(el.t('callList.count', { count: el.resultTotal }));
    expect(el.resultTotal).to.be.greaterThan(0);
    // The feed and calendar links of these results, then the first card, its details, and back.
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement).dataset.link).to.equal('feed');
    await sendKeys({ press: 'Tab' });
    expect((deepActive() as HTMLElement).dataset.link).to.equal('calendar');
    await sendKeys({ press: 'Tab' });
    const card = deepActive() as HTMLButtonElement;
    expect(card.classList.contains('open-call')).to.equal(true);
    const id = card.dataset.callId;
    const opened = el.results?.find((call) => call.id === id);
    expect(opened?.coverage === 'national' || opened?.eligibleRegions.includes(code as never)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === $(el, '#detail-title'), 'focus did not reach the details heading');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()?.textContent?.trim()).to.equal(el.t('callList.back'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => (deepActive() as HTMLElement | null)?.dataset?.callId === id,
      'focus did not return to the card',
    );
    expect($(el, '.detail')).to.equal(null);
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
    // The spacer after the window stands for the cards not rendered, so the page is as long as all 500.
    const after = $$(el, '.cards-window > div[aria-hidden="true"]').at(-1);
    expect(after?.style.blockSize).to.match(/^\d+px$/);
    expect(after?.getBoundingClientRect().height ?? 0).to.be.greaterThan(1000);
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
    // Sizes and formats in words people know, formatted by Intl (no hard-coded unit, no media type).
    const fmt = formatters('ar');
    expect($(el, '.detail')?.textContent).to.contain(fileSize(fmt, 2 * 1_048_576));
    expect($(el, '.detail')?.textContent).to.contain(fmt.list(['PDF', 'XLSX', 'ODS'], 'disjunction'));
    expect($(el, '.detail')?.textContent).to.not.match(/opendocument|officedocument|\bMB\b|، PDF|, /i);
  });

  it('shows the empty, error and loading states, and a skeleton only while a search is in flight', async () => {
    const empty = await fixture<NassijCallList>(html`<nassij-call-list .calls=${[]}></nassij-call-list>`);
    expect($(empty, '[data-state="empty"]')).to.exist;
    const error = await fixture<NassijCallList>(
      html`<nassij-call-list .errorCode=${'unavailable'}></nassij-call-list>`,
    );
    expect($(error, '[data-state="error"]')).to.exist;
    // Nothing asked (no client, no calls): no skeleton, so screen readers do not hear "loading" forever.
    const idle = await fixture<NassijCallList>(html`<nassij-call-list></nassij-call-list>`);
    expect($(idle, '[data-state="loading"]')).to.equal(null);
    const answer = slowClient();
    const loading = await fixture<NassijCallList>(
      html`<nassij-call-list .client=${answer.client}></nassij-call-list>`,
    );
    expect($(loading, '[data-state="loading"]')).to.exist;
    answer.resolve(demoCalls(2));
    await waitUntil(() => $$(loading, 'article.card').length === 2);
    expect($(loading, '[data-state="loading"]')).to.equal(null);
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
