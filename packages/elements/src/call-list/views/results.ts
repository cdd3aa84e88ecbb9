import type { CallSummary } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderError, text } from '../../base/states.js';
import type { CallPage, NassijCallList } from '../nassij-call-list.js';
import { award, deadline, regions } from './call-facts.js';

/**
 * The result cards (only a window of them beyond a few hundred, see `VirtualWindow`), the "load more"
 * button, or the state of the search: a skeleton only while a search is in flight, the error, the empty
 * message. Offline, the results stay under the offline notice; without any, the error block says so,
 * without a retry that cannot work.
 */
export function renderResults(host: NassijCallList): unknown {
  const page = host.page.value;
  if (host.errorCode === 'offline') {
    // Offline above results already says so (the notice in `render`); without results, say it here.
    if (!page) return renderError(host, { code: 'offline' });
    if (page.items.length && !host.loading) return renderCards(host, page);
  }
  return host.page.render({
    lines: 4,
    isEmpty: (page) => page.items.length === 0,
    emptyMessage: host.t('callList.none'),
    ready: (page) => renderCards(host, page),
  });
}

function renderCards(host: NassijCallList, page: CallPage): TemplateResult {
  const results = page.items;
  const count = results.length;
  const { start, end } = host.virtual.range(count);
  // The height goes through the CSSOM (the `style` property, not the attribute), which a Content Security
  // Policy without 'unsafe-inline' styles allows, as `styleMap` did, without its code.
  const spacer = (cards: number) =>
    host.virtual.active
      ? html`<div aria-hidden="true" .style=${`block-size:${cards * host.virtual.rowHeight}px`}></div>`
      : nothing;
  return html`<div class="cards-window">
      ${spacer(start)}
      <ul class="cards" aria-label=${host.t('callList.count', { count: page.total })}>
        ${repeat(
          results.slice(start, end),
          (call) => call.id,
          (call, i) => renderCard(host, call, start + i, count),
        )}
      </ul>
      ${spacer(count - end)}
    </div>
    ${
      page.cursor && !host.calls
        ? html`<div class="more">
          <p class="muted">${host.t('pagination.showing', { shown: count, total: page.total })}</p>
          <button type="button" class="nassij-button" part="button" ?disabled=${host.loading}
            @click=${() => host.loadMore()}>${host.t('pagination.loadMore')}</button>
        </div>`
        : nothing
    }`;
}

function renderCard(host: NassijCallList, call: CallSummary, index: number, count: number): TemplateResult {
  const onKey = (event: KeyboardEvent) => {
    // Tab leaves a virtualised list at its rendered end; arrows walk every card, following reading order.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= count) return;
    event.preventDefault();
    host.focusCard(next);
  };
  return html`<li aria-setsize=${count} aria-posinset=${index + 1}>
    <article class="card" part="card" aria-labelledby="title-${call.id}">
      <div class="card-head">
        <h3 id="title-${call.id}">
          <button type="button" class="open-call" data-call-id=${call.id} @click=${() => host.openCall(call.id)}
            @keydown=${onKey} @focus=${() => host.virtual.ensureRendered(index)}
          >${text(host, call.title)}</button>
        </h3>
        <span class="badge status status-${call.status}">${host.t(`status.${call.status}`)}</span>
      </div>
      <dl>
        <dt>${host.t('callList.funder')}</dt>
        <dd>${text(host, call.funder.name)}</dd>
        <dt>${host.t('callList.award')}</dt>
        <dd>${award(host, call)}</dd>
        <dt>${host.t('callList.regions')}</dt>
        <dd>${regions(host, call)}</dd>
        <dt>${host.t('callList.deadline')}</dt>
        <dd class="deadline">${deadline(host, call)}</dd>
      </dl>
    </article>
  </li>`;
}
