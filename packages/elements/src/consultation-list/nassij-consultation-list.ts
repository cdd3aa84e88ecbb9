import {
  CONSULTATION_PHASES,
  type ConsultationPhase,
  type ConsultationSummary,
  type Facets,
  type RegionCode,
  regionName,
  searchConsultationsRef,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement, type NassijErrorDetail } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { LiveAnnouncer, plain, renderEmpty, safeHref, text } from '../base/states.js';
import { consultationListMessages } from './consultation-list.messages.js';
import { consultationListStyles } from './consultation-list.styles.js';

/** The filters of the list; what `nassij-consultation-search` carries. */
export interface ConsultationFilters {
  issuingBody: string;
  region: string;
  phase: string;
}

/**
 * Keeps the consultations that match the filters (data mode filters in the browser).
 *
 * @example
 * ```ts
 * matchesFilters(summary, { issuingBody: '', region: 'MA-09', phase: '' });
 * ```
 */
export function matchesFilters(c: ConsultationSummary, f: ConsultationFilters): boolean {
  return (
    (!f.issuingBody || c.issuingBody.sectorCode === f.issuingBody) &&
    (!f.region || c.region === f.region) &&
    (!f.phase || c.phase === f.phase)
  );
}

/**
 * `<nassij-consultation-list>`: the consultations of a body or a region, by phase, as cards. A card links
 * to `href-template` (`{id}` replaced) or, without it, emits `nassij-consultation-select`.
 *
 * Attributes preset the filters: `issuing-body` (sector code), `region` (MA-01…MA-12), `phase`.
 *
 * @tagname nassij-consultation-list
 * @fires {CustomEvent<NassijConsultationSelectDetail>} nassij-consultation-select - A card without `href-template` was chosen; `detail: { id, consultation }`.
 * @fires {CustomEvent<NassijConsultationSearchDetail>} nassij-consultation-search - The reader changed the filters; `detail`: the {@link ConsultationFilters}.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A search failed; `detail: { code }`.
 * @cssprop --nassij-consultation-gap - Space between cards.
 * @csspart card - Each consultation card.
 * @csspart button - Buttons.
 *
 * @example
 * ```html
 * <nassij-consultation-list api-base="https://platform.example/api" region="MA-09"
 *   href-template="/consultations/?c={id}"></nassij-consultation-list>
 * ```
 */
export class NassijConsultationList extends NassijElement {
  static override properties = {
    consultations: { attribute: false },
    facets: { attribute: false },
    issuingBody: { attribute: 'issuing-body' },
    region: {},
    phase: {},
    hrefTemplate: { attribute: 'href-template' },
  };
  static override messages = consultationListMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = consultationListStyles;

