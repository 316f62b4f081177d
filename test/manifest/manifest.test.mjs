// custom-elements.json, the package's custom elements manifest, against the sources it
// describes; then the built Storybook's argument tables against the manifest.
//
//   npm run test:manifest            (the manifest checks regenerate custom-elements.json;
//                                     the Storybook ones need `npm run build-storybook` first)
//
// The facts come from the TypeScript sources (test/manifest/source.mjs: decorators,
// modifiers, templates, style sheets, `defineElement` calls, src/base/events.ts), never from
// the manifest or its JSDoc, so a member the analyzer misses, a JSDoc line that drifts from
// the code, or a rendered part nobody documented each fail a test.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { SourceModel, eventMap, srcPath, varReads } from './source.mjs';
import { checkStorybook, propertiesAfterControls } from './storybook.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = join(ROOT, 'custom-elements.json');

/** Runs the analyzer as `npm run manifest` does, and reads what it wrote. */
function generateManifest() {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the analyzer failed:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(readFileSync(MANIFEST, 'utf8'));
}

const manifest = generateManifest();
const declarations = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).map((declaration) => ({ ...declaration, module: module.path })),
);
const customElements = declarations.filter((declaration) => declaration.customElement);
/** Registered elements (with a tag). */
const elements = customElements.filter((declaration) => declaration.tagName);
const elementModules = new Set(
  manifest.modules
    .filter(
      (module) =>
        (module.declarations ?? []).length > 0 ||
        (module.exports ?? []).some((e) => e.kind === 'custom-element-definition'),
    )
    .map((module) => srcPath(module.path)),
);
const source = new SourceModel(
  ROOT,
  [...new Set([...elementModules, 'src/define.ts'])],
  elementModules,
);

/** [name, default] of each `--tn-*` token the `:host` rule of src/styles/tokens.ts reads. */
function designTokens() {
  const tokens = readFileSync(join(ROOT, 'src/styles/tokens.ts'), 'utf8');
  const host = /:host\s*\{([^}]*)\}/.exec(tokens)?.[1] ?? '';
  return varReads(host)
    .filter(({ name }) => name.startsWith('--tn-') && !name.startsWith('--tn-i-'))
    // A default may read another token (--tn-color-canvas falls back to the surface colour):
    // each token counts once, where it is defined.
    .filter(({ name }, index, reads) => reads.findIndex((read) => read.name === name) === index)
    .map(({ name, fallback }) => [name, fallback]);
}

/**
 * The value names the package's root entry exports (src/index.ts): a default may name one
 * (`clock` starts as `systemClock`), since a host can import it; any other name is a
 * constant the host cannot see.
 */
function rootExports(file = 'src/index.ts') {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const named = [...source.matchAll(/export\s+\{([^}]*)\}/g)].flatMap((match) =>
    match[1].split(',').map((name) => name.trim().split(/\s+as\s+/).pop()).filter(Boolean),
  );
  // `export * from './api.js'`: what that file exports, followed the same way.
  const starred = [...source.matchAll(/export\s+\*\s+from\s+'(\.[^']+)\.js'/g)].flatMap((match) => [
    ...rootExports(join(dirname(file), `${match[1]}.ts`)),
  ]);
  return new Set([...named, ...starred]);
}
const exported = rootExports();
/** A literal as a default is written: a number, a quoted string, a keyword, an array or object. */
const LITERAL = /^(undefined|null|true|false|-?\d+(\.\d+)?(e[+-]?\d+)?|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[.*\]|\{.*\})$/s;
const isValue = (text) => LITERAL.test(text) || exported.has(text);

/**
 * The control a property should get from its manifest type (`undefined` and `null` aside):
 * 'string', 'number', 'boolean', `{ options }` for a union of string literals, 'none' for a
 * read-only property or an object with behaviour (the adapter, a clock), 'object' for data.
 * Written here from the types, not imported from .storybook/controls.ts.
 */
