// The directory's text search on the demo data, with its limits lowered so that every path runs: pages
// walked by name or sorted from the matches, and counts exact or estimated on a window. Each path is
// compared with the directory read the slow, obvious way.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AssociationSearchQuery, RegionCode } from '@nassij/contract';
import type { Db, SqlValue } from '../../db/db.js';
import { searchIds } from '../../search/search.js';
import { tempServer } from '../../testing.js';
import { type DirectorySearchOptions, searchDirectory } from './directory.js';
import { directoryKeysOf } from './directory-keys.js';
import { associationSortKeysMigration } from './migrations.js';
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

  test('on PostgreSQL, each association keeps its name as the sort key of its words, filled by 076 for those before it', async () => {
    if (server.db.dialect !== 'postgres') return;
    const differing = async () =>
      await server.db.one<{ n: number; all: number }>(
        `SELECT COUNT(*) FILTER (WHERE s.sort_key IS DISTINCT FROM a.name_sort) AS n, COUNT(*) AS all
         FROM search_docs s JOIN associations a ON a.id = s.id WHERE s.kind = 'association'`,
      );
    assert.equal((await differing())?.n, 0);
    const [id] = await expectedIds({ q: 'tifawin', limit: 1 });
    const association = await readAssociation(server.db, id as string);
    assert.ok(association);
    await saveAssociation(server.db, { ...association, name: { ...association.name, ar: 'أبجد هوز' } });
    const renamed = await server.db.one<{ sort_key: string }>(
      "SELECT sort_key FROM search_docs WHERE kind = 'association' AND id = ?",
      [id],
    );
    assert.equal(renamed?.sort_key, 'ابجد هوز');
    await saveAssociation(server.db, association);
    // As before the migration: every association's key filled from its name.
    await server.db.write("UPDATE search_docs SET sort_key = NULL WHERE kind = 'association'");
    const { sql } = associationSortKeysMigration;
    await server.db.script(typeof sql === 'string' ? sql : sql.postgres);
    const after = await differing();
    assert.equal(after?.n, 0);
    assert.ok((after?.all ?? 0) > 300, `${after?.all} associations`);
  });

  test('on PostgreSQL, an estimate counts the associations up to the last page of its window as a TID range does', async () => {
    if (server.db.dialect !== 'postgres') return;
    for (const [q, exactCountLimit] of [
      ['جمعية', 40],
      ['association', 150],
      ['جمعي', 97],
    ] as const) {
      const page = await searchDirectory(server.db, { q, limit: 20 }, { exactCountLimit });
      assert.equal(page.estimated, true, q);
      // The first `exactCountLimit + 1` matches in the table's order, and the associations in their pages.
      const match = (await server.db.one<{ last: string }>(
        `SELECT MAX(ctid)::text AS last FROM (SELECT ctid FROM search_docs WHERE kind = 'association'
         AND id = ANY (?::text[]) ORDER BY ctid LIMIT ?) s`,
        [`{${((await searchIds(server.db, 'association', q)) ?? []).join(',')}}`, exactCountLimit + 1],
      )) as { last: string };
      const lastPage = Number(/^\((\d+),/.exec(match.last)?.[1]);
      const counts = await server.db.one<{ r: number; n: number }>(
        `SELECT COUNT(*) FILTER (WHERE ctid < ?::tid) AS r, COUNT(*) AS n FROM search_docs WHERE kind = 'association'`,
        [`(${lastPage + 1},0)`],
      );
      const estimate = ((exactCountLimit + 1) * Number(counts?.n)) / Number(counts?.r);
      const unit = 10 ** Math.max(0, Math.floor(Math.log10(estimate)) - 1);
      assert.equal(page.total, Math.round(estimate / unit) * unit, `${q}: ${counts?.r} of ${counts?.n}`);
    }
  });

  test('on PostgreSQL, the first page of a text seen for the first time is read with its counted matches', async () => {
    if (server.db.dialect !== 'postgres') return;
    const db = server.db;
    const statements: string[] = [];
    const all = db.all;
    db.all = (async (sql: string, params?: readonly SqlValue[]) => {
      statements.push(sql);
      return await all.call(db, sql, params);
    }) as Db['all'];
    try {
      for (const [q, limit] of [
        ['tifawin', 2],
        ['جمعي', 100],
        ['association developpement', 9],
      ] as const) {
        statements.length = 0;
        // A limit of its own, so that the text is seen for the first time.
        const page = await searchDirectory(db, { q, limit }, { exactCountLimit: 4000 + limit });
        const read = statements.filter((sql) => sql.includes('search_docs')).length;
        assert.equal(page.estimated, undefined);
        const expected = await expectedIds({ q, limit });
        assert.deepEqual(
          page.items.map((item) => item.id),
          expected.slice(0, limit),
          q,
        );
        assert.equal(page.nextCursor === null, expected.length <= limit, q);
        assert.equal(read, 1, q);
      }
    } finally {
      db.all = all;
    }
  });

  test('on PostgreSQL, pages past the first walk the search index in name order, with filters, as exactly', async () => {
    if (server.db.dialect !== 'postgres') return;
    const db = server.db;
    let walks = 0;
    const all = db.all;
    db.all = (async (sql: string, params?: readonly SqlValue[]) => {
      if (sql.includes('ORDER BY sort_key, id LIMIT')) walks += 1;
      return await all.call(db, sql, params);
    }) as Db['all'];
    try {
      for (const query of [
        { q: 'جمعية', limit: 7 },
        { q: 'association', region: ['MA-01', 'MA-09'], limit: 5 },
        { q: 'جمعي', domain: ['water', 'youth'], limit: 4 },
      ] satisfies AssociationSearchQuery[]) {
        walks = 0;
        assert.deepEqual(await pagedIds(query, { exactCountLimit: 4001 }), await expectedIds(query));
        assert.ok(walks > 0, `${JSON.stringify(query)} walked the search index`);
      }
    } finally {
      db.all = all;
    }
  });
});
