import {
  type Association,
  type AssociationSummary,
  DOMAINS,
  type DomainCode,
  getAssociationRef,
  pickText,
  REGIONS,
  type RegionCode,
  regionName,
  searchAssociationsRef,
} from '@nassij/contract';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { LiveAnnouncer, renderError, renderLoading, safeHref } from '../base/states.js';
import { baseStyles } from '../styles/index.js';
import { directoryMessages } from './association-directory.messages.js';

/** The search form's values. */
export interface DirectoryFilters {
  q: string;
  region: string;
  domain: string;
  publicUtility: boolean;
}

/** Whether a summary matches the filters, for data mode (Arabic or French name, acronym; accents ignored). */
function matches(item: AssociationSummary, filters: DirectoryFilters): boolean {
  const fold = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u064b-\u0652]/g, '')
      .toLocaleLowerCase();
  const q = fold(filters.q.trim());
  const names = [...Object.values(item.name), item.acronym ?? ''].map(fold);
  return (
    (!q || names.some((name) => name.includes(q))) &&
    (!filters.region || item.region === filters.region) &&
    (!filters.domain || (item.domains as readonly string[]).includes(filters.domain)) &&
    (!filters.publicUtility || item.publicUtility)
  );
}

/**
 * The public directory of associations: search by name (Arabic or French), region, field of action and
 * public-utility status, then a profile card with the registration number, fields, region, status and what
 * the association did on the platform (calls applied to, awards and amount received, trainings attended).
 *
 * Client mode: `api-base`, `client` or a `<nassij-provider>`. Data mode: set `associations` (summaries,
 * filtered in the page) and `profiles` (full records by id).
 *
 * @tagname nassij-association-directory
 * @fires {CustomEvent<NassijAssociationSelectDetail>} nassij-association-select - A profile was opened; `detail: { associationId }`.
 * @csspart result - Each result's button.
 * @csspart profile - The profile card.
 * @csspart button - Buttons.
 *
 * @example
 * ```html
 * <nassij-association-directory api-base="https://platform.example/api" lang="fr"></nassij-association-directory>
 * ```
 */
export class NassijAssociationDirectory extends NassijElement {
  static override properties = {
    associations: { attribute: false },
    profiles: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    errorCode: { attribute: 'error-code' },
    filters: { state: true },
    items: { state: true },
    total: { state: true },
    nextCursor: { state: true },
    profile: { state: true },
    loading: { state: true },
  };
  static override messages = directoryMessages;

  /** Summaries to search in the page (data mode). */
  declare associations: AssociationSummary[] | undefined;
  /** Full records by id, for the profile card in data mode. */
  declare profiles: Record<string, Association> | undefined;
  /** Results per page in client mode (`page-size`). */
  declare pageSize: number;
  declare errorCode: string | undefined;
  declare filters: DirectoryFilters;
  declare items: AssociationSummary[] | undefined;
  declare total: number | undefined;
  declare nextCursor: string | null;
  /** The profile shown. */
  declare profile: Association | undefined;
  declare loading: boolean;

  /** @internal */
  announcer = new LiveAnnouncer(this);
  #ticket = 0;

  constructor() {
    super();
    this.pageSize = 20;
    this.filters = { q: '', region: '', domain: '', publicUtility: false };
    this.nextCursor = null;
    this.loading = false;
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    if (client && !this.associations) void this.search();
  }

  /** The results shown: filtered `associations` in data mode, else the loaded pages. */
  get results(): AssociationSummary[] | undefined {
    return this.associations ? this.associations.filter((a) => matches(a, this.filters)) : this.items;
  }

