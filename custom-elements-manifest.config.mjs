// Custom Elements Manifest analyzer configuration: `npm run manifest` (and `npm run build`,
// `npm run storybook`, `npm run build-storybook`) write custom-elements.json at the package
// root, the file package.json's `customElements` field points to. test/manifest/ checks it.
//
// The analyzer reads the elements' JSDoc (@summary, @fires, @csspart, @cssprop, @slot) and
// Lit's decorators. `tnManifestPlugin` below adds what it cannot see in our code and drops
// what is not public API:
//
// - Tag names: our classes register through `defineElement('tn-x', TnX)` (in tn-x.ts), not
//   `customElements.define`; each such call becomes the module's `custom-element-definition`
//   export, which links the class to its tag. The `customElements.define(tag, ctor)` inside
//   `defineElement` itself (a variable, not a tag) is not a definition and is dropped.
// - Event types: every `@fires` event gets the type that src/base/events.ts declares for it in
//   `GlobalEventHandlersEventMap` (the type `addEventListener` gives listeners), unless the
//   JSDoc names one. The `new CustomEvent(name, …)` in `TnElement.emit` (a variable name) is
//   not an event and is dropped.
// - Members: private and protected members, `@state()` fields and `#private` names are not
//   listed (the analyzer lists them all, with a `privacy`).
// - Attributes: `@property() fooBar` is observed as `foobar` (Lit lowercases the name when
//   the decorator names no attribute); the analyzer would say `fooBar`.
// - Scope: only the element classes (and their base, TnElement, whose documented `adapter`
//   property, CSS custom properties and parts every element inherits). Helper functions,
//   style sheets and constants of these modules are implementation details.
// - Defaults: a field initialized from a constant (`accept = DEFAULT_ACCEPT`,
//   `adapterTimeout = DEFAULT_ADAPTER_TIMEOUT_MS / 1000`) gets the constant's value as its
//   default (`'.pdf,.png,…'`, `30`), and its type from that value when the analyzer found
//   none (scripts/manifest-defaults.mjs); a host never sees the name of a constant it cannot
//   import.
// - Paths: modules are named by the file the package ships (dist/x.js), not the source.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { constantEvaluator, defaultText } from './scripts/manifest-defaults.mjs';

