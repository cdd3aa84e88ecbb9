// @ts-check
/**
 * A @web/test-runner reporter that prints one plain closing line, `wtr: N passed, N failed, N skipped`, and
 * optionally writes the counts as JSON to the file named by `NASSIJ_WTR_SUMMARY`.
 *
 * A test file that fails to load, compile or crashes counts as one failure, since it reports no failed test.
 *
 * @example
 * import { defaultReporter } from '@web/test-runner';
 * import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
 * export default { reporters: [defaultReporter(), summaryReporter()] };
 */
import { writeFileSync } from 'node:fs';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, files: number, brokenFiles: string[] }} WtrCounts
 */

/**
 * Counts the results of finished sessions.
 * @param {readonly import('@web/test-runner-core').TestSession[]} sessions
 * @returns {WtrCounts}
 */
export function countSessions(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, files: 0, brokenFiles: /** @type {string[]} */ ([]) };
  for (const session of sessions) {
    counts.files += 1;
    const own = { passed: 0, failed: 0, skipped: 0 };
    /** @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite */
    const walk = (suite) => {
      if (!suite) return;
      for (const test of suite.tests) {
        if (test.skipped) own.skipped += 1;
        else if (test.passed) own.passed += 1;
        else own.failed += 1;
      }
      for (const child of suite.suites) walk(child);
    };
    walk(session.testResults);
    const total = own.passed + own.failed + own.skipped;
    // A file that broke outside its tests (load error, crash, uncaught error, nothing ran) is one failure.
    const broken = session.passed === false ? own.failed === 0 : session.errors.length > 0 || total === 0;
    if (broken) {
      own.failed += 1;
      counts.brokenFiles.push(`${session.testFile} [${session.browser.name}]`);
    }
    counts.passed += own.passed;
    counts.failed += own.failed;
    counts.skipped += own.skipped;
  }
  return counts;
}

/**
 * @param {{ summaryFile?: string }} [options]
 * @returns {import('@web/test-runner-core').Reporter}
 */
export function summaryReporter({ summaryFile = process.env.NASSIJ_WTR_SUMMARY } = {}) {
  /** @type {import('@web/test-runner-core').TestSession[]} */
  let last = [];
  return {
    onTestRunFinished({ sessions }) {
      last = sessions;
    },
    stop({ sessions }) {
      const counts = countSessions(sessions.length > 0 ? sessions : last);
      for (const file of counts.brokenFiles) console.log(`wtr: broken test file ${file}`);
      if (summaryFile) writeFileSync(summaryFile, `${JSON.stringify(counts)}\n`);
      const line = `wtr: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`;
      // The runner prints its own closing progress after the reporters stop; wait for exit to be last.
      // Writes to pipes, files and terminals are synchronous on Linux, so this line is not lost.
      process.once('exit', () => process.stdout.write(line));
    },
  };
}
