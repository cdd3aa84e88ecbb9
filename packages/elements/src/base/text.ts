import { type Locale, type LocalizedText, pickText } from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijElement } from './nassij-element.js';

// Localized text from the platform, for every component: as a template (marked with its own language when it
// falls back) or as a plain string.

/**
 * Localized text as a template: the reader's language, else a fallback marked with its own `lang`.
 *
 * @example
 * ```ts
 * html`<h2>${text(this, consultation.title)}</h2>`;
 * ```
 */
export function text(host: NassijElement, value: LocalizedText | undefined): TemplateResult | typeof nothing {
  if (!value) return nothing;
  const picked = pickText(value, host.locale);
  return picked.locale === host.locale
    ? html`${picked.text}`
    : html`<span lang=${picked.locale} dir="auto">${picked.text}</span>`;
}

/**
 * The plain string of localized text (for attributes and comparisons).
 *
 * @example
 * ```ts
 * plain('fr', { ar: 'نص', fr: 'Texte' }); // 'Texte'
 * ```
 */
export function plain(locale: Locale, value: LocalizedText | undefined): string {
  return value ? pickText(value, locale).text : '';
}
