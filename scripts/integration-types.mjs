#!/usr/bin/env node
// Editor data and framework types, generated from custom-elements.json (run by
// `npm run manifest`, so by `npm run build` too) into dist/types/, which ships:
//
//   vscode.html-custom-data.json  VS Code `html.customData`: tags, attributes and their docs
//   vscode.css-custom-data.json   VS Code `css.customData`: `--tn-*` tokens and `::part()` names
//   web-types.json                JetBrains IDEs (package.json "web-types" points at it)
//   jsx.d.ts                      JSX `IntrinsicElements` for React 19, Preact, Solid…
//   vue.d.ts                      Vue `GlobalComponents` (templates) with typed events
//
// The generators are the maintained ones of the custom-elements-manifest tools
// (custom-element-vs-code-integration, custom-element-jet-brains-integration,
// custom-element-vuejs-integration and @wc-toolkit/jsx-types), called on a copy of the
// manifest adjusted for them; the manifest that ships is left as it is:
//
// - Properties a host cannot set (read-only getters such as `step` of <tn-customer-connect>,
//   static `version`) are not offered as attributes or props.
// - Event types: the manifest spells each event's type out (`CustomEvent<{ customer:
//   CustomerEntity; }>`), with names the generated files would have to import. The JSX and
//   Vue types name the event through `GlobalEventHandlersEventMap['tn-connect']`, the
//   package's own typing of every `tn-*` event (src/base/events.ts), which the import of the
//   element classes brings along. The Vue generator wants the detail type, the JSX one the
//   event type.
// - The element classes are imported from the package's root entry (dist/index.d.ts).
//
// test/package/integration-types.test.mjs type-checks them in a host project built from the
// packed tarball, and checks the editor data lists every tag with its attributes.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';

const root = new URL('..', import.meta.url);
const outdir = 'dist/types';
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));

/** `tn-connect` → `TnConnect`. */
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, letter) => letter.toUpperCase());

/**
 * A deep copy of the manifest: `event` rewrites each `tn-*` event's type; `vue` names
 * attributes and events the way Vue's template type checker looks them up.
 */
function adjusted(event = (e) => e.type, { vue = false } = {}) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      declaration.members = (declaration.members ?? []).filter(
        (member) => !(member.kind === 'field' && (member.readonly || member.static)),
      );
      for (const e of declaration.events ?? []) {
        if (e.name?.startsWith('tn-')) e.type = event(e);
        if (vue) {
          // Vue's checker finds `@tn-connect` as the prop `onTnConnect`; the docs keep the name.
          e.description = `\`@${e.name}\`${e.description ? `: ${e.description}` : ''}`;
          e.name = pascal(e.name);
        }
      }
      if (vue) {
        for (const attribute of declaration.attributes ?? []) attribute.name = attribute.fieldName ?? attribute.name;
      }
    }
  }
  return copy;
}

process.chdir(fileURLToPath(root));
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const quiet = { hideLogs: true };
// Where the generated .d.ts files import the element classes from, relative to outdir.
const globalTypePath = '../index.js';

generateVsCodeCustomElementData(adjusted(), {
  ...quiet,
  outdir,
  htmlFileName: 'vscode.html-custom-data.json',
  cssFileName: 'vscode.css-custom-data.json',
});
// packageJson: false — the name and version come from ./package.json (this package's).
generateJetBrainsWebTypes(adjusted(), { ...quiet, outdir, webTypesFileName: 'web-types.json', packageJson: false });
generateJsxTypes(
  adjusted((e) => ({ text: `GlobalEventHandlersEventMap['${e.name}']` })),
  { ...quiet, outdir, fileName: 'jsx.d.ts', globalTypePath, stronglyTypedEvents: true },
);
generateVuejsTypes(
  adjusted((e) => ({ text: `GlobalEventHandlersEventMap['${e.name}']['detail']` }), { vue: true }),
  { ...quiet, outdir, fileName: 'vue.d.ts', globalTypePath },
);
console.log(`integration types: wrote ${outdir}/ (VS Code, JetBrains, JSX, Vue)`);
