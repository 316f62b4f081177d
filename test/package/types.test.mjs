// TypeScript from the tarball: a host project type-checks against the installed package's
// declarations — every entry, the `HTMLElementTagNameMap` entries (createElement and
// querySelector give our classes) and the event map (`tn-*` listeners get a typed detail) —
// under both module resolutions hosts use ("bundler", and Node's "nodenext").
// Our declarations and Lit's are checked too (skipLibCheck off).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import { projectDir, repoRoot } from './helpers.mjs';

const run = promisify(execFile);
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

const HOST_CODE = `
import 'tn-customer-connect/define.js';
import 'tn-customer-connect/customer-search.js';
import 'tn-customer-connect/attention-panel.js';
import 'tn-customer-connect/group-picker.js';
import 'tn-customer-connect/verify-invoice.js';
import 'tn-customer-connect/relationships.js';
import { TnAdapterProvider } from 'tn-customer-connect/adapter-provider.js';
import { TnCustomerConnect } from 'tn-customer-connect/customer-connect.js';
import { createDemoAdapter } from 'tn-customer-connect/demo-adapter.js';
import { createRestAdapter as restFromEntry } from 'tn-customer-connect/rest-adapter.js';
import { templates } from 'tn-customer-connect/locales/fr.js';
import { ControlledAdapter, ManualClock } from 'tn-customer-connect/testing.js';
import { provideAdapter, createRestAdapter, setLocale, VERSION, type CustomerConnectAdapter, TnCustomerSearch } from 'tn-customer-connect';

const search: TnCustomerSearch = document.createElement('tn-customer-search');
search.adapter = createDemoAdapter();
const connect: TnCustomerConnect | null = document.querySelector('tn-customer-connect');
const provider: TnAdapterProvider = document.createElement('tn-adapter-provider');
provider.apiUrl = '/customer-connect/v1';
provider.credentials = 'include';
document.addEventListener('tn-connect', (event) => {
  const id: string = event.detail.customer.id;
  console.log(id, connect, VERSION, Object.keys(templates).length);
});
const adapter: CustomerConnectAdapter = restFromEntry({ baseUrl: '/api' });
provideAdapter(document.body, adapter ?? createRestAdapter({ baseUrl: '/api' }));
void setLocale('fr');
const controlled: CustomerConnectAdapter = new ControlledAdapter().adapter;
console.log(controlled, new ManualClock());

// @ts-expect-error a tag we do not define gives a plain HTMLElement, not our class
const notOurs: TnCustomerSearch = document.createElement('tn-customer-searc');
// @ts-expect-error the detail is typed: a customer has no "nope"
document.addEventListener('tn-connect', (event) => event.detail.customer.nope);
console.log(notOurs);
`;

let dir;

before(async () => {
  dir = join(projectDir(), 'types-check');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'host.ts'), HOST_CODE);
  // Checked alongside host.ts, to show the check is live: its one error must be reported.
  await writeFile(join(dir, 'broken.ts'), "import 'tn-customer-connect/define.js';\nexport const broken: number = document.createElement('tn-relationships');\n");
});

/** Type-checks host.ts and broken.ts with `options`; resolves tsc's output. */
async function check(name, options) {
  await writeFile(
    join(dir, `tsconfig.${name}.json`),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2021', lib: ['ES2022', 'DOM', 'DOM.Iterable'], ...options },
      files: ['host.ts', 'broken.ts'],
    }),
  );
  try {
    await run(process.execPath, [tsc, '-p', join(dir, `tsconfig.${name}.json`)], { cwd: dir });
    return '';
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

/** tsc's errors, one line each (file and message). */
const errors = (output) => output.split('\n').filter((line) => /error TS\d+/.test(line));

describe('TypeScript against the installed package', () => {
  for (const [name, options] of [
    ['bundler', { module: 'ES2022', moduleResolution: 'bundler' }],
    ['nodenext', { module: 'NodeNext', moduleResolution: 'NodeNext' }],
  ]) {
    it(`moduleResolution "${name}": every entry, typed tags and events; the one planted error is reported`, async () => {
      const found = errors(await check(name, options));
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0], /^broken\.ts.*TnRelationships.*not assignable to type 'number'/);
    });
  }
});
