// @ts-check
// The seeded templates of a test run (packages/server/src/test-templates.ts): `npm test` names a run for its
// node passes (NASSIJ_TEST_TEMPLATES), and removes that run's templates at the end, and those that runs
// older than a day left behind (a run that was killed). Names, shared with test-templates.ts: the run id is
// `<base-36 milliseconds>_<hex>`, files live in `<tmpdir>/nassij-tpl-<run>/`, PostgreSQL templates are
// `nassij_tpl_<run>_<key>`.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** How old a run's leftovers must be before a later run removes them: no run lasts that long. */
export const STALE_AFTER_MS = 24 * 3_600_000;

const RUN_DIR = /^nassij-tpl-([0-9a-z]{1,12})_[0-9a-f]{1,8}$/;
const TEMPLATE = /^nassij_tpl_([0-9a-z]{1,12})_[0-9a-f]{1,8}_[0-9a-f]{16}$/;

/**
 * A new run id: the time it starts (base 36, so that a later run can tell old leftovers) and random hex.
 *
 * @example
 * newTemplateRun(); // 'mbc8x1s0_3f9a'
 * @param {number} [now]
 * @returns {string}
 */
export function newTemplateRun(now = Date.now()) {
  return `${now.toString(36)}_${randomBytes(2).toString('hex')}`;
}

/**
 * Whether a template's database or folder name belongs to `run`, or (without `run`) to a run started
 * before `now - STALE_AFTER_MS`.
 *
 * @example
 * isTemplateOf('nassij_tpl_mbc8x1s0_3f9a_0123456789abcdef', 'mbc8x1s0_3f9a', Date.now()); // true
 * @param {string} name
 * @param {string | undefined} run
 * @param {number} now
 * @returns {boolean}
 */
export function isTemplateOf(name, run, now) {
  if (run !== undefined) return name === `nassij-tpl-${run}` || name.startsWith(`nassij_tpl_${run}_`);
  const started = (RUN_DIR.exec(name) ?? TEMPLATE.exec(name))?.[1];
  return started !== undefined && parseInt(started, 36) < now - STALE_AFTER_MS;
}

/**
 * Removes the templates of `run` (or, without it, those of stale runs): their folders, and their databases
 * on the server of `adminUrl` when given. Reports what it could not remove and goes on.
 *
 * @example
 * await removeTemplates({ run, adminUrl: process.env.NASSIJ_TEST_POSTGRES });
 * @param {{ run?: string, adminUrl?: string, now?: number }} options
 * @returns {Promise<number>} how many folders and databases it removed
 */
export async function removeTemplates({ run, adminUrl, now = Date.now() }) {
  let removed = 0;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('nassij-tpl-') || !isTemplateOf(name, run, now)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
    removed += 1;
  }
  if (!adminUrl) return removed;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'nassij\\_tpl\\_%' ORDER BY datname",
    );
    for (const { datname } of /** @type {Array<{ datname: string }>} */ (rows)) {
      if (!isTemplateOf(datname, run, now)) continue;
      try {
        // Nobody may connect to a template: a drop has no connection to wait for.
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)}`);
        removed += 1;
      } catch (error) {
        console.error(`cannot drop ${datname}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await client.end();
  }
  return removed;
}
