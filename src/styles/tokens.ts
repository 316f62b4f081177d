import { css } from 'lit';

/**
 * Design tokens. Hosts theme with the documented `--tn-*` properties, set on the element or
 * on any ancestor (they inherit). Each is resolved once on `:host` into an internal
 * `--tn-i-*` alias with our default, so a value set on `body` still wins over the default.
 *
 * - Colours follow the page's `color-scheme`: every default is a `light-dark()` pair, so a
 *   host page that declares `color-scheme: dark` gets the dark values with no token set.
 * - Each element paints its own background (`--tn-color-canvas`, the surface colour by
 *   default), so its text keeps its contrast on any page colour; `transparent` lets the
 *   page show through.
 * - Text follows the font size the element inherits (`1em`), not the root's: a page that
 *   shrinks `html` (`font-size: 62.5%`) and sets its body text in `rem` keeps our text at its
 *   body size, and browser zoom and the user's font size still scale it.
 * - Typography inherits the host page's font unless `--tn-font-family` says otherwise.
 * - `--tn-density` (a number, default 1) scales the height of buttons, fields and rows: 0.85
 *   is compact, 1.2 roomy; below 0.75 controls fall under WCAG 2.2's 24 px target size.
 */
export const tokens = css`
  :host {
    --tn-i-font: var(--tn-font-family, inherit);
    --tn-i-font-size: var(--tn-font-size, 1em);
    --tn-i-text: var(--tn-color-text, light-dark(#1d2733, #e6edf3));
    --tn-i-muted: var(--tn-color-text-muted, light-dark(#4f5b69, #a3afbd));
    --tn-i-surface: var(--tn-color-surface, light-dark(#ffffff, #161b22));
    --tn-i-surface-alt: var(--tn-color-surface-alt, light-dark(#f3f6f9, #222a35));
    --tn-i-border: var(--tn-color-border, light-dark(#8a96a3, #6e7b8b));
    --tn-i-accent: var(--tn-color-accent, light-dark(#0a58a8, #6cb6ff));
    --tn-i-accent-text: var(--tn-color-accent-text, light-dark(#ffffff, #0d1117));
    --tn-i-danger: var(--tn-color-danger, light-dark(#b3261e, #ff938a));
    --tn-i-danger-surface: var(--tn-color-danger-surface, light-dark(#fdecea, #3d1d1c));
    --tn-i-success: var(--tn-color-success, light-dark(#1e7b34, #7ee0a0));
    --tn-i-warning-surface: var(--tn-color-warning-surface, light-dark(#fff4d6, #3a3000));
    --tn-i-highlight: var(--tn-color-highlight, light-dark(#fff0a8, #6b5a00));
    --tn-i-active: var(--tn-color-active, light-dark(#e3effb, #1c3352));
    --tn-i-radius: var(--tn-radius, 4px);
    --tn-i-space: var(--tn-space, 0.5em);
    --tn-i-density: var(--tn-density, 1);
    --tn-i-focus: var(--tn-focus-ring, 2px solid light-dark(#1a73e8, #8cc8ff));
    --tn-i-canvas: var(--tn-color-canvas, var(--tn-color-surface, light-dark(#ffffff, #161b22)));
    --tn-i-preferred-width: var(--tn-preferred-width, 40em);
    --tn-i-shadow: var(--tn-shadow, 0 4px 16px light-dark(rgb(0 0 0 / 0.16), rgb(0 0 0 / 0.6)));

    /* A one-column grid around the element's size container ('.base'): the element fills
       what its container gives it, and where the container leaves the choice to it (a
       dialog, a flex row item, an inline-block, a float, a table cell) it takes its
       preferred width, shrinking to any narrower space, never to 0. */
    display: grid;
    grid-template-columns: minmax(0, 1fr);

    font-family: var(--tn-i-font);
    font-size: var(--tn-i-font-size);
    color: var(--tn-i-text);
    background: var(--tn-i-canvas);
    line-height: 1.4;
    /* Long unbroken names wrap inside the box instead of widening it. */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    container-type: inline-size;
    contain-intrinsic-inline-size: var(--tn-i-preferred-width);
  }
`;

/** Pieces every element uses: hidden-but-announced text, buttons, notices, focus. */
export const shared = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  /* Text from the network (legal names) shows at most a few lines, so that a name of any
     length never pushes the actions beside or under it out of view. Screen readers still
     read it whole. */
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-block-size: calc(2em * var(--tn-i-density));
    padding-block: calc(0.25em * var(--tn-i-density));
    padding-inline: 0.75em;
    border-radius: var(--tn-i-radius);
    border: 1px solid var(--tn-i-accent);
    background: var(--tn-i-surface);
    color: var(--tn-i-accent);
    cursor: pointer;
    font-weight: 600;
  }
  .button.primary {
    background: var(--tn-i-accent);
    color: var(--tn-i-accent-text);
  }
  :focus-visible,
  /* A date field's segments take the focus inside it (Chromium): ring the field then too. */
  input:focus,
  input:focus-within,
  select:focus,
  textarea:focus {
    outline: var(--tn-i-focus);
    outline-offset: 2px;
  }
  .notice {
    margin: 0;
    padding: var(--tn-i-space);
    border-radius: var(--tn-i-radius);
    background: var(--tn-i-surface-alt);
    color: var(--tn-i-text);
  }
  .notice.error {
    background: var(--tn-i-danger-surface);
    color: var(--tn-i-danger);
    border-inline-start: 4px solid var(--tn-i-danger);
    display: flex;
    flex-wrap: wrap;
    gap: var(--tn-i-space);
    align-items: center;
    justify-content: space-between;
  }
  @media (forced-colors: active) {
    .button,
    .notice.error {
      border: 1px solid CanvasText;
    }
  }
`;
