import { adoptStyles, type CSSResult, type ReactiveElement } from 'lit';

// Only views loaded on interaction use this (see base/lazy.ts): a module of its own keeps it out of the base.

/**
 * A function that adds a lazily loaded view's styles after the element's own, once per element (the view
 * brings its styles, so the first download holds only what the first render needs).
 *
 * @example
 * ```ts
 * // views/details.styles.ts, imported by the lazy view only
 * export const adoptDetailsStyles = styleAdopter(css`.detail { padding: 1rem; }`);
 * // in the view: adoptDetailsStyles(host);
 * ```
 */
export function styleAdopter(styles: CSSResult): (host: ReactiveElement) => void {
  const adopted = new WeakSet<ShadowRoot>();
  return (host) => {
    const root = host.renderRoot as ShadowRoot;
    if (adopted.has(root)) return;
    adopted.add(root);
    const sheet = styles.styleSheet;
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    // Where sheets cannot be adopted, Lit adds a <style> element (with the page's nonce, if any).
    else adoptStyles(root, [styles]);
  };
}
