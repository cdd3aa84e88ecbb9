// The example pages as `npm start` serves them, opened in Chromium under the server's own strict
// Content-Security-Policy, every page in every language (pages switching language by `?lang=` too). Each page
// loads without a console error or a CSP refusal and every Nassij element on it renders something; at 320 CSS
// px wide (WCAG 1.4.10 Reflow) nothing scrolls sideways, and the failure names what sticks out; axe reports
// no WCAG 2.0/2.1/2.2 A/AA violation, open shadow roots included, at 320 and at 1280 px.
// The staff journeys on the same pages are in staff-journeys.test.ts. Needs the CDN build (`npm test` builds
// before the node suite).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { demoFixtures } from '@nassij/server/testing';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { EXAMPLES, exampleSite, NARROW, ROOT, WIDE } from './test-support/site.js';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** The rules of WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no `wcag22a` tag: 2.2 added AA rules only). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * States of a page worth their own look, as query strings: with an open call, the application form shows the
 * call (title, deadline) and the sign-in rather than the way to pick one.
 */
const STATES: Record<string, string[]> = {
  '/ministry-apply/index.html': [`call=${demoFixtures.calls.openEligible}`],
};

/**
 * Every example page, once per language: a page whose language switch is a query (`<a href="?lang=fr">`,
 * the apply page) is opened in each language it links to besides its own `<html lang>`, and in each of its
 * `STATES`.
 */
const pages = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html'))
  .sort()
  .flatMap((name) => {
    const path = `/${name.replaceAll('\\', '/')}`;
    const html = readFileSync(join(EXAMPLES, name), 'utf8');
    const own = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1];
    const languages = [...html.matchAll(/href="\?lang=([\w-]+)"/g)]
      .map((match) => match[1])
      .filter((lang) => lang !== own);
    return ['', ...(STATES[path] ?? [])].flatMap((state) => [
      state ? `${path}?${state}` : path,
      ...languages.map((lang) => `${path}?${state ? `${state}&` : ''}lang=${lang}`),
    ]);
  });

const site = exampleSite();

