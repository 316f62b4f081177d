/**
 * The shipped themes: the library's own light and dark values of every colour token (plus
 * the focus ring and shadow), as data a host can apply from JavaScript and as the CSS files
 * `tn-customer-connect/themes/light.css`, `dark.css` and `auto.css` (written from this module
 * at build time, so the two never differ).
 *
 * The elements already follow the page's `color-scheme`: on a page that declares
 * `color-scheme: dark` they are dark with nothing imported. A theme is for the other cases:
 * - `dark.css`: dark elements on a page that stays light (or has no `color-scheme`);
 * - `light.css`: light elements on a dark page;
 * - `auto.css`: the reader's system setting (`prefers-color-scheme`), whatever the page says.
 *
 * Each CSS file sets the tokens on `:root` (they inherit into every element's shadow root)
 * and the matching `color-scheme` on the library's elements only (their native controls,
 * scrollbars and built-in defaults follow it); the host page's own colours are untouched.
 * To theme one part of the page only, apply a theme from JavaScript to its container.
 *
 * ```ts
 * import { darkTheme, applyTheme } from 'tn-customer-connect/themes.js';
 * applyTheme(document.querySelector('#sidebar')!, darkTheme);
 * ```
 */

/** A theme: a value for each token it sets, and the colour scheme it is made for. */
export interface TnTheme {
  readonly colorScheme: 'light' | 'dark';
  readonly tokens: Readonly<Record<`--tn-${string}`, string>>;
}

/** The library's default colours: what the elements show on a light page with no token set. */
export const lightTheme: TnTheme = {
  colorScheme: 'light',
  tokens: {
    '--tn-color-text': '#1d2733',
    '--tn-color-text-muted': '#4f5b69',
    '--tn-color-surface': '#ffffff',
    '--tn-color-surface-alt': '#f3f6f9',
    '--tn-color-border': '#8a96a3',
    '--tn-color-accent': '#0a58a8',
    '--tn-color-accent-text': '#ffffff',
    '--tn-color-danger': '#b3261e',
    '--tn-color-danger-surface': '#fdecea',
    '--tn-color-success': '#1e7b34',
    '--tn-color-warning-surface': '#fff4d6',
    '--tn-color-highlight': '#fff0a8',
    '--tn-color-active': '#e3effb',
    '--tn-focus-ring': '2px solid #1a73e8',
    '--tn-shadow': '0 4px 16px rgb(0 0 0 / 0.16)',
  },
};

/** The dark colours: what the elements show on a `color-scheme: dark` page with no token set. */
export const darkTheme: TnTheme = {
  colorScheme: 'dark',
  tokens: {
    '--tn-color-text': '#e6edf3',
    '--tn-color-text-muted': '#a3afbd',
    '--tn-color-surface': '#161b22',
    '--tn-color-surface-alt': '#222a35',
    '--tn-color-border': '#6e7b8b',
    '--tn-color-accent': '#6cb6ff',
    '--tn-color-accent-text': '#0d1117',
    '--tn-color-danger': '#ff938a',
    '--tn-color-danger-surface': '#3d1d1c',
    '--tn-color-success': '#7ee0a0',
    '--tn-color-warning-surface': '#3a3000',
    '--tn-color-highlight': '#6b5a00',
    '--tn-color-active': '#1c3352',
    '--tn-focus-ring': '2px solid #8cc8ff',
    '--tn-shadow': '0 4px 16px rgb(0 0 0 / 0.6)',
  },
};

/** The library's elements, for the `color-scheme` a theme sets on them (and nothing else). */
const ELEMENT_TAGS = [
  'tn-customer-search',
  'tn-group-picker',
  'tn-verify-invoice',
  'tn-attention-panel',
  'tn-customer-connect',
  'tn-relationships',
  'tn-support-case',
] as const;

/**
 * Sets a theme's tokens and colour scheme on `target` (an element, or a shadow root's host):
 * the elements inside it take the theme. Another call replaces it.
 */
export function applyTheme(target: HTMLElement, theme: TnTheme): void {
  for (const [name, value] of Object.entries(theme.tokens)) target.style.setProperty(name, value);
  target.style.setProperty('color-scheme', theme.colorScheme);
}

/** CSS declarations for a theme's tokens, one per line. */
function declarations(theme: TnTheme, indent: string): string {
  return Object.entries(theme.tokens)
    .map(([name, value]) => `${indent}${name}: ${value};`)
    .join('\n');
}

/**
 * The text of a shipped theme file: `light.css`, `dark.css` (the tokens on `:root`, the colour
 * scheme on the elements) or `auto.css` (light, then dark under `prefers-color-scheme: dark`).
 */
export function themeCss(name: 'light' | 'dark' | 'auto'): string {
  const tags = ELEMENT_TAGS.join(', ');
  const block = (theme: TnTheme, selector: string, indent = '') =>
    `${indent}${selector} {\n${declarations(theme, `${indent}  `)}\n${indent}}\n` +
    `${indent}:where(${tags}) {\n${indent}  color-scheme: ${theme.colorScheme};\n${indent}}\n`;
  if (name === 'auto') {
    return (
      `/* tn-customer-connect: follows the reader's system setting (prefers-color-scheme). */\n` +
      block(lightTheme, ':root') +
      `@media (prefers-color-scheme: dark) {\n${block(darkTheme, ':root', '  ')}}\n`
    );
  }
  const theme = name === 'dark' ? darkTheme : lightTheme;
  return `/* tn-customer-connect: the ${name} theme. */\n` + block(theme, ':root');
}
