// Account journeys in real Chromium (playwright-core over Debian's Chromium) against a real server: the popup
// opened by a page of another origin, the pages the links of the outbox open, keyboard only, with axe
// (WCAG 2.2 AA) on every view and a 320 px wide window throughout.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { listMail } from '../../mail/outbox.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { signInAs, tempServer } from '../../testing.js';
import { PAGE_TEXTS } from './messages.js';

const { CHROMIUM_ARGS, CHROMIUM_PATH, newContextOnProcessClock } = (await import(
  new URL('../../../../../scripts/lib/chromium.mjs', import.meta.url).href
)) as {
  CHROMIUM_ARGS: string[];
  CHROMIUM_PATH: string;
  newContextOnProcessClock: (browser: Browser, options?: BrowserContextOptions) => Promise<BrowserContext>;
};
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const HOUR = 3_600_000;

let browser: Browser;
let opener: Server;
let openerOrigin: string;
let server: Awaited<ReturnType<typeof tempServer>>;
/** Moves the server's clock (links expire on it). */
let clockOffset = 0;

before(async () => {
  // The embedding site: another origin, allowlisted, whose page opens the popup.
  opener = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="fr"><title>Région</title><h1>Région</h1></html>');
  });
  await new Promise<void>((ready) => opener.listen(0, '127.0.0.1', ready));
  openerOrigin = `http://127.0.0.1:${(opener.address() as AddressInfo).port}`;
  server = await tempServer({
    corsOrigins: [openerOrigin],
    clock: () => new Date(Date.now() + clockOffset),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((done) => opener?.close(done));
});

async function newContext(): Promise<BrowserContext> {
  return newContextOnProcessClock(browser, { viewport: { width: 320, height: 640 } });
}

/** axe-core in the page (evaluated over the DevTools protocol, which the page's CSP does not govern). */
async function assertAccessible(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} } })
       .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
  )) as string[];
  assert.deepEqual(violations, [], `axe on ${where}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} fits 320 px (overflows by ${overflow} px)`);
}

async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '';
    return element.id || `${element.tagName.toLowerCase()}:${element.textContent?.trim() ?? ''}`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until `selector` has focus, and answers the ids (or tag:text) passed on the way:
 * the journeys reach every control by keyboard, never by a click or a programmatic focus.
 */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<string[]> {
  const path: string[] = [];
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press(key);
    path.push(await focused(page));
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return path;
  }
  throw new Error(`Tab never reached ${selector}; went through ${path.join(' → ')}`);
}

async function visibleText(page: Page, selector: string): Promise<string> {
  await page.waitForFunction((s) => {
    const element = document.querySelector(s) as HTMLElement | null;
    return element !== null && !element.closest('[hidden]') && (element.textContent ?? '').trim() !== '';
  }, selector);
  return (await page.textContent(selector))?.trim() ?? '';
}

/** Opens the popup from the embedding page, as the SDK does, collecting what it posts back. */
async function openPopup(context: BrowserContext, lang: string): Promise<{ site: Page; popup: Page }> {
  const site = await context.newPage();
  await site.goto(openerOrigin);
  await site.evaluate(() => {
    const received: unknown[] = [];
    (window as unknown as { received: unknown[] }).received = received;
    window.addEventListener('message', (event) => received.push({ origin: event.origin, data: event.data }));
  });
  const url = `${server.url}/auth/popup?origin=${encodeURIComponent(openerOrigin)}&state=state-p18-journey&lang=${lang}`;
  const [popup] = await Promise.all([
    site.waitForEvent('popup'),
    site.evaluate((href) => void window.open(href, 'nassij', 'popup,width=320,height=640'), url),
  ]);
  await popup.waitForLoadState();
  await popup.setViewportSize({ width: 320, height: 640 });
  return { site, popup };
}

