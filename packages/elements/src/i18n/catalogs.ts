import { LOCALES } from '@nassij/contract';
import { ar, type SharedMessageKey } from './ar.js';
import { loadCatalog } from './load.js';
import { type Catalog, type Catalogs, defineMessages, type Message } from './messages.js';
import { pluralCategories } from './plural.js';

/**
 * The shared UI catalogs (states, pagination, counts, actions, field and API error codes, statuses): Arabic
 * bundled, French, Tamazight and English fetched on demand. Components add their own through
 * `static messages` (see {@link defineMessages}), looked up first.
 *
 * @example
 * ```ts
 * SHARED_MESSAGES.ar['action.retry']; // 'إعادة المحاولة'
 * (await loadCatalog(SHARED_MESSAGES, 'fr'))['action.retry']; // 'Réessayer'
 * ```
 */
export const SHARED_MESSAGES: Catalogs<SharedMessageKey> = defineMessages(ar, {
  fr: () => import('./fr.js'),
  zgh: () => import('./zgh.js'),
  en: () => import('./en.js'),
});

/**
 * Loads every locale of `catalogs`, then lists what is wrong: a key of Arabic (the reference) missing in a
 * locale, a key a locale has that Arabic lacks, a plural message without a category the locale's rules need,
 * a text/plural mismatch, or a locale that failed to load. Empty when all is well. Component tests run it on
 * their own catalogs.
 *
 * @example
 * ```ts
 * assert.deepEqual(await catalogProblems(callListMessages), []);
 * ```
 */
export async function catalogProblems(catalogs: Catalogs): Promise<string[]> {
  const problems: string[] = [];
  const reference: Catalog = catalogs.ar;
  for (const locale of LOCALES) {
    let catalog: Catalog;
    try {
      catalog = await loadCatalog(catalogs, locale, { retry: true });
    } catch (error) {
      problems.push(`${locale}: could not be loaded (${String(error)})`);
      continue;
    }
    const needed = pluralCategories(locale);
    for (const key of Object.keys(reference)) {
      const message: Message | undefined = catalog[key];
      if (message === undefined) {
        problems.push(`${locale}: missing ${key}`);
        continue;
      }
      const plural = typeof reference[key] !== 'string';
      if (plural !== (typeof message !== 'string')) {
        problems.push(`${locale}: ${key} must be ${plural ? 'a plural message' : 'plain text'}`);
        continue;
      }
      if (typeof message === 'string') continue;
      for (const category of needed) {
        if (message[category] === undefined)
          problems.push(`${locale}: ${key} lacks plural form "${category}"`);
      }
    }
    for (const key of Object.keys(catalog)) {
      if (!(key in reference)) problems.push(`${locale}: ${key} is not in ar`);
    }
  }
  return problems;
}
