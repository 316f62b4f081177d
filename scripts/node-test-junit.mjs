// A node:test reporter for CI: with TN_JUNIT_DIR set, writes node's built-in JUnit XML
// report to <TN_JUNIT_DIR>/<name>.xml — the name is TN_JUNIT_NAME, else the npm script's
// (`test:csp` → test-csp.xml). Without TN_JUNIT_DIR it writes nothing. It prints nothing
// either: pair it with a reporter people read (spec).
import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { junit } from 'node:test/reporters';

// A third reporter on node's test stream (with spec and the summary) takes it past the
// default of 10 listeners per event: a MaxListenersExceededWarning, not a leak.
EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 20);

export default async function* junitFile(source) {
  const dir = process.env.TN_JUNIT_DIR;
  if (!dir) {
    for await (const event of source) void event;
    return;
  }
  let xml = '';
  for await (const chunk of junit(source)) xml += chunk;
  const name = process.env.TN_JUNIT_NAME ?? (process.env.npm_lifecycle_event ?? 'node-test').replace(/[^\w.-]+/g, '-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.xml`), xml);
  yield '';
}
