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

/** A locale whose catalogs are fetched on demand: every one but Arabic, which is bundled. */
export type LazyLocale = Exclude<Locale, 'ar'>;

/**
 * Fetches one locale's catalog, as a dynamic `import()` of a module whose default export is the catalog, so
 * that bundlers emit one small chunk per catalog and locale.
 */
export type Loader<K extends string = string> = () => Promise<{ default: Readonly<Record<K, Message>> }>;

/**
 * A component's (or the shared) catalogs: Arabic in the bundle, the key reference; the other locales as
 * {@link Loader}s. Build it with {@link defineMessages}.
 */
export type Catalogs<K extends string = string> = {
  readonly ar: Readonly<Record<K, Message>>;
  readonly lazy: Readonly<Record<LazyLocale, Loader<K>>>;
};

/** Values substituted into `{name}` placeholders; numbers are formatted for the locale by the caller. */
export type MessageParams = Readonly<Record<string, string | number | undefined>>;

/**
 * Declares a component's catalogs: Arabic eagerly (its keys are the reference), French, Tamazight and
 * English as loaders. Each locale module is typed `Readonly<Record<Key, Message>>` so that a missing or extra
 * key is a type error. A component lists the result in its `static messages`; Arabic is bundled with it, the
 * other locales are fetched the first time an element shows them (see `loadCatalog`).
 *
 * @example
 * ```ts
 * // call-list.messages.ts
 * const ar = { 'callList.title': 'طلبات الدعم العمومي' } satisfies Record<string, Message>;
 * export type CallListKey = keyof typeof ar;
 * export const callListMessages = defineMessages(ar, {
 *   fr: () => import('./call-list.messages.fr.js'),
 *   zgh: () => import('./call-list.messages.zgh.js'),
 *   en: () => import('./call-list.messages.en.js'),
 * });
 * // call-list.messages.fr.ts
 * const fr: Readonly<Record<CallListKey, Message>> = { 'callList.title': 'Appels à projets' };
 * export default fr;
 * ```
 */
export function defineMessages<K extends string>(
  ar: Readonly<Record<K, Message>>,
  lazy: { fr: Loader<K>; zgh: Loader<K>; en: Loader<K> },
): Catalogs<K> {
  return { ar, lazy };
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
