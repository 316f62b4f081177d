// docs/elements.md: the per-element reference, written from the custom elements manifest by
// scripts/readme.mjs. The README gives each element a short block and links here for the
// rest, so the long tables (every property, method, event, part and token) live in one
// generated file that cannot drift from the sources' JSDoc.

const cell = (text = '') => String(text).replaceAll('|', '\\|').replace(/\s+/g, ' ').trim();
const code = (text) => `\`${String(text).replace(/\s+/g, ' ')}\``;

/** `CustomEvent<{ customer: CustomerEntity; }>` → `{ customer: CustomerEntity; }` */
const detailType = (type = '') => type.replace(/^CustomEvent<([^]*)>$/, '$1');

const table = (head, rows) =>
  rows.length === 0 ? [] : [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`), ''];

function properties(element) {
  const fields = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static && member.privacy !== 'private' && member.privacy !== 'protected');
  return table(
    ['property', 'attribute', 'type', 'default', 'what it does'],
    fields.map((field) => [
      code(field.name) + (field.readonly ? ' (read-only)' : ''),
      field.attribute ? code(field.attribute) : '—',
      field.type ? code(field.type.text) : '—',
      field.default === undefined ? '—' : code(field.default),
      field.description,
    ]),
  );
}

function methods(element) {
  const list = (element.members ?? []).filter((member) => member.kind === 'method' && !member.static && member.privacy === undefined);
  const signature = (method) => `${method.name}(${(method.parameters ?? []).map((parameter) => `${parameter.name}${parameter.optional || parameter.default !== undefined ? '?' : ''}`).join(', ')})`;
  return table(['method', 'what it does'], list.map((method) => [code(signature(method)), method.description]));
}

const events = (element) =>
  table(['event', 'detail', 'when'], (element.events ?? []).map((event) => [code(event.name), event.type ? code(detailType(event.type.text)) : '—', event.description]));

const slots = (element) => table(['slot', 'what goes there'], (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', slot.description]));

const parts = (element) => table(['part', 'what it is'], (element.cssParts ?? []).map((part) => [code(part.name), part.description]));

/** The tokens an element documents itself: its own, and shared ones it describes anew (what they set in it). */
function tokens(element, sharedDescriptions) {
  const documented = (element.cssProperties ?? []).filter((token) => !token.inheritedFrom || token.description !== sharedDescriptions.get(token.name));
  return table(['token', 'default', 'what it sets here'], documented.map((token) => [code(token.name), token.default === undefined ? '—' : code(token.default), token.description]));
}

/** The package entry that registers the element, when the package has one named after it. */
const entryOf = (element, exportsMap) => {
  const entry = `./${element.tagName.replace(/^tn-/, '')}.js`;
  return entry in exportsMap ? `tn-customer-connect${entry.slice(1)}` : undefined;
};

function section(element, exportsMap, sharedDescriptions) {
  const entry = entryOf(element, exportsMap);
  const heading = (title, lines) => (lines.length ? [`**${title}**`, '', ...lines] : []);
  return [
    `## \`<${element.tagName}>\``,
    '',
    `${element.summary ?? ''}`,
    '',
    element.description ?? '',
    '',
    `Class \`${element.name}\`${entry ? `; registered by \`import '${entry}'\` (or \`tn-customer-connect/define.js\`)` : ''}.`,
    '',
    ...heading('Properties and attributes', properties(element)),
    ...heading('Methods', methods(element)),
    ...heading('Events', events(element)),
    ...heading('Slots', slots(element)),
    ...heading('CSS parts', parts(element)),
    ...heading('Tokens it documents (every shared design token applies too: see the README\'s Theming)', tokens(element, sharedDescriptions)),
  ].join('\n');
}

/** The whole of docs/elements.md; `base` is TnElement, which documents the shared design tokens. */
export function elementReference(elements, base, exportsMap) {
  const sharedDescriptions = new Map((base.cssProperties ?? []).map((token) => [token.name, token.description]));
  const sorted = [...elements].sort((a, b) => a.tagName.localeCompare(b.tagName));
  return [
    '# Element reference',
    '',
    '<!-- Written by `npm run readme` from the elements\' JSDoc (the custom elements manifest); do not edit by hand. -->',
    '',
    'Every property, attribute, method, event, slot, CSS part and element-specific token of each',
    'element. How to install and use them, theming with the shared design tokens, localization',
    'and adapters: [the README](../README.md).',
    '',
    ...sorted.map((element) => `- [\`<${element.tagName}>\`](#${element.tagName})`),
    '',
    ...sorted.map((element) => section(element, exportsMap, sharedDescriptions)),
  ].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
