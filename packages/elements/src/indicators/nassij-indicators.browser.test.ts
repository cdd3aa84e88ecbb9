import { getIndicatorsRef, INDICATOR_CODES, type IndicatorSet, REGIONS } from '@nassij/contract';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { type BaseClient, clientFor } from '../base/client.js';
import { catalogProblems } from '../i18n/catalogs.js';
import { formatters } from '../i18n/format.js';
import { loadedCatalog } from '../i18n/load.js';
import './define.js';
import { DEMO_YEARS, demoIndicators } from '../test-support/demo/indicators.js';
import { attachAndListen } from '../test-support/live-region.js';
import { ownServer } from '../test-support/own-server.js';
import { indicatorsMessages } from './indicators.messages.js';
import type { NassijIndicators } from './nassij-indicators.js';

const WCAG = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const LOCALES = ['ar', 'fr', 'zgh', 'en'] as const;

const root = (el: HTMLElement) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  root(el).querySelector(selector) as T;
const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  Array.from(root(el).querySelectorAll<T>(selector)) as T[];

async function until(el: NassijIndicators, check: () => unknown, what: string, ms = 10000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
    await el.updateComplete;
  }
}

async function dataMode(lang = 'ar', region?: string): Promise<NassijIndicators> {
  const el = await fixture<NassijIndicators>(html`<nassij-indicators
    lang=${lang}
    .data=${demoIndicators(2026, region)}
    .national=${demoIndicators(2026)}
    .history=${DEMO_YEARS.map((year) => demoIndicators(year, region))}
  ></nassij-indicators>`);
  await el.whenMessagesReady();
  await el.updateComplete;
  return el;
}

async function showTable(el: NassijIndicators, chart: 'bars' | 'trend'): Promise<void> {
  $(el, `figure[data-chart="${chart}"] button.toggle`).click();
  await el.updateComplete;
}

/** `[key, value]` of the SVG bars of a chart, in drawing order. */
function chartData(el: NassijIndicators, chart: 'bars' | 'trend'): [string, number][] {
  return $$(el, `figure[data-chart="${chart}"] svg rect.bar`).map((rect) => [
    rect.getAttribute('data-key') ?? '',
    Number(rect.getAttribute('data-value')),
  ]);
}

function tableData(el: NassijIndicators, selector: string): [string, number][] {
  return $$(el, `${selector} tbody tr`).map((row) => [
    row.getAttribute('data-key') ?? '',
    Number(row.querySelector('td')?.getAttribute('data-value')),
  ]);
}

/** A client that answers every request with `set` once the test calls `resolve` (at once when `now`). */
function clientAnswering(set: IndicatorSet, now = false) {
  let resolve: () => void = () => {};
  const answered = now
    ? Promise.resolve()
    : new Promise<void>((ok) => {
        resolve = ok;
      });
  const client = {
    request: async () => {
      await answered;
      return set;
    },
  } as unknown as BaseClient;
  return { client, resolve };
}

// First in the file, while the French catalogue has not been loaded by any other test.
describe('<nassij-indicators> and the language of its announcements', () => {
  it('never puts Arabic words in the live region of a French element while the French catalogue loads', async () => {
    expect(loadedCatalog(indicatorsMessages, 'fr'), 'the French catalogue is not loaded yet').to.equal(
      undefined,
    );
    const { client } = clientAnswering({ ...demoIndicators(2026), years: [2026] }, true);
    const el = document.createElement('nassij-indicators');
    el.setAttribute('lang', 'fr');
    el.client = client;
    const { heard, stop } = attachAndListen(el);
    // The host asks for the figures at once, before the French words arrive.
    void el.load();
    try {
      await waitUntil(() => el.announcer.message.includes('2026'), 'the year was not announced', {
        timeout: 10000,
      });
      await el.updateComplete;
      stop();
      expect(heard.length).to.be.greaterThan(0);
      for (const text of heard) expect(text, 'an announcement').to.not.match(/[\u0600-\u06FF]/);
      expect(heard.at(-1)).to.contain('Indicateurs');
    } finally {
      stop();
    }
  });
});

