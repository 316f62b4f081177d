// Which test files `npm test` may run several at a time in one browser, and which one page at
// a time.
//
// Serial: a file that types, clicks or checks where the focus is (real input goes to the
// focused page, and two pages at once take the focus from each other, so a Tab lands in the
// other page), or that talks to the reference API server (its fault injection and request log
// are one state for every page: a fault set by one file would hit another's request), or that
// uses the page's storage (pages of one origin share it: a draft one file leaves in
// localStorage would be restored in another's element).
// Everything else — rendering, parsing, adapters against in-page fakes — is concurrent.
//
// The split reads the files: a file is serial when its text matches SERIAL_PATTERN (the test
// helpers that press keys or reach the server, the commands plugin, focus APIs), or is named in
// SERIAL_FILES. A new test that starts typing moves to the serial set by itself; a file found
// flaky when run alongside others goes to SERIAL_FILES with the reason.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Text that makes a file serial: keyboard/mouse input, focus, the reference API server, storage. */
export const SERIAL_PATTERN =
  /helpers\/keys|helpers\/reference-server|@web\/test-runner-commands|sendKeys|sendMouse|pressChord|activeElement|hasFocus|:focus|\.focus\(|\.blur\(|localStorage|sessionStorage|indexedDB|BroadcastChannel/;

/**
 * Files serial for a reason the pattern does not see: path → why. The CPU-bound ones gain
 * nothing from sharing a 2-core machine's CPU with other pages, only come nearer their
 * timeouts: at 3 at a time on a loaded machine they timed out.
 */
export const SERIAL_FILES = {
  'test/attention-panel.test.ts':
    'relative times and refresh intervals off the page clock: failed at 3 at a time (the pages not in front run their timers late)',
  'test/demo-adapter.test.ts': 'CPU-bound: generates and scans the whole demo directory (timed out at 3 at a time)',
  'test/checked-adapter.test.ts': 'CPU-bound: validates every answer of the whole demo flow (timed out at 3 at a time)',
  'test/lifecycle.test.ts': 'CPU-bound: mounts and unmounts every element two hundred times (a thousand timed out at 3 at a time)',
};

/** Files `npm test` runs when none are named: every test but the visual suite (its own config). */
export function defaultTestFiles(root) {
  const dir = join(root, 'test');
  return readdirSync(dir, { recursive: true })
    .map((file) => relative(root, join(dir, file)).split('\\').join('/'))
    .filter((file) => file.endsWith('.test.ts') && file !== 'test/visual.test.ts')
    .sort();
}

/**
 * Splits `files` (paths from `root`) into `{ serial, concurrent }`. A name that is not a file
 * (a glob) is serial: its files are not known here, and serial is always safe.
 */
export function splitTestFiles(files, root) {
  const serial = [];
  const concurrent = [];
  for (const file of files) {
    const path = join(root, file);
    const isSerial = file in SERIAL_FILES || !existsSync(path) || SERIAL_PATTERN.test(readFileSync(path, 'utf8'));
    (isSerial ? serial : concurrent).push(file);
  }
  return { serial, concurrent };
}
