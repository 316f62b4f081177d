// The README's theming table lists exactly the `--tn-*` tokens the elements read, each with
// the default the code falls back to: a token added, renamed or re-defaulted in src/ without
// the table fails here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** token → default, from every `var(--tn-x, default)` in src/ (internal `--tn-i-*` aliases excluded). */
function tokensInCode() {
  const tokens = new Map();
  for (const file of sources(join(ROOT, 'src'))) {
    for (const [, name, fallback] of readFileSync(file, 'utf8').matchAll(/var\((--tn-(?!i-)[a-z-]+),\s*([^;]*?)\)(?=[;\s])/g)) {
      tokens.set(name, fallback.trim());
    }
  }
  return tokens;
}

/** token → default column, from the README's "Theming" table. */
function tokensInReadme() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Theming\n'), readme.indexOf('\n## ', readme.indexOf('\n## Theming\n') + 1));
  const rows = [...section.matchAll(/^\| `(--tn-[a-z-]+)` \| `([^`]*)`/gm)];
  return new Map(rows.map(([, name, fallback]) => [name, fallback]));
}

describe('README theming table', () => {
  it('lists every token the elements read, with the default they use', () => {
    const code = tokensInCode();
    const readme = tokensInReadme();
    assert.ok(code.size >= 20, `found the tokens in src/ (${code.size})`);
    assert.deepEqual([...readme.keys()].sort(), [...code.keys()].sort());
    for (const [name, fallback] of code) assert.equal(readme.get(name), fallback, `default of ${name}`);
  });
});
