import { css } from 'lit';

export const styles = css`
  :host {
    --tn-i-flow-gap: var(--tn-flow-gap, 1em);
  }
  .base {
    display: grid;
    gap: var(--tn-i-flow-gap);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--tn-i-space) / 2) var(--tn-i-space);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--tn-i-muted);
  }
  .progress li {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
  }
  .progress li + li::before {
    flex: none;
    content: '';
    inline-size: 1.5em;
    border-block-start: 1px solid var(--tn-i-border);
  }
  .number {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    border: 1px solid var(--tn-i-border);
    font-variant-numeric: tabular-nums;
  }
  .current {
    color: var(--tn-i-text);
    font-weight: 700;
  }
  .current .number {
    background: var(--tn-i-accent);
    border-color: var(--tn-i-accent);
    color: var(--tn-i-accent-text);
  }
  .past .number {
    border-color: var(--tn-i-accent);
    color: var(--tn-i-accent);
  }
  /* Narrow: only the current step, with its "step N of M" shown. */
  @container (max-width: 30em) {
    .progress li:not(.current),
    .progress li::before {
      display: none;
    }
    .progress .position {
      position: static;
      inline-size: auto;
      block-size: auto;
      margin: 0;
      overflow: visible;
      clip-path: none;
      white-space: normal;
    }
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--tn-i-space);
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
    margin: 0;
  }
  .title:focus {
    outline: none;
  }
  .title:not([data-pointer-focus]):focus-visible {
    outline: var(--tn-i-focus);
    outline-offset: 2px;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tn-i-space);
  }
  .button.link {
    border-color: transparent;
    text-decoration: underline;
  }
  .arrow {
    display: inline-block;
  }
  :host(:dir(rtl)) .arrow {
    transform: scaleX(-1);
  }
  /* The steps' own titles sit under the flow's title: keep them smaller than it. */
  tn-verify-invoice::part(title) {
    font-size: 1.0625em;
  }
  .done-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tn-i-space);
  }
  @media (forced-colors: active) {
    .current .number {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
  }
`;
