// Search words of awards published before they were indexed: the applications area's start-up step.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { tempServer } from '../../testing.js';
import { indexMissingAwardTerms, searchAwardPage } from './awards.js';
import { applicationsArea } from './index.js';

type Server = Awaited<ReturnType<typeof tempServer>>;
let server: Server;

before(async () => {
  server = await tempServer();
});
after(async () => {
  await server.stop();
});

test('awards whose words were never indexed are found by a word once the area is prepared', async () => {
  assert.equal(typeof applicationsArea.prepare, 'function', 'the area prepares at start');
  const award = await server.db.one<{ id: string; term: string }>(
    'SELECT award_id AS id, term FROM award_terms ORDER BY award_id, term',
  );
  assert.ok(award, 'the demo has awards with search words');
  const found = async () =>
    (await searchAwardPage(server.db, { q: award.term, limit: 100 })).items.some(
      (item) => item.id === award.id,
    );
  assert.ok(await found());
  // As a database from before `award_terms` existed: the award has no words.
  await server.db.write('DELETE FROM award_terms WHERE award_id = ?', [award.id]);
  assert.equal(await found(), false);
  await indexMissingAwardTerms(server.db);
  assert.ok(await found());
});

test('a batch of awards without words does not end the indexing of the awards after it', async () => {
  // The first awards in the walk's order (by id, as the database sorts), made wordless, fill a first batch
  // of 2; a worded award after them lost its words too. Before the fix the walk stopped at that batch.
  const [first, second, ...rest] = (
    await server.db.all<{ id: string; data: string }>('SELECT id, data FROM awards ORDER BY id')
  ).slice(0, 5);
  const later = rest.at(-1);
  assert.ok(first && second && later, 'the demo has at least five awards');
  for (const award of [first, second]) {
    const data = JSON.parse(award.data) as Record<string, unknown>;
    const wordless = {
      ...data,
      associationName: {},
      callTitle: {},
      funder: { ...(data.funder as object), name: {} },
      projectTitle: '',
      callReference: '',
    };
    await server.db.write('UPDATE awards SET data = ? WHERE id = ?', [JSON.stringify(wordless), award.id]);
  }
  await server.db.write('DELETE FROM award_terms WHERE award_id IN (?, ?, ?)', [
    first.id,
    second.id,
    later.id,
  ]);
  const termsOf = async (id: string) =>
    (await server.db.all('SELECT term FROM award_terms WHERE award_id = ?', [id])).length;
  await indexMissingAwardTerms(server.db, 2);
  assert.ok((await termsOf(later.id)) > 0, 'the worded award after the wordless batch has its words again');
  assert.equal(await termsOf(first.id), 0);
  assert.equal(await termsOf(second.id), 0);
});
