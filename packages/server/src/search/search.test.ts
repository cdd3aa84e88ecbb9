import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Db } from '../db/db.js';
import { migrate, openSqlite } from '../db/index.js';
import { indexForSearch, removeFromSearch, searchCondition, searchIds, searchMigration } from './search.js';

let dir: string;
let db: Db;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nassij-search-'));
  db = openSqlite(dir);
  migrate(db, [searchMigration]);
  indexForSearch(db, 'association', 'a1', [
    { ar: 'الجمعيّة المغربية لحماية البيئة', fr: "Association marocaine pour l'environnement" },
  ]);
  indexForSearch(db, 'association', 'a2', [{ fr: 'Amicale des étudiants de Fès' }, 'AMEF']);
  indexForSearch(db, 'course', 'c1', [{ ar: 'تدبير الجمعيات', fr: 'Gestion associative' }]);
});

after(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

test('جمعية finds الجمعيّة (tashkeel, ta marbuta and the article folded)', () => {
  assert.deepEqual(searchIds(db, 'association', 'جمعية'), ['a1']);
  assert.deepEqual(searchIds(db, 'association', 'الجمعية المغربية'), ['a1']);
});

test('etudiant finds étudiant, and prefixes match', () => {
  assert.deepEqual(searchIds(db, 'association', 'etudiant'), ['a2']);
  assert.deepEqual(searchIds(db, 'association', 'ETUD fes'), ['a2']);
  assert.deepEqual(searchIds(db, 'association', 'amef'), ['a2']);
});

test('kinds are separate, every word must match, and an empty query does not filter', () => {
  assert.deepEqual(searchIds(db, 'course', 'جمعيات'), ['c1']);
  assert.deepEqual(searchIds(db, 'association', 'environnement etudiant'), []);
  assert.equal(searchIds(db, 'association', ' ؟! '), null);
  assert.equal(searchCondition('association', 'id', ''), null);
});

test('a search condition composes into a WHERE clause, and quotes in queries are harmless', () => {
  const condition = searchCondition('association', 'id', 'Fès "OR" *');
  assert.ok(condition);
  const rows = db.query<{ id: string }>(
    `SELECT DISTINCT id FROM search_index WHERE ${condition.sql}`,
    condition.params,
  );
  assert.deepEqual(
    rows.map((r) => r.id),
    [],
  );
  removeFromSearch(db, 'association', 'a2');
  assert.deepEqual(searchIds(db, 'association', 'etudiant'), []);
});
