// A node:test reporter that adds up passed and failed tests (suites not counted) and writes
// { passed, failed, skipped } to TN_SUMMARY_FILE, for .ci/run to add to its total. It
// prints nothing: pair it with a reporter people read (spec).
import { writeFileSync } from 'node:fs';

export default async function* summary(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) totals.skipped += 1;
    else if (event.type === 'test:pass') totals.passed += 1;
    else totals.failed += 1;
  }
  if (process.env.TN_SUMMARY_FILE) writeFileSync(process.env.TN_SUMMARY_FILE, JSON.stringify(totals));
  yield '';
}
