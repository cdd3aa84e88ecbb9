// @ts-check
// Small pure helpers for scripts/test.mjs, kept apart so they can be tested without running anything.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'storybook-static']);

/**
 * Every file under `dir` (recursively, skipping node_modules, dist and dot folders) for which `keep` is true,
 * as sorted paths relative to `root` with forward slashes.
 *
 * @example
 * walkFiles('/repo', '/repo/scripts', (name) => name.endsWith('.test.mjs')); // ['scripts/a.test.mjs']
 * @param {string} root
 * @param {string} dir
 * @param {(name: string) => boolean} keep
 * @returns {string[]}
 */
export function walkFiles(root, dir, keep) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} current */
  const visit = (current) => {
    /** @type {import('node:fs').Dirent[]} */
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return; // A folder that does not exist yet simply holds no tests.
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(full);
      } else if (entry.isFile() && keep(entry.name)) {
        found.push(relative(root, full).split(sep).join('/'));
      }
    }
  };
  visit(dir);
  return found.sort();
}

/**
 * The `src` folders of the workspace packages.
 *
 * @example
 * packageSrcDirs('/repo'); // ['/repo/packages/contract/src', ...]
 * @param {string} root
 * @returns {string[]}
 */
export function packageSrcDirs(root) {
  try {
    return readdirSync(join(root, 'packages'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, 'packages', entry.name, 'src'))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Node test files: `packages/*\/src/**\/*.test.ts`, `examples/**\/*.test.ts`, `scripts/**\/*.test.mjs`,
 * never `*.browser.test.ts`. Sorted, relative to `root`.
 *
 * @example
 * findNodeTestFiles(process.cwd()); // ['packages/contract/src/shared/money.test.ts', ...]
 * @param {string} root
 * @returns {string[]}
 */
export function findNodeTestFiles(root) {
  /** @param {string} name */
  const isTs = (name) => name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts');
  const files = [
    ...packageSrcDirs(root).flatMap((dir) => walkFiles(root, dir, isTs)),
    ...walkFiles(root, join(root, 'examples'), isTs),
    ...walkFiles(root, join(root, 'scripts'), (name) => name.endsWith('.test.mjs')),
  ];
  return [...new Set(files)].sort();
}

/**
 * Browser test files: `packages/*\/src/**\/*.browser.test.ts`, sorted, relative to `root`.
 *
 * @example
 * findBrowserTestFiles(process.cwd()); // ['packages/elements/src/call-list/call-list.browser.test.ts']
 * @param {string} root
 * @returns {string[]}
 */
export function findBrowserTestFiles(root) {
  return packageSrcDirs(root)
    .flatMap((dir) => walkFiles(root, dir, (name) => name.endsWith('.browser.test.ts')))
    .sort();
}

/**
 * Reads the closing `# pass N` / `# fail N` / `# cancelled N` / `# skipped N` / `# todo N` lines of a TAP
 * report from `node --test`. Cancelled tests count as failed, todo tests as skipped. `null` when the report
 * has no summary (the runner crashed).
 *
 * @example
 * parseTapSummary('# pass 3\n# fail 1\n# skipped 0\n# todo 0\n'); // { passed: 3, failed: 1, skipped: 0 }
 * @param {string} tap
 * @returns {Counts | null}
 */
export function parseTapSummary(tap) {
  /** @type {Record<string, number>} */
  const found = {};
  for (const match of tap.matchAll(/^# (pass|fail|cancelled|skipped|todo) (\d+)\s*$/gm)) {
    // The last occurrence wins: the run's summary comes after any nested output.
    found[/** @type {string} */ (match[1])] = Number(match[2]);
  }
  if (found.pass === undefined && found.fail === undefined) return null;
  return {
    passed: found.pass ?? 0,
    failed: (found.fail ?? 0) + (found.cancelled ?? 0),
    skipped: (found.skipped ?? 0) + (found.todo ?? 0),
  };
}

/**
 * The closing line: `N passed, N failed`, plus `, N skipped` only when some were.
 *
 * @example
 * formatTotals({ passed: 5, failed: 0, skipped: 0 }); // '5 passed, 0 failed'
 * @param {Counts} counts
 * @returns {string}
 */
export function formatTotals({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/**
 * The suites named by `--only x` / `--only=x` (repeatable, also comma-separated); empty means all.
 *
 * @example
 * parseOnly(['--only', 'node', '--only=lint,size']); // Set { 'node', 'lint', 'size' }
 * @param {readonly string[]} argv
 * @returns {Set<string>}
 */
export function parseOnly(argv) {
  /** @type {Set<string>} */
  const only = new Set();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = /** @type {string} */ (argv[i]);
    /** @type {string | undefined} */
    let value;
    if (arg === '--only') {
      value = argv[i + 1];
      i += 1;
    } else if (arg.startsWith('--only=')) value = arg.slice('--only='.length);
    else throw new Error(`unknown argument ${arg}`);
    if (!value) throw new Error('--only needs a suite name');
    for (const name of value.split(',')) if (name) only.add(name.trim());
  }
  return only;
}