function expectedControl(member) {
  if (member.readonly) return 'none';
  const parts = (member.type?.text ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  if (parts.length > 0 && parts.every((part) => /^'.*'$/.test(part))) {
    return { options: parts.map((part) => part.slice(1, -1)) };
  }
  if (parts.length === 1 && parts[0] === 'RequestCredentials') return { options: ['same-origin', 'include', 'omit'] };
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0])) return parts[0];
  if (parts.some((part) => ['CustomerConnectAdapter', 'Clock'].includes(part))) return 'none';
  return 'object';
}

const normalize = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();
const described = (item) => normalize(item.description).length > 0;
const sorted = (values) => [...values].sort();

/**
 * Assertions that note a failure and go on, so that one run lists every gap; `done()`
 * fails the test with all of them.
 */
function collector() {
  const problems = [];
  const attempt = (check) => {
    try {
      check();
    } catch (error) {
      const message = error.message.split('\n')[0];
      if (error.actual === undefined || typeof error.actual === 'boolean') problems.push(message);
      else if (Array.isArray(error.actual) && Array.isArray(error.expected) && error.expected.length === 0) {
        problems.push(`${message}:${error.actual.map((item) => `\n      ${item}`).join('')}`);
      } else {
        problems.push(`${message}\n    actual:   ${JSON.stringify(error.actual)}\n    expected: ${JSON.stringify(error.expected)}`);
      }
    }
  };
  return {
    ok: (...args) => attempt(() => assert.ok(...args)),
    equal: (...args) => attempt(() => assert.equal(...args)),
    deepEqual: (...args) => attempt(() => assert.deepEqual(...args)),
    match: (...args) => attempt(() => assert.match(...args)),
    done: () => assert.ok(problems.length === 0, `${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`),
  };
}

