import type { ArticleDiff, Consultation } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { text } from '../../base/states.js';
import { articlesOf, type Kind, type Sort } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';
import { renderContribution } from './contribution.js';
import { renderForm } from './contribution-form.js';
import { diffMap } from './text.js';

// One article (or the whole text) with its contributions: what changed, the buttons to contribute, the
// contribution form, and the contributions in the chosen order.

/** The detail view of the open article. */
export function renderDetail(host: NassijConsultation, data: Consultation): TemplateResult {
  const articleId = host.articleId ?? null;
  const article = articlesOf(host.versionText).find((a) => a.id === articleId);
  const diff = articleId ? diffMap(host).get(articleId) : undefined;
  // An article a later version removed: its contributions stay readable, and nothing more can be added.
  const gone = articleId && !article ? removedArticle(host, articleId) : undefined;
  const open = data.phase === 'contributions_open' && !gone;
  const kinds: Kind[] = ['comment', 'recommendation', ...(article ? ['amendment' as const] : [])];
  return html`<section class="detail" aria-labelledby="detail-heading">
    <button class="nassij-button back" data-variant="secondary" part="button" type="button" @click=${() => host.closeArticle()}>
      <span class="dir-icon" aria-hidden="true">←</span> ${host.t('cons.back')}
    </button>
    <h3 id="detail-heading" tabindex="-1">
      ${
        article
          ? html`${host.t('cons.article', { number: article.number })}${article.heading ? html` — ${text(host, article.heading)}` : nothing}`
          : gone
            ? html`${host.t('cons.article', { number: gone.number ?? gone.articleId })}
              <span class="mark" data-change="removed"><span aria-hidden="true">− </span>${host.t('cons.change.removed')}</span>`
            : host.t('cons.whole.title')
      }
    </h3>
    ${gone?.before ? html`<del class="body">${text(host, gone.before)}</del>` : nothing}
    ${article ? html`<p class="body">${text(host, article.body)}</p>` : nothing}
    ${
      diff?.change === 'modified'
        ? html`<div class="compare">
            <div><p class="label">${host.t('cons.change.before')}</p><del>${text(host, diff.before)}</del></div>
            <div><p class="label">${host.t('cons.change.after')}</p><ins>${text(host, diff.after)}</ins></div>
          </div>`
        : nothing
    }
    ${
      open
        ? html`<p class="contribute-actions">
            ${kinds.map(
              (kind) => html`<button class="nassij-button" part="button" type="button" data-kind=${kind}
                @click=${() => host.openForm(articleId, kind)}>${host.t(`cons.action.${kind}`)}</button>`,
            )}
          </p>`
        : nothing
    }
    ${host.form ? renderForm(host, data, host.form, article) : nothing} ${renderList(host, articleId, open)}
  </section>`;
}

/** What a comparison the element holds says of an article the shown version lacks, if it was removed. */
function removedArticle(host: NassijConsultation, articleId: string): ArticleDiff | undefined {
  const diffs = [host.diff, ...host.since.values()];
  for (const diff of diffs) {
    const found = diff?.articles.find((a) => a.articleId === articleId && a.change === 'removed');
    if (found) return found;
  }
  return undefined;
}

function renderList(host: NassijConsultation, articleId: string | null, open: boolean) {
  const none = () => html`<p class="empty">${host.t('cons.contributions.none')}</p>`;
  return html`<h4 id="contribs-h">${host.t('cons.contributions.title')}</h4>
    <p>
      <label for="sort">${host.t('cons.sort.label')}</label>
      <select id="sort" class="nassij-input" @change=${(e: Event) => host.setSort((e.target as HTMLSelectElement).value as Sort)}>
        ${(['most_supported', 'newest'] as const).map(
          (sort) =>
            html`<option value=${sort} ?selected=${host.sort === sort}>${host.t(`cons.sort.${sort}`)}</option>`,
        )}
      </select>
    </p>
    ${host.renderContributions((all) => {
      const items = all.filter((c) => c.articleId === articleId);
      // The platform sorts; a page's own list (data mode) is sorted here. Never re-sorted on a support:
      // the supported item would move away from the reader's focus.
      if (!host.resolvedClient)
        items.sort((a, b) =>
          host.sort === 'newest' ? b.createdAt.localeCompare(a.createdAt) : b.supports - a.supports,
        );
      return items.length
        ? html`<ul class="contributions" aria-labelledby="contribs-h">${items.map((c) => renderContribution(host, c, open))}</ul>`
        : none();
    }, none)}`;
}