describe('<nassij-indicators>', () => {
  it('has every message in every locale', async () => {
    expect(await catalogProblems(indicatorsMessages)).to.deep.equal([]);
  });

  it('shows each key figure with its definition, denominator and period', async () => {
    const el = await dataMode('fr');
    const cards = $$(el, 'li.figure');
    expect(cards.map((card) => card.dataset.code)).to.deep.equal([...INDICATOR_CODES]);
    const share = $(el, 'li[data-code="associations_supported_share"]');
    expect(share.querySelector('h4')?.textContent).to.equal(
      'Part des associations ayant bénéficié du soutien public',
    );
    expect(share.querySelector('.period')?.textContent).to.include('2026');
    expect(share.querySelector('.denominator')?.textContent).to.include(
      "Dénominateur : Nombre d'associations enregistrées",
    );
    const details = share.querySelector('details') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')?.textContent?.trim()).to.equal('Définition');
    expect(details.querySelector('p')?.textContent).to.include('divisé par le nombre');
    // A count has no denominator, and says so.
    expect($(el, 'li[data-code="trainings_held"] .denominator').textContent).to.include('sans dénominateur');
    // Money parts of the concentration read in MAD.
    expect($(el, 'li[data-code="support_concentration_top_fifth"] .ratio').textContent).to.match(/MAD|DH/);
  });

  it('draws bars for the 12 regions and a trend whose tables hold exactly the charts’ data', async () => {
    const el = await dataMode('fr');
    const bars = chartData(el, 'bars');
    expect(bars.map(([key]) => key)).to.deep.equal(REGIONS.map((r) => r.code));
    const trend = chartData(el, 'trend');
    expect(trend.map(([key]) => key)).to.deep.equal(['2024', '2025', '2026']);
    const set = demoIndicators(2026);
    const share = set.indicators.find((i) => i.code === 'associations_supported_share');
    expect(bars.map(([, value]) => value)).to.deep.equal(share?.breakdown?.map((row) => row.value));

    await showTable(el, 'bars');
    expect($(el, 'figure[data-chart="bars"] svg')).to.equal(null);
    expect(tableData(el, 'figure[data-chart="bars"] table')).to.deep.equal(bars);
    expect($(el, 'figure[data-chart="bars"] table caption').textContent).to.equal(
      $(el, 'figure[data-chart="bars"] figcaption').textContent,
    );
    expect($$(el, 'figure[data-chart="bars"] th[scope="row"]')).to.have.length(12);
    await showTable(el, 'trend');
    expect(tableData(el, 'figure[data-chart="trend"] table')).to.deep.equal(trend);
    // Shown values are the formatted data.
    const fmt = formatters('fr');
    const firstCell = $(el, 'figure[data-chart="bars"] tbody td');
    expect(firstCell.textContent?.trim()).to.equal(fmt.percent((bars[0]?.[1] ?? 0) / 100, 2));

    await showTable(el, 'bars');
    expect($(el, 'figure[data-chart="bars"] svg')).to.exist;
  });

  it('offers each chart’s data as a CSV download equal to the chart', async () => {
    const el = await dataMode('fr');
    const link = $<HTMLAnchorElement>(el, 'figure[data-chart="bars"] a.download');
    expect(link.href).to.match(/^blob:/);
    expect(link.getAttribute('download')).to.match(/\.csv$/);
    const csv = await (await fetch(link.href)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('indicator,year,region,region_name,value,numerator,denominator');
    const fromCsv = lines.slice(1).map((line) => {
      const cells = line.split(',');
      return [cells[2], Number(cells[4])];
    });
    expect(fromCsv).to.deep.equal(chartData(el, 'bars'));
    const trendLink = $<HTMLAnchorElement>(el, 'figure[data-chart="trend"] a.download');
    const trendCsv = (await (await fetch(trendLink.href)).text()).trim().split('\r\n');
    expect(trendCsv.slice(1).map((line) => [line.split(',')[1], Number(line.split(',')[3])])).to.deep.equal(
      chartData(el, 'trend'),
    );
    expect($<HTMLAnchorElement>(el, 'a.download[download$="breakdown.csv"]').href).to.match(/^blob:/);
    expect($<HTMLAnchorElement>(el, 'a.download[download^="nassij-indicators-2026"]').href).to.match(
      /^blob:/,
    );
  });

  it('sorts the regional breakdown by any column', async () => {
    const el = await dataMode('fr');
    const values = () => tableData(el, 'section.breakdown table').map(([, value]) => value);
    const initial = values();
    expect(initial).to.deep.equal([...initial].sort((a, b) => b - a));
    expect($(el, 'section.breakdown th[aria-sort="descending"] button[data-sort="value"]')).to.exist;
    $(el, 'section.breakdown button[data-sort="value"]').click();
    await el.updateComplete;
    expect(values()).to.deep.equal([...initial].sort((a, b) => a - b));
    $(el, 'section.breakdown button[data-sort="label"]').click();
    await el.updateComplete;
    const labels = $$(el, 'section.breakdown tbody th').map((th) => th.textContent ?? '');
    expect(labels).to.deep.equal([...labels].sort(new Intl.Collator('fr').compare));
    expect($(el, 'section.breakdown th[aria-sort="ascending"] button[data-sort="label"]')).to.exist;
  });

  it('lays the charts out right to left in Arabic', async () => {
    const el = await dataMode('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    const rects = $$<SVGRectElement>(el, 'figure[data-chart="bars"] rect.bar').filter(
      (rect) => Number(rect.getAttribute('width')) > 0,
    );
    const rights = rects.map((rect) => Math.round(rect.getBoundingClientRect().right));
    const lefts = rects.map((rect) => Math.round(rect.getBoundingClientRect().left));
    // Bars grow from the right: one shared right edge, different left edges.
    expect(new Set(rights).size).to.equal(1);
    expect(new Set(lefts).size).to.be.greaterThan(1);
    const label = $<SVGTextElement>(el, 'figure[data-chart="bars"] text.label').getBoundingClientRect();
    expect(label.left).to.be.at.least((rights[0] ?? 0) - 1);
    // The trend reads right to left: the earliest year is on the right.
    const columns = $$<SVGRectElement>(el, 'figure[data-chart="trend"] rect.bar');
    const x = columns.map((c) => c.getBoundingClientRect().left);
    expect(columns[0]?.getAttribute('data-key')).to.equal('2024');
    expect(x[0]).to.be.greaterThan(x[1] ?? 0);
    expect(x[1]).to.be.greaterThan(x[2] ?? 0);

    const fr = await dataMode('fr');
    const frRects = $$<SVGRectElement>(fr, 'figure[data-chart="bars"] rect.bar');
    expect(new Set(frRects.map((r) => Math.round(r.getBoundingClientRect().left))).size).to.equal(1);
    const frColumns = $$<SVGRectElement>(fr, 'figure[data-chart="trend"] rect.bar').map(
      (c) => c.getBoundingClientRect().left,
    );
    expect(frColumns[0]).to.be.lessThan(frColumns[2] ?? 0);
  });

  it('marks the selected region without relying on colour', async () => {
    const el = await dataMode('fr', 'MA-06');
    const selected = $(el, 'figure[data-chart="bars"] g.selected text.label');
    expect(selected.textContent).to.include('Casablanca');
    expect(selected.textContent).to.include('(région choisie)');
    expect($(el, '.scope').textContent).to.include('Casablanca');
  });

  for (const lang of LOCALES) {
    it(`passes axe in ${lang} with the charts and with the tables`, async () => {
      const el = await dataMode(lang);
      await expect(el).to.be.accessible(WCAG);
      await showTable(el, 'bars');
      await showTable(el, 'trend');
      $<HTMLDetailsElement>(el, 'details').open = true;
      await expect(el).to.be.accessible(WCAG);
    });
  }

  it('shows loading (only while a request is in flight), empty and error states', async () => {
    const idle = await fixture<NassijIndicators>(html`<nassij-indicators lang="fr"></nassij-indicators>`);
    expect($(idle, '[aria-busy="true"]')).to.equal(null);
    const answer = clientAnswering(demoIndicators(2026));
    const loading = await fixture<NassijIndicators>(
      html`<nassij-indicators lang="fr" .client=${answer.client}></nassij-indicators>`,
    );
    expect($(loading, '[aria-busy="true"]')).to.exist;
    await expect(loading).to.be.accessible(WCAG);
    answer.resolve();
    await until(loading, () => $$(loading, 'li.figure').length > 0, 'the figures');
    expect($(loading, '[aria-busy="true"]')).to.equal(null);
    const empty = await fixture<NassijIndicators>(
      html`<nassij-indicators lang="ar" .data=${{ year: 2026, years: [2026], indicators: [] } satisfies IndicatorSet}></nassij-indicators>`,
    );
    expect($(empty, '[data-state="empty"]').textContent).to.include('لا توجد مؤشرات');
    const error = await fixture<NassijIndicators>(
      html`<nassij-indicators lang="ar" error-code="rate_limited"></nassij-indicators>`,
    );
    expect($(error, '[role="alert"]')).to.exist;
    await expect(error).to.be.accessible(WCAG);
  });

  it('names indicators in Tamazight when they have a Tamazight name, and marks the language of a fallback', async () => {
    const named = (set: IndicatorSet): IndicatorSet => ({
      ...set,
      indicators: set.indicators.map((i) =>
        i.code === 'associations_supported_share' ? { ...i, name: { ...i.name, zgh: 'ⵜⴰⴼⵔⴰⵏⵜ ⵏ ⵜⵎⵓⵏⴰ' } } : i,
      ),
    });
    const el = await fixture<NassijIndicators>(html`<nassij-indicators
      lang="zgh"
      .data=${named(demoIndicators(2026))}
      .history=${DEMO_YEARS.map((year) => named(demoIndicators(year)))}
    ></nassij-indicators>`);
    await el.whenMessagesReady();
    const share = $(el, 'li[data-code="associations_supported_share"] h4');
    expect(share.textContent?.trim()).to.equal('ⵜⴰⴼⵔⴰⵏⵜ ⵏ ⵜⵎⵓⵏⴰ');
    expect(share.querySelector('[lang]')).to.equal(null);
    for (const selector of [
      'figure[data-chart="bars"] figcaption',
      'figure[data-chart="trend"] figcaption',
      'section.breakdown h3',
    ]) {
      expect($(el, selector).textContent, selector).to.contain('ⵜⴰⴼⵔⴰⵏⵜ ⵏ ⵜⵎⵓⵏⴰ');
      expect($(el, selector).textContent, selector).to.not.match(/[\u0600-\u06FF]/);
    }
    const option = $<HTMLOptionElement>(
      el,
      'select[name="chart"] option[value="associations_supported_share"]',
    );
    if (option) expect(option.textContent?.trim()).to.equal('ⵜⴰⴼⵔⴰⵏⵜ ⵏ ⵜⵎⵓⵏⴰ');
    // The contract has no Tamazight name for the others yet: each Arabic fallback says it is Arabic.
    const other = $(el, 'li[data-code="trainings_held"] h4');
    expect(other.querySelector('[lang="ar"]')?.textContent).to.equal(
      demoIndicators(2026).indicators.find((i) => i.code === 'trainings_held')?.name.ar,
    );
    // Once the table is shown, its caption carries the same marks.
    await showTable(el, 'bars');
    expect($(el, 'figure[data-chart="bars"] caption').textContent).to.contain('ⵜⴰⴼⵔⴰⵏⵜ ⵏ ⵜⵎⵓⵏⴰ');
    const chart = await fixture<NassijIndicators>(html`<nassij-indicators
      lang="zgh" chart="associations_supported_share" .data=${demoIndicators(2026)}
    ></nassij-indicators>`);
    await chart.whenMessagesReady();
    const caption = $(chart, 'figure[data-chart="bars"] figcaption');
    expect(caption.querySelector('[lang="ar"]')?.textContent).to.match(/[\u0600-\u06FF]/);
    expect(
      caption.textContent?.replace(caption.querySelector('[lang="ar"]')?.textContent ?? '', ''),
    ).to.not.match(/[\u0600-\u06FF]/);
  });

  for (const lang of ['fr', 'ar', 'zgh', 'en']) {
    it(`reflows at 320 px in ${lang}: filters, key figures, charts and tables never scroll the page sideways`, async () => {
      await setViewport({ width: 320, height: 640 });
      try {
        const el = await dataMode(lang);
        const check = (what: string) => {
          const page = document.documentElement;
          expect(page.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
          expect(el.scrollWidth, `${what}: the element is wider than its box`).to.be.at.most(el.clientWidth);
          const filters = $(el, '.filters');
          expect(filters.getBoundingClientRect().width, `${what}: the filters`).to.be.at.most(320);
        };
        check('charts');
        await showTable(el, 'bars');
        await showTable(el, 'trend');
        check('tables');
        // A table wider than the screen scrolls in its own box, which the keyboard can reach and names.
        for (const wrap of $$(el, '.table-wrap')) {
          expect(wrap.getAttribute('tabindex')).to.equal('0');
          expect(wrap.getAttribute('aria-labelledby')).to.equal(wrap.querySelector('caption')?.id);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  describe('against the reference server', () => {
    // The file's own server: the figures are compared with answers read before the element's, and the
    // shared server's counts move while other files register associations and award calls.
    let base = '';
    let client: BaseClient;
    before(async () => {
      base = await ownServer();
      client = clientFor(base);
    });

    it('shows the figures GET /v1/indicators returns for a year and a region', async () => {
      const expected = await client.request(getIndicatorsRef, { query: { year: 2025, region: 'MA-06' } });
      const el = await fixture<NassijIndicators>(
        html`<nassij-indicators lang="fr" api-base=${base} year="2025" region="MA-06"></nassij-indicators>`,
      );
      await el.whenMessagesReady();
      await until(el, () => $$(el, 'li.figure').length > 0, 'the figures');
      const fmt = formatters('fr');
      expect($$(el, 'li.figure').map((li) => li.dataset.code)).to.deep.equal(
        expected.indicators.map((i) => i.code),
      );
      for (const indicator of expected.indicators) {
        const card = $(el, `li[data-code="${indicator.code}"]`);
        expect(Number(card.querySelector('.value')?.getAttribute('data-value'))).to.equal(indicator.value);
        const shown =
          indicator.unit === 'percent' ? fmt.percent(indicator.value / 100, 2) : fmt.number(indicator.value);
        expect(card.querySelector('.value')?.textContent).to.equal(shown);
        expect(card.querySelector('.period')?.textContent).to.include('2025');
      }
      // The regional charts show the whole country's breakdown of the same year.
      const national = await client.request(getIndicatorsRef, { query: { year: 2025 } });
      const share = national.indicators.find((i) => i.code === 'associations_supported_share');
      const byRegion = new Map(
        share?.breakdown?.filter((r) => r.dimension === 'region').map((r) => [r.key, r.value]),
      );
      expect(chartData(el, 'bars')).to.deep.equal(REGIONS.map((r) => [r.code, byRegion.get(r.code) ?? 0]));
      // The trend has one column per year with data, for the region.
      expect(chartData(el, 'trend').map(([year]) => Number(year))).to.deep.equal([...expected.years].sort());
      const earlier = await client.request(getIndicatorsRef, {
        query: { year: expected.years[0] ?? 2024, region: 'MA-06' },
      });
      expect(chartData(el, 'trend')[0]?.[1]).to.equal(
        earlier.indicators.find((i) => i.code === 'associations_supported_share')?.value,
      );
    });

    it('reloads when the reader picks another year and region', async () => {
      const el = await fixture<NassijIndicators>(
        html`<nassij-indicators lang="ar" api-base=${base}></nassij-indicators>`,
      );
      await until(el, () => $$(el, 'li.figure').length > 0, 'the figures');
      const changes: unknown[] = [];
      el.addEventListener('nassij-indicators-change', (e) => changes.push((e as CustomEvent).detail));
      const year = $<HTMLSelectElement>(el, 'select[name="year"]');
      year.value = '2024';
      year.dispatchEvent(new Event('change'));
      const region = $<HTMLSelectElement>(el, 'select[name="region"]');
      region.value = 'MA-09';
      region.dispatchEvent(new Event('change'));
      await until(el, () => el.data?.year === 2024 && el.data?.region === 'MA-09', 'the new set');
      const expected = await client.request(getIndicatorsRef, { query: { year: 2024, region: 'MA-09' } });
      const value = (code: string) => expected.indicators.find((i) => i.code === code)?.value;
      expect(Number($(el, 'li[data-code="associations_supported_share"] .value').dataset.value)).to.equal(
        value('associations_supported_share'),
      );
      expect(changes).to.deep.equal([
        { year: 2024, region: undefined },
        { year: 2024, region: 'MA-09' },
      ]);
      expect($(el, 'figure[data-chart="bars"] g.selected rect').getAttribute('data-key')).to.equal('MA-09');
    });

    it('narrows to the codes asked for', async () => {
      const el = await fixture<NassijIndicators>(
        html`<nassij-indicators lang="en" api-base=${base} codes="trainings_held calls_published_q1"></nassij-indicators>`,
      );
      await until(el, () => $$(el, 'li.figure').length > 0, 'the figures');
      expect($$(el, 'li.figure').map((li) => li.dataset.code)).to.deep.equal([
        'calls_published_q1',
        'trainings_held',
      ]);
      expect(chartData(el, 'bars')).to.have.length(12);
    });
  });
});
