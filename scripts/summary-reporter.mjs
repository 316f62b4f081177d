// A web-test-runner reporter that adds up every test in every browser and prints
// "N passed, N failed" alone on a line when the run ends (CI reads that line).
// It also writes the figures to TN_SUMMARY_FILE when set, for .ci/run to add up, and, given
// `fileErrorsXml`, the errors of test files that failed outside any test (a file that did not
// load, an error thrown between tests, the browser session lost) as JUnit XML: the JUnit
// reporter lists tests only, so those would otherwise be a failure counted but named nowhere.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

const escapeXml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A JUnit XML report with one failed test case per test file whose session has errors. */
function fileErrorsReport(sessions) {
  const cases = sessions.map((session) => {
    const [first] = session.errors;
    const message = `${first.name ?? 'Error'}: ${first.message ?? first}`.split('\n')[0];
    const details = session.errors.map((error) => error.stack ?? error.message ?? String(error)).join('\n\n');
    return (
      `    <testcase name="the test file, outside its tests" classname="${escapeXml(session.browser?.name ?? '')}" file="${escapeXml(relative(process.cwd(), session.testFile))}">\n` +
      `      <error message="${escapeXml(message)}">${escapeXml(details)}</error>\n    </testcase>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="test files' own errors" tests="${cases.length}" errors="${cases.length}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}

/** `fileErrorsXml`: where to write the errors of test files outside their tests, if any. */
export function summaryReporter({ fileErrorsXml } = {}) {
  let line;
  return {
    // Printed when the runner stops, after the default reporter's own output.
    stop() {
      if (line) console.log(`\n${line}`);
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      const errored = [];
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) errored.push(session);
      }
      totals.sessionErrors = errored.length;
      totals.failed += totals.sessionErrors;
      if (fileErrorsXml && errored.length > 0) {
        mkdirSync(dirname(fileErrorsXml), { recursive: true });
        writeFileSync(fileErrorsXml, fileErrorsReport(errored));
      }
      line = `${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : '');
      if (process.env.TN_SUMMARY_FILE) writeFileSync(process.env.TN_SUMMARY_FILE, JSON.stringify(totals));
    },
  };
}
