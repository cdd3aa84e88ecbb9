import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRetryableStatus, kyRetryOptions, parseRetryAfter, retryDelay, retryPolicy } from './retry.js';

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(parseRetryAfter('3'), 3000);
  const now = Date.parse('2026-03-31T10:00:00Z');
  assert.equal(parseRetryAfter('Tue, 31 Mar 2026 10:00:05 GMT', now), 5000);
  assert.equal(parseRetryAfter('Tue, 31 Mar 2026 09:59:00 GMT', now), 0, 'a past date means now');
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(parseRetryAfter(null), undefined);
});

test('backoff is full-jitter exponential and capped', () => {
  const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });
  assert.equal(
    retryDelay(0, undefined, policy, () => 0.999),
    99,
  );
  assert.equal(
    retryDelay(2, undefined, policy, () => 0.5),
    200,
  );
  assert.equal(
    retryDelay(10, undefined, policy, () => 0.999),
    999,
    'capped at maxDelayMs',
  );
  assert.equal(
    retryDelay(3, undefined, policy, () => 0),
    0,
  );
});

test('Retry-After wins over backoff, up to maxRetryAfterMs', () => {
  const policy = retryPolicy({ maxRetryAfterMs: 5000 });
  assert.equal(retryDelay(0, 2000, policy), 2000);
  assert.equal(retryDelay(0, 120_000, policy), 5000);
});

test('only transient statuses are retryable', () => {
  assert.deepEqual([408, 429, 500, 502, 503, 504].map(isRetryableStatus), [
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
  assert.deepEqual([400, 401, 404, 409, 412, 422, 501].map(isRetryableStatus), Array(7).fill(false));
});

test('ky retries writes only when they carry an Idempotency-Key, and honours Retry-After on every retryable status', () => {
  const policy = retryPolicy({ limit: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 });
  const keyed = kyRetryOptions(policy, true);
  assert.deepEqual(keyed.methods, ['get', 'post', 'put', 'patch', 'delete']);
  assert.deepEqual(kyRetryOptions(policy, false).methods, ['get'], 'no key: reads only');
  assert.equal(keyed.limit, 4);
  // A keyed write also waits out a 409 whose key an earlier attempt still holds (with Retry-After only).
  assert.deepEqual(keyed.statusCodes, [408, 429, 500, 502, 503, 504, 409]);
  assert.deepEqual(kyRetryOptions(policy, false).statusCodes, [408, 429, 500, 502, 503, 504]);
  assert.deepEqual(keyed.afterStatusCodes, keyed.statusCodes);
  assert.equal(keyed.maxRetryAfter, 5000);
  assert.equal(keyed.jitter, undefined, 'the jitter and the cap are in retryDelay');
  const random = Math.random;
  try {
    Math.random = () => 0.999;
    assert.equal(keyed.delay?.(1), 99, 'ky counts attempts from 1: the first retry waits up to baseDelayMs');
    assert.equal(keyed.delay?.(3), 399);
    assert.equal(keyed.delay?.(10), 999, 'capped at maxDelayMs');
  } finally {
    Math.random = random;
  }
});
