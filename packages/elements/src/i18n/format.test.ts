import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileSize } from './file-size.js';
import { formatters } from './format.js';

const LATIN_ONLY = /^[^\u0660-\u0669\u06F0-\u06F9]*$/;

describe('formatters', () => {
  it('use Latin digits in Arabic', () => {
    const fmt = formatters('ar');
    assert.equal(fmt.number(1234567), '1.234.567');
    assert.match(fmt.percent(0.425), /^42[.,]5/);
    assert.match(fmt.dateTime('2026-03-31T22:59:00Z'), LATIN_ONLY);
    assert.match(fmt.dateTime('2026-03-31T22:59:00Z'), /31 مارس 2026.*23:59.*توقيت المغرب/);
  });

  it('show Casablanca time at UTC+1 before and after Ramadan 2026, UTC+0 during it', () => {
    const fr = formatters('fr');
    // tzdata: 2026-02-15T02:00Z the clocks go back to UTC+0; 2026-03-22T02:00Z forward to UTC+1.
    assert.equal(
      fr.dateTime('2026-02-15T01:30:00Z'),
      '15 février 2026 à 02:30 (heure du Maroc, \u2066UTC+1\u2069)',
    );
    assert.equal(
      fr.dateTime('2026-02-15T02:30:00Z'),
      '15 février 2026 à 02:30 (heure du Maroc, \u2066UTC+0\u2069)',
    );
    assert.equal(
      fr.dateTime('2026-03-20T12:00:00Z'),
      '20 mars 2026 à 12:00 (heure du Maroc, \u2066UTC+0\u2069)',
    );
    assert.equal(
      fr.dateTime('2026-03-25T12:00:00Z'),
      '25 mars 2026 à 13:00 (heure du Maroc, \u2066UTC+1\u2069)',
    );
  });

  it('count days to a deadline in Casablanca calendar days, across the clock changes', () => {
    const fmt = formatters('en');
    // 23:30Z on 14 Feb is already 15 Feb 00:30 in Casablanca (UTC+1).
    assert.equal(fmt.daysUntil('2026-02-15T12:00:00Z', new Date('2026-02-14T23:30:00Z')), 0);
    assert.equal(fmt.daysUntil('2026-02-16T00:30:00Z', new Date('2026-02-14T23:30:00Z')), 1);
    // 23:30Z on 21 March is still 21 March in Casablanca (UTC+0); 23:30Z on 22 March is 23 March (UTC+1).
    assert.equal(fmt.daysUntil('2026-03-22T23:30:00Z', new Date('2026-03-21T23:30:00Z')), 2);
    assert.equal(fmt.daysUntil('2026-03-31T22:59:00Z', new Date('2026-03-01T10:00:00Z')), 30);
    assert.equal(fmt.daysUntil('2026-03-01T10:00:00Z', new Date('2026-03-03T10:00:00Z')), -2);
  });

  it('format money exactly from its decimal string, never through a float', () => {
    const amount = '999999999999999.99';
    assert.notEqual(String(Number(amount)), amount, 'a float would round this amount');
    assert.match(formatters('fr').money({ amount, currency: 'MAD' }), /^999\D999\D999\D999\D999,99\sMAD$/);
    assert.match(formatters('ar').money({ amount, currency: 'MAD' }), /999\.999\.999\.999\.999,99/);
    assert.match(formatters('en').money({ amount: '12.5', currency: 'MAD' }), /^MAD\s12\.50$/);
  });

  it('serve Tamazight with zgh date data when Intl has it, Tifinagh zone label either way', () => {
    const fmt = formatters('zgh');
    const text = fmt.dateTime('2026-03-31T22:59:00Z');
    assert.match(text, /ⴰⴽⵓⴷ ⵏ ⵍⵎⵖⵔⵉⴱ/);
    if (Intl.DateTimeFormat.supportedLocalesOf(['zgh']).length > 0)
      assert.match(text, /[\u2D30-\u2D7F]+ 2026/);
    assert.match(text, /23:59/);
  });

  it('join lists in each language, Tamazight with its own words', () => {
    assert.equal(formatters('fr').list(['PDF', 'DOCX', 'ODS']), 'PDF, DOCX et ODS');
    assert.equal(formatters('en').list(['PDF', 'DOCX'], 'disjunction'), 'PDF or DOCX');
    assert.equal(formatters('ar').list(['أ', 'ب', 'ج']), 'أ وب وج');
    assert.equal(formatters('zgh').list(['ⴰ', 'ⴱ', 'ⵛ']), 'ⴰ, ⴱ ⴷ ⵛ');
    assert.doesNotMatch(formatters('fr').list(['a', 'b']), /،/);
  });

  it("say file sizes with the language's unit words, binary multiples", () => {
    assert.equal(fileSize(formatters('en'), 5 * 1_048_576), '5 MB');
    assert.match(fileSize(formatters('fr'), 2.5 * 1_048_576), /^2,5[\s\u202f]Mo$/);
    assert.equal(fileSize(formatters('en'), 1500), '2 kB');
    assert.equal(fileSize(formatters('en'), 0), '1 kB');
    assert.match(fileSize(formatters('ar'), 5 * 1_048_576), /^5 /);
    assert.doesNotMatch(fileSize(formatters('ar'), 5 * 1_048_576), /MB/);
  });

  it('cache one set of formatters per locale', () => {
    assert.equal(formatters('ar'), formatters('ar'));
    assert.notEqual(formatters('ar'), formatters('fr'));
  });
});
