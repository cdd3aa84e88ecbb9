// The example pages as `npm start` serves them, opened in Chromium under the server's own strict
// Content-Security-Policy: every page loads without a console error or a CSP violation, and every Nassij
// element on it renders something. Needs the CDN build (`npm test` builds before the node suite).
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { tempServer } from '@nassij/server/testing';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/lib/chromium.mjs';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const CDN = join(ROOT, 'packages', 'elements', 'dist', 'cdn');

const pages = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.html'))
  .map((name) => `/${name.replaceAll('\\', '/')}`)
  .sort();

let server: Awaited<ReturnType<typeof tempServer>>;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(CDN, 'nassij.js')), `the CDN build is in ${relative(ROOT, CDN)}`);
  server = await tempServer({ examplesDir: EXAMPLES, cdnDir: CDN, rateLimit: false });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('there are example pages to open', () => {
  assert.ok(pages.length >= 20, `${pages.length} pages`);
});

for (const path of pages) {
  test(`${path} renders under the strict CSP without a console error`, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    try {
      const answer = await page.goto(`${server.url}${path}`);
      assert.equal(answer?.status(), 200);
      assert.match(answer?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      // Every Nassij element upgrades and draws into its shadow root.
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
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
}
