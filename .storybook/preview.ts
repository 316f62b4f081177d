/**
 * Toolbar: locale (the nine shipped), theme (light / dark / a host brand, stories/themes.ts) and direction (from the locale,
 * ltr or rtl).
 *
 * - Locale: a global loader awaits the library's `setLocale` before every render, so a
 *   story first renders (and re-renders after a switch) with its messages loaded. Elements
 *   also re-render by themselves on the locale change (`updateWhenLocaleChanges`).
 * - Theme and direction: a decorator wraps each story in a `<div>` carrying `dir`, `lang`
 *   and the theme's documented `--tn-*` custom properties (none for light), which inherit into every
 *   element's shadow root. Nothing inside the elements is styled from here.
 *
 * A story pins a value with `globals: { locale: 'fr' }` (or `theme`, `dir`).
 */
import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from 'virtual:tn-custom-elements';
import { resolveLocale, rtlLocales, setLocale } from '../src/localization/localization.js';
import { THEMES, themeStyle } from '../stories/themes.js';
import type { ThemeName } from '../stories/themes.js';
import { controlsFromManifest, propertiesFromControls } from './controls.js';

if (manifest) setCustomElementsManifest(manifest);

const withLocale: Loader = async ({ globals }) => {
  await setLocale(String(globals.locale ?? 'en'));
  return {};
};

const withThemeAndDirection: Decorator = (story, { globals }) => {
  const theme: ThemeName = Object.hasOwn(THEMES, String(globals.theme)) ? (globals.theme as ThemeName) : 'light';
  const locale = resolveLocale(String(globals.locale ?? 'en'));
  // "auto": the locale's own direction (Arabic right to left), as a host page would set it.
  const dir = globals.dir === 'rtl' || (globals.dir !== 'ltr' && rtlLocales.includes(locale)) ? 'rtl' : 'ltr';
  const style = {
    ...themeStyle(theme),
    'box-sizing': 'border-box',
    'min-block-size': '100vh',
    padding: '1.5rem',
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  };
  return html`<div
    class="tn-story"
    data-theme=${theme}
    dir=${dir}
    lang=${locale}
    style=${styleMap(style)}
  >
    <div style="max-inline-size: 40rem">${story()}</div>
  </div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Locale of every tn-* element',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'fr', right: 'fr', title: 'Français' },
          { value: 'de', right: 'de', title: 'Deutsch' },
          { value: 'es', right: 'es', title: 'Español' },
          { value: 'it', right: 'it', title: 'Italiano' },
          { value: 'nl', right: 'nl', title: 'Nederlands' },
          { value: 'pt', right: 'pt', title: 'Português' },
          { value: 'pl', right: 'pl', title: 'Polski' },
          { value: 'ar', right: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour theme (through --tn-* custom properties)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', icon: 'sun', title: THEMES.light.title },
          { value: 'dark', icon: 'moon', title: THEMES.dark.title },
          { value: 'brand', icon: 'paintbrush', title: THEMES.brand.title },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page around the element',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'From the locale' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', dir: 'auto' },
  loaders: [withLocale],
  // The first decorator wraps the story itself: its element is the story's template.
  decorators: [propertiesFromControls, withThemeAndDirection],
  // Each property's control from its type in the manifest (controls.ts).
  argTypesEnhancers: [controlsFromManifest],
  parameters: {
    layout: 'fullscreen',
    // The guides first, in reading order, then the elements.
    options: {
      storySort: {
        order: ['Introduction', 'Integration', 'Adapters', 'Theming', 'Localization', 'Content Security Policy', 'Elements'],
      },
    },
    controls: { expanded: true, sort: 'requiredFirst' },
    // The accessibility addon: axe over the story after it rendered and played, with the
    // WCAG 2.0, 2.1 and 2.2 level A and AA rules — the target of the accessibility statement
    // and the rules test/stories-audit.test.ts runs. 'error': a violation fails the story,
    // not only a warning in the panel. scripts/check-stories.mjs runs the addon with these
    // same parameters once a story has settled.
    a11y: {
      context: '#storybook-root',
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      },
      test: 'error',
    },
  },
};

export default preview;
