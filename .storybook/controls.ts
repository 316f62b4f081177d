/**
 * Controls that match each property's type in custom-elements.json.
 *
 * Storybook's web-components support hands a manifest type such as `string | undefined` to
 * its control inference as an unknown type name, and every unknown type gets the JSON
 * ("Set object") control: a label or an ID could not be typed as text. This enhancer runs
 * before that inference and gives each property and attribute row a type Storybook knows,
 * read from the manifest's type text (`undefined` and `null` aside):
 *
 * - `string`, `number`, `boolean` → text, number and boolean controls;
 * - a union of string literals (`'single' | 'group'`, or a DOM alias listed in
 *   `STRING_UNIONS`) → a radio or select control with those options;
 * - plain data (`CustomerEntity`, `string[]`) → the JSON control, which can build it;
 * - an object with behaviour (`BEHAVIOUR_TYPES`: the adapter, a clock) and a read-only
 *   property → no control: JSON cannot make the one, and nothing can set the other;
 * - events, slots, CSS custom properties and parts → no control: they are documentation
 *   rows, which the stories do not render from arguments (Storybook gave each a "Set
 *   object" button that did nothing).
 *
 * A story's own `control` (a number's range, an ID's options) is kept. A story's render sets
 * the properties its state needs; `propertiesFromControls` sets, on the story's element, any
 * other property the reader changes in the Controls panel, so every control does something.
 * The default shown
 * beside each control is the manifest's, a value the manifest config resolves from the
 * sources' constants. test/manifest/ checks every row of the built Storybook against this.
 */
import type { Decorator } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, SBType, StrictArgTypes, StrictInputType } from 'storybook/internal/types';
import manifest from 'virtual:tn-custom-elements';

/** Types whose value has methods: a host builds one in code, a JSON control cannot. */
const BEHAVIOUR_TYPES = new Set(['CustomerConnectAdapter', 'Clock']);

/** Named string unions from the DOM's types, which the manifest names but does not spell out. */
const STRING_UNIONS: Record<string, string[]> = {
  RequestCredentials: ['same-origin', 'include', 'omit'],
};

/** Storybook's categories for the manifest's events, slots, tokens and parts. */
const DOCUMENTATION_ROWS = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

type Member = { kind?: string; name: string; static?: boolean; readonly?: boolean; type?: { text?: string } };
type Declaration = { tagName?: string; members?: Member[]; attributes?: Member[] };

const declarations = (
  ((manifest?.modules ?? []) as { declarations?: Declaration[] }[]).flatMap((module) => module.declarations ?? [])
).filter((declaration) => declaration.tagName);

/** `'a' | 'b' | undefined` → ['\'a\'', '\'b\''], or one part when the text is not a plain union. */
function unionParts(text: string): string[] {
  const parts = /[<>{}()[\]]/.test(text.replace(/\[\]$/, '')) ? [text] : text.split('|');
  return parts.map((part) => part.trim()).filter((part) => part && part !== 'undefined' && part !== 'null');
}

const stringLiteral = /^(['"])(.*)\1$/;

/** The Storybook type, and `control: false` where no control fits, for one manifest type text. */
export function controlFor(text: string | undefined, readonly = false): { type?: SBType; control?: false } {
  if (readonly) return { control: false };
  if (!text) return {};
  const parts = unionParts(text);
  if (parts.length === 1 && STRING_UNIONS[parts[0]]) return { type: { name: 'enum', value: STRING_UNIONS[parts[0]] } };
  if (parts.length > 0 && parts.every((part) => stringLiteral.test(part))) {
    return { type: { name: 'enum', value: parts.map((part) => part.replace(stringLiteral, '$2')) } };
  }
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0])) {
    return { type: { name: parts[0] as 'string' | 'number' | 'boolean' } };
  }
  if (parts.some((part) => BEHAVIOUR_TYPES.has(part) || part.includes('=>'))) return { control: false };
  return { type: { name: 'other', value: text } };
}

/** The enhancer: every property and attribute row of an element's story, typed for its control. */
export const controlsFromManifest: ArgTypesEnhancer = (context) => {
  const declaration = declarations.find((candidate) => candidate.tagName === context.component);
  if (!declaration) return context.argTypes;
  const argTypes: StrictArgTypes = { ...context.argTypes };
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (category && DOCUMENTATION_ROWS.has(category)) {
      if (argType.control === undefined) argTypes[name] = { ...argType, control: false };
      continue;
    }
    const source =
      category === 'properties'
        ? declaration.members?.find((member) => member.name === name && member.kind === 'field' && !member.static)
        : category === 'attributes'
          ? declaration.attributes?.find((attribute) => attribute.name === name)
          : undefined;
    if (!source) continue;
    const { type, control } = controlFor(source.type?.text, source.readonly);
    const typed: StrictInputType = { ...argType, ...(type ? { type } : {}) };
    // A story's own control wins; otherwise `false` where none fits, or Storybook's choice from the type.
    if (argType.control === undefined && control === false) typed.control = false;
    argTypes[name] = typed;
  }
  return argTypes;
};

/**
 * Each property whose control the reader changed (its arg differs from the story's initial
 * one), set on the story's element once the story has rendered (a microtask: the renderer
 * renders synchronously after the decorators return). The story's own arguments are left to
 * its render, which may transform them.
 */
export const propertiesFromControls: Decorator = (story, context) => {
  const declaration = declarations.find((candidate) => candidate.tagName === context.component);
  const settable = (declaration?.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && !member.readonly && controlFor(member.type?.text).control !== false,
  );
  const changed = settable.filter(
    (member) => Object.hasOwn(context.args, member.name) && context.args[member.name] !== context.initialArgs[member.name],
  );
  if (changed.length > 0) {
    queueMicrotask(() => {
      const element = context.canvasElement.querySelector(String(context.component));
      if (!element) return;
      for (const member of changed) Reflect.set(element, member.name, context.args[member.name]);
    });
  }
  return story();
};
