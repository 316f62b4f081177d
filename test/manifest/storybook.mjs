// The built Storybook's argument tables, next to what custom-elements.json says they should
// hold. Method (robust, and it can fail):
//
// 1. Each element's autodocs page of storybook-static/ is opened in headless Chromium. The
//    table is read twice: as data — the argTypes Storybook prepared for the page's primary
//    story (`__STORYBOOK_PREVIEW__.storyStoreValue.loadStory`), after Storybook extracted
//    them from the manifest and merged every story-level `argTypes` — and as the rendered
//    `.docblock-argstable`, row names under their category headings.
// 2. The expected rows are computed here from the custom-elements.json the tests just
//    generated, with the rules .storybook/custom-elements.ts documents (a property row per
//    public instance field, naming its attribute, saying when it is read-only; attribute
//    rows only for attributes with no property; `::part(x)`, `slot="x"`) — written again
//    here, not imported, so a change to either side shows up as a difference.
//
// So a stale build, a row one name hides behind another, a story that hides or rewrites a
// manifest row, or a docs page that fails to render its table, all fail. Rows a story adds
// of its own (demo latency, fault) are in no manifest category and are not compared.
//
// Each row's control (from the argTypes) and the rendered default and control cells are
// returned too, for the test to hold controls to the manifest's types and defaults to values.
//
// The Theming page's token tables are read the same way (rendered rows: name and default),
// for the test to hold them to src/styles/tokens.ts and the manifest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { browserPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

/** The docs page of stories/Theming.mdx. */
export const THEMING_DOCS = 'theming--docs';

/** Storybook's categories for what it extracts from a manifest. */
export const CATEGORIES = ['properties', 'attributes', 'events', 'slots', 'css custom properties', 'css shadow parts'];

/** Plain data, without the keys whose value is undefined. */
const plain = (value) => JSON.parse(JSON.stringify(value));
const byRow = (a, b) => `${a.category}\u0000${a.name}`.localeCompare(`${b.category}\u0000${b.name}`);

/** The rows the docs table of `declaration` should have. */
export function expectedRows(declaration) {
  const fields = (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static);
  const fieldNames = new Set(fields.map((field) => field.name));
  const row = (category, item, name = item.name) => ({
    category,
    name,
    description: item.description,
    type: item.type?.text,
    default: item.default,
  });
  return plain([
    ...fields.map((field) => ({
      ...row('properties', field),
      description: [
        field.description,
        field.attribute && `Attribute: \`${field.attribute}\`.`,
        field.readonly && 'Read-only.',
      ]
        .filter(Boolean)
        .join(' '),
    })),
    ...(declaration.attributes ?? [])
      .filter((attribute) => !attribute.fieldName || !fieldNames.has(attribute.fieldName))
      .map((attribute) => row('attributes', attribute)),
    ...(declaration.events ?? []).map((event) => row('events', event)),
    ...(declaration.slots ?? []).map((slot) => row('slots', slot, slot.name ? `slot="${slot.name}"` : '(default slot)')),
    ...(declaration.cssProperties ?? []).map((property) => row('css custom properties', property)),
    ...(declaration.cssParts ?? []).map((part) => row('css shadow parts', part, `::part(${part.name})`)),
  ]).sort(byRow);
}

/** In the page: the primary story's argTypes in manifest categories, and the rendered table. */
async function readPage({ storyId, categories }) {
  const preview = window.__STORYBOOK_PREVIEW__;
  const story = await preview.storyStoreValue.loadStory({ storyId });
  const rows = Object.entries(story.argTypes)
    .filter(([, argType]) => categories.includes(argType.table?.category) && !argType.table?.disable)
    .map(([key, argType]) => ({
      category: argType.table.category,
      name: key,
      description: argType.description,
      type: argType.table?.type?.summary,
      default: argType.table?.defaultValue?.summary,
      // The control Storybook gives the row (null: none), and a select's or radio's options.
      control: argType.control ? argType.control.type : null,
      options: argType.options,
    }));
  // The rendered table: a category heading row (one cell spanning a column, with the
  // category's name), then one row per argument, its name in the first cell.
  const rendered = [];
  let category;
  for (const tr of document.querySelectorAll('.docblock-argstable > tbody > tr')) {
    const first = tr.querySelector(':scope > td');
    if (!first) continue;
    if (first.hasAttribute('colspan')) {
      category = first.querySelector(':scope > span')?.textContent?.trim();
      continue;
    }
    // Columns: name, description, default, control (its text: a "Set string" button, or the
    // value in a field).
    const control = tr.cells[3];
    rendered.push({
      category,
      name: first.querySelector('span')?.textContent?.trim(),
      default: tr.cells[2]?.textContent?.trim(),
      control: control?.textContent?.trim(),
      field: control?.querySelector('input, textarea, select')?.localName ?? null,
    });
  }
  return { component: story.component, rows: JSON.parse(JSON.stringify(rows)), rendered };
}

