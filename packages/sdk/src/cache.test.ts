import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheKey, createEtagCache } from './cache.js';

test('the least recently used entry is dropped first', () => {
  const cache = createEtagCache({ maxEntries: 2 });
  cache.set('a', '"1"', { n: 1 });
  cache.set('b', '"2"', { n: 2 });
  cache.get('a');
  cache.set('c', '"3"', { n: 3 });
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined);
  assert.deepEqual(cache.get('a'), { etag: '"1"', value: { n: 1 } });
});

test('callers get copies, never the stored value', () => {
  const cache = createEtagCache();
  const value = { list: [1] };
  cache.set('k', '"1"', value);
  value.list.push(2);
  const read = cache.get('k')?.value as { list: number[] };
  read.list.push(3);
  assert.deepEqual(cache.get('k')?.value, { list: [1] });
});

test('keys separate readers and languages without holding the token', () => {
  const url = 'https://api.example/v1/auth/me';
  const a = cacheKey(url, 'token_of_reader_a', 'ar');
  assert.notEqual(a, cacheKey(url, 'token_of_reader_b', 'ar'));
  assert.notEqual(a, cacheKey(url, 'token_of_reader_a', 'fr'));
  assert.notEqual(a, cacheKey(url, null, 'ar'));
  assert.ok(!a.includes('token_of_reader_a'));
});
