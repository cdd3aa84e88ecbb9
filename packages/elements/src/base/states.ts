import { isNassijError, type NassijErrorCode } from '@nassij/sdk';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorCatalog, errorCatalogFailed, loadErrorCatalog } from '../i18n/error-messages.js';
import { lazy as lazyModule } from './lazy.js';
import type { NassijElement } from './nassij-element.js';
import { safeHref as checkedHref } from './safe-href.js';
import { text as localizedText, plain as plainText } from './text.js';

/**
 * Every code an element may show or put in `nassij-error`: the SDK's {@link NassijErrorCode} (the contract's
 * codes and the client-side ones), plus `offline` and `unknown`. The shared catalogues have an `error.<code>`
 * message for each (a test fails when one is missing).
 */
export type ElementErrorCode = NassijErrorCode | 'offline' | 'unknown';

/**
 * The error code to show for anything a load or write threw: the SDK's typed errors carry `code`; an abort
 * on timeout, a failed fetch and being offline get their own; anything else is `unknown`.
 *
 * @example
 * ```ts
 * try { await client.calls.get(id); } catch (error) { this.errorCode = errorCodeOf(error); }
 * ```
 */
export function errorCodeOf(error: unknown): ElementErrorCode {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  if (isNassijError(error)) return error.code;
  if (error && typeof error === 'object') {
    const { code, name } = error as { code?: unknown; name?: unknown };
    // An error of another copy of the SDK (a site that bundles its own client) is not an instance of ours.
    if (typeof code === 'string' && code) return code as ElementErrorCode;
    if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
    if (name === 'TypeError') return 'network_error';
  }
  return 'unknown';
}

/**
 * A loading block: `role="status"` with `aria-busy`, a translated hidden label and a shimmer skeleton.
 *
 * @example
 * ```ts
 * if (this.loading) return renderLoading(this, { lines: 4 });
 * ```
 */
export function renderLoading(host: NassijElement, { lines = 3 }: { lines?: number } = {}): TemplateResult {
  return html`<div class="nassij-state" data-state="loading" role="status" aria-busy="true" aria-live="polite">
    <span class="visually-hidden">${host.t('state.loading')}</span>
    <div class="nassij-skeleton-lines" aria-hidden="true">
      ${Array.from({ length: lines }, () => html`<span class="nassij-skeleton"></span>`)}
    </div>
  </div>`;
}

/**
 * An empty block, with the shared message or a component's own (already translated).
 *
 * @example
 * ```ts
 * if (calls.length === 0) return renderEmpty(this, { message: this.t('callList.none') });
 * ```
 */
export function renderEmpty(host: NassijElement, { message }: { message?: string } = {}): TemplateResult {
  return html`<div class="nassij-state" data-state="empty" role="status">
    <p>${message ?? host.t('state.empty')}</p>
  </div>`;
}

/**
 * The reader's message for an error code: the component's or the shared `error.<code>` (the codes a reader
 * meets offline are bundled), else the error catalog of the element's language, fetched with the first such
 * failure (the element re-renders when it arrives, and `updateComplete` waits for it), else the generic one.
 *
 * @example
 * ```ts
 * html`<p role="alert">${errorMessage(this, this.actionError)}</p>`;
 * ```
 */
export function errorMessage(host: NassijElement, code: string): string {
  const key = `error.${code}`;
  const own = host.t(key);
  if (own !== key) return own;
  const catalog = errorCatalog(host.locale);
  if (catalog) return (catalog[key] as string | undefined) ?? host.t('error.unknown');
  if (errorCatalogFailed(host.locale)) return host.t('error.unknown');
  host.waitFor(loadErrorCatalog(host.locale));
  // Empty for the moment it travels: the alert's text then appears, and is announced, once.
  return '';
}

/**
 * An error block (`role="alert"`) that says what happened by error code, with a retry button when
 * `onRetry` is given. Unknown codes fall back to the generic message.
 *
 * @example
 * ```ts
 * if (this.errorCode) return renderError(this, { code: this.errorCode, onRetry: () => this.load() });
 * ```
 */
