import type { Locale } from '@nassij/contract';
import { errorSummary, escapeHtml, field, pageShell, texts, withValue } from './layout.js';
import { PASSWORD_POLICY } from './password-policy.js';

/**
 * The popup an embed opens: sign in (first, so the page opens on it), create an account, forgotten password
 * and a new confirmation link, each a view of one page that the script switches between without losing what
 * was typed. `origin` and `state` travel in data attributes read by `/auth/popup.js`, so the page needs no
 * inline script.
 *
 * @example
 * ```ts
 * const html = popupPage('ar', 'https://region.ma', 'b1946ac92492d234');
 * ```
 */
export function popupPage(lang: Locale, origin: string, state: string): string {
  const t = texts(lang, PASSWORD_POLICY);
  const link = (view: string, label: string) =>
    `<button type="button" class="link" data-view="${view}">${escapeHtml(label)}</button>`;
  const signIn = `<section id="view-signin" data-view-name="signin" aria-labelledby="signin-title">
<h1 id="signin-title" tabindex="-1">${escapeHtml(t.title)}</h1>
<p>${withValue(t.intro, 'origin', origin)}</p>
${errorSummary('signin', t)}
<form id="signin" novalidate data-origin="${escapeHtml(origin)}" data-state="${escapeHtml(state)}">
${field({ id: 'email', name: 'email', label: t.email, type: 'email', autocomplete: 'username' })}
${field({ id: 'password', name: 'password', label: t.password, type: 'password', autocomplete: 'current-password', showPasswordLabel: t.showPassword })}
<button type="submit">${escapeHtml(t.submit)}</button>
</form>
<div class="notice" id="signin-unverified" hidden>
<p>${escapeHtml(t.email_not_verified)}</p>
<button type="button" class="secondary" data-resend-from="email">${escapeHtml(t.resendAgain)}</button>
</div>
<p id="status" class="status" role="status" aria-live="polite"></p>
<nav class="links">${link('signup', t.toSignUp)}${link('forgot', t.toForgot)}${link('resend', t.toResend)}</nav>
</section>`;

  const signUp = `<section id="view-signup" data-view-name="signup" aria-labelledby="signup-title" hidden>
<h1 id="signup-title" tabindex="-1">${escapeHtml(t.signUpTitle)}</h1>
${errorSummary('signup', t)}
<form id="signup" novalidate data-locale="${lang}">
${field({ id: 'signup-displayName', name: 'displayName', label: t.displayName, type: 'text', autocomplete: 'name', hint: t.displayNameHint, maxLength: 120 })}
${field({ id: 'signup-email', name: 'email', label: t.email, type: 'email', autocomplete: 'email', hint: t.signUpEmailHint })}
${field({ id: 'signup-password', name: 'password', label: t.password, type: 'password', autocomplete: 'new-password', hint: t.passwordHint, showPasswordLabel: t.showPassword, newPassword: true })}
<button type="submit">${escapeHtml(t.signUpSubmit)}</button>
</form>
<nav class="links">${link('signin', t.toSignIn)}</nav>
</section>`;

  const checkMail = `<section id="view-checkmail" data-view-name="checkmail" aria-labelledby="checkmail-title" hidden>
<h1 id="checkmail-title" tabindex="-1">${escapeHtml(t.checkMailTitle)}</h1>
<p id="checkmail-text"></p>
<p>${escapeHtml(t.checkMailElse)}</p>
<button type="button" class="secondary" data-resend-from="signup-email">${escapeHtml(t.resendAgain)}</button>
<p id="checkmail-status" class="status" role="status" aria-live="polite"></p>
<nav class="links">${link('signin', t.signInNow)}</nav>
</section>`;

  const emailOnly = (view: 'forgot' | 'resend', title: string, intro: string, submit: string) =>
    `<section id="view-${view}" data-view-name="${view}" aria-labelledby="${view}-title" hidden>
<h1 id="${view}-title" tabindex="-1">${escapeHtml(title)}</h1>
<p>${escapeHtml(intro)}</p>
${errorSummary(view, t)}
<form id="${view}" novalidate data-action="${view}">
${field({ id: `${view}-email`, name: 'email', label: t.email, type: 'email', autocomplete: 'email' })}
<button type="submit">${escapeHtml(submit)}</button>
</form>
<p id="${view}-status" class="status" role="status" aria-live="polite"></p>
<nav class="links">${link('signin', t.toSignIn)}</nav>
</section>`;

  return pageShell(
    lang,
    t,
    'popup',
    t.title,
    [
      signIn,
      signUp,
      checkMail,
      emailOnly('forgot', t.forgotTitle, t.forgotIntro, t.forgotSubmit),
      emailOnly('resend', t.resendTitle, t.resendIntro, t.resendSubmit),
    ].join('\n'),
  );
}

/**
 * The page shown instead of the form when `origin` is not on the allowlist (sent with status 403).
 *
 * @example
 * ```ts
 * const html = refusedPage('fr', 'https://evil.example');
 * ```
 */
export function refusedPage(lang: Locale, origin: string): string {
  const t = texts(lang, PASSWORD_POLICY);
  return pageShell(
    lang,
    t,
    'refused',
    t.refusedTitle,
    `<h1>${escapeHtml(t.refusedTitle)}</h1>
<p data-code="origin_not_allowed">${withValue(t.refused, 'origin', origin)}</p>`,
  );
}
