/**
 * The themes the stories (and the accessibility audit, test/stories-audit.test.ts) show the
 * elements in. Each is only documented `--tn-*` custom properties set on a wrapper, which
 * inherit into every element's shadow root — exactly what a host page can do — plus the
 * page colours around the element. Nothing inside the elements is styled from here.
 */
import { darkTheme } from '../src/themes.js';

/** A theme: the tokens it sets and the page around the element. */
export interface StoryTheme {
  title: string;
  tokens: Record<`--tn-${string}`, string>;
  page: { background: string; color: string; colorScheme: 'light' | 'dark' };
}

export const THEMES = {
  /** The elements' own defaults: no token set. */
  light: {
    title: 'Light',
    tokens: {},
    page: { background: '#ffffff', color: '#1d2733', colorScheme: 'light' },
  },
  /** The shipped dark theme (`tn-customer-connect/themes/dark.css`). */
  dark: {
    title: 'Dark',
    tokens: { ...darkTheme.tokens },
    page: { background: '#0d1117', color: '#e6edf3', colorScheme: 'dark' },
  },
  /**
   * A host's brand, as an integrator would set it: its own font, accent, corners and
   * spacing, on its own page colour — tokens only.
   */
  brand: {
    title: 'Host brand',
    tokens: {
      '--tn-font-family': 'Georgia, "Times New Roman", serif',
      '--tn-color-accent': '#7a1f5c',
      '--tn-color-accent-text': '#ffffff',
      '--tn-color-surface-alt': '#f7f0f4',
      '--tn-color-active': '#f2e3ec',
      '--tn-color-highlight': '#ffe9a8',
      '--tn-color-border': '#8a7682',
      '--tn-radius': '0',
      '--tn-focus-ring': '3px solid #7a1f5c',
    },
    page: { background: '#fffaf5', color: '#2b1a24', colorScheme: 'light' },
  },
} satisfies Record<string, StoryTheme>;

export type ThemeName = keyof typeof THEMES;

/** The wrapper's inline style for a theme: its tokens and page colours. */
export function themeStyle(name: ThemeName): Record<string, string> {
  const theme: StoryTheme = THEMES[name] ?? THEMES.light;
  return {
    ...theme.tokens,
    background: theme.page.background,
    color: theme.page.color,
    'color-scheme': theme.page.colorScheme,
  };
}
