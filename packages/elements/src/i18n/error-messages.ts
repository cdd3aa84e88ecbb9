import type { Locale } from '@nassij/contract';
import type { Catalog } from './messages.js';

// The messages of the error codes a reachable platform answers with (see errors/ar.ts), fetched per language
// with the first failure shown in that language, once for the whole page.

type Entry = { readonly promise: Promise<Catalog>; catalog?: Catalog; failed?: boolean };

const LOADERS: Readonly<Record<Locale, () => Promise<{ default: Catalog }>>> = {
  ar: () => import('./errors/ar.js'),
  fr: () => import('./errors/fr.js'),
  zgh: () => import('./errors/zgh.js'),
  en: () => import('./errors/en.js'),
};

const entries = new Map<Locale, Entry>();

/**
 * The error catalog of `locale` once loaded; `undefined` before, while loading and after a failed load.
 *
 * @example
 * ```ts
 * errorCatalog('fr')?.['error.deadline_passed']; // 'Le délai est dépassé.' once loaded
 * ```
 */
export function errorCatalog(locale: Locale): Catalog | undefined {
  return entries.get(locale)?.catalog;
}

/**
 * Whether the last load of the error catalog of `locale` failed (offline): the generic message stands in.
 *
 * @example
 * ```ts
 * if (errorCatalogFailed('ar')) show(t('error.unknown'));
 * ```
 */
export function errorCatalogFailed(locale: Locale): boolean {
  return entries.get(locale)?.failed === true;
}

/**
 * Loads the error catalog of `locale` (once; again after a failure).
 *
 * @example
 * ```ts
 * const fr = await loadErrorCatalog('fr');
 * ```
 */
export function loadErrorCatalog(locale: Locale): Promise<Catalog> {
  const existing = entries.get(locale);
  if (existing && !existing.failed) return existing.promise;
  const entry: Entry = {
    promise: LOADERS[locale]().then(
      (module) => {
        entry.catalog = module.default;
        return module.default;
      },
      (error: unknown) => {
        entry.failed = true;
        throw error;
      },
    ),
  };
  entry.promise.catch(() => {}); // Handled by whoever waits; the generic message is shown meanwhile.
  entries.set(locale, entry);
  return entry.promise;
}
