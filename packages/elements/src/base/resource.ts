import { html, nothing, type ReactiveController } from 'lit';
import type { NassijElement } from './nassij-element.js';
import { renderEmpty, renderError, renderLoading } from './states.js';

/** Where a {@link ResourceController} stands: nothing asked yet, a request in flight, an answer, a failure. */
export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What a {@link ResourceController} is built with. */
export interface ResourceOptions<T> {
  /**
   * Fetches the resource. It receives the signal of this run: a later `run()`, `abort()` or the host leaving
   * the page aborts it, and whatever it then returns or throws is ignored.
   */
  load(signal: AbortSignal): Promise<T>;
  /** Called with each answer that is kept (not stale), before the host re-renders: announce, derive state. */
  onValue?(value: T): void;
  /** Keep the last answer when a later run fails (show it with the error above); default `true`. */
  keepValueOnError?: boolean;
}

/** The views {@link ResourceController.render} chooses between. */
export interface ResourceViews<T> {
  /** The value (a failed refresh shows the error above it). */
  ready(value: T): unknown;
  /** Whether the value counts as empty: then the empty message is shown instead of `ready`. */
  isEmpty?(value: T): boolean;
  /** The empty message, translated (the shared one otherwise). */
  emptyMessage?: string;
  /** Skeleton lines while loading; default 3. */
  lines?: number;
  /** What to show before anything was asked (no client, no id): say how to get started. Nothing by default. */
  idle?(): unknown;
}

/**
 * The one way a Nassij element loads something: it aborts the previous request when a new one starts, ignores
 * any answer that is no longer the latest, turns what a load threw into a stable error code (SDK codes,
 * `offline`, `unknown`: see `errorCodeOf`), fires `nassij-error` with that code, tells the site owner in the
 * console when the failure is theirs to fix, and re-renders its host on each change. Hosts render from
 * {@link status}, {@link value} and {@link errorCode}, and offer {@link retry}.
 *
 * Writes (submit, support, register) are not resources: they go through `host.reportFailure(error)`.
 *
 * @example
 * ```ts
 * class NassijThing extends NassijElement {
 *   #thing = new ResourceController(this, {
 *     load: (signal) => this.resolvedClient!.request(getThingRef, { params: { id: this.thingId }, signal }),
 *   });
 *   protected override clientChanged(client) { if (client) void this.#thing.run(); }
 *   override render() {
 *     return this.#thing.render({ ready: (thing) => html`<h2>${thing.title}</h2>` });
 *   }
 * }
 * ```
 */
export class ResourceController<T> implements ReactiveController {
  /** The last answer kept, or a value the host set (data mode); `undefined` before any. */
  value: T | undefined;
  /** The code of the last run's failure; cleared when a run starts. */
  errorCode: string | undefined;
  readonly #host: NassijElement;
  readonly #options: ResourceOptions<T>;
  #abort: AbortController | undefined;

  constructor(host: NassijElement, options: ResourceOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether a request is in flight. A skeleton is shown only then. */
  get loading(): boolean {
    return this.#abort !== undefined;
  }

  /** `loading` while a request is in flight, else `error` after a failure, `ready` with a value, else `idle`. */
  get status(): ResourceStatus {
    if (this.#abort) return 'loading';
    if (this.errorCode) return 'error';
    return this.value === undefined ? 'idle' : 'ready';
  }

  /**
   * Starts a load, aborting the one in flight. Resolves with the value when this run's answer is kept, or
   * `undefined` when it failed or was overtaken (never rejects).
   */
  async run(): Promise<T | undefined> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.errorCode = undefined;
    this.#host.requestUpdate();
    try {
      const value = await this.#options.load(abort.signal);
      if (this.#abort !== abort) return undefined;
      this.value = value;
      this.#options.onValue?.(value);
      return value;
    } catch (error) {
      if (this.#abort !== abort) return undefined;
      if (this.#options.keepValueOnError === false) this.value = undefined;
      this.errorCode = this.#host.reportFailure(error);
      return undefined;
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  /**
   * The state to show: the value (with the error above it when a refresh failed), the empty message, a
   * skeleton only while a request is in flight, the error with a retry button, or the idle view.
   */
  render(views: ResourceViews<T>): unknown {
    const { value, errorCode } = this;
    const error = errorCode ? renderError(this.#host, { code: errorCode, onRetry: this.retry }) : nothing;
    if (value !== undefined && !(this.loading && this.#options.keepValueOnError === false)) {
      const body = views.isEmpty?.(value)
        ? renderEmpty(this.#host, { message: views.emptyMessage })
        : views.ready(value);
      return html`${error}${body}`;
    }
    if (this.loading) return renderLoading(this.#host, { lines: views.lines });
    if (errorCode) return error;
    return views.idle?.() ?? nothing;
  }

  /** Runs the load again (the error block's button). */
  readonly retry = (): void => {
    void this.run();
  };

  /** Aborts the request in flight, if any; its answer will be ignored. */
  abort(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.#host.requestUpdate();
  }

  /**
   * Sets the value without a request (data mode, or an answer to a write). The error code is left as it is:
   * in data mode the host may set one beside its data, in any order; the next `run()` clears it.
   */
  set(value: T | undefined): void {
    this.abort();
    this.value = value;
    this.#host.requestUpdate();
  }

  /** Back to `idle`: aborts the request in flight and forgets the value and the error (sign-out, closing). */
  clear(): void {
    this.abort();
    this.value = undefined;
    this.errorCode = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