export function renderError(
  host: NassijElement,
  { code, onRetry }: { code: string; onRetry?: () => void },
): TemplateResult {
  return html`<div class="nassij-state" data-state="error" role="alert">
    <p>${errorMessage(host, code)}</p>
    ${
      onRetry
        ? html`<button class="nassij-button" part="button" type="button" @click=${onRetry}>
          ${host.t('action.retry')}
        </button>`
        : null
    }
  </div>`;
}

/**
 * A notice that the reader is offline; show it above stale content (with {@link OnlineController}).
 *
 * @example
 * ```ts
 * ${this.online.online ? null : renderOffline(this)}
 * ```
 */
export function renderOffline(host: NassijElement): TemplateResult {
  return html`<div class="nassij-state" data-state="offline" role="status">
    <p>${host.t('state.offline')}</p>
  </div>`;
}

/**
 * Tracks `navigator.onLine` and re-renders its host on `online` / `offline`. `onChange` lets a component
 * reload once the connection returns.
 *
 * @example
 * ```ts
 * online = new OnlineController(this, (online) => { if (online) this.load(); });
 * ```
 */
export class OnlineController implements ReactiveController {
  /** Whether the browser believes it is online. */
  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  readonly #host: ReactiveControllerHost;
  readonly #onChange: ((online: boolean) => void) | undefined;
  readonly #update = () => {
    const online = navigator.onLine;
    if (online === this.online) return;
    this.online = online;
    this.#host.requestUpdate();
    this.#onChange?.(online);
  };

  constructor(host: ReactiveControllerHost, onChange?: (online: boolean) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    window.addEventListener('online', this.#update);
    window.addEventListener('offline', this.#update);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#update);
    window.removeEventListener('offline', this.#update);
  }
}

/**
 * A polite live region in the host's shadow root for changes a sighted reader sees at once (result counts,
 * "saved"). Render `announcer.region()` once; call `announce(text)` on change. Saying the same text twice
 * is announced twice (an invisible character alternates).
 *
 * @example
 * ```ts
 * announcer = new LiveAnnouncer(this);
 * render() { return html`${this.announcer.region()} …`; }
 * willUpdate(changed) {
 *   if (changed.has('total')) this.announcer.announce(this.t('count.results', { count: this.total }));
 * }
 * ```
 */
export class LiveAnnouncer implements ReactiveController {
  #message = '';
  #toggle = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The text currently in the region. */
  get message(): string {
    return this.#message;
  }

  /** Puts `text` in the live region. Call it when the value changes (in `willUpdate`), not on every update. */
  announce(text: string): void {
    this.#toggle = !this.#toggle;
    this.#message = this.#toggle ? text : `${text}\u200b`;
    this.#host.requestUpdate();
  }

  /** The region to render once in the template; visually hidden. */
  region(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      ${this.#message}
    </div>`;
  }

  hostConnected(): void {}
}

/**
 * {@link checkedHref | safeHref} (see base/safe-href.ts), bound here so that the CDN bundles carry it in
 * the shared base chunk: a re-export would leave it a chunk of its own, one more request per page.
 *
 * @example
 * ```ts
 * safeHref(call.url); // the URL when http: or https:, else undefined
 * ```
 */
export const safeHref: typeof checkedHref = checkedHref;

/**
 * {@link localizedText | text} (see base/text.ts), bound here like {@link safeHref}: nearly every component
 * shows localized platform text, and a chunk of its own would be one more request per page.
 *
 * @example
 * ```ts
 * html`<h2>${text(this, call.title)}</h2>`;
 * ```
 */
export const text: typeof localizedText = localizedText;

/**
 * {@link plainText | plain} (see base/text.ts), bound here for the same reason as {@link text}.
 *
 * @example
 * ```ts
 * plain('fr', { ar: 'نص', fr: 'Texte' }); // 'Texte'
 * ```
 */
export const plain: typeof plainText = plainText;

/**
 * {@link lazyModule | lazy} (see base/lazy.ts), bound here like {@link safeHref}: most components load a view on
 * interaction, and a chunk of its own would be one more request per page.
 *
 * @example
 * ```ts
 * const details = lazy(() => import('./views/details.js'));
 * ```
 */
export const lazy: typeof lazyModule = lazyModule;
