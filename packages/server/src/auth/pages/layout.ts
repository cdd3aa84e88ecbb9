import type { Locale } from '@nassij/contract';
import { escapeHtml, htmlPage } from '../../http/html-page.js';

export { escapeHtml };

import { PAGE_TEXTS, type PageTexts, SCRIPT_MESSAGE_KEYS } from './messages.js';

/** The strict policy of the account pages: no inline script or style, never framed. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'";

/** Headers of every account page: they carry one-time tokens, so nothing is cached, referred or framed. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PAGE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * A sentence with a `{placeholder}` filled by a value set apart with `<bdi>` (an address or an origin keeps
 * its own direction inside Arabic text); both are escaped.
 *
 * @example
 * ```ts
 * withValue('Sent to {email}.', 'email', 'amina@example.ma'); // 'Sent to <bdi>amina@example.ma</bdi>.'
 * ```
 */
export function withValue(sentence: string, name: string, value: string): string {
  return escapeHtml(sentence).replace(`{${name}}`, `<bdi>${escapeHtml(value)}</bdi>`);
}

/**
 * The texts of a page in `lang`, with the password rules' numbers filled in.
 *
 * @example
 * ```ts
 * texts('fr', { min: 15, max: 128 }).passwordHint; // 'Au moins 15 caractères. …'
 * ```
 */
export function texts(lang: Locale, policy: { min: number; max: number }): PageTexts {
  const fill = (text: string) =>
    text.replace('{min}', String(policy.min)).replace('{max}', String(policy.max));
  const filled = { ...PAGE_TEXTS[lang] };
  for (const key of Object.keys(filled) as (keyof PageTexts)[]) filled[key] = fill(filled[key]);
  return filled;
}

/**
 * The messages the pages' script may show, in an inert `<template>` (the page has no inline script to hold
 * them); the script reads them by `data-key`.
 */
function scriptMessages(t: PageTexts): string {
  const items = SCRIPT_MESSAGE_KEYS.map((key) => `<span data-key="${key}">${escapeHtml(t[key])}</span>`);
  return `<template id="messages">${items.join('')}</template>`;
}

/**
 * A whole account page: `lang`/`dir` on `<html>` (Tamazight tagged `zgh-Tfng` for its script), the shared
 * stylesheet, the messages of the script and the script itself.
 *
 * @example
 * ```ts
 * const html = pageShell('ar', t, 'popup', t.title, '<h1>…</h1>');
 * ```
 */
export function pageShell(lang: Locale, t: PageTexts, page: string, title: string, main: string): string {
  return htmlPage({
    locale: lang,
    title,
    stylesheet: '/auth/popup.css',
    main,
    bodyAttributes: `data-page="${escapeHtml(page)}"`,
    after: `${scriptMessages(t)}\n<script type="module" src="/auth/popup.js"></script>\n`,
  });
}

/**
 * The GOV.UK-style error summary of a form: empty and hidden until the script fills it with links to the
 * fields in error, then focused so a screen reader reads it first.
 *
 * @example
 * ```ts
 * errorSummary('signup', t); // '<div class="error-summary" id="signup-errors" …>'
 * ```
 */
export function errorSummary(form: string, t: PageTexts): string {
  return `<div class="error-summary" id="${form}-errors" role="group" tabindex="-1" hidden aria-labelledby="${form}-errors-title">
<h2 id="${form}-errors-title">${escapeHtml(t.errorSummary)}</h2>
<ul></ul>
</div>`;
}

interface FieldOptions {
  id: string;
  name: string;
  label: string;
  type: 'email' | 'password' | 'text';
  autocomplete: string;
  hint?: string;
  /** Adds the show-password toggle and, for a new password, the live rules line. */
  showPasswordLabel?: string;
  newPassword?: boolean;
  maxLength?: number;
}

/**
 * One labelled field with its hint and (empty) error message, tied together by `aria-describedby`, and for
 * a password a show-password toggle; a new password also gets the line where its rules are checked live.
 *
 * @example
 * ```ts
 * field({ id: 'signup-email', name: 'email', label: 'E-mail', type: 'email', autocomplete: 'email' });
 * ```
 */
export function field(options: FieldOptions): string {
  const { id, name, label, type, autocomplete, hint, showPasswordLabel, newPassword, maxLength } = options;
  const described = [hint ? `${id}-hint` : '', newPassword ? `${id}-check` : '', `${id}-error`]
    .filter(Boolean)
    .join(' ');
  // E-mail addresses and passwords are Latin-script strings typed left to right even in an Arabic page.
  const ltr = type === 'text' ? '' : ' dir="ltr"';
  const spell = type === 'text' ? '' : ' autocapitalize="none" spellcheck="false"';
  const input = `<input id="${id}" name="${name}" type="${type}" autocomplete="${autocomplete}"${ltr}${spell}${
    maxLength ? ` maxlength="${maxLength}"` : ''
  } required aria-describedby="${described}">`;
  const toggle = showPasswordLabel
    ? `<button type="button" class="toggle" data-toggle="${id}" aria-controls="${id}" aria-pressed="false">${escapeHtml(showPasswordLabel)}</button>`
    : '';
  return `<div class="field" data-field="${name}">
<label for="${id}">${escapeHtml(label)}</label>
${hint ? `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>` : ''}
${newPassword ? `<p class="check" id="${id}-check" data-password-check="${id}" aria-live="polite"></p>` : ''}
<p class="field-error" id="${id}-error" hidden></p>
${input}
${toggle}
</div>`;
}
