// Where focus goes back when a dialog closes. The opener is remembered by selectors, not as a node: the list
// behind the dialog may have re-rendered meanwhile (a refresh after registering), and a node kept from
// before would be gone, or now stand for another session. The first selector still matching wins; the later
// ones name the next meaningful heading (with `tabindex="-1"`), so focus never falls to `<body>`.

/**
 * Remembers where focus should return, and returns it.
 *
 * @example
 * ```ts
 * returnFocus.remember('[data-register="ses_1"]', '#c-crs_1', '#title');
 * // … the dialog closes, the list re-renders …
 * returnFocus.restore(this.renderRoot);
 * ```
 */
export class ReturnFocus {
  #targets: (string | HTMLElement)[] = [];

  /** Where to return, best first: selectors (looked up at return time) or an element of the page. */
  remember(...targets: (string | HTMLElement | undefined)[]): void {
    this.#targets = targets.filter((t): t is string | HTMLElement => t !== undefined);
  }

  /** Focuses the first target still in `root` (or still connected); forgets them all. */
  restore(root: ParentNode): void {
    const targets = this.#targets;
    this.#targets = [];
    for (const target of targets) {
      const node = typeof target === 'string' ? root.querySelector<HTMLElement>(target) : target;
      if (node?.isConnected) {
        node.focus();
        return;
      }
    }
  }
}