  /** Searches with the current filters; `more` appends the next page (client mode). */
  async search(more = false): Promise<void> {
    if (this.associations) {
      this.#announce();
      return;
    }
    const client = this.resolvedClient;
    if (!client) return;
    const ticket = ++this.#ticket;
    const { q, region, domain, publicUtility } = this.filters;
    this.loading = true;
    this.errorCode = undefined;
    try {
      const page = await client.request(searchAssociationsRef, {
        query: {
          limit: this.pageSize,
          ...(q.trim() ? { q: q.trim() } : {}),
          ...(region ? { region: [region as RegionCode] } : {}),
          ...(domain ? { domain: [domain as DomainCode] } : {}),
          ...(publicUtility ? { publicUtility: true } : {}),
          ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
        },
      });
      if (ticket !== this.#ticket) return;
      this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
      this.total = page.total ?? this.items.length;
      this.nextCursor = page.nextCursor;
      this.#announce();
    } catch (error) {
      if (ticket === this.#ticket) this.errorCode = this.failureCode(error);
    } finally {
      if (ticket === this.#ticket) this.loading = false;
    }
  }

  #announce(): void {
    const count = this.associations ? (this.results?.length ?? 0) : (this.total ?? 0);
    this.announcer.announce(this.t('dir.count', { count }));
  }

  /** Opens the profile card of one association (from `profiles`, or `GET /v1/associations/{id}`). */
  async open(associationId: string): Promise<void> {
    this.emit('nassij-association-select', { associationId });
    const local = this.profiles?.[associationId];
    if (local) this.profile = local;
    else {
      const client = this.resolvedClient;
      if (!client) return;
      try {
        this.profile = await client.request(getAssociationRef, { params: { associationId } });
      } catch (error) {
        this.errorCode = this.failureCode(error);
        return;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.profile h3')?.focus();
  }

  #close(): void {
    const id = this.profile?.id;
    this.profile = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`button[data-id="${CSS.escape(id ?? '')}"]`)?.focus(),
    );
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.filters = {
      q: String(data.get('q') ?? ''),
      region: String(data.get('region') ?? ''),
      domain: String(data.get('domain') ?? ''),
      publicUtility: data.get('publicUtility') === 'on',
    };
    this.profile = undefined;
    void this.search();
  }

  #name(text: AssociationSummary['name']): TemplateResult {
    const picked = pickText(text, this.locale);
    return html`<span lang=${picked.locale}>${picked.text}</span>`;
  }

