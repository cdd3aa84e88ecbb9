import { type Association, DOMAINS, getAssociationRef, pickText } from '@nassij/contract';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { type BaseClient, clientFor } from '../base/client.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { formatters } from '../i18n/format.js';
import { loadedCatalog } from '../i18n/load.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { directoryMessages } from './association-directory.messages.js';
import './define.js';
import { DEMO_ASSOCIATION_SUMMARIES, DEMO_ASSOCIATIONS } from '../test-support/demo/associations.js';
import { attachAndListen } from '../test-support/live-region.js';
import type { NassijAssociationDirectory } from './nassij-association-directory.js';

const WCAG = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  root(el).querySelector(selector) as T;
const $$ = (el: HTMLElement, selector: string) =>
  Array.from(root(el).querySelectorAll<HTMLElement>(selector));

async function until(el: NassijAssociationDirectory, check: () => unknown, what: string, ms = 8000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
    await el.updateComplete;
  }
}

async function search(
  el: NassijAssociationDirectory,
  values: { q?: string; region?: string; publicUtility?: boolean },
) {
  $<HTMLInputElement>(el, 'input[name="q"]').value = values.q ?? '';
  $<HTMLSelectElement>(el, 'select[name="region"]').value = values.region ?? '';
  $<HTMLInputElement>(el, 'input[name="publicUtility"]').checked = values.publicUtility ?? false;
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
}

// Data mode runs on the package's own demo associations: Tifawin (rural, Souss-Massa), Al Amal (public
// utility, literacy) and a young sports club in Béni Mellal-Khénifra.
const [TIFAWIN, AL_AMAL, ATLAS] = DEMO_ASSOCIATIONS.map((a) => a.id) as [string, string, string];
/** On the server: the representative's association, Tifawin in the demo seed too. */
const REPRESENTED = FIXTURES.associations.represented;

const ids = (el: HTMLElement) => $$(el, 'button.result').map((b) => b.dataset.id);

// First in the file, while the French catalogue has not been loaded by any other test.
describe('<nassij-association-directory> and the language of its announcements', () => {
  it('never puts Arabic words in the live region of a French directory while the French catalogue loads', async () => {
    expect(loadedCatalog(directoryMessages, 'fr'), 'the French catalogue is not loaded yet').to.equal(
      undefined,
    );
    const items = [...DEMO_ASSOCIATION_SUMMARIES];
    // The answer comes at once, before the French words arrive: the race that once announced "320 جمعية".
    const client = {
      request: async () => ({ items, total: 320, nextCursor: 'next' }),
    } as unknown as BaseClient;
    const el = document.createElement('nassij-association-directory');
    el.setAttribute('lang', 'fr');
    el.client = client;
    const { heard, stop } = attachAndListen(el);
    // The host asks for a search at once, before the French words (`search`, the name pages already call).
    void el.search();
    try {
      await waitUntil(() => el.announcer.message.includes('320'), 'the count was not announced', {
        timeout: 10000,
      });
      await el.updateComplete;
      stop();
      expect(heard.length).to.be.greaterThan(0);
      for (const text of heard) expect(text, 'an announcement').to.not.match(/[\u0600-\u06FF]/);
      expect(heard.at(-1)).to.contain('320 associations');
    } finally {
      stop();
    }
  });
});