/**
 * Opens every autodocs page of storybook-static/ and returns, per page, the element's tag,
 * the expected and actual argument rows and the rows missing from the rendered table.
 */
export async function checkStorybook(root, manifest) {
  const dir = join(root, 'storybook-static');
  const indexFile = join(dir, 'index.json');
  if (!existsSync(indexFile)) throw new Error('storybook-static/index.json is missing: run `npm run build-storybook` first.');
  const entries = Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries);
  const docs = entries.filter((entry) => entry.type === 'docs' && entry.tags?.includes('autodocs'));
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);

  const server = await serveStatic(dir);
  const browser = await chromium.launch({
    executablePath: browserPath('chromium'),
    args: ['--no-sandbox'],
  });
  const pages = [];
  let theming;
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    for (const entry of docs) {
      const primary = entries.find((candidate) => candidate.type === 'story' && candidate.title === entry.title);
      if (!primary) throw new Error(`${entry.id}: no story`);
      const page = await context.newPage();
      await page.goto(`${server.origin}/iframe.html?id=${entry.id}&viewMode=docs`);
      await page.waitForSelector('.docblock-argstable > tbody > tr', { timeout: 60_000 });
      const { component, rows, rendered } = await page.evaluate(readPage, { storyId: primary.id, categories: CATEGORIES });
      await page.close();
      const declaration = declarations.find((candidate) => candidate.tagName === component);
      const expected = declaration ? expectedRows(declaration) : [];
      const missingRows = expected
        .filter((row) => !rendered.some((seen) => seen.category === row.category && seen.name === row.name))
        .map((row) => `${row.category}: ${row.name}`);
      pages.push({ id: entry.id, tag: component, expected, actual: rows.sort(byRow), missingRows, rendered });
    }
    // Each row's control (from the argTypes) and the rendered default and control cells are
// returned too, for the test to hold controls to the manifest's types and defaults to values.
//
// The Theming page's token tables, as rendered: [name, default] of each row.
    if (entries.some((entry) => entry.id === THEMING_DOCS)) {
      const page = await context.newPage();
      await page.goto(`${server.origin}/iframe.html?id=${THEMING_DOCS}&viewMode=docs`);
      await page.waitForSelector('[data-table="tokens"] tr[data-token]', { timeout: 60_000 });
      theming = await page.evaluate(() => {
        const rows = (table) =>
          [...document.querySelectorAll(`[data-table="${table}"] tr[data-token]`)].map((tr) => [
            tr.cells[0].textContent.trim(),
            tr.cells[1].textContent.trim(),
          ]);
        return { tokens: rows('tokens'), elementTokens: rows('element-tokens') };
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { pages, theming };
}

/**
 * Opens each story of storybook-static/ with `args` in its URL — what the Controls panel
 * sends when a reader changes a control — and returns the listed properties of the story's
 * element (`tag`) once it has rendered: `[{ id, args, tag, properties: { name: value } }]`.
 */
export async function propertiesAfterControls(root, visits) {
  const server = await serveStatic(join(root, 'storybook-static'));
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: ['--no-sandbox'] });
  const results = [];
  try {
    const page = await browser.newPage();
    for (const { id, args, tag, names } of visits) {
      await page.goto(`${server.origin}/iframe.html?id=${id}&viewMode=story&args=${args}`);
      await page.waitForSelector(tag, { timeout: 60_000 });
      // The controls' values arrive after the first render; wait until the element settles.
      await page.waitForFunction((name) => document.querySelector(name)?.updateComplete, tag);
      await page.waitForTimeout(500);
      const properties = await page.evaluate(
        ([name, keys]) => Object.fromEntries(keys.map((key) => [key, document.querySelector(name)[key]])),
        [tag, names],
      );
      results.push({ id, args, tag, properties });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
