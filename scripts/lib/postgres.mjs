#!/usr/bin/env node
// @ts-check
// A local PostgreSQL for the PostgreSQL pass of `npm test`, on Debian as CI has it: installs the package when
// missing, starts the cluster, makes the role `nassij` (password `nassij`, may create databases: each test
// makes and drops its own) and names the admin URL the tests use.
//   eval "$(node scripts/lib/postgres.mjs start)"   # prints export NASSIJ_TEST_POSTGRES=… [NASSIJ_PG_STARTED=…]
//   node scripts/lib/postgres.mjs stop 15 main       # stops a cluster that `start` started
// Progress goes to stderr so that stdout stays a list of shell assignments.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { walkFiles } from './suite-tools.mjs';

/** The role the tests connect as, and its password: a throwaway local cluster's, not a secret. */
export const TEST_ROLE = 'nassij';

/**
 * Whether a test file needs PostgreSQL itself (`*.pg.test.ts`): the SQLite pass leaves it out, the
 * PostgreSQL pass runs it.
 *
 * @example
 * isPostgresOnlyTest('packages/server/src/db/postgres.pg.test.ts'); // true
 * @param {string} file
 * @returns {boolean}
 */
export function isPostgresOnlyTest(file) {
  return file.endsWith('.pg.test.ts');
}

/**
 * The files of the PostgreSQL pass: every node test file of the server (`packages/server/src/**\/*.test.ts`,
 * the `*.pg.test.ts` ones included), sorted, relative to `root`.
 *
 * @example
 * postgresPassFiles(process.cwd()); // ['packages/server/src/areas/calls/routes.test.ts', ...]
 * @param {string} root
 * @returns {string[]}
 */
export function postgresPassFiles(root) {
  return walkFiles(
    root,
    join(root, 'packages', 'server', 'src'),
    (name) => name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts'),
  );
}

/**
 * The admin URL of the test role on a local cluster.
 *
 * @example
 * testAdminUrl(5432); // 'postgres://nassij:nassij@127.0.0.1:5432/postgres'
 * @param {number | string} port
 * @returns {string}
 */
export function testAdminUrl(port) {
  return `postgres://${TEST_ROLE}:${TEST_ROLE}@127.0.0.1:${port}/postgres`;
}

/** @typedef {{ version: number, cluster: string, port: number, running: boolean }} Cluster */

const asRoot = () => (process.getuid?.() === 0 ? [] : ['sudo']);

/**
 * Runs a command with its output on stderr; throws when it fails.
 * @param {string[]} argv
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string} its stdout
 */
function sh(argv, env = process.env) {
  const [command, ...args] = argv;
  const result = spawnSync(/** @type {string} */ (command), args, {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.error) throw new Error(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited with ${result.status}`);
  return result.stdout;
}

/** @param {string} command */
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** @param {string} message */
const say = (message) => process.stderr.write(`postgres: ${message}\n`);

/**
 * The clusters `pg_lsclusters` knows, newest version first.
 * @returns {Cluster[]}
 */
function clusters() {
  /** @type {Array<{ version: number | string, cluster: string, port: number | string, running: number }>} */
  const listed = JSON.parse(sh(['pg_lsclusters', '--json']) || '[]');
  return listed
    .map((c) => ({
      version: Number(c.version),
      cluster: c.cluster,
      port: Number(c.port),
      running: c.running === 1,
    }))
    .sort((a, b) => b.version - a.version);
}

/**
 * Installs Debian's PostgreSQL when its tools are missing, starts (or creates) a cluster and makes the test
 * role. Returns the admin URL and, when this call started the cluster, which one (to stop it afterwards).
 *
 * @example
 * const { url, started } = ensurePostgres();
 * process.env.NASSIJ_TEST_POSTGRES = url;
 * @returns {{ url: string, started: Cluster | null }}
 */
export function ensurePostgres() {
  const sudo = asRoot();
  if (!has('pg_lsclusters') || !has('pg_ctlcluster') || !has('psql')) {
    say('installing PostgreSQL (Debian package)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    sh([...sudo, 'apt-get', 'update'], env);
    sh([...sudo, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', 'postgresql'], env);
  }
  let cluster = clusters()[0];
  if (!cluster) {
    // The package made no cluster (create_main_cluster = false): make one for the newest server installed.
    const versions = existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql').map(Number).filter(Number.isFinite)
      : [];
    const version = Math.max(...versions);
    if (!Number.isFinite(version)) throw new Error('PostgreSQL is installed but no server version is');
    say(`creating cluster ${version} main`);
    sh([...sudo, 'pg_createcluster', String(version), 'main']);
    cluster = clusters()[0];
    if (!cluster) throw new Error('pg_createcluster made no cluster');
  }
  /** @type {Cluster | null} */
  let started = null;
  if (!cluster.running) {
    say(`starting cluster ${cluster.version} ${cluster.cluster} on port ${cluster.port}`);
    sh([...sudo, 'pg_ctlcluster', String(cluster.version), cluster.cluster, 'start']);
    started = cluster;
  }
  // Idempotent: a second run (or a machine kept from an earlier session) only resets the password.
  const role = `DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TEST_ROLE}') THEN
      CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${TEST_ROLE}';
    ELSE
      ALTER ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${TEST_ROLE}';
    END IF;
  END $$;`;
  const asPostgres =
    process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : ['sudo', '-u', 'postgres'];
  sh([...asPostgres, 'psql', '-p', String(cluster.port), '-v', 'ON_ERROR_STOP=1', '-qAtc', role]);
  // The tests log in over TCP with the password, as the server would: check that this works now.
  sh(['psql', testAdminUrl(cluster.port), '-qAtc', 'SELECT 1']);
  return { url: testAdminUrl(cluster.port), started };
}

/**
 * Stops a cluster (one that {@link ensurePostgres} started).
 *
 * @example
 * stopCluster('15', 'main');
 * @param {string} version
 * @param {string} name
 */
export function stopCluster(version, name) {
  say(`stopping cluster ${version} ${name}`);
  sh([...asRoot(), 'pg_ctlcluster', version, name, 'stop']);
}

/** @param {string} value */
const shellQuote = (value) => `'${value.replaceAll("'", "'\\''")}'`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'start') {
      const { url, started } = ensurePostgres();
      say(`ready: ${url}`);
      process.stdout.write(`export NASSIJ_TEST_POSTGRES=${shellQuote(url)}\n`);
      if (started)
        process.stdout.write(`NASSIJ_PG_STARTED=${shellQuote(`${started.version} ${started.cluster}`)}\n`);
    } else if (command === 'stop' && rest.length === 2) {
      stopCluster(/** @type {string} */ (rest[0]), /** @type {string} */ (rest[1]));
    } else {
      console.error('usage: postgres.mjs start | stop <version> <cluster>');
      process.exitCode = 2;
    }
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