/** The newest link to `path` in the messages sent to `to`. */
async function linkFromOutbox(to: string, path: '/auth/verify' | '/auth/reset'): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s<>"]+${path}\\?token=[^\\s<>"]+`);
  for (const mail of await listMail(server.db, { to })) {
    const link = pattern.exec(mail.text)?.[0];
    if (link) return link;
  }
  throw new Error(`no ${path} link sent to ${to}`);
}

/** Signs in through the popup with the keyboard and answers what the embedding page received. */
async function signInWithKeyboard(site: Page, popup: Page, email: string, password: string) {
  assert.equal(await popup.inputValue('#email'), email, 'the address typed earlier follows to sign-in');
  await tabTo(popup, '#password');
  await popup.keyboard.type(password);
  const closed = popup.waitForEvent('close');
  await popup.keyboard.press('Enter');
  await closed;
  return (await site.evaluate(() => (window as unknown as { received: unknown[] }).received)) as {
    origin: string;
    data: { type: string; token: string; state: string };
  }[];
}

test('sign up in Arabic in the popup, confirm from the mail, then sign in: the token reaches the site', async () => {
  const context = await newContext();
  const { site, popup } = await openPopup(context, 'ar');
  const ar = PAGE_TEXTS.ar;
  assert.equal(await popup.getAttribute('html', 'dir'), 'rtl');
  await assertAccessible(popup, 'popup sign-in (ar)');

  // Keyboard only: from the sign-in form down to "Create an account".
  const toSignUp = await tabTo(popup, '[data-view="signup"]');
  assert.deepEqual(toSignUp.slice(0, 4), [
    'email',
    'password',
    'button:إظهار كلمة المرور',
    'button:تسجيل الدخول',
  ]);
  await popup.keyboard.press('Enter');
  assert.equal(await focused(popup), 'signup-title');
  assert.equal(await popup.title(), ar.signUpTitle);
  const order = await tabTo(popup, '[data-view="signin"]');
  assert.deepEqual(order, [
    'signup-displayName',
    'signup-email',
    'signup-password',
    'button:إظهار كلمة المرور',
    'button:إنشاء حسابي',
    `button:${ar.toSignIn}`,
  ]);

  // A short password: the live check says so; sending anyway shows the summary, nothing typed is lost.
  await tabTo(popup, '#signup-displayName', 'Shift+Tab');
  await popup.keyboard.type('أمينة بنعلي');
  await tabTo(popup, '#signup-email');
  await popup.keyboard.type('amina.benali@example.ma');
  await tabTo(popup, '#signup-password');
  await popup.keyboard.type('argan');
  assert.equal(
    await visibleText(popup, '#signup-password-check'),
    'يجب أن تتكون كلمة المرور من 15 حرفًا على الأقل',
  );
  await popup.keyboard.press('Enter');
  assert.equal(await focused(popup), 'signup-errors');
  assert.equal(await popup.getAttribute('#signup-password', 'aria-invalid'), 'true');
  await assertAccessible(popup, 'sign-up with an error (ar)');
  await tabTo(popup, '#signup-errors a[href="#signup-password"]');
  await popup.keyboard.press('Enter');
  assert.equal(await focused(popup), 'signup-password');
  assert.equal(await popup.inputValue('#signup-displayName'), 'أمينة بنعلي');
  assert.equal(await popup.inputValue('#signup-email'), 'amina.benali@example.ma');

  // The show-password toggle, then a good password.
  await tabTo(popup, '[data-toggle="signup-password"]');
  await popup.keyboard.press('Space');
  assert.equal(await popup.getAttribute('#signup-password', 'type'), 'text');
  assert.equal(await popup.getAttribute('[data-toggle="signup-password"]', 'aria-pressed'), 'true');
  await tabTo(popup, '#signup-password', 'Shift+Tab');
  await popup.keyboard.press('ControlOrMeta+A');
  await popup.keyboard.type('أشجار الزيتون في وادي سوس');
  assert.equal(await visibleText(popup, '#signup-password-check'), ar.passwordOk);
  await popup.keyboard.press('Enter');
  assert.equal(
    await visibleText(popup, '#checkmail-text'),
    ar.checkMail.replace('{email}', 'amina.benali@example.ma'),
  );
  assert.equal(await focused(popup), 'checkmail-title');
  assert.equal(await popup.getAttribute('#signup-password', 'type'), 'password', 'hidden again once sent');
  await assertAccessible(popup, 'check your mail (ar)');

  // Signing in before confirming: the API says email_not_verified; the popup offers to resend.
  await tabTo(popup, '[data-view="signin"]');
  await popup.keyboard.press('Enter');
  assert.equal(await popup.inputValue('#email'), 'amina.benali@example.ma', 'the address follows');
  await tabTo(popup, '#password');
  await popup.keyboard.type('أشجار الزيتون في وادي سوس');
  await popup.keyboard.press('Enter');
  assert.equal(await visibleText(popup, '#status'), ar.email_not_verified);
  await tabTo(popup, '[data-resend-from="email"]');
  await popup.keyboard.press('Enter');
  assert.equal(await visibleText(popup, '#status'), ar.resent.replace('{email}', 'amina.benali@example.ma'));
  await assertAccessible(popup, 'sign-in of an unverified account (ar)');

  // The link of the (newest) message opens the confirmation page; GET alone confirms nothing.
  const link = await linkFromOutbox('amina.benali@example.ma', '/auth/verify');
  const verify = await context.newPage();
  await verify.goto(link);
  assert.equal(await verify.getAttribute('html', 'lang'), 'ar');
  await assertAccessible(verify, 'verify page (ar)');
  const before = await server.db.one<{ verified: string | null }>(
    'SELECT email_verified_at AS verified FROM accounts WHERE email = ?',
    ['amina.benali@example.ma'],
  );
  assert.equal(before?.verified, null, 'opening the link does not confirm');
  await tabTo(verify, '#verify button[type="submit"]');
  await verify.keyboard.press('Enter');
  assert.equal(await visibleText(verify, '#verified-text'), ar.verified);
  assert.equal(await focused(verify), 'verified-title');
  await assertAccessible(verify, 'address confirmed (ar)');

  // The same link again: used, and the way to a new one.
  const again = await context.newPage();
  await again.goto(link);
  await tabTo(again, '#verify button[type="submit"]');
  await again.keyboard.press('Enter');
  assert.equal(await visibleText(again, '#newlink-reason'), ar.link_used);
  await assertAccessible(again, 'used link (ar)');

  // Back in the popup: sign in; the token goes to the site's origin with its state, and the popup closes.
  const received = await signInWithKeyboard(
    site,
    popup,
    'amina.benali@example.ma',
    'أشجار الزيتون في وادي سوس',
  );
  assert.equal(received.length, 1);
  assert.equal(received[0]?.origin, new URL(server.url).origin);
  assert.equal(received[0]?.data.type, 'nassij:auth');
  assert.equal(received[0]?.data.state, 'state-p18-journey');
  const me = await fetch(`${server.url}/v1/auth/me`, {
    headers: { authorization: `Bearer ${received[0]?.data.token}` },
  });
  assert.equal(((await me.json()) as { email: string }).email, 'amina.benali@example.ma');
  await context.close();
});

test('forgotten password in French: a neutral answer, the reset page, then sign in with the new password', async () => {
  const context = await newContext();
  const { site, popup } = await openPopup(context, 'fr');
  const fr = PAGE_TEXTS.fr;
  const { email, password: oldPassword } = DEMO_ACCOUNTS.citizen;

  await tabTo(popup, '[data-view="forgot"]');
  await popup.keyboard.press('Enter');
  assert.equal(await focused(popup), 'forgot-title');
  await tabTo(popup, '#forgot-email');
  // An address with no account first: the answer is the same sentence.
  await popup.keyboard.type('personne@example.ma');
  await popup.keyboard.press('Enter');
  assert.equal(
    await visibleText(popup, '#forgot-status'),
    fr.forgotSent.replace('{email}', 'personne@example.ma'),
  );
  assert.equal(await focused(popup), 'forgot-email');
  await popup.keyboard.press('ControlOrMeta+A');
  await popup.keyboard.type(email);
  await popup.keyboard.press('Enter');
  await popup.waitForFunction(
    (address) => document.getElementById('forgot-status')?.textContent?.includes(address),
    email,
  );
  assert.equal(await visibleText(popup, '#forgot-status'), fr.forgotSent.replace('{email}', email));
  await assertAccessible(popup, 'forgotten password (fr)');
  assert.deepEqual(
    await listMail(server.db, { to: 'personne@example.ma' }),
    [],
    'nothing goes to a stranger',
  );

  const reset = await context.newPage();
  // The message speaks the account's language (Arabic here); the page follows the link's `lang`.
  const resetLink = new URL(await linkFromOutbox(email, '/auth/reset'));
  assert.equal(resetLink.searchParams.get('lang'), DEMO_ACCOUNTS.citizen.locale);
  resetLink.searchParams.set('lang', 'fr');
  await reset.goto(resetLink.href);
  assert.equal(await reset.getAttribute('html', 'dir'), 'ltr');
  await assertAccessible(reset, 'reset page (fr)');
  await tabTo(reset, '#reset-password');
  await reset.keyboard.type('motdepasse');
  assert.equal(
    await visibleText(reset, '#reset-password-check'),
    fr.password_too_short.replace('{min}', '15'),
  );
  await reset.keyboard.press('Enter');
  assert.equal(await focused(reset), 'reset-errors');
  await tabTo(reset, '#reset-errors a[href="#reset-password"]');
  await reset.keyboard.press('Enter');
  assert.equal(await focused(reset), 'reset-password');
  assert.equal(await reset.inputValue('#reset-password'), 'motdepasse', 'what was typed is kept');
  await reset.keyboard.press('ControlOrMeta+A');
  await reset.keyboard.type('un verger d’arganiers près de Taroudant!');
  assert.equal(await visibleText(reset, '#reset-password-check'), fr.passwordOk);
  await reset.keyboard.press('Enter');
  assert.equal(await visibleText(reset, '#view-resetdone p'), fr.resetDone);
  assert.equal(await focused(reset), 'resetdone-title');
  await assertAccessible(reset, 'password changed (fr)');

  const old = await fetch(`${server.url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: oldPassword }),
  });
  assert.equal(old.status, 401, 'the old password no longer works');

  await tabTo(popup, '[data-view="signin"]');
  await popup.keyboard.press('Enter');
  assert.equal(await popup.inputValue('#email'), email);
  const received = await signInWithKeyboard(site, popup, email, 'un verger d’arganiers près de Taroudant!');
  assert.equal(received.length, 1);
  assert.equal(received[0]?.data.state, 'state-p18-journey');
  assert.match(received[0]?.data.token ?? '', /^[A-Za-z0-9_-]{43}$/);
  await context.close();
});

