import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LOCALES, PASSWORD_MIN_LENGTH } from '@nassij/contract';
import { tempServer } from '../../testing.js';
import { PAGE_CSP } from './layout.js';
import { PAGE_TEXTS, SCRIPT_MESSAGE_KEYS } from './messages.js';
import { PASSWORD_POLICY_MODULE } from './password-policy-module.js';

let server: Awaited<ReturnType<typeof tempServer>>;
before(async () => {
  server = await tempServer({ areas: [], corsOrigins: ['https://region.example'] });
});
after(() => server.stop());

const HOSTILE = 'a"><script>alert(1)</script><img src=x onerror=alert(2)>';

/** Every `<script>` loads the one external script; no inline script, style or handler attribute. */
function assertNoInlineCode(html: string): void {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scripts, ['<script type="module" src="/auth/popup.js">']);
  // Attribute values set aside (an escaped token may spell `onerror=` harmlessly inside one).
  const markup = html.replace(/="[^"]*"/g, '=""');
  assert.doesNotMatch(markup, /<script>|<style|\sstyle=|\son[a-z]+=/i, 'no inline script, style or handler');
}

/** Every `aria-describedby`, `aria-labelledby`, `aria-controls` and `label[for]` names an element of the page. */
function assertReferencesResolve(html: string): void {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
  const references = [
    ...[...html.matchAll(/\s(?:aria-describedby|aria-labelledby|aria-controls|for)="([^"]+)"/g)].flatMap(
      (match) => (match[1] ?? '').split(' '),
    ),
  ];
  assert.ok(references.length > 0);
  for (const reference of references) assert.ok(ids.has(reference), `#${reference} exists`);
  assert.equal(ids.size, [...html.matchAll(/\sid="([^"]+)"/g)].length, 'ids are unique');
}

async function page(path: string): Promise<{ response: Response; html: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { response, html: await response.text() };
}

function assertPageHeaders(response: Response): void {
  assert.equal(response.headers.get('content-security-policy'), PAGE_CSP);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(response.headers.get('x-frame-options'), 'DENY');
  assert.equal(response.headers.get('set-cookie'), null);
}

test('the verify page is Arabic and right to left by default, under the strict CSP, and confirms nothing on GET', async () => {
  const { response, html } = await page('/auth/verify?token=tok-abc_123');
  assert.equal(response.status, 200);
  assertPageHeaders(response);
  assert.match(html, /<html lang="ar" dir="rtl">/);
  assert.match(html, /<h1 id="verify-title" tabindex="-1">تأكيد عنوان بريدك الإلكتروني<\/h1>/);
  assert.match(
    html,
    /<form id="verify" novalidate data-token="tok-abc_123">\n<button type="submit">تأكيد عنواني<\/button>/,
  );
  assert.match(
    html,
    /<section id="view-newlink" data-view-name="newlink" aria-labelledby="newlink-title" hidden>/,
  );
  assertNoInlineCode(html);
  assertReferencesResolve(html);
});

test('each language gets its lang and direction; Tamazight is tagged with its script', async () => {
  const expected = {
    ar: 'lang="ar" dir="rtl"',
    fr: 'lang="fr" dir="ltr"',
    zgh: 'lang="zgh-Tfng" dir="ltr"',
    en: 'lang="en" dir="ltr"',
  };
  for (const lang of LOCALES) {
    for (const path of ['/auth/verify', '/auth/reset']) {
      const { html } = await page(`${path}?token=tok-1&lang=${lang}`);
      assert.match(html, new RegExp(`<html ${expected[lang]}>`), `${path} in ${lang}`);
      assert.ok(
        html.includes(
          `<title>${path === '/auth/verify' ? PAGE_TEXTS[lang].verifyTitle : PAGE_TEXTS[lang].resetTitle}</title>`,
        ),
      );
    }
  }
});

test('a hostile token is escaped and a hostile language is refused without being echoed', async () => {
  for (const path of ['/auth/verify', '/auth/reset']) {
    const { response, html } = await page(`${path}?token=${encodeURIComponent(HOSTILE)}&lang=fr`);
    assert.equal(response.status, 200);
    assert.ok(
      html.includes(
        'data-token="a&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=x onerror=alert(2)&#62;"',
      ),
    );
    assert.doesNotMatch(html, /alert\(1\)<\/script>|<img/);
    assertNoInlineCode(html);

    const refused = await fetch(`${server.url}${path}?token=tok-1&lang=${encodeURIComponent('"><b>x')}`);
    assert.equal(refused.status, 422);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const body = await refused.text();
    assert.doesNotMatch(body, /<b>/);
    assert.equal((JSON.parse(body) as { code: string }).code, 'validation_failed');
  }
});

test('a link without a token opens on the way to a new link, in the requested language', async () => {
  const verify = await page('/auth/verify?lang=en');
  assert.equal(verify.response.status, 200);
  assertPageHeaders(verify.response);
  assert.match(
    verify.html,
    /<section id="view-verify" data-view-name="verify" aria-labelledby="verify-title" hidden>/,
  );
  assert.match(
    verify.html,
    /<section id="view-newlink" data-view-name="newlink" aria-labelledby="newlink-title">/,
  );
  assert.ok(verify.html.includes(`data-code="link_invalid">${PAGE_TEXTS.en.link_invalid}</p>`));
  assert.match(verify.html, /<form id="newlink" novalidate data-action="resend">/);

  const reset = await page('/auth/reset?token=&lang=fr');
  assert.equal(reset.response.status, 200);
  assert.match(reset.html, /<form id="newlink" novalidate data-action="forgot">/);
  assert.ok(reset.html.includes('Ce lien n’est pas valide.'));
});

