import { css } from 'lit';

/**
 * Design tokens. Hosts theme with the documented `--tn-*` properties, set on the element or
 * on any ancestor (they inherit). Each is resolved once on `:host` into an internal
 * `--tn-i-*` alias with our default, so a value set on `body` still wins over the default.
 * Typography inherits the host page's font unless `--tn-font-family` says otherwise.
 * `--tn-density` (a number, default 1) scales the height of buttons, fields and rows: 0.85
 * is compact, 1.2 roomy; below 0.75 controls fall under WCAG 2.2's 24 px target size.
 */
export const tokens = css`
  :host {
    --tn-i-font: var(--tn-font-family, inherit);
    --tn-i-font-size: var(--tn-font-size, 1rem);
    --tn-i-text: var(--tn-color-text, #1d2733);
    --tn-i-muted: var(--tn-color-text-muted, #4f5b69);
    --tn-i-surface: var(--tn-color-surface, #ffffff);
    --tn-i-surface-alt: var(--tn-color-surface-alt, #f3f6f9);
    --tn-i-border: var(--tn-color-border, #8a96a3);
    --tn-i-accent: var(--tn-color-accent, #0a58a8);
    --tn-i-accent-text: var(--tn-color-accent-text, #ffffff);
    --tn-i-danger: var(--tn-color-danger, #b3261e);
    --tn-i-danger-surface: var(--tn-color-danger-surface, #fdecea);
    --tn-i-success: var(--tn-color-success, #1e7b34);
    --tn-i-warning-surface: var(--tn-color-warning-surface, #fff4d6);
    --tn-i-highlight: var(--tn-color-highlight, #fff0a8);
    --tn-i-active: var(--tn-color-active, #e3effb);
    --tn-i-radius: var(--tn-radius, 4px);
    --tn-i-space: var(--tn-space, 0.5rem);
    --tn-i-density: var(--tn-density, 1);
    --tn-i-focus: var(--tn-focus-ring, 2px solid #1a73e8);
    --tn-i-shadow: var(--tn-shadow, 0 4px 16px rgb(0 0 0 / 0.16));

    font-family: var(--tn-i-font);
    font-size: var(--tn-i-font-size);
    color: var(--tn-i-text);
    line-height: 1.4;
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
  .button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-block-size: calc(2rem * var(--tn-i-density));
    padding-block: calc(0.25rem * var(--tn-i-density));
    padding-inline: 0.75rem;
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
