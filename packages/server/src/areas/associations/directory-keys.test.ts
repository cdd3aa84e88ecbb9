// The directory's search keys kept in memory (SQLite) group a text's matches exactly as SQL does, and keep
// doing so through writes: a moved association, a new one, deleted keys, a removed search entry, a
// transaction that rolls back, a schema change. SQL's grouping is the reference each time; the copy must
// have answered (not fallen back to SQL) for a check to count. The same for the pages it picks from a
// text's matches by the names' ranks it keeps, through renames, a registration and a removed name.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type KeyValue, keysetClause } from '../../http/cursor.js';
import { removeFromSearch, searchDocIds } from '../../search/search.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { tempServer } from '../../testing.js';
import { directoryKeysOf, type GroupedMatches, groupMatchesInSql, type NamedRow } from './directory-keys.js';
import { readAssociation, saveAssociation } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

/** Texts common and rare, several words, a word begun, and one without a match. */
const texts = ['جمعية', 'association', 'tifawin', 'جمعي', 'association developpement', 'eau', 'qqqqzz'];
/** Match limits below and above the demo's counts. */
const limits = [40, 4097];

/** Groups in an order and form that do not depend on how they were read. */
function canonical(grouped: GroupedMatches): string {
  const groups = grouped.groups
    .map((group) =>
      JSON.stringify({ ...group, public_utility: Number(group.public_utility), n: Number(group.n) }),
    )
    .sort();
  return JSON.stringify({ last: grouped.last, groups });
}

/** Every text and limit grouped from the copy and in SQL: the same groups, and the copy answered each. */
async function assertCopyGroupsAsSql(when: string): Promise<void> {
  const keys = directoryKeysOf(server.db);
  for (const text of texts)
    for (const limit of limits) {
      const inMemory = await keys.group(text, limit);
      assert.ok(inMemory, `the copy answers ${text} ${when}`);
      assert.equal(
        canonical(inMemory),
        canonical(await groupMatchesInSql(server.db, text, limit)),
        `${text} limit ${limit} ${when}`,
      );
    }
}

/** The number of matches of `text` in `region`, grouped in SQL. */
async function inRegion(text: string, region: string): Promise<number> {
  const grouped = await groupMatchesInSql(server.db, text, 4097);
  return grouped.groups.filter((group) => group.region === region).reduce((sum, group) => sum + group.n, 0);
}

/**
 * A page of a text's matches in `region` (every region when undefined) after `after`, with their records,
 * as SQL reads it.
 */
async function pageInSql(
  text: string,
  region: string | undefined,
  after: readonly KeyValue[] | undefined,
  rows: number,
): Promise<NamedRow[]> {
  const match = searchDocIds(server.db, 'association', text);
  assert.ok(match);
  const position = keysetClause(
    { name: 'name', keys: [{ expr: 'n.name_sort' }, { expr: 'n.association_id' }] },
    after,
  );
  return await server.db.all<NamedRow>(
    `SELECT n.name_sort, n.association_id AS id, a.data FROM (${match.sql}) s
JOIN association_search_keys k ON k.docid = s.docid JOIN association_search_names n ON n.docid = s.docid
LEFT JOIN associations a ON a.id = n.association_id
WHERE ${region ? 'k.region = ?' : '1 = 1'} AND ${position.sql}
ORDER BY n.name_sort, n.association_id LIMIT ?`,
    [...match.params, ...(region ? [region] : []), ...position.params, rows],
  );
}

/**
 * Every page of every text, in every region and in one, picked from the copy and read in SQL: the same
 * rows, and the copy answered each page but those it must leave to SQL (`leftToSql` of them at most).
 */
async function assertCopyPagesAsSql(when: string, leftToSql = 0): Promise<void> {
  const keys = directoryKeysOf(server.db);
  let declined = 0;
  for (const text of texts)
    for (const region of [undefined, 'MA-09'])
      for (const rows of [7, 21]) {
        let after: KeyValue[] | undefined;
        for (let page = 0; page < 400; page += 1) {
          const expected = await pageInSql(text, region, after, rows);
          const picked = await keys.page(
            text,
            (combination) => region === undefined || combination.region === region,
            after,
            rows,
          );
          if (picked === undefined) declined += 1;
          else assert.deepEqual(picked, expected, `${text} in ${region ?? 'all'} page ${page} ${when}`);
          const last = expected[expected.length - 1];
          if (expected.length < rows || !last) break;
          after = [last.name_sort, last.id];
        }
      }
  assert.ok(declined <= leftToSql, `${declined} pages left to SQL ${when}`);
}