  /** The consultations (data mode: all of them, filtered here; client mode: the server's answer). */
  declare consultations: ConsultationSummary[] | undefined;
  /** Facet counts from the server. */
  declare facets: Facets | undefined;
  declare issuingBody: string;
  declare region: string;
  declare phase: string;
  /** Link of a card, `{id}` replaced by the consultation id; only http(s) or relative links are used. */
  declare hrefTemplate: string | undefined;

  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  /** The search (client mode): a newer one aborts the older, whose late answer is ignored. */
  readonly #search = new ResourceController(this, {
    load: (signal) => {
      const f = this.filters;
      return (this.resolvedClient as BaseClient).request(searchConsultationsRef, {
        query: {
          limit: 50,
          ...(f.issuingBody ? { issuingBody: [f.issuingBody] } : {}),
          ...(f.region ? { region: [f.region as RegionCode] } : {}),
          ...(f.phase ? { phase: [f.phase as ConsultationPhase] } : {}),
        },
        signal,
      });
    },
    onValue: (page) => {
      this.facets = page.facets;
      this.consultations = page.items;
      this.announcer.announce(this.t('count.results', { count: page.total ?? page.items.length }));
    },
  });
  #bodies = new Map<string, ConsultationSummary['issuingBody']>();
  #clientMode = false;

  constructor() {
    super();
    this.issuingBody = '';
    this.region = '';
    this.phase = '';
  }

  get filters(): ConsultationFilters {
    return { issuingBody: this.issuingBody, region: this.region, phase: this.phase };
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    this.#clientMode = Boolean(client);
    if (client) void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('consultations')) {
      for (const c of this.consultations ?? []) this.#bodies.set(c.issuingBody.sectorCode, c.issuingBody);
    }
  }

  /** Searches with the current filters (client mode). */
  async load(): Promise<void> {
    if (this.resolvedClient) await this.#search.run();
  }

  #onFilter(event: Event): void {
    const select = event.target as HTMLSelectElement;
    if (select.name === 'issuingBody') this.issuingBody = select.value;
    if (select.name === 'region') this.region = select.value;
    if (select.name === 'phase') this.phase = select.value;
    this.emit('nassij-consultation-search', this.filters);
    if (this.#clientMode) void this.load();
    else {
      const count = (this.consultations ?? []).filter((c) => matchesFilters(c, this.filters)).length;
      this.announcer.announce(this.t('count.results', { count }));
    }
  }

  #values(name: string, fallback: readonly string[]): string[] {
    const facet = this.facets?.[name]?.map((v) => v.value);
    return facet ?? [...fallback];
  }

  override render(): unknown {
    // Client mode: the controller shows a skeleton only while the first search is in flight, and an error
    // above the list when a later one fails. Data mode without data shows nothing (no request to wait for).
    if (this.#clientMode) return this.#search.render({ ready: () => this.#renderList(), lines: 4 });
    return this.consultations ? this.#renderList() : nothing;
  }

  #renderList(): TemplateResult {
    const consultations = this.consultations ?? [];
    const shown = this.#clientMode
      ? consultations
      : consultations.filter((c) => matchesFilters(c, this.filters));
    const all = [...new Set(consultations.map((c) => c.region).filter((r): r is RegionCode => !!r))];
    return html`${this.announcer.region()}
      <section class="list" aria-labelledby="list-h">
        <h2 id="list-h">${this.t('cons.list.title')}</h2>
        <fieldset class="filters">
          <legend>${this.t('cons.list.filters')}</legend>
          ${this.#select(
            'issuingBody',
            this.t('cons.list.issuingBody'),
            this.#values('issuingBody', [...this.#bodies.keys()]),
            (v) => {
              const body = this.#bodies.get(v);
              return body ? plain(this.locale, body.name) : v;
            },
          )}
          ${this.#select('region', this.t('cons.list.region'), this.#values('region', all), (v) => regionName(v, this.locale))}
          ${this.#select('phase', this.t('cons.list.phase'), this.#values('phase', CONSULTATION_PHASES), (v) => this.t(`cons.phase.${v}`))}
        </fieldset>
        <p class="count">${this.t('count.results', { count: shown.length })}</p>
        ${shown.length ? html`<ul class="cards">${shown.map((c) => this.#card(c))}</ul>` : renderEmpty(this, { message: this.t('cons.list.none') })}
      </section>`;
  }

  #select(name: keyof ConsultationFilters, label: string, values: string[], labelOf: (v: string) => string) {
    const current = this.filters[name];
    return html`<p>
      <label for=${`filter-${name}`}>${label}</label>
      <select id=${`filter-${name}`} name=${name} class="nassij-input" @change=${this.#onFilter}>
        <option value="">${this.t('cons.list.all')}</option>
        ${values.map((v) => html`<option value=${v} ?selected=${v === current}>${labelOf(v)}</option>`)}
      </select>
    </p>`;
  }

  #card(c: ConsultationSummary): TemplateResult {
    const href = this.hrefTemplate
      ? safeHref(this.hrefTemplate.replaceAll('{id}', encodeURIComponent(c.id)), document.baseURI)
      : undefined;
    const title = href
      ? html`<a href=${href}>${text(this, c.title)}</a>`
      : html`<button type="button" class="link" @click=${() => this.emit('nassij-consultation-select', { id: c.id, consultation: c })}>
          ${text(this, c.title)}
        </button>`;
    return html`<li>
      <article part="card" class="card" data-id=${c.id}>
        <h3>${title}</h3>
        <p class="muted">${text(this, c.issuingBody.name)}</p>
        <p>
          <span class="badge" data-phase=${c.phase}>${this.t(`cons.phase.${c.phase}`)}</span>
          ${this.t(`cons.subject.${c.subjectType}`)} · ${this.t(`cons.scope.${c.scope}`)}${c.region ? html` — ${regionName(c.region, this.locale)}` : nothing}
        </p>
        <p>${text(this, c.summary)}</p>
        ${c.contributionsClose ? html`<p>${this.t('deadline.at', { date: this.fmt.dateTime(c.contributionsClose.at) })}</p>` : nothing}
        <p class="muted">${this.t('cons.stats.line', { participants: c.participants, contributions: c.contributions })}</p>
      </article>
    </li>`;
  }
}

/** `detail` of `nassij-consultation-select`. */
export interface NassijConsultationSelectDetail {
  id: string;
  consultation: ConsultationSummary;
}
/** `detail` of `nassij-consultation-search`. */
export type NassijConsultationSearchDetail = ConsultationFilters;

/**
 * The events `<nassij-consultation-list>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * list.addEventListener('nassij-consultation-select', (event) => show(event.detail.id));
 * ```
 */
export interface NassijConsultationListEventMap {
  'nassij-consultation-select': CustomEvent<NassijConsultationSelectDetail>;
  'nassij-consultation-search': CustomEvent<NassijConsultationSearchDetail>;
  'nassij-error': CustomEvent<NassijErrorDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-consultation-list': NassijConsultationList;
  }
  interface GlobalEventHandlersEventMap extends NassijConsultationListEventMap {}
}
