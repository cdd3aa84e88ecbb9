// Seeded templates for test servers. Migrating and seeding is most of a test server's start (on PostgreSQL
// some 24,000 statements, each a round trip: about 8 s; about 1 s on SQLite) and every test seeded the same
// data. When NASSIJ_TEST_TEMPLATES names a run (the node passes of `npm test` set it), the first test server
// of a kind seeds a template once per run, and every test server of that kind starts on its own copy of it
// (`CREATE DATABASE … TEMPLATE` on PostgreSQL, a copy of the data directory on SQLite).
//
// A kind is what decides the seeded data: the dialect, the areas (their names, in order, and their
// migrations) and the demo's shift to the clock's day (`demoShiftFor`: the seed is generated at a fixed
// instant, then every date moves to the clock's Casablanca day). The template is built at the test's own
// instant, with every worker off, and carries UNSTARTED_COPY_MARK: a copy's first start counts as the start
// of a new database (no sweep or reminder pass at start), as the seeding start it replaces did.
//
// Names, shared with scripts/lib/test-templates.mjs (which drops them at the end of the pass, and those of
// runs older than a day): the run id is `<base-36 milliseconds>_<hex>`; the templates' files live in
// `<tmpdir>/nassij-tpl-<run>/`, the PostgreSQL templates are `nassij_tpl_<run>_<key>`.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Area } from './areas/area.js';
import { AREAS } from './areas/index.js';
import { UNSTARTED_COPY_MARK } from './db/migrate.js';
import { CORE_MIGRATIONS } from './db/migrations/index.js';
import { demoShiftFor } from './seed/time-shift.js';
import { startServer } from './server.js';

/** The environment variable that turns templates on and names the run they belong to. */
export const TEMPLATES_ENV = 'NASSIJ_TEST_TEMPLATES';

const RUN_ID = /^[0-9a-z]{1,12}_[0-9a-f]{1,8}$/;

/**
 * The run that test servers take their seeded templates from (`NASSIJ_TEST_TEMPLATES`), or `undefined`
 * when templates are off (every test server then seeds its own database). Throws on a value that is not a
 * run id, rather than quietly seed every server.
 *
 * @example
 * ```ts
 * process.env.NASSIJ_TEST_TEMPLATES = 'mbc8x1s0_3f9a';
 * templateRun(); // 'mbc8x1s0_3f9a'
 * ```
 */
export function templateRun(): string | undefined {
  const run = process.env[TEMPLATES_ENV];
  if (run === undefined || run === '') return undefined;
  if (!RUN_ID.test(run))
    throw new Error(
      `${TEMPLATES_ENV} must be a run id such as mbc8x1s0_3f9a (see scripts/test.mjs), not "${run}"`,
    );
  return run;
}

/** A seeded template: what a test server's data directory and database start as. */
export interface SeededTemplate {
  /** The data directory to copy: stored files and, on SQLite, the database file. */
  dir: string;
  /** On PostgreSQL, the name of the template database to copy (nobody may connect to it). */
  database?: string;
}

/** What decides a template's content. */
export interface TemplateSpec {
  /** The run (see {@link templateRun}). */
  run: string;
  /** A PostgreSQL admin URL (templates are databases of that server), or `undefined` for SQLite. */
  adminUrl: string | undefined;
  /** The areas the server mounts; only the platform's own ({@link templatableAreas}). */
  areas: readonly Area[];
  /** The test server's clock now: the demo's dates move to its day. */
  at: Date;
}

/**
 * Whether a server's areas can come from a template: the platform's own areas (any subset, in any order),
 * since a template is found by their names. A test's own area (a name could hide different seeds) cannot.
 *
 * @example
 * ```ts
 * templatableAreas(undefined); // true: all of AREAS
 * templatableAreas([{ name: 'probe', migrations: [], register() {} }]); // false
 * ```
 */
export function templatableAreas(areas: readonly Area[] | undefined): boolean {
  return areas === undefined || areas.every((area) => AREAS.includes(area));
}

/**
 * The key of the template for `spec`: 16 hex digits of a digest of everything that decides its data.
 *
 * @example
 * ```ts
 * templateKey({ run, adminUrl: undefined, areas: AREAS, at: new Date() }); // '9c1f0e…'
 * ```
 */
export function templateKey(spec: TemplateSpec): string {
  const shift = demoShiftFor(spec.at);
  const facts = {
    dialect: spec.adminUrl ? 'postgres' : 'sqlite',
    areas: spec.areas.map((area) => area.name),
    migrations: [...CORE_MIGRATIONS, ...spec.areas.flatMap((area) => area.migrations)].map((m) => m.id),
    shift: [shift.days, shift.years],
  };
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
}

/** The templates this process found or built, by run and key; a failed build is not kept (the next tries again). */
const known = new Map<string, Promise<SeededTemplate>>();

/**
 * The seeded template for `spec`, built when this run has none yet. Processes of one run share templates:
 * one builds (under a lock file), the others wait for it. A failed build rejects (a test server asking for
 * it fails to start with the reason) rather than fall back to seeding.
 *
 * @example
 * ```ts
 * const template = await seededTemplate({ run, adminUrl: undefined, areas: AREAS, at: new Date() });
 * await cp(template.dir, dataDir, { recursive: true });
 * ```
 */
export function seededTemplate(spec: TemplateSpec): Promise<SeededTemplate> {
  const key = templateKey(spec);
  const id = `${spec.run}/${key}`;
  let template = known.get(id);
  if (!template) {
    template = findOrBuild(spec, key);
    known.set(id, template);
    template.catch(() => known.delete(id));
  }
  return template;
}

