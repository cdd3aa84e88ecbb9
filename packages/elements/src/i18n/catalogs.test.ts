import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES, FIELD_ERROR_CODES, LOCALES, type Locale } from '@nassij/contract';
import { CLIENT_ERROR_CODES } from '@nassij/sdk';
import { catalogProblems, SHARED_MESSAGES } from './catalogs.js';
import { loadErrorCatalog } from './error-messages.js';
import { loadCatalog, loadedCatalog } from './load.js';
import { type Catalog, defineMessages, interpolate, selectPlural } from './messages.js';
import { pluralCategories, pluralCategory } from './plural.js';

/** Every shared catalog, loaded: the lazy locales through their loaders. */
async function sharedCatalogs(): Promise<Record<Locale, Catalog>> {
  const all = {} as Record<Locale, Catalog>;
  for (const locale of LOCALES) all[locale] = await loadCatalog(SHARED_MESSAGES, locale);
  return all;
}

describe('shared catalogs', () => {
  it('have every key of ar in every locale, with the plural forms each locale needs', async () => {
    assert.deepEqual(await catalogProblems(SHARED_MESSAGES), []);
    assert.deepEqual(Object.keys(SHARED_MESSAGES.lazy).sort(), ['en', 'fr', 'zgh']);
  });

  it('translate every code of the SDK (contract and client side) and every field error code', async () => {
    const all = await sharedCatalogs();
    for (const locale of LOCALES) {
      const errors = await loadErrorCatalog(locale);
      for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES, 'offline', 'unknown'])
        assert.ok(`error.${code}` in all[locale] || `error.${code}` in errors, `${locale} error.${code}`);
      for (const code of FIELD_ERROR_CODES)
        assert.ok(`field.${code}` in all[locale], `${locale} field.${code}`);
    }
  });

  it('bundle the messages of failures met offline, and fetch the others with the same keys in every language', async () => {
    for (const code of ['network_error', 'timeout', 'offline', 'unknown'])
      assert.ok(`error.${code}` in SHARED_MESSAGES.ar, `error.${code} is bundled`);
    const reference = Object.keys(await loadErrorCatalog('ar')).sort();
    assert.ok(reference.includes('error.deadline_passed'));
    for (const locale of LOCALES) {
      const catalog = await loadErrorCatalog(locale);
      assert.deepEqual(Object.keys(catalog).sort(), reference, `${locale} has the keys of ar`);
      for (const key of reference) assert.ok(!(key in SHARED_MESSAGES.ar), `${key} is in one place only`);
    }
    const zgh = await loadErrorCatalog('zgh');
    for (const [key, message] of Object.entries(zgh))
      assert.doesNotMatch(String(message), /[A-Za-z\u0600-\u06FF]/, `${key} is in Tifinagh`);
  });

  it('write Tamazight in Tifinagh only (apart from placeholders, digits and punctuation)', async () => {
    const { zgh } = await sharedCatalogs();
    for (const [key, message] of Object.entries(zgh)) {
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) {
        const letters = text.replace(/\{\w+\}/g, '').match(/\p{L}/gu) ?? [];
        assert.ok(letters.length > 0, `${key} has letters`);
        for (const letter of letters) assert.match(letter, /\p{Script=Tifinagh}/u, `${key}: "${text}"`);
      }
    }
  });

  it('keep the placeholders of en in every translation', async () => {
    const all = await sharedCatalogs();
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(all.en)) {
        const wanted = JSON.stringify(message).match(/\{(?!count)\w+\}/g) ?? [];
        const got = JSON.stringify(all[locale][key]);
        for (const placeholder of wanted)
          assert.ok(got.includes(placeholder), `${locale} ${key} ${placeholder}`);
      }
    }
  });
});

describe('catalogProblems', () => {
  it('reports a missing key, a missing plural form, an extra key and a failed load', async () => {
    const lazy =
      <T>(catalog: T) =>
      async () => ({ default: catalog });
    const problems = await catalogProblems({
      ar: { a: 'A', n: { zero: '0', one: '1', two: '2', few: 'f', many: 'm', other: 'n' } },
      lazy: {
        fr: lazy({ a: 'A', n: { one: '1', other: 'n' } }),
        zgh: lazy({ n: { one: '1', other: 'n' }, extra: 'x' }),
        en: () => Promise.reject(new Error('offline')),
      },
    });
    assert.ok(problems.includes('zgh: missing a'));
    assert.ok(problems.includes('zgh: extra is not in ar'));
    assert.ok(problems.includes('fr: n lacks plural form "many"'));
    assert.ok(problems.includes('en: could not be loaded (Error: offline)'));
    assert.ok(!problems.some((p) => p.startsWith('ar')));
  });

  it('is satisfied by a well-formed defineMessages()', async () => {
    const messages = defineMessages(
      { 'x.title': 'عنوان' },
      {
        fr: async () => ({ default: { 'x.title': 'Titre' } }),
        zgh: async () => ({ default: { 'x.title': 'ⴰⵣⵡⵍ' } }),
        en: async () => ({ default: { 'x.title': 'Title' } }),
      },
    );
    assert.deepEqual(await catalogProblems(messages), []);
  });
});

