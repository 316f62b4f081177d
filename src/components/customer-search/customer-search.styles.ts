import { css } from 'lit';

export const styles = css`
  :host {
    --tn-i-popup-max-height: var(--tn-search-popup-max-height, 24em);
  }
  .base {
    position: relative;
    display: grid;
    gap: calc(var(--tn-i-space) / 2);
  }
  .label {
    font-weight: 600;
  }
  .field {
    display: flex;
    align-items: center;
    gap: var(--tn-i-space);
    padding-inline: var(--tn-i-space);
    border: 1px solid var(--tn-i-border);
    border-radius: var(--tn-i-radius);
    background: var(--tn-i-surface);
  }
  .field:focus-within {
    outline: var(--tn-i-focus);
    outline-offset: 1px;
  }
  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: var(--tn-i-muted);
    stroke-width: 2;
    stroke-linecap: round;
  }
  input {
    flex: 1;
    min-inline-size: 0;
    min-block-size: calc(2.5em * var(--tn-i-density));
    border: 0;
    padding: 0;
    font: inherit;
    color: inherit;
    background: transparent;
  }
  input:focus {
    outline: none;
  }
  input::placeholder {
    color: var(--tn-i-muted);
    opacity: 1;
  }
  .spinner {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--tn-i-border);
    border-block-start-color: var(--tn-i-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  .hint {
    margin: 0;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .hint:empty {
    display: none;
  }
  /* Without the Popover API the panel hangs under the field inside the element; with it,
     the panel is in the top layer (anchored-popup.ts places it), so no clipping ancestor
     hides it and it never makes the page scroll. */
  .popup {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 10;
    margin-block-start: 2px;
    display: flex;
    flex-direction: column;
    gap: var(--tn-i-space);
    padding: calc(var(--tn-i-space) / 2);
    color: var(--tn-i-text);
    background: var(--tn-i-surface);
    border: 1px solid var(--tn-i-border);
    border-radius: var(--tn-i-radius);
    box-shadow: var(--tn-i-shadow);
  }
  .popup:popover-open {
    position: fixed;
    inset: auto;
    margin: 0;
    overflow: hidden;
    max-block-size: var(--tn-i-popup-room, none);
  }
  /* A sample result laid out once in idle time and removed at once (rehearseResults):
     never seen, never in the way, and it cannot make any scroll container larger. */
  .rehearsal {
    position: fixed;
    inset: 0 auto auto 0;
    inline-size: 20em;
    block-size: 0;
    overflow: hidden;
    contain: strict;
    visibility: hidden;
    pointer-events: none;
  }
  .popup > * {
    flex: none;
  }
  /* The listbox itself scrolls: it is what the combobox controls, and the keyboard scrolls
     it by moving aria-activedescendant (the active option is scrolled into view). */
  .popup > .listbox {
    flex: 0 1 auto;
    min-block-size: 0;
    max-block-size: var(--tn-i-popup-max-height);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .group + .group,
  .group + .option,
  .option + .group {
    margin-block-start: var(--tn-i-space);
  }
  .group-label {
    padding-block: calc(var(--tn-i-space) / 2);
    padding-inline: var(--tn-i-space);
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.02em;
    color: var(--tn-i-muted);
    border-block-end: 1px solid var(--tn-i-surface-alt);
  }
  .option {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.125em var(--tn-i-space);
    padding: var(--tn-i-space);
    border-radius: var(--tn-i-radius);
    cursor: pointer;
    border-inline-start: 3px solid transparent;
  }
  .group .option {
    padding-inline-start: calc(var(--tn-i-space) * 2);
  }
  .option:hover {
    background: var(--tn-i-surface-alt);
  }
  .option.active {
    background: var(--tn-i-active);
    border-inline-start-color: var(--tn-i-accent);
  }
  .name {
    grid-column: 1;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--tn-i-highlight);
    color: inherit;
    border-radius: 2px;
  }
  .meta {
    grid-column: 1;
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--tn-i-space);
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  /* The separator ends the previous item, so a wrapped line never starts with one. */
  .meta > :not(:last-child)::after {
    content: '·';
    margin-inline-start: var(--tn-i-space);
  }
  .id,
  .tax {
    font-variant-numeric: tabular-nums;
  }
  .actions {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: calc(var(--tn-i-space) / 2);
  }
  .action {
    padding-block: 0.125em;
    padding-inline: 0.5em;
    border: 1px solid var(--tn-i-accent);
    border-radius: var(--tn-i-radius);
    color: var(--tn-i-accent);
    background: var(--tn-i-surface);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .action.primary {
    background: var(--tn-i-accent);
    color: var(--tn-i-accent-text);
  }
  .action:hover {
    text-decoration: underline;
  }
  .status {
    color: var(--tn-i-muted);
  }
  .count {
    margin: 0;
    padding-inline: var(--tn-i-space);
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .show-more {
    align-self: center;
  }
  .show-more[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  @container (max-width: 24em) {
    .option {
      grid-template-columns: 1fr;
    }
    .actions {
      grid-column: 1;
      grid-row: auto;
      justify-content: flex-start;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  @media (forced-colors: active) {
    .option.active {
      outline: 2px solid Highlight;
    }
    .action {
      border: 1px solid ButtonText;
    }
    mark {
      background: Mark;
      color: MarkText;
    }
  }
`;