describe('the directory keys kept in memory', () => {
  test('group every text as SQL does once loaded, and never on PostgreSQL', async () => {
    const keys = directoryKeysOf(server.db);
    await keys.load();
    if (server.db.dialect === 'postgres') {
      // PostgreSQL groups its matches in SQL (`postgresCube`): there is no copy to load.
      assert.equal(keys.loaded, false);
      assert.equal(await keys.group('جمعية', 4097), undefined);
      return;
    }
    assert.equal(keys.loaded, true);
    const grouped = keys.stats.grouped;
    await assertCopyGroupsAsSql('after loading');
    assert.equal(keys.stats.grouped, grouped + texts.length * limits.length);
  });

  test('pick every page of a text as SQL reads it, with a cursor and a filter', async () => {
    const keys = directoryKeysOf(server.db);
    await keys.load();
    if (server.db.dialect === 'postgres') {
      assert.equal(keys.pagesInMemory, false);
      assert.equal(await keys.page('جمعية', () => true, undefined, 21), undefined);
      return;
    }
    assert.equal(keys.pagesInMemory, true);
    const paged = keys.stats.paged;
    await assertCopyPagesAsSql('after loading');
    assert.ok(keys.stats.paged > paged + texts.length * 4, 'the copy picked the pages');
  });

  test('pick pages as SQL reads them after renames, a registration and a removed name, without loading again', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const loads = keys.stats.loads;
    const paged = keys.stats.paged;
    // Renamed to the front and to the back of the directory's order: their ranks no longer hold.
    const first = await readAssociation(server.db, F.associations.represented);
    const second = await readAssociation(server.db, F.associations.memberOnly);
    assert.ok(first && second);
    await saveAssociation(server.db, {
      ...first,
      name: { ...first.name, ar: 'أ جمعية تيفاوين', fr: 'A Tifawin' },
    });
    await saveAssociation(server.db, {
      ...second,
      name: { ...second.name, ar: 'ي جمعية', fr: 'Zz association' },
    });
    await assertCopyPagesAsSql('after two renames');
    // A new association, whose docid and name the copy never read.
    await saveAssociation(server.db, {
      ...first,
      id: `${first.id}_paged`,
      registrationNumber: `${first.registrationNumber}-PAGED`,
      name: { ...first.name, fr: 'Association Tifawin des pages' },
    });
    await assertCopyPagesAsSql('after a registration');
    // A name removed while the words and keys stay: the match has no name to be paged by.
    await server.db.write('DELETE FROM association_search_names WHERE association_id = ?', [
      `${first.id}_paged`,
    ]);
    await assertCopyPagesAsSql('after a removed name');
    assert.equal(keys.stats.loads, loads, 'caught up from the stamped changes');
    assert.ok(keys.stats.paged > paged);
    await saveAssociation(server.db, first);
    await saveAssociation(server.db, second);
  });

  test('pick a first page from the matches its grouping read, unless a write came in between', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const grouped = await keys.group('tifawin', 4097);
    assert.ok(grouped?.read?.complete, 'fewer matches than the limit: all of them');
    const reused = keys.stats.reused;
    assert.deepEqual(
      await keys.page('tifawin', () => true, undefined, 21, grouped.read),
      await pageInSql('tifawin', undefined, undefined, 21),
    );
    assert.equal(keys.stats.reused, reused + 1);
    // A grouping cut by its limit holds only some matches: the page reads them all.
    const cut = await keys.group('association', 10);
    assert.equal(cut?.read?.complete, false);
    assert.deepEqual(
      await keys.page('association', () => true, undefined, 21, cut?.read),
      await pageInSql('association', undefined, undefined, 21),
    );
    assert.equal(keys.stats.reused, reused + 1);
    // A write after the grouping: its matches may be stale, and the page leaves itself to SQL.
    const again = await keys.group('tifawin', 4097);
    const model = await readAssociation(server.db, F.associations.represented);
    assert.ok(model && again?.read);
    await saveAssociation(server.db, { ...model, name: { ...model.name, fr: 'Tifawin renommée' } });
    assert.equal(await keys.page('tifawin', () => true, undefined, 21, again.read), undefined);
    await saveAssociation(server.db, model);
  });

  test('leave a page to SQL when no name after its cursor has a place in the copy', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    // Every name written again: each loses its rank, and pages read them all by docid among candidates.
    await server.db.write('UPDATE association_search_names SET name_sort = name_sort');
    const after: KeyValue[] = ['', ''];
    assert.equal(await keys.page('association', () => true, after, 21), undefined);
    assert.deepEqual(
      await keys.page('association', () => true, undefined, 21),
      await pageInSql('association', undefined, undefined, 21),
    );
    // Pages with a cursor go to SQL until the ranks are read again; they stay right.
    await assertCopyPagesAsSql('with every rank cleared', 10_000);
  });

  test('follow a write that moves an association to another region, without loading again', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const loads = keys.stats.loads;
    const model = await readAssociation(server.db, F.associations.represented);
    assert.ok(model);
    assert.equal(model.region, 'MA-09');
    const before = await inRegion('tifawin', 'MA-01');
    await saveAssociation(server.db, {
      ...model,
      region: 'MA-01',
      domains: ['digital'],
      publicUtility: true,
    });
    assert.equal(await inRegion('tifawin', 'MA-01'), before + 1, 'SQL sees the move');
    await assertCopyGroupsAsSql('after a move');
    assert.equal(keys.stats.loads, loads, 'caught up from the stamped changes');
  });

  test('follow a new association, deleted keys and a removed search entry', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const loads = keys.stats.loads;
    const model = await readAssociation(server.db, F.associations.unaffiliated);
    assert.ok(model);
    // A new association takes a docid after every one the copy loaded.
    await saveAssociation(server.db, {
      ...model,
      id: `${model.id}_copy`,
      registrationNumber: `${model.registrationNumber}-COPY`,
      name: { ...model.name, fr: 'Association Tifawin nouvelle' },
    });
    await assertCopyGroupsAsSql('after a registration');
    // Keys deleted while the words stay (an erasure that clears them): the match is no longer counted.
    const represented = await server.db.one<{ docid: number }>(
      "SELECT docid FROM search_docs WHERE kind = 'association' AND id = ?",
      [F.associations.represented],
    );
    assert.ok(represented);
    await server.db.write('DELETE FROM association_search_keys WHERE docid = ?', [represented.docid]);
    await assertCopyGroupsAsSql('after deleted keys');
    // Words removed while the keys stay: the match is gone from both.
    await removeFromSearch(server.db, 'association', `${model.id}_copy`);
    await assertCopyGroupsAsSql('after a removed search entry');
    assert.equal(keys.stats.loads, loads, 'caught up from the stamped changes');
  });

  test('stay out of a transaction, whose writes may roll back', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const model = await readAssociation(server.db, F.associations.memberOnly);
    assert.ok(model);
    await assert.rejects(
      server.db.atomic(async () => {
        await saveAssociation(server.db, { ...model, region: model.region === 'MA-12' ? 'MA-11' : 'MA-12' });
        assert.equal(await keys.group('association', 4097), undefined);
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    await assertCopyGroupsAsSql('after a rolled back write');
  });

  test('load again after a schema change, which may have rebuilt the keys without stamps', async () => {
    if (server.db.dialect === 'postgres') return;
    const keys = directoryKeysOf(server.db);
    await keys.load();
    const loads = keys.stats.loads;
    await server.db.script('CREATE TABLE directory_keys_test_schema_change (x INTEGER)');
    assert.equal(await keys.group('association', 4097), undefined, 'grouped in SQL while it loads again');
    await keys.load();
    assert.equal(keys.stats.loads, loads + 1);
    await assertCopyGroupsAsSql('after a schema change');
  });
});
