import { html, nothing, type TemplateResult } from 'lit';
import type { BaseClient } from './client.js';
import type { NassijElement } from './nassij-element.js';
import type { ResourceController, ResourceViews } from './resource.js';
import { errorMessage } from './states.js';

// Staff components (moderation queue, review panel) need a signed-in account: when there is none, or the
// session ended, they offer the popup sign-in rather than a "Retry" that can only fail again.

/** Codes after which signing in (again) is the way forward; `forbidden` only when no one is signed in. */
const SIGN_IN_CODES = new Set(['unauthenticated', 'token_expired']);

/** Whether requests of this client go out without any credentials (no token, no `getToken`). */
export function isAnonymous(client: BaseClient | undefined): boolean {
  return Boolean(client && !client.transport.config.getToken && client.tokens.get() === null);
}

/** What the host does once the popup signed the reader in (reload, then focus its heading). */
export interface SignInOptions {
  signedIn(): void | Promise<void>;
}

/**
 * Offers the popup sign-in in the host's language, shows why it failed (closed, blocked) and calls
 * `signedIn` after a successful one.
 *
 * @example
 * ```ts
 * #signIn = new SignInController(this, { signedIn: () => this.#reload() });
 * render() { return this.#signIn.around(this.#queue, this.t('queue.signIn'), { ready: (q) => … }); }
 * ```
 */
export class SignInController {
  /** The code of the last failed sign-in (popup closed or blocked…), shown under the button. */
  error: string | undefined;
  #busy = false;
  readonly #host: NassijElement;
  readonly #options: SignInOptions;

  constructor(host: NassijElement, options: SignInOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Whether a load that failed with `code` (or no load at all: `undefined`) calls for signing in. */
  offered(code: string | undefined): boolean {
    const client = this.#host.resolvedClient;
    if (code === undefined || code === 'forbidden') return isAnonymous(client);
    return SIGN_IN_CODES.has(code);
  }

  /** Opens the popup in the host's language; on success calls `signedIn`. */
  async signIn(): Promise<void> {
    const client = this.#host.resolvedClient;
    if (!client || this.#busy) return;
    this.#busy = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      await client.auth.signInWithPopup({ locale: this.#host.locale });
    } catch (error) {
      this.error = this.#host.reportFailure(error);
      return;
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
    await this.#options.signedIn();
  }

  /**
   * A staff resource's views, with sign-in where it is the way forward: a load that failed for want of a
   * session shows why, the sign-in button and retry; a signed-out element that asked nothing yet shows
   * `signedOut` and the button instead of the idle view.
   */
  around<T>(resource: ResourceController<T>, signedOut: string, views: ResourceViews<T>): unknown {
    const code = resource.errorCode;
    if (resource.status === 'error' && this.offered(code))
      return this.render(errorMessage(this.#host, code ?? 'unauthenticated'), {
        alert: true,
        onRetry: resource.retry,
      });
    return resource.render({
      ...views,
      idle: () => (this.offered(undefined) ? this.render(signedOut) : views.idle?.()),
    });
  }

  /** The block: why (an alert when a load failed), the sign-in button, retry when a load failed. */
  render(
    message: string,
    { alert = false, onRetry }: { alert?: boolean; onRetry?: () => void } = {},
  ): TemplateResult {
    const host = this.#host;
    return html`<div class="nassij-state sign-in" data-state=${alert ? 'error' : 'sign-in'} role=${alert ? 'alert' : nothing}>
      <p>${message}</p>
      <p class="form-actions">
        <button class="nassij-button sign-in-button" part="button" type="button" ?disabled=${this.#busy}
          @click=${() => this.signIn()}>${host.t('action.signIn')}</button>
        ${
          onRetry
            ? html`<button class="nassij-button" data-variant="secondary" part="button" type="button"
              @click=${onRetry}>${host.t('action.retry')}</button>`
            : nothing
        }
      </p>
      ${this.error ? html`<p class="field-error" role="alert">${errorMessage(host, this.error)}</p>` : nothing}
    </div>`;
  }
}
