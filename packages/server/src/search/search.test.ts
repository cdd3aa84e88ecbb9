// Runs on SQLite, and on PostgreSQL too when NASSIJ_TEST_DATABASE names an admin URL (a fresh database).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../db/db.js';
import { migrate, openSqlite } from '../db/index.js';
import { isPostgresUrl } from '../db/open.js';
import { openPostgres } from '../db/postgres.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import {
  indexForSearch,
  isSearchTable,
  postgresSearchInOrder,
  postgresSearchRows,
  removeFromSearch,
  replaceSearchWords,
  searchCondition,
  searchDocIds,
  searchEntries,
  searchIds,
  searchMigration,
  searchMigrations,
  searchRowCondition,
} from './search.js';

const adminUrl = process.env.NASSIJ_TEST_DATABASE;
const dialects: Db['dialect'][] = isPostgresUrl(adminUrl) ? ['sqlite', 'postgres'] : ['sqlite'];

for (const dialect of dialects) {
  describe(`search on ${dialect}`, () => {
    let dir: string;
    let database: TestDatabase | undefined;
    let db: Db;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'nassij-search-'));
      if (dialect === 'postgres') {
        database = await createTestDatabase(adminUrl as string);
        db = await openPostgres(database.url);
      } else db = openSqlite(dir);
      await migrate(db, searchMigrations);
      // A table to filter with a search condition, as an area does.
      await db.script('CREATE TABLE things (id TEXT PRIMARY KEY)');
      for (const id of ['a1', 'a2', 'a3']) await db.write('INSERT INTO things (id) VALUES (?)', [id]);
      await indexForSearch(db, 'association', 'a1', [
        { ar: 'الجمعيّة المغربية لحماية البيئة', fr: "Association marocaine pour l'environnement" },
      ]);
      await indexForSearch(db, 'association', 'a2', [{ fr: 'Amicale des étudiants de Fès' }, 'AMEF']);
      await indexForSearch(db, 'course', 'c1', [{ ar: 'تدبير الجمعيات', fr: 'Gestion associative' }]);
    });

    after(async () => {
      await db.close();
      await database?.drop();
      await rm(dir, { recursive: true, force: true });
    });

    test('جمعية finds الجمعيّة (tashkeel, ta marbuta and the article folded)', async () => {
      assert.deepEqual(await searchIds(db, 'association', 'جمعية'), ['a1']);
      assert.deepEqual(await searchIds(db, 'association', 'الجمعية المغربية'), ['a1']);
      assert.deepEqual(await searchIds(db, 'association', 'جمعي'), ['a1'], 'a prefix of an Arabic word');
    });

    test('etudiant finds étudiant, and prefixes match', async () => {
      assert.deepEqual(await searchIds(db, 'association', 'etudiant'), ['a2']);
      assert.deepEqual(await searchIds(db, 'association', 'ETUD fes'), ['a2']);
      assert.deepEqual(await searchIds(db, 'association', 'amef'), ['a2']);
    });

    test('kinds are separate, every word must match, and an empty query does not filter', async () => {
      assert.deepEqual(await searchIds(db, 'course', 'جمعيات'), ['c1']);
      assert.deepEqual(await searchIds(db, 'association', 'gestion'), []);
      assert.deepEqual(await searchIds(db, 'association', 'environnement etudiant'), []);
      assert.equal(await searchIds(db, 'association', ' ؟! '), null);
      assert.equal(searchCondition(db, 'association', 'id', ''), null);
      await assert.rejects(searchIds(db, 'nonsense', 'x'), /Unknown search kind/);
    });

    test('ranking puts the items with fewest other words first (the most specific), ties by id', async () => {
      await indexForSearch(db, 'call', 'k2', ['eau potable', 'eau eau eau', 'rural']);
      await indexForSearch(db, 'call', 'k1', ['projet rural']);
      await indexForSearch(db, 'call', 'k3', ['projet rural']);
      // Words are indexed once per item (a set) and every query word must match, so on both dialects the
      // rank only weighs the item's length: bm25 on SQLite, ts_rank normalised by length on PostgreSQL.
      assert.deepEqual(await searchIds(db, 'call', 'rural'), ['k1', 'k3', 'k2']);
      assert.deepEqual(await searchIds(db, 'call', 'eau rur'), ['k2']);
    });

    test('a search condition composes into a WHERE clause, and quotes and operators in queries are harmless', async () => {
      const filter = async (q: string) => {
        const condition = searchCondition(db, 'association', 'id', q);
        assert.ok(condition);
        const rows = await db.all<{ id: string }>(
          `SELECT id FROM things WHERE ${condition.sql} ORDER BY id`,
          condition.params,
        );
        return rows.map((r) => r.id);
      };
      assert.deepEqual(await filter('Fès'), ['a2']);
      assert.deepEqual(await filter('Fès "OR" *'), []);
      assert.deepEqual(await filter("l'environnement | !marocaine & (zzz"), []);
      assert.deepEqual(await filter("l'environnement"), ['a1'], 'an apostrophe splits words');
      assert.deepEqual(await filter('marocaine'), ['a1']);
    });

    test('on SQLite, the docids of the matches are those of search_docs, and stay with an item re-indexed', async () => {
      if (dialect === 'postgres') {
        // PostgreSQL has no docid: its callers use searchCondition.
        assert.throws(() => searchDocIds(db, 'association', 'fes'), /searchCondition/);
        return;
      }
      const matching = async (q: string) => {
        const match = searchDocIds(db, 'association', q);
        assert.ok(match);
        const rows = await db.all<{ id: string; docid: number }>(
          `SELECT d.id, d.docid FROM (${match.sql}) s JOIN search_docs d ON d.docid = s.docid ORDER BY d.id`,
          match.params,
        );
        return rows;
      };
      const before = await matching('marocaine');
      assert.deepEqual(
        before.map((row) => row.id),
        ['a1'],
      );
      assert.deepEqual(
        (await matching('Fès "OR" *')).map((row) => row.id),
        [],
      );
      await indexForSearch(db, 'association', 'a1', [
        { ar: 'الجمعيّة المغربية لحماية البيئة', fr: "Association marocaine pour l'environnement" },
      ]);
      assert.deepEqual(await matching('marocaine'), before);
      assert.equal(searchDocIds(db, 'association', ' ؟! '), null);
      assert.throws(() => searchDocIds(db, 'nonsense', 'x'), /Unknown search kind/);
    });

    test('a row condition answers as the index does, for every item and every prefix of its words', async () => {
      const probes = new Set(['zzz', 'Fès "OR" *', "l'environnement marocaine", 'جمعي بيئ', 'AMEF']);
      for (const entry of await searchEntries(db))
        for (const word of entry.words)
          for (let length = 2; length <= [...word].length; length += 1)
            probes.add([...word].slice(0, length).join(''));
      assert.ok(probes.size > 60, `${probes.size} probes`);
      for (const q of probes) {
        const expected = ((await searchIds(db, 'association', q)) ?? []).sort();
        const condition = searchRowCondition(db, 'association', { docid: 'd.docid', id: 'd.id' }, q);
        assert.ok(condition, q);
        const rows = await db.all<{ id: string }>(
          `SELECT d.id FROM search_docs d WHERE d.kind = 'association' AND ${condition.sql} ORDER BY d.id`,
          condition.params,
        );
        assert.deepEqual(
          rows.map((row) => row.id),
          expected,
          q,
        );
      }
      assert.equal(searchRowCondition(db, 'association', { docid: 'd.docid', id: 'd.id' }, ' ؟! '), null);
    });

    test('on PostgreSQL, matches are walked in sort key order from a position, within a budget', async () => {
      if (dialect === 'sqlite') {
        assert.throws(() => postgresSearchInOrder(db, 'association', 'ami', { budget: 9 }), /PostgreSQL/);
        return;
      }
      // As an area keeps them (the associations: their name as the directory sorts it); a5 has none.
      await indexForSearch(db, 'association', 'a4', ['Amicale du sport'], { sortKey: 'c' });
      await indexForSearch(db, 'association', 'a5', ['Amicale sans clé de tri']);
      for (const [id, key] of [
        ['a1', 'z'],
        ['a2', 'm'],
      ])
        await db.write("UPDATE search_docs SET sort_key = ? WHERE kind = 'association' AND id = ?", [
          key,
          id,
        ]);
      // Words replaced without a key keep the one there is.
      await replaceSearchWords(db, 'association', 'a4', ['amicale', 'sport']);
      const walked = async (q: string, options: Parameters<typeof postgresSearchInOrder>[3]) => {
        const walk = postgresSearchInOrder(db, 'association', q, options);
        assert.ok(walk);
        const rows = await db.all<{ id: string; sort_key: string }>(walk.sql, walk.params);
        return rows.map((row) => `${row.sort_key}:${row.id}`);
      };
      try {
        assert.deepEqual(await walked('ami', { budget: 10 }), ['c:a4', 'm:a2']);
        assert.deepEqual(await walked('ami', { budget: 10, after: ['c', 'a4'] }), ['m:a2']);
        // The budget counts the items read, matching or not: a4 is the first of all in order.
        assert.deepEqual(await walked('ami', { budget: 1 }), ['c:a4']);
        assert.deepEqual(await walked('assoc', { budget: 2 }), []);
        assert.deepEqual(await walked('assoc', { budget: 3 }), ['z:a1']);
        assert.equal(postgresSearchInOrder(db, 'association', ' ؟! ', { budget: 9 }), null);
        assert.throws(() => postgresSearchInOrder(db, 'association', 'ami', { budget: 9, after: ['c'] }));
      } finally {
        await removeFromSearch(db, 'association', 'a4');
        await removeFromSearch(db, 'association', 'a5');
      }
    });

    test('on PostgreSQL, the rows of a text can be read from the first page of the table on', async () => {
      if (dialect === 'sqlite') return;
      const match = postgresSearchRows(db, 'association', 'association');
      assert.ok(match);
      // A sequential scan of a large table starts wherever another scan of it is (synchronized scans), so
      // that a LIMIT kept matches from anywhere: without the GIN bitmap, a TID range reads them from page 0.
      const plan = await db.atomic(async () => {
        for (const scan of ['bitmapscan', 'indexscan', 'seqscan'])
          await db.write(`SET LOCAL enable_${scan} = off`);
        return await db.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${match.sql} LIMIT 10`, match.params);
      });
      const text = plan.map((row) => row['QUERY PLAN']).join('\n');
      assert.match(text, /Tid Range Scan/, text);
      const rows = await db.all<{ id: string; tid: string }>(`${match.sql} LIMIT 10`, match.params);
      assert.deepEqual(
        rows.map((row) => row.id),
        ['a1'],
      );
    });

    test('re-indexing replaces the words, removing forgets them, and entries list what is indexed', async () => {
      await indexForSearch(db, 'association', 'a3', ['Tamount']);
      assert.deepEqual(await searchIds(db, 'association', 'tamount'), ['a3']);
      await indexForSearch(db, 'association', 'a3', ['Tifawin']);
      assert.deepEqual(await searchIds(db, 'association', 'tamount'), []);
      assert.deepEqual(await searchIds(db, 'association', 'tifawin'), ['a3']);
      await replaceSearchWords(db, 'association', 'a3', ['tifawin', '2027']);
      assert.deepEqual(await searchIds(db, 'association', '2027'), ['a3']);
      const a3 = (await searchEntries(db)).find((entry) => entry.kind === 'association' && entry.id === 'a3');
      assert.deepEqual(a3?.words.sort(), ['2027', 'tifawin']);
      await removeFromSearch(db, 'association', 'a2');
      await removeFromSearch(db, 'association', 'a2');
      assert.deepEqual(await searchIds(db, 'association', 'etudiant'), []);
      assert.deepEqual(await searchIds(db, 'course', 'gestion'), ['c1'], 'other kinds untouched');
    });

    test('the index tables are recognised as such', () => {
      assert.ok(isSearchTable('search_docs'));
      assert.ok(isSearchTable('search_call_data'));
      assert.ok(isSearchTable('search_index'));
      assert.ok(!isSearchTable('calls'));
      assert.ok(!isSearchTable('search_history'));
    });
  });
}

test('an existing SQLite database keeps its index when it moves to one index per kind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-search-'));
  const db = openSqlite(dir);
  try {
    await migrate(db, [searchMigration]);
    // Rows as the first layout's indexForSearch wrote them.
    await db.write('INSERT INTO search_index (kind, id, terms) VALUES (?, ?, ?)', [
      'call',
      'k1',
      'appel eau',
    ]);
    await db.write('INSERT INTO search_index (kind, id, terms) VALUES (?, ?, ?)', [
      'association',
      'a1',
      'jamia',
    ]);
    assert.deepEqual(await migrate(db, searchMigrations), [
      '006_search_per_kind',
      '067_search_association_prefixes',
      '069_search_group_keys',
      '075_search_sort_keys',
    ]);
    assert.deepEqual(await searchIds(db, 'call', 'app'), ['k1']);
    assert.deepEqual(await searchIds(db, 'association', 'jamia'), ['a1']);
    assert.deepEqual(await searchIds(db, 'association', 'eau'), []);
    await indexForSearch(db, 'call', 'k2', ['eau']);
    assert.deepEqual((await searchIds(db, 'call', 'eau'))?.sort(), ['k1', 'k2']);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("an existing SQLite database keeps its associations' words when their index gains prefix indexes", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'nassij-search-'));
  const db = openSqlite(dir);
  try {
    const [first, perKind] = searchMigrations;
    assert.ok(first && perKind);
    await migrate(db, [first, perKind]);
    await indexForSearch(db, 'association', 'a1', [{ ar: 'جمعية الأمل', fr: 'Association Al Amal' }]);
    await indexForSearch(db, 'association', 'a2', [{ fr: 'Amicale des étudiants' }]);
    const probes = ['as', 'ass', 'am', 'جم', 'جمع', 'amal', 'etud', 'zz'];
    const before = await Promise.all(probes.map((q) => searchIds(db, 'association', q)));
    assert.deepEqual(await migrate(db, searchMigrations), [
      '067_search_association_prefixes',
      '069_search_group_keys',
      '075_search_sort_keys',
    ]);
    const table = await db.one<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE name = 'search_association'",
    );
    assert.match(table?.sql ?? '', /prefix = '2 3'/);
    assert.deepEqual(await Promise.all(probes.map((q) => searchIds(db, 'association', q))), before);
    assert.deepEqual(before[1], ['a1'], 'a prefix finds the word it begins');
    // Writes after the rebuild land in the new table, docids kept.
    await indexForSearch(db, 'association', 'a3', ['Assaka']);
    assert.deepEqual(await searchIds(db, 'association', 'ass'), ['a3', 'a1']);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
});
