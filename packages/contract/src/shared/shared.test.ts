import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { RegionCode, WebUrl } from './ids.js';
import { Deadline, Instant, Period } from './instant.js';
import { fallbackOrder, pickText, toLocale } from './locale.js';
import { LocalizedText } from './localized-text.js';
import { compareMoney, fromMinorUnits, Money, toMinorUnits } from './money.js';
import { Page, PageQuery } from './page.js';
import { ERROR_CODES, ERROR_STATUS, Problem } from './problem.js';
import {
  casablancaDate,
  casablancaDayAt,
  casablancaDays,
  casablancaDaysUntil,
  casablancaOffsetMinutes,
  casablancaWallClock,
  fromCasablancaWallClock,
} from './time.js';
import { objectToQuery, queryToObject, validate } from './validate.js';

test('LocalizedText accepts Arabic, French and Tifinagh, and refuses an empty text or an unknown language', () => {
  assert.ok(LocalizedText.safeParse({ ar: 'دعم الجمعيات' }).success);
  assert.ok(LocalizedText.safeParse({ zgh: 'ⴰⵙⵙⵓⵜⵔ ⵏ ⵜⵎⵓⵏⴰ' }).success);
  assert.ok(LocalizedText.safeParse({ ar: 'نص', fr: 'Texte', zgh: 'ⴰⴹⵕⵉⵚ', en: 'Text' }).success);
  const empty = validate(LocalizedText, {});
  assert.equal(empty.ok, false);
  assert.equal(!empty.ok && empty.errors[0]?.code, 'required');
  assert.equal(LocalizedText.safeParse({ ar: '   ' }).success, false, 'blank text is no text');
  const unknown = validate(LocalizedText, { ar: 'نص', es: 'texto' }, 'body');
  assert.deepEqual(!unknown.ok && unknown.errors.map((e) => [e.path, e.code, e.in]), [
    ['/es', 'unknown_field', 'body'],
  ]);
});