  /** The website as a link when it is an http(s) address, else as plain text. */
  #website(website: string): TemplateResult {
    const href = safeHref(website);
    return href
      ? html`<a href=${href} rel="noopener noreferrer" target="_blank">${website}</a>`
      : html`${website}`;
  }

  #domain(code: string): string {
    const domain = DOMAINS.find((d) => d.code === code);
    return domain ? pickText(domain.name, this.locale).text : code;
  }

  override render() {
    return html`${this.announcer.region()}
      <section aria-labelledby="dir-title">
        <h2 id="dir-title">${this.t('dir.title')}</h2>
        ${this.#renderForm()}
        ${this.errorCode ? renderError(this, { code: this.errorCode, onRetry: () => void this.search() }) : this.#renderResults()}
        ${this.profile ? this.#renderProfile(this.profile) : nothing}
      </section>`;
  }

  #renderForm(): TemplateResult {
    const f = this.filters;
    return html`<form role="search" aria-label=${this.t('dir.search')} @submit=${this.#onSubmit}>
      <label class="field q"
        >${this.t('dir.q')}
        <input class="nassij-input" type="search" name="q" .value=${f.q} autocomplete="off"
      /></label>
      <label class="field"
        >${this.t('dir.region')}
        <select class="nassij-input" name="region">
          <option value="">${this.t('dir.anyRegion')}</option>
          ${REGIONS.map((r) => html`<option value=${r.code} ?selected=${r.code === f.region}>${pickText(r.name, this.locale).text}</option>`)}
        </select></label
      >
      <label class="field"
        >${this.t('dir.domain')}
        <select class="nassij-input" name="domain">
          <option value="">${this.t('dir.anyDomain')}</option>
          ${DOMAINS.map((d) => html`<option value=${d.code} ?selected=${d.code === f.domain}>${pickText(d.name, this.locale).text}</option>`)}
        </select></label
      >
      <fieldset class="field">
        <legend>${this.t('dir.status')}</legend>
        <label class="check"
          ><input type="checkbox" name="publicUtility" .checked=${f.publicUtility} />
          ${this.t('dir.publicUtilityOnly')}</label
        >
      </fieldset>
      <button class="nassij-button" part="button" type="submit">${this.t('dir.submit')}</button>
    </form>`;
  }

  #renderResults(): TemplateResult {
    const results = this.results;
    if (!results) return renderLoading(this, { lines: 4 });
    const count = this.associations ? results.length : (this.total ?? results.length);
    return html`<h3 class="count">${this.t('dir.count', { count })}</h3>
      ${
        results.length === 0
          ? html`<p class="nassij-state" data-state="empty">${this.t('dir.none')}</p>`
          : html`<ul class="results" aria-label=${this.t('dir.results')}>
              ${results.map(
                (a) => html`<li>
                  <button type="button" class="result" part="result" data-id=${a.id} aria-expanded=${this.profile?.id === a.id ? 'true' : 'false'}
                    @click=${() => void this.open(a.id)}>
                    <span class="name">${this.#name(a.name)}${a.acronym ? html` <span class="acronym">(${a.acronym})</span>` : nothing}</span>
                    <span class="meta">${regionName(a.region, this.locale)} · ${a.domains.map((d) => this.#domain(d)).join('، ')}</span>
                    ${a.publicUtility ? html`<span class="badge">${this.t('dir.publicUtility')}</span>` : nothing}
                  </button>
                </li>`,
              )}
            </ul>`
      }
      ${
        !this.associations && this.nextCursor
          ? html`<button class="nassij-button more" part="button" type="button" ?disabled=${this.loading}
              @click=${() => void this.search(true)}>${this.t('dir.more')}</button>`
          : nothing
      }`;
  }

  #renderProfile(a: Association): TemplateResult {
    const stats = a.stats;
    return html`<article class="profile" part="profile" aria-labelledby="dir-profile-name">
      <p class="kicker">${this.t('dir.profile')}</p>
      <h3 id="dir-profile-name" tabindex="-1">${this.#name(a.name)}</h3>
      <dl>
        <div><dt>${this.t('dir.registration')}</dt><dd class="registration">${a.registrationNumber}</dd></div>
        <div><dt>${this.t('dir.region')}</dt><dd class="region">${regionName(a.region, this.locale)}</dd></div>
        <div><dt>${this.t('dir.domains')}</dt><dd class="domains">${a.domains.map((d) => this.#domain(d)).join('، ')}</dd></div>
        <div><dt>${this.t('dir.status')}</dt><dd class="status">${this.t(a.publicUtility ? 'dir.status.yes' : 'dir.status.no')}</dd></div>
        <div><dt>${this.t('dir.founded')}</dt><dd>${this.fmt.date(`${a.foundedOn}T12:00:00Z`)}</dd></div>
        ${a.website ? html`<div><dt>${this.t('dir.website')}</dt><dd class="website" dir="ltr">${this.#website(a.website)}</dd></div>` : nothing}
      </dl>
      ${
        stats
          ? html`<h4>${this.t('dir.stats')}</h4>
              <dl class="stats">
                <div><dt>${this.t('dir.callsAppliedTo')}</dt><dd data-stat="callsAppliedTo">${this.fmt.number(stats.callsAppliedTo)}</dd></div>
                <div><dt>${this.t('dir.awardsReceived')}</dt><dd data-stat="awardsReceived">${this.fmt.number(stats.awardsReceived)}</dd></div>
                <div><dt>${this.t('dir.amountReceived')}</dt><dd data-stat="amountReceived">${this.fmt.money(stats.amountReceived)}</dd></div>
                <div><dt>${this.t('dir.trainingsAttended')}</dt><dd data-stat="trainingsAttended">${this.fmt.number(stats.trainingsAttended)}</dd></div>
              </dl>`
          : nothing
      }
      <button class="nassij-button close" part="button" type="button" @click=${() => this.#close()}>${this.t('dir.close')}</button>
    </article>`;
  }

  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_n-space-3);
        align-items: end;
        margin-block-end: var(--_n-space-4);
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: var(--_n-space-1);
      }
      .q {
        flex: 1 1 16rem;
      }
      fieldset {
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        padding: var(--_n-space-1) var(--_n-space-2);
        margin: 0;
      }
      .check {
        display: inline-flex;
        gap: var(--_n-space-2);
        align-items: center;
        min-block-size: 24px;
      }
      .check input {
        inline-size: 20px;
        block-size: 20px;
      }
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
      .result:focus-visible,
      .profile h3:focus-visible {
        outline: 3px solid var(--_n-focus);
        outline-offset: 2px;
      }
      .name {
        font-weight: 700;
      }
      .meta,
      .kicker {
        color: var(--_n-muted);
        font-size: var(--_n-font-size-s);
      }
      .badge {
        border: 1px solid currentColor;
        border-radius: var(--_n-radius);
        padding-inline: var(--_n-space-2);
        font-size: var(--_n-font-size-s);
      }
      .profile {
        border: 1px solid var(--_n-border);
        border-radius: var(--_n-radius);
        padding: var(--_n-space-4);
        background: var(--_n-surface-alt);
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--_n-space-2) var(--_n-space-4);
        margin: 0 0 var(--_n-space-3);
      }
      dt {
        color: var(--_n-muted);
        font-size: var(--_n-font-size-s);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      a {
        color: var(--_n-primary);
      }
    `,
  ];
}

/** `detail` of `nassij-association-select`. */
export interface NassijAssociationSelectDetail {
  associationId: string;
}

/**
 * The events `<nassij-association-directory>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * directory.addEventListener('nassij-association-select', (event) => track(event.detail.associationId));
 * ```
 */
export interface NassijAssociationDirectoryEventMap {
  'nassij-association-select': CustomEvent<NassijAssociationSelectDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-association-directory': NassijAssociationDirectory;
  }
  interface GlobalEventHandlersEventMap extends NassijAssociationDirectoryEventMap {}
}
