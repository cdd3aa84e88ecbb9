import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { countSessions } from '../wtr-summary-reporter.mjs';
import {
  findBrowserTestFiles,
  findNodeTestFiles,
  formatTotals,
  parseOnly,
  parseTapSummary,
} from './suite-tools.mjs';

describe('test file discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'nassij-suite-tools-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const file of [
    'packages/sdk/src/b.test.ts',
    'packages/sdk/src/a/a.test.ts',
    'packages/sdk/src/a/a.ts',
    'packages/elements/src/x.browser.test.ts',
    'packages/elements/src/x.test.ts',
    'packages/elements/dist/x.test.ts',
    'packages/elements/node_modules/y.test.ts',
    'examples/site/e.test.ts',
    'scripts/s.test.mjs',
    'scripts/s.test.ts',
    'stories/z.test.ts',
  ]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
  }

  it('finds node tests sorted, without browser tests, dist or node_modules', () => {
    assert.deepEqual(findNodeTestFiles(root), [
      'examples/site/e.test.ts',
      'packages/elements/src/x.test.ts',
      'packages/sdk/src/a/a.test.ts',
      'packages/sdk/src/b.test.ts',
      'scripts/s.test.mjs',
    ]);
  });

  it('finds only browser tests for the browser suite', () => {
    assert.deepEqual(findBrowserTestFiles(root), ['packages/elements/src/x.browser.test.ts']);
  });

  it('finds nothing in a folder without packages', () => {
    assert.deepEqual(findNodeTestFiles(join(root, 'missing')), []);
  });
});

describe('parseTapSummary', () => {
  it('reads the closing counts, cancelled as failed and todo as skipped', () => {
    const tap =
      'TAP version 13\nok 1 - a\n# tests 7\n# pass 4\n# fail 1\n# cancelled 1\n# skipped 0\n# todo 1\n';
    assert.deepEqual(parseTapSummary(tap), { passed: 4, failed: 2, skipped: 1 });
  });

  it('returns null when the run wrote no summary', () => {
    assert.equal(parseTapSummary('TAP version 13\n'), null);
  });
});

describe('formatTotals', () => {
  it('leaves out skipped when there are none', () => {
    assert.equal(formatTotals({ passed: 3, failed: 0, skipped: 0 }), '3 passed, 0 failed');
  });
  it('names skipped when there are some', () => {
    assert.equal(formatTotals({ passed: 3, failed: 1, skipped: 2 }), '3 passed, 1 failed, 2 skipped');
  });
});

describe('parseOnly', () => {
  it('collects repeated and comma-separated suites', () => {
    assert.deepEqual([...parseOnly(['--only', 'node', '--only=lint,size'])], ['node', 'lint', 'size']);
  });
  it('refuses unknown arguments and a missing name', () => {
    assert.throws(() => parseOnly(['--fast']), /unknown argument/);
    assert.throws(() => parseOnly(['--only']), /needs a suite name/);
  });
});

describe('countSessions', () => {
  const browser = { name: 'Chrome' };
  it('counts tests in nested suites and a file that failed to load as one failure', () => {
    const ok = {
      testFile: 'a.ts',
      browser,
      passed: false,
      errors: [],
      testResults: {
        name: '',
        tests: [{ name: 't1', passed: true, skipped: false }],
        suites: [
          {
            name: 's',
            suites: [],
            tests: [
              { name: 't2', passed: false, skipped: false },
              { name: 't3', passed: false, skipped: true },
            ],
          },
        ],
      },
    };
    const broken = { testFile: 'b.ts', browser, passed: false, errors: [{ message: 'boom' }] };
    const counts = countSessions(/** @type {never} */ ([ok, broken]));
    assert.deepEqual(
      { passed: counts.passed, failed: counts.failed, skipped: counts.skipped },
      { passed: 1, failed: 2, skipped: 1 },
    );
    assert.deepEqual(counts.brokenFiles, ['b.ts [Chrome]']);
  });

  it('counts a passing file with no tests as a failure', () => {
    const empty = {
      testFile: 'c.ts',
      browser,
      passed: true,
      errors: [],
      testResults: { name: '', tests: [], suites: [] },
    };
    assert.equal(countSessions(/** @type {never} */ ([empty])).failed, 1);
  });
});
