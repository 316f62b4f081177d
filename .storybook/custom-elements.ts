/**
 * A Vite plugin serving `virtual:tn-custom-elements`: custom-elements.json (the package's
 * custom elements manifest, from `npm run manifest`, which `npm run storybook` and
 * `npm run build-storybook` run first), reshaped into what Storybook turns into each
 * element's argument table. A missing manifest fails the build: the tables would be empty.
 *
 * Storybook makes one argument per name across every category (properties, attributes,
 * events, slots, CSS custom properties, CSS parts): a later category silently replaces an
 * earlier one of the same name. So, for each element (`forStorybook`):
 *
 * - properties: the public instance fields; static members (`version`) are not something a
 *   story or a host sets on an element, methods Storybook ignores anyway. A property set
 *   from an attribute says so in its description ("Attribute: `min-chars`."), and so does a
 *   read-only one ("Read-only.");
 * - attributes: only those without a property (the others are on their property's row);
 * - CSS parts are named as a host writes them, `::part(step)` (`step` may be a property too);
 * - slots are named `slot="name"`, the default slot `(default slot)` (Storybook drops an
 *   empty name);
 * - events and CSS custom properties keep their names (`tn-*`, `--tn-*`).
 *
 * test/manifest/manifest.test.mjs checks the built Storybook's tables against
 * custom-elements.json with these rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ID = 'virtual:tn-custom-elements';
const RESOLVED_ID = `\0${ID}`;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = join(ROOT, 'custom-elements.json');

type Json = Record<string, unknown>;
type Item = Json & { name: string; description?: string };

const list = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);

/** One custom element declaration, as Storybook's tables should show it. */
function forStorybook(declaration: Json): Json {
  const members = list(declaration.members);
  const properties = members.filter(
    (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
  );
  const propertyNames = new Set(properties.map((property) => property.name));
  return {
    ...declaration,
    members: properties.map((property) => {
      let description = property.description ?? '';
      if (typeof property.attribute === 'string') description += ` Attribute: \`${property.attribute}\`.`;
      if (property.readonly) description += ' Read-only.';
      return { ...property, description: description.trim() };
    }),
    attributes: list(declaration.attributes).filter(
      (attribute) => typeof attribute.fieldName !== 'string' || !propertyNames.has(attribute.fieldName),
    ),
    cssParts: list(declaration.cssParts).map((part) => ({ ...part, name: `::part(${part.name})` })),
    slots: list(declaration.slots).map((slot) => ({
      ...slot,
      name: slot.name ? `slot="${slot.name}"` : '(default slot)',
    })),
  };
}

/** custom-elements.json with every custom element declaration reshaped for Storybook. */
export function readManifestForStorybook(file = MANIFEST): Json {
  if (!existsSync(file)) {
    throw new Error(`[tn-custom-elements] ${file} is missing: run \`npm run manifest\` (the storybook scripts do).`);
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Json;
  return {
    ...manifest,
    modules: list(manifest.modules).map((module) => ({
      ...module,
      declarations: list(module.declarations).map((declaration) =>
        declaration.customElement ? forStorybook(declaration) : declaration,
      ),
    })),
  };
}

export function customElementsPlugin(): Plugin {
  return {
    name: 'tn-custom-elements',
    resolveId(id) {
      return id === ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // `storybook dev`: a new manifest (`npm run manifest`) reloads the tables.
      this.addWatchFile(MANIFEST);
      return `export default ${JSON.stringify(readManifestForStorybook())};`;
    },
  };
}