test('expired links in English and Tamazight say so and lead to a new link', async () => {
  const context = await newContext();
  const json = { 'content-type': 'application/json' };
  const { email } = DEMO_ACCOUNTS.member;
  const asked = await fetch(`${server.url}/v1/accounts/password-reset`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email }),
  });
  assert.equal(asked.status, 202);
  const signedUp = await fetch(`${server.url}/v1/accounts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      email: 'yuba.amazigh@example.ma',
      password: 'ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵉⵖⵓⴷⴰⵏ',
      displayName: 'ⵢⵓⴱⴰ',
      locale: 'zgh',
    }),
  });
  assert.equal(signedUp.status, 202);
  const resetLink = new URL(await linkFromOutbox(email, '/auth/reset'));
  resetLink.searchParams.set('lang', 'en');
  const verifyLink = await linkFromOutbox('yuba.amazigh@example.ma', '/auth/verify');
  // The verification link lives 24 h and the reset link 1 h: 25 h later both are dead.
  clockOffset += 25 * HOUR;
  try {
    const reset = await context.newPage();
    await reset.goto(resetLink.href);
    await tabTo(reset, '#reset-password');
    await reset.keyboard.type('a fresh sentence about cedar forests');
    await reset.keyboard.press('Enter');
    assert.equal(await visibleText(reset, '#newlink-reason'), PAGE_TEXTS.en.link_expired);
    assert.equal(await focused(reset), 'newlink-title');
    assert.equal(await reset.inputValue('#newlink-email'), '');
    await assertAccessible(reset, 'expired reset link (en)');
    await tabTo(reset, '#newlink-email');
    await reset.keyboard.type(email);
    await reset.keyboard.press('Enter');
    assert.equal(
      await visibleText(reset, '#newlink-status'),
      PAGE_TEXTS.en.forgotSent.replace('{email}', email),
    );

    const verify = await context.newPage();
    await verify.goto(verifyLink);
    assert.equal(await verify.getAttribute('html', 'lang'), 'zgh-Tfng');
    await tabTo(verify, '#verify button[type="submit"]');
    await verify.keyboard.press('Enter');
    assert.equal(await visibleText(verify, '#newlink-reason'), PAGE_TEXTS.zgh.link_expired);
    await assertAccessible(verify, 'expired verification link (zgh)');
    await tabTo(verify, '#newlink-email');
    await verify.keyboard.type('yuba.amazigh@example.ma');
    await verify.keyboard.press('Enter');
    assert.equal(
      await visibleText(verify, '#newlink-status'),
      PAGE_TEXTS.zgh.resent.replace('{email}', 'yuba.amazigh@example.ma'),
    );
  } finally {
    clockOffset -= 25 * HOUR;
  }
  await context.close();
});

test('the link of a change of address uses the same page, worded for a new address', async () => {
  const context = await newContext();
  const { email, password } = DEMO_ACCOUNTS.representative;
  const token = await signInAs(server.url, email, password);
  const changed = await fetch(`${server.url}/v1/auth/me/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ email: 'nouvelle.adresse@example.ma', password }),
  });
  assert.equal(changed.status, 202);
  const link = new URL(await linkFromOutbox('nouvelle.adresse@example.ma', '/auth/verify'));
  link.searchParams.set('lang', 'en');
  const verify = await context.newPage();
  await verify.goto(link.href);
  await tabTo(verify, '#verify button[type="submit"]');
  await verify.keyboard.press('Enter');
  assert.equal(await visibleText(verify, '#verified-text'), PAGE_TEXTS.en.verifiedChanged);
  await assertAccessible(verify, 'new address confirmed (en)');
  const me = await fetch(`${server.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(((await me.json()) as { email: string }).email, 'nouvelle.adresse@example.ma');
  await context.close();
});

test('the Tamazight popup views and the refused page pass axe at 320 px', async () => {
  const context = await newContext();
  const { popup } = await openPopup(context, 'zgh');
  assert.equal(await popup.getAttribute('html', 'lang'), 'zgh-Tfng');
  for (const view of ['signup', 'forgot', 'resend']) {
    await tabTo(popup, `#view-signin [data-view="${view}"]`);
    await popup.keyboard.press('Enter');
    assert.equal(await focused(popup), `${view}-title`);
    await assertAccessible(popup, `popup ${view} (zgh)`);
    await tabTo(popup, `#view-${view} [data-view="signin"]`);
    await popup.keyboard.press('Enter');
    assert.equal(await focused(popup), 'signin-title');
  }
  const refused = await context.newPage();
  const response = await refused.goto(
    `${server.url}/auth/popup?origin=https://evil.example&state=state-p18-refused&lang=ar`,
  );
  assert.equal(response?.status(), 403);
  await assertAccessible(refused, 'refused origin (ar)');
  await context.close();
});