describe('custom-elements.json', () => {
  test('package.json points to it, and ships it', () => {
    const expect = collector();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect.equal(pkg.customElements, 'custom-elements.json');
    expect.ok(pkg.files.includes('custom-elements.json'), '"files" lacks custom-elements.json');
    expect.equal(manifest.schemaVersion, '1.0.0');
    expect.done();
  });

  test('every module names a file the build ships (dist/x.js for src/x.ts)', () => {
    const expect = collector();
    const paths = new Set();
    const collect = (value) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if ((key === 'module' || key === 'path') && typeof inner === 'string') paths.add(inner);
          else collect(inner);
        }
      }
    };
    collect(manifest.modules);
    expect.ok(paths.size > 0);
    for (const path of paths) {
      expect.match(path, /^dist\/.+\.js$/, `${path} is not a shipped module`);
      expect.ok(existsSync(join(ROOT, srcPath(path))), `${path}: no ${srcPath(path)}`);
    }
    expect.done();
  });

  test('every element src/define.ts registers is in the manifest, under its tag', () => {
    const expect = collector();
    const registered = source
      .imports('src/define.ts')
      .flatMap((module) => source.definitions(module).map((definition) => ({ ...definition, module })));
    expect.ok(registered.length > 0, 'src/define.ts registers no element');
    expect.deepEqual(
      sorted(elements.map((element) => `${element.tagName} ${element.name}`)),
      sorted(registered.map((definition) => `${definition.tag} ${definition.className}`)),
    );
    for (const definition of registered) {
      const module = manifest.modules.find((candidate) => srcPath(candidate.path) === definition.module);
      const exported = module?.exports?.find(
        (e) => e.kind === 'custom-element-definition' && e.name === definition.tag,
      );
      const element = elements.find((candidate) => candidate.tagName === definition.tag);
      expect.ok(exported, `${definition.module} has no custom-element-definition for ${definition.tag}`);
      if (!exported || !element) continue;
      expect.deepEqual(exported.declaration, { name: element.name, module: element.module });
    }
    expect.done();
  });

  test('every custom element has a tag, unless it is the base class of one', () => {
    const expect = collector();
    for (const declaration of customElements.filter((candidate) => !candidate.tagName)) {
      expect.ok(
        customElements.some((candidate) => candidate.superclass?.name === declaration.name),
        `${declaration.name} is a custom element with no tag`,
      );
    }
    expect.done();
  });

  test('every element has a summary and a description', () => {
    const expect = collector();
    for (const element of elements) {
      expect.ok(normalize(element.summary), `<${element.tagName}> has no @summary`);
      expect.ok(normalize(element.description), `<${element.tagName}> has no description`);
    }
    expect.done();
  });

  test('members: the public ones, each described; nothing private, protected or @state', () => {
    const expect = collector();
    for (const element of customElements) {
      const { hidden, statics } = source.members(srcPath(element.module), element.name);
      for (const member of element.members ?? []) {
        const where = `${element.name}.${member.name}`;
        expect.equal(member.privacy ?? 'public', 'public', `${where} is ${member.privacy}`);
        expect.ok(!hidden.has(member.name), `${where} is private, protected or @state in the source`);
        expect.equal(Boolean(member.static), statics.has(member.name), `${where}: static differs from the source`);
        expect.ok(described(member), `${where} has no description`);
      }
    }
    expect.done();
  });

  test('attributes: each @property has the attribute Lit gives it, and nothing else does', () => {
    const expect = collector();
    for (const element of elements) {
      const { properties } = source.members(srcPath(element.module), element.name);
      const members = new Map((element.members ?? []).map((member) => [member.name, member]));
      const expected = [];
      for (const [name, { attribute }] of properties) {
        const member = members.get(name);
        expect.ok(member, `<${element.tagName}>: @property ${name} is not in the manifest`);
        if (!member) continue;
        expect.equal(member.attribute, attribute === false ? undefined : attribute, `<${element.tagName}>.${name}`);
        if (attribute !== false) expected.push(`${attribute} → ${name}`);
      }
      const actual = (element.attributes ?? []).map((attribute) => `${attribute.name} → ${attribute.fieldName}`);
      expect.deepEqual(sorted(actual), sorted(expected), `<${element.tagName}> attributes`);
      for (const attribute of element.attributes ?? []) {
        expect.ok(described(attribute), `<${element.tagName}> attribute ${attribute.name} has no description`);
      }
    }
    expect.done();
  });

  test('events: every one it dispatches is documented, described, with the detail type of src/base/events.ts', () => {
    const expect = collector();
    const types = eventMap(ROOT);
    for (const element of elements) {
      const events = new Map((element.events ?? []).map((event) => [event.name, event]));
      const code = source.reachableCode(srcPath(element.module), element.name);
      for (const name of source.dispatchedEvents(code)) {
        expect.ok(events.has(name), `<${element.tagName}> dispatches ${name} but has no @fires ${name}`);
      }
      for (const event of events.values()) {
        const where = `<${element.tagName}> ${event.name}`;
        expect.ok(described(event), `${where} has no description`);
        expect.ok(types.has(event.name), `${where} is not in GlobalEventHandlersEventMap (src/base/events.ts)`);
        expect.match(event.type?.text ?? '', /^CustomEvent<\{.+\}>$/, `${where} has no detail type`);
        expect.equal(event.type?.text, types.get(event.name), `${where}: type differs from src/base/events.ts`);
      }
    }
    expect.done();
  });

  test('defaults are values (a literal, or a name the package exports), never the name of a constant', () => {
    const expect = collector();
    expect.ok(exported.has('systemClock'), 'src/index.ts does not export systemClock');
    let checked = 0;
    for (const element of customElements) {
      const fields = (element.members ?? []).filter((member) => member.kind === 'field');
      for (const item of [...fields, ...(element.attributes ?? [])]) {
        if (item.default === undefined) continue;
        checked += 1;
        expect.ok(isValue(normalize(item.default)), `${element.name} ${item.name}: default \`${item.default}\` is not a value`);
      }
    }
    expect.ok(checked > 50, `only ${checked} defaults checked`);
    expect.done();
  });

  test('the documentation cites nothing outside the repository (design notes, ../ paths)', () => {
    const expect = collector();
    const outside = /\bDESIGN(\.md)?\b|\bSTYLE\.md\b|\.\.\/shared\b/;
    const texts = [];
    const collect = (value, where) => {
      if (typeof value === 'string') texts.push([where, value]);
      else if (Array.isArray(value)) value.forEach((inner, index) => collect(inner, `${where}[${index}]`));
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) collect(inner, `${where}.${key}`);
    };
    collect(manifest.modules, 'custom-elements.json');
    const guides = readdirSync(join(ROOT, 'stories')).filter((name) => name.endsWith('.mdx'));
    expect.ok(guides.length >= 6, `only ${guides.length} guides in stories/`);
    const docs = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
    for (const file of [...guides.map((name) => `stories/${name}`), 'README.md', ...docs.map((name) => `docs/${name}`)]) {
      texts.push([file, readFileSync(join(ROOT, file), 'utf8')]);
    }
    for (const [where, text] of texts) {
      expect.ok(!outside.test(text), `${where}: ${outside.exec(text)?.[0]}`);
      // A relative Markdown link of a file must land inside the repository.
      if (!/\.(md|mdx)$/.test(where)) continue;
      for (const [, target] of text.matchAll(/\]\(([^)\s#?][^)\s]*)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const file = resolve(ROOT, dirname(where), target.replace(/#.*$/, ''));
        expect.ok(file.startsWith(ROOT), `${where}: a link to ${target}, outside the repository`);
      }
    }
    expect.done();
  });

  test('CSS parts: every part an element renders is documented, and only those', () => {
    const expect = collector();
    for (const element of elements) {
      const code = source.reachableCode(srcPath(element.module), element.name);
      const { values, unknown } = source.attributeValues(source.taggedTemplates(code, 'html'), 'part');
      expect.deepEqual(unknown, [], `<${element.tagName}>: part names that are not a finite set of literals`);
      const rendered = new Set(values.flatMap(({ value }) => value.split(/\s+/).filter(Boolean)));
      const documented = new Set((element.cssParts ?? []).map((part) => part.name));
      const undocumented = [...rendered].filter((name) => !documented.has(name));
      const unrendered = [...documented].filter((name) => !rendered.has(name));
      expect.deepEqual(undocumented, [], `<${element.tagName}> renders parts with no @csspart`);
      expect.deepEqual(unrendered, [], `<${element.tagName}> documents parts it never renders`);
      for (const part of element.cssParts ?? []) {
        expect.ok(described(part), `<${element.tagName}> part ${part.name} has no description`);
      }
      expect.equal(documented.size, (element.cssParts ?? []).length, `<${element.tagName}> documents a part twice`);
    }
    expect.done();
  });

  test('slots: every slot an element renders is documented, and only those', () => {
    const expect = collector();
    for (const element of elements) {
      const code = source.reachableCode(srcPath(element.module), element.name);
      const templates = source.taggedTemplates(code, 'html');
      const rendered = new Set();
      for (const template of templates) {
        for (const match of template.template.getText().matchAll(/<slot\b([^>]*)>/g)) {
          rendered.add(/\bname="([^"]*)"/.exec(match[1])?.[1] ?? '');
        }
      }
      const documented = (element.slots ?? []).map((slot) => slot.name);
      expect.deepEqual(sorted(documented), sorted(rendered), `<${element.tagName}> slots`);
      for (const slot of element.slots ?? []) {
        expect.ok(described(slot), `<${element.tagName}> slot "${slot.name}" has no description`);
      }
    }
    expect.done();
  });

  test('CSS custom properties: every --tn-* an element reads is documented with its default, and only those', () => {
    const expect = collector();
    for (const element of elements) {
      const path = srcPath(element.module);
      const css = source.styleSheets(path, element.name);
      const html = source.taggedTemplates(source.reachableCode(path, element.name), 'html');
      const reads = new Map();
      for (const { name, fallback } of [...css, ...html.map((node) => ({ text: node.getText() }))].flatMap((sheet) =>
        varReads(sheet.text),
      )) {
        // --tn-i-* are the elements' internal aliases, resolved on :host from a --tn-* token.
        if (!name.startsWith('--tn-') || name.startsWith('--tn-i-')) continue;
        const defaults = reads.get(name) ?? new Set();
        defaults.add(fallback);
        reads.set(name, defaults);
      }
      const documented = new Map((element.cssProperties ?? []).map((property) => [property.name, property]));
      expect.deepEqual(sorted(documented.keys()), sorted(reads.keys()), `<${element.tagName}> custom properties`);
      for (const [name, defaults] of reads) {
        const property = documented.get(name);
        if (!property) continue;
        expect.ok(described(property), `<${element.tagName}> ${name} has no description`);
        expect.equal(defaults.size, 1, `<${element.tagName}> reads ${name} with different fallbacks: ${[...defaults]}`);
        expect.equal(normalize(property.default), [...defaults][0] ?? '', `<${element.tagName}> ${name}: documented default`);
      }
    }
    expect.done();
  });

  test('design tokens: every --tn-* of src/styles/tokens.ts is documented once, on TnElement, with its default', () => {
    const expect = collector();
    const defaults = new Map(designTokens());
    expect.ok(defaults.size > 10, 'no tokens found in src/styles/tokens.ts');
    const base = customElements.find((declaration) => declaration.name === 'TnElement');
    const own = (base?.cssProperties ?? []).filter((property) => !property.inheritedFrom);
    expect.deepEqual(
      own.map((property) => [property.name, normalize(property.default)]),
      [...defaults],
      'TnElement @cssprop lines (name and default, in the order of tokens.ts)',
    );
    expect.done();
  });
});

