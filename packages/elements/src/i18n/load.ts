import type { Locale } from '@nassij/contract';
import type { Catalog, Catalogs } from './messages.js';

type Entry = {
  readonly promise: Promise<Catalog>;
  catalog?: Catalog;
  failed?: boolean;
};

/**
 * One entry per catalogs and locale, for the whole page: every element asking for the same catalog shares one
 * fetch. A `WeakMap` so that catalogs defined by a test or a discarded module can be collected.
 */
const entries = new WeakMap<Catalogs, Map<Locale, Entry>>();

/** Catalogs whose failure was already logged, so that a reader offline gets one warning, not one per render. */
const warned = new WeakMap<Catalogs, Set<Locale>>();

function entriesOf(catalogs: Catalogs): Map<Locale, Entry> {
  let map = entries.get(catalogs);
  if (!map) {
    map = new Map();
    entries.set(catalogs, map);
  }
  return map;
}

/**
 * The catalog of `locale` if it is at hand: Arabic always, another locale once loaded; `undefined` while it
 * is loading, before it was asked for, or after its load failed. Never starts a load.
 *
 * @example
 * ```ts
 * loadedCatalog(callListMessages, 'ar')?.['callList.title']; // 'طلبات الدعم العمومي'
 * loadedCatalog(callListMessages, 'fr'); // undefined until loadCatalog(callListMessages, 'fr') resolved
 * ```
 */
export function loadedCatalog(catalogs: Catalogs, locale: Locale): Catalog | undefined {
  if (locale === 'ar') return catalogs.ar;
  return entries.get(catalogs)?.get(locale)?.catalog;
}

/**
 * Whether the catalog of `locale` is settled: at hand (see {@link loadedCatalog}) or failed to load (Arabic is
 * shown then). `false` while it loads or before it was asked for.
 *
 * @example
 * ```ts
 * catalogSettled(callListMessages, 'ar'); // true
 * ```
 */
export function catalogSettled(catalogs: Catalogs, locale: Locale): boolean {
  if (locale === 'ar') return true;
  const entry = entries.get(catalogs)?.get(locale);
  return entry !== undefined && (entry.catalog !== undefined || entry.failed === true);
}

/**
 * Loads the catalog of `locale`, once per catalogs and locale for the whole page (later calls get the same
 * promise). Arabic resolves at once. A failed load (offline) rejects, warns once, and stays failed so that
 * renders do not hammer the network; `{ retry: true }` (given on a locale change) tries it again.
 *
 * @example
 * ```ts
 * const fr = await loadCatalog(callListMessages, 'fr');
 * fr['callList.title']; // 'Appels à projets'
 * ```
 */
export function loadCatalog(
  catalogs: Catalogs,
  locale: Locale,
  options: { retry?: boolean } = {},
): Promise<Catalog> {
  if (locale === 'ar') return Promise.resolve(catalogs.ar);
  const map = entriesOf(catalogs);
  const existing = map.get(locale);
  if (existing && !(existing.failed && options.retry)) return existing.promise;
  const entry: Entry = {
    promise: catalogs.lazy[locale]().then(
      (module) => {
        entry.catalog = module.default;
        return module.default;
      },
      (error: unknown) => {
        entry.failed = true;
        let logged = warned.get(catalogs);
        if (!logged) {
          logged = new Set();
          warned.set(catalogs, logged);
        }
        if (!logged.has(locale)) {
          logged.add(locale);
          console.warn(`Nassij: the "${locale}" messages could not be loaded; showing Arabic.`, error);
        }
        throw error;
      },
    ),
  };
  // A failure is handled by whoever awaits; this keeps an unawaited one from being reported as unhandled.
  entry.promise.catch(() => {});
  map.set(locale, entry);
  return entry.promise;
}
