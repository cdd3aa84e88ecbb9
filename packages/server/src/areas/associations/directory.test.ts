// The directory's text search on the demo data, with its limits lowered so that every path runs: pages
// walked by name or sorted from the matches, and counts exact or estimated on a window. Each path is
// compared with the directory read the slow, obvious way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AssociationSearchQuery, RegionCode } from '@nassij/contract';
import { searchIds } from '../../search/search.js';
import { tempServer } from '../../testing.js';
import { type DirectorySearchOptions, searchDirectory } from './directory.js';
import { directoryKeysOf } from './directory-keys.js';
import { nameSortOf, readAssociation, saveAssociation } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

/** Every page of a query, followed by cursor, as ids. */
async function pagedIds(query: AssociationSearchQuery, options: DirectorySearchOptions): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let turn = 0; turn < 200; turn += 1) {
    const page = await searchDirectory(server.db, { ...query, ...(cursor ? { cursor } : {}) }, options);
    ids.push(...page.items.map((item) => item.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

/** The matches of a query the obvious way: the full-text ids, each record read and filtered, sorted by name. */
async function expectedIds(query: AssociationSearchQuery): Promise<string[]> {
  const matched = (await searchIds(server.db, 'association', query.q ?? '')) ?? [];
  const kept: { id: string; key: string }[] = [];
  for (const id of matched) {
    const association = await readAssociation(server.db, id);
    assert.ok(association);
    if (query.region?.length && !query.region.includes(association.region)) continue;
    if (query.legalForm?.length && !query.legalForm.includes(association.legalForm)) continue;
    if (query.domain?.length && !association.domains.some((domain) => query.domain?.includes(domain)))
      continue;
    if (query.publicUtility !== undefined && association.publicUtility !== query.publicUtility) continue;
    kept.push({ id, key: nameSortOf(association.name) });
  }
  return kept
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => entry.id);
}

const queries: AssociationSearchQuery[] = [
  { q: 'جمعية', limit: 7 },
  { q: 'association', region: ['MA-01', 'MA-09'], limit: 5 },
  { q: 'جمعي', domain: ['water', 'youth'], limit: 4 },
  { q: 'tifawin', limit: 2 },
  { q: 'association developpement', publicUtility: false, limit: 9 },
  { q: 'جمعية', legalForm: ['federation'], limit: 3 },
];

describe('the directory text search', () => {
  test('pages are the same whether walked by name, walked in short bounded steps, or sorted from the matches', async () => {
    for (const query of queries) {
      const expected = await expectedIds(query);
      assert.ok(
        expected.length > query.limit || query.q === 'tifawin' || query.legalForm,
        JSON.stringify(query),
      );
      for (const walkedNames of [8192, 12, 0]) {
        assert.deepEqual(
          await pagedIds(query, { walkedNames }),
          expected,
          `${JSON.stringify(query)} walking ${walkedNames} names`,
        );
      }
    }
  });

  test('a text found more often than the exact limit is counted on a window, says so, and keeps its pages exact', async () => {
    const query: AssociationSearchQuery = { q: 'جمعية', limit: 20 };
    const exact = await searchDirectory(server.db, query);
    assert.equal(exact.estimated, undefined);
    assert.ok(exact.total > 200, `${exact.total} matches`);
    const estimated = await searchDirectory(server.db, query, { exactCountLimit: 40 });
    assert.equal(estimated.estimated, true);
    // Rounded to two significant digits, and near the exact count: the demo's associations are alike
    // across the window.
    const digits = String(estimated.total).replace(/0+$/, '');
    assert.ok(digits.length <= 2, `${estimated.total} is rounded`);
    assert.ok(
      Math.abs(estimated.total - exact.total) / exact.total < 0.5,
      `${estimated.total} estimates ${exact.total}`,
    );
    // Every facet value counted is one the exact facets have.
    for (const facet of ['region', 'domain', 'legalForm']) {
      const known = new Set(exact.facets[facet]?.map((value) => value.value));
      for (const value of estimated.facets[facet] ?? [])
        assert.ok(known.has(value.value), `${facet} ${value.value}`);
    }
    // The pages are the matches themselves, never estimated.
    assert.deepEqual(await pagedIds(query, { exactCountLimit: 40 }), await pagedIds(query, {}));
  });

  test('a text found no more often than the exact limit is counted exactly, whatever the limit', async () => {
    const query: AssociationSearchQuery = { q: 'tifawin', limit: 20 };
    const expected = await expectedIds(query);
    const page = await searchDirectory(server.db, query, { exactCountLimit: expected.length });
    assert.equal(page.estimated, undefined);
    assert.equal(page.total, expected.length);
  });

  test('filters of a text are counted from its matches exactly as the pages list them', async () => {
    for (const query of queries) {
      const page = await searchDirectory(server.db, { ...query, limit: 100 });
      const expected = await expectedIds(query);
      assert.equal(page.total, expected.length, JSON.stringify(query));
      // Each region's count is the number the same query lists in that region alone.
      for (const region of page.facets.region ?? []) {
        const alone = await expectedIds({ ...query, region: [region.value as RegionCode] });
        assert.equal(region.count, alone.length, `${JSON.stringify(query)} in ${region.value}`);
      }
    }
  });

  test('counts are the same whether the matches are grouped from the keys kept in memory or in SQL', async () => {
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const grouped = keys.stats.grouped;
    // Limits no other test uses, so that no cube of these texts is kept already.
    const cubes = new Set<string>();
    for (const query of queries)
      for (const exactCountLimit of [41, 4095]) {
        const inSql = await searchDirectory(server.db, query, { exactCountLimit, inMemory: false });
        const inMemory = await searchDirectory(server.db, query, { exactCountLimit });
        assert.equal(
          JSON.stringify(inMemory),
          JSON.stringify(inSql),
          `${JSON.stringify(query)} ${exactCountLimit}`,
        );
        cubes.add(`${query.q}|${exactCountLimit}`);
      }
    // On SQLite each text's cube was grouped from memory (PostgreSQL has one way only).
    if (server.db.dialect === 'sqlite') assert.equal(keys.stats.grouped, grouped + cubes.size);
  });

  test('an association moved to another region is counted there at once; on PostgreSQL a match without its kept keys is grouped from its tables', async () => {
    const query: AssociationSearchQuery = { q: 'association', limit: 20 };
    const [id] = await expectedIds(query);
    const association = await readAssociation(server.db, id as string);
    assert.ok(association);
    const region: RegionCode = association.region === 'MA-01' ? 'MA-02' : 'MA-01';
    await saveAssociation(server.db, { ...association, region });
    /** Each region's count of the text, against the records read one by one. */
    const checkRegions = async (options: DirectorySearchOptions) => {
      const page = await searchDirectory(server.db, query, options);
      assert.ok(page.facets.region?.some((facet) => facet.value === region));
      for (const facet of page.facets.region ?? []) {
        const alone = await expectedIds({ ...query, region: [facet.value as RegionCode] });
        assert.equal(facet.count, alone.length, `${facet.value}`);
      }
    };
    await checkRegions({ exactCountLimit: 4094 });
    if (server.db.dialect === 'postgres') {
      // As before `071_association_group_keys`, or after a hand-made write: the association's tables answer.
      await server.db.write('UPDATE search_docs SET group_keys = NULL WHERE kind = ? AND id = ?', [
        'association',
        id,
      ]);
      await checkRegions({ exactCountLimit: 4093 });
    }
    await saveAssociation(server.db, association);
  });
});
