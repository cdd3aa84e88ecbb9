// The example pages as `npm start` serves them, opened in Chromium under the server's own strict
// Content-Security-Policy, every page in every language (pages switching language by `?lang=` too). Each page
// loads without a console error or a CSP refusal and every Nassij element on it renders something; at 320 CSS
// px wide (WCAG 1.4.10 Reflow) nothing scrolls sideways, and the failure names what sticks out; axe reports
// no WCAG 2.0/2.1/2.2 A/AA violation, open shadow roots included, at 320 and at 1280 px.
// Needs the CDN build (`npm test` builds before the node suite).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Consultation, casablancaWallClock } from '@nassij/contract';
import { demoFixtures, signInAs, tempServer } from '@nassij/server/testing';
import type { AxeResults } from 'axe-core';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, newContextOnProcessClock } from '../scripts/lib/chromium.mjs';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLES = join(ROOT, 'examples');
const CDN = join(ROOT, 'packages', 'elements', 'dist', 'cdn');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
/** The rules of WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no `wcag22a` tag: 2.2 added AA rules only). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** WCAG 1.4.10: content reflows at 320 CSS px without scrolling in two dimensions. */
const NARROW = { width: 320, height: 640 };
/** Playwright's default viewport, a laptop screen. */
const WIDE = { width: 1280, height: 720 };

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

let server: Awaited<ReturnType<typeof tempServer>>;
let browser: Browser;
/**
 * How far ahead of the real time the server's clock runs: 0, except while a journey moves the platform to a
 * later day (contributions opening, then closed) and back.
 */
let clockAhead = 0;

