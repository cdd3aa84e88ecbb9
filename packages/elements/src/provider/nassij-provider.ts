import { css, html, LitElement, type PropertyValues } from 'lit';
import {
  type BaseClient,
  CONTEXT_REQUEST,
  type ContextRequestDetail,
  clientFor,
  PROVIDER_CONNECTED,
} from '../base/client.js';

/**
 * Shares one SDK client with every Nassij element inside it, across shadow roots, so a page sets `api-base`
 * once. Elements ask with a composed `nassij-context-request` event; the nearest provider answers and keeps
 * them updated when its `api-base` or `client` changes. Renders its children as they are.
 *
 * @tagname nassij-provider
 * @slot - The Nassij elements (and any other content) that use this provider's client.
 *
 * @example
 * ```html
 * <nassij-provider api-base="https://platform.example/api">
 *   <nassij-call-list></nassij-call-list>
 *   <nassij-training-finder></nassij-training-finder>
 * </nassij-provider>
 * ```
 */
export class NassijProvider extends LitElement {
  static override properties = {
    apiBase: { attribute: 'api-base' },
    client: { attribute: false },
  };

  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the platform API; a client is created (one per base URL on the page). */
  declare apiBase: string | undefined;
  /** A client made by the page (custom auth, hooks); wins over `api-base`. */
  declare client: BaseClient | undefined;

  readonly #subscribers = new Set<ContextRequestDetail['callback']>();

  constructor() {
    super();
    this.addEventListener(CONTEXT_REQUEST, (event) => {
      const request = event as CustomEvent<ContextRequestDetail>;
      // Our own ancestors' providers must not answer too: the nearest one wins.
      request.stopPropagation();
      const callback = request.detail.callback;
      this.#subscribers.add(callback);
      request.detail.unsubscribe = () => this.#subscribers.delete(callback);
      callback(this.sharedClient);
    });
  }

  /** The client given to descendants: `client`, else the page's client for `api-base`. */
  get sharedClient(): BaseClient | undefined {
    if (this.client) return this.client;
    return this.apiBase ? clientFor(this.apiBase) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.dispatchEvent(new Event(PROVIDER_CONNECTED));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const callback of this.#subscribers) callback(undefined);
    this.#subscribers.clear();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('client')) {
      const client = this.sharedClient;
      for (const callback of this.#subscribers) callback(client);
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nassij-provider': NassijProvider;
  }
}
