// A web-test-runner reporter that adds up every test in every browser and prints
// "N passed, N failed" alone on a line when the run ends (CI reads that line).
// It also writes the figures to TN_SUMMARY_FILE when set, for .ci/run to add up.
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  let line;
  return {
    // Printed when the runner stops, after the default reporter's own output.
    stop() {
      if (line) console.log(`\n${line}`);
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.sessionErrors += 1;
      }
      totals.failed += totals.sessionErrors;
      line = `${totals.passed} passed, ${totals.failed} failed` + (totals.skipped ? `, ${totals.skipped} skipped` : '');
      if (process.env.TN_SUMMARY_FILE) writeFileSync(process.env.TN_SUMMARY_FILE, JSON.stringify(totals));
    },
  };
}
