/**
 * A Vite plugin serving `virtual:tn-custom-elements`: the custom elements manifest that
 * Storybook turns into argument tables (properties, events, CSS parts and properties, with
 * their JSDoc). Sources, in order:
 *
 * 1. `custom-elements.json` at the package root, when it describes our `tn-*` tags;
 * 2. otherwise web-component-analyzer (installed with lit-analyzer) run over
 *    `src/components`, reshaped for Storybook;
 * 3. otherwise `null`: stories still work, the tables just lack descriptions.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ID = 'virtual:tn-custom-elements';
const RESOLVED_ID = `\0${ID}`;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Static members the analyzer lists as properties; not something a story can set. */
const STATIC_MEMBERS = new Set(['styles', 'version', 'shadowRootOptions', 'properties']);

type Json = Record<string, unknown>;

function fromPackageManifest(): Json | null {
  const file = join(ROOT, 'custom-elements.json');
  if (!existsSync(file)) return null;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const declarations = ((manifest.modules as Json[] | undefined) ?? []).flatMap(
      (module) => (module.declarations as Json[] | undefined) ?? [],
    );
    const ours = declarations.filter((declaration) => String(declaration.tagName ?? '').startsWith('tn-'));
    if (ours.length === 0) return null;
    // Storybook lists every member; keep what a host can use.
    for (const declaration of ours) {
      declaration.members = ((declaration.members as Json[] | undefined) ?? []).filter(
        (member) => !member.static && (member.privacy ?? 'public') === 'public',
      );
    }
    return manifest;
  } catch {
    return null;
  }
}

async function fromAnalyzer(): Promise<Json | null> {
  let cli: string;
  try {
    const api = createRequire(import.meta.url).resolve('web-component-analyzer');
    // …/web-component-analyzer/lib/cjs/api.js → …/web-component-analyzer/cli.js
    cli = resolve(dirname(api), '..', '..', 'cli.js');
  } catch {
    return null;
  }
  if (!existsSync(cli)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'tn-wca-'));
  const out = join(dir, 'manifest.json');
  try {
    await promisify(execFile)(
      process.execPath,
      [cli, 'analyze', 'src/components/**/*.ts', '--format', 'json', '--outFile', out],
      { cwd: ROOT, timeout: 120_000 },
    );
    return forStorybook(JSON.parse(readFileSync(out, 'utf8')) as Json);
  } catch (error) {
    console.warn(`[tn-custom-elements] web-component-analyzer failed; argument tables lack JSDoc.\n${String(error)}`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Storybook makes one argument per name, and the analyzer lists `min-chars` (attribute) and
 * `minChars` (property) separately: keep the property, drop the attribute it reflects, and
 * drop static members.
 */
function forStorybook(manifest: Json): Json {
  const tags = (manifest.tags as Json[] | undefined) ?? [];
  for (const tag of tags) {
    const properties = ((tag.properties as Json[] | undefined) ?? []).filter(
      (property) => !STATIC_MEMBERS.has(property.name as string),
    );
    const reflected = new Set(properties.map((property) => property.attribute).filter(Boolean));
    tag.properties = properties.map((property) =>
      property.attribute && property.attribute !== property.name
        ? { ...property, description: `${property.description ?? ''} Attribute: \`${property.attribute}\`.`.trim() }
        : property,
    );
    tag.attributes = ((tag.attributes as Json[] | undefined) ?? []).filter(
      (attribute) => !reflected.has(attribute.name),
    );
    delete tag.path;
  }
  return manifest;
}

export function customElementsPlugin(): Plugin {
  let manifest: Promise<Json | null> | undefined;
  // Started early so that the analysis (a few seconds) overlaps the rest of the build.
  const load = () => (manifest ??= Promise.resolve(fromPackageManifest()).then((json) => json ?? fromAnalyzer()));
  return {
    name: 'tn-custom-elements',
    buildStart() {
      void load();
    },
    resolveId(id) {
      return id === ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return `export default ${JSON.stringify(await load())};`;
    },
  };
}
