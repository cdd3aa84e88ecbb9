// Seeded templates (test-templates.ts): a test server started on a copy holds what one that seeded its own
// database holds, at any hour of the template's day, starts as a new database once, and keeps its changes to
// itself. On SQLite, and on PostgreSQL in that pass (NASSIJ_TEST_DATABASE). The file uses a run of its own.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import type { Area } from './areas/area.js';
import { AREAS } from './areas/index.js';
import type { Db } from './db/db.js';
import { isNewDatabase, migrate, UNSTARTED_COPY_MARK } from './db/migrate.js';
import { CORE_MIGRATIONS } from './db/migrations/index.js';
import { isPostgresUrl, openDatabase } from './db/open.js';
import { listTables } from './db/tables.js';
import {
  adminQuery,
  copyTemplate,
  dropDatabase,
  runDir,
  seededTemplate,
  TEMPLATES_ENV,
  templatableAreas,
  templateKey,
  templateRun,
} from './test-templates.js';
import { demoFixtures, removeTestData, tempServer, testDatabaseOptions } from './testing.js';

const run = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const saved = process.env[TEMPLATES_ENV];
const adminUrl = isPostgresUrl(process.env.NASSIJ_TEST_DATABASE)
  ? process.env.NASSIJ_TEST_DATABASE
  : undefined;

before(() => {
  process.env[TEMPLATES_ENV] = run;
});

after(async () => {
  if (saved === undefined) delete process.env[TEMPLATES_ENV];
  else process.env[TEMPLATES_ENV] = saved;
  if (adminUrl) {
    const rows = await adminQuery(adminUrl, 'SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `nassij_tpl_${run}_%`,
    ]);
    for (const row of rows) await dropDatabase(adminUrl, String(row.datname));
  }
  await rm(runDir(run), { recursive: true, force: true });
});

/** Every row of every table, sorted; password hashes left out (salted at random: two seeds never agree). */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of await listTables(db)) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
    tables[table] = rows.map(({ password_hash: _salted, ...row }) => JSON.stringify(row)).sort();
  }
  const migrations = await db.all<{ id: string }>('SELECT id FROM schema_migrations');
  tables.schema_migrations = migrations.map((row) => row.id).sort();
  return tables;
}

/** The stored files of a data directory (the SQLite database aside), as paths relative to it. */
async function storedFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(join(dataDir, 'files'), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)))
    .sort();
}

const withoutTemplates = async <T>(fn: () => Promise<T>): Promise<T> => {
  process.env[TEMPLATES_ENV] = '';
  try {
    return await fn();
  } finally {
    process.env[TEMPLATES_ENV] = run;
  }
};

// Two instants of one day in Casablanca (whether it is then UTC+0 or UTC+1). Every test server of the file
// runs on this day: one template serves them all (a template costs a whole seed).
const morning = new Date('2027-03-10T07:00:00Z');
const evening = new Date('2027-03-10T18:00:00Z');

test('a copy of the template holds what a server that seeds its own database holds, at any hour of the day', async () => {
  // The template is built at the first server's instant, in the morning; the copy is for the evening.
  const first = await tempServer({ clock: () => morning });
  await first.stop();
  const template = join(runDir(run), templateKey({ run, adminUrl, areas: AREAS, at: morning }));
  assert.equal(existsSync(template), true, 'the first server made the template');
  const copy = await tempServer({ clock: () => evening });
  const own = await withoutTemplates(() => tempServer({ clock: () => evening }));
  try {
    assert.equal(copy.seeded, true);
    assert.equal(own.seeded, true);
    const [copied, seeded] = [await contents(copy.db), await contents(own.db)];
    assert.ok((seeded.accounts?.length ?? 0) > 0 && (seeded.calls?.length ?? 0) > 0, 'the demo is seeded');
    assert.deepEqual(Object.keys(copied), Object.keys(seeded));
    for (const table of Object.keys(seeded)) assert.deepEqual(copied[table], seeded[table], table);
    const files = await storedFiles(own.dataDir);
    assert.ok(files.length > 0, 'the demo stores files');
    assert.deepEqual(await storedFiles(copy.dataDir), files);
  } finally {
    await copy.stop();
    await own.stop();
  }
});

