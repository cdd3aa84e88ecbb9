import { type Locale, RTL_LOCALES, toLocale } from '@nassij/contract';
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { SharedMessageKey } from '../i18n/ar.js';
import { SHARED_MESSAGES } from '../i18n/catalogs.js';
import { loadErrorCatalog } from '../i18n/error-messages.js';
import { type Formatters, formatters } from '../i18n/format.js';
import { catalogSettled, loadCatalog, loadedCatalog } from '../i18n/load.js';
import {
  type Catalog,
  type Catalogs,
  interpolate,
  type MessageParams,
  selectPlural,
} from '../i18n/messages.js';
import { baseStyles } from '../styles/index.js';
import {
  type BaseClient,
  CONTEXT_REQUEST,
  type ContextRequestDetail,
  clientFor,
  PROVIDER_CONNECTED,
} from './client.js';
import { type ElementErrorCode, errorCodeOf } from './states.js';

/**
 * The `detail` of `nassij-error`, which components fire when a load or a write fails (besides showing the
 * reader a message).
 *
 * @example
 * ```ts
 * list.addEventListener('nassij-error', (event) => analytics.track('nassij', event.detail.code));
 * ```
 */
export interface NassijErrorDetail {
  /** A contract `ErrorCode`, an SDK code (`network_error`, `timeout`, `invalid_response`…), `offline` or `unknown`. */
  code: ElementErrorCode;
}

/** Codes of failures that may be the site owner's to fix: see `tellSiteOwner`. */
const SITE_OWNER_CODES = new Set([
  'network_error',
  'timeout',
  'invalid_response',
  'not_found',
  'method_not_allowed',
]);

/** Locale used when neither the element, its ancestors nor `<html>` name a language Nassij speaks. */
export const DEFAULT_LOCALE: Locale = 'ar';

/** Classes Google Translate (and tools copying it) add to `<html>` when they rewrite the page and its `lang`. */
const TRANSLATED_CLASSES = ['translated-ltr', 'translated-rtl'];

/**
 * `<html lang>` as last seen without a translation tool at work: the value at load, then any change the page
 * itself makes (a site's language switch). A change made together with the translation classes is ignored;
 * mutation records of one task are handled together, so the order in which a tool writes them does not matter.
 */
let genuineHtmlLang = typeof document === 'undefined' ? null : document.documentElement.getAttribute('lang');

