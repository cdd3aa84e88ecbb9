#!/usr/bin/env node
// @ts-check
// `npm test`: every suite in order (lint, typecheck, build, node, node-postgres, browser, size), going on
// after a failure, then one table and, as the very last line, the totals `N passed, N failed[, N skipped]`.
// The build comes before the node suite because scripts/pack.test.mjs packs and installs the built packages
// (the other node tests run from source); alone, that test brings dist/ up to date itself.
// The node suite runs on SQLite; node-postgres runs the server's test files again on PostgreSQL when
// NASSIJ_TEST_POSTGRES names an admin URL (.ci/run starts a local server and sets it; see
// scripts/lib/postgres.mjs), and the `*.pg.test.ts` files that need PostgreSQL run only there.
// `npm test -- --only node --only browser` runs just those suites; NASSIJ_CLOCK=<instant> moves the node
// suites' clock to another date and hour; NASSIJ_TEST_CONCURRENCY=<n> runs n test files at once in the node
// suites (default 2: this machine's cores; a bigger CI machine may give more).
// The node suites' test servers start on copies of seeded templates, made once per run (NASSIJ_TEST_TEMPLATES
// names the run; see packages/server/src/test-templates.ts) and removed at the end, with those a killed run
// left; NASSIJ_TEST_TEMPLATES=off makes every test server seed its own database, as a test file run alone does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isPostgresOnlyTest, postgresPassFiles } from './lib/postgres.mjs';
import {
  findBrowserTestFiles,
  findNodeTestFiles,
  formatTotals,
  parseOnly,
  parseTapSummary,
} from './lib/suite-tools.mjs';
import { newTemplateRun, removeTemplates } from './lib/test-templates.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const SUITES = ['lint', 'typecheck', 'build', 'node', 'node-postgres', 'browser', 'size'];

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */
/** @typedef {{ name: string, counts: Counts | null, note: string, ms: number }} SuiteResult */

/**
 * Runs a command with inherited output and resolves with its exit code (a signal counts as 1).
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(command, args, env = process.env) {
  return new Promise((ok) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
    child.once('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      ok(127);
    });
    child.once('exit', (code) => ok(code ?? 1));
  });
}

/** @param {number} code @returns {Counts} */
const oneTest = (code) =>
  code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };

/** @param {string} path @returns {string | undefined} */
const readIfThere = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/**
 * A suite that wrote its counts to a JSON file: a non-zero exit without any counted failure is one failure.
 * @param {number} code
 * @param {string | undefined} json
 * @returns {Counts}
 */
function countsFromJson(code, json) {
  /** @type {Counts} */
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    if (json) {
      const parsed = JSON.parse(json);
      counts = { passed: parsed.passed | 0, failed: parsed.failed | 0, skipped: parsed.skipped | 0 };
    }
  } catch {
    // An unreadable summary is handled below as a failed run.
  }
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const work = mkdtempSync(join(tmpdir(), 'nassij-test-'));

/** The run whose seeded templates the node suites' test servers copy ('' when turned off). */
const templates = process.env.NASSIJ_TEST_TEMPLATES === 'off' ? '' : newTemplateRun();

/**
 * Removes this run's seeded templates (folders, and PostgreSQL databases when there is a server), or those
 * of runs older than a day; a failure is reported, not counted: it leaves only disk space behind.
 * @param {string | undefined} run
 */
