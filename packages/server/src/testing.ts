import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AREAS } from './areas/index.js';
import { isPostgresUrl } from './db/open.js';
import { type RunningServer, type ServerOptions, startServer } from './server.js';
import {
  adminQuery,
  copyTemplate,
  databaseUrl,
  dropDatabase,
  seededTemplate,
  templatableAreas,
  templateRun,
} from './test-templates.js';

// Files and answers built in code, for tests of any package that upload or submit against this server.
export {
  completeAnswers,
  eicarPdfBytes,
  fileFor,
  pdfBytes,
  pngBytes,
  zipBytes,
} from './areas/applications/fixtures.js';
export { completeCallFields } from './areas/calls/fixtures.js';
export type { DemoFixtures } from './seed/fixtures.js';
// The ids tests need, named by role; they hold at any instant.
export { demoFixtures } from './seed/fixtures.js';

/** A database made for one test, and how to remove it. */
export interface TestDatabase {
  /** Its URL: the admin URL with the new database's name as the path. */
  url: string;
  /** Its name, `nassij_t_` and 16 random hex digits. */
  name: string;
  /** Ends every connection to it (a server that did not close its pool) and drops it; safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, empty PostgreSQL database `nassij_t_<random>` through `adminUrl` (a role that may create
 * databases, connected to any database such as `postgres`), owned by that role, in UTF-8 with the `C`
 * collation (byte order, as SQLite compares text). For tests that need their
 * own database: `tempServer()` uses it when `NASSIJ_TEST_DATABASE` is set.
 *
 * @example
 * ```ts
 * const database = await createTestDatabase('postgres://nassij:nassij@127.0.0.1:5432/postgres');
 * const db = await openPostgres(database.url);
 * await db.close();
 * await database.drop();
 * ```
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const database = testDatabaseNamed(adminUrl, `nassij_t_${randomBytes(8).toString('hex')}`);
  // Byte-order collation and ASCII-only case folding, as SQLite's defaults: the same test sorts the same way
  // on both, whatever locale the cluster was created with.
  await adminQuery(
    adminUrl,
    `CREATE DATABASE ${database.name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
  );
  return database;
}

/** The handle of test database `name` (made or about to be) on the server of `adminUrl`. */
function testDatabaseNamed(adminUrl: string, name: string): TestDatabase {
  let dropped: Promise<void> | undefined;
  return {
    url: databaseUrl(adminUrl, name),
    name,
    // DROP DATABASE refuses while anyone is connected; a test that failed half-way may have left a pool.
    // Only our own client connections are ended: an autovacuum worker belongs to the superuser (terminating
    // it is refused) and leaves by itself, so the drop waits for it a little.
    drop: () => {
      dropped ??= dropDatabase(adminUrl, name);
      return dropped;
    },
  };
}

/** The PostgreSQL database of each data directory that {@link testDatabaseOptions} made one for. */
const databases = new Map<string, TestDatabase>();

/**
 * The `database` option for a test that calls `startServer` itself: `{}` (SQLite in `dataDir`) unless
 * `NASSIJ_TEST_DATABASE` is a PostgreSQL admin URL (the PostgreSQL pass of `npm test` sets it), then the URL
 * of a fresh database that belongs to `dataDir`. Asking again for the same `dataDir` gives the same
 * database, so a test that restarts a server over its data directory finds its data again, as on SQLite.
 * Remove both with {@link removeTestData}.
 *
 * @example
 * ```ts
 * const dataDir = await mkdtemp(join(tmpdir(), 'nassij-restart-'));
 * const options = { dataDir, seed: 'demo' as const, ...(await testDatabaseOptions(dataDir)) };
 * const first = await startServer(options);
 * await first.close();
 * const second = await startServer(options); // the same data, on SQLite or PostgreSQL
 * await second.close();
 * await removeTestData(dataDir);
 * ```
 */
export async function testDatabaseOptions(dataDir: string): Promise<{ database?: string }> {
  const adminUrl = process.env.NASSIJ_TEST_DATABASE;
  if (!isPostgresUrl(adminUrl)) return {};
  let database = databases.get(dataDir);
  if (!database) {
    database = await createTestDatabase(adminUrl);
    databases.set(dataDir, database);
  }
  return { database: database.url };
}

/**
 * Removes a test's data directory and the PostgreSQL database {@link testDatabaseOptions} made for it, if
 * any (its connections are ended first: a server that failed half-way may still hold some). Safe to call
 * twice and for a directory that has no database.
 *
 * @example
 * ```ts
 * after(() => removeTestData(dataDir));
 * ```
 */
export async function removeTestData(dataDir: string): Promise<void> {
  const database = databases.get(dataDir);
  databases.delete(dataDir);
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
}

/**
 * A reference server on a free port over a fresh temporary data directory (all areas, demo seed unless told
 * otherwise), removed by `stop()`. For tests of the SDK, the elements and the examples. When
 * `NASSIJ_TEST_DATABASE` is a PostgreSQL admin URL (the PostgreSQL pass of `npm test` sets it), the server
 * runs on a fresh database of its own (see {@link testDatabaseOptions}), dropped by `stop()`; uploaded
 * files still live in the data directory. When `NASSIJ_TEST_TEMPLATES` names a run (the node passes of
 * `npm test` set it), a server that would seed the demo on a new database starts on its own copy of a
 * template seeded once per run instead, with the same data (see `test-templates.ts`).
 *
 * @example
 * ```ts
 * const server = await tempServer();
 * const client = createClient({ baseUrl: server.url });
 * await server.stop();
 * ```
 */
export async function tempServer(
  options: Partial<ServerOptions> = {},
): Promise<RunningServer & { dataDir: string; stop(): Promise<void> }> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'nassij-test-')));
  // The database lives with the data directory: a test that restarts a server over the same dataDir (after
  // close(), not stop()) finds its data again, as on SQLite. A test that names its own database keeps it.
  const hadDatabase = databases.has(dataDir);
  let copy: { database?: string } | undefined;
  let server: RunningServer;
  try {
    copy = await seededCopy(options, dataDir, hadDatabase);
    const database = copy ?? ('database' in options ? {} : await testDatabaseOptions(dataDir));
    // `database` is the server's `--database` option: a postgres:// URL, or SQLite in dataDir without it.
    server = await startServer({
      logLevel: 'silent',
      seed: 'demo',
      // Every answer checked against the contract: a test fails on an answer off its schema.
      validateResponses: true,
      ...options,
      // A copy of a seeded template is seeded already, and starts as new all the same (test-templates.ts).
      ...(copy ? { seed: 'none' as const, devPages: options.devPages ?? true } : {}),
      // Tests' webhook receivers listen on this machine, which a server refuses to post to by default.
      webhookWorker:
        options.webhookWorker === false ? false : { allowPrivateTargets: true, ...options.webhookWorker },
      dataDir,
      ...database,
    });
  } catch (error) {
    // As on SQLite, a server that failed to start leaves the data directory (and an earlier database) as is.
    if (!hadDatabase) {
      await databases.get(dataDir)?.drop();
      databases.delete(dataDir);
    }
    throw error;
  }
  return {
    ...server,
    ...(copy ? { seeded: true } : {}),
    dataDir,
    async stop() {
      await server.close();
      await removeTestData(dataDir);
    },
  };
}

