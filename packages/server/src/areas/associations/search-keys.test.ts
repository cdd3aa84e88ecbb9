// The directory's text search reads what it filters, counts and sorts by from its own copy on SQLite
// (`012_association_search_keys`, keyed by search docid): these tests hold that copy in step with every
// write, through the API, on both dialects (PostgreSQL reads the associations themselves).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrate } from '../../db/migrate.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { tempServer } from '../../testing.js';
import { associationSearchKeysMigration } from './migrations.js';
import { nameSortOf, readAssociation, saveAssociation } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface SearchPage {
  items: { id: string; region: string; legalForm: string; publicUtility: boolean; domains: string[] }[];
  nextCursor: string | null;
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
}

let server: Server;

async function search(query: string): Promise<SearchPage> {
  const response = await fetch(`${server.url}/v1/associations?${query}`);
  assert.equal(response.status, 200);
  return (await response.json()) as SearchPage;
}

/** The count of one value of a facet, 0 when the facet does not list it. */
function countOf(page: SearchPage, facet: string, value: string): number {
  return page.facets[facet]?.find((entry) => entry.value === value)?.count ?? 0;
}

/** Every id a query matches, following its pages. */
async function idsOf(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchPage = await search(`${query}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

describe('associations.search keeps its text-search keys in step with writes', () => {
  const text = `q=${encodeURIComponent('tifawin')}`;

  test('a changed region, legal form, public utility, domains and name move the counts, filters and page', async () => {
    const id = F.associations.represented;
    const model = await readAssociation(server.db, id);
    assert.ok(model);
    assert.equal(model.region, 'MA-09');
    assert.equal(model.publicUtility, false);
    assert.ok(!model.domains.includes('digital'));
    const before = await search(`${text}&limit=20`);
    assert.ok(before.items[0]?.id !== id, 'not first in name order before its rename');
    assert.ok((await idsOf(`${text}&region=MA-09`)).includes(id));
    const digitalBefore = await search(`${text}&domain=digital&limit=5`);

    await saveAssociation(server.db, {
      ...model,
      // Digits sort before letters: first in name order.
      name: { ...model.name, ar: `0000 ${model.name.ar ?? ''}` },
      region: 'MA-01',
      legalForm: 'federation',
      publicUtility: true,
      domains: ['digital'],
    });

    const after = await search(`${text}&limit=20`);
    assert.equal(after.total, before.total);
    assert.equal(after.items[0]?.id, id, 'the new name sorts first');
    assert.equal(countOf(after, 'region', 'MA-09'), countOf(before, 'region', 'MA-09') - 1);
    assert.equal(countOf(after, 'region', 'MA-01'), countOf(before, 'region', 'MA-01') + 1);
    assert.equal(countOf(after, 'legalForm', 'federation'), countOf(before, 'legalForm', 'federation') + 1);
    assert.equal(countOf(after, 'domain', 'digital'), countOf(before, 'domain', 'digital') + 1);
    for (const domain of model.domains)
      assert.equal(countOf(after, 'domain', domain), countOf(before, 'domain', domain) - 1, domain);
    // Each filter finds it under its new value only.
    assert.ok(!(await idsOf(`${text}&region=MA-09`)).includes(id));
    assert.ok((await idsOf(`${text}&region=MA-01`)).includes(id));
    assert.ok((await idsOf(`${text}&legalForm=federation&publicUtility=true`)).includes(id));
    assert.ok(!(await idsOf(`${text}&publicUtility=false`)).includes(id));
    assert.ok((await idsOf(`${text}&domain=digital`)).includes(id));
    assert.ok(!(await idsOf(`${text}&domain=${model.domains[0]}`)).includes(id));
    // And the facets under a filter count the changed association on its new side.
    const digital = await search(`${text}&domain=digital&limit=5`);
    assert.equal(digital.total, digitalBefore.total + 1);
    assert.equal(countOf(digital, 'region', 'MA-01'), countOf(digitalBefore, 'region', 'MA-01') + 1);
    assert.equal(countOf(digital, 'region', 'MA-09'), countOf(digitalBefore, 'region', 'MA-09'));
  });

  test('a text search pages in name order, whether its page is found by walking names or by sorting matches', async () => {
    // Pages of 7 end on a short page (fewer matches left than a page: the sorted lookup answers it); the
    // others are met by walking the names in order.
    const walked: SearchPage['items'] = [];
    let cursor: string | null = null;
    do {
      const page: SearchPage = await search(`${text}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const whole = await search(`${text}&limit=100`);
    assert.ok(whole.total > 7 && whole.total % 7 !== 0, `${whole.total} matches end on a short page`);
    assert.deepEqual(
      walked.map((item) => item.id),
      whole.items.map((item) => item.id),
    );
    const keys = await Promise.all(
      walked.map(async (item) => {
        const association = await readAssociation(server.db, item.id);
        assert.ok(association);
        return [nameSortOf(association.name), item.id] as const;
      }),
    );
    const ordered = [...keys].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
    assert.deepEqual(keys, ordered);
  });

  test('the migration builds, from existing associations, the keys that writes keep', async () => {
    if (server.db.dialect === 'postgres') {
      // PostgreSQL searches the associations by key: the migration creates nothing there.
      assert.deepEqual(await migrate(server.db, [associationSearchKeysMigration]), []);
      const found = await server.db.all<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'association_search_%'",
      );
      assert.deepEqual(found, []);
      return;
    }
    // The keys as saveAssociation wrote them (the demo seed, and the write of the test above).
    const written = await keysByDocid(server);
    assert.ok(written.size > 300);
    await server.db.script(`
DROP TABLE association_search_keys;
DROP TABLE association_search_names;
DROP TABLE association_domain_bits;
DELETE FROM schema_migrations WHERE id = '012_association_search_keys';`);
    assert.deepEqual(await migrate(server.db, [associationSearchKeysMigration]), [
      '012_association_search_keys',
    ]);
    assert.deepEqual(await keysByDocid(server), written);
    // Searches read the rebuilt keys, and a write after the migration keeps them.
    const page = await search(`${text}&region=MA-01&limit=5`);
    assert.ok(page.items.some((item) => item.id === F.associations.represented));
    const model = await readAssociation(server.db, F.associations.represented);
    assert.ok(model);
    await saveAssociation(server.db, { ...model, region: 'MA-02' });
    assert.ok((await idsOf(`${text}&region=MA-02`)).includes(F.associations.represented));
  });
});

/** SQLite: every association's search keys by docid, its domains decoded from their bits (sorted). */
async function keysByDocid(on: Server): Promise<Map<number, string>> {
  const bits = await on.db.all<{ domain: string; bit: number }>(
    'SELECT domain, bit FROM association_domain_bits',
  );
  const rows = await on.db.all<{
    docid: number;
    region: string;
    legal_form: string;
    public_utility: number;
    domains: number;
    name_sort: string;
    association_id: string;
  }>(
    `SELECT k.docid, k.region, k.legal_form, k.public_utility, k.domains, n.name_sort, n.association_id
     FROM association_search_keys k JOIN association_search_names n ON n.docid = k.docid`,
  );
  return new Map(
    rows.map((row) => {
      const domains = bits
        .filter((entry) => (BigInt(row.domains) >> BigInt(entry.bit)) & 1n)
        .map((entry) => entry.domain)
        .sort();
      const { domains: _mask, docid, ...columns } = row;
      return [docid, JSON.stringify({ ...columns, domains })];
    }),
  );
}
