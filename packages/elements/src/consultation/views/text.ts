import type { Article, ArticleDiff, Consultation, DocumentVersion } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { text } from '../../base/states.js';
import { versionName } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';

// The text of the consultation: the version picker, the table of contents, the articles with what changed
// since the previous version, and the articles the version removed.

/** What changed per article in the version shown (a diff of another version is ignored). */
export function diffMap(host: NassijConsultation): Map<string, ArticleDiff> {
  const diff = host.diff && host.diff.toVersionId === host.versionId ? host.diff : undefined;
  return new Map((diff?.articles ?? []).map((a) => [a.articleId, a]));
}

/** The text view. */
export function renderText(host: NassijConsultation, data: Consultation): TemplateResult {
  const version = host.versionText;
  const diff = diffMap(host);
  const info = data.versions.find((v) => v.id === host.versionId);
  const open = data.phase === 'contributions_open';
  return html`<section class="text" aria-labelledby="text-h">
    <h3 id="text-h">${host.t('cons.text.title')}</h3>
    ${data.versions.length > 1 ? renderVersions(host, data) : nothing} ${host.versionError}
    ${info?.changeSummary ? html`<p class="change-summary">${text(host, info.changeSummary)}</p>` : nothing}
    ${version ? renderBody(host, version, diff) : nothing} ${renderRemoved(host, diff)}
    <p class="whole">
      <button class="nassij-button" data-variant="secondary" part="button" type="button" data-open="-" @click=${() => host.openArticle(null)}>
        ${open ? host.t('cons.whole.contribute') : host.t('cons.whole.read')}
      </button>
    </p>
  </section>`;
}

/**
 * The version picker: names in the reader's language (see `versionName`), the one in force marked, and the
 * shown version's date below it by the element's formatter. The date is not in the options: a select is as
 * narrow as its room and clips its text, and at 320 px "Version 2 — 25 novembre 2026 (en vigueur)" lost
 * its end.
 */
function renderVersions(host: NassijConsultation, data: Consultation): TemplateResult {
  const shown = data.versions.find((v) => v.id === host.versionId);
  return html`<p class="version">
    <label for="version">${host.t('cons.version.label')}</label>
    <select id="version" class="nassij-input" aria-describedby=${shown ? 'version-date' : nothing} @change=${(e: Event) => host.selectVersion((e.target as HTMLSelectElement).value)}>
      ${data.versions.map(
        (v, index) => html`<option value=${v.id} ?selected=${v.id === host.versionId}>
          ${versionName(host, v, index)}${v.id === data.currentVersionId ? ` (${host.t('cons.version.current')})` : ''}
        </option>`,
      )}
    </select>
    ${shown ? html`<span class="version-date" id="version-date">${host.t('cons.version.published', { date: host.fmt.date(shown.publishedAt) })}</span>` : nothing}
  </p>`;
}

function renderBody(host: NassijConsultation, version: DocumentVersion, diff: Map<string, ArticleDiff>) {
  return html`<nav aria-labelledby="toc-h" class="toc">
      <h4 id="toc-h">${host.t('cons.toc')}</h4>
      <ol>
        ${version.sections.map(
          (s) => html`<li>
            ${text(host, s.heading)}
            <ol>
              ${s.articles.map(
                (a) => html`<li>
                  <a href=${`#article-${a.id}`} @click=${(e: Event) => jump(host, e, a.id)}>${host.t('cons.article', { number: a.number })}</a>
                </li>`,
              )}
            </ol>
          </li>`,
        )}
      </ol>
    </nav>
    ${version.sections.map(
      (s) => html`<section class="doc-section" aria-labelledby=${`s-${s.id}`}>
        <h4 id=${`s-${s.id}`}>${text(host, s.heading)}</h4>
        ${s.articles.map((a) => renderArticle(host, a, changeOf(a, diff)))}
      </section>`,
    )}`;
}

function renderRemoved(host: NassijConsultation, diff: Map<string, ArticleDiff>) {
  const removed = [...diff.values()].filter((d) => d.change === 'removed');
  if (!removed.length) return nothing;
  return html`<section class="removed" aria-labelledby="removed-h">
    <h4 id="removed-h">${host.t('cons.change.removedTitle')}</h4>
    <ul>
      ${removed.map(
        (d) => html`<li data-change="removed">
          <span class="mark" data-change="removed"><span aria-hidden="true">− </span>${host.t('cons.change.removed')}</span>
          ${d.number ? host.t('cons.article', { number: d.number }) : nothing}
          <del>${text(host, d.before)}</del>
          <button class="nassij-button" data-variant="secondary" part="button" type="button" data-open=${d.articleId}
            aria-label=${`${host.t('cons.removed.open')} — ${host.t('cons.article', { number: d.number ?? d.articleId })}`}
            @click=${() => host.openArticle(d.articleId)}>${host.t('cons.removed.open')}</button>
        </li>`,
      )}
    </ul>
  </section>`;
}

function changeOf(article: Article, diff: Map<string, ArticleDiff>): string | undefined {
  const change = diff.get(article.id)?.change ?? article.changed;
  return change === 'added' || change === 'modified' ? change : undefined;
}

/** Fragment links do not reach into a shadow root: scroll to the article and focus its heading ourselves. */
function jump(host: NassijConsultation, event: Event, id: string): void {
  event.preventDefault();
  const target = host.renderRoot.querySelector<HTMLElement>(`#article-${CSS.escape(id)} h5`);
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}

function renderArticle(host: NassijConsultation, a: Article, change: string | undefined): TemplateResult {
  const count = a.contributionCount ?? 0;
  const name = host.t('cons.article', { number: a.number });
  return html`<article part="article" class="article" id=${`article-${a.id}`} data-article=${a.id} data-change=${change ?? nothing}>
    <h5 tabindex="-1">
      ${name}${a.heading ? html` — ${text(host, a.heading)}` : nothing}
      ${change ? html`<span class="mark" data-change=${change}><span aria-hidden="true">${change === 'added' ? '+ ' : '± '}</span>${host.t(`cons.change.${change}`)}</span>` : nothing}
    </h5>
    <p class="body">${text(host, a.body)}</p>
    <p class="article-actions">
      <span class="count">${host.t('count.contributions', { count })}</span>
      <button class="nassij-button" data-variant="secondary" part="button" type="button" data-open=${a.id}
        aria-label=${`${host.t('cons.article.open')} — ${name}`}
        @click=${() => host.openArticle(a.id)}>${host.t('cons.article.open')}</button>
    </p>
  </article>`;
}