/**
 * When the run has seeded templates (`NASSIJ_TEST_TEMPLATES`, see test-templates.ts) and this server would
 * seed the demo on a new database, puts a copy of the matching template in `dataDir` (and, on PostgreSQL, in
 * a new database of `dataDir`) and answers the `database` option to start on; otherwise `undefined`.
 */
async function seededCopy(
  options: Partial<ServerOptions>,
  dataDir: string,
  hadDatabase: boolean,
): Promise<{ database?: string } | undefined> {
  const run = templateRun();
  if (
    !run ||
    (options.seed ?? 'demo') !== 'demo' ||
    'database' in options ||
    !templatableAreas(options.areas)
  )
    return undefined;
  const adminUrl = process.env.NASSIJ_TEST_DATABASE;
  const postgres = isPostgresUrl(adminUrl);
  // A restart over an earlier server's data is not a new database: nothing to seed, nothing to copy.
  if (postgres ? hadDatabase : existsSync(join(dataDir, 'nassij.sqlite'))) return undefined;
  // The clock is read once, as the seeding start read it (to move the demo's dates to its day).
  const at = (options.clock ?? (() => new Date()))();
  const template = await seededTemplate({
    run,
    adminUrl: postgres ? adminUrl : undefined,
    areas: options.areas ?? AREAS,
    at,
  });
  if (!postgres) {
    await copyTemplate(template, dataDir, undefined, undefined);
    return {};
  }
  const database = testDatabaseNamed(adminUrl, `nassij_t_${randomBytes(8).toString('hex')}`);
  // Known before it exists, so that stop() (or removeTestData) drops it whatever happens next.
  databases.set(dataDir, database);
  await copyTemplate(template, dataDir, adminUrl, database.name);
  return { database: database.url };
}

/** Signs in a demo account and returns its token. */
export async function signInAs(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 201) throw new Error(`sign-in failed with ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * A clock that starts at `start` and runs at the real pace from the moment it is made: give it to a server
 * to see the platform as it is on another day ("after the deadline", "during Ramadan") without waiting.
 *
 * @example
 * ```ts
 * const server = await tempServer({ clock: clockFrom('2027-02-20T12:00:00Z') });
 * ```
 */
export function clockFrom(start: string | Date): () => Date {
  const offset = new Date(start).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