test("each test server has its own copy: one's changes are not another's, and a restart finds its own", async () => {
  const citizen = demoFixtures.accounts.citizen;
  const nameOf = async (db: Db) =>
    (await db.one<{ display_name: string }>('SELECT display_name FROM accounts WHERE id = ?', [citizen]))
      ?.display_name;
  const changed = await tempServer({ clock: () => evening });
  const other = await tempServer({ clock: () => evening });
  try {
    const seededName = await nameOf(other.db);
    assert.ok(seededName);
    await changed.db.write('UPDATE accounts SET display_name = ? WHERE id = ?', ['Changed here', citizen]);
    assert.equal(await nameOf(changed.db), 'Changed here');
    assert.equal(await nameOf(other.db), seededName, 'another copy is untouched');
    const later = await tempServer({ clock: () => evening });
    assert.equal(await nameOf(later.db), seededName, 'the template is untouched');
    await later.stop();
    // The first start ended the copy's "new" state: a restart over its data is the restart of a seeded server.
    assert.equal(
      await changed.db.one('SELECT id FROM schema_migrations WHERE id = ?', [UNSTARTED_COPY_MARK]),
      undefined,
    );
    await changed.close();
    const restarted = await tempServer({ dataDir: changed.dataDir, clock: () => evening });
    try {
      assert.equal(restarted.seeded, false);
      assert.equal(await nameOf(restarted.db), 'Changed here');
    } finally {
      await restarted.close();
    }
  } finally {
    await other.stop();
    await changed.stop();
  }
});

test('a copy counts as a new database until its first migration, then as an existing one', async () => {
  const template = await seededTemplate({ run, adminUrl, areas: [], at: new Date() });
  const dataDir = await mkdtemp(join(tmpdir(), 'nassij-template-copy-'));
  try {
    const { database } = await testDatabaseOptions(dataDir);
    if (adminUrl && database) {
      // testDatabaseOptions made an empty database: the copy takes its place, under its name.
      const name = new URL(database).pathname.slice(1);
      await dropDatabase(adminUrl, name);
      await copyTemplate(template, dataDir, adminUrl, name);
    } else {
      await copyTemplate(template, dataDir, undefined, undefined);
    }
    const db = await openDatabase(database, { dataDir });
    try {
      assert.equal(await isNewDatabase(db), true);
      assert.deepEqual(await migrate(db, CORE_MIGRATIONS), [], 'every migration was applied already');
      assert.equal(await isNewDatabase(db), false);
      assert.ok(await db.one('SELECT id FROM accounts WHERE id = ?', [demoFixtures.accounts.citizen]));
    } finally {
      await db.close();
    }
  } finally {
    await removeTestData(dataDir);
  }
});

test('templates are told apart by dialect, areas and day, not by the hour', () => {
  const at = new Date('2027-01-05T09:00:00Z');
  const key = (changes: Partial<Parameters<typeof templateKey>[0]>) =>
    templateKey({ run, adminUrl: undefined, areas: AREAS, at, ...changes });
  assert.match(key({}), /^[0-9a-f]{16}$/);
  assert.equal(key({ at: new Date('2027-01-05T22:00:00Z') }), key({}), 'later that day in Casablanca');
  // 23:30 UTC on 5 January is already the 6th in Casablanca (UTC+1).
  assert.notEqual(key({ at: new Date('2027-01-05T23:30:00Z') }), key({}));
  assert.notEqual(key({ areas: AREAS.slice(1) }), key({}));
  assert.notEqual(key({ areas: [...AREAS].reverse() }), key({}));
  assert.notEqual(key({ adminUrl: 'postgres://u:p@127.0.0.1:5432/postgres' }), key({}));
});

test("only the platform's own areas come from templates, and only under a well-formed run id", () => {
  const probe: Area = { name: 'calls', migrations: [], register() {} };
  assert.equal(templatableAreas(undefined), true);
  assert.equal(templatableAreas([]), true);
  assert.equal(templatableAreas(AREAS.slice(2, 4)), true);
  assert.equal(templatableAreas([probe]), false, 'a test area, even under a platform name');
  assert.equal(templateRun(), run);
  for (const off of ['', undefined]) {
    if (off === undefined) delete process.env[TEMPLATES_ENV];
    else process.env[TEMPLATES_ENV] = off;
    assert.equal(templateRun(), undefined);
  }
  for (const wrong of ['yes', 'ABC_12', 'x; DROP DATABASE postgres', 'abc_12345678901']) {
    process.env[TEMPLATES_ENV] = wrong;
    assert.throws(() => templateRun(), /must be a run id/);
  }
  process.env[TEMPLATES_ENV] = run;
});

test('a template that cannot be built fails every server that needs it, with the reason, and leaves nothing', async () => {
  let attempts = 0;
  const broken: Area = {
    name: 'broken',
    migrations: [],
    seedDemo: () => {
      attempts += 1;
      throw new Error('the seed broke');
    },
    register() {},
  };
  const spec = { run, adminUrl, areas: [broken], at: new Date() };
  await assert.rejects(seededTemplate(spec), /template [0-9a-f]{16} could not be built \(the seed broke\)/);
  // Not remembered as built, nor as failed for good: the next server tries again, and fails again.
  await assert.rejects(seededTemplate(spec), /the seed broke/);
  assert.equal(attempts, 2);
  const key = templateKey(spec);
  assert.equal(existsSync(join(runDir(run), key)), false);
  assert.equal(existsSync(join(runDir(run), `${key}.building`)), false);
  if (adminUrl) {
    const left = await adminQuery(adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [
      `nassij_tpl_${run}_${key}`,
    ]);
    assert.equal(left.length, 0, 'no template database is left');
  }
});
