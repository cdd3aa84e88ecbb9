import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Db } from './db.js';
import {
  allOf,
  byCountThenValue,
  type FacetCountRow,
  facetedCounts,
  inList,
  marks,
} from './faceted-search.js';
import { openSqlite } from './sqlite.js';

let dir: string;
let db: Db;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nassij-facets-'));
  db = openSqlite(dir, { readers: 0 });
  await db.script('CREATE TABLE things (id TEXT PRIMARY KEY, region TEXT, kind TEXT)');
  const rows = [
    ['t1', 'MA-01', 'a'],
    ['t2', 'MA-01', 'b'],
    ['t3', 'MA-02', 'a'],
    ['t4', 'MA-02', 'a'],
    ['t5', null, 'b'],
  ];
  for (const row of rows) await db.write('INSERT INTO things VALUES (?, ?, ?)', row);
});
after(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

async function search(regions: string[], kinds: string[]) {
  const faceted = facetedCounts<'region' | 'kind'>({
    from: 'things t',
    base: [{ sql: "t.id <> 't9'", params: [] }],
    filters: {
      region: regions.length ? { sql: `t.region IN (${marks(regions)})`, params: regions } : undefined,
      kind: kinds.length ? { sql: `t.kind IN (${marks(kinds)})`, params: kinds } : undefined,
    },
    facets: [
      { facet: 'region', value: 't.region', from: 'things t' },
      { facet: 'kind', value: 't.kind', from: 'things t' },
    ],
  });
  const result = faceted.read(await db.all<FacetCountRow>(faceted.counts.sql, faceted.counts.params));
  for (const list of Object.values(result.facets)) list.sort(byCountThenValue);
  const page = await db.all<{ id: string }>(
    `SELECT id FROM things t WHERE ${faceted.where.sql} ORDER BY id`,
    faceted.where.params,
  );
  return { ...result, ids: page.map((row) => row.id) };
}

test('the total counts under every filter, each facet under every filter but its own', async () => {
  const { total, facets, ids } = await search(['MA-01'], ['a']);
  assert.equal(total, 1);
  assert.deepEqual(ids, ['t1']);
  // Regions of kind a (the region filter is the facet's own), kinds of MA-01 (likewise).
  assert.deepEqual(facets.region, [
    { value: 'MA-02', count: 2 },
    { value: 'MA-01', count: 1 },
  ]);
  assert.deepEqual(facets.kind, [
    { value: 'a', count: 1 },
    { value: 'b', count: 1 },
  ]);
});

test('no filter: everything counted, a NULL value left out of its facet', async () => {
  const { total, facets } = await search([], []);
  assert.equal(total, 5);
  assert.deepEqual(facets.region, [
    { value: 'MA-01', count: 2 },
    { value: 'MA-02', count: 2 },
  ]);
  assert.deepEqual(facets.kind, [
    { value: 'a', count: 3 },
    { value: 'b', count: 2 },
  ]);
});

test('inList filters on a list, not on an absent or empty one; allOf joins conditions', () => {
  assert.deepEqual(inList('a.region', ['MA-01', 'MA-06']), {
    sql: 'a.region IN (?, ?)',
    params: ['MA-01', 'MA-06'],
  });
  assert.equal(inList('a.region', []), undefined);
  assert.equal(inList('a.region', undefined), undefined);
  assert.deepEqual(allOf([]), { sql: '1 = 1', params: [] });
  assert.deepEqual(
    allOf([
      { sql: 'a = ?', params: [1] },
      { sql: 'b = ? OR c = ?', params: [2, 3] },
    ]),
    {
      sql: '(a = ?) AND (b = ? OR c = ?)',
      params: [1, 2, 3],
    },
  );
});
