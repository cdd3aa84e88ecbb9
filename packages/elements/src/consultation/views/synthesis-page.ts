import type { Article, Synthesis } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijElement } from '../../base/nassij-element.js';
import { safeHref, text } from '../../base/states.js';
import { OUTCOME_ICON } from '../model.js';

// The "you said, we did" page: the summary, the figures frozen when participation closed, a summary per
// article, what became of every recommendation and amendment and why, and the contributions as open data.
// The public <nassij-consultation> shows it once published; <nassij-synthesis-editor> previews its draft with
// the same template (the words come from `synthesis.messages.ts`, which both components' catalogs spread).

/** A synthesis as the page shows it: a draft being previewed has no publication date yet. */
export type SynthesisPageData = Omit<Synthesis, 'publishedAt'> & { publishedAt?: string | undefined };

/** What the page needs besides the synthesis. */
export interface SynthesisPageOptions {
  /** The articles of the consulted text (any version holding them), for the numbers readers see. */
  articles: readonly Article[];
  /** The platform's base URL and the consultation's id, for the open-data links; none in a preview. */
  openData?: { base: string; consultationId: string } | undefined;
  /** Prefix of the page's ids, so that a preview beside other content keeps them unique. */
  idPrefix?: string;
}

/**
 * The synthesis page. Figures are formatted by the element's `Intl.NumberFormat` (Latin digits);
 * contributors' words are shown as text in their own direction (`dir="auto"`).
 *
 * @example
 * ```ts
 * html`${renderSynthesisPage(this, consultation.synthesis, { articles: articlesOf(consultation.text) })}`;
 * ```
 */
export function renderSynthesisPage(
  host: NassijElement,
  synthesis: SynthesisPageData,
  options: SynthesisPageOptions,
): TemplateResult {
  const id = (name: string) => `${options.idPrefix ?? ''}${name}`;
  const article = (articleId: string | undefined) => {
    if (!articleId) return host.t('cons.synthesis.whole');
    const number = options.articles.find((a) => a.id === articleId)?.number;
    return host.t('cons.synthesis.article', { number: number ?? articleId });
  };
  const report = safeHref(synthesis.reportUrl);
  return html`<section class="synthesis" aria-labelledby=${id('synthesis-h')}>
    <h3 id=${id('synthesis-h')}>${host.t('cons.synthesis.title')}</h3>
    ${synthesis.publishedAt ? html`<p class="muted">${host.t('cons.synthesis.published', { date: host.fmt.date(synthesis.publishedAt) })}</p>` : nothing}
    <p class="user-text">${text(host, synthesis.summary)}</p>
    ${renderFrozen(host, synthesis, id('frozen-h'))}
    ${report ? html`<p><a href=${report} rel="noopener">${host.t('cons.synthesis.report')}</a></p>` : nothing}
    ${
      synthesis.articles.length
        ? html`<h4>${host.t('cons.synthesis.byArticle')}</h4>
            <ul class="by-article">
              ${synthesis.articles.map((a) => html`<li><strong>${article(a.articleId)}</strong>: ${text(host, a.summary)}</li>`)}
            </ul>`
        : nothing
    }
    <h4 id=${id('recs-h')}>${host.t('cons.synthesis.recommendations')}</h4>
    <ul class="recommendations" aria-labelledby=${id('recs-h')}>
      ${synthesis.recommendations.map(
        (
          r,
        ) => html`<li class="recommendation" data-outcome=${r.outcome} data-contribution=${r.contributionId}>
          <p class="outcome"><span aria-hidden="true">${OUTCOME_ICON[r.outcome]} </span>${host.t(`cons.outcome.${r.outcome}`)}
            · ${article(r.articleId)}</p>
          <blockquote class="user-text" dir="auto">${r.excerpt}</blockquote>
          <p><span class="label">${host.t('cons.synthesis.reason')}</span> ${text(host, r.reason)}</p>
        </li>`,
      )}
    </ul>
    ${options.openData ? renderDownloads(host, options.openData) : nothing}
  </section>`;
}

/** The participation figures frozen when contributions closed (absent from syntheses published before). */
function renderFrozen(host: NassijElement, synthesis: SynthesisPageData, headingId: string) {
  const frozen = synthesis.frozen;
  if (!frozen) return nothing;
  const title = host.t('cons.synthesis.frozen', { date: host.fmt.date(frozen.closedAt) });
  const figure = (key: 'participants' | 'contributions' | 'supports') =>
    html`<div data-figure=${key}><dt>${host.t(`cons.synthesis.${key}`)}</dt><dd>${host.fmt.number(frozen[key])}</dd></div>`;
  return html`<section class="frozen" aria-labelledby=${headingId}>
    <h4 id=${headingId}>${title}</h4>
    <dl class="figures">${figure('participants')}${figure('contributions')}${figure('supports')}</dl>
  </section>`;
}

/** The contributions as open data (CSV, JSON). */
function renderDownloads(
  host: NassijElement,
  { base, consultationId }: { base: string; consultationId: string },
) {
  const href = (format: 'csv' | 'json') =>
    safeHref(
      `${base.replace(/\/+$/, '')}/v1/open-data/contributions?format=${format}&consultationId=${encodeURIComponent(consultationId)}`,
      document.baseURI,
    );
  const csv = href('csv');
  if (!csv) return nothing;
  return html`<p class="downloads">
      <a href=${csv} download data-format="csv">${host.t('cons.synthesis.csv')}</a>
      <a href=${href('json') ?? ''} download data-format="json">${host.t('cons.synthesis.json')}</a>
    </p>
    <p class="hint">${host.t('cons.synthesis.openData')}</p>`;
}
