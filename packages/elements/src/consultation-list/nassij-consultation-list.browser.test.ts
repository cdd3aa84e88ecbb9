import { getConsultationRef, searchConsultationsRef } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { API_BASE } from '/__nassij__/env.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { demoSummaries } from '../test-support/demo/consultations.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { consultationListMessages } from './consultation-list.messages.js';
import './define.js';
import type { NassijConsultationList } from './nassij-consultation-list.js';

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 10000 };
const CONSULTATIONS = FIXTURES.consultations;

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot?.querySelector<E>(s) ?? null;
const $$ = <E extends Element = HTMLElement>(el: Element, s: string) => [
  ...(el.shadowRoot?.querySelectorAll<E>(s) ?? []),
];

const newClient = (fetchImpl?: typeof fetch): BaseClient =>
  createBaseClient({
    baseUrl: API_BASE,
    retry: { limit: 0 },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });

describe('<nassij-consultation-list> against the reference server', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(consultationListMessages)).to.deep.equal([]);
  });

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

  it('keeps the newest search: a slow answer to an older one does not overwrite it', async () => {
    const client = newClient();
    const regional = await client.request(getConsultationRef, {
      params: { consultationId: CONSULTATIONS.registeredOnly },
    });
    let release = () => {};
    const gate = new Promise<void>((ok) => {
      release = ok;
    });
    let searches = 0;
    let firstAnswered = false;
    // The first search (no filter) answers only after the second (by region) has been shown.
    const slowFirst: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (!request.url.includes(searchConsultationsRef.path)) return fetch(request);
      const n = ++searches;
      // A server that answers late whatever the page does: the request is not aborted here.
      const response = await fetch(request.url, { headers: request.headers });
      const body = await response.text();
      if (n === 1) {
        await gate;
        firstAnswered = true;
      }
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const el = await fixture<NassijConsultationList>(
      html`<nassij-consultation-list .client=${newClient(slowFirst)}></nassij-consultation-list>`,
    );
    await waitUntil(() => searches === 1, 'the first search did not start', T);
    el.region = regional.region ?? '';
    await el.load();
    expect(el.consultations?.length).to.be.greaterThan(0);
    expect(el.consultations?.every((c) => c.region === regional.region)).to.equal(true);
    release();
    await waitUntil(() => firstAnswered, 'the first search did not answer', T);
    // Let the late answer go through the client and the element, as it would have.
    for (let i = 0; i < 5; i++) await new Promise((ok) => setTimeout(ok));
    await el.updateComplete;
    expect(el.consultations?.every((c) => c.region === regional.region)).to.equal(true);
    expect($$(el, 'article.card').length).to.equal(el.consultations?.length);
  });

  it('shows no skeleton when nothing is asked (data mode without data), then the cards it is given', async () => {
    const el = await fixture<NassijConsultationList>(
      html`<nassij-consultation-list></nassij-consultation-list>`,
    );
    await el.updateComplete;
    expect($(el, '[data-state="loading"]')).to.equal(null);
    el.consultations = demoSummaries();
    await el.updateComplete;
    expect($$(el, 'article.card').length).to.equal(el.consultations.length);
    await expect(el).to.be.accessible(AXE);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`reflows at 320 px in ${lang} (filters and cards, no horizontal scroll) and axe finds nothing`, async () => {
      const box = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><nassij-consultation-list lang=${lang} .client=${newClient()}></nassij-consultation-list></div>`,
      );
      const el = box.firstElementChild as NassijConsultationList;
      await waitUntil(() => el.consultations, 'no list', T);
      await el.whenMessagesReady();
      // Boxes wider than their room that neither clip nor scroll it: the reader would scroll sideways.
      const overflowing = [el, ...$$(el, '*')]
        .filter(
          (node) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX === 'visible',
        )
        .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
      expect(overflowing).to.deep.equal([]);
      if (lang !== 'ar') expect($(el, '#list-h')?.textContent).not.to.match(/[\u0600-\u06FF]/);
      await expect(el).to.be.accessible(AXE);
    });
  }
});
