import { DOMAINS, regionName } from '@nassij/contract';
import { css, html, nothing, type TemplateResult } from 'lit';
import { plain, text } from '../../base/states.js';
import { styleAdopter } from '../../base/style-adopter.js';
import type { DirectoryPage, NassijAssociationDirectory } from '../nassij-association-directory.js';

const adopt = styleAdopter(css`
  .results {
    list-style: none;
    margin: 0 0 var(--_n-space-3);
    padding: 0;
    display: grid;
    gap: var(--_n-space-2);
  }
  .result {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_n-space-1);
    inline-size: 100%;
    text-align: start;
    font: inherit;
    color: inherit;
    background: var(--_n-surface);
    border: 1px solid var(--_n-border);
    border-radius: var(--_n-radius);
    padding: var(--_n-space-3);
    cursor: pointer;
  }
  .result[aria-expanded='true'] {
    border-inline-start: 4px solid var(--_n-primary);
  }
  .result:focus-visible {
    outline: 3px solid var(--_n-focus);
    outline-offset: 2px;
  }
  .name {
    font-weight: 700;
  }
  .meta {
    color: var(--_n-muted);
    font-size: var(--_n-font-size-s);
  }
  .badge {
    border: 1px solid currentColor;
    border-radius: var(--_n-radius);
    padding-inline: var(--_n-space-2);
    font-size: var(--_n-font-size-s);
  }
`);

/** Fields of action by name, joined as the reader's language joins a list (the results and the profile). */
export function domainNames(host: NassijAssociationDirectory, codes: readonly string[]): string {
  return host.fmt.list(
    codes.map((code) => {
      const domain = DOMAINS.find((d) => d.code === code);
      return domain ? plain(host.locale, domain.name) : code;
    }),
  );
}

/**
 * The results: their count, one button per association (opening its profile) and "more" while there is a
 * next page. Loaded with the first search (or when the host gives `associations`), alongside it.
 */
export function renderResults(host: NassijAssociationDirectory, page: DirectoryPage): TemplateResult {
  adopt(host);
  const { items, cursor } = page;
  return html`<h3 class="count">${host.countText(page)}</h3>
    ${
      items.length === 0
        ? html`<p class="nassij-state" data-state="empty">${host.t('dir.none')}</p>`
        : html`<ul class="results" aria-label=${host.t('dir.results')}>
            ${items.map(
              (a) => html`<li>
                <button type="button" class="result" part="result" data-id=${a.id} aria-expanded=${host.profile?.id === a.id ? 'true' : 'false'}
                  @click=${() => void host.open(a.id)}>
                  <span class="name">${text(host, a.name)}${a.acronym ? html` <bdi class="acronym">(${a.acronym})</bdi>` : nothing}</span>
                  <span class="meta">${regionName(a.region, host.locale)} · ${domainNames(host, a.domains)}</span>
                  ${a.publicUtility ? html`<span class="badge">${host.t('dir.publicUtility')}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ul>`
    }
    ${
      cursor
        ? html`<button class="nassij-button more" part="button" type="button" ?disabled=${host.loading}
            @click=${() => void host.loadMore()}>${host.t('dir.more')}</button>`
        : nothing
    }`;
}
