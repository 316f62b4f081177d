// The type of `virtual:tn-custom-elements` (an ambient declaration outside tsconfig's include):
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../.storybook/virtual-modules.d.ts" />
/**
 * What the Theming docs page (stories/Theming.mdx) shows, read from the sources rather than
 * copied into it:
 *
 * - the design tokens and their defaults from the style sheet every element includes
 *   (`tokens` of src/styles/tokens.ts: each `--tn-i-x: var(--tn-token, default)` on
 *   `:host`), with the descriptions custom-elements.json gives them (TnElement's @cssprop);
 * - the tokens of a single element (a `--tn-*` an element documents beyond the design
 *   tokens), from custom-elements.json;
 * - the toolbar's themes (stories/themes.ts) as the CSS a host page would write.
 */
import { tokens } from '../src/styles/tokens.js';
import manifest from 'virtual:tn-custom-elements';
import { THEMES } from './themes.js';
import type { StoryTheme, ThemeName } from './themes.js';

export interface Token {
  name: string;
  /** The value in effect when no one sets the token. */
  default: string;
  description: string;
}

export interface ElementToken extends Token {
  /** The elements that read it. */
  tags: string[];
}

interface CssProperty {
  name: string;
  description?: string;
  default?: string;
}

interface Declaration {
  name: string;
  tagName?: string;
  cssProperties?: CssProperty[];
}

const declarations: Declaration[] = (
  ((manifest?.modules ?? []) as { declarations?: Declaration[] }[]).flatMap((module) => module.declarations ?? [])
);

/** `var(--name, fallback)` reads of a CSS text, in order. */
function varReads(css: string): { name: string; fallback?: string }[] {
  const reads: { name: string; fallback?: string }[] = [];
  for (let index = css.indexOf('var('); index !== -1; index = css.indexOf('var(', index + 4)) {
    let depth = 0;
    let comma = -1;
    let end = index + 4;
    for (; end < css.length; end += 1) {
      if (css[end] === '(') depth += 1;
      else if (css[end] === ')' && depth-- === 0) break;
      else if (css[end] === ',' && depth === 0 && comma === -1) comma = end;
    }
    reads.push({
      name: css.slice(index + 4, comma === -1 ? end : comma).trim(),
      fallback: comma === -1 ? undefined : css.slice(comma + 1, end).trim().replace(/\s+/g, ' '),
    });
  }
  return reads;
}

const baseProperties = new Map(
  (declarations.find((declaration) => declaration.name === 'TnElement')?.cssProperties ?? []).map((property) => [
    property.name,
    property,
  ]),
);

/** Every design token, in the order of src/styles/tokens.ts. */
export const TOKENS: Token[] = varReads(/:host\s*\{([^}]*)\}/.exec(tokens.cssText)?.[1] ?? '')
  .filter(({ name }) => name.startsWith('--tn-') && !name.startsWith('--tn-i-'))
  // A default may read another token (`--tn-color-canvas` falls back to the surface colour):
  // each token is listed once, where it is defined.
  .filter(({ name }, index, reads) => reads.findIndex((read) => read.name === name) === index)
  .map(({ name, fallback }) => ({
    name,
    default: fallback ?? '',
    description: baseProperties.get(name)?.description ?? '',
  }));

const tokenNames = new Set(TOKENS.map((token) => token.name));

/** Custom properties one element (or a few) reads beyond the design tokens. */
export const ELEMENT_TOKENS: ElementToken[] = [
  ...declarations
    .filter((declaration) => declaration.tagName)
    .flatMap((declaration) =>
      (declaration.cssProperties ?? [])
        .filter((property) => !tokenNames.has(property.name))
        .map((property) => ({ property, tag: declaration.tagName as string })),
    )
    .reduce((byName, { property, tag }) => {
      const known = byName.get(property.name);
      if (known) known.tags.push(tag);
      else {
        byName.set(property.name, {
          name: property.name,
          default: property.default ?? '',
          description: property.description ?? '',
          tags: [tag],
        });
      }
      return byName;
    }, new Map<string, ElementToken>())
    .values(),
];

/** A theme as a host page writes it: its tokens on a container of the elements. */
export function themeCss(name: ThemeName, selector = '.my-portal'): string {
  const theme: StoryTheme = THEMES[name];
  const lines = Object.entries(theme.tokens).map(([token, value]) => `  ${token}: ${value};`);
  return lines.length ? `${selector} {\n${lines.join('\n')}\n}` : `/* ${theme.title}: no token set, the defaults. */`;
}

/**
 * Inline style of a panel showing one theme whatever the toolbar's: every token it does not
 * set is reset with `initial` (which makes `var(--tn-x, default)` fall back to the default),
 * then the theme's tokens and page colours.
 */
export function panelStyle(name: ThemeName): Record<string, string> {
  const theme: StoryTheme = THEMES[name];
  return {
    ...Object.fromEntries(TOKENS.map((token) => [token.name, 'initial'])),
    ...theme.tokens,
    background: theme.page.background,
    color: theme.page.color,
    'color-scheme': theme.page.colorScheme,
    padding: '1rem',
    'border-radius': '8px',
    display: 'grid',
    gap: '1.5rem',
  };
}

/** The `::part()` example's style sheet (shown on the page, and applied by its story). */
export const PARTS_CSS = `/* A host page's own style sheet: parts take any CSS. */
.my-portal tn-customer-search::part(field) {
  border-width: 2px;
  border-radius: 1.5rem;
  padding-inline: 0.75rem;
}
.my-portal tn-relationships::part(status) {
  border-radius: 0.25rem;
  border-width: 2px;
}
.my-portal tn-relationships::part(status-connected) {
  background: #e7f4ea;
}
.my-portal tn-relationships::part(row):hover {
  background: #f3f6f9;
}`;
