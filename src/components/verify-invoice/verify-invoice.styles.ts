import { css } from 'lit';

export const styles = css`
  :host {
    --tn-i-field-max: var(--tn-verify-field-max-width, 22em);
  }
  .base {
    display: grid;
    gap: calc(var(--tn-i-space) * 2);
  }
  .title {
    margin: 0;
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .intro,
  .status {
    margin: 0;
    color: var(--tn-i-muted);
  }
  .layout {
    display: grid;
    gap: calc(var(--tn-i-space) * 2);
    align-items: start;
  }
  /* Wide: the form first, the process beside it (as the portal shows it). */
  @container (min-width: 44em) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(14em, 18em);
      grid-template-areas: 'panel steps';
    }
    /* Only inside the layout: the support-case outcome is a panel too, alone in the base, and
       a named area there would push it into a second, implicit column. */
    .layout > .steps {
      grid-area: steps;
    }
    .layout > .panel {
      grid-area: panel;
    }
  }

  /* ----- step indicator */
  .steps {
    display: grid;
    gap: var(--tn-i-space);
    padding: calc(var(--tn-i-space) * 1.5);
    border-radius: var(--tn-i-radius);
    background: var(--tn-i-surface-alt);
  }
  .steps-title {
    font-weight: 700;
  }
  .step-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11em, 1fr));
    gap: var(--tn-i-space) calc(var(--tn-i-space) * 2);
  }
  .step {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 var(--tn-i-space);
    align-items: start;
    color: var(--tn-i-muted);
  }
  .step.is-current {
    color: var(--tn-i-text);
  }
  .marker {
    display: inline-grid;
    place-items: center;
    inline-size: 1.75em;
    block-size: 1.75em;
    border-radius: 50%;
    border: 2px solid var(--tn-i-border);
    background: var(--tn-i-surface);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .status-current .marker {
    border-color: var(--tn-i-accent);
    background: var(--tn-i-accent);
    color: var(--tn-i-accent-text);
  }
  .status-done .marker {
    border-color: var(--tn-i-success);
    background: var(--tn-i-success);
    color: #fff;
  }
  .status-locked .marker {
    border-color: var(--tn-i-danger);
    background: var(--tn-i-danger);
    color: #fff;
  }
  .step-text {
    display: grid;
    gap: 0.125em;
    padding-block-start: 0.2em;
  }
  .step-title {
    font-weight: 600;
  }
  .step-description {
    font-size: 0.875em;
  }
  @container (max-width: 30em) {
    .step-description {
      display: none;
    }
  }

  /* ----- the step on screen */
  .panel {
    display: grid;
    gap: calc(var(--tn-i-space) * 1.5);
    min-inline-size: 0;
  }
  .step-heading {
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .step-heading:focus {
    outline: none;
  }
  .step-heading:not([data-pointer-focus]):focus-visible {
    outline: var(--tn-i-focus);
    outline-offset: 2px;
  }
  .form {
    display: grid;
    gap: calc(var(--tn-i-space) * 1.5);
  }
  label {
    font-weight: 600;
  }
  /* The shared field box (styles/fields.ts), a little taller. */
  input {
    min-block-size: calc(2.5em * var(--tn-i-density));
    inline-size: 100%;
    max-inline-size: var(--tn-i-field-max);
    min-inline-size: 0;
  }
  input[aria-invalid='true'] {
    border-color: var(--tn-i-danger);
    border-width: 2px;
  }
  .amount {
    display: flex;
    max-inline-size: var(--tn-i-field-max);
  }
  .amount input {
    flex: 1;
    border-start-end-radius: 0;
    border-end-end-radius: 0;
    font-variant-numeric: tabular-nums;
  }
  .currency {
    display: inline-flex;
    align-items: center;
    padding-inline: 0.625em;
    border: 1px solid var(--tn-i-border);
    border-inline-start: 0;
    border-start-end-radius: var(--tn-i-radius);
    border-end-end-radius: var(--tn-i-radius);
    background: var(--tn-i-surface-alt);
    color: var(--tn-i-muted);
    font-weight: 600;
  }
  .challenge {
    justify-self: start;
    min-inline-size: min(100%, var(--tn-i-field-max));
    max-inline-size: 100%;
    display: grid;
    gap: 0.125em;
    justify-items: start;
    padding: var(--tn-i-space) calc(var(--tn-i-space) * 1.5);
    border-inline-start: 4px solid var(--tn-i-accent);
    border-radius: var(--tn-i-radius);
    background: var(--tn-i-active);
  }
  .challenge-label {
    font-weight: 600;
  }
  .challenge-number {
    font-size: 1.75em;
    line-height: 1.2;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .rejection {
    justify-content: flex-start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tn-i-space) calc(var(--tn-i-space) * 2);
  }
  .actions .button,
  .fallback .button {
    min-block-size: calc(2.5em * var(--tn-i-density));
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
  .fallback {
    display: grid;
    gap: var(--tn-i-space);
    justify-items: start;
    padding-block-start: calc(var(--tn-i-space) * 1.5);
    border-block-start: 1px solid var(--tn-i-border);
  }
  .fallback.primary {
    padding-block-start: 0;
    border: 0;
  }
  .fallback p,
  .confirmation p,
  .locked-state p {
    margin: 0;
  }
  .fallback .notice {
    justify-self: stretch;
  }
  .confirmation,
  .locked-state {
    display: grid;
    gap: var(--tn-i-space);
    padding: var(--tn-i-space) calc(var(--tn-i-space) * 1.5);
    border-inline-start: 4px solid var(--tn-i-success);
    border-radius: var(--tn-i-radius);
    background: var(--tn-i-surface-alt);
  }
  .locked-state {
    border-inline-start-color: var(--tn-i-danger);
  }
  .connected {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .outcome {
    justify-items: start;
  }
  @media (forced-colors: active) {
    .marker {
      border-color: CanvasText;
    }
    .status-current .marker,
    .status-done .marker,
    .status-locked .marker {
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .challenge,
    .confirmation,
    .locked-state,
    .steps {
      border: 1px solid CanvasText;
    }
    input[aria-invalid='true'] {
      border-color: Mark;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .marker {
      transition:
        background-color 0.2s,
        border-color 0.2s;
    }
  }
`;