/**
 * Runs axe over the whole document (axe walks open shadow roots itself) and describes each violation with
 * the nodes it found, shadow hosts included in the selector (`host >>> inner`).
 *
 * axe goes in through `page.evaluate`, which DevTools runs outside the page's CSP, so the page keeps its strict
 * policy (an inline `<script>` from `addScriptTag({ content })` would be refused by `script-src 'self'`, and
 * `bypassCSP` would weaken the very policy this file checks). axe 4 needs no `eval` to run its rules and
 * write its messages, so it runs under `script-src 'self'`; the test checks the console again afterwards.
 */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(
        document,
        {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        },
      ),
    WCAG_TAGS,
  );
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes
        .slice(0, 8)
        .map(
          (node) =>
            `    ${node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ')}` +
            ` — ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? '').replaceAll('\n', ' ')}`,
        )
        .join('\n')}${v.nodes.length > 8 ? `\n    … and ${v.nodes.length - 8} more` : ''}`,
  );
}

/**
 * What sticks out of the viewport sideways, walking the light DOM and every open shadow root: elements and
 * runs of text whose box goes past the left or right edge, except inside a box that clips or scrolls its own
 * overflow (a table in a scroll container is the reflow-friendly way). Only the outermost overflowing element
 * of a branch is listed, with the widest thing inside it, so the list names culprits rather than every ancestor.
 */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  const found: string[] = [];
  const name = (e: Element) =>
    `${e.localName}${e.id ? `#${e.id}` : ''}${[...e.classList]
      .slice(0, 2)
      .map((c) => `.${c}`)
      .join('')}`;
  /** `host >>> … > parent > element`: the shadow hosts name the component, three levels place the element. */
  const where = (el: Element): string => {
    const parts = [name(el)];
    let parent = el.parentElement;
    const top = document.documentElement;
    while (parent && parent !== top && parts.length < 3) {
      parts.unshift(name(parent));
      parent = parent.parentElement;
    }
    if (parent && parent !== top) parts.unshift('…');
    let path = parts.join(' > ');
    let root = el.getRootNode();
    while (root instanceof ShadowRoot) {
      path = `${name(root.host)} >>> ${path}`;
      root = root.host.getRootNode();
    }
    return path;
  };
  const sticksOut = (rect: DOMRect) =>
    rect.width > 0 && rect.height > 0 && (rect.right > width + 0.5 || rect.left < -0.5);
  const box = (rect: DOMRect) => `${Math.round(rect.left)}…${Math.round(rect.right)} px`;
  /** The widest overflowing element or text under `root`, for the message. */
  const widest = (root: Element): string => {
    let best: { size: number; text: string } | undefined;
    const visit = (node: Node) => {
      for (const child of node instanceof Element && node.shadowRoot
        ? [...node.shadowRoot.childNodes, ...node.childNodes]
        : node.childNodes) {
        if (child instanceof Element) {
          const rect = child.getBoundingClientRect();
          if (sticksOut(rect) && (!best || rect.width > best.size))
            best = { size: rect.width, text: `${where(child)} [${box(rect)}]` };
          if (getComputedStyle(child).overflowX === 'visible') visit(child);
        } else if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) {
          const range = document.createRange();
          range.selectNodeContents(child);
          const rect = range.getBoundingClientRect();
          if (sticksOut(rect) && (!best || rect.width > best.size))
            best = {
              size: rect.width,
              text: `text "${child.textContent.trim().slice(0, 40)}" [${box(rect)}]`,
            };
        }
      }
    };
    visit(root);
    return best ? `; widest inside: ${best.text}` : '';
  };
  const visit = (node: Node) => {
    const children =
      node instanceof Element && node.shadowRoot
        ? [...node.shadowRoot.childNodes, ...node.childNodes]
        : [...node.childNodes];
    for (const child of children) {
      if (child instanceof Element) {
        if (child.localName === 'head') continue;
        const rect = child.getBoundingClientRect();
        const style = getComputedStyle(child);
        if (sticksOut(rect) && style.position !== 'fixed') {
          found.push(`${where(child)} [${box(rect)}]${widest(child)}`);
          continue;
        }
        if (style.overflowX === 'visible') visit(child);
      } else if (child.nodeType === Node.TEXT_NODE && child.textContent?.trim()) {
        const range = document.createRange();
        range.selectNodeContents(child);
        const rect = range.getBoundingClientRect();
        if (sticksOut(rect) && child.parentElement)
          found.push(
            `text "${child.textContent.trim().slice(0, 40)}" in ${where(child.parentElement)} [${box(rect)}]`,
          );
      }
    }
  };
  visit(document.body);
  return found.length > 15 ? [...found.slice(0, 15), `… and ${found.length - 15} more`] : found;
}

test('there are example pages to open', () => {
  assert.ok(pages.length >= 20, `${pages.length} pages`);
});

// Two pages at a time, one browser context each, opened once at 320 px: the whole file stays under three
// minutes on two busy cores.
describe('every example page', { concurrency: 2 }, () => {
  for (const path of pages) {
    test(path, async (t) => {
      const { page, problems, answer, close } = await site.open(path, NARROW);
      try {
        await t.test('is served with the strict CSP', () => {
          assert.equal(answer?.status(), 200);
          assert.match(answer?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
        });

        await t.test(`reflows at ${NARROW.width} CSS px without horizontal scroll`, async () => {
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth <= NARROW.width) return;
          // tsx compiles this file with esbuild's keepNames, which wraps named inner functions in a `__name`
          // helper that only exists in Node; give the page a no-op one before sending `overflowing` over.
          await page.evaluate('globalThis.__name ??= (fn) => fn');
          const culprits = await page.evaluate(overflowing);
          assert.fail(
            `${path} is ${scrollWidth} px wide at ${NARROW.width} px; sticking out:\n  ${culprits.join('\n  ') || '(nothing found: look for transforms or margins)'}`,
          );
        });

        // Both layouts: the narrow one has the scroll containers (which must take focus) and stacked tables,
        // the wide one the side-by-side filters and columns.
        for (const viewport of [NARROW, WIDE]) {
          await t.test(`axe reports no WCAG 2.x A/AA violation at ${viewport.width} px`, async () => {
            await page.setViewportSize(viewport);
            const violations = await axeViolations(page);
            assert.equal(violations.length, 0, `axe on ${path}:\n  ${violations.join('\n  ')}`);
          });
        }

        // Last, so that it also covers what happened on resizing and while axe ran (a CSP refusal is an error).
        await t.test('logs no console error, page error or failed request', () => {
          assert.deepEqual(problems, []);
        });
      } finally {
        await close();
      }
    });
  }
});
