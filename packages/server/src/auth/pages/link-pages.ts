import type { Locale } from '@nassij/contract';
import { errorSummary, escapeHtml, field, pageShell, texts } from './layout.js';
import type { PageTexts } from './messages.js';
import { PASSWORD_POLICY } from './password-policy.js';

/**
 * The way out of a dead link (expired, used, invalid): what went wrong (filled by the script from the
 * problem code, or by the server when the link has no token) and a form asking for a new link by e-mail.
 */
function newLinkSection(t: PageTexts, intro: string, action: 'resend' | 'forgot', code?: string): string {
  const message = code === 'link_invalid' ? t.link_invalid : '';
  return `<section id="view-newlink" data-view-name="newlink" aria-labelledby="newlink-title"${code ? '' : ' hidden'}>
<h1 id="newlink-title" tabindex="-1">${escapeHtml(t.newLinkTitle)}</h1>
<p id="newlink-reason" class="problem"${code ? ` data-code="${code}"` : ''}>${escapeHtml(message)}</p>
<p>${escapeHtml(intro)}</p>
${errorSummary('newlink', t)}
<form id="newlink" novalidate data-action="${action}">
${field({ id: 'newlink-email', name: 'email', label: t.email, type: 'email', autocomplete: 'email' })}
<button type="submit">${escapeHtml(action === 'resend' ? t.resendSubmit : t.forgotSubmit)}</button>
</form>
<p id="newlink-status" class="status" role="status" aria-live="polite"></p>
</section>`;
}

/**
 * `GET /auth/verify`: the page a verification link opens. It never confirms on GET (mail scanners fetch
 * links): a button posts the token to `accounts.verifyEmail`; the answer tells whether a new account or a
 * changed address was confirmed. A link without a token opens on the way to a new link.
 *
 * @example
 * ```ts
 * const html = verifyPage('ar', 'k3Jx…');
 * ```
 */
export function verifyPage(lang: Locale, token: string | undefined): string {
  const t = texts(lang, PASSWORD_POLICY);
  const dead = token ? undefined : 'link_invalid';
  return pageShell(
    lang,
    t,
    'verify',
    t.verifyTitle,
    `<section id="view-verify" data-view-name="verify" aria-labelledby="verify-title"${dead ? ' hidden' : ''}>
<h1 id="verify-title" tabindex="-1">${escapeHtml(t.verifyTitle)}</h1>
<p>${escapeHtml(t.verifyIntro)}</p>
${errorSummary('verify', t)}
<form id="verify" novalidate data-token="${escapeHtml(token ?? '')}">
<button type="submit">${escapeHtml(t.verifySubmit)}</button>
</form>
<p id="verify-status" class="status" role="status" aria-live="polite"></p>
</section>
<section id="view-verified" data-view-name="verified" aria-labelledby="verified-title" hidden>
<h1 id="verified-title" tabindex="-1">${escapeHtml(t.verifiedTitle)}</h1>
<p id="verified-text"></p>
</section>
${newLinkSection(t, t.verifyNewLinkIntro, 'resend', dead)}`,
  );
}

/**
 * `GET /auth/reset`: the page a password reset link opens: a new password checked live against the
 * contract's policy, posted with the token to `accounts.resetPassword`, then a done view.
 *
 * @example
 * ```ts
 * const html = resetPage('fr', 'k3Jx…');
 * ```
 */
export function resetPage(lang: Locale, token: string | undefined): string {
  const t = texts(lang, PASSWORD_POLICY);
  const dead = token ? undefined : 'link_invalid';
  return pageShell(
    lang,
    t,
    'reset',
    t.resetTitle,
    `<section id="view-reset" data-view-name="reset" aria-labelledby="reset-title"${dead ? ' hidden' : ''}>
<h1 id="reset-title" tabindex="-1">${escapeHtml(t.resetTitle)}</h1>
<p>${escapeHtml(t.resetIntro)}</p>
${errorSummary('reset', t)}
<form id="reset" novalidate data-token="${escapeHtml(token ?? '')}">
${field({ id: 'reset-password', name: 'password', label: t.newPassword, type: 'password', autocomplete: 'new-password', hint: t.passwordHint, showPasswordLabel: t.showPassword, newPassword: true })}
<button type="submit">${escapeHtml(t.resetSubmit)}</button>
</form>
</section>
<section id="view-resetdone" data-view-name="resetdone" aria-labelledby="resetdone-title" hidden>
<h1 id="resetdone-title" tabindex="-1">${escapeHtml(t.resetDoneTitle)}</h1>
<p>${escapeHtml(t.resetDone)}</p>
</section>
${newLinkSection(t, t.resetNewLinkIntro, 'forgot', dead)}`,
  );
}