/** The folder of a run's templates. */
export const runDir = (run: string) => join(tmpdir(), `nassij-tpl-${run}`);

async function findOrBuild(spec: TemplateSpec, key: string): Promise<SeededTemplate> {
  const root = runDir(spec.run);
  await mkdir(root, { recursive: true });
  const dir = join(root, key);
  const template: SeededTemplate = {
    dir,
    ...(spec.adminUrl ? { database: `nassij_tpl_${spec.run}_${key}` } : {}),
  };
  // The directory appears (by rename) only once the template is complete: it says "ready".
  if (existsSync(dir)) return template;
  return underLock(join(root, `${key}.lock`), async () => {
    if (existsSync(dir)) return template;
    try {
      await build(spec, template);
    } catch (error) {
      // Nothing half-built is left for a copy to take (the next server that needs it builds it again).
      await rm(`${dir}.building`, { recursive: true, force: true });
      if (spec.adminUrl && template.database) await dropDatabase(spec.adminUrl, template.database);
      throw new Error(
        `The seeded template ${key} could not be built (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
    return template;
  });
}

async function build(spec: TemplateSpec, template: SeededTemplate): Promise<void> {
  const building = `${template.dir}.building`;
  await rm(building, { recursive: true, force: true });
  // Made here: on PostgreSQL, a server whose areas store no file would not make it.
  await mkdir(building, { recursive: true });
  let database: string | undefined;
  if (spec.adminUrl && template.database) {
    // Left by a build that died before its end (its directory never appeared): made again.
    await dropDatabase(spec.adminUrl, template.database);
    await adminQuery(
      spec.adminUrl,
      `CREATE DATABASE ${template.database} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
    database = databaseUrl(spec.adminUrl, template.database);
  }
  // As tempServer's start of a new database, at the test's instant, but with no worker: a worker's pass
  // would change the data (mail sent, reminders queued) before any test server runs.
  const server = await startServer({
    dataDir: building,
    ...(database ? { database } : {}),
    areas: spec.areas,
    seed: 'demo',
    clock: () => spec.at,
    logLevel: 'silent',
    mailWorker: false,
    webhookWorker: false,
    reminderWorker: false,
    fileSweep: false,
  });
  try {
    if (!server.seeded) throw new Error('the template database was not new');
    await server.db.write('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)', [
      UNSTARTED_COPY_MARK,
      spec.at.toISOString(),
    ]);
  } finally {
    await server.close();
  }
  if (spec.adminUrl && template.database) {
    // Nobody connects to a template (a connection would make every copy fail), autovacuum included.
    await adminQuery(spec.adminUrl, `ALTER DATABASE ${template.database} WITH ALLOW_CONNECTIONS false`);
    await endConnections(spec.adminUrl, template.database);
  }
  await rename(building, template.dir);
}

/**
 * Copies a template into a test's data directory (merged into what is there) and, on PostgreSQL, into a new
 * database `name`.
 *
 * @example
 * ```ts
 * await copyTemplate(template, dataDir, adminUrl, 'nassij_t_0123456789abcdef');
 * ```
 */
export async function copyTemplate(
  template: SeededTemplate,
  dataDir: string,
  adminUrl: string | undefined,
  name: string | undefined,
): Promise<void> {
  // Not the template's timestamps: the files are as new as the database, as if seeded now.
  await cp(template.dir, dataDir, { recursive: true });
  if (adminUrl && template.database && name) {
    await whileAccessed(() => adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template.database}`));
  }
}

/**
 * The URL of database `name` on the server of `adminUrl`.
 *
 * @example
 * ```ts
 * databaseUrl('postgres://u:p@127.0.0.1:5432/postgres', 'nassij_t_1'); // 'postgres://u:p@127.0.0.1:5432/nassij_t_1'
 * ```
 */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs one statement on a fresh connection through `adminUrl` and answers its rows.
 *
 * @example
 * ```ts
 * await adminQuery(adminUrl, 'SELECT datname FROM pg_database WHERE datname LIKE $1', ['nassij_t_%']);
 * ```
 */
export async function adminQuery(
  adminUrl: string,
  sql: string,
  values: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Ends our own client connections to `name` (a pool a failed test left open); autovacuum leaves by itself. */
async function endConnections(adminUrl: string, name: string): Promise<void> {
  await adminQuery(
    adminUrl,
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'
        AND usename = current_user`,
    [name],
  );
}

/**
 * Retries `statement` while PostgreSQL answers 55006 (the database is being accessed: a connection that is
 * ending, or an autovacuum worker that leaves by itself), for up to 5 s.
 */
async function whileAccessed(statement: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await statement();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Drops database `name` if it exists, after ending our own connections to it.
 *
 * @example
 * ```ts
 * await dropDatabase(adminUrl, 'nassij_t_0123456789abcdef');
 * ```
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await endConnections(adminUrl, name);
  await whileAccessed(() => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`));
}

/**
 * Runs `fn` holding the lock `path` (a directory, made atomically), shared by the processes of one machine.
 * A lock whose holder died (its process is gone, or it never wrote its pid within 30 s) is taken over.
 */
async function underLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const owner = join(path, 'pid');
  for (;;) {
    try {
      await mkdir(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
    const since = await stat(path).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    if ((pid > 0 && !isAlive(pid)) || (!pid && since > 30_000)) {
      await rm(path, { recursive: true, force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    await writeFile(owner, String(process.pid));
    return await fn();
  } finally {
    await rm(path, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
