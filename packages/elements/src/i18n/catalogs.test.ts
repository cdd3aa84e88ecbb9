import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES, FIELD_ERROR_CODES, LOCALES } from '@nassij/contract';
import { catalogProblems, SHARED_MESSAGES } from './catalogs.js';
import { defineMessages, interpolate, selectPlural } from './messages.js';
import { pluralCategories, pluralCategory } from './plural.js';

describe('shared catalogs', () => {
  it('have every key of en in every locale, with the plural forms each locale needs', () => {
    assert.deepEqual(catalogProblems(SHARED_MESSAGES), []);
    assert.deepEqual(Object.keys(SHARED_MESSAGES).sort(), [...LOCALES].sort());
  });

  it('translate every API error code and field error code of the contract', () => {
    for (const code of ERROR_CODES) assert.ok(`error.${code}` in SHARED_MESSAGES.en, `error.${code}`);
    for (const code of FIELD_ERROR_CODES) assert.ok(`field.${code}` in SHARED_MESSAGES.en, `field.${code}`);
    for (const code of ['network', 'timeout', 'offline', 'unknown'])
      assert.ok(`error.${code}` in SHARED_MESSAGES.en);
  });

  it('write Tamazight in Tifinagh only (apart from placeholders, digits and punctuation)', () => {
    for (const [key, message] of Object.entries(SHARED_MESSAGES.zgh)) {
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) {
        const letters = text.replace(/\{\w+\}/g, '').match(/\p{L}/gu) ?? [];
        assert.ok(letters.length > 0, `${key} has letters`);
        for (const letter of letters) assert.match(letter, /\p{Script=Tifinagh}/u, `${key}: "${text}"`);
      }
    }
  });

  it('keep the placeholders of en in every translation', () => {
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(SHARED_MESSAGES.en)) {
        const wanted = JSON.stringify(message).match(/\{(?!count)\w+\}/g) ?? [];
        const got = JSON.stringify(SHARED_MESSAGES[locale][key as keyof typeof SHARED_MESSAGES.en]);
        for (const placeholder of wanted)
          assert.ok(got.includes(placeholder), `${locale} ${key} ${placeholder}`);
      }
    }
  });
});

describe('catalogProblems', () => {
  it('reports a missing key, a missing Arabic plural form and an extra key', () => {
    const en = { a: 'A', n: { one: '1', other: 'n' } };
    const problems = catalogProblems({
      en,
      fr: { a: 'A', n: { one: '1', many: 'm', other: 'n' } },
      zgh: { n: { one: '1', other: 'n' }, extra: 'x' },
      ar: { a: 'A', n: { one: '1', other: 'n' } },
    });
    assert.ok(problems.includes('zgh: missing a'));
    assert.ok(problems.includes('zgh: extra is not in en'));
    assert.ok(problems.includes('ar: n lacks plural form "two"'));
    assert.ok(!problems.some((p) => p.startsWith('fr')));
  });

  it('is satisfied by a well-formed defineMessages()', () => {
    const messages = defineMessages(
      { 'x.title': 'Title' },
      { ar: { 'x.title': 'عنوان' }, fr: { 'x.title': 'Titre' }, zgh: { 'x.title': 'ⴰⵣⵡⵍ' } },
    );
    assert.deepEqual(catalogProblems(messages), []);
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

  it('treat 0 as singular in French and 1000000 as "de"', () => {
    const results = SHARED_MESSAGES.fr['count.results'];
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