/** `src/a/b.ts` (or `/src/a/b.js`) → `dist/a/b.js`; anything else unchanged. */
function shippedPath(path) {
  const relative = path.replace(/^\//, '');
  return relative.startsWith('src/') ? `dist/${relative.slice(4).replace(/\.(ts|js)$/, '.js')}` : path;
}

/** `./x.js` imported from `src/a/tn-x.ts` → `src/a/x.ts`. */
function importedSource(fromPath, specifier) {
  return posix.normalize(posix.join(posix.dirname(fromPath), specifier)).replace(/\.js$/, '.ts');
}

/**
 * `'tn-x': TnXEvent` entries of the `GlobalEventHandlersEventMap` augmentation in `file`,
 * resolved to each alias's type, printed on one line without comments:
 * `tn-connect` → `CustomEvent<{ customer: CustomerEntity; }>`.
 */
function eventTypes(ts, file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const printer = ts.createPrinter({ removeComments: true });
  const aliases = new Map();
  const events = new Map();
  const visit = (node) => {
    if (ts.isTypeAliasDeclaration(node)) {
      const text = printer.printNode(ts.EmitHint.Unspecified, node.type, source).replace(/\s+/g, ' ');
      aliases.set(node.name.text, text);
    }
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isTypeReferenceNode(member.type)) {
          events.set(member.name.text, member.type.typeName.getText(source));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Map([...events].map(([name, alias]) => [name, aliases.get(alias) ?? alias]));
}

const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !String(member.name).startsWith('#');

function tnManifestPlugin() {
  /**
   * Per module path, class and kind: names the plugin drops (`@state` fields, computed
   * events) or fixes (`lowercase`: attributes Lit names after a camelCase property).
   */
  const dropped = new Map();
  /** Module paths whose `customElements.define` call has no literal tag. */
  const dynamicDefines = new Set();
  let events = new Map();
  /** Per module path: imported name → the module it comes from. */
  const imports = new Map();
  /** Per `path#class#field`: the value a field initialized from constants starts with. */
  const values = new Map();
  let constants;

  const drop = (path, className, kind, name) => {
    const key = `${path}#${className}#${kind}`;
    if (!dropped.has(key)) dropped.set(key, new Set());
    dropped.get(key).add(name);
  };
  const isDropped = (path, className, kind, name) => dropped.get(`${path}#${className}#${kind}`)?.has(name) ?? false;

  return {
    name: 'tn-manifest',
    initialize({ ts }) {
      events = eventTypes(ts, 'src/base/events.ts');
      constants = constantEvaluator(ts);
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isSourceFile(node)) {
        // Local name → source module of each named import (`import { X } from './x.js'`).
        const names = new Map();
        for (const statement of node.statements) {
          const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
          if (!bindings || !ts.isNamedImports(bindings) || !statement.moduleSpecifier.text.startsWith('.')) continue;
          for (const element of bindings.elements) {
            names.set(element.name.text, importedSource(moduleDoc.path, statement.moduleSpecifier.text));
          }
        }
        imports.set(moduleDoc.path, names);
      }
      // defineElement('tn-x', TnX): the tag of TnX, imported from its own module.
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'defineElement' &&
        node.arguments.length === 2 &&
        ts.isStringLiteral(node.arguments[0]) &&
        ts.isIdentifier(node.arguments[1])
      ) {
        const className = node.arguments[1].text;
        const module = imports.get(moduleDoc.path)?.get(className) ?? moduleDoc.path;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          { kind: 'custom-element-definition', name: node.arguments[0].text, declaration: { name: className, module } },
        ];
      }
      // customElements.define(tag, ctor) with a variable tag: not a definition.
      if (
        ts.isCallExpression(node) &&
        /(^|\.)customElements\.define$/.test(node.expression.getText()) &&
        node.arguments[0] &&
        !ts.isStringLiteralLike(node.arguments[0])
      ) {
        dynamicDefines.add(moduleDoc.path);
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const className = node.name.text;
        for (const member of node.members) {
          const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
          if (decorators.some((decorator) => /^state\b/.test(decorator.expression.getText())) && member.name) {
            drop(moduleDoc.path, className, 'members', member.name.getText());
          }
          // @property() fooBar with no `attribute` option: Lit observes `foobar`; the
          // analyzer would say `fooBar`.
          const property = decorators.find((decorator) => /^property\b/.test(decorator.expression.getText()));
          const options = property && ts.isCallExpression(property.expression) ? property.expression.arguments[0] : undefined;
          const named =
            options &&
            ts.isObjectLiteralExpression(options) &&
            options.properties.some((option) => option.name?.getText() === 'attribute');
          if (property && !named && member.name && /[A-Z]/.test(member.name.getText())) {
            drop(moduleDoc.path, className, 'lowercase', member.name.getText());
          }
          // `field = SOME_CONSTANT` (or arithmetic on constants): the value it stands for.
          const initializer = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
          if (initializer && !ts.isLiteralExpression(initializer) && member.name) {
            const value = constants.value(moduleDoc.path, initializer);
            if (value !== undefined) values.set(`${moduleDoc.path}#${className}#${member.name.getText()}`, value);
          }
        }
        // new CustomEvent(name, …) with a computed name: the analyzer records an event
        // called after the variable.
        const visit = (inner) => {
          if (
            ts.isNewExpression(inner) &&
            /^(CustomEvent|Event)$/.test(inner.expression.getText()) &&
            inner.arguments?.[0] &&
            !ts.isStringLiteralLike(inner.arguments[0])
          ) {
            drop(moduleDoc.path, className, 'events', inner.arguments[0].getText());
          }
          ts.forEachChild(inner, visit);
        };
        visit(node);
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      if (dynamicDefines.has(moduleDoc.path)) {
        const literal = new Set(
          (moduleDoc.exports ?? []).filter((e) => e.kind === 'custom-element-definition' && e.name.includes('-')),
        );
        moduleDoc.exports = (moduleDoc.exports ?? []).filter(
          (e) => e.kind !== 'custom-element-definition' || literal.has(e),
        );
      }
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind !== 'class') continue;
        for (const member of declaration.members ?? []) {
          const key = `${moduleDoc.path}#${declaration.name}#${member.name}`;
          if (!values.has(key)) continue;
          const value = values.get(key);
          for (const item of [member, ...(declaration.attributes ?? []).filter((a) => a.fieldName === member.name)]) {
            item.default = defaultText(value);
            item.type ??= { text: typeof value };
          }
        }
        for (const member of declaration.members ?? []) {
          if (!isDropped(moduleDoc.path, declaration.name, 'lowercase', member.name)) continue;
          for (const attribute of declaration.attributes ?? []) {
            if (attribute.fieldName === member.name) attribute.name = member.name.toLowerCase();
          }
          member.attribute = member.name.toLowerCase();
        }
        for (const kind of ['members', 'events']) {
          if (!declaration[kind]) continue;
          declaration[kind] = declaration[kind].filter(
            (item) => !isDropped(moduleDoc.path, declaration.name, kind, item.name),
          );
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const module of modules) {
        // `export { TnX }` of an imported class: the analyzer says it is declared here.
        const declared = new Set((module.declarations ?? []).map((declaration) => declaration.name));
        for (const e of module.exports ?? []) {
          const from = imports.get(module.path)?.get(e.declaration?.name);
          if (e.kind === 'js' && e.declaration.module === module.path && !declared.has(e.declaration.name) && from) {
            e.declaration.module = from;
          }
        }
        // Element classes only (and the classes they extend, which are custom elements too).
        module.declarations = (module.declarations ?? []).filter(
          (declaration) => declaration.kind === 'class' && declaration.customElement,
        );
        const names = new Set(module.declarations.map((declaration) => declaration.name));
        module.exports = (module.exports ?? []).filter(
          (e) =>
            e.kind === 'custom-element-definition' ||
            names.has(e.declaration?.name) ||
            // A re-export (tn-x.ts exports the class it registers).
            (e.declaration?.module && e.declaration.module !== module.path),
        );
        for (const declaration of module.declarations) {
          declaration.members = (declaration.members ?? []).filter(isPublic);
          const fields = new Set(declaration.members.map((member) => member.name));
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) => !attribute.fieldName || fields.has(attribute.fieldName),
          );
          for (const event of declaration.events ?? []) {
            if (!event.type && events.has(event.name)) event.type = { text: events.get(event.name) };
          }
        }
      }
      customElementsManifest.modules = modules.filter(
        (module) => module.declarations.length > 0 || module.exports.some((e) => e.kind === 'custom-element-definition'),
      );
      // Shipped paths, in module paths and in every reference to a module.
      const rewrite = (value) => {
        if (Array.isArray(value)) value.forEach(rewrite);
        else if (value && typeof value === 'object') {
          for (const [key, inner] of Object.entries(value)) {
            if ((key === 'module' || key === 'path') && typeof inner === 'string') value[key] = shippedPath(inner);
            else rewrite(inner);
          }
        }
      };
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: [
    'src/components/**/*.ts',
    // The base class: the members, CSS custom properties and parts every element inherits.
    'src/base/tn-element.ts',
  ],
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'src/generated/**', '**/generated/**'],
  outdir: '.',
  litelement: true,
  // package.json already has "customElements": "custom-elements.json".
  packagejson: false,
  plugins: [tnManifestPlugin()],
};
