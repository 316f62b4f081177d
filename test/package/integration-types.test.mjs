// Editor data and framework types from the packed tarball (scripts/integration-types.mjs
// generates them from custom-elements.json into dist/types/):
//
// - React 19: bare tags type-check with `tn-customer-connect/jsx` (props, typed event
//   details, `--tn-*` tokens in `style`), and so do the React wrappers; the wrappers' props
//   are exactly the elements' public, writable fields (custom-elements.json) and their events.
// - Vue: `GlobalComponents` from `tn-customer-connect/vue`, checked in a .ts file and in a
//   single-file component by vue-tsc with `strictTemplates` (`@tn-connect` handlers typed).
// - VS Code custom data and JetBrains web-types list every tag with its attributes, events,
//   `--tn-*` tokens and `::part()` names; package.json's "web-types" points at the file.
//
// Every check is made twice, from one source: as written, where each probe (a line after an
// expect-error directive) must fail, or the directive itself is reported; and with the
// directives blanked out, where each probe line must fail with the expected message and no
// other line may fail. The host is a project of its own beside the harness's, with React 19's
// types, Vue and vue-tsc at fixed versions, and this repository's TypeScript.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { promisify } from 'node:util';
import ts from 'typescript';
import { TAGS, packageDir, packageJson, projectDir, repoRoot, tarball } from './helpers.mjs';

const run = promisify(execFile);
const TYPESCRIPT = JSON.parse(await readFile(join(repoRoot, 'node_modules/typescript/package.json'), 'utf8')).version;
/** What the host installs besides the tarball. */
const HOST_PACKAGES = ['@types/react@19.3.3', 'vue@3.5.45', 'vue-tsc@3.3.14', `typescript@${TYPESCRIPT}`];

let host;
let manifest;
/** The manifest's element declarations, by tag. */
let elements;

before(async () => {
  host = join(dirname(projectDir()), 'integration-host');
  await mkdir(host, { recursive: true });
  await writeFile(join(host, 'package.json'), JSON.stringify({ name: 'tn-integration-host', private: true, type: 'module' }));
  await run('npm', ['install', tarball(), ...HOST_PACKAGES, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: host,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  manifest = JSON.parse(await readFile(join(packageDir(), 'custom-elements.json'), 'utf8'));
  elements = new Map(
    manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName, d]),
  );
});

// ---- Probes ------------------------------------------------------------------------------

/** A line that must not type-check: `error` matches one of the messages it gets. */
const probe = (why, code, error) => ({ why, code, error });

/**
 * The text of a file from `parts` (lines of code, and probes), each probe preceded by
 * `directive(why)` — or, when `bare`, by an empty line (line numbers stay the same).
 * Resolves `{ text, probes }`, `probes` mapping each probe's line number to the probe.
 */
function compose(parts, directive, bare) {
  const lines = [];
  const probes = new Map();
  for (const part of parts) {
    if (typeof part === 'string') {
      lines.push(...part.split('\n'));
      continue;
    }
    lines.push(bare ? '' : directive(part.why));
    lines.push(part.code);
    probes.set(lines.length, part);
  }
  return { text: `${lines.join('\n')}\n`, probes };
}

const tsDirective = (why) => `// @ts-expect-error ${why}`;
const jsxDirective = (why) => `{/* @ts-expect-error ${why} */}`;
const vueDirective = (why) => `<!-- @vue-expect-error ${why} -->`;

/**
 * Writes `name` (with directives) and its bare twin (`name` with `.bare` before the
 * extension) into `dir`; resolves the two file paths and the probes by line.
 */
async function writePair(dir, name, parts, directive) {
  const bareName = name.replace(/(\.\w+)$/, '.bare$1');
  const written = compose(parts, directive, false);
  const bare = compose(parts, directive, true);
  await writeFile(join(dir, name), written.text);
  await writeFile(join(dir, bareName), bare.text);
  return { file: join(dir, name), bare: join(dir, bareName), probes: written.probes };
}

/**
 * Asserts the two-way check of one pair from `errors` ({ file, line, message }[] of the
 * whole program): none in the file with directives; in the bare file, errors only on probe
 * lines, and on each probe line one that matches the probe.
 */