before(async () => {
  assert.ok(existsSync(join(CDN, 'nassij.js')), `the CDN build is in ${relative(ROOT, CDN)}`);
  server = await tempServer({
    examplesDir: EXAMPLES,
    cdnDir: CDN,
    rateLimit: false,
    clock: () => new Date(Date.now() + clockAhead),
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Opens `path` in a fresh context (the CSP stays on: no `bypassCSP`) and waits until every Nassij element has
 * drawn into its shadow root and the network is quiet. `problems` collects console errors, page errors and
 * failed responses from the start.
 */
async function open(path: string, viewport: { width: number; height: number }) {
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
    const answer = await page.goto(`${server.url}${path}`);
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
      const { page, problems, answer, close } = await open(path, NARROW);
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

// The ministry intranet (/workspace/) as its staff use it: the element offers the platform's sign-in popup
// in the page's language; signed in there as the demo call manager, the page lists the ministry's calls
// (drafts included) and "Edit" opens the call editor below the list, its heading focused (or, on a server
// without the editor's bundle, says so and links the guide).
test('the workspace signs the call manager in through the popup, lists the ministry’s calls and opens the editor', async () => {
  const { page, problems, close } = await open('/workspace/fr/', WIDE);
  try {
    const manager = page.locator('nassij-call-manager');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      manager.locator('.sign-in-button').click(),
    ]);
    assert.equal(new URL(popup.url()).searchParams.get('lang'), 'fr');
    await popup.locator('#email').fill('ministry-manager@demo.nassij.ma');
    await popup.locator('#password').fill('demo-ministry-manager-2026');
    await popup.locator('#signin button[type="submit"]').click();
    const row = manager.locator(`li[data-call="${demoFixtures.calls.openEligible}"]`);
    await row.waitFor({ timeout: 15_000 });
    assert.match((await row.textContent()) ?? '', /Évaluateurs/);
    await row.locator('button[data-edit]').click();
    const heading = page.locator('#call-editor-title');
    await heading.waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.activeElement?.id === 'call-editor-title');
    const editor = page.locator('#call-editor nassij-call-editor');
    if ((await editor.count()) > 0) {
      assert.equal(await editor.getAttribute('call-id'), demoFixtures.calls.openEligible);
    } else {
      assert.ok(await page.locator('#call-editor-missing a').isVisible(), 'the page links the guide instead');
      // The editor's bundle is missing on this server: that 404 is the one expected failure.
      const expected = /call-editor\.js|Failed to load resource/;
      problems.splice(0, problems.length, ...problems.filter((p) => !expected.test(p)));
    }
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

// The ministry's consultation office (/consultation-office/) as its staff use it: the element offers the
// platform's sign-in popup in the page's language; signed in there as the demo consultation manager, it lists
// the ministry's consultations (the seeded draft law among them, published) and opens one in place, its
// text editable article by article and its version history below.
test('the consultation office signs the consultation manager in through the popup and opens the draft law', async () => {
  const { page, problems, close } = await open('/consultation-office/fr/', WIDE);
  try {
    const editor = page.locator('nassij-consultation-editor');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      editor.locator('.sign-in-button').click(),
    ]);
    assert.equal(new URL(popup.url()).searchParams.get('lang'), 'fr');
    await popup.locator('#email').fill('ministry-consultations@demo.nassij.ma');
    await popup.locator('#password').fill('demo-ministry-consultations-2026');
    await popup.locator('#signin button[type="submit"]').click();
    const row = editor.locator(`li[data-consultation="${demoFixtures.consultations.draftLaw}"]`);
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.getAttribute('data-state'), 'published');
    await row.locator('button.open').click();
    await editor.locator('.versions li').first().waitFor({ timeout: 15_000 });
    assert.ok((await editor.locator('li.article').count()) > 0, 'the articles of the text are editable');
    await page.waitForFunction(() => {
      const root = document.querySelector('nassij-consultation-editor')?.shadowRoot;
      return root?.activeElement?.id === 'co-title';
    });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

// The training department (/training-office/) as its staff use it: the element offers the platform's sign-in
// popup in the page's language; signed in there as the demo training manager, it lists the provincial
// council's courses (the seeded first course among them) with their sessions, and a session's desk opens in
// place with its attendance sheet, its heading focused.
test('the training office signs the training manager in through the popup and opens a session’s attendance sheet', async () => {
  const { page, problems, close } = await open('/training-office/fr/', WIDE);
  try {
    const manager = page.locator('nassij-session-manager');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      manager.locator('.sign-in-button').click(),
    ]);
    assert.equal(new URL(popup.url()).searchParams.get('lang'), 'fr');
    await popup.locator('#email').fill('training-manager@demo.nassij.ma');
    await popup.locator('#password').fill('demo-training-manager-2026');
    await popup.locator('#signin button[type="submit"]').click();
    const row = manager.locator(`li[data-course="${demoFixtures.courses.first}"]`);
    await row.waitFor({ timeout: 15_000 });
    assert.equal(await row.getAttribute('data-state'), 'published');
    await row.locator('button[data-desk]').first().click();
    await manager.locator('#sm-att-h').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => {
      const root = document.querySelector('nassij-session-manager')?.shadowRoot;
      return root?.activeElement?.id === 'sm-screen-h';
    });
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

/** Signs `account` in through the popup the element `host` offers; resolves once the popup has closed. */
async function signInThroughPopup(
  page: Page,
  host: Locator,
  account: { email: string; password: string },
): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), host.locator('.sign-in-button').click()]);
  await popup.locator('#email').fill(account.email);
  await popup.locator('#password').fill(account.password);
  await popup.locator('#signin button[type="submit"]').click();
  await popup.waitForEvent('close', { timeout: 15_000 });
}

/** `demoFixtures.accounts.ministryConsultationManager`, as the demo seed signs it in. */
const CONSULTATION_MANAGER = {
  email: 'ministry-consultations@demo.nassij.ma',
  password: 'demo-ministry-consultations-2026',
};
/** `demoFixtures.accounts.citizen`: a signed-in citizen's contribution is published at once. */
const CITIZEN = { email: 'citizen@demo.nassij.ma', password: 'demo-citizen-2026' };

/** A `datetime-local` value: the Casablanca wall clock `ms` after now, to the minute. */
const wallIn = (ms: number) =>
  casablancaWallClock(new Date(Date.now() + ms).toISOString())
    .toISOString()
    .slice(0, 16);

const MINUTE = 60_000;

// Issue 17's "done when", on the example pages themselves: the ministry's consultation manager creates a
// consultation from a pasted Arabic text and publishes it; once contributions open (the server's clock moved
// on), a citizen contributes on article 1 through the API; version 2 changes that article (the contribution
// stays marked as written on version 1); once contributions close (the clock moved past the closing date),
// the office links to the synthesis page, where the manager decides on the contribution and publishes the
// synthesis, which the public reading page then shows.
test('the consultation office runs a consultation from a pasted text to its published synthesis', async () => {
  const { page, problems, close } = await open('/consultation-office/fr/', WIDE);
  try {
    const editor = page.locator('nassij-consultation-editor');
    await signInThroughPopup(page, editor, CONSULTATION_MANAGER);
    await editor.locator('button.new-consultation').click();
    const titleAr = editor.locator('#f-title-ar');
    await titleAr.waitFor({ timeout: 15_000 });
    await titleAr.fill('مشروع قانون يتعلق بالتشاور المحلي');
    await editor.locator('#f-title-fr').fill('Projet de loi relatif à la consultation locale');
    await editor.locator('#f-summary-ar').fill('تحديد كيفيات التشاور على مستوى الجماعات.');
    await editor.locator('#f-summary-fr').fill('Modalités de la consultation au niveau des communes.');
    await editor.locator('#f-scope').check(); // national
    await editor.locator('#f-subjectType').selectOption('draft_law');
    await editor.locator('#f-participationMode').check(); // open to all
    await editor.locator('#f-domains').check();
    // Contributions open in ten minutes and close three hours later (the server's clock goes there below).
    await editor.locator('#f-phases-contributions_open').fill(wallIn(10 * MINUTE));
    await editor.locator('#f-phases-closed').fill(wallIn(3 * 60 * MINUTE));
    await editor
      .locator('#f-text-sections')
      .fill(
        'الباب الأول: أحكام عامة\nالمادة 1\nتنشر الجماعة مشروع القرار قبل ثلاثين يوما.\nالمادة 2\nتعقد الجماعة لقاء عموميا واحدا.',
      );
    assert.equal(await editor.locator('.preview').getAttribute('data-found'), '2');
    await editor.locator('button.import-send').click();
    await editor.locator('li.article[data-number="2"]').waitFor();
    await editor.locator('button.publish').click();
    await editor.locator('.versions li').first().waitFor({ timeout: 15_000 });
    const consultationId = (await editor.getAttribute('consultation-id')) ?? '';
    assert.match(consultationId, /^[a-z]+_[0-9a-z]+$/i);

    // Contributions open: a citizen recommends a change to article 1 of version 1.
    clockAhead = 15 * MINUTE;
    const v1 = (await (
      await fetch(`${server.url}/v1/consultations/${consultationId}`)
    ).json()) as Consultation;
    assert.equal(v1.phase, 'contributions_open');
    const article1 = v1.text?.sections[0]?.articles[0];
    assert.equal(article1?.number, '1');
    const citizen = await signInAs(server.url, CITIZEN.email, CITIZEN.password);
    const posted = await fetch(`${server.url}/v1/consultations/${consultationId}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen}` },
      body: JSON.stringify({
        kind: 'recommendation',
        articleId: article1?.id,
        body: 'نقترح رفع الأجل إلى خمسة وأربعين يوما.',
        consent: true,
      }),
    });
    assert.equal(posted.status, 201, await posted.clone().text());
    const { contribution } = (await posted.json()) as { contribution: { id: string; versionId: string } };
    assert.equal(contribution.versionId, v1.currentVersionId);

    // Version 2 changes article 1, with its public summary of the change.
    await editor
      .locator('#f-text-sections-0-articles-0-body-ar')
      .fill('تنشر الجماعة مشروع القرار قبل خمسة وأربعين يوما.');
    await editor.locator('button.open-version').click();
    await editor.locator('#version-summary-ar').fill('تمديد أجل النشر إلى خمسة وأربعين يوما.');
    await editor.locator('#version-summary-fr').fill('Délai de publication porté à quarante-cinq jours.');
    await editor.locator('button.send-version').click();
    await editor.locator('.versions li').nth(1).waitFor({ timeout: 15_000 });
    const v2 = (await (
      await fetch(`${server.url}/v1/consultations/${consultationId}`)
    ).json()) as Consultation;
    assert.equal(v2.versions.length, 2);
    assert.notEqual(v2.currentVersionId, contribution.versionId, 'the contribution stays on version 1');
    assert.equal(v2.text?.sections[0]?.articles[0]?.id, article1?.id, 'article 1 keeps its id');

    // Contributions closed: back in the list the consultation is closed, and it links to its synthesis.
    clockAhead = 4 * 60 * MINUTE;
    await editor.locator('button.back').click();
    const row = editor.locator(`li[data-consultation="${consultationId}"]`);
    await row.locator('.phase[data-phase="closed"]').waitFor({ timeout: 15_000 });
    await row.locator('button.open').click();
    const toSynthesis = editor.locator('a.synthesis-link');
    await toSynthesis.waitFor({ timeout: 15_000 });
    assert.equal(
      await toSynthesis.getAttribute('href'),
      `${server.url}/consultation-office/synthesis/fr/?consultation=${consultationId}`,
    );
    assert.equal(
      await editor.locator('a.public-link').getAttribute('href'),
      `${server.url}/consultations/fr/read.html?c=${consultationId}`,
    );
    await toSynthesis.click();
    await page.waitForURL(/\/consultation-office\/synthesis\/fr\/\?consultation=/);

    // The synthesis page reads the consultation from its address; signed in again (the token lives in the
    // page), the manager answers the recommendation and publishes.
    const synthesis = page.locator('nassij-synthesis-editor');
    await signInThroughPopup(page, synthesis, CONSULTATION_MANAGER);
    assert.equal(await synthesis.getAttribute('consultation-id'), consultationId);
    const candidate = synthesis.locator(`li.candidate[data-contribution="${contribution.id}"]`);
    await candidate.waitFor({ timeout: 15_000 });
    await synthesis.locator('#se-summary-fr').fill('Une recommandation reçue, retenue.');
    await synthesis.locator(`#se-${contribution.id}-outcome`).check(); // accepted
    await synthesis
      .locator(`#se-${contribution.id}-reason-fr`)
      .fill('Le délai est porté à quarante-cinq jours dans la version 2.');
    await synthesis.locator('button.publish').click();
    await page.waitForFunction(
      () => (document.querySelector('nassij-synthesis-editor') as { published?: boolean } | null)?.published,
      undefined,
      { timeout: 15_000 },
    );

    // The public reading page shows the synthesis, the recommendation with its outcome and reason.
    await page.goto(`${server.url}/consultations/fr/read.html?c=${consultationId}`);
    const publicPage = page.locator('nassij-consultation');
    const decided = publicPage.locator('.recommendation[data-outcome="accepted"]');
    await decided.waitFor({ timeout: 15_000 });
    assert.match((await decided.textContent()) ?? '', /quarante-cinq jours dans la version 2/);
    const read = (await (
      await fetch(`${server.url}/v1/consultations/${consultationId}`)
    ).json()) as Consultation;
    assert.equal(read.phase, 'synthesis_published');
    assert.deepEqual(problems, []);
  } finally {
    clockAhead = 0;
    await close();
  }
});
