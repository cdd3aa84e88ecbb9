import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { Db, SqlValue } from '../../db/db.js';
import { planOf } from '../../test-support/query-plan.js';
import { demoFixtures as F, tempServer } from '../../testing.js';
import { feedSyntheses } from './store.js';

let server: Awaited<ReturnType<typeof tempServer>>;
/** The consultations with a synthesis, newest publication first (ties by id, last first). */
let newestFirst: string[];

before(async () => {
  server = await tempServer({ rateLimit: false });
  const seeded = await server.db.one<{ synthesis: string }>(
    'SELECT synthesis FROM consultations WHERE id = ?',
    [F.consultations.synthesisPublished],
  );
  assert.ok(seeded?.synthesis, 'the fixture synthesis is published');
  const published = JSON.parse(seeded.synthesis) as { publishedAt: string };
  // Three more syntheses around the seeded one; two share an instant, so the id decides between them.
  const later = new Date(Date.parse(published.publishedAt) + 86_400_000).toISOString();
  const earlier = new Date(Date.parse(published.publishedAt) - 86_400_000).toISOString();
  const others: [string, string][] = [
    [F.consultations.draftLaw, later],
    [F.consultations.registeredOnly, earlier],
    [F.consultations.associationsOnly, later],
  ];
  for (const [id, publishedAt] of others)
    await server.db.write('UPDATE consultations SET synthesis = ? WHERE id = ?', [
      JSON.stringify({ ...published, publishedAt }),
      id,
    ]);
  const rows = await server.db.all<{ id: string; synthesis: string }>(
    'SELECT id, synthesis FROM consultations WHERE synthesis IS NOT NULL',
  );
  const at = (row: { synthesis: string }) =>
    (JSON.parse(row.synthesis) as { publishedAt: string }).publishedAt;
  newestFirst = rows
    .sort((a, b) => at(b).localeCompare(at(a)) || b.id.localeCompare(a.id))
    .map((row) => row.id);
  assert.ok(newestFirst.length >= 4);
});
after(() => server.stop());

test('the syntheses feed lists the newest publications first, at most its limit', async () => {
  const now = new Date();
  const all = await feedSyntheses(server.db, 50, now);
  assert.deepEqual(
    all.map((entry) => entry.consultation.id),
    newestFirst,
  );
  const two = await feedSyntheses(server.db, 2, now);
  assert.deepEqual(
    two.map((entry) => entry.consultation.id),
    newestFirst.slice(0, 2),
  );

  const response = await fetch(`${server.url}/v1/feeds/syntheses.atom`);
  assert.equal(response.status, 200);
  const parser = new XMLParser({ isArray: (name) => name === 'entry' });
  const feed = (parser.parse(await response.text()) as { feed: { entry?: { id: string }[] } }).feed;
  assert.deepEqual(
    (feed.entry ?? []).map((entry) => entry.id.split(':synthesis:')[1]),
    newestFirst,
  );
});

test('the syntheses feed reads its entries in order from an index, never sorting every consultation', async () => {
  const seen: { sql: string; params: readonly SqlValue[] }[] = [];
  const spy = Object.create(server.db) as Db;
  spy.all = ((sql: string, params: readonly SqlValue[] = []) => {
    seen.push({ sql, params });
    return server.db.all(sql, params);
  }) as Db['all'];
  await feedSyntheses(spy, 50, new Date());
  assert.equal(seen.length, 1);
  const [read] = seen as [(typeof seen)[number]];
  const plan = await planOf(server.db, read.sql, read.params);
  assert.match(plan, /consultations_by_synthesis_published/, plan);
  assert.doesNotMatch(plan, /TEMP B-TREE|Sort\b/, plan);
});
