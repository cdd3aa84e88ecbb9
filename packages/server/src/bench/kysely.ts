/**
 * Issue 15 asks for one query layer for both dialects, "Kysely is pinned; take it or measure why not".
 * This measures it: the same two reads — one call by id, and a 20-row list — through
 *
 * - our `Db` over SQLite (`openSqlite`), with reader threads (the default) and without (`readers: 0`);
 * - Kysely 0.28.19's `SqliteDialect` over better-sqlite3, with `sql` templates and with the query builder;
 * - Kysely's query builder compiling only (what it would add on top of our `Db` as a custom driver);
 * - bare better-sqlite3 prepared statements (the floor).
 *
 * Each is timed one query at a time (latency, µs/op) and with 8 queries in flight (throughput, µs per
 * query). Kysely is not a dependency of the repository: install it in a directory of its own and point
 * `KYSELY_DIR` at it (default /tmp/kysely-bench). With a data directory (a seeded server's) the real
 * `calls` table is read; without one a temporary database of the same shape is made.
 *
 * @example
 * ```sh
 * mkdir -p /tmp/kysely-bench && cd /tmp/kysely-bench && npm i kysely@0.28.19 better-sqlite3@12.6.2
 * node --conditions=source --import tsx packages/server/src/bench/kysely.ts [data-dir]
 * ```
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openSqlite } from '../db/sqlite.js';

/** The part of Kysely's query builder used here (Kysely is not installed in the repository: no types). */
interface Chain {
  select(columns: string | readonly string[]): Chain;
  where(column: string, operator: '=', value: unknown): Chain;
  orderBy(column: string): Chain;
  limit(n: number): Chain;
  execute(): Promise<unknown[]>;
  executeTakeFirst(): Promise<unknown>;
  compile(): { sql: string; parameters: readonly unknown[] };
}
interface KyselyDb {
  selectFrom(table: string): Chain;
  destroy(): Promise<void>;
}
interface KyselyModule {
  Kysely: new (config: { dialect: unknown }) => KyselyDb;
  SqliteDialect: new (config: { database: unknown }) => unknown;
  sql: (
    strings: TemplateStringsArray,
    ...values: unknown[]
  ) => { execute(db: KyselyDb): Promise<{ rows: unknown[] }> };
}

const kyselyDir = resolve(process.env.KYSELY_DIR ?? '/tmp/kysely-bench');
const kyselyEntry = join(kyselyDir, 'node_modules/kysely/dist/esm/index.js');
if (!existsSync(kyselyEntry)) {
  process.stderr.write(
    `Kysely is not installed in ${kyselyDir}: run\n  mkdir -p ${kyselyDir} && cd ${kyselyDir} && npm i kysely@0.28.19 better-sqlite3@12.6.2\n`,
  );
  process.exit(1);
}
const { Kysely, SqliteDialect, sql } = (await import(pathToFileURL(kyselyEntry).href)) as KyselyModule;
const kyselyVersion = (
  (await import(pathToFileURL(join(kyselyDir, 'node_modules/kysely/package.json')).href, {
    with: { type: 'json' },
  })) as { default: { version: string } }
).default.version;

/** A temporary database shaped like the `calls` table (id, status, ~9.6 KB of JSON per row, like the demo). */
function syntheticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nassij-kysely-'));
  const sqlite = new Database(join(dir, 'nassij.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE calls (id TEXT PRIMARY KEY, status TEXT NOT NULL, data TEXT NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO calls (id, status, data) VALUES (?, ?, ?)');
  const text = 'الجمعيات والتنمية المحلية — appel à projets pour les associations '.repeat(140);
  sqlite.transaction(() => {
    for (let i = 1; i <= 200; i++) {
      const id = `call_${String(i).padStart(4, '0')}`;
      insert.run(
        id,
        i % 3 ? 'open' : 'closed',
        JSON.stringify({ id, title: { ar: text.slice(0, 80) }, body: text }),
      );
    }
  })();
  sqlite.close();
  return dir;
}

