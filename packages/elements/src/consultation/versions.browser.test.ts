import { listContributionsRef, wordDiff } from '@nassij/contract';
import { type BaseClient, createBaseClient } from '@nassij/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { API_BASE } from '/__nassij__/env.js';
import { demoConsultation, demoDiff } from '../test-support/demo/consultations.js';
import { demoContributionsOnVersionOne, demoSynthesisWithFigures } from '../test-support/demo/versions.js';
import { FIXTURES } from '../test-support/fixtures.js';
import { deepActive, expectNoSideScroll } from '../test-support/focus.js';
import './define.js';
import type { NassijConsultation } from './nassij-consultation.js';

// Contributions carried across versions (issue 17): "on version N" under a newer text, what changed in their
// article since, an amendment against the article it amends, a contribution on a removed article, and the
// synthesis's out-of-scope outcome and figures frozen at closing.

const AXE = { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
const T = { timeout: 10000 };
const DRAFT_LAW = FIXTURES.consultations.draftLaw;

const $ = <E extends Element = HTMLElement>(el: Element, s: string) =>
  el.shadowRoot?.querySelector<E>(s) ?? null;
const $$ = <E extends Element = HTMLElement>(el: Element, s: string) => [
  ...(el.shadowRoot?.querySelectorAll<E>(s) ?? []),
];

const newClient = (): BaseClient => createBaseClient({ baseUrl: API_BASE, retry: { limit: 0 } });

/** The draft law in client mode, its article 5 open with its contributions and their comparisons loaded. */
async function draftLawArticle(lang: string, articleId = 'art-5'): Promise<NassijConsultation> {
  const el = await fixture<NassijConsultation>(
    html`<nassij-consultation lang=${lang} consultation=${DRAFT_LAW} .client=${newClient()}></nassij-consultation>`,
  );
  await waitUntil(() => el.data && el.diff, 'the consultation did not load', T);
  await el.whenMessagesReady();
  await el.openArticle(articleId);
  await waitUntil(() => el.contributions !== undefined, 'contributions did not load', T);
  await waitUntil(() => el.since.size > 0, 'the comparison with the older version did not load', T);
  await el.updateComplete;
  return el;
}

/** The text of a word diff without its screen-reader labels: what a sighted reader sees in each mark. */
const marked = (root: ParentNode, tag: 'ins' | 'del') =>
  [...root.querySelectorAll(`.word-diff ${tag}`)].map((mark) =>
    [...mark.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join(''),
  );

describe('<nassij-consultation> across versions', () => {
  it('the draft law: contributions written on version 1 carry it (the seed backfill)', async () => {
    const page = await newClient().request(listContributionsRef, {
      params: { consultationId: DRAFT_LAW },
      query: { articleId: 'art-5', sort: 'newest', limit: 50 },
    });
    // The seeded amendment on article 5 (30 days ago) predates version 2 (10 days ago).
    const amendment = page.items.find((c) => c.id === FIXTURES.contributions.answeredAmendment);
    expect(amendment?.versionId).to.equal('v1');
    expect(amendment?.kind).to.equal('amendment');
  });

  it('marks a contribution on version 1 and shows what changed in its article since, word by word', async () => {
    const el = await draftLawArticle('ar');
    const older = $$(el, 'article.contribution').filter((c) => c.querySelector('.version-mark'));
    expect(older.length, 'contributions marked with their version').to.be.greaterThan(0);
    expect(older[0]?.querySelector('.version-mark')?.textContent?.trim()).to.equal(
      el.t('cons.onVersion', { number: '1' }),
    );
    const since = older[0]?.querySelector<HTMLDetailsElement>('details.since');
    expect(since, 'the disclosure of the article since version 1').to.exist;
    expect(since?.open).to.equal(false);
    // Keyboard: the disclosure's summary opens it with Enter.
    since?.querySelector('summary')?.focus();
    await sendKeys({ press: 'Enter' });
    expect(since?.open).to.equal(true);
    // Article 5 went from thirty to forty-five days (ثلاثين → خمسة وأربعين).
    expect(marked(since as HTMLElement, 'del').join(' ')).to.contain('ثلاثين');
    expect(marked(since as HTMLElement, 'ins').join(' ')).to.contain('خمسة وأربعين');
    // Screen readers hear "added" and "removed": the marks are not told by colour or a line alone.
    expect(since?.querySelector('ins .visually-hidden')?.textContent).to.contain(el.t('cons.diff.added'));
    expect(since?.querySelector('del .visually-hidden')?.textContent).to.contain(el.t('cons.diff.removed'));
    const ins = since?.querySelector('.word-diff ins') as HTMLElement;
    expect(getComputedStyle(ins).textDecorationLine).to.equal('underline');
    expect(
      getComputedStyle(since?.querySelector('.word-diff del') as HTMLElement).textDecorationLine,
    ).to.equal('line-through');
    // The Arabic text runs right to left, whatever the page's language.
    expect(getComputedStyle(since?.querySelector('.word-diff') as HTMLElement).direction).to.equal('rtl');
    await expect(el).to.be.accessible(AXE);
  });

  it('shows an amendment against the article as it read when the amendment was written', async () => {
    const el = await draftLawArticle('fr');
    const amendment = $$(el, 'article.contribution').find((c) => c.querySelector('details.amendment-diff'));
    expect(amendment, 'an amendment with its comparison').to.exist;
    const diff = amendment?.querySelector<HTMLDetailsElement>('details.amendment-diff');
    diff?.querySelector('summary')?.click();
    await el.updateComplete;
    expect(diff?.open).to.equal(true);
    // The seeded amendment (Arabic) proposes sixty days where version 1 said thirty: compared in Arabic.
    const paragraph = diff?.querySelector('.word-diff') as HTMLElement;
    expect(paragraph.getAttribute('lang')).to.equal('ar');
    expect(marked(diff as HTMLElement, 'del').join(' ')).to.contain('ثلاثين');
    expect(marked(diff as HTMLElement, 'ins').join(' ')).to.contain('ستين');
    // The labels are in the reader's language (French), the text in its own.
    expect(diff?.querySelector('ins .visually-hidden')?.getAttribute('lang')).to.equal('fr');
    expect(getComputedStyle(paragraph).direction).to.equal('rtl');
    // Words, not markup: the contributor's text is text content only.
    expect(diff?.querySelectorAll('.word-diff *:not(ins):not(del):not(span)').length).to.equal(0);
    await expect(el).to.be.accessible(AXE);
  });

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`has every version mark in ${lang}, accessible with the disclosures open`, async () => {
      const el = await draftLawArticle(lang);
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      const mark = $(el, '.version-mark')?.textContent?.trim() ?? '';
      expect(mark).to.equal(el.t('cons.onVersion', { number: '1' }));
      if (lang !== 'ar') expect(mark).not.to.match(/[\u0600-\u06FF]/);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('fits a 320 px wide screen with the comparisons open', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await draftLawArticle('ar');
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      await el.updateComplete;
      expectNoSideScroll(el, 'the article with its comparisons');
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});

async function dataMode(lang: string): Promise<NassijConsultation> {
  const el = await fixture<NassijConsultation>(
    html`<nassij-consultation lang=${lang} .data=${demoConsultation()} .diff=${demoDiff}
      .contributions=${demoContributionsOnVersionOne()}></nassij-consultation>`,
  );
  await el.whenMessagesReady();
  return el;
}

describe('<nassij-consultation> contributions on a removed article', () => {
  it('lists the removed article with a way to its contributions, marked as such', async () => {
    const el = await dataMode('fr');
    const open = $<HTMLButtonElement>(el, '.removed button[data-open="art-3"]');
    expect(open, 'the removed article offers its contributions').to.exist;
    open?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive()?.id === 'detail-heading', 'focus on the removed article', T);
    await el.updateComplete;
    expect($(el, '#detail-heading [data-change="removed"]')?.textContent).to.contain(
      el.t('cons.change.removed'),
    );
    // Nothing can be added to an article that no longer exists.
    expect($(el, 'button[data-kind]')).to.equal(null);
    const contribution = $(el, 'article.contribution[data-id="ctb_r1"]') as HTMLElement;
    expect(contribution.querySelector('[data-removed]')?.textContent).to.contain(el.t('cons.since.removed'));
    expect(contribution.querySelector('.version-mark')?.textContent?.trim()).to.equal(
      el.t('cons.onVersion', { number: '1' }),
    );
    await expect(el).to.be.accessible(AXE);
  });

  it('diffs a French amendment against the French text of its version (the page’s diff in data mode)', async () => {
    const el = await dataMode('en');
    await el.openArticle('art-2');
    await el.updateComplete;
    const amendment = $(el, 'article.contribution[data-id="ctb_r2"]') as HTMLElement;
    const parts = wordDiff(
      'La consultation dure au moins trente jours.',
      'La consultation dure au moins soixante jours.',
    );
    const compared = amendment.querySelector('.amendment-diff') as HTMLElement;
    expect(marked(compared, 'del')).to.deep.equal(parts.filter((p) => p.op === 'delete').map((p) => p.text));
    expect(marked(compared, 'ins')).to.deep.equal(parts.filter((p) => p.op === 'insert').map((p) => p.text));
    expect(amendment.querySelector('.amendment-diff .word-diff')?.getAttribute('lang')).to.equal('fr');
    // Its article changed since version 1: compared in the first language both texts have (Arabic, the
    // platform's fallback before French), not in two different ones.
    const since = amendment.querySelector('details.since') as HTMLDetailsElement;
    expect(since.querySelector('.word-diff')?.getAttribute('lang')).to.equal('ar');
    expect(marked(since, 'del').join(' ')).to.contain('ثلاثين');
    expect(marked(since, 'ins').join(' ')).to.contain('خمسة وأربعين');
  });
});

describe('<nassij-consultation> word diffs are text', () => {
  it('shows markup in a proposed wording as text, never as elements', async () => {
    const payload = '<img src=x onerror="window.__xss=1"> soixante <b>jours</b>';
    const contributions = demoContributionsOnVersionOne().map((c) =>
      c.id === 'ctb_r2' ? { ...c, proposedText: payload } : c,
    );
    const el = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="fr" .data=${demoConsultation()} .diff=${demoDiff}
        .contributions=${contributions}></nassij-consultation>`,
    );
    await el.openArticle('art-2');
    await el.updateComplete;
    const diff = $(el, 'article.contribution[data-id="ctb_r2"] .amendment-diff') as HTMLElement;
    expect(diff.querySelectorAll('img, b, script').length).to.equal(0);
    expect(marked(diff, 'ins').join('')).to.contain('<img src=x');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });
});

describe('<nassij-consultation> synthesis', () => {
  const synthesis = demoSynthesisWithFigures;

  for (const lang of ['ar', 'fr', 'zgh', 'en']) {
    it(`shows the out-of-scope outcome and the figures frozen at closing in ${lang}`, async () => {
      const el = await fixture<NassijConsultation>(
        html`<nassij-consultation lang=${lang} .data=${{ ...demoConsultation('synthesis_published'), synthesis }}></nassij-consultation>`,
      );
      await el.whenMessagesReady();
      await waitUntil(() => $(el, '.recommendation[data-outcome="out_of_scope"]'), 'no synthesis', T);
      const out = $(el, '.recommendation[data-outcome="out_of_scope"] .outcome') as HTMLElement;
      expect(out.textContent).to.contain(el.t('cons.outcome.out_of_scope'));
      // A symbol besides the word: never colour alone.
      expect(out.querySelector('[aria-hidden="true"]')?.textContent?.trim()).to.equal('⊘');
      const figure = (key: string) => $(el, `.frozen [data-figure="${key}"] dd`)?.textContent;
      const format = new Intl.NumberFormat(lang === 'zgh' ? 'fr-MA-u-nu-latn' : `${lang}-MA-u-nu-latn`);
      expect(figure('participants')).to.equal(format.format(1234));
      expect(figure('contributions')).to.equal(format.format(5678));
      expect(figure('supports')).to.equal(format.format(91011));
      expect(figure('supports')).to.match(/^[\d\s\u00a0\u202f.,]+$/);
      expect($(el, '.frozen h4')?.textContent).to.contain(el.fmt.date('2026-04-15T22:59:00Z'));
      await expect(el).to.be.accessible(AXE);
    });
  }
});

describe('<nassij-consultation> closed early', () => {
  const closure = {
    at: '2026-03-20T10:00:00Z',
    reason: { ar: 'سُحب مشروع النص', fr: 'Le projet de texte est retiré' },
  };

  for (const lang of ['ar', 'fr']) {
    it(`says when and why contributions closed early, in ${lang}`, async () => {
      const el = await fixture<NassijConsultation>(
        html`<nassij-consultation lang=${lang} .data=${{ ...demoConsultation('closed'), closure }}></nassij-consultation>`,
      );
      await el.whenMessagesReady();
      await waitUntil(() => $(el, '.closure'), 'no closure notice', T);
      const notice = $(el, '.closure') as HTMLElement;
      expect(notice.textContent).to.contain(el.fmt.dateTime(closure.at));
      expect(notice.textContent).to.contain(closure.reason[lang as 'ar' | 'fr']);
      await expect(el).to.be.accessible(AXE);
    });
  }

  it('shows no notice for a consultation that closed on its date', async () => {
    const el = await fixture<NassijConsultation>(
      html`<nassij-consultation lang="fr" .data=${demoConsultation('closed')}></nassij-consultation>`,
    );
    await el.whenMessagesReady();
    await waitUntil(() => $(el, '.timeline'), 'no timeline', T);
    expect($(el, '.closure') === null).to.equal(true);
  });
});