describe('<nassij-association-directory>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(directoryMessages)).to.deep.equal([]);
  });

  it('searches in data mode by Arabic or French name, region and status', async () => {
    const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
      lang="fr"
      .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}
      .profiles=${Object.fromEntries(DEMO_ASSOCIATIONS.map((a) => [a.id, a]))}
    ></nassij-association-directory>`);
    await el.whenMessagesReady();
    expect(ids(el)).to.have.length(3);
    await search(el, { q: 'alphabetisation' });
    expect(ids(el)).to.deep.equal([AL_AMAL]);
    await search(el, { q: 'تيفاوين' });
    expect(ids(el)).to.deep.equal([TIFAWIN]);
    await search(el, { publicUtility: true });
    expect(ids(el)).to.deep.equal([AL_AMAL]);
    await search(el, { region: 'MA-05' });
    expect(ids(el)).to.deep.equal([ATLAS]);
    await search(el, { q: 'zzz' });
    expect($(el, '[data-state="empty"]').textContent).to.include('Aucune association');
    await expect(el).to.be.accessible(WCAG);
  });

  it('opens a profile card with the stats and returns focus on close', async () => {
    const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
      lang="ar"
      .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}
      .profiles=${Object.fromEntries(DEMO_ASSOCIATIONS.map((a) => [a.id, a]))}
    ></nassij-association-directory>`);
    const button = $(el, `button[data-id="${AL_AMAL}"]`);
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'nassij-association-select');
    expect(event.detail).to.deep.equal({ associationId: AL_AMAL });
    await el.updateComplete;
    expect($(el, '.profile .registration').textContent).to.equal('REC-1996-00002');
    expect($(el, '.profile .status').textContent).to.include('المنفعة العامة');
    expect($(el, '[data-stat="callsAppliedTo"]').textContent).to.equal('5');
    expect($(el, '[data-stat="amountReceived"]').textContent).to.include('450');
    expect(root(el).activeElement).to.equal($(el, '.profile h3'));
    await expect(el).to.be.accessible(WCAG);
    $(el, '.profile button.close').click();
    await el.updateComplete;
    await el.updateComplete;
    expect($(el, '.profile')).to.equal(null);
    expect(root(el).activeElement).to.equal($(el, `button[data-id="${AL_AMAL}"]`));
  });

  it('joins fields of action as each language joins a list', async () => {
    for (const lang of ['fr', 'ar', 'en'] as const) {
      const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
        lang=${lang} .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}></nassij-association-directory>`);
      await el.whenMessagesReady();
      const tifawin = DEMO_ASSOCIATIONS.find((a) => a.id === TIFAWIN) as Association;
      const names = tifawin.domains.map(
        (code) => pickText(DOMAINS.find((d) => d.code === code)?.name ?? { ar: code }, lang).text,
      );
      const meta = $(el, `button[data-id="${TIFAWIN}"] .meta`).textContent ?? '';
      expect(meta).to.contain(formatters(lang).list(names));
      if (lang !== 'ar') expect(meta).to.not.contain('،');
    }
  });

  it('says a count is about when the platform estimated it, in every language, and exact otherwise', async () => {
    const words = { ar: 'نحو', fr: 'environ', en: 'about', zgh: '≈' } as const;
    for (const lang of ['ar', 'fr', 'en', 'zgh'] as const) {
      const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
        lang=${lang} .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}></nassij-association-directory>`);
      await el.whenMessagesReady();
      const figure = formatters(lang).number(210000);
      const estimated = el.countText({ items: [], total: 210000, estimated: true, cursor: null });
      expect(estimated).to.contain(words[lang]);
      expect(estimated).to.contain(figure);
      const exact = el.countText({ items: [], total: 210000, cursor: null });
      expect(exact).to.not.contain(words[lang]);
      expect(exact).to.contain(figure);
    }
  });

  it('lists the years of the annual reports filed with the list words of the reader’s language', async () => {
    const tifawin = DEMO_ASSOCIATIONS.find((a) => a.id === TIFAWIN) as Association;
    const years = tifawin.compliance.annualReportsFiled.map(String);
    expect(years.length).to.be.greaterThan(2);
    for (const lang of ['fr', 'ar'] as const) {
      const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
        lang=${lang} .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}
        .profiles=${Object.fromEntries(DEMO_ASSOCIATIONS.map((a) => [a.id, a]))}></nassij-association-directory>`);
      await el.whenMessagesReady();
      $(el, `button[data-id="${TIFAWIN}"]`).click();
      await waitUntil(() => el.shadowRoot?.querySelector('.profile .annual-reports'), 'the profile opens');
      const text = $(el, '.profile .annual-reports').textContent ?? '';
      expect(text).to.equal(new Intl.ListFormat(formatters(lang).tag, { type: 'conjunction' }).format(years));
      if (lang === 'fr') {
        expect(text).to.not.contain('،');
        expect(text).to.contain(' et ');
      } else expect(text).to.contain('و');
    }
  });

  for (const lang of ['fr', 'ar']) {
    it(`reflows at 320 px in ${lang}, with a profile open`, async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
          lang=${lang}
          .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}
          .profiles=${Object.fromEntries(DEMO_ASSOCIATIONS.map((a) => [a.id, a]))}
        ></nassij-association-directory>`);
        await el.whenMessagesReady();
        await el.open(AL_AMAL);
        const page = document.documentElement;
        expect(page.scrollWidth).to.be.at.most(page.clientWidth);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      } finally {
        await setViewport({ width: 1200, height: 900 });
      }
    });
  }

  describe('against the reference server', () => {
    it('searches in Arabic and in French and shows the profile GET /v1/associations/{id} returns', async () => {
      const el = await fixture<NassijAssociationDirectory>(
        html`<nassij-association-directory lang="ar" api-base=${API_BASE}></nassij-association-directory>`,
      );
      await until(el, () => ids(el).length > 0, 'the first page');
      expect($(el, 'h3.count').textContent).to.match(/\d+/);
      const everyone = el.total ?? 0;
      await search(el, { q: 'تيفاوين' });
      await until(el, () => ids(el).includes(REPRESENTED) && !el.loading, 'the Arabic search');
      expect(el.total).to.be.lessThan(everyone);
      expect(el.items?.every((a) => a.name.ar?.includes('تيفاوين'))).to.equal(true);
      const arabicIds = ids(el);
      el.setAttribute('lang', 'fr');
      await el.whenMessagesReady();
      await search(el, { q: 'Tifawin' });
      await until(el, () => !el.loading && el.filters.q === 'Tifawin', 'the French search');
      expect(ids(el)).to.include(REPRESENTED);
      expect(ids(el)).to.deep.equal(arabicIds);
      await search(el, { q: 'Tifawin', region: 'MA-01' });
      await until(el, () => !el.loading && el.filters.region === 'MA-01', 'the region search');
      expect(ids(el)).to.not.include(REPRESENTED);

      await search(el, { q: 'Tifawin' });
      await until(el, () => !el.loading && ids(el).includes(REPRESENTED), 'the search again');
      $(el, `button[data-id="${REPRESENTED}"]`).click();
      await until(el, () => el.profile?.id === REPRESENTED, 'the profile');
      const expected: Association = await clientFor(API_BASE).request(getAssociationRef, {
        params: { associationId: REPRESENTED },
      });
      const fmt = formatters('fr');
      expect($(el, '.profile .registration').textContent).to.equal(expected.registrationNumber);
      const stats = expected.stats;
      expect(stats).to.exist;
      if (!stats) return;
      expect($(el, '[data-stat="callsAppliedTo"]').textContent).to.equal(fmt.number(stats.callsAppliedTo));
      expect($(el, '[data-stat="awardsReceived"]').textContent).to.equal(fmt.number(stats.awardsReceived));
      expect($(el, '[data-stat="amountReceived"]').textContent).to.equal(fmt.money(stats.amountReceived));
      expect($(el, '[data-stat="trainingsAttended"]').textContent).to.equal(
        fmt.number(stats.trainingsAttended),
      );
      await expect(el).to.be.accessible(WCAG);
    });

    it('filters public-utility associations on the server', async () => {
      const el = await fixture<NassijAssociationDirectory>(
        html`<nassij-association-directory lang="en" api-base=${API_BASE}></nassij-association-directory>`,
      );
      await until(el, () => ids(el).length > 0, 'the first page');
      await search(el, { publicUtility: true });
      await until(el, () => !el.loading && el.filters.publicUtility, 'the filtered page');
      expect(el.items?.length).to.be.greaterThan(0);
      expect(el.items?.every((a) => a.publicUtility)).to.equal(true);
      expect($$(el, 'button.result .badge')).to.have.length(el.items?.length ?? -1);
    });
  });
});