function assertProbes(pair, errors) {
  const where = (file) => errors.filter((error) => error.file === file);
  assert.deepEqual(
    where(pair.file).map((e) => `${e.line}: ${e.message}`),
    [],
    `${pair.file}: errors, or probes that compile (an unused expect-error directive)`,
  );
  const bare = where(pair.bare);
  const stray = bare.filter((error) => !pair.probes.has(error.line));
  assert.deepEqual(stray.map((e) => `${e.line}: ${e.message}`), [], `${pair.bare}: errors outside the probes`);
  for (const [line, { why, code, error }] of pair.probes) {
    const messages = bare.filter((e) => e.line === line).map((e) => e.message);
    assert.ok(
      messages.some((message) => error.test(message)),
      `probe "${why}" (${code.trim()}) should fail with ${error}; got ${JSON.stringify(messages)}`,
    );
  }
}

/** Errors of a TypeScript program: `{ file, line, message }` (line 1-based). */
function diagnostics(program) {
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName ?? '',
    line: d.file ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

/** A program over `dir`'s tsconfig.json (written from `compilerOptions` and `files`). */
async function program(dir, compilerOptions, files) {
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }, null, 2));
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  assert.deepEqual(parsed.errors.map((e) => ts.flattenDiagnosticMessageText(e.messageText, '\n')), []);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

const STRICT = {
  strict: true,
  noEmit: true,
  skipLibCheck: false,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'bundler',
  types: [],
};

