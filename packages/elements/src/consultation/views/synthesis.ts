import type { Consultation, Synthesis } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { safeHref, text } from '../../base/states.js';
import { articlesOf, OUTCOME_ICON } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';

// The published synthesis: the summary, per article, what became of every recommendation, open data.

/** The synthesis block. */
export function renderSynthesis(
  host: NassijConsultation,
  data: Consultation,
  synthesis: Synthesis,
): TemplateResult {
  const article = (id: string | undefined) => {
    const number = articlesOf(host.versionText ?? data.text).find((a) => a.id === id)?.number;
    return host.t('cons.article', { number: number ?? id ?? '' });
  };
  const report = safeHref(synthesis.reportUrl);
  return html`<section class="synthesis" aria-labelledby="synthesis-h">
    <h3 id="synthesis-h">${host.t('cons.synthesis.title')}</h3>
    <p class="muted">${host.t('cons.synthesis.published', { date: host.fmt.date(synthesis.publishedAt) })}</p>
    <p>${text(host, synthesis.summary)}</p>
    ${report ? html`<p><a href=${report} rel="noopener">${host.t('cons.synthesis.report')}</a></p>` : nothing}
    ${
      synthesis.articles.length
        ? html`<h4>${host.t('cons.synthesis.byArticle')}</h4>
            <ul class="by-article">
              ${synthesis.articles.map((a) => html`<li><strong>${article(a.articleId)}</strong>: ${text(host, a.summary)}</li>`)}
            </ul>`
        : nothing
    }
    <h4 id="recs-h">${host.t('cons.synthesis.recommendations')}</h4>
    <ul class="recommendations" aria-labelledby="recs-h">
      ${synthesis.recommendations.map(
        (r) => html`<li class="recommendation" data-outcome=${r.outcome}>
          <p class="outcome"><span aria-hidden="true">${OUTCOME_ICON[r.outcome]} </span>${host.t(`cons.outcome.${r.outcome}`)}
            ${r.articleId ? html` · ${article(r.articleId)}` : nothing}</p>
          <blockquote class="user-text" dir="auto">${r.excerpt}</blockquote>
          <p><span class="label">${host.t('cons.synthesis.reason')}</span> ${text(host, r.reason)}</p>
        </li>`,
      )}
    </ul>
    ${renderDownloads(host, data)}
  </section>`;
}

/** The contributions as open data (CSV, JSON), when the platform is known. */
function renderDownloads(host: NassijConsultation, data: Consultation) {
  const base = host.resolvedClient?.transport.config.baseUrl;
  if (!base) return nothing;
  const href = (format: 'csv' | 'json') =>
    safeHref(
      `${base.replace(/\/+$/, '')}/v1/open-data/contributions?format=${format}&consultationId=${encodeURIComponent(data.id)}`,
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
