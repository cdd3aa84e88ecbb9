// The example site as `npm start` serves it, for the tests that open it in Chromium: a test server on a fresh
// demo database serving examples/ and the CDN build, and one browser, both started before the file's tests
// and stopped after them. Pages open under the server's own strict Content-Security-Policy (no `bypassCSP`).
// Needs the CDN build (`npm test` builds before the node suite).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before } from 'node:test';
import { tempServer } from '@nassij/server/testing';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, newContextOnProcessClock } from '../../scripts/lib/chromium.mjs';

/** The repository's root. */
export const ROOT = join(import.meta.dirname, '..', '..');
/** The example pages' folder. */
export const EXAMPLES = join(ROOT, 'examples');
const CDN = join(ROOT, 'packages', 'elements', 'dist', 'cdn');

/** WCAG 1.4.10: content reflows at 320 CSS px without scrolling in two dimensions. */
export const NARROW = { width: 320, height: 640 };
/** Playwright's default viewport, a laptop screen. */
export const WIDE = { width: 1280, height: 720 };

/** A page of the site as {@link ExampleSite.open} opened it. */
export interface OpenedPage {
  page: Page;
  /** Console errors, page errors and failed responses, from the start. */
  problems: string[];
  /** The answer to the page's own request. */
  answer: Response | null;
  /** Closes the page's browser context. */
  close: () => Promise<void>;
}

/** The running site of a test file. */
export interface ExampleSite {
  /** The server's base URL. */
  readonly url: string;
  /**
   * Opens `path` in a fresh browser context and waits until every Nassij element has drawn into its shadow
   * root and the network is quiet.
   */
  open(path: string, viewport: { width: number; height: number }): Promise<OpenedPage>;
  /** A fresh browser context on the process's clock, for a journey that opens its own pages. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Starts the example site before the calling file's tests and stops it after them. `clock` is the server's
 * (a journey moves the platform to a later day); pages read the process's clock.
 *
 * @example
 * ```ts
 * const site = exampleSite();
 * test('the home page', async () => {
 *   const { page, close } = await site.open('/index.html', WIDE);
 *   try { assert.ok(await page.title()); } finally { await close(); }
 * });
 * ```
 */
export function exampleSite(options: { clock?: () => Date } = {}): ExampleSite {
  let server: Awaited<ReturnType<typeof tempServer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    assert.ok(existsSync(join(CDN, 'nassij.js')), `the CDN build is in ${relative(ROOT, CDN)}`);
    server = await tempServer({
      examplesDir: EXAMPLES,
      cdnDir: CDN,
      rateLimit: false,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const running = () => {
    if (!server || !browser) throw new Error('the example site starts before the first test');
    return { server, browser };
  };
  return {
    get url() {
      return running().server.url;
    },
    open: (path, viewport) => openPage(running().browser, `${running().server.url}${path}`, viewport),
    newContext: (contextOptions) => newContextOnProcessClock(running().browser, contextOptions),
  };
}

async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<OpenedPage> {
  const context = await newContextOnProcessClock(browser, { viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  try {
    const answer = await page.goto(url);
    await page
      .waitForFunction(
        () => {
          // The provider only hands a client to its children; it draws nothing itself.
          const elements = [...document.querySelectorAll('*')].filter(
            (e) => e.localName.startsWith('nassij-') && e.localName !== 'nassij-provider',
          );
          return elements.every(
            (e) => customElements.get(e.localName) && (e.shadowRoot?.textContent ?? '').trim(),
          );
        },
        undefined,
        { timeout: 15_000 },
      )
      .catch(async (error: Error) => {
        const empty = await page.evaluate(() =>
          [...document.querySelectorAll('*')]
            .filter(
              (e) =>
                e.localName.startsWith('nassij-') &&
                e.localName !== 'nassij-provider' &&
                !(e.shadowRoot?.textContent ?? '').trim(),
            )
            .map((e) => e.outerHTML.slice(0, 200)),
        );
        throw new Error(
          `${error.message}; still empty: ${empty.join(' | ')}; console: ${problems.join(' | ')}`,
        );
      });
    await page.waitForLoadState('networkidle');
    return { page, problems, answer, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Signs `account` in through the sign-in popup the element `host` offers; resolves once the popup has closed.
 * Answers the popup's address, to check the language it was opened in.
 *
 * @example
 * ```ts
 * await signInThroughPopup(page, page.locator('nassij-call-manager'), { email, password });
 * ```
 */
export async function signInThroughPopup(
  page: Page,
  host: Locator,
  account: { email: string; password: string },
): Promise<URL> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    host.locator('.sign-in-button, button.sign-in').first().click(),
  ]);
  const address = new URL(popup.url());
  await popup.locator('#email').fill(account.email);
  await popup.locator('#password').fill(account.password);
  await popup.locator('#signin button[type="submit"]').click();
  await popup.waitForEvent('close', { timeout: 15_000 });
  return address;
}