/** `min-chars` → `minChars`. */
const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
/** `tn-connect` → `onTnConnect`. */
const onProp = (event) => `on${event.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase())}`;
/** The public fields a host can set, as the manifest lists them. */
const writableFields = (element) =>
  element.members.filter((m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public').map((m) => m.name);

// ---- React 19 ----------------------------------------------------------------------------

const BARE_TAGS = [
  `/// <reference types="tn-customer-connect/jsx" />
import { useState } from 'react';
import type { TnCustomerConnect } from 'tn-customer-connect';
import { createDemoAdapter } from 'tn-customer-connect/demo-adapter.js';

export function App() {
  const [flow, setFlow] = useState<TnCustomerConnect | null>(null);
  const [name, setName] = useState('');
  return (
    <tn-adapter-provider adapter={createDemoAdapter()} style={{ '--tn-color-accent': '#0a58a8', '--tn-radius': '0' }}>
      <tn-customer-search min-chars={3} pageSize={20} placeholder="Name or tax ID" ontn-connect={(e) => setName(e.detail.customer.legalName)} />
      <tn-customer-connect ref={setFlow} heading-level={2} manageHistory ontn-flow-step-change={(e) => console.log(e.detail.step, e.target.step, flow)} />
      <tn-group-picker ontn-request-connection={(e) => e.detail.customers.map((c) => c.id)} />
      <tn-verify-invoice ontn-verified={(e) => e.detail.relationships.length} />
      <tn-attention-panel refresh-interval={60} ontn-view-attention={(e) => e.detail.list} />
      <tn-relationships account-id="ACC-1" ontn-resume-verification={(e) => e.detail.verificationId} />
      <tn-support-case reference={name} ontn-error={(e) => e.detail.retry()} />`,
  probe('min-chars is a number', `      <tn-customer-search min-chars="three" />`, /'string' is not assignable to type 'number'/),
  probe('a customer has no "nope"', `      <tn-customer-search ontn-connect={(e) => e.detail.customer.nope} />`, /'nope' does not exist on type 'CustomerEntity'/),
  probe('tn-search has no customer', `      <tn-customer-search ontn-search={(e) => e.detail.customer} />`, /'customer' does not exist/),
  probe('step is read-only', `      <tn-customer-connect step="done" />`, /'step' does not exist/),
  // (A misspelt attribute with a dash in its name is not caught: TypeScript lets any such JSX attribute through.)
  probe("tn-view-attention's detail has no customer", `      <tn-attention-panel ontn-view-attention={(e) => e.detail.customer} />`, /'customer' does not exist/),
  probe('no such attribute', `      <tn-relationships nope="1" />`, /'nope' does not exist/),
  probe('no such tag', `      <tn-customer-searc />`, /'tn-customer-searc' does not exist on type 'JSX.IntrinsicElements'/),
  `    </tn-adapter-provider>
  );
}`,
];

const WRAPPERS = [
  `import { TnAdapterProvider, TnCustomerConnect, TnCustomerSearch } from 'tn-customer-connect/react.js';
import { createDemoAdapter } from 'tn-customer-connect/demo-adapter.js';

export function App() {
  return (
    <TnAdapterProvider adapter={createDemoAdapter()}>
      <TnCustomerSearch minChars={3} className="search" onTnConnect={(e) => e.detail.customer.legalName} />
      <TnCustomerConnect headingLevel={2} ref={(flow) => console.log(flow?.step)} onTnFlowStepChange={(e) => e.detail.step} />`,
  probe('step is a read-only getter', `      <TnCustomerConnect step="done" />`, /'step' does not exist/),
  probe("Lit's requestUpdate is no prop", `      <TnCustomerSearch requestUpdate={() => undefined} />`, /'requestUpdate' does not exist/),
  probe('renderRoot is no prop', `      <TnCustomerSearch renderRoot={document.body} />`, /'renderRoot' does not exist/),
  probe('a method is no prop', `      <TnCustomerSearch showMore={() => undefined} />`, /'showMore' does not exist/),
  probe('minChars is a number', `      <TnCustomerSearch minChars="3" />`, /'string' is not assignable to type 'number'/),
  probe('a customer has no "nope"', `      <TnCustomerSearch onTnConnect={(e) => e.detail.customer.nope} />`, /'nope' does not exist on type 'CustomerEntity'/),
  `    </TnAdapterProvider>
  );
}`,
];

describe('React 19 (types from the tarball)', () => {
  let dir;
  let react;
  let errors;
  let bareTags;
  let wrappers;

  before(async () => {
    dir = join(host, 'react');
    await mkdir(dir, { recursive: true });
    bareTags = await writePair(dir, 'bare-tags.tsx', BARE_TAGS, jsxDirective);
    wrappers = await writePair(dir, 'wrappers.tsx', WRAPPERS, jsxDirective);
    // The wrappers' props, one alias per element, for the checker to list.
    const names = [...elements.values()].map((element) => element.name);
    await writeFile(
      join(dir, 'wrapper-props.ts'),
      [
        "import type { ComponentProps, HTMLAttributes, RefAttributes } from 'react';",
        "import type * as Wrappers from 'tn-customer-connect/react.js';",
        'export type HostProps = HTMLAttributes<HTMLElement> & RefAttributes<HTMLElement> & { key?: string };',
        ...names.map((name) => `export type ${name}Props = ComponentProps<typeof Wrappers.${name}>;`),
      ].join('\n'),
    );
    react = await program(dir, { ...STRICT, jsx: 'react-jsx' }, ['bare-tags.tsx', 'bare-tags.bare.tsx', 'wrappers.tsx', 'wrappers.bare.tsx', 'wrapper-props.ts']);
    errors = diagnostics(react);
  });

  it('uses React 19 types', async () => {
    const types = JSON.parse(await readFile(join(host, 'node_modules/@types/react/package.json'), 'utf8'));
    assert.match(types.version, /^19\./);
  });

  it('bare tags: props, typed event details, tokens in style; wrong props, details and tags fail', () => {
    assertProbes(bareTags, errors);
  });

  it('wrappers: typed props and events; read-only getters, Lit internals and methods are no props', () => {
    assertProbes(wrappers, errors);
  });

  it("each wrapper's props are exactly the element's public, writable fields and its events (custom-elements.json)", () => {
    assert.deepEqual(errors.filter((e) => e.file.endsWith('wrapper-props.ts')), []);
    const checker = react.getTypeChecker();
    const source = react.getSourceFile(join(dir, 'wrapper-props.ts'));
    const aliases = new Map(
      source.statements.filter(ts.isTypeAliasDeclaration).map((alias) => [
        alias.name.text,
        checker.getPropertiesOfType(checker.getTypeAtLocation(alias.name)).map((symbol) => symbol.name),
      ]),
    );
    const hostProps = new Set(aliases.get('HostProps'));
    assert.ok(hostProps.has('className') && hostProps.has('children'), 'the host props were not read');
    assert.equal(aliases.size, elements.size + 1, 'one wrapper per element');
    for (const [tag, element] of elements) {
      const props = aliases.get(`${element.name}Props`);
      const fields = writableFields(element);
      const events = (element.events ?? []).map((event) => onProp(event.name));
      assert.deepEqual(
        props.filter((prop) => !hostProps.has(prop) && !prop.startsWith('onTn')).sort(),
        fields.filter((field) => !hostProps.has(field)).sort(),
        `<${tag}>: element props vs the manifest's writable fields`,
      );
      for (const field of fields) assert.ok(props.includes(field), `<${tag}>: no ${field} prop`);
      assert.deepEqual(props.filter((prop) => prop.startsWith('onTn')).sort(), [...new Set(events)].sort(), `<${tag}>: event props`);
    }
  });
});

// ---- Vue ---------------------------------------------------------------------------------

const VUE_DECLARATIONS = [
  `/// <reference types="tn-customer-connect/vue" />
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const search: Props<'tn-customer-search'> = {
  minChars: 3,
  placeholder: 'Name or tax ID',
  onTnConnect: (e) => console.log(e.detail.customer.legalName),
  onTnSearch: (e) => console.log(e.detail.shown),
};
export const flow: Props<'tn-customer-connect'> = { headingLevel: 2, onTnFlowStepChange: (e) => console.log(e.detail.step) };
export const relationships: Props<'tn-relationships'> = { accountId: 'ACC-1', onTnRequestAgain: (e) => console.log(e.detail.relationship) };`,
  probe('minChars is a number', `export const wrongType: Props<'tn-customer-search'> = { minChars: 'three' };`, /'string' is not assignable to type 'number'/),
  probe('a customer has no "nope"', `export const wrongDetail: Props<'tn-customer-search'> = { onTnConnect: (e) => e.detail.customer.nope };`, /'nope' does not exist on type 'CustomerEntity'/),
  probe('step is read-only', `export const readOnly: Props<'tn-customer-connect'> = { step: 'done' };`, /'step' does not exist/),
  probe('no such tag', `export const unknownTag: Props<'tn-customer-searc'> = {};`, /'"tn-customer-searc"' does not satisfy the constraint/),
];

const VUE_SFC = [
  `<script setup lang="ts">
import { ref } from 'vue';
const name = ref('');
const shown = ref(0);
const step = ref('');
</script>

<template>
  <tn-customer-search :min-chars="3" :page-size="20" placeholder="Name or tax ID" @tn-connect="(e) => (name = e.detail.customer.legalName)" @tn-search="shown = $event.detail.shown" />
  <tn-customer-connect :heading-level="2" manage-history @tn-flow-step-change="(e) => (step = e.detail.step)" />
  <tn-support-case :reference="name" />`,
  probe('min-chars is a number', `  <tn-customer-search :min-chars="'three'" />`, /'string' is not assignable to type 'number'/),
  probe('a customer has no "nope"', `  <tn-customer-search @tn-connect="(e) => e.detail.customer.nope" />`, /'nope' does not exist on type 'CustomerEntity'/),
  probe('step is read-only', `  <tn-customer-connect step="done" />`, /'step' does not exist/),
  `</template>`,
];

describe('Vue (types from the tarball)', () => {
  let dir;

  before(async () => {
    dir = join(host, 'vue');
    await mkdir(dir, { recursive: true });
  });

  it('GlobalComponents in a .ts file: typed props and event details; wrong ones fail', async () => {
    const pair = await writePair(dir, 'props.ts', VUE_DECLARATIONS, tsDirective);
    assertProbes(pair, diagnostics(await program(dir, STRICT, ['props.ts', 'props.bare.ts'])));
  });

  it('vue-tsc with strictTemplates: tags, props and @tn-* handlers typed in a component; wrong ones fail', async () => {
    const pair = await writePair(dir, 'App.vue', VUE_SFC, vueDirective);
    await writeFile(join(dir, 'env.d.ts'), '/// <reference types="tn-customer-connect/vue" />\n');
    await writeFile(
      join(dir, 'tsconfig.vue.json'),
      JSON.stringify({
        compilerOptions: { ...STRICT, jsx: 'preserve' },
        vueCompilerOptions: { strictTemplates: true },
        files: ['env.d.ts', 'App.vue', 'App.bare.vue'],
      }),
    );
    const vueTsc = join(host, 'node_modules/vue-tsc/bin/vue-tsc.js');
    let output = '';
    try {
      await run(process.execPath, [vueTsc, '-p', 'tsconfig.vue.json', '--pretty', 'false'], { cwd: dir });
    } catch (error) {
      output = `${error.stdout}${error.stderr}`;
    }
    // `App.vue(12,3): error TS2322: message` (and indented lines that go on with it).
    const errors = [];
    for (const line of output.split('\n')) {
      const match = /^(.+?)\((\d+),\d+\): error TS\d+: (.*)$/.exec(line);
      if (match) errors.push({ file: join(dir, match[1]), line: Number(match[2]), message: match[3] });
      else if (line.startsWith(' ') && errors.length) errors.at(-1).message += `\n${line.trim()}`;
      else if (line.trim()) errors.push({ file: '', line: 0, message: line });
    }
    assertProbes(pair, errors);
  });
});

// ---- Editor data -------------------------------------------------------------------------

describe('Editor data (from the tarball)', () => {
  const resolveFromHost = (specifier) => createRequire(join(host, 'package.json')).resolve(specifier);
  const parts = (element) => (element.cssParts ?? []).map((part) => part.name);
  const tokens = (element) => (element.cssProperties ?? []).map((property) => property.name);

  it('package.json: "web-types" and the exports name the shipped files', async () => {
    const pkg = await packageJson();
    assert.equal(pkg['web-types'], './dist/types/web-types.json');
    for (const [specifier, file] of [
      ['tn-customer-connect/web-types.json', 'dist/types/web-types.json'],
      ['tn-customer-connect/vscode.html-custom-data.json', 'dist/types/vscode.html-custom-data.json'],
      ['tn-customer-connect/vscode.css-custom-data.json', 'dist/types/vscode.css-custom-data.json'],
    ]) {
      assert.equal(resolveFromHost(specifier), join(host, 'node_modules/tn-customer-connect', file));
    }
  });

  it('JetBrains web-types: every tag with its attributes, properties and events; every token and part', async () => {
    const pkg = await packageJson();
    const webTypes = JSON.parse(await readFile(join(packageDir(), pkg['web-types']), 'utf8'));
    assert.equal(webTypes.name, pkg.name);
    assert.equal(webTypes.version, pkg.version);
    const html = new Map(webTypes.contributions.html.elements.map((element) => [element.name, element]));
    assert.deepEqual([...html.keys()].sort(), [...TAGS].sort());
    for (const [tag, element] of elements) {
      const entry = html.get(tag);
      assert.deepEqual(entry.attributes.map((a) => a.name).sort(), element.attributes.map((a) => a.name).sort(), `<${tag}> attributes`);
      assert.deepEqual(entry.js.properties.map((p) => p.name).sort(), writableFields(element).sort(), `<${tag}> properties`);
      assert.deepEqual(entry.js.events.map((e) => e.name).sort(), (element.events ?? []).map((e) => e.name).sort(), `<${tag}> events`);
      assert.ok(entry.description.length > 0, `<${tag}> has no description`);
    }
    const css = webTypes.contributions.css;
    const all = [...elements.values()];
    assert.deepEqual(
      all.flatMap(tokens).filter((token) => !css.properties.some((p) => p.name === token)),
      [],
      'tokens missing from web-types',
    );
    assert.deepEqual(
      all.flatMap(parts).filter((part) => !css['pseudo-elements'].some((p) => p.name === `part(${part})`)),
      [],
      'parts missing from web-types',
    );
  });

  it('VS Code custom data: every tag with its attributes; every token and ::part()', async () => {
    const htmlData = JSON.parse(await readFile(resolveFromHost('tn-customer-connect/vscode.html-custom-data.json'), 'utf8'));
    const cssData = JSON.parse(await readFile(resolveFromHost('tn-customer-connect/vscode.css-custom-data.json'), 'utf8'));
    assert.equal(htmlData.version, 1.1);
    assert.equal(cssData.version, 1.1);
    const tags = new Map(htmlData.tags.map((tag) => [tag.name, tag]));
    assert.deepEqual([...tags.keys()].sort(), [...TAGS].sort());
    for (const [tag, element] of elements) {
      const entry = tags.get(tag);
      assert.deepEqual(entry.attributes.map((a) => a.name).sort(), element.attributes.map((a) => a.name).sort(), `<${tag}> attributes`);
      for (const attribute of entry.attributes) assert.ok(attribute.description, `<${tag} ${attribute.name}> has no description`);
      // The tag's documentation names its events and parts.
      for (const event of element.events ?? []) assert.ok(entry.description.includes(event.name), `<${tag}>: ${event.name} undocumented`);
    }
    const all = [...elements.values()];
    const properties = new Set(cssData.properties.map((p) => p.name));
    const pseudo = new Set(cssData.pseudoElements.map((p) => p.name));
    assert.deepEqual(all.flatMap(tokens).filter((token) => !properties.has(token)), [], 'tokens missing from css custom data');
    assert.deepEqual(all.flatMap(parts).filter((part) => !pseudo.has(`::part(${part})`)), [], 'parts missing from css custom data');
    assert.ok([...properties].every((name) => name.startsWith('--tn-')), 'a token that is not ours');
    // Attribute names are the manifest's (Lit's lowercase ones), not property names.
    assert.ok(tags.get('tn-customer-search').attributes.some((a) => a.name === 'min-chars'));
    assert.ok(!tags.get('tn-customer-search').attributes.some((a) => a.name === camel('min-chars')));
  });
});