test('the reset page asks for a new password with the policy as a hint, a toggle and a live check', async () => {
  const { response, html } = await page('/auth/reset?token=tok-1&lang=en');
  assert.equal(response.status, 200);
  assertPageHeaders(response);
  assert.match(
    html,
    /<input id="reset-password" name="password" type="password" autocomplete="new-password" dir="ltr"[^>]* required aria-describedby="reset-password-hint reset-password-check reset-password-error">/,
  );
  assert.ok(
    html.includes(`<p class="hint" id="reset-password-hint">At least ${PASSWORD_MIN_LENGTH} characters.`),
  );
  assert.match(
    html,
    /<p class="check" id="reset-password-check" data-password-check="reset-password" aria-live="polite"><\/p>/,
  );
  assert.match(
    html,
    /<button type="button" class="toggle" data-toggle="reset-password" aria-controls="reset-password" aria-pressed="false">Show password<\/button>/,
  );
  assertReferencesResolve(html);
});

test('the popup has sign-up, forgotten password and new link views with the right autocomplete', async () => {
  const { response, html } = await page('/auth/popup?origin=https://region.example&state=state-1234&lang=fr');
  assert.equal(response.status, 200);
  assertPageHeaders(response);
  const inputs = [
    ...html.matchAll(/<input id="([^"]+)" name="([^"]+)" type="([^"]+)" autocomplete="([^"]+)"/g),
  ].map((match) => match.slice(1).join(' '));
  assert.deepEqual(inputs, [
    'email email email username',
    'password password password current-password',
    'signup-displayName displayName text name',
    'signup-email email email email',
    'signup-password password password new-password',
    'forgot-email email email email',
    'resend-email email email email',
  ]);
  // Sign-in comes first and is the only view shown when the page opens.
  const views = [...html.matchAll(/<section id="view-([a-z]+)"[^>]*?( hidden)?>/g)].map(
    (match) => `${match[1]}${match[2] ?? ''}`,
  );
  assert.deepEqual(views, ['signin', 'signup hidden', 'checkmail hidden', 'forgot hidden', 'resend hidden']);
  assert.ok(html.includes('<button type="button" class="link" data-view="signup">Créer un compte</button>'));
  assert.ok(
    html.includes(
      '<button type="button" class="secondary" data-resend-from="email">Renvoyer le message</button>',
    ),
  );
  assert.match(html, /<form id="signup" novalidate data-locale="fr">/);
  assertNoInlineCode(html);
  assertReferencesResolve(html);
});

test('the popup escapes the state and shows the origin isolated in the text', async () => {
  const { html } = await page(
    `/auth/popup?origin=https://region.example&state=${encodeURIComponent('s"><script>x</script>1234')}&lang=en`,
  );
  assert.ok(html.includes('data-state="s&#34;&#62;&#60;script&#62;x&#60;/script&#62;1234"'));
  assert.ok(html.includes('The site <bdi>https://region.example</bdi> asks you to sign in.'));
  assertNoInlineCode(html);
});

test('the script, stylesheet and policy module are served; the stylesheet uses logical properties only', async () => {
  const script = await fetch(`${server.url}/auth/popup.js`);
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const source = await script.text();
  assert.match(source, /import\('\.\/password-policy\.js'\)/);
  assert.match(source, /'\/v1\/accounts\/email-verification'/);

  const policy = await fetch(`${server.url}/auth/password-policy.js`);
  assert.equal(policy.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(await policy.text(), PASSWORD_POLICY_MODULE);

  const style = await (await fetch(`${server.url}/auth/popup.css`)).text();
  assert.doesNotMatch(
    style,
    /(?:^|[\s;{])(?:margin|padding|border)-(?:left|right)\b|(?:^|[\s;{])(?:left|right):|text-align:\s*(?:left|right)/,
  );
  assert.match(style, /margin-inline/);
});

test('the pages appear in the OpenAPI document', async () => {
  const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
    paths: Record<string, { get?: { operationId?: string } }>;
  };
  assert.equal(document.paths['/auth/verify']?.get?.operationId, 'auth.verifyPage');
  assert.equal(document.paths['/auth/reset']?.get?.operationId, 'auth.resetPage');
});

test('every language has every sentence, with the placeholders of the Arabic source', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{[a-z]+\}/g)].map((match) => match[0]).sort();
  for (const lang of LOCALES) {
    for (const [key, source] of Object.entries(PAGE_TEXTS.ar)) {
      const text = PAGE_TEXTS[lang][key as keyof typeof PAGE_TEXTS.ar];
      assert.ok(text?.trim(), `${lang}.${key}`);
      assert.deepEqual(placeholders(text), placeholders(source), `${lang}.${key} placeholders`);
    }
    if (lang === 'zgh') {
      // Tamazight in Tifinagh: no Latin or Arabic letters besides the example address and the placeholders.
      for (const text of Object.values(PAGE_TEXTS.zgh)) {
        assert.doesNotMatch(text.replace(/\{[a-z]+\}|name@example\.ma/g, ''), /[A-Za-z\u0600-\u06ff]/, text);
      }
    }
  }
  for (const key of SCRIPT_MESSAGE_KEYS) assert.ok(key in PAGE_TEXTS.ar);
});
