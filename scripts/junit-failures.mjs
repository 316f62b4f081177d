// Lists the failed tests of every JUnit XML file in a directory, one line each with the first
// line of its message: `node scripts/junit-failures.mjs .wtr-junit`. .ci/run prints it just
// before its last line, so that a CI system that keeps only the end of the log still says
// which test failed and why (the whole message and stack stay in the XML).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXmlText } from './xml-text.mjs';

const MAX_LISTED = 30;
const MESSAGE_CHARS = 300;

const dir = process.argv[2] ?? '.wtr-junit';
const attribute = (attributes, name) => {
  const found = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return found ? decodeXmlText(found[1]) : '';
};

const failures = [];
let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith('.xml'));
} catch {
  // No directory: nothing wrote a report.
}
for (const name of files.sort()) {
  const xml = readFileSync(join(dir, name), 'utf8');
  // Test cases do not nest, in web-test-runner's reports or node's. Node leaves ">" unescaped
  // in attribute values, so a tag ends at the first ">" outside quotes.
  for (const [, attributes, body = ''] of xml.matchAll(/<testcase\b((?:[^>"]|"[^"]*")*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const failure = /<(failure|error)\b((?:[^>"]|"[^"]*")*)>/.exec(body);
    if (!failure) continue;
    const where = [attribute(attributes, 'file'), attribute(attributes, 'classname'), attribute(attributes, 'name')].filter(Boolean).join(' › ');
    const message = attribute(failure[2], 'message').split('\n')[0].slice(0, MESSAGE_CHARS);
    failures.push(`  ✗ ${name.replace(/\.xml$/, '')}: ${where}\n      ${message}`);
  }
}
if (failures.length > 0) {
  console.log(`Failed tests (${failures.length}), from the JUnit XML in ${dir}/:`);
  for (const line of failures.slice(0, MAX_LISTED)) console.log(line);
  if (failures.length > MAX_LISTED) console.log(`  … and ${failures.length - MAX_LISTED} more`);
}
