import type { Locale } from '@nassij/contract';
import { ar } from './ar.js';
import { en, type SharedMessageKey } from './en.js';
import { fr } from './fr.js';
import type { Catalogs, Message } from './messages.js';
import { pluralCategories } from './plural.js';
import { zgh } from './zgh.js';

/**
 * The shared UI catalogs (states, pagination, counts, actions, field and API error codes, statuses) in every
 * locale. Components add their own through `static messages` (see {@link defineMessages}), looked up first.
 *
 * @example
 * ```ts
 * SHARED_MESSAGES.fr['action.retry']; // 'Réessayer'
 * ```
 */
export const SHARED_MESSAGES: Catalogs<SharedMessageKey> = { ar, fr, zgh, en };

/**
 * Lists what is wrong with a set of catalogs: a key of `en` missing in a locale, a key a locale has that `en`
 * lacks, a plural message without a category the locale's rules need, or a text/plural mismatch. Empty when
 * all is well. Component tests run it on their own catalogs.
 *
 * @example
 * ```ts
 * assert.deepEqual(catalogProblems(callListMessages), []);
 * ```
 */
export function catalogProblems(catalogs: Catalogs): string[] {
  const problems: string[] = [];
  const reference = catalogs.en;
  for (const locale of Object.keys(catalogs) as Locale[]) {
    const catalog = catalogs[locale];
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
      if (!(key in reference)) problems.push(`${locale}: ${key} is not in en`);
    }
  }
  return problems;
}