const given = process.argv[2];
const dir = given && existsSync(join(given, 'nassij.sqlite')) ? resolve(given) : syntheticDir();
const file = join(dir, 'nassij.sqlite');
const bare = new Database(file, { readonly: true });
const ids = (bare.prepare('SELECT id FROM calls ORDER BY id').all() as { id: string }[]).map((r) => r.id);
if (ids.length === 0) throw new Error(`no calls in ${file}`);
const avgBytes = (bare.prepare('SELECT AVG(LENGTH(data)) AS n FROM calls').get() as { n: number }).n;

const ONE = 'SELECT data FROM calls WHERE id = ?';
const LIST = 'SELECT id, data FROM calls ORDER BY id LIMIT 20';
const bareOne = bare.prepare(ONE);
const bareList = bare.prepare(LIST);
const threaded = openSqlite(dir);
const mainOnly = openSqlite(dir, { readers: 0 });
const kysely = new Kysely({
  dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }),
});

let next = 0;
const anId = (): string => ids[next++ % ids.length] as string;

/** µs per operation over about `ms` of `inFlight` concurrent loops, after a warm-up. */
async function timeIt(fn: () => unknown, inFlight: number, ms = 700): Promise<number> {
  const loopFor = async (until: number): Promise<number> => {
    let n = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (performance.now() < until) {
          await fn();
          n++;
        }
      }),
    );
    return n;
  };
  await loopFor(performance.now() + 200);
  const start = performance.now();
  const n = await loopFor(start + ms);
  return ((performance.now() - start) * 1000) / n;
}

const variants: Array<{ name: string; one: () => unknown; list: () => unknown }> = [
  {
    name: 'bare better-sqlite3 (sync, main thread)',
    one: () => bareOne.get(anId()),
    list: () => bareList.all(),
  },
  {
    name: 'our Db, readers: 0 (main connection)',
    one: () => mainOnly.one(ONE, [anId()]),
    list: () => mainOnly.all(LIST),
  },
  {
    name: 'our Db, reader threads (default)',
    one: () => threaded.one(ONE, [anId()]),
    list: () => threaded.all(LIST),
  },
  {
    name: 'Kysely SqliteDialect, sql`…`',
    one: () => sql`SELECT data FROM calls WHERE id = ${anId()}`.execute(kysely),
    list: () => sql`SELECT id, data FROM calls ORDER BY id LIMIT 20`.execute(kysely),
  },
  {
    name: 'Kysely SqliteDialect, query builder',
    one: () => kysely.selectFrom('calls').select('data').where('id', '=', anId()).executeTakeFirst(),
    list: () => kysely.selectFrom('calls').select(['id', 'data']).orderBy('id').limit(20).execute(),
  },
  {
    name: 'Kysely query builder, compile() only',
    one: () => kysely.selectFrom('calls').select('data').where('id', '=', anId()).compile(),
    list: () => kysely.selectFrom('calls').select(['id', 'data']).orderBy('id').limit(20).compile(),
  },
];

process.stdout.write(
  `\nKysely ${kyselyVersion} against our Db and bare better-sqlite3 (${given ? 'data' : 'synthetic'}: ${ids.length} calls, ` +
    `${Math.round(avgBytes)} B of JSON each), µs per query:\n`,
);
const header = ['', 'one by id', 'one ×8 in flight', '20-row list', 'list ×8 in flight'];
const rows: string[][] = [];
for (const variant of variants) {
  const cells = [
    await timeIt(variant.one, 1),
    await timeIt(variant.one, 8),
    await timeIt(variant.list, 1),
    await timeIt(variant.list, 8),
  ];
  rows.push([variant.name, ...cells.map((us) => us.toFixed(1))]);
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
for (const row of [header, ...rows])
  process.stdout.write(
    `${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}\n`,
  );

await kysely.destroy();
await threaded.close();
await mainOnly.close();
bare.close();
if (dir !== given) rmSync(dir, { recursive: true, force: true });