describe('Storybook (storybook-static/, from npm run build-storybook)', () => {
  let results;
  before(async () => {
    results = await checkStorybook(ROOT, manifest);
  });
  test('every element with stories has a docs page', () => {
    assert.ok(results.pages.length > 0, 'no docs page of an element in the build');
    const expect = collector();
    for (const page of results.pages) {
      expect.ok(elements.some((element) => element.tagName === page.tag), `${page.id}: <${page.tag}> is not in the manifest`);
    }
    expect.done();
  });
  test('the argument tables are the manifest: same rows, descriptions, types and defaults', () => {
    const expect = collector();
    for (const page of results.pages) {
      expect.ok(page.expected.length > 0, `<${page.tag}>: the manifest gives it no rows`);
      expect.deepEqual(
        rowDifferences(page.expected, page.actual),
        [],
        `<${page.tag}> (${page.id}): table ≠ manifest (a stale build? run npm run build-storybook)`,
      );
    }
    expect.done();
  });
  test('controls follow the manifest types: text, number, boolean, options; none for behaviour, read-only and documentation rows', () => {
    const expect = collector();
    const kinds = { string: 0, number: 0, boolean: 0, options: 0 };
    for (const page of results.pages) {
      const element = elements.find((candidate) => candidate.tagName === page.tag);
      const rendered = new Map(page.rendered.map((row) => [`${row.category}: ${row.name}`, row]));
      for (const row of page.actual) {
        const where = `<${page.tag}> ${row.category}: ${row.name}`;
        const member =
          row.category === 'properties'
            ? element?.members?.find((candidate) => candidate.name === row.name && candidate.kind === 'field' && !candidate.static)
            : undefined;
        if (!member) {
          expect.equal(row.control, null, `${where}: a control on a row no story renders from arguments`);
          continue;
        }
        const want = expectedControl(member);
        const shown = rendered.get(`${row.category}: ${row.name}`)?.control ?? '';
        if (want === 'string') {
          // A story may offer a string's likely values as options.
          expect.ok(['text', 'select', 'radio'].includes(row.control), `${where} (${member.type?.text}): control ${row.control}`);
        } else if (want === 'number') {
          expect.ok(['number', 'range'].includes(row.control), `${where} (${member.type?.text}): control ${row.control}`);
        } else if (want === 'boolean') {
          expect.equal(row.control, 'boolean', `${where} (${member.type?.text})`);
        } else if (typeof want === 'object') {
          expect.ok(['select', 'radio'].includes(row.control), `${where} (${member.type?.text}): control ${row.control}`);
          expect.deepEqual(row.options, want.options, `${where}: options`);
        } else if (want === 'none') {
          expect.equal(row.control, null, `${where} (${member.type?.text}${member.readonly ? ', read-only' : ''})`);
        } else {
          expect.equal(row.control, 'object', `${where} (${member.type?.text})`);
        }
        if (typeof want === 'object') kinds.options += 1;
        else if (want in kinds) kinds[want] += 1;
        if (want !== 'object') expect.ok(!/Set object/.test(shown), `${where}: the page shows "${shown}"`);
      }
    }
    for (const [kind, count] of Object.entries(kinds)) {
      if (kind !== 'options') expect.ok(count > 3, `only ${count} ${kind} properties on the docs pages`);
    }
    // The reported case: a plain string property with a "Set object" button.
    const search = results.pages.find((page) => page.tag === 'tn-customer-search');
    expect.equal(search?.actual.find((row) => row.name === 'label')?.control, 'text', '<tn-customer-search> label');
    // As the page shows it: a text field, or "Set string" while the story leaves it unset.
    const label = search?.rendered.find((row) => row.name === 'label');
    expect.ok(
      label?.field === 'textarea' || label?.control === 'Set string',
      `<tn-customer-search> label, as the page shows it: ${JSON.stringify(label)}`,
    );
    expect.done();
  });

  test('a changed control reaches the element, with its type (properties the story does not render from arguments too)', async () => {
    const [search, picker] = await propertiesAfterControls(ROOT, [
      { id: 'elements-tn-customer-search--default', args: 'label:Find+a+buyer', tag: 'tn-customer-search', names: ['label'] },
      {
        id: 'elements-tn-group-picker--single-entity',
        args: 'notesMaxLength:7;hideRestart:!true',
        tag: 'tn-group-picker',
        names: ['notesMaxLength', 'hideRestart', 'customerId'],
      },
    ]);
    assert.deepEqual(search.properties, { label: 'Find a buyer' }, 'a text control');
    // A number and a boolean arrive as such; what the story's render sets is left as it is.
    assert.deepEqual(picker.properties, { notesMaxLength: 7, hideRestart: true, customerId: 'AAA489745059' });
  });

  test('no docs table shows the name of a constant as a default', () => {
    const expect = collector();
    let checked = 0;
    for (const page of results.pages) {
      for (const row of page.rendered) {
        if (!['properties', 'attributes'].includes(row.category) || !row.default) continue;
        checked += 1;
        expect.ok(isValue(row.default), `<${page.tag}> ${row.name}: the page shows the default "${row.default}"`);
      }
    }
    expect.ok(checked > 30, `only ${checked} defaults on the docs pages`);
    const picker = results.pages.find((page) => page.tag === 'tn-group-picker');
    expect.equal(picker?.rendered.find((row) => row.name === 'maxAttachmentSize')?.default, String(10 * 1024 * 1024));
    expect.done();
  });

  test('the Theming page lists every design token and every element token, with its default', () => {
    assert.ok(results.theming, 'no Theming docs page (stories/Theming.mdx) in the build');
    const base = customElements.find((declaration) => declaration.name === 'TnElement');
    const tokens = (base?.cssProperties ?? []).map((property) => [property.name, property.default]);
    assert.deepEqual(results.theming.tokens, designTokens(), 'design tokens (src/styles/tokens.ts)');
    assert.deepEqual(results.theming.tokens, tokens, 'design tokens (custom-elements.json, TnElement)');
    const own = new Map();
    for (const element of elements) {
      for (const property of element.cssProperties ?? []) {
        if (!tokens.some(([name]) => name === property.name)) own.set(property.name, property.default);
      }
    }
    assert.deepEqual(sorted(results.theming.elementTokens.map(String)), sorted([...own].map(String)), 'element tokens');
  });
  test('each docs page renders every row of its table', () => {
    const expect = collector();
    for (const page of results.pages) {
      expect.deepEqual(page.missingRows, [], `<${page.tag}> (${page.id}): rows not on the page`);
    }
    expect.done();
  });
});

/** What differs between two lists of table rows: `missing`, `extra`, or `changed` rows. */
function rowDifferences(expected, actual) {
  const key = (row) => `${row.category}: ${row.name}`;
  const actualRows = new Map(actual.map((row) => [key(row), row]));
  const expectedKeys = new Set(expected.map(key));
  const differences = [];
  for (const row of expected) {
    const found = actualRows.get(key(row));
    if (!found) {
      differences.push(`missing ${key(row)}`);
      continue;
    }
    for (const field of ['description', 'type', 'default']) {
      if (found[field] !== row[field]) {
        differences.push(`${key(row)}: ${field} ${JSON.stringify(found[field])}, manifest ${JSON.stringify(row[field])}`);
      }
    }
  }
  for (const row of actual) if (!expectedKeys.has(key(row))) differences.push(`extra ${key(row)}`);
  return differences;
}