async function removeTemplatesOf(run) {
  try {
    await removeTemplates({ ...(run ? { run } : {}), adminUrl: process.env.NASSIJ_TEST_POSTGRES });
  } catch (error) {
    console.error(`seeded templates: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * How many test files the node suites run at once: NASSIJ_TEST_CONCURRENCY, else 2.
 * @returns {number}
 */
function concurrency() {
  const asked = Number(process.env.NASSIJ_TEST_CONCURRENCY);
  return Number.isInteger(asked) && asked > 0 ? asked : 2;
}

/**
 * One run of node's test runner over `files`, `concurrency()` files at once, counted from its TAP report.
 * `timeoutMs` bounds each test and each file as a whole.
 * @param {string} name
 * @param {string[]} files
 * @param {NodeJS.ProcessEnv} env
 * @param {number} timeoutMs
 * @returns {Promise<{ counts: Counts, note: string }>}
 */
async function nodePass(name, files, env, timeoutMs) {
  console.log(`${name}: ${files.length} test files`);
  const tapFile = join(work, `${name}.tap`);
  // NASSIJ_CLOCK moves the clock of every test process (see scripts/lib/shift-process-clock.mjs).
  const clock = process.env.NASSIJ_CLOCK
    ? ['--import', pathToFileURL(join(ROOT, 'scripts', 'lib', 'shift-process-clock.mjs')).href]
    : [];
  if (clock.length > 0) console.log(`${name}: clock moved to ${process.env.NASSIJ_CLOCK}`);
  const code = await run(
    process.execPath,
    [
      '--conditions=source',
      ...clock,
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency()}`,
      // A hung test must fail the run rather than hang CI.
      `--test-timeout=${timeoutMs}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  const counts = parseTapSummary(readIfThere(tapFile) ?? '') ?? { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { counts, note: `${files.length} files` };
}

/** @type {Record<string, () => Promise<{ counts: Counts | null, note?: string }>>} */
const suites = {
  async lint() {
    return { counts: oneTest(await run(join(BIN, 'biome'), ['check', '.'])) };
  },

  async typecheck() {
    return { counts: oneTest(await run(join(BIN, 'tsc'), ['-p', 'tsconfig.check.json'])) };
  },

  async node() {
    const files = findNodeTestFiles(ROOT).filter((file) => !isPostgresOnlyTest(file));
    if (files.length === 0) {
      console.log('node: no node test files found');
      return { counts: null, note: 'none found' };
    }
    // This pass is the SQLite one, whatever the shell exported. The timeout bounds a whole file too (a hung
    // test must fail, not hang CI): the example pages' file opens every page in Chromium at two widths with axe
    // and runs the staff journeys, some 100 s on two busy cores, so a file gets as long as in the PostgreSQL pass.
    const { NASSIJ_TEST_DATABASE: _ignored, ...env } = process.env;
    return nodePass('node', files, { ...env, NASSIJ_TEST_TEMPLATES: templates }, 300_000);
  },

  async 'node-postgres'() {
    const adminUrl = process.env.NASSIJ_TEST_POSTGRES;
    if (!adminUrl) {
      console.log('node-postgres: not run (no PostgreSQL; .ci/run provides one)');
      // CI must test PostgreSQL: a CI run without it would pass having tested SQLite only.
      if (process.env.CI === 'true') {
        console.error('node-postgres: CI=true but NASSIJ_TEST_POSTGRES is not set');
        return { counts: { passed: 0, failed: 1, skipped: 0 }, note: 'no PostgreSQL in CI' };
      }
      return { counts: null, note: 'not run (no PostgreSQL)' };
    }
    const files = postgresPassFiles(ROOT);
    // Every tempServer() of the pass makes its own database through this URL (a copy of a seeded template)
    // and drops it when stopped. The timeout also bounds a whole file: a server that seeds its own database
    // (migrations and the demo seed, some 24,000 statements, each a round trip) takes about 3× as long as on
    // SQLite, and some files start several, so a file gets more time here than in the SQLite pass.
    return nodePass(
      'node-postgres',
      files,
      { ...process.env, NASSIJ_TEST_DATABASE: adminUrl, NASSIJ_TEST_TEMPLATES: templates },
      300_000,
    );
  },

  async build() {
    return { counts: oneTest(await run(process.execPath, [join('scripts', 'build.mjs')])) };
  },

  async browser() {
    const files = findBrowserTestFiles(ROOT);
    if (files.length === 0) {
      console.log('browser: no *.browser.test.ts found, skipping');
      return { counts: null, note: 'none found' };
    }
    const summary = join(work, 'wtr.json');
    const code = await run(
      process.execPath,
      [
        join(ROOT, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js'),
        '--config',
        'web-test-runner.config.mjs',
      ],
      { ...process.env, NASSIJ_WTR_SUMMARY: summary },
    );
    return { counts: countsFromJson(code, readIfThere(summary)), note: `${files.length} files` };
  },

  async size() {
    const summary = join(work, 'size.json');
    const code = await run(process.execPath, [join('scripts', 'size-budgets.mjs')], {
      ...process.env,
      NASSIJ_SIZE_SUMMARY: summary,
    });
    return { counts: countsFromJson(code, readIfThere(summary)) };
  },
};

/** @param {SuiteResult[]} results */
function printTable(results) {
  const rows = [
    ['suite', 'passed', 'failed', 'skipped', 'time', 'note'],
    ...results.map(({ name, counts, note, ms }) => [
      name,
      String(counts?.passed ?? '-'),
      String(counts?.failed ?? '-'),
      String(counts?.skipped ?? '-'),
      `${(ms / 1000).toFixed(1)}s`,
      note,
    ]),
  ];
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of rows) {
    const cells = row.map((cell, column) =>
      column === 0 || column === 5 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
    );
    console.log(cells.join('  ').trimEnd());
  }
}

async function main() {
  const only = parseOnly(process.argv.slice(2));
  const unknown = [...only].filter((name) => !SUITES.includes(name));
  if (unknown.length > 0) {
    console.error(`unknown suite ${unknown.join(', ')}; known: ${SUITES.join(', ')}`);
    process.exit(2);
  }
  const started = Date.now();
  await removeTemplatesOf(undefined);
  /** @type {SuiteResult[]} */
  const results = [];
  for (const name of SUITES) {
    if (only.size > 0 && !only.has(name)) continue;
    console.log(`\n=== ${name} ===`);
    const t0 = Date.now();
    const suite = /** @type {() => Promise<{ counts: Counts | null, note?: string }>} */ (suites[name]);
    let outcome;
    try {
      outcome = await suite();
    } catch (error) {
      console.error(`${name}: ${error instanceof Error ? error.stack : String(error)}`);
      outcome = { counts: { passed: 0, failed: 1, skipped: 0 } };
    }
    results.push({ name, counts: outcome.counts, note: outcome.note ?? '', ms: Date.now() - t0 });
  }
  rmSync(work, { recursive: true, force: true });
  if (templates) await removeTemplatesOf(templates);

  /** @type {Counts} */
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const { counts } of results) {
    total.passed += counts?.passed ?? 0;
    total.failed += counts?.failed ?? 0;
    total.skipped += counts?.skipped ?? 0;
  }
  console.log('');
  printTable(results);
  console.log(`total time ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(formatTotals(total));
  process.exitCode = total.failed > 0 ? 1 : 0;
}

await main();