function parentOrHost(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function isTranslated(html: Element): boolean {
  return TRANSLATED_CLASSES.some((name) => html.classList.contains(name));
}

/** Reads the `lang` of `node`, or for `<html>` under a translation tool, the language seen at load. */
function langOf(node: Element): string | null {
  if (node !== document.documentElement) return node.getAttribute('lang');
  if (isTranslated(node)) return genuineHtmlLang;
  genuineHtmlLang = node.getAttribute('lang');
  return genuineHtmlLang;
}

/**
 * Base class of every Nassij element. It resolves the reader's locale (own `lang`, else the nearest ancestor's
 * across shadow roots, else `<html lang>`, default Arabic), sets `dir` to match unless the author set it,
 * follows later changes, translates (`t`), formats (`fmt`), emits composed `nassij-*` events and finds its
 * SDK client (`client` property, `api-base` attribute, or a `<nassij-provider>` ancestor).
 *
 * Subclasses declare `static properties` (no decorators), may add `static messages` (see `defineMessages`),
 * start loading in {@link clientChanged}, turn what a call threw into a code with {@link failureCode}, and
 * call `super` in lifecycle methods they override. Elements ask an ancestor `<nassij-provider>` for its
 * client with the internal, composed `nassij-context-request` event.
 *
 * Theming: set these public tokens on the element or any ancestor (`--nassij-dark-color-*` for the dark
 * theme); every component inherits them. See `styles/tokens.ts` for the defaults and their contrast.
 *
 * @cssprop --nassij-color-primary - Brand colour for actions and links.
 * @cssprop --nassij-color-on-primary - Text on the primary colour.
 * @cssprop --nassij-color-surface - Background of components.
 * @cssprop --nassij-color-surface-alt - Background of cards, skeletons, zebra rows.
 * @cssprop --nassij-color-text - Body text.
 * @cssprop --nassij-color-muted - Secondary text (still at least 4.5:1).
 * @cssprop --nassij-color-border - Borders of fields and cards (at least 3:1).
 * @cssprop --nassij-color-danger - Errors.
 * @cssprop --nassij-color-success - Success.
 * @cssprop --nassij-color-warning - Warnings.
 * @cssprop --nassij-color-focus - Focus ring.
 * @cssprop --nassij-font-family - Font stack (system, with Arabic and Tifinagh fallbacks).
 * @cssprop --nassij-font-size-m - Body text size; `-s`, `-l` and `-xl` are the other steps.
 * @cssprop --nassij-line-height - Line height of body text.
 * @cssprop --nassij-radius - Corner radius.
 * @cssprop --nassij-space-4 - Base spacing (1rem); steps `-1` to `-6` form the scale.
 * @cssprop --nassij-button-bg - Background of primary buttons (defaults to the primary colour).
 * @cssprop --nassij-button-color - Text of primary buttons.
 * @cssprop --nassij-input-bg - Background of text fields.
 * @cssprop --nassij-input-border - Border of text fields.
 *
 * @example
 * ```ts
 * export class NassijHello extends NassijElement {
 *   static override properties = { count: { type: Number } };
 *   declare count: number;
 *   override render() {
 *     return html`<p>${this.t('count.results', { count: this.count })}</p>`;
 *   }
 * }
 * ```
 */
export class NassijElement extends LitElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    apiBase: { attribute: 'api-base' },
    theme: { reflect: true },
    locale: { state: true },
  };

  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = baseStyles;

  /** Component catalogs (see `defineMessages`), looked up before the shared ones. */
  static messages?: Catalogs;

  /** A client given by the page; wins over `api-base` and any provider. */
  declare client: BaseClient | undefined;
  /** Base URL of the platform API (`api-base`); elements with the same base share one client. */
  declare apiBase: string | undefined;
  /** `light` or `dark` to force a theme; unset follows an ancestor, then `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;
  /** The resolved locale (read only for subclasses; set `lang` to change it). */
  declare locale: Locale;

  #observer: MutationObserver | undefined;
  #dirSetByUs: string | null = null;
  #contextClient: BaseClient | undefined;
  #unsubscribe: (() => void) | undefined;
  #lastClient: BaseClient | undefined;
  /** Loads this element already waits for, so that each one asks for one re-render, not one per `t()`. */
  #awaited = new WeakSet<Promise<Catalog>>();
  #onProviderConnected = () => {
    if (!this.#contextClient) this.#requestContext();
  };

  constructor() {
    super();
    this.locale = DEFAULT_LOCALE;
  }

  /** Formatters for the current locale (Latin digits, Africa/Casablanca). */
  get fmt(): Formatters {
    return formatters(this.locale);
  }

  /** The client this element uses: `client` property, else `api-base`, else the provider's; or none. */
  get resolvedClient(): BaseClient | undefined {
    if (this.client) return this.client;
    if (this.apiBase) return clientFor(this.apiBase);
    return this.#contextClient;
  }

  /**
   * Translates `key` for the current locale: the component's catalogs first, then the shared ones, then
   * Arabic; a number `count` picks the plural form. Number parameters are formatted with Latin digits.
   * Synchronous. The element does not render while the catalogs of its locale are being fetched (see
   * {@link shouldUpdate}), so a French page never shows, nor announces, an Arabic count in between; a
   * catalog that failed to load falls back to Arabic.
   */
  t(key: SharedMessageKey | (string & {}), params: MessageParams = {}): string {
    const own = (this.constructor as typeof NassijElement).messages;
    const ownCatalog = own && this.#catalog(own);
    const sharedCatalog = this.#catalog(SHARED_MESSAGES);
    let message = ownCatalog?.[key] ?? sharedCatalog?.[key];
    let locale = this.locale;
    if (message === undefined) {
      // Arabic text keeps Arabic plural rules, whatever the element's locale.
      message = own?.ar[key] ?? (SHARED_MESSAGES.ar as Catalog)[key];
      locale = 'ar';
    }
    if (message === undefined) return key;
    const count = typeof params.count === 'number' ? params.count : undefined;
    const formatted: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(params)) {
      formatted[name] = typeof value === 'number' ? this.fmt.number(value) : value;
    }
    return interpolate(selectPlural(message, locale, count), formatted);
  }

  /**
   * Resolves once the component and shared catalogs of the current locale are loaded (or failed, in which
   * case Arabic stays) and the element has re-rendered with them. Follows a locale change made meanwhile.
   *
   * @example
   * ```ts
   * el.setAttribute('lang', 'fr');
   * await el.whenMessagesReady();
   * el.shadowRoot?.textContent; // French
   * ```
   */
  async whenMessagesReady(): Promise<void> {
    // Picks up a `lang` set just now, before the MutationObserver reports it.
    if (this.isConnected) this.#resolve();
    for (;;) {
      const locale = this.locale;
      await Promise.allSettled(this.#catalogsOf().map((catalogs) => loadCatalog(catalogs, locale)));
      // Re-render now rather than rely on the order in which the loads' other listeners run.
      this.requestUpdate();
      await this.updateComplete;
      if (locale === this.locale) return;
    }
  }

  /** Whether every catalog of the current locale is at hand or failed (then Arabic stands in). */
  #messagesSettled(): boolean {
    return this.#catalogsOf().every((catalogs) => catalogSettled(catalogs, this.locale));
  }

  /** The loads of the current locale's catalogs, settled (never rejects). */
  #messagesLoaded(): Promise<unknown> {
    const locale = this.locale;
    return Promise.allSettled(this.#catalogsOf().map((catalogs) => loadCatalog(catalogs, locale)));
  }

  /** Property changes of updates held back while catalogs loaded, handed to the next update that runs. */
  #heldChanges = new Map<PropertyKey, unknown>();

  /**
   * Holds rendering back while the catalogs of the element's locale load: the element keeps what it showed
   * (nothing on a first render) rather than render numbers and words in another language. The changes of
   * held updates are passed on to the next one, so `willUpdate`/`updated` still see them.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (!this.#messagesSettled()) {
      for (const [key, value] of changed) if (!this.#heldChanges.has(key)) this.#heldChanges.set(key, value);
      this.#messagesLoaded().then(() => this.requestUpdate());
      return false;
    }
    for (const [key, value] of this.#heldChanges)
      if (!changed.has(key)) changed.set(key as never, value as never);
    this.#heldChanges.clear();
    return super.shouldUpdate(changed);
  }

  /** Loads the element waits for before it can show all its words (an error catalog on its way). */
  #waiting = new Set<Promise<unknown>>();

  /**
   * Re-renders the element when `promise` settles, and makes `updateComplete` wait for it: for what a render
   * needs that is fetched on demand, such as the error catalog (see `errorMessage`) or a view loaded with
   * `lazy()`.
   *
   * @example
   * ```ts
   * if (!details.value) this.waitFor(details.load());
   * ```
   */
  waitFor(promise: Promise<unknown>): void {
    if (this.#waiting.has(promise)) return;
    this.#waiting.add(promise);
    const settled = () => {
      this.#waiting.delete(promise);
      this.requestUpdate();
    };
    promise.then(settled, settled);
  }

  /**
   * `updateComplete` also waits for a render held back by loading catalogs (see {@link shouldUpdate}) and for
   * words fetched on demand (see {@link waitFor}).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.isConnected && (!this.#messagesSettled() || this.#waiting.size > 0)) {
      await Promise.allSettled([this.#messagesLoaded(), ...this.#waiting]);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  #catalogsOf(): Catalogs[] {
    const own = (this.constructor as typeof NassijElement).messages;
    return own ? [own, SHARED_MESSAGES] : [SHARED_MESSAGES];
  }

  /** The catalog of the current locale if loaded; otherwise starts (or joins) its load and re-renders after. */
  #catalog(catalogs: Catalogs): Catalog | undefined {
    const catalog = loadedCatalog(catalogs, this.locale);
    if (catalog) return catalog;
    const loading = loadCatalog(catalogs, this.locale);
    if (!this.#awaited.has(loading)) {
      this.#awaited.add(loading);
      loading.then(
        () => this.requestUpdate(),
        () => {}, // Already warned; Arabic stays until the next locale change retries.
      );
    }
    return undefined;
  }

  /**
   * Dispatches a bubbling, composed, cancelable `nassij-*` event; returns `false` if a listener called
   * `preventDefault()`.
   */
  emit<T>(name: `nassij-${string}`, detail?: T): boolean {
    if (!name.startsWith('nassij-')) throw new TypeError(`Nassij events start with "nassij-": ${name}`);
    return this.dispatchEvent(
      new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }

  /**
   * The error code to show for what a load or write threw (see `errorCodeOf`). When the failure is the site
   * owner's to fix (the platform out of reach, a wrong `api-base`, a server of another version), it also
   * says so in the console, once per element and failure: see `tellSiteOwner`.
   *
   * @example
   * ```ts
   * try { … } catch (error) { this.errorCode = this.failureCode(error); }
   * ```
   */
  protected failureCode(error: unknown): ElementErrorCode {
    const code = errorCodeOf(error);
    // Loaded on such a failure only: pages that work never download the explanations.
    if (SITE_OWNER_CODES.has(code)) {
      import('./site-owner.js').then(
        ({ tellSiteOwner }) => tellSiteOwner(this, error, code),
        () => {}, // The explanation could not be loaded; the reader's message is shown anyway.
      );
    }
    return code;
  }

  /**
   * What every failed load or write does: takes its code ({@link failureCode}), fires `nassij-error` with it,
   * and returns it for the element to show. A {@link ResourceController} calls it for loads.
   *
   * @example
   * ```ts
   * try { await this.resolvedClient.request(supportRef, …); } catch (error) { this.actionError = this.reportFailure(error); }
   * ```
   */
  reportFailure(error: unknown): ElementErrorCode {
    const code = this.failureCode(error);
    // The words for it are fetched now (again, after a load that failed offline): see `errorMessage`.
    void loadErrorCatalog(this.locale).catch(() => {});
    this.emit<NassijErrorDetail>('nassij-error', { code });
    return code;
  }

  /** Called (before render) whenever {@link resolvedClient} changes, including to `undefined`. */
  protected clientChanged(_client: BaseClient | undefined): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resolve();
    this.#observe();
    this.#requestContext();
    window.addEventListener(PROVIDER_CONNECTED, this.#onProviderConnected);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#contextClient = undefined;
    window.removeEventListener(PROVIDER_CONNECTED, this.#onProviderConnected);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const client = this.resolvedClient;
    if (client !== this.#lastClient) {
      this.#lastClient = client;
      this.clientChanged(client);
    }
  }

  #requestContext(): void {
    this.#unsubscribe?.();
    const detail: ContextRequestDetail = {
      callback: (client) => {
        this.#contextClient = client;
        this.requestUpdate();
      },
    };
    this.dispatchEvent(new CustomEvent(CONTEXT_REQUEST, { detail, bubbles: true, composed: true }));
    this.#unsubscribe = detail.unsubscribe;
  }

  /** Observes `lang`, `dir`, `theme` and `class` on the element and each ancestor up to `<html>`. */
  #observe(): void {
    this.#observer?.disconnect();
    this.#observer = new MutationObserver(() => this.#resolve());
    const options = { attributes: true, attributeFilter: ['lang', 'dir', 'theme', 'class'] };
    for (let node: Element | null = this; node; node = parentOrHost(node))
      this.#observer.observe(node, options);
  }

  #resolve(): void {
    let locale: Locale | undefined;
    let theme: string | undefined = this.theme;
    for (let node: Element | null = this; node; node = parentOrHost(node)) {
      locale ??= toLocale(langOf(node));
      if (!theme && node !== this) {
        const attr = node.getAttribute('theme');
        if (attr === 'dark' || attr === 'light') theme = attr;
        else if (node.classList.contains('nassij-dark')) theme = 'dark';
        else if (node.classList.contains('nassij-light')) theme = 'light';
      }
      if (locale && theme) break;
    }
    const resolved = locale ?? DEFAULT_LOCALE;
    if (resolved !== this.locale) {
      this.locale = resolved;
      // Fetches the new locale's catalogs now, retrying one that failed earlier (a reader back online).
      for (const catalogs of this.#catalogsOf()) loadCatalog(catalogs, resolved, { retry: true });
    }

    // `dir` is ours only while it still holds the value we wrote; an author's `dir` is left alone.
    const currentDir = this.getAttribute('dir');
    if (currentDir === null || currentDir === this.#dirSetByUs) {
      const dir = RTL_LOCALES.includes(resolved) ? 'rtl' : 'ltr';
      if (currentDir !== dir) this.setAttribute('dir', dir);
      this.#dirSetByUs = dir;
    }

    if (theme) this.setAttribute('data-nassij-theme', theme);
    else this.removeAttribute('data-nassij-theme');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('theme')) this.#resolve();
  }
}
