import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TAMAZIGHT_MONTHS, tamazightList } from './tamazight.js';

describe('Tamazight words', () => {
  it('names the months as full ICU (CLDR zgh) does', () => {
    const format = new Intl.DateTimeFormat('zgh', { month: 'long', timeZone: 'UTC' });
    // Node is built with full ICU; the table must match it month by month.
    assert.deepEqual(Intl.DateTimeFormat.supportedLocalesOf(['zgh']), ['zgh']);
    const fromIcu = Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2026, month, 15)));
    assert.deepEqual([...TAMAZIGHT_MONTHS], fromIcu);
    for (const name of TAMAZIGHT_MONTHS) assert.match(name, /^[\u2D30-\u2D7F]+$/u);
  });

  it('joins lists with Tamazight words, not the English fallback', () => {
    assert.equal(tamazightList([]), '');
    assert.equal(tamazightList(['ⴰ']), 'ⴰ');
    assert.equal(tamazightList(['ⴰ', 'ⴱ']), 'ⴰ ⴷ ⴱ');
    assert.equal(tamazightList(['ⴰ', 'ⴱ', 'ⵛ']), 'ⴰ, ⴱ ⴷ ⵛ');
    assert.equal(tamazightList(['ⴰ', 'ⴱ'], 'disjunction'), 'ⴰ ⵏⵖ ⴱ');
  });
});