describe('loadCatalog', () => {
  it('calls a loader once however many ask, and has Arabic at hand without loading', async () => {
    let calls = 0;
    const messages = defineMessages(
      { 'x.title': 'عنوان' },
      {
        fr: async () => {
          calls += 1;
          return { default: { 'x.title': 'Titre' } };
        },
        zgh: async () => ({ default: { 'x.title': 'ⴰⵣⵡⵍ' } }),
        en: async () => ({ default: { 'x.title': 'Title' } }),
      },
    );
    assert.equal(loadedCatalog(messages, 'ar')?.['x.title'], 'عنوان');
    assert.equal(loadedCatalog(messages, 'fr'), undefined);
    const loads = Array.from({ length: 20 }, () => loadCatalog(messages, 'fr'));
    const catalogs = await Promise.all(loads);
    await loadCatalog(messages, 'fr', { retry: true }); // a loaded catalog is not fetched again
    assert.equal(calls, 1);
    assert.ok(catalogs.every((catalog) => catalog['x.title'] === 'Titre'));
    assert.equal(loadedCatalog(messages, 'fr')?.['x.title'], 'Titre');
  });

  it('stays failed until asked to retry, then loads', async (t) => {
    const warn = t.mock.method(console, 'warn', () => {});
    let online = false;
    let calls = 0;
    const messages = defineMessages(
      { 'x.title': 'عنوان' },
      {
        fr: async () => {
          calls += 1;
          if (!online) throw new Error('offline');
          return { default: { 'x.title': 'Titre' } };
        },
        zgh: async () => ({ default: { 'x.title': 'ⴰⵣⵡⵍ' } }),
        en: async () => ({ default: { 'x.title': 'Title' } }),
      },
    );
    await assert.rejects(loadCatalog(messages, 'fr'), /offline/);
    await assert.rejects(loadCatalog(messages, 'fr'), /offline/);
    assert.equal(calls, 1);
    await assert.rejects(loadCatalog(messages, 'fr', { retry: true }), /offline/);
    assert.equal(calls, 2);
    assert.equal(warn.mock.callCount(), 1);
    online = true;
    assert.equal((await loadCatalog(messages, 'fr', { retry: true }))['x.title'], 'Titre');
    assert.equal(calls, 3);
  });
});

describe('plurals', () => {
  it('use the singular for exactly 1 in Tamazight, the plural for 0 and everything else', () => {
    assert.equal(pluralCategory('zgh', 1), 'one');
    assert.equal(pluralCategory('zgh', 0), 'other');
    assert.equal(pluralCategory('zgh', 2), 'other');
    assert.equal(pluralCategory('zgh', 11), 'other');
    assert.deepEqual(pluralCategories('zgh'), ['one', 'other']);
  });

  it('select the six Arabic forms', () => {
    const daysLeft = SHARED_MESSAGES.ar['count.daysLeft'];
    const pick = (n: number) => interpolate(selectPlural(daysLeft, 'ar', n), { count: n });
    assert.equal(pick(0), 'يُغلق اليوم');
    assert.equal(pick(1), 'يُغلق بعد يوم واحد');
    assert.equal(pick(2), 'يُغلق بعد يومين');
    assert.equal(pick(3), 'يُغلق بعد 3 أيام');
    assert.equal(pick(11), 'يُغلق بعد 11 يومًا');
    assert.equal(pick(100), 'يُغلق بعد 100 يوم');
  });

  it('treat 0 as singular in French and 1000000 as "de"', async () => {
    const results = (await loadCatalog(SHARED_MESSAGES, 'fr'))['count.results'];
    assert.ok(results !== undefined);
    assert.equal(selectPlural(results, 'fr', 0), '{count} résultat');
    assert.equal(selectPlural(results, 'fr', 1_000_000), '{count} de résultats');
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(
      interpolate('Enter at most {maximum} characters.', { maximum: 80 }),
      'Enter at most 80 characters.',
    );
    assert.equal(interpolate('{a} and {b}', { a: 'x' }), 'x and {b}');
  });
});
