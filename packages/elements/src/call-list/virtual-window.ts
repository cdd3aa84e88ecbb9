import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Beyond this many loaded calls only the visible window of cards is rendered. */
export const VIRTUALIZE_AFTER = 200;
/** Cards rendered before and after the visible ones in a virtualised list. */
const BUFFER = 6;
/** First guess of a card's height (px) until one is measured. */
const ESTIMATED_CARD = 240;

/** What the window needs to know of its host. */
interface WindowHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** How many cards there are in all. */
  readonly cardCount: number;
  /** Whether the list is hidden (a call's details are shown): then the window stays as it is. */
  readonly listHidden: boolean;
}

/**
 * The window of cards `<nassij-call-list>` renders when it holds more than {@link VIRTUALIZE_AFTER} calls:
 * it follows scrolling and resizing (one computation per animation frame), measures the cards it rendered so
 * that the spacers stand for those it did not, and widens itself to take in a card that keyboard focus
 * reaches.
 */
export class VirtualWindow implements ReactiveController {
  /** First card rendered. */
  start = 0;
  /** One past the last card rendered. */
  end = VIRTUALIZE_AFTER;
  /** Measured average card height (px). */
  rowHeight = ESTIMATED_CARD;
  readonly #host: WindowHost;
  #frame = 0;
  readonly #onScroll = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#compute();
    });
  };

  constructor(host: WindowHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whether there are enough cards to render only a window of them. */
  get active(): boolean {
    return this.#host.cardCount > VIRTUALIZE_AFTER;
  }

  /** The range to render for `count` cards. */
  range(count: number): { start: number; end: number } {
    if (!this.active) return { start: 0, end: count };
    return { start: this.start, end: Math.max(this.start + 1, Math.min(this.end, count)) };
  }

  /** Back to the top (a new search). */
  reset(): void {
    this.start = 0;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    document.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.#onScroll, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.#onScroll, { capture: true });
    window.removeEventListener('resize', this.#onScroll);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  hostUpdated(): void {
    if (this.active) this.#measure();
  }

  /** Widens the window so that card `index` is rendered (before focusing it). */
  ensureRendered(index: number): void {
    if (!this.active) return;
    if (index >= this.start + 1 && index < this.end - 1) return;
    this.start = Math.max(0, Math.min(this.start, index - BUFFER));
    this.end = Math.min(this.#host.cardCount, Math.max(index + BUFFER, this.start + 2 * BUFFER));
    this.#host.requestUpdate();
  }

  #compute(): void {
    const count = this.#host.cardCount;
    if (!this.active || this.#host.listHidden) return;
    const list = this.#host.renderRoot.querySelector('.cards-window');
    if (!list) return;
    const top = list.getBoundingClientRect().top;
    const first = Math.floor(Math.max(0, -top) / this.rowHeight);
    const visible = Math.ceil(window.innerHeight / this.rowHeight) + 1;
    const start = Math.max(0, Math.min(first, count - 1) - BUFFER);
    const end = Math.min(count, first + visible + BUFFER);
    if (start !== this.start || end !== this.end) {
      this.start = start;
      this.end = end;
      this.#host.requestUpdate();
    }
  }

  /** Measures rendered cards so the spacers stand for the cards not rendered. */
  #measure(): void {
    const cards = this.#host.renderRoot.querySelectorAll<HTMLElement>('ul.cards > li');
    if (!cards.length) return;
    let height = 0;
    for (const card of cards) height += card.offsetHeight;
    const average = Math.round(height / cards.length);
    if (average > 0 && Math.abs(average - this.rowHeight) > 4) {
      this.rowHeight = average;
      this.#host.requestUpdate();
      this.#onScroll();
    }
  }
}
