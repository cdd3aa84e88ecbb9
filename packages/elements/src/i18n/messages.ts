import type { Locale } from '@nassij/contract';
import { type PluralCategory, pluralCategory } from './plural.js';

/**
 * A message whose wording depends on `{count}`: `one` and `other` are always required, the other categories
 * when the locale's rules use them (Arabic uses all six; see {@link pluralCategories}).
 */
export type PluralMessage = { one: string; other: string } & Partial<Record<PluralCategory, string>>;

/** One translatable message: plain text with `{placeholders}`, or a {@link PluralMessage}. */
export type Message = string | PluralMessage;

/** The messages of one locale, by key. */
export type Catalog = Readonly<Record<string, Message>>;

/** One catalog per locale with the same keys in each (enforced by the type of `en`). */
export type Catalogs<K extends string = string> = Readonly<Record<Locale, Readonly<Record<K, Message>>>>;

/** Values substituted into `{name}` placeholders; numbers are formatted for the locale by the caller. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/**
 * Declares a component's catalogs, one per locale, typed so that every locale has exactly the keys of `en`.
 * A component keeps its catalogs in its own module (`call-list.messages.ts`) and lists them in its
 * `static messages`; they are bundled only with that component, and class modules stay side-effect free.
 *
 * @example
 * ```ts
 * const en = { 'callList.title': 'Open calls' };
 * export const callListMessages = defineMessages(en, { ar: { 'callList.title': 'الطلبات المفتوحة' }, fr: …, zgh: … });
 * ```
 */
export function defineMessages<K extends string>(
  en: Readonly<Record<K, Message>>,
  others: Readonly<Record<Exclude<Locale, 'en'>, Readonly<Record<K, Message>>>>,
): Catalogs<K> {
  return { ...others, en };
}

/**
 * Replaces `{name}` placeholders with `params`; an unknown placeholder is left as is so a missing value is
 * visible in review instead of silently blank.
 *
 * @example
 * ```ts
 * interpolate('Showing {shown} of {total}', { shown: 10, total: 42 }); // 'Showing 10 of 42'
 * ```
 */
export function interpolate(text: string, params: MessageParams = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Chooses the text of a message for `count` in `locale` (falls back to `other`).
 *
 * @example
 * ```ts
 * selectPlural({ one: '1 day', other: '{count} days' }, 'en', 3); // '{count} days'
 * ```
 */
export function selectPlural(message: Message, locale: Locale, count: number | undefined): string {
  if (typeof message === 'string') return message;
  if (count === undefined) return message.other;
  return message[pluralCategory(locale, count)] ?? message.other;
}
