// What the sources say an element is, read with the TypeScript compiler: its tag, its
// public and hidden members, the attributes Lit gives its properties, the events it
// dispatches, the CSS parts and slots its templates render and the `--tn-*` custom
// properties its style sheets read. test/manifest/manifest.test.mjs holds the manifest to
// these facts, so nothing here comes from the analyzer or from JSDoc.
import { readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';

export class SourceModel {
  /**
   * @param {string} root the package root
   * @param {string[]} files element modules (`src/…ts`, relative to `root`)
   * @param {Set<string>} elementModules every module that defines or registers an element:
   *   never followed when collecting what one element renders (another element renders in
   *   its own shadow root)
   */
  constructor(root, files, elementModules) {
    this.root = root;
    this.elementModules = elementModules;
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    this.program = ts.createProgram(
      files.map((file) => join(root, file)),
      { ...config.options, noEmit: true, plugins: [] },
    );
    this.checker = this.program.getTypeChecker();
  }

  /** `src/…` path of a source file. */
  path(sourceFile) {
    return relative(this.root, sourceFile.fileName).split('\\').join('/');
  }

  sourceFile(path) {
    const file = this.program.getSourceFile(join(this.root, path));
    if (!file) throw new Error(`${path} is not in the program`);
    return file;
  }

  /** The declaration a name (or an imported name) refers to. */
  declarationOf(node) {
    let symbol = this.checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }

  classDeclaration(path, name) {
    const found = this.sourceFile(path).statements.find(
      (statement) => ts.isClassDeclaration(statement) && statement.name?.text === name,
    );
    if (!found) throw new Error(`class ${name} not found in ${path}`);
    return found;
  }

  /** The class and the classes it extends, as long as they are ours (not Lit's). */
  classChain(path, name) {
    const chain = [];
    let node = this.classDeclaration(path, name);
    while (node && this.path(node.getSourceFile()).startsWith('src/')) {
      chain.push(node);
      const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
      const base = heritage?.types[0]?.expression;
      const declaration = base ? this.declarationOf(base) : undefined;
      node = declaration && ts.isClassDeclaration(declaration) ? declaration : undefined;
    }
    return chain;
  }

  /**
   * Members of the class chain: `properties` (`@property`, with Lit's attribute — `false`,
   * the option's name, or the lowercased property name), and `hidden` (private, protected,
   * `#private`, `@state`) and `statics` names.
   */
  members(path, name) {
    const properties = new Map();
    const hidden = new Set();
    const statics = new Set();
    for (const klass of this.classChain(path, name)) {
      for (const member of klass.members) {
        if (!member.name) continue;
        const memberName = member.name.getText();
        const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
        const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
        const decorator = (wanted) =>
          decorators.find((d) => ts.isCallExpression(d.expression) && d.expression.expression.getText() === wanted);
        if (modifiers.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) statics.add(memberName);
        if (
          ts.isPrivateIdentifier(member.name) ||
          modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword) ||
          decorator('state')
        ) {
          hidden.add(memberName);
        }
        const property = decorator('property');
        if (property && !properties.has(memberName)) {
          const options = property.expression.arguments[0];
          let attribute = memberName.toLowerCase();
          const option =
            options && ts.isObjectLiteralExpression(options)
              ? options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'attribute')
              : undefined;
          if (option) {
            if (option.initializer.kind === ts.SyntaxKind.FalseKeyword) attribute = false;
            else if (ts.isStringLiteral(option.initializer)) attribute = option.initializer.text;
            else throw new Error(`${name}.${memberName}: attribute option is neither a string nor false`);
          }
          properties.set(memberName, { attribute });
        }
      }
    }
    return { properties, hidden, statics };
  }

  /** `defineElement('tn-x', TnX)` calls of a module: [{ tag, className }]. */
  definitions(path) {
    const found = [];
    const visit = (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'defineElement' &&
        ts.isStringLiteral(node.arguments[0]) &&
        ts.isIdentifier(node.arguments[1])
      ) {
        found.push({ tag: node.arguments[0].text, className: node.arguments[1].text });
      }
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile(path));
    return found;
  }

  /** Relative modules a module imports (for their effects or their values). */
  imports(path) {
    return this.sourceFile(path)
      .statements.filter(
        (statement) =>
          ts.isImportDeclaration(statement) &&
          !statement.importClause?.isTypeOnly &&
          statement.moduleSpecifier.text.startsWith('.'),
      )
      .map((statement) => this.resolve(path, statement.moduleSpecifier.text));
  }

  resolve(from, specifier) {
    return posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '.ts');
  }

  /**
   * Every node of code that runs for the class `name` of `path`: the class itself, and
   * what it uses of other modules (the imported function or constant, and in turn what
   * that uses), never another element's module.
   */
  reachableCode(path, name) {
    const seen = new Set();
    const nodes = [];
    const reach = (file, declaration) => {
      const key = `${file}#${declaration.pos}`;
      if (seen.has(key)) return;
      seen.add(key);
      nodes.push(declaration);
      const visit = (node) => {
        if (ts.isIdentifier(node) && node !== declaration.name) {
          const target = this.declarationOf(node);
          const targetFile = target?.getSourceFile();
          if (target && targetFile && !targetFile.isDeclarationFile) {
            const targetPath = this.path(targetFile);
            const topLevel = topLevelOf(target);
            if (
              topLevel &&
              targetPath.startsWith('src/') &&
              !targetPath.startsWith('src/generated/') &&
              (targetPath === path || !this.elementModules.has(targetPath))
            ) {
              reach(targetPath, topLevel);
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(declaration);
    };
    reach(path, this.classDeclaration(path, name));
    return nodes;
  }

  /** Tagged templates (`html`, `css`) in `nodes`. */
  taggedTemplates(nodes, tag) {
    const found = [];
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === tag) found.push(node);
      ts.forEachChild(node, visit);
    };
    for (const node of nodes) visit(node);
    return found;
  }

  /**
   * The string values an expression can take, from its type: a union of string or number
   * literals. `null` when the type is not such a union (any string).
   */
  literalValues(expression) {
    const type = this.checker.getTypeAtLocation(expression);
    const values = [];
    for (const member of type.isUnion() ? type.types : [type]) {
      if (member.isStringLiteral() || member.isNumberLiteral()) values.push(String(member.value));
      else return null;
    }
    return values;
  }

  /**
   * Attribute values of `attribute="…"` (or `attribute=${…}`) in `html` templates, each
   * expanded into every string it can be: `part="step step-${status}"` with `status` typed
   * `'done' | 'current'` gives `step step-done` and `step step-current`. Values that cannot
   * be enumerated are returned in `unknown` (as source text with its location).
   */
  attributeValues(templates, attribute) {
    const values = [];
    const unknown = [];
    const marker = (index) => `\uE000${index}\uE000`;
    for (const node of templates) {
      const template = node.template;
      const expressions = ts.isNoSubstitutionTemplateLiteral(template)
        ? []
        : template.templateSpans.map((span) => span.expression);
      const text = ts.isNoSubstitutionTemplateLiteral(template)
        ? template.text
        : template.head.text + template.templateSpans.map((span, i) => marker(i) + span.literal.text).join('');
      const pattern = new RegExp(`\\s${attribute}=(?:"([^"]*)"|'([^']*)'|\\uE000(\\d+)\\uE000)`, 'g');
      for (const match of text.matchAll(pattern)) {
        const raw = match[1] ?? match[2] ?? marker(match[3]);
        let expansions = [''];
        let enumerable = true;
        raw.split(/\uE000(\d+)\uE000/).forEach((piece, i) => {
          if (i % 2 === 0) {
            expansions = expansions.map((start) => start + piece);
            return;
          }
          const options = this.literalValues(expressions[Number(piece)]);
          if (!options) {
            enumerable = false;
            return;
          }
          expansions = expansions.flatMap((start) => options.map((option) => start + option));
        });
        const where = `${this.path(node.getSourceFile())}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (enumerable) values.push(...expansions.map((value) => ({ value, where })));
        else unknown.push({ value: raw.replace(/\uE000(\d+)\uE000/g, (_, i) => `\${${expressions[Number(i)].getText()}}`), where });
      }
    }
    return { values, unknown };
  }

  /** The CSS text of a class's `static styles` (its own, or the nearest base class's). */
  styleSheets(path, name) {
    for (const klass of this.classChain(path, name)) {
      const styles = klass.members.find(
        (member) =>
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'styles' &&
          (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword),
      );
      if (styles?.initializer) return this.cssOf(styles.initializer);
    }
    return [];
  }

  cssOf(expression) {
    if (ts.isArrayLiteralExpression(expression)) return expression.elements.flatMap((element) => this.cssOf(element));
    if (ts.isTaggedTemplateExpression(expression) && expression.tag.getText() === 'css') {
      return [{ text: expression.template.getText(), where: this.path(expression.getSourceFile()) }];
    }
    if (ts.isIdentifier(expression)) {
      const declaration = this.declarationOf(expression);
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
        return this.cssOf(declaration.initializer);
      }
    }
    throw new Error(`cannot follow style sheet ${expression.getText()}`);
  }

  /** Event names a class dispatches: `this.emit('tn-x', …)` and `new CustomEvent('tn-x', …)`. */
  dispatchedEvents(nodes) {
    const names = new Set();
    const visit = (node) => {
      const isEmit =
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'emit' &&
        node.expression.expression.kind === ts.SyntaxKind.ThisKeyword;
      // Events dispatched on `window` (tn-locale-error) belong to the page, not to an element.
      const onWindow = node.parent && ts.isCallExpression(node.parent) && node.parent.expression.getText() === 'window.dispatchEvent';
      const isNewEvent = ts.isNewExpression(node) && /^(CustomEvent|Event)$/.test(node.expression.getText()) && !onWindow;
      if ((isEmit || isNewEvent) && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) {
        names.add(node.arguments[0].text);
      }
      ts.forEachChild(node, visit);
    };
    for (const node of nodes) visit(node);
    return names;
  }
}

/** The top-level statement (function, class, variable declaration) a declaration belongs to. */
function topLevelOf(declaration) {
  let node = declaration;
  while (node.parent && !ts.isSourceFile(node.parent)) {
    if (ts.isVariableDeclaration(node) && ts.isVariableDeclarationList(node.parent) && ts.isVariableStatement(node.parent.parent) && ts.isSourceFile(node.parent.parent.parent)) {
      return node;
    }
    node = node.parent;
  }
  return ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isVariableStatement(node) ? node : undefined;
}

/**
 * `var(--name, fallback)` reads in CSS text: [{ name, fallback }] (fallback `undefined` when
 * there is none; nested parentheses in it are kept).
 */
export function varReads(css) {
  const reads = [];
  let index = css.indexOf('var(');
  while (index !== -1) {
    let depth = 0;
    let end = index + 4;
    let comma = -1;
    for (; end < css.length; end += 1) {
      const c = css[end];
      if (c === '(') depth += 1;
      else if (c === ')') {
        if (depth === 0) break;
        depth -= 1;
      } else if (c === ',' && depth === 0 && comma === -1) comma = end;
    }
    const name = css.slice(index + 4, comma === -1 ? end : comma).trim();
    const fallback = comma === -1 ? undefined : css.slice(comma + 1, end).trim().replace(/\s+/g, ' ');
    reads.push({ name, fallback });
    index = css.indexOf('var(', index + 4);
  }
  return reads;
}

/**
 * `GlobalEventHandlersEventMap` of src/base/events.ts: event name → the event type alias's
 * definition, printed on one line without comments.
 */
export function eventMap(root) {
  const file = join(root, 'src/base/events.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const printer = ts.createPrinter({ removeComments: true });
  const aliases = new Map();
  const events = new Map();
  const visit = (node) => {
    if (ts.isTypeAliasDeclaration(node)) {
      aliases.set(node.name.text, printer.printNode(ts.EmitHint.Unspecified, node.type, source).replace(/\s+/g, ' '));
    }
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'GlobalEventHandlersEventMap') {
      for (const member of node.members) events.set(member.name.text, member.type.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Map([...events].map(([name, alias]) => [name, aliases.get(alias)]));
}

/** `dist/a/b.js` (a manifest module path) → `src/a/b.ts`. */
export const srcPath = (shipped) => `src/${shipped.replace(/^dist\//, '').replace(/\.js$/, '.ts')}`;
