import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { casablancaDate } from '@nassij/contract';
import { figureCacheOf } from '../../db/versioned-cache.js';
import { encodeCursor } from '../../http/cursor.js';
import { DEMO_ACCOUNTS } from '../../seed/demo.js';
import { demoFixtures as F } from '../../seed/fixtures.js';
import { signInAs, tempServer } from '../../testing.js';
import { NAME_SORT_LENGTH, nameSortOf, readAssociation, saveAssociation } from './store.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
interface Summary {
  id: string;
  name: { ar?: string; fr?: string; zgh?: string };
  region: string;
  domains: string[];
  legalForm: string;
  publicUtility: boolean;
}
interface SearchPage {
  items: Summary[];
  nextCursor: string | null;
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
  estimated?: true;
}

let server: Server;

async function get(path: string, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function search(query: string): Promise<SearchPage> {
  const response = await get(`/v1/associations?${query}`);
  assert.equal(response.status, 200);
  return (await response.json()) as SearchPage;
}

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

describe('associations.search', () => {
  test('lists at least 300 associations over all 12 regions, sorted by name, with facets', async () => {
    const page = await search('limit=100');
    assert.ok(page.total >= 300);
    assert.equal(page.items.length, 100);
    assert.ok(page.nextCursor);
    assert.equal(page.facets.region?.length, 12);
    assert.ok((page.facets.domain?.length ?? 0) >= 16);
    assert.ok((page.facets.legalForm?.length ?? 0) >= 3);
    const next = await search(`limit=100&cursor=${page.nextCursor}`);
    assert.equal(next.items.length, 100);
    assert.ok(!next.items.some((item) => page.items.some((seen) => seen.id === item.id)));
  });

  test('finds Arabic names written with a shadda from a plain query', async () => {
    const page = await search(`q=${encodeURIComponent('جمعية تيفاوين')}&limit=100`);
    assert.ok(page.items.some((item) => item.id === F.associations.represented));
    assert.ok(page.items.some((item) => item.name.ar?.includes('الجمعيّة')));
  });

  test('finds French names without accents', async () => {
    const page = await search(`q=${encodeURIComponent('developpement rural')}&limit=100`);
    assert.ok(page.total > 0);
    assert.ok(page.items.every((item) => /développement rural/i.test(item.name.fr ?? '')));
  });

  test('filters by region and domain; each facet ignores its own filter', async () => {
    const page = await search('region=MA-09&domain=water&limit=100');
    assert.ok(page.total > 0);
    for (const item of page.items) {
      assert.equal(item.region, 'MA-09');
      assert.ok(item.domains.includes('water'));
    }
    // The region facet still offers other regions (it ignores the region filter).
    assert.ok((page.facets.region?.length ?? 0) > 1);
    const regionCount = page.facets.region?.find((f) => f.value === 'MA-09')?.count;
    assert.equal(regionCount, page.total);
    assert.ok(page.facets.domain?.some((f) => f.value !== 'water'));
  });

  test('filters by legal form and public utility', async () => {
    const page = await search('publicUtility=true&limit=100');
    assert.ok(page.total > 0);
    assert.ok(page.items.every((item) => item.publicUtility));
    const federations = await search('legalForm=federation');
    assert.ok(federations.items.every((item) => item.legalForm === 'federation'));
  });

  test('pages by keyset through a filtered list: every match once, in name order, as many as the total', async () => {
    const expected = (
      await server.db.all<{ id: string }>(
        "SELECT id FROM associations WHERE region = 'MA-09' AND legal_form = 'association' ORDER BY name_sort, id",
      )
    ).map((row) => row.id);
    assert.ok(expected.length > 14, 'enough for several pages');
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const page: SearchPage = await search(
        `region=MA-09&legalForm=association&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      total = page.total;
      assert.ok(page.items.length <= 7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, expected);
    assert.equal(total, expected.length);
  });

  test('a text search counts its total and facets over exactly the items it pages through', async () => {
    const items: Summary[] = [];
    let cursor: string | null = null;
    let first: SearchPage | undefined;
    do {
      const page: SearchPage = await search(
        `q=${encodeURIComponent('tifawin')}&publicUtility=false&limit=9${cursor ? `&cursor=${cursor}` : ''}`,
      );
      first ??= page;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(first && items.length > 9);
    assert.equal(first.total, items.length);
    assert.ok(items.every((item) => !item.publicUtility));
    // No region, domain or legal form filter: each facet counts the very items listed.
    const tally = (values: string[]) => {
      const counts = new Map<string, number>();
      for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
      return counts;
    };
    const asMap = (facet: { value: string; count: number }[] | undefined) =>
      new Map((facet ?? []).map((f) => [f.value, f.count]));
    assert.deepEqual(asMap(first.facets.region), tally(items.map((item) => item.region)));
    assert.deepEqual(asMap(first.facets.legalForm), tally(items.map((item) => item.legalForm)));
    assert.deepEqual(asMap(first.facets.domain), tally(items.flatMap((item) => item.domains)));
    // Regions in code order; domains and legal forms most frequent first.
    const regions = first.facets.region?.map((f) => f.value) ?? [];
    assert.deepEqual(regions, [...regions].sort());
    const domainCounts = first.facets.domain?.map((f) => f.count) ?? [];
    assert.deepEqual(
      domainCounts,
      [...domainCounts].sort((a, b) => b - a),
    );
  });

  test('a text is counted once whatever its filters, and again as soon as an association is written', async () => {
    const cache = figureCacheOf(server.db);
    const counted = () => cache.computedByKind.get('directory-cube') ?? 0;
    const query = `q=${encodeURIComponent('tifawin')}&limit=5`;
    const first = await search(query);
    const computed = counted();
    const pages = cache.computedByKind.get('directory-page') ?? 0;
    // Page 2 and a repeat of page 1: the same counts, none computed, and the pages still right.
    const second = await search(`${query}&cursor=${first.nextCursor}`);
    const again = await search(query);
    assert.equal(counted(), computed);
    assert.deepEqual([second.total, second.facets], [first.total, first.facets]);
    assert.deepEqual(again, first);
    assert.ok(!second.items.some((item) => first.items.some((seen) => seen.id === item.id)));
    // Another filter of the same text is counted from the text's kept matches: nothing is computed again,
    // and its total is still the number of associations it lists.
    const filtered = await search(`q=${encodeURIComponent('tifawin')}&publicUtility=true&limit=100`);
    const whole = await search(`q=${encodeURIComponent('tifawin')}&limit=100`);
    assert.equal(counted(), computed);
    assert.equal(filtered.total, filtered.items.length);
    assert.equal(filtered.total, whole.items.filter((item) => item.publicUtility).length);
    assert.ok(filtered.total < whole.total, 'the filter keeps fewer than the text alone');
    assert.equal(filtered.estimated, undefined, 'the demo is counted exactly');
    // A new association named Tifawin is counted at once: the write bumped the associations' version.
    const model = await readAssociation(server.db, first.items[0]?.id ?? '');
    assert.ok(model);
    await saveAssociation(server.db, {
      ...model,
      id: 'asso_cache_probe',
      registrationNumber: `${model.registrationNumber}-probe`,
    });
    const after = await search(query);
    assert.equal(after.total, first.total + 1);
    assert.equal(counted(), computed + 1);
    // Pages are kept too: page 2, the two pages of 100 and page 1 after the write were read; page 1
    // repeated before the write was not.
    assert.equal(cache.computedByKind.get('directory-page'), pages + 4);
  });

  test('an offset cursor of old is refused with 422 naming the cursor', async () => {
    const response = await get(`/v1/associations?cursor=${encodeCursor({ offset: 20 })}`);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { errors: { path: string }[] };
    assert.equal(body.errors[0]?.path, '/cursor');
  });

  test('the name sort key is bounded, so that a cursor holding it stays short', () => {
    const long = nameSortOf({ ar: `جمعية ${'التنمية '.repeat(40)}` });
    assert.equal(Array.from(long).length, NAME_SORT_LENGTH);
    assert.equal(nameSortOf({ fr: 'Association Al Amal' }), 'association al amal');
  });

  test('refuses a bad filter and a damaged cursor with 422', async () => {
    assert.equal((await get('/v1/associations?region=MA-99')).status, 422);
    assert.equal((await get('/v1/associations?cursor=%%%')).status, 422);
    assert.equal((await get('/v1/associations?colour=red')).status, 422);
  });
});

describe('associations.get', () => {
  test('returns the public profile with stats and no personal data', async () => {
    const response = await get(`/v1/associations/${F.associations.represented}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown> & { stats: Record<string, unknown> };
    assert.equal(body.region, 'MA-09');
    assert.equal(typeof body.stats.callsAppliedTo, 'number');
    assert.ok(
      Number(body.stats.trainingsAttended) > 0,
      'the represented association attended seeded trainings',
    );
    const text = JSON.stringify(body);
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      assert.ok(!text.includes(account.email), `leaks ${account.email}`);
      assert.ok(!text.includes(account.displayName), `leaks ${account.displayName}`);
    }
    assert.ok(!('members' in body));
  });

  test('a kept profile follows a write to its figures at once', async () => {
    const read = async () =>
      (await (await get(`/v1/associations/${F.associations.represented}`)).json()) as {
        stats: { trainingsAttended: number };
      };
    const before = await read();
    assert.deepEqual(await read(), before);
    // One more attended training, written as any store would: the registrations' version moves with it.
    const attended = await server.db.one<{ id: string; status: string }>(
      "SELECT id, status FROM training_registrations WHERE association_id = ? AND status NOT IN ('attended', 'completed') ORDER BY id",
      [F.associations.represented],
    );
    assert.ok(attended, 'the represented association has a registration not attended yet');
    await server.db.write("UPDATE training_registrations SET status = 'attended' WHERE id = ?", [
      attended.id,
    ]);
    try {
      assert.equal((await read()).stats.trainingsAttended, before.stats.trainingsAttended + 1);
    } finally {
      await server.db.write('UPDATE training_registrations SET status = ? WHERE id = ?', [
        attended.status,
        attended.id,
      ]);
    }
  });

  test('the member-only association is in Casablanca-Settat and less than a year old', async () => {
    const body = (await (await get(`/v1/associations/${F.associations.memberOnly}`)).json()) as {
      region: string;
      foundedOn: string;
    };
    assert.equal(body.region, 'MA-06');
    // The server's clock is this process's: founded before today and after the same day a year ago, so
    // younger than the two years some calls ask for.
    const today = casablancaDate(new Date());
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    assert.ok(body.foundedOn < today, `${body.foundedOn} is before ${today}`);
    assert.ok(body.foundedOn > yearAgo, `${body.foundedOn} is after ${yearAgo}`);
  });

  test('an unknown id is 404', async () => {
    assert.equal((await get(`/v1/associations/${F.missing.association}`)).status, 404);
  });
});

describe('associations.mine', () => {
  test('requires sign-in', async () => {
    assert.equal((await get('/v1/me/associations')).status, 401);
  });

  test('lists the memberships of the member with their role', async () => {
    const token = await signInAs(
      server.url,
      DEMO_ACCOUNTS.representative.email,
      DEMO_ACCOUNTS.representative.password,
    );
    const body = (await (await get('/v1/me/associations', token)).json()) as {
      items: { association: { id: string }; role: string }[];
    };
    assert.deepEqual(
      body.items.map((item) => [item.association.id, item.role]),
      [[F.associations.represented, 'representative']],
    );
    const member = await signInAs(server.url, DEMO_ACCOUNTS.member.email, DEMO_ACCOUNTS.member.password);
    const mine = (await (await get('/v1/me/associations', member)).json()) as { items: unknown[] };
    assert.equal(mine.items.length, 2);
  });
});

describe('reference.get', () => {
  test('serves the reference data with an ETag', async () => {
    const response = await get('/v1/reference');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { regions: unknown[] };
    assert.equal(body.regions.length, 12);
    const etag = response.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${server.url}/v1/reference`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });
});
