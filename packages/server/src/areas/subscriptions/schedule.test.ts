import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestPeriod, nextDigestAt } from './schedule.js';

test('daily digests go out at 08:00 Moroccan time, UTC+1 most of the year', () => {
  // Saturday 10:00 in Casablanca: the next 08:00 is Sunday's.
  assert.equal(
    nextDigestAt(new Date('2026-12-05T09:00:00Z'), 'daily').toISOString(),
    '2026-12-06T07:00:00.000Z',
  );
  // Saturday 07:30 in Casablanca: today's 08:00 is still ahead.
  assert.equal(
    nextDigestAt(new Date('2026-12-05T06:30:00Z'), 'daily').toISOString(),
    '2026-12-05T07:00:00.000Z',
  );
  // Exactly at the hour, the next one is the following day's.
  assert.equal(
    nextDigestAt(new Date('2026-12-06T07:00:00Z'), 'daily').toISOString(),
    '2026-12-07T07:00:00.000Z',
  );
});

test('during Ramadan (UTC+0) the hour stays 08:00 in Casablanca', () => {
  assert.equal(
    nextDigestAt(new Date('2026-03-01T12:00:00Z'), 'daily').toISOString(),
    '2026-03-02T08:00:00.000Z',
  );
});

test('weekly digests go out on Mondays at 08:00, and a period is named by its Moroccan date', () => {
  const monday = nextDigestAt(new Date('2026-12-05T09:00:00Z'), 'weekly');
  assert.equal(monday.toISOString(), '2026-12-07T07:00:00.000Z');
  assert.equal(nextDigestAt(monday, 'weekly').toISOString(), '2026-12-14T07:00:00.000Z');
  assert.equal(digestPeriod(monday, 'weekly'), 'weekly:2026-12-07');
  // 23:30 UTC is already the next day in Casablanca.
  assert.equal(digestPeriod(new Date('2026-12-06T23:30:00Z'), 'daily'), 'daily:2026-12-07');
});
