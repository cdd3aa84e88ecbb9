import { expect } from '@open-wc/testing';

// What the keyboard and reflow tests of every component check: where focus is, and that nothing scrolls
// sideways (WCAG 1.4.10).

/**
 * The focused element, through shadow roots.
 *
 * @example
 * ```ts
 * expect(deepActive()).to.equal(el.shadowRoot?.querySelector('h2'));
 * ```
 */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Fails when the page or the element scrolls sideways (WCAG 1.4.10 Reflow).
 *
 * @example
 * ```ts
 * await setViewport({ width: 320, height: 640 });
 * expectNoSideScroll(el, 'fr, details open');
 * ```
 */
export function expectNoSideScroll(el: HTMLElement, what: string): void {
  const page = document.documentElement;
  expect(page.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
  expect(el.scrollWidth, `${what}: the element is wider than its box`).to.be.at.most(el.clientWidth);
}
