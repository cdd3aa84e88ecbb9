// What a screen reader would hear from an element's polite live region, recorded from the moment the element
// is attached: every non-empty text the region ever held, in order. Used by the tests that prove a French page
// never announces an Arabic count while its words load.

/** A recording started by {@link attachAndListen}. */
export interface LiveRegionRecording {
  /** Every text the region held, in order (read it after the element settled). */
  readonly heard: string[];
  /** Stops recording (after a last read) and removes the element. */
  stop(): void;
}

/**
 * Attaches `el` to the page and records what its `[aria-live]` region says from then on.
 *
 * @example
 * ```ts
 * const recording = attachAndListen(el);
 * try { await el.updateComplete; expect(recording.heard).to.not.be.empty; } finally { recording.stop(); }
 * ```
 */
export function attachAndListen(el: HTMLElement): LiveRegionRecording {
  const heard: string[] = [];
  const record = () => {
    const text = el.shadowRoot?.querySelector('[aria-live]')?.textContent?.trim();
    if (text && heard.at(-1) !== text) heard.push(text);
  };
  const observer = new MutationObserver(record);
  document.body.append(el);
  observer.observe(el.shadowRoot as ShadowRoot, { subtree: true, childList: true, characterData: true });
  return {
    heard,
    stop() {
      record();
      observer.disconnect();
      el.remove();
    },
  };
}
