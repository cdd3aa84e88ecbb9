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