test('pickText follows requested → ar → fr → en → any and says which language it used', () => {
  assert.deepEqual(fallbackOrder('en'), ['en', 'ar', 'fr', 'zgh']);
  assert.deepEqual(fallbackOrder('zgh'), ['zgh', 'ar', 'fr', 'en']);
  assert.deepEqual(pickText({ ar: 'عربي', fr: 'Français' }, 'fr'), { text: 'Français', locale: 'fr' });
  assert.deepEqual(pickText({ ar: 'عربي', fr: 'Français' }, 'zgh'), { text: 'عربي', locale: 'ar' });
  assert.deepEqual(pickText({ en: 'English', fr: 'Français' }, 'ar'), { text: 'Français', locale: 'fr' });
  assert.deepEqual(pickText({ zgh: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' }, 'en'), { text: 'ⵜⴰⵎⴰⵣⵉⵖⵜ', locale: 'zgh' });
  assert.equal(toLocale('ar-MA'), 'ar');
  assert.equal(toLocale('zgh-Tfng'), 'zgh');
  assert.equal(toLocale('tzm'), 'zgh');
  assert.equal(toLocale('es'), undefined);
});

test('Money is a decimal string in MAD, never a float, exact in minor units', () => {
  for (const amount of ['0', '0.5', '12.50', '250000', '999999999999999.99'])
    assert.ok(Money.safeParse({ amount, currency: 'MAD' }).success, amount);
  for (const amount of ['-1', '1e3', '01', '1.234', '', ' 1', '1,5', 'NaN', 'Infinity'])
    assert.equal(Money.safeParse({ amount, currency: 'MAD' }).success, false, amount);
  assert.equal(Money.safeParse({ amount: 1.5, currency: 'MAD' }).success, false, 'a number is refused');
  assert.equal(Money.safeParse({ amount: '1', currency: 'EUR' }).success, false);
  assert.equal(
    toMinorUnits({ amount: '0.1', currency: 'MAD' }) + toMinorUnits({ amount: '0.2', currency: 'MAD' }),
    30n,
  );
  assert.equal(toMinorUnits({ amount: '999999999999999.99', currency: 'MAD' }), 99999999999999999n);
  assert.deepEqual(fromMinorUnits(99999999999999999n), { amount: '999999999999999.99', currency: 'MAD' });
  assert.deepEqual(fromMinorUnits(5), { amount: '0.05', currency: 'MAD' });
  assert.throws(() => fromMinorUnits(-1));
  assert.equal(compareMoney({ amount: '10', currency: 'MAD' }, { amount: '9.99', currency: 'MAD' }), 1);
  assert.equal(compareMoney({ amount: '10.0', currency: 'MAD' }, { amount: '10', currency: 'MAD' }), 0);
});

test('instants are UTC with Z; a deadline carries Africa/Casablanca', () => {
  assert.ok(Instant.safeParse('2026-03-31T22:59:00Z').success);
  assert.equal(Instant.safeParse('2026-03-31T23:59:00+01:00').success, false, 'offsets refused');
  assert.equal(Instant.safeParse('2026-03-31').success, false, 'a deadline is never a bare date');
  assert.equal(Deadline.safeParse({ at: '2026-03-31T22:59:00Z', timeZone: 'Europe/Paris' }).success, false);
  assert.equal(
    Period.safeParse({ start: '2026-03-02T00:00:00Z', end: '2026-03-01T00:00:00Z' }).success,
    false,
  );
});

test('deadlines on both sides of the Ramadan 2026 clock change keep their Casablanca day', () => {
  // 23:59 in Casablanca is 22:59Z before the change (UTC+1), 23:59Z during Ramadan (UTC+0).
  const before = { at: '2026-02-14T22:59:00Z', timeZone: 'Africa/Casablanca' };
  const during = { at: '2026-03-01T23:59:00Z', timeZone: 'Africa/Casablanca' };
  const after = { at: '2026-03-31T22:59:00Z', timeZone: 'Africa/Casablanca' };
  for (const deadline of [before, during, after]) assert.ok(Deadline.safeParse(deadline).success);
  assert.equal(casablancaDate(before.at), '2026-02-14');
  assert.equal(casablancaDate(during.at), '2026-03-01');
  assert.equal(casablancaDate('2026-03-01T23:30:00Z'), '2026-03-01', 'UTC+0 during Ramadan');
  assert.equal(casablancaDate('2026-03-31T23:30:00Z'), '2026-04-01', 'UTC+1 after Ramadan');
  assert.equal(casablancaDaysUntil(after.at, '2026-03-29T08:00:00Z'), 2);
  assert.equal(casablancaDaysUntil(after.at, '2026-03-31T22:00:00Z'), 0, 'closes today');
  // 23:30Z on 14 February is already 00:30 on the 15th in Casablanca (UTC+1), the day that counts.
  assert.equal(casablancaDaysUntil(during.at, '2026-02-14T23:30:00Z'), 14, 'across the change');
  assert.equal(casablancaDaysUntil(before.at, '2026-02-16T10:00:00Z'), -2);
});

test('validate names every unknown field, the missing ones and the wrong formats, as JSON pointers', () => {
  const Body = z.strictObject({
    title: z.string(),
    region: RegionCode,
    nested: z.strictObject({ url: WebUrl }),
  });
  const result = validate(
    Body,
    { titel: 'x', region: 'MA-13', nested: { url: 'javascript:alert(1)', extra: 1 } },
    'body',
  );
  assert.equal(result.ok, false);
  const errors = result.ok ? [] : result.errors.map((e) => `${e.path}:${e.code}`).sort();
  assert.deepEqual(
    errors,
    [
      '/nested/extra:unknown_field',
      '/nested/url:invalid_format',
      '/region:invalid_format',
      '/title:required',
      '/titel:unknown_field',
    ].sort(),
  );
});

test('query strings map to arrays where the schema has arrays, and back', () => {
  const Query = z.strictObject({
    region: z.optional(z.array(RegionCode)),
    q: z.optional(z.string()),
    ...PageQuery,
  });
  const params = new URLSearchParams('region=MA-01&region=MA-06&q=ماء&q=eau&limit=5');
  const object = queryToObject(Query, params);
  assert.deepEqual(object, { region: ['MA-01', 'MA-06'], q: 'eau', limit: '5' });
  const parsed = validate(Query, object, 'query');
  assert.ok(parsed.ok && parsed.value.limit === 5);
  assert.deepEqual(queryToObject(Query, new URLSearchParams('region=MA-02')), { region: ['MA-02'] });
  assert.equal(
    objectToQuery({ region: ['MA-01', 'MA-02'], limit: 10, cursor: undefined }).toString(),
    'region=MA-01&region=MA-02&limit=10',
  );
  const tooMany = validate(Query, { limit: '1000' }, 'query');
  assert.equal(!tooMany.ok && tooMany.errors[0]?.code, 'too_big');
});

test('pages carry a cursor or null, and problems carry a stable code with a matching status', () => {
  const P = Page(z.strictObject({ id: z.string() }));
  assert.ok(
    P.safeParse({
      items: [{ id: 'a' }],
      nextCursor: null,
      total: 1,
      facets: { status: [{ value: 'open', count: 1 }] },
    }).success,
  );
  assert.equal(P.safeParse({ items: [] }).success, false, 'nextCursor is explicit');
  for (const code of ERROR_CODES) assert.ok(ERROR_STATUS[code] >= 400 && ERROR_STATUS[code] < 600, code);
  assert.ok(
    Problem.safeParse({
      type: 'https://nassij.ma/problems/not_found',
      title: 'Not found',
      status: 404,
      code: 'not_found',
    }).success,
  );
  assert.equal(Problem.safeParse({ type: 'x', title: 'x', status: 404, code: 'nope' }).success, false);
});

test("Morocco's clock table agrees with the IANA tz database hour by hour, 2019–2050", () => {
  // Node ships full ICU with tzdata; when a new tzdata moves a Ramadan change, this fails: update the table.
  const intl = new Intl.DateTimeFormat('en', { timeZone: 'Africa/Casablanca', timeZoneName: 'longOffset' });
  const offsetOf = (ms: number) => {
    const name = intl.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT\+(\d{2}):(\d{2})/.exec(name);
    return match ? Number(match[1]) * 60 + Number(match[2]) : 0;
  };
  let checked = 0;
  for (
    let ms = Date.parse('2019-01-01T00:30:00Z');
    ms < Date.parse('2051-01-01T00:00:00Z');
    ms += 3_600_000
  ) {
    assert.equal(casablancaOffsetMinutes(new Date(ms)), offsetOf(ms), new Date(ms).toISOString());
    checked++;
  }
  assert.ok(checked > 280_000);
  assert.equal(casablancaOffsetMinutes('2026-12-02T09:06:00Z'), 60, 'December 2026 is UTC+1');
  assert.equal(casablancaWallClock('2026-03-31T22:59:00Z').toISOString(), '2026-03-31T23:59:00.000Z');
  assert.equal(casablancaWallClock('2026-03-01T23:59:00Z').toISOString(), '2026-03-01T23:59:00.000Z');
});

test('fromCasablancaWallClock on both Ramadan 2026 clock changes: normal, skipped and repeated wall times', () => {
  const at = (wall: string) => fromCasablancaWallClock(new Date(wall)).toISOString();
  // 2026-02-15T02:00Z: UTC+1 → UTC+0, Morocco's clock goes from 03:00 back to 02:00; 02:00–03:00 repeats.
  assert.equal(at('2026-02-15T01:30:00Z'), '2026-02-15T00:30:00.000Z', 'before the change, UTC+1');
  assert.equal(at('2026-02-15T02:30:00Z'), '2026-02-15T01:30:00.000Z', 'a repeated hour: first occurrence');
  assert.equal(at('2026-02-15T03:30:00Z'), '2026-02-15T03:30:00.000Z', 'after the change, UTC+0');
  assert.equal(at('2026-02-16T00:30:00Z'), '2026-02-16T00:30:00.000Z', 'the next day, UTC+0');
  // 2026-03-22T02:00Z: UTC+0 → UTC+1, Morocco's clock jumps from 02:00 to 03:00; 02:00–03:00 is skipped.
  assert.equal(at('2026-03-22T01:30:00Z'), '2026-03-22T01:30:00.000Z', 'before the change, UTC+0');
  assert.equal(at('2026-03-22T02:30:00Z'), '2026-03-22T02:30:00.000Z', 'a skipped time: one hour later');
  assert.equal(casablancaWallClock(at('2026-03-22T02:30:00Z')).toISOString(), '2026-03-22T03:30:00.000Z');
  assert.equal(at('2026-03-22T03:30:00Z'), '2026-03-22T02:30:00.000Z', 'after the change, UTC+1');
  assert.equal(at('2026-03-23T00:30:00Z'), '2026-03-22T23:30:00.000Z', 'the next day, UTC+1');
  // Round trips every quarter hour for a day around each change, but for the second occurrence of the
  // repeated hour, which resolves to its first.
  for (const change of ['2026-02-15T02:00:00Z', '2026-03-22T02:00:00Z']) {
    const centre = Date.parse(change);
    for (let ms = centre - 43_200_000; ms <= centre + 43_200_000; ms += 900_000) {
      const wall = casablancaWallClock(new Date(ms));
      const repeated = casablancaWallClock(new Date(ms - 3_600_000)).getTime() >= wall.getTime();
      if (repeated) continue;
      assert.equal(fromCasablancaWallClock(wall).getTime(), ms, new Date(ms).toISOString());
    }
  }
});

test('casablancaDays lists the Moroccan dates a period covers: an evening start in UTC is already the next day', () => {
  // 23:30 UTC on 12 May is 00:30 on 13 May in Casablanca (UTC+1).
  assert.deepEqual(casablancaDays('2026-05-12T23:30:00Z', '2026-05-15T15:00:00Z'), [
    '2026-05-13',
    '2026-05-14',
    '2026-05-15',
  ]);
  assert.deepEqual(casablancaDays('2026-05-12T08:00:00Z', '2026-05-12T16:00:00Z'), ['2026-05-12']);
  // Across the end of Ramadan's UTC+0 (22 March 2026): one date each, none skipped or repeated.
  assert.deepEqual(casablancaDays('2026-03-21T10:00:00Z', '2026-03-23T10:00:00Z'), [
    '2026-03-21',
    '2026-03-22',
    '2026-03-23',
  ]);
  assert.deepEqual(
    casablancaDays('2026-05-12T08:00:00Z', '2026-05-11T08:00:00Z'),
    [],
    'an end before its start',
  );
});

test("casablancaDayAt reads the hour on Morocco's clock, the same whatever the hour of the day it starts from", () => {
  assert.equal(casablancaDayAt('2026-05-12T23:30:00Z', 1, 9), '2026-05-14T08:00:00.000Z');
  assert.equal(casablancaDayAt('2026-05-12T00:10:00Z', 1, 9), '2026-05-13T08:00:00.000Z');
  // During Ramadan (UTC+0) 09:00 there is 09:00Z.
  assert.equal(casablancaDayAt('2026-03-01T12:00:00Z', 0, 9), '2026-03-01T09:00:00.000Z');
  // Every quarter hour of a day: the instant falls on the date asked, at 09:00 there.
  for (let ms = Date.parse('2026-05-12T00:00:00Z'); ms < Date.parse('2026-05-13T00:00:00Z'); ms += 900_000) {
    const from = new Date(ms);
    const at = casablancaDayAt(from, 2, 9);
    assert.equal(casablancaDaysUntil(at, from), 2, from.toISOString());
    assert.equal(casablancaWallClock(at).toISOString().slice(11, 16), '09:00', from.toISOString());
  }
});
