import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogProblems } from '../i18n/catalogs.js';
import { callListMessages } from './call-list.messages.js';
import { emptyFilters, readFilters, splitList, toSearchQuery, writeFilters } from './filters.js';

test('the call list catalogs have every key and plural form in ar, fr, zgh and en', async () => {
  assert.deepEqual(await catalogProblems(callListMessages), []);
});

test('splitList accepts spaces and commas', () => {
  assert.deepEqual(splitList(' MA-01,MA-06  open '), ['MA-01', 'MA-06', 'open']);
  assert.deepEqual(splitList(null), []);
});

test('toSearchQuery leaves out empty text and empty facets', () => {
  const filters = emptyFilters();
  filters.q = '  شباب ';
  filters.values.region = ['MA-06', 'MA-01'];
  assert.deepEqual(toSearchQuery(filters), {
    sort: 'closing_soonest',
    q: 'شباب',
    region: ['MA-06', 'MA-01'],
  });
});

test('filters survive a URL round trip and keep the page parameters', () => {
  const filters = emptyFilters();
  filters.q = 'eau potable';
  filters.sort = 'largest';
  filters.values.status = ['open', 'forecast'];
  filters.values.awardRange = ['gte-1m'];
  const params = writeFilters(new URLSearchParams('page=2&nassij-q=old'), filters, 'nassij-');
  assert.equal(params.get('page'), '2');
  assert.deepEqual(params.getAll('nassij-status'), ['open', 'forecast']);
  const url = new URL(`https://example.ma/appels?${params}`);
  assert.deepEqual(readFilters(url.searchParams, 'nassij-'), filters);
});

test('readFilters ignores other prefixes and unknown sorts', () => {
  assert.equal(readFilters(new URLSearchParams('q=x&other-q=y'), 'nassij-'), undefined);
  const read = readFilters(new URLSearchParams('calls-sort=random&calls-region=MA-09'), 'calls-');
  assert.equal(read?.sort, 'closing_soonest');
  assert.deepEqual(read?.values.region, ['MA-09']);
});

test('the default sort is not written to the URL', () => {
  const params = writeFilters(new URLSearchParams(), emptyFilters(), 'nassij-');
  assert.equal(params.toString(), '');
});
