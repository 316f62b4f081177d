// Field defaults as values, for the custom elements manifest.
//
// The analyzer records a field's initializer as written: `accept = DEFAULT_ACCEPT` gives the
// default "DEFAULT_ACCEPT" and no type, which every reader of the manifest (docs/elements.md,
// Storybook's tables and controls, the editor data) then shows to a host that cannot see the
// constant. `constantValue` evaluates an initializer made of literals, arithmetic and `const`
// names — declared in the same file or imported from a relative module — to the value the
// field really starts with; anything else (a call, an object, a `let`) gives `undefined` and
// the analyzer's text stays.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

/** `./x.js` imported from `src/a/b.ts` → `src/a/x.ts`. */
const importedFile = (fromFile, specifier) =>
  posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/\.js$/, '.ts');

const binary = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '**': (a, b) => a ** b,
};

/**
 * Reads constants across files with the analyzer's own TypeScript (`ts`), each file parsed
 * once. `value(file, expression)` → a string, number or boolean, or `undefined`.
 */
export function constantEvaluator(ts) {
  const sources = new Map();
  const source = (file) => {
    if (!sources.has(file)) {
      let text;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      sources.set(file, text === undefined ? undefined : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    }
    return sources.get(file);
  };

  /** The initializer of `const name` in `file`, or where `file` imports `name` from. */
  const lookup = (file, name, seen) => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const sourceFile = source(file);
    if (!sourceFile) return undefined;
    for (const statement of sourceFile.statements) {
      if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
            return { file, expression: declaration.initializer };
          }
        }
      }
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (bindings && ts.isNamedImports(bindings) && statement.moduleSpecifier.text.startsWith('.')) {
        for (const element of bindings.elements) {
          if (element.name.text !== name) continue;
          const imported = element.propertyName?.text ?? name;
          return lookup(importedFile(file, statement.moduleSpecifier.text), imported, seen);
        }
      }
    }
    return undefined;
  };

  const evaluate = (file, node, seen) => {
    if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, ''));
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node)) {
      return evaluate(file, node.expression, seen);
    }
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
      const operand = evaluate(file, node.operand, seen);
      return typeof operand === 'number' ? -operand : undefined;
    }
    if (ts.isBinaryExpression(node)) {
      const operator = binary[node.operatorToken.getText()];
      const left = evaluate(file, node.left, seen);
      const right = evaluate(file, node.right, seen);
      if (!operator || left === undefined || right === undefined) return undefined;
      if (typeof left === 'number' && typeof right === 'number') return operator(left, right);
      return node.operatorToken.getText() === '+' && typeof left === 'string' && typeof right === 'string'
        ? left + right
        : undefined;
    }
    if (ts.isIdentifier(node)) {
      const found = lookup(file, node.text, seen);
      return found ? evaluate(found.file, found.expression, seen) : undefined;
    }
    return undefined;
  };

  return {
    value: (file, expression) => {
      const result = evaluate(file, expression, new Set());
      return typeof result === 'number' && !Number.isFinite(result) ? undefined : result;
    },
  };
}

/** A value as the manifest writes defaults: strings single-quoted as in the source. */
export const defaultText = (value) =>
  typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
