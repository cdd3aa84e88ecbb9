// The pages a subscription message's links open. Like the account pages (auth/pages), they are rendered by
// the server in the reader's language with `lang`/`dir`, a strict CSP and no inline script; here no script
// at all: a plain form whose button POSTs the token back, since opening a link must change nothing (mail
// scanners fetch every link of a message).
import { LOCALES, type Locale } from '@nassij/contract';
import { escapeHtml } from '../../auth/pages/layout.js';
import { htmlPage } from '../../http/html-page.js';
import { SUBSCRIPTION_TEXTS } from './messages.js';

/** No script may run, forms post only to this origin, the page is never framed. */
export const SUBSCRIPTION_PAGE_CSP =
  "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers of every subscription page: they carry tokens, so nothing is cached, referred or framed. */
export const SUBSCRIPTION_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': SUBSCRIPTION_PAGE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * The language a page was asked in (`?lang=`), Arabic when absent or unknown.
 *
 * @example
 * ```ts
 * pageLocale('fr'); // 'fr'
 * pageLocale('xx'); // 'ar'
 * ```
 */
export function pageLocale(lang: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : 'ar';
}

function shell(lang: Locale, title: string, main: string): string {
  return htmlPage({ locale: lang, title, stylesheet: '/auth/popup.css', main });
}

/** Which page: the confirmation of a subscription or its end. */
export type SubscriptionPage = 'confirm' | 'unsubscribe';

/**
 * The page a link opens: a title, a sentence and a button that POSTs the token to the same address. A
 * missing or malformed token shows that the link is not valid, with no form.
 *
 * @example
 * ```ts
 * const html = actionPage('confirm', 'fr', token);
 * ```
 */
export function actionPage(page: SubscriptionPage, lang: Locale, token: string | undefined): string {
  const t = SUBSCRIPTION_TEXTS[lang];
  const title = page === 'confirm' ? t.pageConfirmTitle : t.pageUnsubscribeTitle;
  if (!token)
    return shell(
      lang,
      title,
      `<h1>${escapeHtml(title)}</h1>\n<p class="problem">${escapeHtml(t.pageLinkInvalid)}</p>`,
    );
  const intro = page === 'confirm' ? t.pageConfirmIntro : t.pageUnsubscribeIntro;
  const button = page === 'confirm' ? t.pageConfirmButton : t.pageUnsubscribeButton;
  return shell(
    lang,
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(intro)}</p>
<form method="post" action="/subscriptions/${page}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="lang" value="${lang}">
<button type="submit">${escapeHtml(button)}</button>
</form>`,
  );
}

/** How a POST from a page ended. */
export type PageOutcome = 'done' | 'link_invalid' | 'link_expired' | 'link_used';

/**
 * The page after the button: done, or why not.
 *
 * @example
 * ```ts
 * const html = outcomePage('unsubscribe', 'ar', 'done');
 * ```
 */
export function outcomePage(page: SubscriptionPage, lang: Locale, outcome: PageOutcome): string {
  const t = SUBSCRIPTION_TEXTS[lang];
  if (outcome === 'done') {
    const title = page === 'confirm' ? t.pageConfirmedTitle : t.pageUnsubscribedTitle;
    const text = page === 'confirm' ? t.pageConfirmed : t.pageUnsubscribed;
    return shell(lang, title, `<h1>${escapeHtml(title)}</h1>\n<p role="status">${escapeHtml(text)}</p>`);
  }
  const title = page === 'confirm' ? t.pageConfirmTitle : t.pageUnsubscribeTitle;
  const text =
    outcome === 'link_expired'
      ? t.pageLinkExpired
      : outcome === 'link_used'
        ? t.pageLinkUsed
        : t.pageLinkInvalid;
  return shell(
    lang,
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p class="problem" role="alert">${escapeHtml(text)}</p>`,
  );
}
