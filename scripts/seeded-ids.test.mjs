// @ts-check
// Tests, benches and stories name seeded ids by role through the fixture manifest
// (packages/server/src/seed/fixtures.ts), never literally: a literal id holds only as long as the seed's
// structure, and when it moved with the clock, main was red for part of every day.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The shape of a seeded id: a known prefix, an underscore and digits. */
const SEEDED_ID = /\b(?:acc|app|asso|att|awd|call|cons|crs|ctb|reg|rev|ses)_\d+\b/;

/** Where ids are made or named by role, or where a test is about the id format itself. */
const ALLOWED = [/^packages\/server\/src\/seed\//, /^packages\/server\/src\/areas\/[^/]+\/seed\.ts$/];

test('no test, bench or story writes a seeded id literally', () => {
  const files = execFileSync(
    'git',
    [
      'ls-files',
      '--cached',
      '--others',
      '--exclude-standard',
      '*.test.ts',
      '*.test.mjs',
      'packages/server/src/bench/*',
      'scripts/bench.mjs',
      'stories/*',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  )
    .split('\n')
    .filter((file) => file && existsSync(join(ROOT, file)) && !ALLOWED.some((allowed) => allowed.test(file)));
  assert.ok(files.length > 50, `found the test files (${files.length})`);
  /** @type {string[]} */
  const found = [];
  for (const file of files) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (SEEDED_ID.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});
